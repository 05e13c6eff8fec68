/**
 * `--to-datetime`: an ISO 8601 date-time. Calendar fields are checked here rather than by
 * Date.parse, which rolls Feb 30 over into March and reads zone-less values in the machine's TZ.
 *
 * A value that carries its own offset (or Z) means exactly that instant; `--timezone` is then
 * not needed and, when given as well, is still checked as a name but does not change the
 * result: the offset typed next to the time is the more specific statement.
 */
import { PARSE_ERROR } from './codes.js';
import { refuse, show } from './text.js';
import { checkInstant, resolved, type ResolvedTime } from './time.js';
import { formatOffset, parseTimeZone, readLocalTime, utcMs } from './zones.js';

export type { ResolvedTime } from './time.js';

const FORM =
  'an ISO 8601 date-time such as 2024-03-01T10:00:00Z, 2024-03-01T10:00+08:00 ' +
  'or 2024-03-01 10:00:00.500+0530';

const PATTERN = new RegExp(
  '^(\\d{4})-(\\d{2})-(\\d{2})' +
    '(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?' +
    '(?:([Zz])|([+-])(\\d{2})(?::?(\\d{2}))?)?$',
);

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  hasTime: boolean;
  /** Offset from UTC in minutes, or undefined when the value names no zone. */
  offsetMinutes?: number;
  zone?: string;
}

export function parseDateTime(
  value: string,
  opts: { timezone?: string; now: number },
): ResolvedTime {
  const fields = readFields(value);
  const zoneName = opts.timezone === undefined ? undefined : parseTimeZone(opts.timezone);
  const wall = utcMs(
    fields.year,
    fields.month,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.ms,
  );

  if (fields.offsetMinutes !== undefined && fields.zone !== undefined) {
    const ms = wall - fields.offsetMinutes * 60_000;
    checkInstant(ms, opts.now, value);
    return resolved(ms, value, fields.zone);
  }

  if (zoneName === undefined) throw missingZone(value, fields);

  const ms = inZone(value, fields, wall, zoneName);
  checkInstant(ms, opts.now, value);
  return resolved(ms, value, zoneName);
}

function readFields(value: string): Fields {
  const fail = (reason: string): never => {
    throw refuse(PARSE_ERROR.datetime, `expected ${FORM}, got ${show(value)}${reason}`, {
      input: value,
      expected: FORM,
    });
  };

  const match = PATTERN.exec(value.trim());
  if (!match) return fail(diagnose(value.trim()));

  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = match;
  const number = (text: string | undefined) => (text === undefined ? 0 : Number(text));
  const fields: Fields = {
    year: number(y),
    month: number(mo),
    day: number(d),
    hour: number(h),
    minute: number(mi),
    second: number(s),
    // Digits past the millisecond are dropped: the API counts whole milliseconds.
    ms: frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0')),
    hasTime: h !== undefined,
  };

  if (!fields.hasTime && (z !== undefined || sign !== undefined)) {
    fail(': a zone needs a time of day; write 2024-03-01T00:00Z for midnight');
  }
  if (fields.month < 1 || fields.month > 12) fail(`: there is no month ${fields.month}`);
  const days = daysInMonth(fields.year, fields.month);
  if (fields.day < 1 || fields.day > days) {
    const leap =
      fields.month === 2 && fields.day === 29 ? ` (${fields.year} is not a leap year)` : '';
    fail(`: ${y}-${mo} has ${days} days, so day ${fields.day} does not exist${leap}`);
  }
  if (fields.hour === 24) fail(': hour 24 is not accepted; write 00:00 of the next day');
  if (fields.hour > 23) fail(`: there is no hour ${fields.hour}`);
  if (fields.minute > 59) fail(`: there is no minute ${fields.minute}`);
  if (fields.second === 60) fail(': second 60 (a leap second) is not accepted');
  if (fields.second > 59) fail(`: there is no second ${fields.second}`);

  if (z !== undefined) return { ...fields, offsetMinutes: 0, zone: 'Z' };
  if (sign !== undefined) {
    const hours = number(oh);
    const minutes = number(om);
    if (hours > 23 || minutes > 59) fail(`: ${sign}${oh}:${om ?? '00'} is not a UTC offset`);
    const offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
    const zone = `${sign}${oh}:${om ?? '00'}`;
    return { ...fields, offsetMinutes, zone };
  }
  return fields;
}

