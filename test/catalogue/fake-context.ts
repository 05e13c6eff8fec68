/** A context whose streams collect what a command writes, and whose clock never moves. */
import type { Context, OutputFormat } from '../../src/context.js';

export interface Collected {
  ctx: Context;
  stdout: () => string;
  stderr: () => string;
}

export function fakeContext(
  output: OutputFormat = 'text',
  options: { color?: boolean; columns?: number } = {},
): Collected {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: Context = {
    stdout: { write: (chunk: string) => out.push(chunk), isTTY: false, columns: options.columns },
    stderr: { write: (chunk: string) => err.push(chunk), isTTY: false },
    env: { ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' },
    now: () => Date.UTC(2026, 0, 1),
    sleep: async () => {},
    output,
    color: options.color ?? false,
    verbose: false,
    stateDir: '/nonexistent/alikafka-offsets-test',
  };
  return { ctx, stdout: () => out.join(''), stderr: () => err.join('') };
}
