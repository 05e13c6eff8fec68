import { describe, expect, it } from 'vitest';
import { PARSE_ERROR } from '../../src/parse/codes.js';
import { parseIntInRange, parseNonNegativeInt, parseShift } from '../../src/parse/integers.js';
import { refusal } from './refusal.js';

describe('parseNonNegativeInt', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['100', 100],
    [' 42 ', 42],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads %j as %d', (text, value) => {
    expect(parseNonNegativeInt(text, '--to-offset')).toBe(value);
  });

  it.each([
    ['', 'the value is empty', undefined],
    ['   ', 'the value is empty', undefined],
    ['1e3', 'exponent notation is not accepted', '1000'],
    ['1E3', 'exponent notation is not accepted', '1000'],
    ['0x3', 'hexadecimal is not accepted', '3'],
    ['0b11', 'binary is not accepted', '3'],
    ['0o17', 'octal is not accepted', '15'],
    ['+5', 'without the + sign', '5'],
    ['-5', 'negative values are not accepted', undefined],
    ['1.0', 'without a decimal point', '1'],
    ['1.5', 'fractions are not accepted', undefined],
    ['.5', 'fractions are not accepted', undefined],
    ['1,000', 'separators and spaces inside a number', '1000'],
    ['1_000', 'separators and spaces inside a number', '1000'],
    ['1 000', 'separators and spaces inside a number', '1000'],
    ['007', 'leading zeros are not accepted', '7'],
    ['9007199254740992', 'larger than 9007199254740991 (2^53-1)', undefined],
    ['99999999999999999999', 'larger than 9007199254740991 (2^53-1)', undefined],
    ['0X1F', 'hexadecimal is not accepted', '31'],
    ['-1e3', 'negative values are not accepted', undefined],
    ['1 2', 'separators and spaces inside a number', undefined],
    ['12,34', 'separators and spaces inside a number', undefined],
    ['abc', '', undefined],
    ['Infinity', '', undefined],
    ['NaN', '', undefined],
    ['１２', '', undefined],
  ])('refuses %j (%s)', (text, reason, suggestion) => {
    const err = refusal(() => parseNonNegativeInt(text, '--to-offset'));
    expect(err.code).toBe(PARSE_ERROR.integer);
    expect(err.message).toContain('--to-offset: expected a non-negative base-10 integer');
    expect(err.message).toContain(reason);
    if (suggestion === undefined) {
      expect(err.message).not.toContain('did you mean');
    } else {
      expect(err.message).toContain(`did you mean ${suggestion}?`);
    }
  });
});

describe('parseIntInRange', () => {
  it.each([
    ['0', 0, 10, 0],
    ['10', 0, 10, 10],
    ['-3', -5, 5, -3],
    ['+3', -5, 5, 3],
  ])('reads %j within %d..%d', (text, min, max, value) => {
    expect(parseIntInRange(text, '--retries', min, max)).toBe(value);
  });

  it.each([
    ['11', 0, 10, 'got 11'],
    ['-1', 0, 10, 'got -1'],
    ['+3', 0, 10, 'without the + sign'],
    ['2.5', 0, 10, 'fractions are not accepted'],
  ])('refuses %j for %d..%d', (text, min, max, reason) => {
    const err = refusal(() => parseIntInRange(text, '--retries', min, max));
    expect(err.message).toContain(`--retries: expected a base-10 integer from ${min} to ${max}`);
    expect(err.message).toContain(reason);
  });
});

describe('parseShift', () => {
  it.each([
    ['5', 5],
    ['+5', 5],
    ['-5', -5],
    ['-9007199254740991', -Number.MAX_SAFE_INTEGER],
  ])('reads %j as %d', (text, value) => {
    expect(parseShift(text)).toBe(value);
  });

  it.each([
    ['0', 'a shift of 0 changes nothing'],
    ['-0', 'a shift of 0 changes nothing'],
    ['1,000', 'separators and spaces inside a number'],
    ['-1,000', 'separators and spaces inside a number'],
    ['1k', ''],
    ['', 'the value is empty'],
    ['--5', ''],
  ])('refuses %j', (text, reason) => {
    const err = refusal(() => parseShift(text));
    expect(err.code).toBe(PARSE_ERROR.shift);
    expect(err.message).toContain('expected a non-zero base-10 integer such as 100 or -100');
    expect(err.message).toContain(reason);
  });

  it('suggests the plain spelling of a shift written with separators', () => {
    expect(refusal(() => parseShift('-1,000')).message).toContain('did you mean -1000?');
  });
});
