/** `reset`: check the input, open a session, and run the plan-then-apply flow. */
import { existsSync } from 'node:fs';
import type { Run } from '../../command.js';
import { UsageError } from '../../errors.js';
import { openSession, connectionInput, type ConnectionOptions } from '../../session.js';
import { resetInput, type ResetFlags } from './options.js';
import { runFlow } from './flow.js';

export type ResetOptions = ResetFlags & ConnectionOptions;

/**
 * The arguments that say the same thing again, for "to apply, run ..." and the snapshot. A
 * duration is replaced by the instant it resolved to, so that applying later moves nothing.
 */
export function echoArgs(argv: string[], resolvedMs?: number): string[] {
  const i = argv.indexOf('reset');
  const args = argv.slice(i >= 0 ? i : 0).filter((a) => a !== '--execute');
  const at = args.findIndex((a) => a === '--by-duration' || a.startsWith('--by-duration='));
  if (at < 0 || resolvedMs === undefined) return args;
  const width = args[at] === '--by-duration' ? 2 : 1;
  args.splice(at, width, '--to-timestamp', String(resolvedMs));
  return args;
}

export const run: Run<ResetOptions> = async (opts, ctx) => {
  // Every input check happens before the session opens, so bad input sends nothing.
  connectionInput(opts);
  const input = await resetInput(opts, ctx.now());
  refuseExistingSnapshot(opts.snapshot);
  const session = await openSession(opts, ctx);
  const from = input.fileSource;
  const ref = session.ref;
  const warnings: string[] = [...(input.warnings ?? [])];
  if (from && ((from.group && from.group !== ref.group) ||
    (from.instanceId && from.instanceId !== ref.instanceId))) {
    warnings.push(`${opts.fromFile} holds the offsets of group "${from.group}" on ` +
      `${from.instanceId}; this plan applies them to group "${ref.group}" on ${ref.instanceId}`);
  }
  try {
    return await runFlow(session, {
      name: 'reset',
      scope: input.scope,
      target: input.target,
      time: input.time,
      execute: Boolean(opts.execute),
      force: Boolean(opts.force),
      verify: opts.verify !== false,
      snapshot: opts.snapshot,
      concurrency: input.concurrency,
      args: echoArgs(process.argv.slice(2), opts.byDuration ? input.time?.ms : undefined),
      warnings,
    }, ctx);
  } finally {
    await session.close();
  }
};

/** A snapshot never replaces a file; say so before anything is read or written. */
export function refuseExistingSnapshot(path: string | undefined): void {
  if (path !== undefined && existsSync(path)) {
    throw new UsageError('SNAPSHOT_EXISTS', `--snapshot ${path} already exists; a snapshot ` +
      'never replaces another file (it may be the only way back)', {
      hint: 'Give a new file name, or leave --snapshot out for a fresh one.',
    });
  }
}
