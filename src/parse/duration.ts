/**
 * Durations: `--by-duration` (how far back from now) and `--timeout`. Months and years are
 * refused because their length depends on which month or year, so "1 month back" has no single
 * meaning; a duration in days says exactly what is meant.
 */
import { PARSE_ERROR, type ParseErrorCode } from './codes.js';
import {
  CALENDAR_UNIT,
  exactMs,
  formatIso,
  formatShort,
  UNIT_ALIASES,
  UNIT_MS,
  UNIT_ORDER,
  type Unit,
} from './duration-units.js';
import { refuse, show } from './text.js';
import { checkInstant, resolved, type ResolvedTime } from './time.js';

export { formatIso, formatShort } from './duration-units.js';

const DURATION_FORM =
  'a positive duration, ISO 8601 (PT1H30M, P2D, P1DT2H, P1W, PT0.5S) or short ' +
  '(90m, 2h, 1d12h, 45s, 1w: units w d h m s, largest first)';
const TIMEOUT_FORM =
  'a timeout from 1ms to 10m: 500ms, 10s, 1m, 1m30s, or a number of seconds (10, 0.5)';
const VARIES = ', as their length varies; use days';
export const TIMEOUT_MIN_MS = 1;
export const TIMEOUT_MAX_MS = 600_000;

interface Flavour {
  code: ParseErrorCode;
  form: string;
  units: Unit[];
  bareSeconds: boolean;
}

const DURATION: Flavour = {
  code: PARSE_ERROR.duration,
  form: DURATION_FORM,
  units: ['w', 'd', 'h', 'm', 's'],
  bareSeconds: false,
};
const TIMEOUT: Flavour = {
  code: PARSE_ERROR.timeout,
  form: TIMEOUT_FORM,
  units: UNIT_ORDER,
  bareSeconds: true,
};

export function parseDuration(value: string): number {
  const ms = readDuration(value, DURATION);
  if (ms === 0n) throw failure(value, DURATION, ': a zero duration is not accepted');
  if (ms > BigInt(Number.MAX_SAFE_INTEGER)) throw failure(value, DURATION, ': too long');
  return Number(ms);
}

export function parseTimeout(value: string): number {
  const ms = readDuration(value, TIMEOUT);
  if (ms < BigInt(TIMEOUT_MIN_MS) || ms > BigInt(TIMEOUT_MAX_MS)) {
    throw failure(value, TIMEOUT, `: that is ${formatShort(ms) ?? formatIso(ms)}, out of range`);
  }
  return Number(ms);
}

/** The instant `value` before `now`, for `--by-duration`. */
export function timeFromDuration(value: string, now: number): ResolvedTime {
  const ms = now - parseDuration(value);
  checkInstant(ms, now, value);
  return resolved(ms, value, 'Z');
}

function failure(value: string, flavour: Flavour, reason: string, suggestion?: bigint) {
  const written = suggestion === undefined ? undefined : spell(suggestion, flavour);
  const mean = written === undefined ? '' : `; did you mean ${written}?`;
  return refuse(flavour.code, `expected ${flavour.form}, got ${show(value)}${reason}${mean}`, {
    input: value,
    expected: flavour.form,
    ...(written === undefined ? {} : { suggestion: written }),
  });
}

/** How a suggested duration is best written in this flavour's own forms. */
function spell(ms: bigint, flavour: Flavour): string | undefined {
  if (ms <= 0n) return undefined;
  return formatShort(ms, flavour.units.filter((u) => u !== 'w')) ?? formatIso(ms);
}

function readDuration(value: string, flavour: Flavour): bigint {
  const text = value.trim();
  if (text === '') throw failure(value, flavour, ': the value is empty');

  if (text.startsWith('-') || text.startsWith('+')) {
    const positive = attempt(() => readDuration(text.slice(1), flavour));
    const reason = text.startsWith('-')
      ? ': negative durations are not accepted'
      : ': write it without the + sign';
    throw failure(value, flavour, reason, positive);
  }

  if (/^p/i.test(text)) return readIso(value, text, flavour);

  const bare = /^(\d+)(?:[.,](\d+))?$/.exec(text);
  if (bare) {
    const seconds = exactMs(bare[1] ?? '', bare[2] ?? '', UNIT_MS.s);
    if (flavour.bareSeconds && seconds !== undefined) return seconds;
    const reason = flavour.bareSeconds
      ? ': finer than a millisecond'
      : `: a unit is needed, such as ${bare[0]}m or ${bare[0]}s`;
    throw failure(value, flavour, reason);
  }
  return readShort(value, text, flavour);
}

