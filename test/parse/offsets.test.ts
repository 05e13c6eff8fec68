import { describe, expect, it } from 'vitest';
import { PARSE_ERROR } from '../../src/parse/codes.js';
import { parseOffsetsList } from '../../src/parse/offsets.js';
import { refusal } from './refusal.js';

const FORM = 'expected partition=offset pairs such as 0=100,1=200, or a JSON array';

describe('parseOffsetsList', () => {
  it.each([
    ['0=100,1=200', [[0, 100], [1, 200]]],
    [' 0 = 100 , 1=200 ', [[0, 100], [1, 200]]],
    ['2=5,0=7', [[0, 7], [2, 5]]],
    ['0=0', [[0, 0]]],
    ['0=9007199254740991', [[0, Number.MAX_SAFE_INTEGER]]],
    ['[{"partition":0,"offset":100}]', [[0, 100]]],
    ['[{"Partition":1,"Offset":5},{"partition":0,"offset":7}]', [[0, 7], [1, 5]]],
    [' [ {"offset": 3, "partition": 2} ] ', [[2, 3]]],
  ])('reads %j', (text, pairs) => {
    const expected = pairs.map(([partition, offset]) => ({ partition, offset }));
    expect(parseOffsetsList(text)).toEqual(expected);
  });

  it.each([
    ['', 'got an empty value'],
    ['   ', 'got an empty value'],
    ['0=100,', 'item 2: the item is empty'],
    ['0=100,,1=5', 'item 2: the item is empty'],
    ['0=-1', 'item 1: offset: expected a non-negative base-10 integer'],
    ['-1=5', 'item 1: partition: expected a partition number'],
    ['0=1.5', 'fractions are not accepted'],
    ['0=1e3', 'exponent notation is not accepted; did you mean 1000?'],
    ['0=0x10', 'hexadecimal is not accepted; did you mean 16?'],
    ['0=9007199254740992', 'larger than 9007199254740991'],
    ['0=100,0=200', 'item 2: partition 0 is already given in item 1'],
    ['0:100', 'item 1: "0:100" is not partition=offset'],
    ['0=1=2', 'is not partition=offset'],
    ['0=100 1=200', 'is not partition=offset; separate pairs with commas'],
    ['[]', 'the list is empty'],
    ['{"partition":0,"offset":1}', 'expected a JSON array'],
    ['[{"partition":0}]', '[0]: the field "offset" is missing'],
    ['[{"partition":0,"Partition":1,"offset":1}]', 'both "partition" and "Partition" are given'],
    ['[{"partition":0,"offset":"100"}]', '[0].offset: expected a non-negative integer, without'],
    ['[{"partition":0,"offset":-1}]', '[0].offset: expected a non-negative integer, got -1'],
    ['[{"partition":0,"offset":1.5}]', 'fractions are not accepted'],
    ['[{"partition":0,"offset":1e3}]', 'column 26: 1e3: expected a plain integer'],
    ['[{"partition":0,"offset":100.0}]', '100.0: expected a plain integer'],
    ['[{"partition":0,"offset":9007199254740993}]', 'larger than 2^53-1'],
    ['[{"partition":0,"offset":1,"topic":"t"}]', 'unknown field "topic"'],
    [
      '[{"partition":0,"offset":1},{"partition":0,"offset":2}]',
      '[1]: partition 0 is already given in [0]',
    ],
    ['[5]', '[0]: expected an object'],
  ])('refuses %j (%s)', (text, reason) => {
    const err = refusal(() => parseOffsetsList(text));
    expect(err.code).toBe(PARSE_ERROR.offsets);
    expect(err.message).toContain(FORM);
    expect(err.message).toContain(reason);
  });

  it('echoes malformed JSON exactly as received, with what was expected', () => {
    const typed = `[{"partition":0, "offset":100},]`;
    const err = refusal(() => parseOffsetsList(typed));
    expect(err.code).toBe(PARSE_ERROR.offsets);
    expect(err.message).toContain('is not valid JSON');
    expect(err.message).toContain('[{"partition":0,"offset":100}]');
    expect(err.message.endsWith(`received: ${typed}`)).toBe(true);
  });

  it('reports every bad item at once', () => {
    const err = refusal(() => parseOffsetsList('0=x,1=5,2=-3,,1=6'));
    const lines = err.message.split('\n').slice(1);
    expect(lines.map((line) => line.trim().split(':')[0])).toEqual([
      'item 1',
      'item 3',
      'item 4',
      'item 5',
    ]);
  });
});
