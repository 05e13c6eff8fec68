/**
 * Argument vectors for `reset`, built from parts that are each known to be acceptable or known
 * to be refused, so that a property can say what the whole vector must lead to.
 */
import fc from 'fast-check';
import { GROUP, TOPIC } from './a-sandbox.js';

const DAY = 24 * 3_600_000;

/** One option as the user types it, and whether its value is one the contract refuses. */
export interface Part {
  flag: string;
  value?: string;
  bad: boolean;
}

export type Mode =
  | 'toLatest' | 'toEarliest' | 'toTimestamp' | 'toDatetime' | 'byDuration' | 'offsets'
  | 'toOffset' | 'shiftBy';

export interface ModeValues {
  flag: string;
  good: string[];
  bad: string[];
}

export function modeValues(now: number): Record<Mode, ModeValues> {
  const past = now - 3 * DAY;
  return {
    toLatest: { flag: '--to-latest', good: [], bad: [] },
    toEarliest: { flag: '--to-earliest', good: [], bad: [] },
    toTimestamp: {
      flag: '--to-timestamp',
      good: ['-1', '-2', String(past)],
      bad: [String(Math.floor(past / 1000)), `${past}000`, `${past}.5`, String(now + 400 * DAY),
        'abc', '', '-3', '0x10', '0'],
    },
    toDatetime: {
      flag: '--to-datetime',
      good: [new Date(past).toISOString(), '2025-06-01T08:00:00+08:00', '2025-06-01T00:00-07:00'],
      bad: ['2026-02-30T00:00:00Z', '2025-02-29T00:00:00Z', '2025-13-01T00:00:00Z', 'yesterday',
        '', new Date(now + 400 * DAY).toISOString()],
    },
    byDuration: {
      flag: '--by-duration',
      good: ['2h', 'PT1H30M', '1d', '90m'],
      bad: ['-2h', 'P1M', 'P1Y', '0s', 'abc', ''],
    },
    offsets: {
      flag: '--offsets',
      good: ['0=100,1=200', '[{"partition":2,"offset":5}]', '[{"Partition":0,"Offset":1}]'],
      bad: ['0=-1', '-1=5', '0=1,0=2', '0=9007199254740992', 'x', '', '[]',
        '[{"partition":0,"offset":9007199254740993}]'],
    },
    toOffset: {
      flag: '--to-offset',
      good: ['0', '600'],
      bad: ['-5', '9007199254740992', '1.5', 'abc', '007', ''],
    },
    shiftBy: {
      flag: '--shift-by',
      good: ['-100', '50', '+7'],
      bad: ['0', '1.5', 'abc', '', '9007199254740992'],
    },
  };
}

export const BAD_GROUPS = ['ab', `g${'x'.repeat(64)}`, 'kafka.test', 'kafka test', '', 'grüppe'];
export const BAD_TOPICS = ['ab', 'topic name', `t${'x'.repeat(64)}`, 'a/b'];
export const BAD_EXTRAS: Part[] = [
  { flag: '--concurrency', value: '33', bad: true },
  { flag: '--bogus', bad: true },
  { flag: '--to-latst', bad: true },
];

/** A datetime without a zone: acceptable only together with a valid --timezone. */
export const ZONELESS = '2025-06-01T08:00:00';

function part(flag: string, good: string[], bad: string[]): fc.Arbitrary<Part> {
  const goods = good.map((value) => ({ flag, value, bad: false }));
  const bads = bad.map((value) => ({ flag, value, bad: true }));
  return fc.constantFrom(...goods, ...bads);
}

export interface Vector {
  parts: Part[];
  modes: Mode[];
  scope: 'topic' | 'all' | 'none' | 'both';
  timezone: 'none' | 'good' | 'bad';
  zoneless: boolean;
  partitions: boolean;
}

/** Whether the contract refuses the vector before anything is sent. */
export function refused(v: Vector): boolean {
  if (v.parts.some((p) => p.bad)) return true;
  if (v.scope !== 'topic' && v.scope !== 'all') return true;
  if (v.modes.length !== 1) return true;
  const [mode] = v.modes;
  if (v.partitions && mode !== 'toOffset' && mode !== 'shiftBy') return true;
  if (v.timezone !== 'none' && mode !== 'toDatetime') return true;
  if (v.zoneless && v.timezone !== 'good') return true;
  const oneTopic = mode === 'offsets' || mode === 'toOffset' || mode === 'shiftBy';
  return oneTopic && v.scope === 'all';
}

/** Vectors of any shape, and as many again that the contract accepts, so both kinds are met. */
export function vectors(now: number): fc.Arbitrary<Vector> {
  return fc.oneof(anyVector(now), acceptedVector(now));
}

