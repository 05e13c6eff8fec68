/**
 * The snapshot taken before any write: the committed offset of every partition in scope, with
 * enough context to undo the reset. Written atomically and flushed to disk before the first
 * write is sent; if it cannot be written, nothing is written to the service either.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from './files.js';
import { OperationError, UsageError } from './errors.js';
import type { PlanRow } from './plan/types.js';
import { SNAPSHOT_KIND, type SnapshotDocument } from './parse/documents.js';
import type { GroupRef } from './types.js';

export function snapshotOf(ref: GroupRef, rows: PlanRow[], command: string, now: number):
SnapshotDocument {
  return {
    schemaVersion: 1,
    kind: SNAPSHOT_KIND,
    takenAt: new Date(now).toISOString(),
    regionId: ref.regionId,
    instanceId: ref.instanceId,
    group: ref.group,
    command,
    partitions: rows.map((r) => ({
      topic: r.topic,
      partition: r.partition,
      committed: r.current,
      target: r.target,
    })),
  };
}

/** A new file name under the state directory; never one that is already taken. */
export function defaultSnapshotPath(stateDir: string, group: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '');
  const base = join(stateDir, 'snapshots', `${group}-${stamp}`);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base}.json` : `${base}-${n}.json`;
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Saves the snapshot without ever replacing a file: a path given with --snapshot that exists is
 * refused; a default name that was taken meanwhile (another reset in the same millisecond) is
 * followed by the next free one.
 */
export async function saveSnapshot(
  path: string | undefined,
  doc: SnapshotDocument,
  stateDir: string,
  now: number,
): Promise<string> {
  const content = `${JSON.stringify(doc, null, 2)}\n`;
  for (let tries = 0; ; tries++) {
    const full = resolve(path ?? defaultSnapshotPath(stateDir, doc.group, now));
    try {
      await writeFileAtomic(full, content, true);
      return full;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && path === undefined && tries < 100) continue;
      throw snapshotError(full, err, path !== undefined);
    }
  }
}

function snapshotError(full: string, err: unknown, explicit: boolean): Error {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'EEXIST' && explicit) {
    return new UsageError('SNAPSHOT_EXISTS', `the snapshot file ${full} already exists; a ` +
      'snapshot never replaces another (it may be the only way back); nothing was reset', {
      hint: 'Give --snapshot a new file name, or leave it out for a fresh one under the state ' +
        'directory.',
    });
  }
  return new OperationError('SNAPSHOT_FAILED', `could not write the snapshot ${full} (${code}); ` +
    'nothing was reset', {
    cause: err,
    hint: 'Choose a writable place with --snapshot <path>, or free space, and run again.',
  });
}
