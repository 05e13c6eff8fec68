/**
 * One executed reset per group at a time on this machine. Two runs that read the same offsets
 * and both write would each verify their own result while one silently undoes the other (a
 * `--shift-by` applied twice moves once). The lock is a file under the state directory holding
 * the owner's pid; a lock whose owner is gone is taken over. Other machines are not covered.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { OperationError } from './errors.js';
import { writeFileAtomic } from './files.js';
import type { GroupRef } from './types.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function lockGroup(stateDir: string, ref: GroupRef): Promise<() => Promise<void>> {
  const path = join(stateDir, 'locks', `${ref.instanceId}--${ref.group}.lock`);
  const mine = `${process.pid}\n`;
  for (let tries = 0; tries < 3; tries++) {
    try {
      await writeFileAtomic(path, mine, true);
      return async () => {
        const held = await readFile(path, 'utf8').catch(() => '');
        if (held === mine) await rm(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
      throw new OperationError('GROUP_BUSY', `another alikafka-offsets process (pid ${owner}) ` +
        `is resetting group "${ref.group}" on ${ref.instanceId}; nothing was written`, {
        hint: 'Wait for it to finish and look at the result with `describe` before running ' +
          `again. If no such process exists, remove ${path}.`,
      });
    }
    await rm(path, { force: true });
  }
  throw new OperationError('GROUP_BUSY', `could not take the lock ${path}`, {
    hint: 'Another process keeps taking it; try again in a moment.',
  });
}
