/** Reading JSON that people may have typed or edited, with messages that point at the spot. */
import { MAX_SAFE } from './integers.js';
import type { Problems } from './problems.js';

export type JsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

export function readJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

export interface NumberLiteral {
  literal: string;
  line: number;
  column: number;
}

/**
 * Number literals of a valid JSON text that are not plain integers (`1.0`, `1e3`): JSON.parse
 * would quietly turn them into integers, and the rest of the tool refuses those spellings.
 */
export function nonIntegerLiterals(text: string): NumberLiteral[] {
  const found: NumberLiteral[] = [];
  const number = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      line += 1;
      lineStart = i + 1;
    } else if (char === '"') {
      i = endOfString(text, i);
    } else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      number.lastIndex = i;
      const literal = number.exec(text)?.[0] ?? char;
      if (/[.eE]/.test(literal)) found.push({ literal, line, column: i - lineStart + 1 });
      i += literal.length - 1;
    }
  }
  return found;
}

/** The index of the quote that closes the string opened at `start`. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

/** A JSON value described for a message: `the string "100"`, `null`, `an array`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number from `min` to `max` (at most 2^53-1), or a problem recorded at `at`. */
export function integerField(
  value: unknown,
  at: string,
  problems: Problems,
  range: { min: number; max: number } = { min: 0, max: MAX_SAFE },
): number | undefined {
  const expected =
    range.min === 0 && range.max === MAX_SAFE
      ? 'expected a non-negative integer'
      : `expected an integer from ${range.min} to ${range.max}`;
  if (typeof value !== 'number') {
    const hint = typeof value === 'string' ? ', without quotes' : '';
    problems.add(at, `${expected}${hint}, got ${describe(value)}`);
    return undefined;
  }
  if (!Number.isInteger(value)) {
    problems.add(at, `${expected}, got ${value}: fractions are not accepted`);
    return undefined;
  }
  if (!Number.isSafeInteger(value)) {
    problems.add(at, `${expected}, got ${value}: larger than 2^53-1, which cannot be sent exactly`);
    return undefined;
  }
  if (value < range.min || value > range.max) {
    problems.add(at, `${expected}, got ${value}`);
    return undefined;
  }
  return value === 0 ? 0 : value;
}

export function stringField(value: unknown, at: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  problems.add(at, `expected a non-empty string, got ${describe(value)}`);
  return undefined;
}
