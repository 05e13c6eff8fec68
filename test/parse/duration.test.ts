import { describe, expect, it } from 'vitest';
import { PARSE_ERROR } from '../../src/parse/codes.js';
import {
  formatIso,
  formatShort,
  parseDuration,
  parseTimeout,
  timeFromDuration,
} from '../../src/parse/duration.js';
import { refusal } from './refusal.js';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);

describe('parseDuration', () => {
  it.each([
    ['PT1H30M', H + 30 * M],
    ['P2D', 2 * D],
    ['P1DT2H', D + 2 * H],
    ['PT0.5S', 500],
    ['PT1,5S', 1_500],
    ['PT1.5H', 90 * M],
    ['P1W', 7 * D],
    ['P1W2D', 9 * D],
    ['PT45S', 45 * S],
    ['pt10m', 10 * M],
    ['90m', 90 * M],
    ['2h', 2 * H],
    ['1d12h', D + 12 * H],
    ['45s', 45 * S],
    ['1w', 7 * D],
    ['1w2d3h4m5s', 9 * D + 3 * H + 4 * M + 5 * S],
    ['1h 30m', H + 30 * M],
    [' 2h ', 2 * H],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['P1M', 'months are not accepted'],
    ['P1Y', 'years are not accepted'],
    ['P1Y2M3D', 'years are not accepted'],
    ['1mo', 'months and years are not accepted'],
    ['1y', 'months and years are not accepted'],
    ['2years', 'months and years are not accepted'],
    ['1M', '"M" could mean minutes or months'],
    ['0s', 'a zero duration is not accepted'],
    ['PT0S', 'a zero duration is not accepted'],
    ['0h0m', 'a zero duration is not accepted'],
    ['-1h', 'negative durations are not accepted; did you mean 1h?'],
    ['-PT1H', 'negative durations are not accepted; did you mean 1h?'],
    ['+1h', 'without the + sign; did you mean 1h?'],
    ['90', 'a unit is needed, such as 90m or 90s'],
    ['1.5h', 'fractions are not accepted in the short form; did you mean 1h30m?'],
    ['30m1h', 'each unit once, largest first; did you mean 1h30m?'],
    ['1h1h', 'each unit once, largest first; did you mean 2h?'],
    ['2H', 'write h, not H; did you mean 2h?'],
    ['2 hours', 'write h, not hours; did you mean 2h?'],
    ['500ms', 'the unit "ms" is not accepted here'],
    ['1x', 'unknown unit "x"'],
    ['PT0.0005S', 'finer than a millisecond'],
    ['PT1.5H30M', 'only the last, smallest part may have a fraction'],
    ['P', 'not a duration ISO 8601 describes'],
    ['PT', 'not a duration ISO 8601 describes'],
    ['P1DT', 'not a duration ISO 8601 describes'],
    ['PT1H2D', 'not a duration ISO 8601 describes'],
    ['', 'the value is empty'],
    ['h', ''],
    ['1h30', 'cannot read "30"'],
  ])('refuses %j (%s), listing the accepted forms', (text, reason) => {
    const err = refusal(() => parseDuration(text));
    expect(err.code).toBe(PARSE_ERROR.duration);
    expect(err.message).toContain('expected a positive duration, ISO 8601 (PT1H30M, P2D');
    expect(err.message).toContain('short (90m, 2h, 1d12h, 45s, 1w');
    expect(err.message).toContain(reason);
  });

  it('refuses a duration too long to send exactly', () => {
    expect(refusal(() => parseDuration('99999999999999w')).message).toContain('too long');
  });
});

describe('parseTimeout', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10 * S],
    ['1m', M],
    ['1m30s', 90 * S],
    ['10', 10 * S],
    ['0.5', 500],
    ['1ms', 1],
    ['10m', 10 * M],
    ['PT10S', 10 * S],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseTimeout(text)).toBe(ms);
  });

  it.each([
    ['0', 'out of range'],
    ['0ms', 'out of range'],
    ['10m1ms', 'out of range'],
    ['1h', 'out of range'],
    ['0.0001', 'finer than a millisecond'],
    ['-5s', 'negative durations'],
    ['fast', ''],
  ])('refuses %j', (text, reason) => {
    const err = refusal(() => parseTimeout(text));
    expect(err.code).toBe(PARSE_ERROR.timeout);
    expect(err.message).toContain('expected a timeout from 1ms to 10m');
    expect(err.message).toContain(reason);
  });
});

describe('timeFromDuration', () => {
  it('goes back from now by the duration', () => {
    expect(timeFromDuration('1h30m', NOW)).toEqual({
      ms: NOW - 90 * M,
      input: '1h30m',
      zone: 'Z',
      utc: '2026-01-15T06:30:00.000Z',
    });
  });

  it('refuses a duration that goes back before 1970', () => {
    const err = refusal(() => timeFromDuration('3000w', NOW));
    expect(err.code).toBe(PARSE_ERROR.beforeEpoch);
  });
});

describe('formatShort and formatIso', () => {
  it.each([
    [90 * M, '1h30m', 'PT1H30M'],
    [D + 2 * H, '1d2h', 'P1DT2H'],
    [500, '500ms', 'PT0.5S'],
    [S + 250, '1s250ms', 'PT1.25S'],
    [7 * D, '7d', 'P7D'],
  ])('writes %d ms as %s and %s', (ms, short, iso) => {
    expect(formatShort(BigInt(ms))).toBe(short);
    expect(formatIso(BigInt(ms))).toBe(iso);
    expect(short.endsWith('ms') ? parseTimeout(short) : parseDuration(short)).toBe(ms);
    expect(parseDuration(iso)).toBe(ms);
  });
});
