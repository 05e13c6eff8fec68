import { describe, expect, it } from 'vitest';
import { PARSE_ERROR } from '../../src/parse/codes.js';
import { parseDateTime } from '../../src/parse/datetime.js';
import { refusal } from './refusal.js';

const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);
const FORM = 'an ISO 8601 date-time';

describe('parseDateTime with an explicit zone', () => {
  it.each([
    ['2024-03-01T10:00:00Z', '2024-03-01T10:00:00.000Z', 'Z'],
    ['2024-03-01T10:00:00z', '2024-03-01T10:00:00.000Z', 'Z'],
    ['2024-03-01t10:00Z', '2024-03-01T10:00:00.000Z', 'Z'],
    ['2024-03-01T10:00+08:00', '2024-03-01T02:00:00.000Z', '+08:00'],
    ['2024-03-01T10:00+0800', '2024-03-01T02:00:00.000Z', '+08:00'],
    ['2024-03-01T10:00+08', '2024-03-01T02:00:00.000Z', '+08:00'],
    ['2024-03-01T10:00-03:00', '2024-03-01T13:00:00.000Z', '-03:00'],
    ['2024-03-01T10:00:00+05:30', '2024-03-01T04:30:00.000Z', '+05:30'],
    ['2024-03-01T10:00:00+05:45', '2024-03-01T04:15:00.000Z', '+05:45'],
    ['2024-03-01 10:00:00Z', '2024-03-01T10:00:00.000Z', 'Z'],
    ['2024-03-01T10:00:00.5Z', '2024-03-01T10:00:00.500Z', 'Z'],
    ['2024-03-01T10:00:00,25Z', '2024-03-01T10:00:00.250Z', 'Z'],
    ['2024-03-01T10:00:00.123456789Z', '2024-03-01T10:00:00.123Z', 'Z'],
    ['2024-03-01T10:00:00.999999Z', '2024-03-01T10:00:00.999Z', 'Z'],
    ['2024-02-29T12:00Z', '2024-02-29T12:00:00.000Z', 'Z'],
    ['2000-02-29T12:00Z', '2000-02-29T12:00:00.000Z', 'Z'],
    ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z', 'Z'],
    [' 2024-03-01T10:00Z ', '2024-03-01T10:00:00.000Z', 'Z'],
  ])('reads %j as %s', (input, utc, zone) => {
    const time = parseDateTime(input, { now: NOW });
    expect(time).toEqual({ ms: Date.parse(utc), input, zone, utc });
  });

  it('keeps the offset typed next to the time when --timezone is also given', () => {
    const time = parseDateTime('2024-03-01T10:00+08:00', {
      timezone: 'America/New_York',
      now: NOW,
    });
    expect(time.utc).toBe('2024-03-01T02:00:00.000Z');
    expect(time.zone).toBe('+08:00');
  });

  it('still checks a --timezone that the offset makes unnecessary', () => {
    const err = refusal(() =>
      parseDateTime('2024-03-01T10:00Z', { timezone: 'Mars/Olympus', now: NOW }),
    );
    expect(err.code).toBe(PARSE_ERROR.timezone);
  });
});

