/**
 * Wall-clock times in IANA time zones, worked out with Intl alone so that the machine's own TZ
 * never enters into it.
 */
import { PARSE_ERROR } from './codes.js';
import { refuse, show } from './text.js';

const DAY_MS = 86_400_000;

/**
 * Milliseconds since the epoch of a calendar date and time read as UTC. Works for every year,
 * unlike Date.UTC, which reads years 0–99 as 1900–1999.
 */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

/** '+05:30', '-08:00', '+00:00'; seconds only when a zone's offset has them. */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(Math.round(offsetMs / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = pad(Math.floor(total / 3600));
  const minutes = pad(Math.floor(total / 60) % 60);
  const seconds = total % 60;
  return `${sign}${hours}:${minutes}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
}

/**
 * Checks an IANA time zone name and returns it with its letter case set right (`asia/shanghai`
 * gives `Asia/Shanghai`). A near miss is suggested.
 */
export function parseTimeZone(name: string): string {
  const expected = 'expected an IANA time zone name such as Asia/Shanghai, Europe/Berlin or UTC';
  const details = { input: name, expected: 'IANA time zone name' };

  if (name.trim() === '') {
    throw refuse(PARSE_ERROR.timezone, `the time zone is empty: ${expected}`, details);
  }
  if (/^(UTC|GMT)?[+-]\d{1,2}(:?\d{2})?$/i.test(name.trim())) {
    throw refuse(
      PARSE_ERROR.timezone,
      `${show(name)} is an offset, not a time zone name: ${expected}, or write the offset ` +
        'in the date-time itself (2024-03-01T10:00+08:00)',
      details,
    );
  }

  const fixed = MISLEADING_FIXED[name.trim().toUpperCase()];
  if (fixed !== undefined) {
    throw refuse(
      PARSE_ERROR.timezone,
      `${show(name)} is a fixed offset all year, not ${fixed.clock}, which changes in summer: ` +
        `${expected}; did you mean ${fixed.zone}?`,
      { ...details, suggestion: fixed.zone },
    );
  }

  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    const near = nearestZone(name);
    const mean = near === undefined ? '' : `; did you mean ${near}?`;
    throw refuse(PARSE_ERROR.timezone, `unknown time zone ${show(name)}: ${expected}${mean}`, {
      ...details,
      ...(near === undefined ? {} : { suggestion: near }),
    });
  }

  // Intl's own canonical names are often the retired ones (Asia/Calcutta for Asia/Kolkata), so
  // the name is kept as typed and only its letter case is set right when the list knows it.
  const lower = name.toLowerCase();
  return Intl.supportedValuesOf('timeZone').find((zone) => zone.toLowerCase() === lower) ?? name;
}

/** Legacy names that read like a region's clock but never change for summer. */
const MISLEADING_FIXED: Record<string, { clock: string; zone: string }> = {
  EST: { clock: 'US Eastern time', zone: 'America/New_York' },
  MST: { clock: 'US Mountain time', zone: 'America/Denver (or America/Phoenix for Arizona)' },
};

function nearestZone(name: string): string | undefined {
  if (name.length > 64) return undefined;

  let best: { zone: string; distance: number } | undefined;
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const distance = editDistance(name.toLowerCase(), zone.toLowerCase());
    if (distance <= 2 && (best === undefined || distance < best.distance)) {
      best = { zone, distance };
    }
  }
  return best?.zone;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(replace, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export type LocalReading =
  | { kind: 'unique'; ms: number; offset: number }
  | { kind: 'gap'; before: number; after: number }
  | { kind: 'overlap'; candidates: { ms: number; offset: number }[] };

/**
 * The instants at which a zone's clocks show a wall time (given as milliseconds read as UTC).
 * None means the clocks skipped it, two that they showed it twice. Offsets are sampled a day
 * either side, which sees every transition unless a zone changed twice within two days.
 */
export function readLocalTime(wallMs: number, timeZone: string): LocalReading {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const before = offsetAt(format, wallMs - DAY_MS);
  const after = offsetAt(format, wallMs + DAY_MS);

  const candidates = [...new Set([before, after])]
    .filter((offset) => offsetAt(format, wallMs - offset) === offset)
    .map((offset) => ({ ms: wallMs - offset, offset }))
    .sort((a, b) => a.ms - b.ms);

  const [first] = candidates;
  if (first === undefined) return { kind: 'gap', before, after };
  if (candidates.length === 1) return { kind: 'unique', ...first };
  return { kind: 'overlap', candidates };
}

/** The zone's offset from UTC at an instant, in milliseconds (to the second, as Intl shows). */
function offsetAt(format: Intl.DateTimeFormat, instant: number): number {
  const fields: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) fields[part.type] = part.value;

  const field = (type: string) => Number(fields[type]);
  const year = fields.era === 'BC' ? 1 - field('year') : field('year');
  const local = utcMs(
    year,
    field('month'),
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  return local - wholeSecond;
}
