/**
 * The snapshot taken before any write: the committed offset of every partition in scope, with
 * enough context to undo the reset. Written atomically and flushed to disk before the first
 * write is sent; if it cannot be written, nothing is written to the service either.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { OperationError } from './errors.js';
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

/** Writes `content` to `path` through a flushed temporary file and a rename. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    // The rename is durable only once the directory entry is flushed too.
    const dir = await open(dirname(path), 'r').catch(() => undefined);
    await dir?.sync().catch(() => undefined);
    await dir?.close();
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

export async function saveSnapshot(path: string, doc: SnapshotDocument): Promise<string> {
  const full = resolve(path);
  try {
    await writeFileAtomic(full, `${JSON.stringify(doc, null, 2)}\n`);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new OperationError('SNAPSHOT_FAILED', `could not write the snapshot ${full} (${code}); ` +
      'nothing was reset', {
      cause: err,
      hint: 'Choose a writable place with --snapshot <path>, or free space, and run again.',
    });
  }
  return full;
}
