/**
 * Group and topic names. The service cuts names longer than 64 characters without a word, so a
 * long name could address another group or topic: such names are refused, never shortened.
 */
import { PARSE_ERROR } from './codes.js';
import { refuse, show } from './text.js';

export const NAME_MIN = 3;
export const NAME_MAX = 64;

const NAME_FORM = `${NAME_MIN}–${NAME_MAX} characters of A-Z a-z 0-9 _ -`;
const ALLOWED = /^[A-Za-z0-9_-]$/;

export function parseGroupName(value: string): string {
  return parseName(value, 'group');
}

export function parseTopicName(value: string): string {
  return parseName(value, 'topic');
}

function parseName(value: string, kind: 'group' | 'topic'): string {
  const code = kind === 'group' ? PARSE_ERROR.group : PARSE_ERROR.topic;
  const expected = `expected ${NAME_FORM}`;
  const details = { input: value, expected: NAME_FORM };

  if (value === '') throw refuse(code, `the ${kind} name is empty: ${expected}`, details);

  const trimmed = value.trim();
  if (trimmed !== value && isWellFormed(trimmed)) {
    throw refuse(
      code,
      `the ${kind} name ${show(value)} has spaces around it: ${expected}; ` +
        `did you mean ${show(trimmed)}?`,
      { ...details, suggestion: trimmed },
    );
  }

  const problems = [];
  const length = [...value].length;
  let note = '';
  if (length > NAME_MAX) {
    problems.push(`is ${length} characters long`);
    note = `; the service would silently cut it to ${NAME_MAX}, which could name another ${kind}`;
  } else if (length < NAME_MIN) {
    problems.push(`is ${length} character${length === 1 ? '' : 's'} long`);
  }

  const bad = firstBadCharacter(value);
  if (bad) problems.push(`has ${bad.describe} at position ${bad.position}`);

  if (problems.length > 0) {
    const message = `the ${kind} name ${show(value)} ${problems.join(' and ')}: ${expected}${note}`;
    throw refuse(code, message, { ...details, length });
  }
  return value;
}

function isWellFormed(name: string): boolean {
  const length = [...name].length;
  return length >= NAME_MIN && length <= NAME_MAX && firstBadCharacter(name) === undefined;
}

function firstBadCharacter(value: string): { describe: string; position: number } | undefined {
  let position = 0;
  for (const char of value) {
    position += 1;
    if (ALLOWED.test(char)) continue;

    const point = char.codePointAt(0) ?? 0;
    const hex = point.toString(16).toUpperCase().padStart(4, '0');
    const printable = point > 0x20 && point !== 0x7f && !/\s/u.test(char);
    const describe =
      char === ' '
        ? 'a space'
        : printable
          ? `${JSON.stringify(char)} (U+${hex})`
          : `a non-printing character U+${hex}`;
    return { describe, position };
  }
  return undefined;
}
