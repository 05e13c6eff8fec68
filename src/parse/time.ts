/** What the time parsers share: the resolved form of a point in time and the checks on it. */
import { PARSE_ERROR } from './codes.js';
import { refuse, show } from './text.js';

/**
 * How far past "now" a time may lie: clocks of the operator's machine and of the service drift,
 * and a time typed as "now" should not be refused for being a few seconds ahead.
 */
export const FUTURE_TOLERANCE_MS = 60_000;

/** The latest instant a JavaScript Date can hold. */
const DATE_MAX_MS = 8.64e15;

export interface ResolvedTime {
  /** What is sent as Time. */
  ms: number;
  /** As typed. */
  input: string;
  /** 'Z', an offset such as '+08:00', or the IANA name the local time was read in. */
  zone: string;
  /** The instant in UTC with milliseconds, e.g. 2024-03-01T02:00:00.000Z. */
  utc: string;
}

export function isoUtc(ms: number): string {
  return Math.abs(ms) <= DATE_MAX_MS ? new Date(ms).toISOString() : 'beyond the year 275760';
}

/** Refuses instants that are in the future or before 1970 (negative Time means latest/earliest). */
export function checkInstant(ms: number, now: number, input: string): void {
  if (ms > now + FUTURE_TOLERANCE_MS) {
    throw refuse(
      PARSE_ERROR.futureTime,
      `${show(input)} is ${isoUtc(ms)}, which is in the future (now is ${isoUtc(now)}): ` +
        'expected a time in the past; a consumer group can only be moved to messages that exist',
      { input, ms, now },
    );
  }
  if (ms < 0) {
    throw refuse(
      PARSE_ERROR.beforeEpoch,
      `${show(input)} is ${isoUtc(ms)}, before 1970-01-01T00:00:00Z: expected a later time; ` +
        'the API reads negative times as "latest" or "earliest"',
      { input, ms },
    );
  }
}

export function resolved(ms: number, input: string, zone: string): ResolvedTime {
  return { ms, input, zone, utc: isoUtc(ms) };
}
