/**
 * `undo <snapshot>`: restore the offsets saved before an executed reset, one offset-mode call per
 * topic, through the same plan, guard, snapshot and verification as `reset`.
 */
import { readFile } from 'node:fs/promises';
import type { Run } from '../command.js';
import { UsageError } from '../errors.js';
import { parseIntInRange, parseOffsetsFile } from '../parse/index.js';
import { openSession, type ConnectionOptions } from '../session.js';
import { runFlow } from './reset/flow.js';
import { refuseExistingSnapshot } from './reset/run.js';

export interface UndoOptions extends ConnectionOptions {
  execute?: boolean;
  force?: boolean;
  verify?: boolean;
  snapshot?: string;
  concurrency?: string;
}

async function readSnapshot(path: string) {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError('SNAPSHOT_UNREADABLE', `cannot read the snapshot ${path} ` +
      `(${(err as NodeJS.ErrnoException).code ?? 'error'}); expected the file named by a ` +
      'reset\'s "Snapshot:" line');
  }
  const file = parseOffsetsFile(content, path);
  if (file.format !== 'snapshot-json' || !file.source?.group) {
    throw new UsageError('NOT_A_SNAPSHOT', `${path} is not a snapshot written by reset; to set ` +
      'offsets from a CSV or an export, use `reset --from-file`');
  }
  return file;
}

function agree(what: string, given: string | undefined, saved: string | undefined) {
  if (given !== undefined && saved !== undefined && given !== saved) {
    throw new UsageError('SNAPSHOT_MISMATCH', `${what} ${given} differs from the snapshot's ` +
      `${saved}; undo restores the group it was taken from (omit ${what})`);
  }
}

export const run: Run<UndoOptions> = async (opts, ctx, args) => {
  const path = args[0];
  if (!path) throw new UsageError('MISSING_SNAPSHOT', 'undo needs the snapshot file to restore');
  const concurrency = parseIntInRange(opts.concurrency ?? '4', '--concurrency', 1, 32);
  refuseExistingSnapshot(opts.snapshot);
  const file = await readSnapshot(path);
  const source = file.source!;
  agree('--group', opts.group, source.group);
  agree('--instance', opts.instance, source.instanceId);
  agree('--region', opts.region, source.regionId);
  if (file.topics.length === 0) {
    throw new UsageError('NOTHING_TO_RESTORE', `${path} holds no committed offset to restore`);
  }
  for (const s of file.skipped ?? []) {
    ctx.stderr.write(`note: ${s.topic} partition ${s.partition} is not restored: ${s.reason}\n`);
  }

  const session = await openSession({
    ...opts,
    group: source.group,
    instance: source.instanceId ?? opts.instance,
    region: source.regionId ?? opts.region,
  }, ctx);
  try {
    return await runFlow(session, {
      name: 'undo',
      scope: null,
      target: { mode: 'file', topics: file.topics },
      execute: Boolean(opts.execute),
      force: Boolean(opts.force),
      verify: opts.verify !== false,
      snapshot: opts.snapshot,
      concurrency,
      args: ['undo', path, ...session.connectionArgs],
    }, ctx);
  } finally {
    await session.close();
  }
};
