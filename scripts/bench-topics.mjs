// How a reset of many topics scales with --concurrency. A sandbox on loopback is seeded with a
// bulk group and the group is exported to a CSV; then, at each concurrency, `reset --from-file`
// of that CSV is timed as a plan (the reads alone), with --execute --no-verify as the sandbox
// answers by itself, and again with a fixed latency added to every UpdateConsumerOffset. The
// apply time (execute minus plan) is set against the ideal of calls x latency / concurrency, and
// against the sandbox's own floor: it writes its state file once per call, one call at a time,
// so no client can apply faster than that. A benchmark, not a test.
//
//   node scripts/bench-topics.mjs [--topics 500] [--partitions 8] [--latency 20]
//                                 [--concurrency 4,8] [--keep]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    topics: { type: 'string', default: '500' },
    partitions: { type: 'string', default: '8' },
    latency: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '4,8' },
    keep: { type: 'boolean', default: false },
  },
});
const topics = positive(opts.topics, '--topics');
const partitions = positive(opts.partitions, '--partitions');
const latencyMs = positive(opts.latency, '--latency');
const levels = opts.concurrency.split(',').map((c) => positive(c, '--concurrency'));

const bin = new URL('../bin/alikafka-offsets.cjs', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'alikafka-offsets-bench-'));
const statePath = join(home, 'sandbox.json');
const baseEnv = {
  PATH: process.env.PATH,
  HOME: home,
  ALIKAFKA_OFFSETS_HOME: join(home, 'state'),
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
  NO_COLOR: '1',
};

function positive(text, name) {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`${name} expects a positive whole number, got "${text}"`);
    process.exit(2);
  }
  return n;
}

/** Runs the binary to the end; fails with its output unless it exits 0. */
function cli(args, env = baseEnv) {
  return new Promise((resolve, reject) => {
    const stdio = ['ignore', 'pipe', 'pipe'];
    const child = spawn(process.execPath, [bin, ...args], { env, stdio });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status === 0) resolve(out);
      else reject(new Error(`alikafka-offsets ${args.join(' ')} exited ${status}\n${err}`));
    });
  });
}

/** Starts `sandbox --output json` and waits for the line that says where it listens. */
function startSandbox() {
  const child = spawn(process.execPath, [bin, 'sandbox', '--port', '0', '--output', 'json',
    '--state', statePath, '--bulk-topics', String(topics), '--bulk-partitions',
    String(partitions)], { env: baseEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('close', (status) => reject(new Error(`the sandbox exited ${status} early`)));
    child.stdout.setEncoding('utf8').on('data', (c) => {
      out += c;
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ child, facts: JSON.parse(line) });
    });
  });
}

function updateCallsSince(time) {
  const state = JSON.parse(readFileSync(statePath, 'utf8'));
  return state.log.filter((e) => e.action === 'UpdateConsumerOffset' && e.time >= time).length;
}

async function timed(args, env) {
  const start = performance.now();
  await cli(args, env);
  return (performance.now() - start) / 1000;
}

const { child: sandbox, facts } = await startSandbox();
try {
  const env = { ...baseEnv, ALIBABA_CLOUD_ACCESS_KEY_ID: facts.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: facts.accessKeySecret };
  const where = ['--endpoint', facts.url, '--instance', facts.instanceId, '--region',
    facts.regionId, '--group', 'kafka-bulk'];

  const csv = join(home, 'bulk.csv');
  await cli(['export', ...where, '--file', csv, '--concurrency', '8'], env);

  const latency = ['sandbox', 'fault', 'add', 'latency', '--action', 'UpdateConsumerOffset',
    '--latency', String(latencyMs), '--always', '--state', statePath];
  const clear = ['sandbox', 'fault', 'clear', '--state', statePath];

  console.log(`${topics} topics x ${partitions} partitions, ${latencyMs} ms added to each ` +
    `UpdateConsumerOffset, sandbox at ${facts.url}\n`);
  const rows = [];
  for (const concurrency of levels) {
    const reset = ['reset', ...where, '--from-file', csv, '--concurrency', String(concurrency)];
    const execute = [...reset, '--execute', '--no-verify'];
    const plan = await timed(reset, env);
    const floor = await timed(execute, env) - plan;
    await cli(latency);
    const since = Date.now();
    const apply = await timed(execute, env) - plan;
    await cli(clear);

    const calls = updateCallsSince(since);
    const ideal = (calls * latencyMs) / concurrency / 1000;
    const bound = Math.max(ideal, floor);
    rows.push([concurrency, calls, plan.toFixed(2), floor.toFixed(2), apply.toFixed(2),
      ideal.toFixed(2), `${(apply / ideal).toFixed(2)}x`, `${(apply / bound).toFixed(2)}x`]);
  }
  table(['concurrency', 'calls', 'reads s', 'floor s', 'apply s', 'ideal s', 'vs ideal',
    'vs max(ideal,floor)'], rows);
  console.log([
    '',
    'reads: the plan alone; floor: execute minus reads with no latency added (the sandbox\'s',
    'own cost per call); apply: execute minus reads with the latency; ideal: calls x latency /',
    'concurrency.',
  ].join('\n'));
} finally {
  sandbox.removeAllListeners('close');
  sandbox.kill('SIGTERM');
  if (opts.keep) console.log(`\nkept ${home}`);
  else rmSync(home, { recursive: true, force: true });
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
  console.log(line(headers));
  for (const r of rows) console.log(line(r));
}
