// Renders the help of every command of the built CLI into dist/help.json, at the width commander
// uses for a pipe (80 columns), so that `--help` can be answered without loading the bundle.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = process.argv[2] ?? fileURLToPath(new URL('../dist/', import.meta.url));
const cli = `${dist}/cli.js`;
const env = { PATH: process.env.PATH, NO_COLOR: '1', ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' };

function helpOf(path) {
  return execFileSync(process.execPath, [cli, ...path, '--help'], { env, encoding: 'utf8' });
}

/** The command names listed under "Commands:", as commander prints them. */
function subcommands(text) {
  const section = text.split(/\nCommands:\n/)[1];
  if (!section) return [];
  const names = [];
  for (const line of section.split('\n')) {
    if (!/^ {2}\S/.test(line)) {
      if (line.trim() === '' || /^\S/.test(line)) break;
      continue;
    }
    const name = line.trim().split(/\s/)[0];
    if (name !== 'help') names.push(name.replace(/\|.*$/, ''));
  }
  return names;
}

const help = {};
const pending = [[]];
while (pending.length > 0) {
  const path = pending.shift();
  const text = helpOf(path);
  help[path.join(' ')] = text;
  for (const name of subcommands(text)) pending.push([...path, name]);
}
writeFileSync(`${dist}/help.json`, JSON.stringify(help));
