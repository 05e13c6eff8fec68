/** Writing files so that a reader never sees half of one, in places that may not exist yet. */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

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

