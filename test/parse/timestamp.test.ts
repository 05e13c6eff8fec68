import { describe, expect, it } from 'vitest';
import { PARSE_ERROR } from '../../src/parse/codes.js';
import { parseTimestamp } from '../../src/parse/timestamp.js';
import { refusal } from './refusal.js';

const NOW = Date.UTC(2026, 0, 15, 8, 0, 0); // 1768464000000
const FORM = 'a Unix time in milliseconds';

describe('parseTimestamp', () => {
  it.each([
    ['-1', -1],
    ['-2', -2],
    [' -1 ', -1],
    ['1679587200000', 1679587200000],
    [String(NOW), NOW],
    [String(NOW + 60_000), NOW + 60_000],
    ['999999999999', 999999999999],
  ])('accepts %j', (text, value) => {
    expect(parseTimestamp(text, NOW)).toBe(value);
  });

  it.each([
    ['1679587200', 'that looks like seconds', 1679587200000],
    ['1679587200.5', 'that looks like seconds', 1679587200500],
    ['1679587200,25', 'that looks like seconds', 1679587200250],
    ['1679587200000.7', 'fractions of a millisecond', 1679587200000],
    ['1679587200000000', 'that looks like microseconds', 1679587200000],
    ['1679587200123456', 'that looks like microseconds', 1679587200123],
    ['1679587200000000000', 'that looks like nanoseconds', 1679587200000],
    ['1e12', 'exponent notation', 1000000000000],
  ])('refuses %j (%s) and suggests the value in milliseconds', (text, reason, suggestion) => {
    const err = refusal(() => parseTimestamp(text, NOW));
    expect(err.code).toBe(PARSE_ERROR.timestamp);
    expect(err.message).toContain(`expected ${FORM}`);
    expect(err.message).toContain(reason);
    expect(err.message).toContain(`did you mean ${suggestion}`);
    expect(err.details).toMatchObject({ suggestion });
  });

  it('words the seconds case the way an operator reads it', () => {
    const err = refusal(() => parseTimestamp('1679587200', NOW));
    expect(err.message).toContain(
      'got "1679587200": that looks like seconds; did you mean 1679587200000 ' +
        '(2023-03-23T16:00:00.000Z)?',
    );
  });

  it.each([
    ['-3', 'negative values other than -1 and -2'],
    ['-1679587200000', 'negative values other than -1 and -2'],
    ['0', 'too small for a time in milliseconds'],
    ['12345', 'too small for a time in milliseconds'],
    ['99999999999', 'that looks like seconds, but is in the future even so'],
    ['', 'the value is empty'],
    ['now', ''],
    ['0x18', 'hexadecimal'],
    ['+1679587200000', 'without the + sign'],
    ['01679587200000', 'leading zeros'],
    ['1,679,587,200,000', 'separators'],
    ['12345678901234567890', 'too large'],
  ])('refuses %j without a misleading suggestion', (text, reason) => {
    const err = refusal(() => parseTimestamp(text, NOW));
    expect(err.code).toBe(PARSE_ERROR.timestamp);
    expect(err.message).toContain(`expected ${FORM}`);
    expect(err.message).toContain(reason);
  });

  it.each([
    [String(NOW + 60_001)],
    ['9999999999999'],
    ['99999999999999'],
    ['2000000000000000'],
  ])('refuses %j, a time in the future', (text) => {
    const err = refusal(() => parseTimestamp(text, NOW));
    expect(err.code).toBe(PARSE_ERROR.futureTime);
    expect(err.message).toContain('in the future (now is 2026-01-15T08:00:00.000Z)');
    expect(err.message).toContain('expected a time in the past');
  });

  it('keeps a 60 s tolerance for clocks that drift', () => {
    expect(parseTimestamp(String(NOW + 59_999), NOW)).toBe(NOW + 59_999);
    expect(refusal(() => parseTimestamp(String(NOW + 60_001), NOW)).code).toBe('FUTURE_TIME');
  });

  it('does not suggest a seconds reading that is itself in the future', () => {
    const err = refusal(() => parseTimestamp('1999999999', NOW));
    expect(err.message).not.toContain('did you mean');
  });
});
