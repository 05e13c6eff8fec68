/**
 * Vectors the contract accepts, each then broken in exactly one way. A vector with one defect
 * must be refused for that defect alone, which a vector with many defects cannot show.
 */
import fc from 'fast-check';
import {
  BAD_EXTRAS,
  BAD_GROUPS,
  BAD_TOPICS,
  ZONELESS,
  acceptedVector,
  modeValues,
  type Mode,
  type Part,
  type Vector,
} from './a-argv.js';
import { TOPIC } from './a-sandbox.js';

type Defect = (v: Vector, pick: number, now: number) => Vector | null;

const without = (v: Vector, ...flags: string[]) => v.parts.filter((p) => !flags.includes(p.flag));
const has = (v: Vector, flag: string) => v.parts.some((p) => p.flag === flag);
const at = <T>(list: T[], pick: number): T => list[pick % list.length]!;

function modeOf(v: Vector): Mode {
  return v.modes[0]!;
}

function flagOf(v: Vector, now: number): string {
  return modeValues(now)[modeOf(v)].flag;
}

const DEFECTS: Record<string, Defect> = {
  badGroup: (v, pick) => ({ ...v, parts: [...without(v, '--group'),
    { flag: '--group', value: at(BAD_GROUPS, pick), bad: true }] }),

  badTopic: (v, pick) => (v.scope !== 'topic' ? null : { ...v, parts: [...without(v, '--topic'),
    { flag: '--topic', value: at(BAD_TOPICS, pick), bad: true }] }),

  badModeValue: (v, pick, now) => {
    const { flag, bad } = modeValues(now)[modeOf(v)];
    if (bad.length === 0) return null;
    return { ...v, parts: [...without(v, flag), { flag, value: at(bad, pick), bad: true }] };
  },

  secondScope: (v) => ({ ...v, scope: 'both', parts: [...v.parts,
    v.scope === 'all' ? { flag: '--topic', value: TOPIC, bad: false }
      : { flag: '--all-topics', bad: false }] }),

  noScope: (v) => ({ ...v, scope: 'none', parts: without(v, '--topic', '--all-topics') }),

  secondMode: (v, pick, now) => {
    const values = modeValues(now);
    const others = (Object.keys(values) as Mode[]).filter((m) => m !== modeOf(v));
    const mode = at(others, pick);
    const { flag, good } = values[mode];
    const value = good.length === 0 ? undefined : at(good, pick);
    return { ...v, modes: [...v.modes, mode], parts: [...v.parts, { flag, value, bad: false }] };
  },

  noMode: (v, _pick, now) => ({ ...v, modes: [], parts: without(v, flagOf(v, now)) }),

  strayPartitions: (v) => {
    if (has(v, '--partitions')) return null;
    const narrows = modeOf(v) === 'toOffset' || modeOf(v) === 'shiftBy';
    const part: Part = { flag: '--partitions', value: narrows ? '0,0' : '1', bad: narrows };
    return { ...v, partitions: true, parts: [...v.parts, part] };
  },

  strayTimezone: (v) => {
    if (modeOf(v) === 'toDatetime') {
      return { ...v, timezone: 'bad', parts: [...without(v, '--timezone'),
        { flag: '--timezone', value: 'Mars/Base', bad: true }] };
    }
    return { ...v, timezone: 'good', parts: [...v.parts,
      { flag: '--timezone', value: 'Asia/Shanghai', bad: false }] };
  },

  zoneWanted: (v) => (modeOf(v) !== 'toDatetime' ? null : {
    ...v,
    zoneless: true,
    timezone: 'none',
    parts: [...without(v, '--to-datetime', '--timezone'),
      { flag: '--to-datetime', value: ZONELESS, bad: false }],
  }),

  everyTopicForOneTopicMode: (v) => {
    const oneTopic = ['offsets', 'toOffset', 'shiftBy'].includes(modeOf(v));
    if (!oneTopic || v.scope !== 'topic') return null;
    return { ...v, scope: 'all', parts: [...without(v, '--topic'),
      { flag: '--all-topics', bad: false }] };
  },

  badExtra: (v, pick) => ({ ...v, parts: [...v.parts, at(BAD_EXTRAS, pick)] }),
};

/** The modes a defect can be made in; the others apply to every mode. */
const NEEDS: Record<string, Mode[]> = {
  badModeValue: ['toTimestamp', 'toDatetime', 'byDuration', 'offsets', 'toOffset', 'shiftBy'],
  zoneWanted: ['toDatetime'],
  everyTopicForOneTopicMode: ['offsets', 'toOffset', 'shiftBy'],
};

/** An accepted vector broken once; a defect that does not apply to it falls back to badExtra. */
export function withOneDefect(now: number): fc.Arbitrary<Vector & { defect: string }> {
  return fc.constantFrom(...Object.keys(DEFECTS))
    .chain((name) => fc.tuple(acceptedVector(now, NEEDS[name]), fc.constant(name), fc.nat()))
    .map(([v, name, pick]) => {
      const broken = DEFECTS[name]!(v, pick, now);
      if (broken) return { ...broken, defect: name };
      return { ...DEFECTS.badExtra!(v, pick, now)!, defect: 'badExtra' };
    });
}