/** A hint for the usual near misses; empty when nothing specific applies. */
function diagnose(text: string): string {
  if (text === '') return ': the value is empty';
  if (/^-?\d+$/.test(text)) return ': that looks like a Unix time; use --to-timestamp for those';
  if (/^\d{4}[/.]\d{1,2}[/.]\d{1,2}/.test(text)) return ': separate year, month and day with -';
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(text)) return ': write the year first (YYYY-MM-DD)';
  if (/^\d{4}-\d{1,2}-\d{1,2}(\D|$)/.test(text) && !/^\d{4}-\d{2}-\d{2}/.test(text)) {
    return ': months and days take two digits (2024-03-01)';
  }
  if (/^\d{8}T?\d*/.test(text)) return ': write the date with dashes and the time with colons';
  if (/[\sT\d](UTC|GMT|[A-Z]{3,4})$/.test(text) || /\[.+\]$/.test(text)) {
    return ': name the zone with Z or an offset such as +08:00, or give --timezone <IANA name>';
  }
  if (/^\d{4}-\d{2}-\d{2}[Tt ](\d|\d\d:\d|\d\d:\d\d:\d)(\D|$)/.test(text)) {
    return ': hours, minutes and seconds take two digits each (09:05:00)';
  }
  return '';
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The wall time as typed, normalised: 2024-03-10T02:30:00 (and .mmm when it has them). */
function localText(fields: Fields): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const date = `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}`;
  const time = `${pad(fields.hour)}:${pad(fields.minute)}:${pad(fields.second)}`;
  return `${date}T${time}${fields.ms === 0 ? '' : `.${pad(fields.ms, 3)}`}`;
}

function missingZone(value: string, fields: Fields) {
  const local = localText(fields);
  const what = fields.hasTime ? 'has no time zone' : 'is a date without a time zone (its midnight)';
  return refuse(
    PARSE_ERROR.missingZone,
    `${show(value)} ${what}, so the instant it means is unknown: expected Z or an offset ` +
      `(${local}Z, ${local}+08:00), or the zone it is in given with --timezone <IANA name> ` +
      '(such as --timezone Asia/Shanghai)',
    { input: value, expected: FORM },
  );
}

function inZone(value: string, fields: Fields, wall: number, zone: string): number {
  const reading = readLocalTime(wall, zone);
  if (reading.kind === 'unique') return reading.ms;

  const local = localText(fields);
  const option = (offset: number) => `${local}${formatOffset(offset)}`;
  if (reading.kind === 'gap') {
    const { before, after } = reading;
    throw refuse(
      PARSE_ERROR.nonexistentLocalTime,
      `${show(value)} does not exist in ${zone}: the clocks there moved from UTC` +
        `${formatOffset(before)} to UTC${formatOffset(after)} and skipped ${local}; expected a ` +
        `time that exists, or an explicit offset: ${option(before)} ` +
        `(${new Date(wall - before).toISOString()}) or ${option(after)} ` +
        `(${new Date(wall - after).toISOString()})`,
      { input: value, timezone: zone, candidates: [wall - before, wall - after] },
    );
  }

  const described = reading.candidates
    .map((c) => `${new Date(c.ms).toISOString()} (${option(c.offset)})`)
    .join(' and ');
  throw refuse(
    PARSE_ERROR.ambiguousLocalTime,
    `${show(value)} happens twice in ${zone}, when the clocks go back: at ${described}; ` +
      'expected one instant: write the offset you mean',
    { input: value, timezone: zone, candidates: reading.candidates.map((c) => c.ms) },
  );
}
