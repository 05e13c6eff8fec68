/**
 * `--to-timestamp`: a Unix time in milliseconds, or -1 / -2. Values that look like another unit
 * are refused with the value converted to milliseconds, so a slip of the unit cannot move a
 * group to 1970 or to the year 55000.
 */
import { EARLIEST, LATEST } from '../types.js';
import { PARSE_ERROR } from './codes.js';
import { readInteger } from './integers.js';
import { refuse, show } from './text.js';
import { checkInstant, FUTURE_TOLERANCE_MS, isoUtc } from './time.js';

const FORM =
  'a Unix time in milliseconds (13 digits, such as 1679587200000), or -1 (latest) / -2 (earliest)';

/** Other units a timestamp is often written in, by their usual number of digits. */
const UNITS = [
  { digits: [9, 10, 11], name: 'seconds', toMs: (v: bigint) => v * 1000n },
  { digits: [16], name: 'microseconds', toMs: (v: bigint) => v / 1000n },
  { digits: [19], name: 'nanoseconds', toMs: (v: bigint) => v / 1_000_000n },
];

export function parseTimestamp(value: string, now: number): number {
  const text = value.trim();
  if (text === String(LATEST)) return LATEST;
  if (text === String(EARLIEST)) return EARLIEST;

  const fail = (reason: string, suggestion?: bigint): never => {
    const when = suggestion === undefined ? '' : isoUtc(Number(suggestion));
    const mean = suggestion === undefined ? '' : `; did you mean ${suggestion} (${when})?`;
    throw refuse(PARSE_ERROR.timestamp, `expected ${FORM}, got ${show(value)}${reason}${mean}`, {
      input: value,
      expected: FORM,
      ...(suggestion === undefined ? {} : { suggestion: Number(suggestion) }),
    });
  };
  const plausible = (ms: bigint) => ms >= 0n && ms <= BigInt(now + FUTURE_TOLERANCE_MS);

  const fraction = /^(\d+)[.,](\d+)$/.exec(text);
  if (fraction) {
    const [, whole = '', part = ''] = fraction;
    if (whole.length <= 11) {
      const ms = BigInt(whole) * 1000n + BigInt(part.slice(0, 3).padEnd(3, '0'));
      const reason = ': fractions are not accepted, and that looks like seconds';
      return fail(reason, plausible(ms) ? ms : undefined);
    }
    const truncated = BigInt(whole);
    const reason = ': fractions of a millisecond are not accepted';
    return fail(reason, plausible(truncated) ? truncated : undefined);
  }

  if (/^-\d+$/.test(text)) {
    return fail(': negative values other than -1 and -2 are not accepted');
  }

  if (!/^(0|[1-9]\d*)$/.test(text)) {
    // Names what is wrong with the spelling (1e12, 0x…, 1,000); a plain integer never gets here.
    const rules = { what: '', code: PARSE_ERROR.timestamp, form: FORM, minus: false, plus: false };
    readInteger(value, rules);
    return fail('');
  }

  const number = BigInt(text);
  const unit = UNITS.find((u) => u.digits.includes(text.length));
  if (unit) {
    const ms = unit.toMs(number);
    if (plausible(ms)) return fail(`: that looks like ${unit.name}`, ms);
    if (unit.name === 'seconds') {
      return fail(': that looks like seconds, but is in the future even so');
    }
  }
  if (text.length <= 11) {
    return fail(`: too small for a time in milliseconds (it would be ${isoUtc(Number(number))})`);
  }
  if (number > BigInt(Number.MAX_SAFE_INTEGER)) {
    return fail(`: too large, and not a time in seconds, microseconds or nanoseconds either`);
  }

  const ms = Number(number);
  checkInstant(ms, now, value);
  return ms;
}
