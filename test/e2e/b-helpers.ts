/**
 * Helpers for the end-to-end tests of safe resets, files and describe: the built binary run with
 * a bound on its life, the sandbox state read before and after, and the commands it prints.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readSandboxState, updateSandboxState } from '../../src/sandbox/index.js';
import type { LogEntry, SandboxState } from '../../src/sandbox/index.js';
import { BIN, workspace, type RunResult, type Workspace } from './harness.js';

export { workspace, type Workspace };

export interface BinResult extends RunResult {
  /** Set when the bound ran out and the process was killed. */
  killedAfterMs?: number;
}

/**
 * Runs the binary and kills it if it outlives `boundMs`, so that a command that hangs fails its
 * test instead of spinning on after it.
 */
export function runBin(args: string[], env: NodeJS.ProcessEnv, boundMs = 60_000):
Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, boundMs);
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ...(killed ? { killedAfterMs: boundMs } : {}) });
    });
    child.stdin.end('');
  });
}

/** Runs a command against the workspace's in-process sandbox (its state file is the default). */
export function sandboxed(ws: Workspace, args: string[], boundMs?: number): Promise<BinResult> {
  return runBin([...args, '--sandbox'], ws.env, boundMs);
}

/** A one-line account of a run, for assertion messages. */
export function shown(r: BinResult): string {
  const killed = r.killedAfterMs ? ` (killed after ${r.killedAfterMs} ms)` : '';
  return `exit ${r.status}${killed}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

/** Seeds the workspace's sandbox state (when absent), applies `change`, and returns the state. */
export async function seeded(ws: Workspace, change: (s: SandboxState) => void = () => {}):
Promise<SandboxState> {
  await updateSandboxState(ws.sandboxState, change);
  return readSandboxState(ws.sandboxState);
}

export function stateOf(ws: Workspace): Promise<SandboxState> {
  return readSandboxState(ws.sandboxState);
}

/** A group's committed offsets, copied so that later changes to the state do not show. */
export function offsetsOf(state: SandboxState, group: string): Record<string, (number | null)[]> {
  const record = state.groups[group];
  if (!record) throw new Error(`the sandbox state has no group "${group}"`);
  return structuredClone(record.offsets);
}

export function updateCalls(state: SandboxState): LogEntry[] {
  return state.log.filter((e) => e.action === 'UpdateConsumerOffset');
}

/** The snapshot files the tool saved under the workspace's state directory. */
export function snapshotFiles(ws: Workspace): string[] {
  const dir = join(ws.stateDir, 'snapshots');
  return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
}

export function removeWorkspace(ws: Workspace | undefined): void {
  if (ws) rmSync(ws.home, { recursive: true, force: true });
}

/** The one JSON document a command printed on stdout. */
export function jsonOf<T = Record<string, any>>(r: BinResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`expected one JSON document on stdout\n${shown(r)}`);
  }
}

/**
 * Splits a command line the tool printed into words: plain words and single-quoted ones (with
 * the `'\''` escape), which is every form its quoting produces.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (const m of line.trim().matchAll(pattern)) {
    words.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!);
  }
  return words;
}

/**
 * The arguments of the command printed right after `label` (e.g. "Undo with:"), on the same line
 * or the next, with the program name taken off.
 */
export function printedCommand(text: string, label: string): string[] {
  const at = text.indexOf(label);
  if (at < 0) throw new Error(`expected "${label}" in:\n${text}`);
  const line = text.slice(at + label.length).trimStart().split('\n')[0] ?? '';
  const words = shellWords(line);
  if (words[0] !== 'alikafka-offsets') {
    throw new Error(`expected "${label}" to be followed by an alikafka-offsets command: ${line}`);
  }
  return words.slice(1);
}

/** The partitions of `topic` in the seed, as [logStart, logEnd] pairs. */
export function boundsOf(state: SandboxState, topic: string): [number, number][] {
  const record = state.topics[topic];
  if (!record) throw new Error(`the sandbox state has no topic "${topic}"`);
  return record.partitions.map((p) => [p.logStart, p.logEnd]);
}
