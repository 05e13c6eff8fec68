/**
 * The machine's TZ must not change what a date-time means. Each zone runs in its own `node`
 * process (TZ is read when a process starts), on the parsers bundled from the sources.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);
const MACHINE_ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];

const CASES: { value: string; timezone?: string }[] = [
  { value: '2024-03-01T10:00:00Z' },
  { value: '2024-03-01T10:00+08:00' },
  { value: '2024-03-01T10:00+0530' },
  { value: '2024-03-01T10:00:00.123456789+05:45' },
  { value: '2024-03-01T10:00' },
  { value: '2024-03-01', timezone: 'Asia/Shanghai' },
  { value: '2024-03-01T10:00', timezone: 'Europe/Berlin' },
  { value: '2024-07-01 23:30:15.5', timezone: 'America/Los_Angeles' },
  { value: '2024-03-10T02:30', timezone: 'America/Los_Angeles' },
  { value: '2024-11-03T01:30', timezone: 'America/Los_Angeles' },
  { value: '2024-03-31T02:30', timezone: 'Europe/Berlin' },
  { value: '2024-10-27T02:30', timezone: 'Europe/Berlin' },
  { value: '2023-02-29T10:00Z' },
];

const SCRIPT = `
import { parseDateTime } from './parse.mjs';
const [cases, now] = JSON.parse(process.argv[2]);
const results = cases.map(({ value, timezone }) => {
  try {
    return parseDateTime(value, { timezone, now });
  } catch (err) {
    return { code: err.code, message: err.message };
  }
});
// Proves the zone took effect in this process: the local offset on a fixed day.
const machineOffset = new Date(Date.UTC(2024, 6, 1)).getTimezoneOffset();
process.stdout.write(JSON.stringify({ machineOffset, results }));
`;

let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parse-tz-'));
  await build({
    entryPoints: [fileURLToPath(new URL('../../src/parse/index.ts', import.meta.url))],
    outfile: join(dir, 'parse.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  writeFileSync(join(dir, 'run.mjs'), SCRIPT);
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function runUnder(tz: string): { machineOffset: number; results: unknown[] } {
  const args = [join(dir, 'run.mjs'), JSON.stringify([CASES, NOW])];
  const out = execFileSync(process.execPath, args, {
    env: { ...process.env, TZ: tz, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { machineOffset: number; results: unknown[] };
}

describe('date-times do not depend on the machine time zone', () => {
  it('gives identical results under TZ=UTC, Asia/Shanghai and America/Los_Angeles', () => {
    const runs = MACHINE_ZONES.map(runUnder);

    // UTC, UTC+8 and UTC-7 (summer): the three processes really ran in different zones.
    expect(runs.map((run) => run.machineOffset)).toEqual([0, -480, 420]);
    expect(runs[1]?.results).toEqual(runs[0]?.results);
    expect(runs[2]?.results).toEqual(runs[0]?.results);
  });

  it('gives the instants and refusals that the zone rules call for', () => {
    const results = runUnder('America/Los_Angeles').results as Record<string, unknown>[];

    expect(results.map((r) => r.utc ?? r.code)).toEqual([
      '2024-03-01T10:00:00.000Z',
      '2024-03-01T02:00:00.000Z',
      '2024-03-01T04:30:00.000Z',
      '2024-03-01T04:15:00.123Z',
      'MISSING_TIMEZONE',
      '2024-02-29T16:00:00.000Z',
      '2024-03-01T09:00:00.000Z',
      '2024-07-02T06:30:15.500Z',
      'NONEXISTENT_LOCAL_TIME',
      'AMBIGUOUS_LOCAL_TIME',
      'NONEXISTENT_LOCAL_TIME',
      'AMBIGUOUS_LOCAL_TIME',
      'INVALID_DATETIME',
    ]);
  });
});