describe('parseDateTime refuses impossible values', () => {
  it.each([
    ['2023-02-29T10:00Z', '2023-02 has 28 days, so day 29 does not exist (2023 is not a leap'],
    ['1900-02-29T10:00Z', '1900 is not a leap year'],
    ['2024-02-30T10:00Z', '2024-02 has 29 days, so day 30 does not exist'],
    ['2024-04-31T10:00Z', '2024-04 has 30 days'],
    ['2024-13-01T10:00Z', 'there is no month 13'],
    ['2024-00-10T10:00Z', 'there is no month 0'],
    ['2024-01-00T10:00Z', 'day 0 does not exist'],
    ['2024-03-01T24:00Z', 'hour 24 is not accepted'],
    ['2024-03-01T25:00Z', 'there is no hour 25'],
    ['2024-03-01T10:60Z', 'there is no minute 60'],
    ['2024-03-01T10:00:60Z', 'second 60 (a leap second) is not accepted'],
    ['2024-03-01T10:00+24:00', 'is not a UTC offset'],
    ['2024-03-01T10:00+08:60', 'is not a UTC offset'],
    ['2024-03-01Z', 'a zone needs a time of day'],
    ['2024-03-01+08:00', 'a zone needs a time of day'],
    ['', 'the value is empty'],
    ['1709287200000', 'use --to-timestamp'],
    ['2024/03/01 10:00Z', 'separate year, month and day with -'],
    ['01-03-2024 10:00Z', 'write the year first'],
    ['2024-3-1T10:00Z', 'months and days take two digits'],
    ['2024-03-01T9:00Z', 'hours, minutes and seconds take two digits'],
    ['20240301T100000Z', 'dashes'],
    ['2024-03-01T10:00 CST', 'name the zone with Z or an offset'],
    ['2024-03-01T10Z', ''],
    ['2024-03-01T10:00:00.Z', ''],
    ['2024-03-01T10:00+8:00', ''],
    ['yesterday', ''],
  ])('refuses %j: %s', (input, reason) => {
    const err = refusal(() => parseDateTime(input, { now: NOW }));
    expect(err.code).toBe(PARSE_ERROR.datetime);
    expect(err.message).toContain(`expected ${FORM}`);
    expect(err.message).toContain(reason);
  });

  it('refuses an instant before 1970, which the API would read as latest or earliest', () => {
    const err = refusal(() => parseDateTime('1969-12-31T23:59:59.999Z', { now: NOW }));
    expect(err.code).toBe(PARSE_ERROR.beforeEpoch);
    expect(err.message).toContain('before 1970-01-01T00:00:00Z');
  });

  it('refuses an offset that puts 1970-01-01 before the epoch', () => {
    const err = refusal(() => parseDateTime('1970-01-01T00:30+01:00', { now: NOW }));
    expect(err.code).toBe(PARSE_ERROR.beforeEpoch);
  });

  it('refuses a time in the future, beyond 60 s of tolerance', () => {
    expect(parseDateTime('2026-01-15T08:01:00Z', { now: NOW }).ms).toBe(NOW + 60_000);
    const err = refusal(() => parseDateTime('2026-01-15T08:01:00.001Z', { now: NOW }));
    expect(err.code).toBe(PARSE_ERROR.futureTime);
    expect(err.message).toContain('2026-01-15T08:01:00.001Z, which is in the future');
  });
});

describe('parseDateTime without a zone', () => {
  it.each([['2024-03-01T10:00'], ['2024-03-01 10:00:00.5'], ['2024-03-01']])(
    'refuses %j unless --timezone says which zone it is in',
    (input) => {
      const err = refusal(() => parseDateTime(input, { now: NOW }));
      expect(err.code).toBe(PARSE_ERROR.missingZone);
      expect(err.message).toContain('expected Z or an offset');
      expect(err.message).toContain('--timezone <IANA name>');
    },
  );

  it.each([
    ['2024-03-01T10:00', 'Asia/Shanghai', '2024-03-01T02:00:00.000Z'],
    ['2024-03-01', 'Asia/Shanghai', '2024-02-29T16:00:00.000Z'],
    ['2024-07-01', 'Europe/Berlin', '2024-06-30T22:00:00.000Z'],
    ['2024-01-15 09:30:00.250', 'America/Los_Angeles', '2024-01-15T17:30:00.250Z'],
    ['2024-07-15T09:30', 'America/Los_Angeles', '2024-07-15T16:30:00.000Z'],
    ['2024-03-01T10:00', 'Asia/Kathmandu', '2024-03-01T04:15:00.000Z'],
    ['2024-03-01T10:00', 'Asia/Kolkata', '2024-03-01T04:30:00.000Z'],
    ['2024-03-01T10:00', 'UTC', '2024-03-01T10:00:00.000Z'],
    ['2024-03-10T01:59:59.999', 'America/Los_Angeles', '2024-03-10T09:59:59.999Z'],
    ['2024-03-10T03:00', 'America/Los_Angeles', '2024-03-10T10:00:00.000Z'],
    ['2024-11-03T02:00', 'America/Los_Angeles', '2024-11-03T10:00:00.000Z'],
  ])('reads %j in %s as %s', (input, timezone, utc) => {
    const time = parseDateTime(input, { timezone, now: NOW });
    expect(time).toEqual({ ms: Date.parse(utc), input, zone: timezone, utc });
  });

  it('reports the zone it used with its letter case set right', () => {
    const time = parseDateTime('2024-03-01T10:00', { timezone: 'asia/shanghai', now: NOW });
    expect(time.zone).toBe('Asia/Shanghai');
  });

  it('keeps a current zone name rather than the retired one Intl prefers', () => {
    const time = parseDateTime('2024-03-01T10:00', { timezone: 'Asia/Kolkata', now: NOW });
    expect(time.zone).toBe('Asia/Kolkata');
  });

  it.each([
    ['Asia/Shangai', 'did you mean Asia/Shanghai?'],
    ['Mars/Olympus', 'expected an IANA time zone name'],
    ['', 'the time zone is empty'],
    ['+08:00', 'is an offset, not a time zone name'],
    ['UTC+8', 'is an offset, not a time zone name'],
    ['EST', 'is a fixed offset all year, not US Eastern time'],
    ['MST', 'did you mean America/Denver'],
  ])('refuses the time zone %j', (timezone, reason) => {
    const err = refusal(() => parseDateTime('2024-03-01T10:00', { timezone, now: NOW }));
    expect(err.code).toBe(PARSE_ERROR.timezone);
    expect(err.message).toContain(reason);
  });
});

