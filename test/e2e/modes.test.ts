/**
 * Every reset mode through the built binary: what it sends to the sandbox, and where the
 * sandbox's committed offsets stand afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSandboxState, type SandboxState } from '../../src/sandbox/index.js';
import { offsetForTime, type PartitionLog } from '../../src/sandbox/model.js';
import {
  GROUP,
  TOPIC,
  committed,
  jsonDocument,
  liveSandbox,
  onlyResetCall,
  runLive,
  sentOffsets,
  type LiveSandbox,
} from './a-sandbox.js';
import { run } from './harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let sb: LiveSandbox;
let before: SandboxState;

beforeEach(async () => {
  sb = await liveSandbox();
  before = await readSandboxState(sb.statePath);
});
afterEach(() => sb.close());

function logs(topic: string): PartitionLog[] {
  return before.topics[topic]!.partitions;
}

function offsetsBefore(topic: string): (number | null)[] {
  return [...before.groups[GROUP]!.offsets[topic]!];
}

/** Applies a reset and checks that the tool itself reports success and a clean read-back. */
async function execute(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = await runLive(sb, ['reset', '--group', GROUP, ...args, '--execute',
    '--output', 'json'], env);
  expect(result.stderr).toBe('');
  expect(result.status, result.stdout).toBe(0);
  const doc = jsonDocument(result);
  expect(doc).toMatchObject({ ok: true, executed: true });
  expect(doc.verification.mismatches).toEqual([]);
  return doc;
}

/** A moment inside the seeded logs, on a whole second, so every notation can name it exactly. */
function threeDaysBeforeSeed(): number {
  return Math.floor((before.seededAt - 3 * DAY) / 1000) * 1000;
}

/** `ms` written as the wall time of a zone `minutes` east of UTC, e.g. `...T17:00:00+08:00`. */
function withOffset(ms: number, minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
  return new Date(ms + minutes * 60_000).toISOString().replace(/\.000Z$/, `${sign}${hh}:${mm}`);
}

describe('reset to the log end or start', () => {
  const latest = (t: string) => logs(t).map((l) => l.logEnd);
  const earliest = (t: string) => logs(t).map((l) => l.logStart);
  const cases: [string, string[], string, string, (t: string) => (number | null)[], boolean][] = [
    ['--to-latest on one topic', ['--topic', TOPIC, '--to-latest'], TOPIC, '-1', latest, false],
    ['--to-latest on every topic', ['--all-topics', '--to-latest'], '', '-1', latest, true],
    ['--to-earliest on one topic', ['--topic', TOPIC, '--to-earliest'], TOPIC, '-2', earliest,
      false],
    ['--to-earliest on every topic', ['--all-topics', '--to-earliest'], '', '-2', earliest, true],
    ['--to-timestamp=-1', ['--topic', TOPIC, '--to-timestamp=-1'], TOPIC, '-1', latest, false],
    ['--to-timestamp -1', ['--topic', TOPIC, '--to-timestamp', '-1'], TOPIC, '-1', latest, false],
    ['--to-timestamp=-2', ['--all-topics', '--to-timestamp=-2'], '', '-2', earliest, true],
    ['--to-timestamp -2', ['--topic', TOPIC, '--to-timestamp', '-2'], TOPIC, '-2', earliest,
      false],
  ];

  it.each(cases)('%s sends the right Time and moves the offsets', async (_name, args, topic,
    time, expected, everyTopic) => {
    await execute(args);

    const call = await onlyResetCall(sb.statePath);
    expect(call.params).toMatchObject({ ConsumerId: GROUP, Topic: topic, ResetType: 'timestamp',
      Time: time });
    expect(call.params.Offsets).toBeUndefined();
    expect(await committed(sb.statePath, TOPIC)).toEqual(expected(TOPIC));
    expect(await committed(sb.statePath, 'orders'))
      .toEqual(everyTopic ? expected('orders') : offsetsBefore('orders'));
  });

  it('applies through an in-process --sandbox on the state file given', async () => {
    const result = await run(['reset', '--sandbox', '--sandbox-state', sb.statePath, '--group',
      GROUP, '--all-topics', '--to-earliest', '--execute'], sb.ws.env);

    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Verified: every offset is as planned.');
    expect((await onlyResetCall(sb.statePath)).params).toMatchObject({ Topic: '', Time: '-2' });
    expect(await committed(sb.statePath, TOPIC)).toEqual(earliest(TOPIC));
    expect(await committed(sb.statePath, 'orders')).toEqual(earliest('orders'));
  });

  it('leaves what describe reports equal to the sandbox state', async () => {
    await execute(['--all-topics', '--to-earliest']);

    const result = await runLive(sb, ['describe', '--group', GROUP, '--output', 'json']);
    expect(result.status).toBe(0);
    const rows = jsonDocument(result).rows as { topic: string; partition: number;
      committed: number | null }[];
    for (const topic of [TOPIC, 'orders']) {
      const described = rows.filter((r) => r.topic === topic).map((r) => r.committed);
      expect(described).toEqual(earliest(topic));
      expect(await committed(sb.statePath, topic)).toEqual(described);
    }
  });
});

