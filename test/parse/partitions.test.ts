import { describe, expect, it } from 'vitest';
import { PARSE_ERROR } from '../../src/parse/codes.js';
import { parsePartitions } from '../../src/parse/partitions.js';
import { refusal } from './refusal.js';

describe('parsePartitions', () => {
  it.each([
    ['0', [0]],
    ['0,2,5-7', [0, 2, 5, 6, 7]],
    ['5-7,0,2', [0, 2, 5, 6, 7]],
    [' 3 , 1 ', [1, 3]],
    ['4 - 6', [4, 5, 6]],
    ['9-9', [9]],
    ['0-9999', Array.from({ length: 10_000 }, (_, i) => i)],
    ['2147483647', [2147483647]],
  ])('reads %j', (text, partitions) => {
    expect(parsePartitions(text)).toEqual(partitions);
  });

  it.each([
    ['', 'item 1: "": the item is empty'],
    ['0,,2', 'item 2: "": the item is empty'],
    ['0,', 'item 2: "": the item is empty'],
    ['7-5', 'item 1: "7-5": the range is reversed; did you mean 5-7?'],
    ['-1', 'item 1: "-1": negative partitions do not exist'],
    ['0,-3', 'item 2: "-3": negative partitions do not exist'],
    ['1--3', 'expected a number or a range such as 5-7'],
    ['1-', 'expected a number or a range such as 5-7'],
    ['0-10000', 'the range covers 10001 partitions, more than 10000'],
    ['1,1', 'item 2: "1" repeats item 1 ("1") at partition 1'],
    ['1-5,3', 'item 2: "3" overlaps item 1 ("1-5") at partition 3'],
    ['1-5,4-8', 'item 2: "4-8" overlaps item 1 ("1-5") at partition 4'],
    ['x', 'item 1: partition: expected a partition number from 0 to 2147483647'],
    ['1.5', 'fractions are not accepted'],
    ['0x1', 'hexadecimal is not accepted'],
    ['2147483648', 'expected a partition number from 0 to 2147483647, got 2147483648'],
  ])('refuses %j (%s)', (text, reason) => {
    const err = refusal(() => parsePartitions(text));
    expect(err.code).toBe(PARSE_ERROR.partitions);
    expect(err.message).toContain('expected partition numbers and ranges such as 0,2,5-7');
    expect(err.message).toContain(reason);
  });
});
