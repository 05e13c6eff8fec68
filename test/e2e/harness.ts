/**
 * Running the built binary the way a user does: a child process with its own temporary HOME and
 * state directory, and only loopback to talk to.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(
  new URL('../../bin/alikafka-offsets.cjs', import.meta.url),
);

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  home: string;
  stateDir: string;
  sandboxState: string;
  env: NodeJS.ProcessEnv;
}

/** A fresh HOME and state directory; no credentials, no colour, no metadata service. */
export function workspace(extra: NodeJS.ProcessEnv = {}): Workspace {
  const home = mkdtempSync(join(tmpdir(), 'alikafka-offsets-test-'));
  const stateDir = join(home, 'state');
  return {
    home,
    stateDir,
    sandboxState: join(stateDir, 'sandbox.json'),
    env: {
      PATH: process.env.PATH,
      HOME: home,
      ALIKAFKA_OFFSETS_HOME: stateDir,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      TZ: 'UTC',
      ...extra,
    },
  };
}

export function run(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Runs a command against the workspace's in-process sandbox. */
export function runSandboxed(ws: Workspace, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  return run([...args, '--sandbox'], { ...ws.env, ...extraEnv });
}