describe('reset to a point in time', () => {
  const landing = (topic: string, time: number) => logs(topic).map((l) => offsetForTime(l, time));

  it('sends --to-timestamp as Time and lands each partition on the first message at or after it',
    async () => {
      const t = threeDaysBeforeSeed();
      // The chosen time must fall inside a log, or this would only test the log ends again.
      expect(landing(TOPIC, t).some((o, p) => o > logs(TOPIC)[p]!.logStart
        && o < logs(TOPIC)[p]!.logEnd)).toBe(true);

      await execute(['--topic', TOPIC, '--to-timestamp', String(t)]);

      const call = await onlyResetCall(sb.statePath);
      expect(call.params).toMatchObject({ Topic: TOPIC, ResetType: 'timestamp', Time: String(t) });
      expect(await committed(sb.statePath, TOPIC)).toEqual(landing(TOPIC, t));
      expect(await committed(sb.statePath, 'orders')).toEqual(offsetsBefore('orders'));
    });

  it('resets every topic to a timestamp with Topic ""', async () => {
    const t = threeDaysBeforeSeed();
    await execute(['--all-topics', '--to-timestamp', String(t)]);

    const call = await onlyResetCall(sb.statePath);
    expect(call.params).toMatchObject({ Topic: '', ResetType: 'timestamp', Time: String(t) });
    expect(await committed(sb.statePath, TOPIC)).toEqual(landing(TOPIC, t));
    expect(await committed(sb.statePath, 'orders')).toEqual(landing('orders', t));
  });

  it('clamps a time before the oldest message to the log start', async () => {
    const t = before.seededAt - 20 * DAY;
    await execute(['--topic', TOPIC, '--to-timestamp', String(t)]);

    expect((await onlyResetCall(sb.statePath)).params.Time).toBe(String(t));
    expect(await committed(sb.statePath, TOPIC)).toEqual(logs(TOPIC).map((l) => l.logStart));
  });

  it.each([
    ['with Z', (t: number) => new Date(t).toISOString()],
    ['with +08:00', (t: number) => withOffset(t, 8 * 60)],
    ['with -07:00', (t: number) => withOffset(t, -7 * 60)],
    ['with +05:45', (t: number) => withOffset(t, 5 * 60 + 45)],
  ])('sends --to-datetime %s as the same instant in milliseconds', async (_name, write) => {
    const t = threeDaysBeforeSeed();
    await execute(['--all-topics', '--to-datetime', write(t)]);

    const call = await onlyResetCall(sb.statePath);
    expect(call.params).toMatchObject({ Topic: '', ResetType: 'timestamp', Time: String(t) });
    expect(await committed(sb.statePath, TOPIC)).toEqual(landing(TOPIC, t));
    expect(await committed(sb.statePath, 'orders')).toEqual(landing('orders', t));
  });

  it('sends the same Time for the same --to-datetime whatever TZ the machine is in', async () => {
    const t = threeDaysBeforeSeed();
    const shanghaiWall = withOffset(t, 8 * 60).slice(0, 19);
    const inputs = [
      ['--to-datetime', `${shanghaiWall}+08:00`],
      ['--to-datetime', shanghaiWall.replace('T', ' '), '--timezone', 'Asia/Shanghai'],
    ];

    for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles']) {
      for (const input of inputs) await execute(['--topic', TOPIC, ...input], { TZ: tz });
    }

    const times = (await readSandboxState(sb.statePath)).log
      .filter((e) => e.action === 'UpdateConsumerOffset')
      .map((e) => e.params.Time);
    expect(times).toEqual(Array(6).fill(String(t)));
  });

  it.each([
    ['2h', 2 * HOUR],
    ['PT1H30M', 90 * 60_000],
    ['1d', DAY],
  ])('sends --by-duration %s as now minus the duration', async (duration, ms) => {
    const started = Date.now();
    await execute(['--all-topics', '--by-duration', duration]);
    const ended = Date.now();

    const call = await onlyResetCall(sb.statePath);
    expect(call.params).toMatchObject({ Topic: '', ResetType: 'timestamp' });
    const time = Number(call.params.Time);
    expect(time).toBeGreaterThanOrEqual(started - ms);
    expect(time).toBeLessThanOrEqual(ended - ms);
    expect(await committed(sb.statePath, TOPIC)).toEqual(landing(TOPIC, time));
    expect(await committed(sb.statePath, 'orders')).toEqual(landing('orders', time));
  });
});

