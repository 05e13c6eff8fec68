import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  parseDateTime,
  parseDuration,
  parseGroupName,
  parseIntInRange,
  parseNonNegativeInt,
  parseOffsetsFile,
  parseOffsetsList,
  parsePartitions,
  parseShift,
  parseTimeout,
  parseTimestamp,
  parseTimeZone,
  parseTopicName,
  timeFromDuration,
} from '../../src/parse/index.js';

const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);

/** Plain strings, any code points, and strings made of the characters the parsers care about. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.stringMatching(/^[0-9+\-.,:=eExXPTWDHMSwdhms \t[\]{}"_a-z/]{0,40}$/),
);

function refusesOnlyWithUsageError(parse: (text: string) => unknown): void {
  fc.assert(
    fc.property(anyText, (text) => {
      try {
        parse(text);
      } catch (err) {
        expect(err).toBeInstanceOf(UsageError);
      }
    }),
    { numRuns: 300 },
  );
}

describe('random input never throws anything but a UsageError', () => {
  const parsers: [string, (text: string) => unknown][] = [
    ['parseGroupName', parseGroupName],
    ['parseTopicName', parseTopicName],
    ['parseNonNegativeInt', (t) => parseNonNegativeInt(t, 'n')],
    ['parseIntInRange', (t) => parseIntInRange(t, 'n', -5, 5)],
    ['parseShift', parseShift],
    ['parseTimestamp', (t) => parseTimestamp(t, NOW)],
    ['parseDateTime', (t) => parseDateTime(t, { now: NOW })],
    ['parseDateTime in a zone', (t) => parseDateTime(t, { now: NOW, timezone: 'Europe/Berlin' })],
    ['parseTimeZone', parseTimeZone],
    ['parseDuration', parseDuration],
    ['parseTimeout', parseTimeout],
    ['timeFromDuration', (t) => timeFromDuration(t, NOW)],
    ['parseOffsetsList', parseOffsetsList],
    ['parsePartitions', parsePartitions],
    ['parseOffsetsFile', (t) => parseOffsetsFile(t, 'f')],
  ];

  it.each(parsers)('%s', (_, parse) => refusesOnlyWithUsageError(parse));

  it('parseOffsetsList and parseOffsetsFile with random JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        for (const parse of [parseOffsetsList, (t: string) => parseOffsetsFile(t, 'f')]) {
          try {
            parse(text);
          } catch (err) {
            expect(err).toBeInstanceOf(UsageError);
          }
        }
      }),
    );
  });
});

const name = fc.stringMatching(/^[A-Za-z0-9_-]{3,64}$/);
const partition = fc.integer({ min: 0, max: 2_147_483_647 });
const offset = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const space = fc.constantFrom('', ' ', '  ', '\t');

describe('valid input round-trips', () => {
  it('names', () => {
    fc.assert(fc.property(name, (n) => parseGroupName(n) === n && parseTopicName(n) === n));
  });

  it('timestamps in milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1e12, max: NOW }), (ms) => {
        return parseTimestamp(String(ms), NOW) === ms;
      }),
    );
  });

  it('offsets lists, written as pairs or as JSON in either key case', () => {
    const entries = fc.uniqueArray(fc.record({ partition, offset }), {
      selector: (e) => e.partition,
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(entries, space, fc.boolean(), (list, pad, upper) => {
        const sorted = [...list].sort((a, b) => a.partition - b.partition);
        const pairs = list.map((e) => `${pad}${e.partition}${pad}=${pad}${e.offset}${pad}`);
        expect(parseOffsetsList(pairs.join(','))).toEqual(sorted);

        const keyed = list.map((e) =>
          upper ? { Partition: e.partition, Offset: e.offset } : e,
        );
        expect(parseOffsetsList(JSON.stringify(keyed))).toEqual(sorted);
      }),
    );
  });

  it('partition lists made of numbers and ranges, in any order', () => {
    const points = fc.uniqueArray(fc.integer({ min: 0, max: 500 }), {
      minLength: 1,
      maxLength: 60,
    });
    const choices = fc.array(fc.boolean(), { minLength: 60, maxLength: 60 });
    fc.assert(
      fc.property(points, choices, fc.nat(), (unsorted, asRange, shift) => {
        const sorted = [...unsorted].sort((a, b) => a - b);
        const items = writeSpans(sorted, asRange);
        const rotated = items.map((_, i) => items[(i + shift) % items.length]);
        expect(parsePartitions(rotated.join(','))).toEqual(sorted);
      }),
    );
  });

  it('CSV files written from random entries', () => {
    const rows = fc.uniqueArray(fc.record({ topic: name, partition, offset }), {
      selector: (e) => `${e.topic}/${e.partition}`,
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(rows, fc.boolean(), fc.boolean(), fc.boolean(), (list, header, bom, crlf) => {
        const end = crlf ? '\r\n' : '\n';
        const body = list.map((e) => `${e.topic},${e.partition},${e.offset}`).join(end);
        const head = header ? `topic,partition,offset${end}` : '';
        const content = `${bom ? '\uFEFF' : ''}${head}${body}`;

        const topics = [...new Set(list.map((e) => e.topic))].map((topic) => ({
          topic,
          offsets: list
            .filter((e) => e.topic === topic)
            .map((e) => ({ partition: e.partition, offset: e.offset }))
            .sort((a, b) => a.partition - b.partition),
        }));
        expect(parseOffsetsFile(content, 'f.csv')).toEqual({ format: 'csv', topics });
      }),
    );
  });

  it('durations composed from units, short and ISO 8601', () => {
    const count = fc.integer({ min: 0, max: 99 });
    fc.assert(
      fc.property(count, count, count, count, count, (w, d, h, m, s) => {
        fc.pre(w + d + h + m + s > 0);
        const ms = ((((w * 7 + d) * 24 + h) * 60 + m) * 60 + s) * 1000;
        const parts: [number, string][] = [[w, 'w'], [d, 'd'], [h, 'h'], [m, 'm'], [s, 's']];
        const short = parts.filter(([n]) => n > 0).map(([n, u]) => `${n}${u}`).join('');
        const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
        const iso = `P${w ? `${w}W` : ''}${d ? `${d}D` : ''}${time ? `T${time}` : ''}`;
        expect(parseDuration(short)).toBe(ms);
        expect(parseDuration(iso)).toBe(ms);
      }),
    );
  });

  it('date-times written with an offset', () => {
    const offsetMinutes = fc.integer({ min: -48, max: 56 }).map((q) => q * 15);
    fc.assert(
      fc.property(fc.integer({ min: 86_400_000, max: NOW }), offsetMinutes, (ms, offset) => {
        const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const pad = (n: number) => String(n).padStart(2, '0');
        const zone = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
        expect(parseDateTime(`${local}${zone}`, { now: NOW }).ms).toBe(ms);
      }),
    );
  });

  it('wall times read in IANA zones give back the instant, or name it as a candidate', () => {
    const zone = fc.constantFrom(
      'America/Los_Angeles',
      'Europe/Berlin',
      'Asia/Shanghai',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Kathmandu',
      'Pacific/Chatham',
      'Africa/Casablanca',
    );
    fc.assert(
      fc.property(fc.integer({ min: 86_400_000, max: NOW }), zone, (ms, tz) => {
        const wall = wallTime(ms, tz);
        try {
          expect(parseDateTime(wall, { timezone: tz, now: NOW }).ms).toBe(ms);
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
          expect((err as UsageError).code).toBe('AMBIGUOUS_LOCAL_TIME');
          expect((err as UsageError).details?.candidates).toContain(ms);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Runs of consecutive partitions as `a-b` ranges or one by one, as `asRange` chooses per run. */
function writeSpans(sorted: number[], asRange: boolean[]): string[] {
  const items: string[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (sorted[i] === (sorted[i - 1] ?? 0) + 1) continue;

    const run = sorted.slice(start, i);
    const [low, high] = [run[0], run[run.length - 1]];
    if (asRange[items.length % asRange.length] && run.length > 1) items.push(`${low}-${high}`);
    else items.push(...run.map(String));
    start = i;
  }
  return items;
}

function wallTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const millis = String(ms % 1000).padStart(3, '0');
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  return `${date}T${get('hour')}:${get('minute')}:${get('second')}.${millis}`;
}
