import { describe, expect, it } from 'vitest';
import { PARSE_ERROR } from '../../src/parse/codes.js';
import { parseGroupName, parseTopicName } from '../../src/parse/names.js';
import { refusal } from './refusal.js';

const FORM = '3–64 characters of A-Z a-z 0-9 _ -';

describe('group and topic names', () => {
  it.each([
    'abc',
    'kafka-test',
    'topic_name',
    'GID_Orders-01',
    'a'.repeat(64),
    '___',
    '123',
  ])('accepts %s', (name) => {
    expect(parseGroupName(name)).toBe(name);
    expect(parseTopicName(name)).toBe(name);
  });

  it.each([
    ['', 'is empty'],
    ['ab', 'is 2 characters long'],
    ['a', 'is 1 character long'],
    ['kafka.test', 'has "." (U+002E) at position 6'],
    ['kafka test', 'has a space at position 6'],
    ['kafka\ttest', 'has a non-printing character U+0009 at position 6'],
    ['kafka‑test', 'has "‑" (U+2011) at position 6'],
    ['grüppe', 'has "ü" (U+00FC) at position 3'],
    ['topic/name', 'has "/" (U+002F) at position 6'],
  ])('refuses %j: it %s', (name, reason) => {
    const err = refusal(() => parseGroupName(name));
    expect(err.code).toBe(PARSE_ERROR.group);
    expect(err.message).toContain(reason);
    expect(err.message).toContain(`expected ${FORM}`);
  });

  it('refuses a name over 64 characters and says its length, never cutting it', () => {
    const long = `orders-${'x'.repeat(60)}`;
    const err = refusal(() => parseGroupName(long));
    expect(err.message).toContain('is 67 characters long');
    expect(err.message).toContain('silently cut it to 64');
    expect(err.details).toMatchObject({ length: 67 });
  });

  it('names both problems when a name is too long and has a bad character', () => {
    const err = refusal(() => parseTopicName(`${'t'.repeat(70)}.x`));
    expect(err.code).toBe(PARSE_ERROR.topic);
    expect(err.message).toMatch(/72 characters long and has "\." \(U\+002E\) at position 71/);
  });

  it('refuses spaces around a name and suggests the name without them', () => {
    const err = refusal(() => parseGroupName(' kafka-test '));
    expect(err.message).toContain('did you mean "kafka-test"?');
    expect(err.details).toMatchObject({ suggestion: 'kafka-test' });
  });

  it('says "topic" for topics and "group" for groups', () => {
    expect(refusal(() => parseTopicName('x')).message).toContain('the topic name "x"');
    expect(refusal(() => parseGroupName('x')).message).toContain('the group name "x"');
  });
});
