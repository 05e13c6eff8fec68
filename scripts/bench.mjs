// `npm run bench`: start-up time, a full reset against a standalone sandbox and peak memory, as
// ratios to bare Node and to the bare SDK, checked against the targets. Not part of `npm test`:
// its figures depend on the machine. Exits 1 when a target is missed.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(root, 'bin/alikafka-offsets.cjs');
const BARE = join(root, 'scripts/bench-bare-sdk.mjs');
const HELP_RUNS = 15;
const RESET_RUNS = 9;
const TARGETS = { helpRatio: 1.5, resetRatio: 1.0, rssMb: 100 };

const work = mkdtempSync(join(tmpdir(), 'alikafka-offsets-bench-'));
// Loaded with --require into every measured process: its peak resident memory, written at exit.
const preload = join(work, 'maxrss.cjs');
writeFileSync(preload, `process.on('exit', () => require('node:fs').appendFileSync(
  process.env.BENCH_RSS_FILE, process.resourceUsage().maxRSS + '\\n'));\n`);
const rssFile = join(work, 'maxrss.txt');
const baseEnv = {
  PATH: process.env.PATH,
  HOME: work,
  ALIKAFKA_OFFSETS_HOME: join(work, 'state'),
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
  TZ: 'UTC',
  BENCH_RSS_FILE: rssFile,
};

/** One run of `node [preload] args`: wall time in ms and peak memory in KiB. */
async function measure(args, env = baseEnv) {
  writeFileSync(rssFile, '');
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--require', preload, ...args], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
  const [status] = await once(child, 'close');
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${status}, expected 0:\n${stderr}`);
  }
  const rssKb = Number(readFileSync(rssFile, 'utf8').trim());
  return { ms, rssKb };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Runs each case `runs` times, interleaved so that a slow moment of the machine hits all. */
async function compare(cases, runs) {
  const samples = cases.map(() => ({ ms: [], rssKb: [] }));
  for (const c of cases) await measure(c.args, c.env);
  for (let r = 0; r < runs; r++) {
    for (const [i, c] of cases.entries()) {
      const { ms, rssKb } = await measure(c.args, c.env);
      samples[i].ms.push(ms);
      samples[i].rssKb.push(rssKb);
    }
  }
  return samples.map((s) => ({
    ms: median(s.ms),
    best: Math.min(...s.ms),
    rssMb: Math.max(...s.rssKb) / 1024,
  }));
}

/** A standalone sandbox on a free loopback port; its first stdout line says where. */
async function startSandbox() {
  const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0', '--output', 'json',
    '--state', join(work, 'sandbox.json')], { env: baseEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the sandbox exited ${code} before printing its endpoint`);
    }),
  ]);
  return { child, info: JSON.parse(first) };
}

/** How many calls the sandbox answered during `fn`, from its request log. */
async function callsMade(statePath, fn) {
  const log = () => JSON.parse(readFileSync(statePath, 'utf8')).log;
  const before = log().at(-1)?.requestId;
  await fn();
  const after = log();
  return after.length - 1 - after.findIndex((e) => e.requestId === before);
}

function machine() {
  const list = cpus();
  const load = loadavg()[0]?.toFixed(2) ?? '?';
  const cpu = list[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${list.length} cores, Node ${process.version}; load average ${load} when done`;
}

function row(cells, widths) {
  return `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [row(header, widths), rule, ...rows.map((r) => row(r, widths))].join('\n');
}

const fmt = (ms) => `${ms.toFixed(0)} ms`;
const mb = (x) => `${x.toFixed(1)} MB`;
const ratio = (x) => `${x.toFixed(2)}x`;
const verdict = (met) => (met ? 'met' : 'MISSED');

async function main() {
  process.stderr.write('building...\n');
  const build = spawn(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  const [built] = await once(build, 'close');
  if (built !== 0) throw new Error(`the build exited ${built}, expected 0`);

  process.stderr.write(`--help against node -e 0, ${HELP_RUNS} runs each...\n`);
  const [bareNode, help] = await compare([
    { args: ['-e', '0'] },
    { args: [BIN, '--help'] },
  ], HELP_RUNS);

  const { child, info } = await startSandbox();
  try {
    const env = {
      ...baseEnv,
      ALIBABA_CLOUD_ACCESS_KEY_ID: info.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: info.accessKeySecret,
    };
    const reset = [BIN, 'reset', '--endpoint', info.url, '--instance', info.instanceId,
      '--region', info.regionId, '--group', 'kafka-test', '--topic', 'topic_name',
      '--to-earliest', '--execute'];
    const cases = [
      { args: [BARE, info.url], env },
      { args: reset, env },
      { args: [...reset, '--no-verify'], env },
    ];
    process.stderr.write(`reset --execute against the bare SDK, ${RESET_RUNS} runs each...\n`);
    const [bare, full, noVerify] = await compare(cases, RESET_RUNS);
    const calls = [];
    for (const c of cases) calls.push(await callsMade(info.statePath, () => measure(c.args, env)));

    const line = (name, m, base, target, met) =>
      [name, fmt(m.ms), fmt(m.best), ratio(m.ms / base.ms), mb(m.rssMb), target, met];
    const rows = [
      line('`node -e 0`', bareNode, bareNode, 'baseline', ''),
      line('`--help`', help, bareNode, `within ${TARGETS.helpRatio}x of node -e 0`,
        verdict(help.ms / bareNode.ms <= TARGETS.helpRatio)),
      line(`bare SDK, ${calls[0]} call`, bare, bare, 'baseline', ''),
      line(`\`reset --execute\`, ${calls[1]} calls`, full, bare, 'no slower than the bare SDK',
        verdict(full.ms / bare.ms <= TARGETS.resetRatio)),
      line(`\`reset --execute --no-verify\`, ${calls[2]} calls`, noVerify, bare,
        'no slower than the bare SDK', verdict(noVerify.ms / bare.ms <= TARGETS.resetRatio)),
    ];
    const peak = Math.max(help.rssMb, full.rssMb, noVerify.rssMb);
    rows.push(['peak memory of the tool', '', '', '', mb(peak), `under ${TARGETS.rssMb} MB`,
      verdict(peak < TARGETS.rssMb)]);

    process.stdout.write(`Machine: ${machine()}\n`);
    process.stdout.write(`Medians of ${HELP_RUNS} (--help) and ${RESET_RUNS} (reset) runs; ` +
      'ratios of medians; memory is the largest maxRSS seen; the sandbox runs on loopback.\n\n');
    const header = ['run', 'median', 'fastest', 'ratio', 'peak memory', 'target', ''];
    process.stdout.write(`${table(header, rows)}\n`);
    const missed = rows.filter((r) => r[6] === 'MISSED').map((r) => r[0]);
    if (missed.length > 0) {
      process.stdout.write(`\nmissed: ${missed.join('; ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    child.kill('SIGTERM');
    await once(child, 'close');
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
