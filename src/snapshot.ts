/**
 * The snapshot taken before any write: the committed offset of every partition in scope, with
 * enough context to undo the reset. Written atomically and flushed to disk before the first
 * write is sent; if it cannot be written, nothing is written to the service either.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
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
 * Creates `dir` and its missing parents one level at a time. Node's recursive mkdir never
 * returns when a parent exists but refuses the child with ENOENT (any path under /proc, a
 * dangling symlink), so it is not used.
 */
export async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    const found = await stat(d).then(() => true, (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false;
      throw err;
    });
    if (found || dirname(d) === d) break;
    missing.unshift(d);
  }

  for (const d of missing) {
    await mkdir(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
}

/**
 * Writes `content` to `path` through a flushed temporary file and a rename. With `exclusive`, an
 * existing file is never replaced: the temporary file is linked into place, which fails with
 * EEXIST where a rename would overwrite.
 */
export async function writeFileAtomic(
  path: string,
  content: string,
  exclusive = false,
): Promise<void> {
  await makeDirs(dirname(path));
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (exclusive) {
      await link(temp, path);
      await rm(temp, { force: true });
    } else {
      await rename(temp, path);
    }
    // The rename is durable only once the directory entry is flushed too.
    const dir = await open(dirname(path), 'r').catch(() => undefined);
    await dir?.sync().catch(() => undefined);
    await dir?.close();
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
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