describe('reset to explicit offsets', () => {
  /** The offsets after moving `moves` partitions, each clamped into its log. */
  function moved(moves: Map<number, number>): (number | null)[] {
    return offsetsBefore(TOPIC).map((offset, p) => {
      const wanted = moves.get(p);
      if (wanted === undefined) return offset;
      const { logStart, logEnd } = logs(TOPIC)[p]!;
      return Math.min(Math.max(wanted, logStart), logEnd);
    });
  }

  it.each([
    ['pairs', '0=100,1=200', [[0, 100], [1, 200]]],
    ['a JSON array with lower-case keys', '[{"partition":0,"offset":100},{"partition":2,' +
      '"offset":50}]', [[0, 100], [2, 50]]],
    ['a JSON array with the API\'s keys', '[{"Partition":1,"Offset":300}]', [[1, 300]]],
  ] as [string, string, [number, number][]][])('sends --offsets given as %s', async (_name,
    list, pairs) => {
    await execute(['--topic', TOPIC, '--offsets', list]);

    const call = await onlyResetCall(sb.statePath);
    expect(call.params).toMatchObject({ Topic: TOPIC, ResetType: 'offset' });
    expect(sentOffsets(call)).toEqual(pairs.map(([partition, offset]) => ({ partition, offset })));
    expect(await committed(sb.statePath, TOPIC)).toEqual(moved(new Map(pairs)));
    expect(await committed(sb.statePath, 'orders')).toEqual(offsetsBefore('orders'));
  });

  it('sets --to-offset on every partition of the topic', async () => {
    await execute(['--topic', TOPIC, '--to-offset', '600']);

    const call = await onlyResetCall(sb.statePath);
    expect(call.params).toMatchObject({ Topic: TOPIC, ResetType: 'offset' });
    expect(sentOffsets(call)).toEqual([0, 1, 2].map((partition) => ({ partition, offset: 600 })));
    expect(await committed(sb.statePath, TOPIC)).toEqual([600, 600, 600]);
  });

  it('sets --to-offset on the --partitions named only', async () => {
    await execute(['--topic', TOPIC, '--to-offset', '100', '--partitions', '0,2']);

    const call = await onlyResetCall(sb.statePath);
    expect(sentOffsets(call))
      .toEqual([{ partition: 0, offset: 100 }, { partition: 2, offset: 100 }]);
    expect(await committed(sb.statePath, TOPIC)).toEqual(moved(new Map([[0, 100], [2, 100]])));
  });

  it('clamps a --to-offset past a partition\'s log end and says so in the plan', async () => {
    const doc = await execute(['--topic', TOPIC, '--to-offset', '1000']);

    const end2 = logs(TOPIC)[2]!.logEnd;
    expect(end2).toBeLessThan(1000);
    expect(sentOffsets(await onlyResetCall(sb.statePath)))
      .toEqual([{ partition: 0, offset: 1000 }, { partition: 1, offset: 1000 },
        { partition: 2, offset: end2 }]);
    expect(doc.warnings.join('\n')).toContain(`clamped to ${end2}`);
  });

  it.each([
    ['-1000', 'backwards, clamped at the log start', []],
    ['200', 'forwards', []],
    ['500', 'forwards, clamped at the log end', []],
    ['-100', 'on the --partitions named only', ['--partitions', '1']],
  ])('--shift-by %s moves the committed offsets %s', async (by, _how, extra) => {
    await execute(['--topic', TOPIC, '--shift-by', by, ...extra]);

    const chosen = extra.length > 0 ? [1] : [0, 1, 2];
    const moves = new Map(chosen.map((p) => [p, offsetsBefore(TOPIC)[p]! + Number(by)]));
    const expected = moved(moves);
    const call = await onlyResetCall(sb.statePath);
    expect(call.params).toMatchObject({ Topic: TOPIC, ResetType: 'offset' });
    expect(sentOffsets(call)).toEqual(chosen.map((p) => ({ partition: p, offset: expected[p] })));
    expect(await committed(sb.statePath, TOPIC)).toEqual(expected);
  });
});
