/**
 * `alikafka-offsets sandbox`: run the endpoint until SIGINT or SIGTERM, after printing what a
 * client needs to reach it.
 */
import { join } from 'node:path';
import type { Run } from '../command.js';
import type { Context } from '../context.js';
import { parseIntInRange } from '../parse/index.js';
import { SCHEMA_VERSION } from '../version.js';
import { SANDBOX_BULK_GROUP, SANDBOX_DEFAULT_PORT, SANDBOX_GROUP } from './constants.js';
import type { LogEntry } from './model.js';
import { startSandbox, type SandboxHandle } from './server.js';
import { readSandboxState } from './state.js';

export interface ServeOptions {
  host?: string;
  port?: string;
  state?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  allowRemote?: boolean;
  bulkTopics?: string;
  bulkPartitions?: string;
}

export function statePathOf(opts: { state?: string }, ctx: Context): string {
  return opts.state ?? join(ctx.stateDir, 'sandbox.json');
}

export function seedOptionsOf(opts: { bulkTopics?: string; bulkPartitions?: string }) {
  const seed: { bulkTopics?: number; bulkPartitions?: number } = {};
  if (opts.bulkTopics !== undefined) {
    seed.bulkTopics = parseIntInRange(opts.bulkTopics, '--bulk-topics', 0, 10_000);
  }
  if (opts.bulkPartitions !== undefined) {
    seed.bulkPartitions = parseIntInRange(opts.bulkPartitions, '--bulk-partitions', 1, 1_000);
  }
  return seed;
}

/**
 * Runs until the promise from `untilStop` settles; it is asked for once the server listens.
 * Separate from the signal wiring so tests can end it.
 */
export async function serve(opts: ServeOptions, ctx: Context, untilStop: () => Promise<unknown>) {
  const port = opts.port === undefined
    ? SANDBOX_DEFAULT_PORT
    : parseIntInRange(opts.port, '--port', 0, 65_535);
  const statePath = statePathOf(opts, ctx);

  const seed = seedOptionsOf(opts);
  const handle = await startSandbox({
    host: opts.host,
    port,
    statePath,
    accessKeyId: opts.accessKeyId,
    accessKeySecret: opts.accessKeySecret,
    now: ctx.now,
    sleep: ctx.sleep,
    seed,
    allowRemote: opts.allowRemote,
    onCall: ctx.verbose ? (entry) => ctx.stderr.write(`${callLine(entry)}\n`) : undefined,
  });

  if (ctx.output === 'json') {
    ctx.stdout.write(`${JSON.stringify(facts(handle, statePath))}\n`);
  } else {
    ctx.stdout.write(banner(handle, statePath));
    ctx.stderr.write('The sandbox runs until Ctrl-C (SIGINT) or SIGTERM.\n');
  }

  const bulkMissing = async () => !(await readSandboxState(statePath)).groups[SANDBOX_BULK_GROUP];
  if ((seed.bulkTopics ?? 0) > 0 && (await bulkMissing())) {
    ctx.stderr.write(`--bulk-topics applies when the state is seeded, and ${statePath} already ` +
      `exists without them; run \`alikafka-offsets sandbox reset-state --bulk-topics ` +
      `${seed.bulkTopics}\` to seed it again.\n`);
  }

  await untilStop();
  await handle.close();
  if (ctx.output !== 'json') ctx.stderr.write('Sandbox stopped; its state stays in the file.\n');
  return 0;
}

export const run: Run<ServeOptions> = (opts, ctx) => serve(opts, ctx, untilSignal);

/**
 * Resolves on the first SIGINT or SIGTERM. Until then the sandbox owns both signals: a handler
 * that ends the process at once would cut the server off before it closes. The other handlers
 * come back with the first signal, so a second Ctrl-C during the close still ends the process.
 */
function untilSignal(): Promise<NodeJS.Signals> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const others = signals.map((signal) => [signal, process.listeners(signal)] as const);
  for (const [signal, listeners] of others) {
    for (const listener of listeners) process.off(signal, listener);
  }

  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, stop);
      for (const [s, listeners] of others) {
        for (const listener of listeners) process.on(s, listener);
      }
      resolve(signal);
    };
    for (const s of signals) process.on(s, stop);
  });
}

function facts(handle: SandboxHandle, statePath: string) {
  return {
    schemaVersion: SCHEMA_VERSION,
    command: 'sandbox',
    url: handle.url,
    host: handle.host,
    port: handle.port,
    accessKeyId: handle.accessKeyId,
    accessKeySecret: handle.accessKeySecret,
    instanceId: handle.instanceId,
    regionId: handle.regionId,
    statePath,
    example: exampleCommand(handle),
  };
}

export function exampleCommand(handle: SandboxHandle): string {
  return `ALIBABA_CLOUD_ACCESS_KEY_ID=${handle.accessKeyId} ` +
    `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${handle.accessKeySecret} ` +
    `alikafka-offsets describe --endpoint ${handle.url} --instance ${handle.instanceId} ` +
    `--region ${handle.regionId} --group ${SANDBOX_GROUP}`;
}

function banner(handle: SandboxHandle, statePath: string): string {
  return [
    `Sandbox listening on ${handle.url}`,
    '',
    `  access key id      ${handle.accessKeyId}`,
    `  access key secret  ${handle.accessKeySecret}   (accepted by this sandbox only)`,
    `  instance           ${handle.instanceId}`,
    `  region             ${handle.regionId}`,
    `  state              ${statePath}`,
    '',
    'Try it from another shell:',
    `  ${exampleCommand(handle)}`,
    '',
    'Arm faults and switch consumers meanwhile with `alikafka-offsets sandbox fault --help`',
    'and `alikafka-offsets sandbox consumers --help`.',
    '',
  ].join('\n');
}

function callLine(entry: LogEntry): string {
  const answer = entry.status === 0 ? 'dropped' : `${entry.status} ${entry.code ?? 'OK'}`;
  const by = entry.signatureVersion ? `${entry.signatureVersion} ${entry.accessKeyId}` : 'unsigned';
  return `${new Date(entry.time).toISOString()} ${entry.action || '(no action)'} -> ` +
    `${answer} [${by}] ${entry.requestId}`;
}
