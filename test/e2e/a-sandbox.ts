/**
 * A sandbox running in the test process, reached by the built binary over loopback through
 * `--endpoint`, so that everything the binary sends lands in the sandbox's request log.
 */
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  armFault,
  readSandboxState,
  startSandbox,
  updateSandboxState,
  type FaultSpec,
  type LogEntry,
  type SandboxHandle,
  type SandboxOptions,
} from '../../src/sandbox/index.js';
import { run, workspace, type RunResult, type Workspace } from './harness.js';

process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';

export const GROUP = 'kafka-test';
export const TOPIC = 'topic_name';

export interface LiveSandbox {
  ws: Workspace;
  handle: SandboxHandle;
  statePath: string;
  /** The workspace's environment with the sandbox's key in the default credential chain. */
  env: NodeJS.ProcessEnv;
  /** `--endpoint`, `--instance` and `--region` of this sandbox. */
  connection: string[];
  close(): Promise<void>;
}

/** `sleep` replaces the wait of latency faults, so a test can hold an answer back for good. */
export async function liveSandbox(
  opts: Pick<SandboxOptions, 'sleep'> = {},
): Promise<LiveSandbox> {
  const ws = workspace();
  const statePath = join(ws.stateDir, 'live-sandbox.json');
  const handle = await startSandbox({ host: '127.0.0.1', port: 0, statePath, ...opts });
  return {
    ws,
    handle,
    statePath,
    env: {
      ...ws.env,
      ALIBABA_CLOUD_ACCESS_KEY_ID: handle.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: handle.accessKeySecret,
    },
    connection: [
      '--endpoint', handle.url,
      '--instance', handle.instanceId,
      '--region', handle.regionId,
    ],
    close: async () => {
      await handle.close();
      await rm(ws.home, { recursive: true, force: true });
    },
  };
}

/** Runs `reset` (or any command given first) against the live sandbox. */
export function runLive(
  sb: LiveSandbox,
  args: string[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  const [command = 'reset', ...rest] = args;
  return run([command, ...sb.connection, ...rest], { ...sb.env, ...extraEnv });
}

export async function requestLog(statePath: string): Promise<LogEntry[]> {
  return (await readSandboxState(statePath)).log;
}

export async function resetCalls(statePath: string): Promise<LogEntry[]> {
  return (await requestLog(statePath)).filter((e) => e.action === 'UpdateConsumerOffset');
}

/** The single UpdateConsumerOffset the sandbox received; fails the test if there were others. */
export async function onlyResetCall(statePath: string): Promise<LogEntry> {
  const calls = await resetCalls(statePath);
  expect(calls.map((c) => c.params), 'exactly one UpdateConsumerOffset call').toHaveLength(1);
  return calls[0]!;
}

export async function committed(
  statePath: string,
  topic: string,
  group = GROUP,
): Promise<(number | null)[]> {
  const state = await readSandboxState(statePath);
  return [...(state.groups[group]?.offsets[topic] ?? [])];
}

export async function arm(statePath: string, ...specs: FaultSpec[]): Promise<void> {
  await updateSandboxState(statePath, (s) => {
    for (const spec of specs) armFault(s, spec);
  });
}

/** The Offsets parameter as sent, with its keys in one case, sorted by partition. */
export function sentOffsets(entry: LogEntry): { partition: number; offset: number }[] {
  const list = JSON.parse(entry.params.Offsets ?? 'null') as Record<string, unknown>[];
  return list
    .map((o) => ({
      partition: Number(o.Partition ?? o.partition),
      offset: Number(o.Offset ?? o.offset),
    }))
    .sort((a, b) => a.partition - b.partition);
}

/** A wait that ends only when `release` is called: an answer held back for as long as needed. */
export function heldWait(): { sleep: (ms: number) => Promise<void>; release: () => void } {
  const waiting: (() => void)[] = [];
  return {
    sleep: () => new Promise<void>((resolve) => waiting.push(resolve)),
    release: () => waiting.splice(0).forEach((resolve) => resolve()),
  };
}

/** A loopback port that nothing listens on: one the system just handed out and took back. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port was assigned');
  return address.port;
}

/** A JavaScript stack frame, Node's own internals, or the report of an internal defect. */
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>)$|node:internal|This is a defect/m;

export function expectNoStackTrace(result: RunResult): void {
  expect(result.stderr).not.toMatch(STACK);
  expect(result.stdout).not.toMatch(STACK);
}

/** The one JSON document on stdout, failing the test when stdout holds anything else. */
export function jsonDocument(result: RunResult): Record<string, any> {
  let doc: unknown;
  expect(() => (doc = JSON.parse(result.stdout)), `stdout is one JSON document:\n${result.stdout}`)
    .not.toThrow();
  expect(doc).toBeTypeOf('object');
  return doc as Record<string, any>;
}