describe('parseDateTime around daylight saving time changes', () => {
  it.each([
    ['2024-03-10T02:30', 'America/Los_Angeles', '-08:00', '-07:00'],
    ['2024-03-31T02:30', 'Europe/Berlin', '+01:00', '+02:00'],
    ['2024-03-31T02:00', 'Europe/Berlin', '+01:00', '+02:00'],
    ['2011-12-30T12:00', 'Pacific/Apia', '-10:00', '+14:00'],
  ])('refuses %j in %s, a time the clocks skipped', (input, timezone, before, after) => {
    const err = refusal(() => parseDateTime(input, { timezone, now: NOW }));
    expect(err.code).toBe(PARSE_ERROR.nonexistentLocalTime);
    expect(err.message).toContain(`does not exist in ${timezone}`);
    expect(err.message).toContain(`moved from UTC${before} to UTC${after}`);
    expect(err.message).toContain(`${input}:00${before}`);
    expect(err.message).toContain(`${input}:00${after}`);
  });

  it.each([
    [
      '2024-11-03T01:30',
      'America/Los_Angeles',
      ['2024-11-03T08:30:00.000Z', '2024-11-03T09:30:00.000Z'],
      ['-07:00', '-08:00'],
    ],
    [
      '2024-10-27T02:30',
      'Europe/Berlin',
      ['2024-10-27T00:30:00.000Z', '2024-10-27T01:30:00.000Z'],
      ['+02:00', '+01:00'],
    ],
    [
      '2024-04-07T01:45',
      'Australia/Lord_Howe',
      ['2024-04-06T14:45:00.000Z', '2024-04-06T15:15:00.000Z'],
      ['+11:00', '+10:30'],
    ],
  ])('refuses %j in %s, a time that happened twice, naming both instants', (...args) => {
    const [input, timezone, instants, offsets] = args;
    const err = refusal(() => parseDateTime(input, { timezone, now: NOW }));
    expect(err.code).toBe(PARSE_ERROR.ambiguousLocalTime);
    expect(err.message).toContain(`happens twice in ${timezone}`);
    for (const [i, instant] of instants.entries()) {
      expect(err.message).toContain(`${instant} (${input}:00${offsets[i]})`);
    }
    expect(err.details).toMatchObject({ candidates: instants.map((t) => Date.parse(t)) });
  });

  it('accepts the overlap once the offset is written out', () => {
    const first = parseDateTime('2024-11-03T01:30-07:00', { now: NOW });
    const second = parseDateTime('2024-11-03T01:30-08:00', { now: NOW });
    expect(second.ms - first.ms).toBe(3_600_000);
  });
});
