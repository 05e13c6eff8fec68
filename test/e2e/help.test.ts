/**
 * Help as a person meets it: every command's `--help` carries worked examples, the exit-status
 * table and the environment; a mistyped command or option names the right one and exits 2;
 * `completion` prints scripts that the shells accept and that complete.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, workspace } from './harness.js';

const ws = workspace();

/** The exit statuses of the command-line contract, each with a word of its meaning. */
const STATUSES: [number, RegExp][] = [
  [0, /success/],
  [1, /API refused or failed/],
  [2, /invalid input or usage/],
  [3, /credentials or permission/],
  [4, /online consumers/],
  [5, /partial/],
  [130, /interrupted/],
];

const VARIABLES = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALIBABA_CLOUD_REGION_ID',
  'ALIBABA_CLOUD_ECS_METADATA_DISABLED',
  'NO_COLOR',
  'ALIKAFKA_OFFSETS_HOME',
];

/** Every command a person can ask help for, with the words its examples start with. */
const COMMANDS: [string[], string][] = [
  [[], 'alikafka-offsets reset'],
  [['reset'], 'alikafka-offsets reset'],
  [['describe'], 'alikafka-offsets describe'],
  [['export'], 'alikafka-offsets export'],
  [['undo'], 'alikafka-offsets undo'],
  [['explain'], 'alikafka-offsets explain'],
  [['sandbox'], 'alikafka-offsets sandbox'],
  [['sandbox', 'fault', 'add'], 'alikafka-offsets sandbox fault add'],
  [['config'], 'alikafka-offsets config show'],
  [['config', 'show'], 'alikafka-offsets config show'],
  [['completion'], 'alikafka-offsets completion'],
];

function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}:\n`);
  if (start < 0) return '';
  const end = text.indexOf('\n\n', start + heading.length + 3);
  return text.slice(start, end < 0 ? undefined : end);
}

describe('--help', () => {
  it.each(COMMANDS)('of "%s" has examples, exit statuses and the environment', async (words,
    example) => {
    const res = await run([...words, '--help'], ws.env);
    expect(res.status).toBe(0);
    expect(res.stderr).toBe('');

    const examples = res.stdout.slice(res.stdout.indexOf('\nExamples:\n'));
    expect(res.stdout).toContain('\nExamples:\n');
    expect(examples).toMatch(new RegExp(`^ +(source <\\()?${example}`, 'm'));

    const statuses = section(res.stdout, 'Exit status');
    for (const [status, meaning] of STATUSES) {
      expect(statuses).toMatch(new RegExp(`^ +${status} +.*${meaning.source}`, 'm'));
    }
    const environment = section(`${res.stdout}\n`, 'Environment');
    for (const name of VARIABLES) expect(environment).toContain(name);
  });

  it.each(COMMANDS)('of "%s" fits 100 columns', async (words) => {
    const res = await run([...words, '--help'], ws.env);
    const wide = res.stdout.split('\n').filter((line) => line.length > 100);
    expect(wide).toEqual([]);
  });

  it('of the subcommands of sandbox carries the exit statuses too', async () => {
    for (const words of [['sandbox', 'mode'], ['sandbox', 'log'], ['sandbox', 'consumers']]) {
      const res = await run([...words, '--help'], ws.env);
      expect(res.status).toBe(0);
      expect(section(res.stdout, 'Exit status')).toMatch(/^ +4 +.*online consumers/m);
    }
  });
});

describe('a mistyped name', () => {
  it('"rest" suggests reset, exits 2 and prints nothing on stdout', async () => {
    const res = await run(['rest', '--sandbox', '--group', 'kafka-test'], ws.env);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/unknown command 'rest'/);
    expect(res.stderr).toMatch(/Did you mean reset\?/);
    expect(res.stdout).toBe('');
  });

  it('"--to-lates" suggests --to-latest, exits 2 and sends nothing', async () => {
    const local = workspace();
    const res = await run(['reset', '--sandbox', '--sandbox-state', local.sandboxState,
      '--group', 'kafka-test', '--topic', 'topic_name', '--to-lates', '--execute'], local.env);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/unknown option '--to-lates'/);
    expect(res.stderr).toMatch(/Did you mean --to-latest\?/);
    // The sandbox never started, so no state file was seeded and no call was made.
    expect(existsSync(local.sandboxState)).toBe(false);
  });

  it('"describ" suggests describe, and "--grup" suggests --group', async () => {
    const a = await run(['describ'], ws.env);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/Did you mean describe\?/);
    const b = await run(['describe', '--sandbox', '--grup', 'kafka-test'], ws.env);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/Did you mean --group\?/);
  });
});

/** Runs a shell with `script` on its standard input; resolves with its status and output. */
function shell(file: string, args: string[], script: string) {
  return new Promise<{ status: number | null; out: string }>((resolve, reject) => {
    const child = spawn(file, args, { env: ws.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out }));
    child.stdin.end(script);
  });
}

/** What the bash completion offers for a command line whose last word is being typed. */
async function bashCompletes(script: string, words: string[]): Promise<string[]> {
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const res = await shell('bash', ['--norc', '--noprofile'], `${script}
COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}
_alikafka_offsets
printf '%s\\n' "\${COMPREPLY[@]}"
`);
  expect(res.status, res.out).toBe(0);
  return res.out.split('\n').filter(Boolean);
}

describe('completion', () => {
  it('bash: a script bash -n accepts, which completes commands, subcommands and options',
    async () => {
      const res = await run(['completion', 'bash'], ws.env);
      expect(res.status).toBe(0);
      const syntax = await shell('bash', ['-n'], res.stdout);
      expect(syntax.status, syntax.out).toBe(0);

      expect(await bashCompletes(res.stdout, ['alikafka-offsets', 'res'])).toEqual(['reset']);
      expect(await bashCompletes(res.stdout, ['alikafka-offsets', 'reset', '--to-l']))
        .toEqual(['--to-latest']);
      expect(await bashCompletes(res.stdout, ['alikafka-offsets', 'config', 'sh']))
        .toEqual(['show']);
    });

  it('zsh: a #compdef script naming every command', async () => {
    const res = await run(['completion', 'zsh'], ws.env);
    expect(res.status).toBe(0);
    expect(res.stdout.startsWith('#compdef alikafka-offsets\n')).toBe(true);
    for (const name of ['reset', 'describe', 'export', 'undo', 'explain', 'sandbox', 'config']) {
      expect(res.stdout).toContain(name);
    }
    expect(res.stdout).toContain('--to-earliest');
  });

  it('fish: complete lines for the commands and their options', async () => {
    const res = await run(['completion', 'fish'], ws.env);
    expect(res.status).toBe(0);
    const lines = res.stdout.trim().split('\n').filter((l) => !l.startsWith('#'));
    expect(lines.every((l) => l.startsWith('complete -c alikafka-offsets '))).toBe(true);
    expect(res.stdout).toContain('__fish_seen_subcommand_from reset" -l to-earliest');
  });

  it('refuses another shell with exit 2, naming the ones it knows', async () => {
    const res = await run(['completion', 'tcsh'], ws.env);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/bash, zsh and fish/);
    expect(res.stdout).toBe('');
  });
});
