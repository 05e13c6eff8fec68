/** The units durations are written in, and how a duration is written back for a suggestion. */

export const UNIT_MS = {
  w: 604_800_000n,
  d: 86_400_000n,
  h: 3_600_000n,
  m: 60_000n,
  s: 1_000n,
  ms: 1n,
} as const;

export type Unit = keyof typeof UNIT_MS;

/** Largest first: short forms must follow this order. */
export const UNIT_ORDER: Unit[] = ['w', 'd', 'h', 'm', 's', 'ms'];

/** Spellings people use for the accepted units, read only to suggest the short one. */
export const UNIT_ALIASES: Record<string, Unit> = {
  week: 'w',
  weeks: 'w',
  day: 'd',
  days: 'd',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  msec: 'ms',
  millisecond: 'ms',
  milliseconds: 'ms',
};

/** Months and years have no fixed length, so a duration in them has no single meaning. */
export const CALENDAR_UNIT = /^(mo|mos|mon|mons|month|months|y|yr|yrs|year|years)$/i;

/**
 * The short form of a duration, largest unit first: 5400000 gives 1h30m. Units not in `units`
 * are folded into the next smaller one; a remainder no allowed unit can express gives undefined.
 */
export function formatShort(
  ms: bigint,
  units: Unit[] = ['d', 'h', 'm', 's', 'ms'],
): string | undefined {
  let rest = ms;
  let text = '';
  for (const unit of UNIT_ORDER) {
    if (!units.includes(unit)) continue;
    const count = rest / UNIT_MS[unit];
    rest -= count * UNIT_MS[unit];
    if (count > 0n) text += `${count}${unit}`;
  }
  if (rest !== 0n) return undefined;
  return text === '' ? '0s' : text;
}

/** The ISO 8601 form: PT1H30M, P2DT0.5S. */
export function formatIso(ms: bigint): string {
  const days = ms / UNIT_MS.d;
  let rest = ms - days * UNIT_MS.d;
  const hours = rest / UNIT_MS.h;
  rest -= hours * UNIT_MS.h;
  const minutes = rest / UNIT_MS.m;
  rest -= minutes * UNIT_MS.m;
  const seconds = rest / UNIT_MS.s;
  const millis = rest - seconds * UNIT_MS.s;

  const fraction = millis === 0n ? '' : `.${String(millis).padStart(3, '0').replace(/0+$/, '')}`;
  const time =
    (hours > 0n ? `${hours}H` : '') +
    (minutes > 0n ? `${minutes}M` : '') +
    (seconds > 0n || fraction !== '' ? `${seconds}${fraction}S` : '');
  const date = days > 0n ? `${days}D` : '';
  if (date === '' && time === '') return 'PT0S';
  return `P${date}${time === '' ? '' : `T${time}`}`;
}

/**
 * A decimal count of a unit in whole milliseconds, or undefined when it is finer than that:
 * ("1", "5", 3600000n) gives 5400000n.
 */
export function exactMs(whole: string, fraction: string, unitMs: bigint): bigint | undefined {
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * unitMs;
  return scaled % scale === 0n ? scaled / scale : undefined;
}