/** `only` narrows the modes drawn from. */
export function acceptedVector(now: number, only?: Mode[]): fc.Arbitrary<Vector> {
  const values = modeValues(now);
  const modeNames = only ?? (Object.keys(values) as Mode[]);

  return fc.record({
    mode: fc.constantFrom(...modeNames),
    all: fc.boolean(),
    valueAt: fc.nat(),
    partitions: fc.option(fc.constantFrom('0,2', '1', '0-2')),
    zoneless: fc.boolean(),
    extras: fc.subarray([
      { flag: '--execute', bad: false },
      { flag: '--output', value: 'json', bad: false },
      { flag: '--retries', value: '0', bad: false },
      { flag: '--timeout', value: '5s', bad: false },
    ]),
  }).map(({ mode, all, valueAt, partitions, zoneless, extras }): Vector => {
    const { flag, good } = values[mode];
    const oneTopic = mode === 'offsets' || mode === 'toOffset' || mode === 'shiftBy';
    const narrows = (mode === 'toOffset' || mode === 'shiftBy') && partitions !== null;
    const withZone = mode === 'toDatetime' && zoneless;
    const value = withZone ? ZONELESS : good[valueAt % Math.max(1, good.length)];
    const scope = all && !oneTopic ? 'all' : 'topic';
    const parts: Part[] = [
      { flag: '--group', value: GROUP, bad: false },
      scope === 'all' ? { flag: '--all-topics', bad: false }
        : { flag: '--topic', value: TOPIC, bad: false },
      { flag, value, bad: false },
      ...(narrows ? [{ flag: '--partitions', value: partitions!, bad: false }] : []),
      ...(withZone ? [{ flag: '--timezone', value: 'Asia/Shanghai', bad: false }] : []),
      ...extras,
    ];
    return { parts, modes: [mode], scope, timezone: withZone ? 'good' : 'none',
      zoneless: withZone, partitions: narrows };
  });
}

function anyVector(now: number): fc.Arbitrary<Vector> {
  const values = modeValues(now);
  const modeNames = Object.keys(values) as Mode[];
  const modePart = (mode: Mode): fc.Arbitrary<Part> => {
    const { flag, good, bad } = values[mode];
    if (good.length === 0) return fc.constant({ flag, bad: false });
    const withZoneless = mode === 'toDatetime' ? [...good, ZONELESS] : good;
    return part(flag, withZoneless, bad);
  };

  return fc.record({
    group: part('--group', [GROUP, GROUP, GROUP], BAD_GROUPS),
    scope: fc.constantFrom('topic', 'all', 'none', 'both') as fc.Arbitrary<Vector['scope']>,
    topic: part('--topic', [TOPIC], BAD_TOPICS),
    modes: fc.subarray(modeNames, { minLength: 0, maxLength: 3 })
      .chain((ms) => fc.tuple(fc.constant(ms), fc.tuple(...ms.map(modePart)))),
    timezone: fc.constantFrom('none', 'none', 'good', 'bad') as fc.Arbitrary<Vector['timezone']>,
    partitions: fc.option(part('--partitions', ['0,2', '1', '0-2'], ['-1', '0,0', 'a', '2-1'])),
    retries: fc.option(part('--retries', ['0'], ['11'])),
    timeout: fc.option(part('--timeout', ['5s'], ['0'])),
    extras: fc.subarray([
      { flag: '--execute', bad: false },
      { flag: '--output', value: 'json', bad: false },
      ...BAD_EXTRAS,
    ], { maxLength: 2 }),
  }).map(({ group, scope, topic, modes: [modes, modeParts], timezone, partitions, retries,
    timeout, extras }) => {
    const parts: Part[] = [group, ...modeParts, ...extras];
    for (const option of [retries, timeout]) if (option) parts.push(option);
    if (scope === 'topic' || scope === 'both') parts.push(topic);
    if (scope === 'all' || scope === 'both') parts.push({ flag: '--all-topics', bad: false });
    if (timezone !== 'none') {
      parts.push({ flag: '--timezone', value: timezone === 'good' ? 'Asia/Shanghai' : 'Mars/Base',
        bad: timezone === 'bad' });
    }
    if (partitions) parts.push(partitions);
    const zoneless = modeParts.some((p) => p.value === ZONELESS);
    return { parts, modes, scope, timezone, zoneless, partitions: partitions !== null };
  });
}

/** The parts in a random order, each value either after `=` or as the next argument. */
export function spelled(parts: Part[]): fc.Arbitrary<string[]> {
  return fc.tuple(
    fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }),
    fc.array(fc.boolean(), { minLength: parts.length, maxLength: parts.length }),
  ).map(([order, joined]) => order.flatMap((p, i) => {
    if (p.value === undefined) return [p.flag];
    return joined[i] ? [`${p.flag}=${p.value}`] : [p.flag, p.value];
  }));
}
