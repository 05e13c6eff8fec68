/** Small helpers shared by the parsers for wording their refusals. */
import { UsageError } from '../errors.js';
import type { ParseErrorCode } from './codes.js';

const SHOW_LIMIT = 120;

/**
 * Quotes a value for a message so that spaces, tabs and control characters stay visible.
 * Very long values are shortened in the middle: a message must stay readable on a terminal.
 */
export function show(value: string): string {
  const quoted = JSON.stringify(value);
  if (quoted.length <= SHOW_LIMIT) return quoted;

  const half = Math.floor((SHOW_LIMIT - 20) / 2);
  return `${quoted.slice(0, half)}…${quoted.slice(-half)} (${value.length} characters)`;
}

export function refuse(
  code: ParseErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): UsageError {
  return new UsageError(code, message, { details });
}

/** "1 row" / "3 rows". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
