/**
 * The glue between commander and a command's module: build the context from the global options,
 * load the module only when the command runs, and hand every failure to `report.ts`.
 */
import type { Command } from 'commander';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Context, OutputFormat } from './context.js';
import { UsageError } from './errors.js';

/** A command's body: returns the exit status, or throws one of the classes of `errors.ts`. */
export type Run<O> = (opts: O, ctx: Context, args: string[]) => Promise<number>;

export function stateDirFrom(env: NodeJS.ProcessEnv): string {
  if (env.ALIKAFKA_OFFSETS_HOME) return env.ALIKAFKA_OFFSETS_HOME;
  const base = env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'alikafka-offsets');
}

export function contextFrom(opts: Record<string, unknown>, env = process.env): Context {
  const output = (opts.output ?? 'text') as string;
  if (output !== 'text' && output !== 'json') {
    throw new UsageError('INVALID_OUTPUT', `--output must be "text" or "json", got "${output}"`);
  }
  const json = output === 'json';
  const noColor = opts.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    output: output as OutputFormat,
    // Colour is decided by stdout, where the styled text goes: `cmd > file` in a terminal
    // must not fill the file with escape codes.
    color: !json && !noColor && Boolean(process.stdout.isTTY),
    verbose: Boolean(opts.verbose),
    stateDir: stateDirFrom(env),
  };
}

let status = 0;
let interruptNote: string | undefined;

/** What to tell the operator if the process is interrupted now (e.g. mid-apply). */
export function setInterruptNote(note: string | undefined): void {
  interruptNote = note;
}

export function currentInterruptNote(): string | undefined {
  return interruptNote;
}

/** The exit status of the command that ran; the entry point is the only one that exits. */
export function commandStatus(): number {
  return status;
}

/** Wraps a lazily loaded command body as a commander action, recording its exit status. */
export function action<O>(load: () => Promise<Run<O>>) {
  return async (...args: unknown[]): Promise<void> => {
    const cmd = args[args.length - 1] as Command;
    const opts = cmd.optsWithGlobals() as O & Record<string, unknown>;
    const positional = args.slice(0, -2).filter((a): a is string => typeof a === 'string');
    let ctx: Context | undefined;
    try {
      ctx = contextFrom(opts);
      const run = await load();
      status = await run(opts, ctx, positional);
    } catch (err) {
      const { report } = await import('./report.js');
      status = report(err, ctx ?? fallbackContext(opts));
    }
  };
}

function fallbackContext(opts: Record<string, unknown>): Context {
  const json = opts.output === 'json';
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    output: json ? 'json' : 'text',
    color: false,
    verbose: Boolean(opts.verbose),
    stateDir: stateDirFrom(process.env),
  };
}
