/**
 * What a command needs from the outside world, injected so tests never sleep or reach out:
 * the streams, the environment, the clock and how output should look.
 */

export type OutputFormat = 'text' | 'json';

export interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Context {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Milliseconds since the epoch; read once per decision that needs "now". */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  output: OutputFormat;
  /** Colour only on a TTY, never with NO_COLOR, --no-color or JSON. */
  color: boolean;
  verbose: boolean;
  /** Where the tool keeps snapshots and the sandbox state. */
  stateDir: string;
}

export interface GlobalOptions {
  output?: string;
  color?: boolean;
  verbose?: boolean;
}
