/**
 * `explain` is registered without loading the catalogue, and what it loads when it runs needs
 * neither credentials nor the SDK.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandStatus } from '../../src/command.js';
import { register } from '../../src/commands/explain.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function importsOf(file: string): { statics: string[]; dynamics: string[] } {
  const text = readFileSync(file, 'utf8');
  // Type-only imports are erased when compiled, so they load nothing.
  const statics = [...text.matchAll(/^(?:import|export)\s+(?!type\s)[^;=(]*?from '([^']+)';/gm)]
    .map((m) => m[1] ?? '');
  const dynamics = [...text.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1] ?? '');
  return { statics, dynamics };
}

/** Every package the module graph from `entry` reaches, following relative imports. */
function packagesReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const { statics, dynamics } = importsOf(file);
    for (const spec of [...statics, ...dynamics]) {
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  }
  return packages;
}

describe('explain wiring', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('loads the catalogue only from inside the action', () => {
    const { statics, dynamics } = importsOf(resolve(SRC, 'commands/explain.ts'));
    expect(statics.some((spec) => spec.includes('catalogue'))).toBe(false);
    expect(dynamics).toEqual(['../catalogue/command.js']);
  });

  it('reaches no SDK or credentials package when it runs', () => {
    const packages = [...packagesReached(resolve(SRC, 'catalogue/command.ts'))];
    expect(packages.filter((name) => name.startsWith('@alicloud'))).toEqual([]);
    expect(packages.filter((name) => !name.startsWith('node:')).sort())
      .toEqual(['chalk', 'fastest-levenshtein']);
  });

  it('adds explain [code] with --list to the program', () => {
    const program = new Command('alikafka-offsets');
    register(program);
    const explain = program.commands.find((cmd) => cmd.name() === 'explain');
    expect(explain?.registeredArguments.map((arg) => arg.required)).toEqual([false]);
    expect(explain?.options.map((option) => option.long)).toEqual(['--list']);
    const help: string[] = [];
    explain?.configureOutput({ writeOut: (text) => void help.push(text) }).outputHelp();
    expect(help.join('')).toContain('alikafka-offsets explain Group.Active');
  });

  it('runs through commander and writes one JSON document', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const program = new Command('alikafka-offsets')
      .exitOverride()
      .addOption(new Option('--output <format>').default('text'));
    register(program);

    await program.parseAsync(['explain', 'BIZ_CONSUMER_GROUP_ACTIVE_ERROR', '--output', 'json'],
      { from: 'user' });

    expect(commandStatus()).toBe(0);
    const doc = JSON.parse(written.join('')) as Record<string, unknown>;
    expect(doc).toMatchObject({ schemaVersion: 1, code: 'BIZ_CONSUMER_GROUP_ACTIVE_ERROR' });
  });
});
