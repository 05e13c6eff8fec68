/**
 * Random argument vectors for `reset`, made of the option names its --help lists, run through
 * the built binary against a sandbox on loopback. Every run is a process, so the runs are few.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refused, spelled, vectors, type Vector } from './a-argv.js';
import { withOneDefect } from './a-defects.js';
import {
  GROUP,
  expectNoStackTrace,
  jsonDocument,
  liveSandbox,
  requestLog,
  runLive,
  type LiveSandbox,
} from './a-sandbox.js';
import type { RunResult } from './harness.js';

interface OptionName {
  flag: string;
  takesValue: boolean;
}

/** Options that would aim the binary elsewhere or write where a random path says. */
const NOT_RANDOMISED = new Set(['--instance', '--region', '--profile', '--endpoint', '--sandbox',
  '--sandbox-state', '--snapshot', '--from-file', '--help']);

let sb: LiveSandbox;
let options: OptionName[];

beforeAll(async () => {
  sb = await liveSandbox();
  // The global options (--output, --verbose...) are listed by the program's own --help.
  const help = (await runLive(sb, ['reset', '--help'])).stdout +
    (await runLive(sb, ['--help'])).stdout;
  options = [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)( <[^>]+>)?/gm)]
    .map(([, flag, value]) => ({ flag: flag!, takesValue: value !== undefined }));
});
afterAll(() => sb.close());

async function sentSince(count: number) {
  return (await requestLog(sb.statePath)).slice(count);
}

function saysWhatFailed(result: RunResult, json: boolean): void {
  if (json) expect(jsonDocument(result).error.exitStatus).toBe(result.status);
  else expect(result.stderr).toMatch(/^error: \S/m);
}

describe('reset with random arguments', () => {
  it('builds its vectors from option names that reset --help lists', () => {
    const listed = new Set(options.map((o) => o.flag));
    expect(listed.size).toBeGreaterThan(20);
    const sample = fc.sample(vectors(Date.now()), 200).flatMap((v) => v.parts);
    const used = new Set(sample.map((p) => p.flag).filter((f) => f !== '--bogus' &&
      f !== '--to-latst'));
    expect([...used].filter((f) => !listed.has(f))).toEqual([]);
    expect(used.size).toBeGreaterThan(15);
  });

  it('breaks an accepted vector in exactly the one way each defect names', () => {
    const broken = fc.sample(withOneDefect(Date.now()), 300);
    expect(broken.filter((v) => !refused(v)).map((v) => v.defect)).toEqual([]);
    expect(new Set(broken.map((v) => v.defect)).size).toBeGreaterThan(10);
  });

  it('refuses every vector with a refused part with exit 2 and sends nothing; runs the rest',
    async () => {
      const now = Date.now();
      const cases = fc.oneof(vectors(now), withOneDefect(now))
        .chain((v) => fc.tuple(fc.constant(v), spelled(v.parts)));
      let seen = { refused: 0, accepted: 0 };

      await fc.assert(fc.asyncProperty(cases, async ([vector, args]: [Vector, string[]]) => {
        const before = (await requestLog(sb.statePath)).length;
        const result = await runLive(sb, ['reset', ...args]);
        const sent = await sentSince(before);
        const json = vector.parts.some((p) => p.flag === '--output');
        const execute = vector.parts.some((p) => p.flag === '--execute');
        const context = `reset ${args.join(' ')}\n${result.stdout}${result.stderr}`;

        expectNoStackTrace(result);
        if (refused(vector)) {
          seen = { ...seen, refused: seen.refused + 1 };
          expect(result.status, context).toBe(2);
          expect(sent, context).toEqual([]);
          saysWhatFailed(result, json);
        } else {
          seen = { ...seen, accepted: seen.accepted + 1 };
          expect(result.status, context).toBe(0);
          const writes = sent.filter((e) => e.action === 'UpdateConsumerOffset');
          expect(writes, context).toHaveLength(execute ? 1 : 0);
          if (json) expect(jsonDocument(result).ok).toBe(true);
        }
      }), { numRuns: 60, endOnFailure: true });

      // Both branches must have been exercised, or the property proved half of what it says.
      expect(seen.refused).toBeGreaterThan(5);
      expect(seen.accepted).toBeGreaterThan(0);
    }, 240_000);

  it('never crashes nor prints a stack trace, whatever the values, and exit 2 never writes',
    async () => {
      const value = fc.oneof(
        fc.string({ maxLength: 24 }),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        fc.integer().map(String),
        fc.double().map(String),
        {
          arbitrary: fc.constantFrom('', '-', '--', '-1', '=', GROUP, 'topic_name', '0=1', '[]',
            'null', '2h', ' ', '1e3', 'P1D', '0,2', 'Asia/Shanghai', '2025-06-01T08:00:00Z',
            '2025-06-01T08:00:00', '1764812400000', '9007199254740993', '0=1,1=2'),
          weight: 4,
        },
      ).filter((v) => !v.includes('\0'));
      // --output and --version answer before any of the rest is read; JSON is a switch below.
      const names = options.filter((o) => !NOT_RANDOMISED.has(o.flag) && o.flag !== '--output'
        && o.flag !== '--version');
      const option = fc.tuple(fc.constantFrom(...names), value, fc.boolean());
      const stray = fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, value);
      const argv = fc.record({
        chosen: fc.array(option, { maxLength: 7 }),
        withGroup: fc.boolean(),
        json: fc.boolean(),
        stray,
      }).map(({ chosen, withGroup, json, stray: extra }) => ({
        json,
        args: [
          ...(withGroup ? ['--group', GROUP] : []),
          ...chosen.flatMap(([o, v, joined]) => {
            if (!o.takesValue) return [o.flag];
            return joined ? [`${o.flag}=${v}`] : [o.flag, v];
          }),
          ...(extra === null ? [] : [extra]),
          ...(json ? ['--output', 'json'] : []),
          // Last, so it wins: a run that times out must not retry for minutes.
          '--retries', '0',
        ],
      }));

      await fc.assert(fc.asyncProperty(argv, async ({ json, args }) => {
        const before = (await requestLog(sb.statePath)).length;
        const result = await runLive(sb, ['reset', ...args]);
        const sent = await sentSince(before);
        const context = `reset ${JSON.stringify(args)}\n${result.stdout}${result.stderr}`;

        expectNoStackTrace(result);
        expect([0, 1, 2, 3, 4, 5], context).toContain(result.status);
        if (json) {
          const doc = jsonDocument(result);
          expect(doc.ok, context).toBe(result.status === 0);
        }
        if (result.status !== 0) saysWhatFailed(result, json);
        if (result.status === 2) {
          expect(sent.filter((e) => e.action === 'UpdateConsumerOffset'), context).toEqual([]);
        }
      }), { numRuns: 50, endOnFailure: true });
    }, 240_000);
});