function attempt(read: () => bigint): bigint | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

const ISO = new RegExp(
  '^P(?:(\\d+)([.,]\\d+)?Y)?(?:(\\d+)([.,]\\d+)?M)?(?:(\\d+)([.,]\\d+)?W)?(?:(\\d+)([.,]\\d+)?D)?' +
    '(?:T(?:(\\d+)([.,]\\d+)?H)?(?:(\\d+)([.,]\\d+)?M)?(?:(\\d+)([.,]\\d+)?S)?)?$',
  'i',
);
const ISO_UNITS: (Unit | 'year' | 'month')[] = ['year', 'month', 'w', 'd', 'h', 'm', 's'];

function readIso(value: string, text: string, flavour: Flavour): bigint {
  const match = ISO.exec(text);
  if (!match || /^P(T)?$/i.test(text) || /T$/i.test(text)) {
    throw failure(value, flavour, ': not a duration ISO 8601 describes');
  }

  const parts = ISO_UNITS.map((unit, i) => ({
    unit,
    whole: match[1 + 2 * i],
    fraction: match[2 + 2 * i]?.slice(1) ?? '',
  })).filter((part) => part.whole !== undefined);

  const calendar = parts.find((part) => part.unit === 'year' || part.unit === 'month');
  if (calendar) {
    throw failure(value, flavour, `: ${calendar.unit}s are not accepted${VARIES}`);
  }

  let total = 0n;
  for (const [index, part] of parts.entries()) {
    if (part.fraction !== '' && index !== parts.length - 1) {
      throw failure(value, flavour, ': only the last, smallest part may have a fraction');
    }
    const ms = exactMs(part.whole ?? '0', part.fraction, UNIT_MS[part.unit as Unit]);
    if (ms === undefined) throw failure(value, flavour, ': finer than a millisecond');
    total += ms;
  }
  return total;
}

function readShort(value: string, text: string, flavour: Flavour): bigint {
  const token = /\s*(\d+)(?:[.,](\d+))?\s*([^\d\s.,]+)\s*/y;
  const parts: { unit: string; whole: string; fraction: string }[] = [];
  while (token.lastIndex < text.length) {
    const at = token.lastIndex;
    const match = token.exec(text);
    if (!match) {
      throw failure(value, flavour, at === 0 ? '' : `: cannot read ${show(text.slice(at))}`);
    }
    parts.push({ whole: match[1] ?? '', fraction: match[2] ?? '', unit: match[3] ?? '' });
  }

  let total = 0n;
  const problems: string[] = [];
  let previous = -1;
  for (const part of parts) {
    const unit = knownUnit(part.unit, flavour, value);
    const rank = UNIT_ORDER.indexOf(unit);
    if (rank <= previous) problems.push('each unit once, largest first');
    previous = rank;

    if (unit !== part.unit) problems.push(`write ${unit}, not ${part.unit}`);
    if (part.fraction !== '') problems.push('fractions are not accepted in the short form');

    const ms = exactMs(part.whole, part.fraction, UNIT_MS[unit]);
    if (ms === undefined) throw failure(value, flavour, ': finer than a millisecond');
    total += ms;
  }

  if (problems.length > 0) {
    throw failure(value, flavour, `: ${[...new Set(problems)].join('; ')}`, total);
  }
  return total;
}

/** The accepted unit a spelling stands for; throws for months, years and the unknown. */
function knownUnit(spelling: string, flavour: Flavour, value: string): Unit {
  if (spelling === 'M') {
    throw failure(value, flavour, ': "M" could mean minutes or months; write m for minutes');
  }
  if (CALENDAR_UNIT.test(spelling)) {
    throw failure(value, flavour, `: months and years are not accepted${VARIES}`);
  }

  const lower = spelling.toLowerCase();
  const unit = (UNIT_ORDER as string[]).includes(lower) ? (lower as Unit) : UNIT_ALIASES[lower];
  if (unit === undefined) throw failure(value, flavour, `: unknown unit ${show(spelling)}`);
  if (!flavour.units.includes(unit)) {
    throw failure(value, flavour, `: the unit ${show(spelling)} is not accepted here`);
  }
  return unit;
}
