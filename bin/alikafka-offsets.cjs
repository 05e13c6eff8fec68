#!/usr/bin/env node
'use strict';
// The entry of the binary. `--help` and `--version` of a pipe or an 80-column terminal are
// answered from text rendered at build time, without loading the bundle: those are the calls
// scripts and shells make most, and they should cost no more than Node itself.
const args = process.argv.slice(2);

function quick() {
  const last = args[args.length - 1];
  if (args.length === 1 && (last === '--version' || last === '-V')) {
    return `${require('../package.json').version}\n`;
  }
  if (last !== '--help' && last !== '-h') return undefined;
  if (process.stdout.isTTY && process.stdout.columns !== 80) return undefined;
  const path = args.slice(0, -1);
  if (path.some((a) => a.startsWith('-'))) return undefined;
  try {
    return require('../dist/help.json')[path.join(' ')];
  } catch {
    return undefined;
  }
}

const text = quick();
if (text !== undefined) {
  process.stdout.write(text);
} else {
  import('../dist/cli.js');
}
