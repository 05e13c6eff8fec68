/**
 * The state file: loaded on first use (seeded when absent), changed only inside a transaction
 * that holds a lock file, and written atomically (temporary file, fsync, rename), so that a
 * sandbox and another process arming a fault never lose each other's changes.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { makeDirs } from '../files.js';
import { dirname } from 'node:path';
import { OperationError } from '../errors.js';
import type { SandboxState } from './model.js';
import { seedState, type SeedOptions } from './seed.js';

export type { SandboxState } from './model.js';

export interface StoreOptions {
  /** The clock the seed is built from when the file does not exist yet. */
  now?: () => number;
  seed?: SeedOptions;
}

/** A lock older than this is taken to belong to a process that died holding it. */
const STALE_LOCK_MS = 30_000;
const LOCK_WAIT_MS = 10_000;
const LOCK_RETRY_MS = 5;

/** Reads the state file as it is now; fails when it does not exist. */
export async function readSandboxState(path: string): Promise<SandboxState> {
  const text = await readFile(path, 'utf8').catch((err: unknown) => {
    throw new OperationError('SANDBOX_STATE_UNREADABLE', `cannot read sandbox state ${path}`, {
      cause: err,
      hint: `start the sandbox once, or run \`alikafka-offsets sandbox reset-state --state ` +
        `${path}\``,
    });
  });
  return parseState(text, path);
}

/** Changes the state under the lock and writes it back; seeds the file when absent. */
export async function updateSandboxState(
  path: string,
  fn: (s: SandboxState) => void,
  opts: StoreOptions = {},
): Promise<void> {
  await new StateStore(path, opts).transaction(fn);
}

/** Replaces the state with a fresh seed. */
export async function resetSandboxState(path: string, opts: StoreOptions = {}): Promise<void> {
  const now = opts.now ?? Date.now;
  await withLock(path, () => writeAtomically(path, seedState(now(), opts.seed)));
}

/**
 * Owns one state file for a long-lived process. The parsed state is kept between transactions
 * and read again only when the file changed underneath (another process wrote it).
 */
export class StateStore {
  private cached: { state: SandboxState; stamp: string } | null = null;

  constructor(
    readonly path: string,
    private readonly opts: StoreOptions = {},
  ) {}

  /** Runs `fn` on the current state and writes the result; `fn` throwing writes nothing. */
  async transaction<T>(fn: (s: SandboxState) => T): Promise<T> {
    return withLock(this.path, async () => {
      const state = await this.load();
      let result: T;
      try {
        result = fn(state);
        await writeAtomically(this.path, state);
      } catch (err) {
        // The cached copy may hold half of the change: read the file again next time.
        this.cached = null;
        throw err;
      }
      this.cached = { state, stamp: await stampOf(this.path) };
      return result;
    });
  }

  private async load(): Promise<SandboxState> {
    const stamp = await stampOf(this.path);
    if (stamp === '') {
      const now = this.opts.now ?? Date.now;
      return seedState(now(), this.opts.seed);
    }
    if (this.cached && this.cached.stamp === stamp) return this.cached.state;
    this.cached = null;
    return parseState(await readFile(this.path, 'utf8'), this.path);
  }
}

function parseState(text: string, path: string): SandboxState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw invalid(path, 'it is not JSON', err);
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== 1) {
    throw invalid(path, 'expected a sandbox state of format 1');
  }
  return value as SandboxState;
}

function invalid(path: string, why: string, cause?: unknown): OperationError {
  return new OperationError('SANDBOX_STATE_INVALID', `sandbox state ${path} is unusable: ${why}`, {
    cause,
    hint: `run \`alikafka-offsets sandbox reset-state --state ${path}\` to start from the seed ` +
      'again',
  });
}

/** Identifies one version of the file; '' when it does not exist. */
async function stampOf(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

async function writeAtomically(path: string, state: SandboxState): Promise<void> {
  await makeDirs(dirname(path));
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const file = await open(temp, 'w', 0o600);
  try {
    await file.writeFile(JSON.stringify(state));
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Same-process callers queue here, so only other processes make us poll the lock file. */
const queues = new Map<string, Promise<unknown>>();

async function withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => withLockFile(path, fn));
  const tail = run.catch(() => undefined);
  queues.set(path, tail);
  try {
    return await run;
  } finally {
    if (queues.get(path) === tail) queues.delete(path);
  }
}

async function withLockFile<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  await makeDirs(dirname(path));
  const started = Date.now();

  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (await isStale(lock)) {
        await unlink(lock).catch(() => undefined);
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) {
        throw new OperationError('SANDBOX_STATE_LOCKED', `sandbox state ${path} stays locked`, {
          hint: `another process holds ${lock}; remove it if no sandbox command is running`,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
    }
  }

  try {
    return await fn();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

async function isStale(lock: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(lock)).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
}
