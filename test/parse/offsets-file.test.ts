import { describe, expect, it } from 'vitest';
import { PARSE_ERROR } from '../../src/parse/codes.js';
import { parseOffsetsFile } from '../../src/parse/offsets-file.js';
import { refusal } from './refusal.js';

const NAME = 'offsets.csv';

function problemLines(content: string): string[] {
  const err = refusal(() => parseOffsetsFile(content, NAME));
  expect(err.code).toBe(PARSE_ERROR.offsetsFile);
  return err.message.split('\n').slice(1).map((line) => line.trim());
}

describe('parseOffsetsFile with CSV', () => {
  const expected = [
    { topic: 'orders', offsets: [{ partition: 0, offset: 10 }, { partition: 1, offset: 11 }] },
    { topic: 'payments', offsets: [{ partition: 0, offset: 20 }] },
  ];

  it.each([
    ['plain rows', 'orders,0,10\norders,1,11\npayments,0,20\n'],
    ['a header', 'topic,partition,offset\norders,0,10\norders,1,11\npayments,0,20'],
    ['a header in capitals', 'TOPIC, Partition ,OFFSET\norders,0,10\norders,1,11\npayments,0,20'],
    ['a byte order mark', '\uFEFFtopic,partition,offset\norders,0,10\norders,1,11\npayments,0,20'],
    ['CRLF line ends', 'orders,0,10\r\norders,1,11\r\npayments,0,20\r\n'],
    ['blank lines', '\n\norders,0,10\n   \norders,1,11\n\npayments,0,20\n\n'],
    ['spaces around fields', '  orders , 0 ,10\norders,\t1\t, 11 \npayments , 0 , 20'],
    ['partitions out of order', 'orders,1,11\norders,0,10\npayments,0,20'],
    ['a topic on rows apart', 'orders,0,10\npayments,0,20\norders,1,11'],
  ])('reads rows with %s', (_, content) => {
    expect(parseOffsetsFile(content, NAME)).toEqual({ format: 'csv', topics: expected });
  });

  it.each([
    [
      'orders,0,1e3',
      'line 1: offset: expected a non-negative base-10 integer',
      'did you mean 1000?',
    ],
    ['orders,0x3,5', 'line 1: partition: expected a partition number', 'hexadecimal'],
    ['orders,0,-5', 'line 1: offset:', 'negative values are not accepted'],
    ['orders,0,1.5', 'line 1: offset:', 'fractions are not accepted'],
    ['orders,0,9007199254740992', 'line 1: offset:', 'larger than 9007199254740991'],
    ['orders,,5', 'line 1: the partition field is empty', ''],
    [',0,5', 'line 1: the topic field is empty', ''],
    ['orders,0,', 'line 1: the offset field is empty', ''],
    ['orders,0', 'line 1: expected 3 fields topic,partition,offset, got 2', ''],
    ['orders;0;5', 'line 1: expected 3 fields topic,partition,offset separated by commas', ''],
    ['orders\t0\t5', 'separated by commas', ''],
    ['orders,0,5,6', 'line 1: expected 3 fields', 'keep one group\'s rows'],
    ['or,0,5', 'line 1: the topic name "or" is 2 characters long', ''],
    ['orders.v2,0,5', 'line 1: the topic name "orders.v2" has "."', ''],
    ['"orders",0,5', 'line 1: the topic name "\\"orders\\"" has "\\"" (U+0022)', ''],
    [
      'group,topic,partition,offset\norders,0,5',
      'line 1: "group,topic,partition,offset" looks like a header',
      '',
    ],
    [
      'topic,partition,current-offset\norders,0,5',
      'looks like a header; the only header read is topic,partition,offset',
      '',
    ],
  ])('refuses %j', (content, first, reason) => {
    const [line] = problemLines(content);
    expect(line).toContain(first);
    expect(line).toContain(reason);
  });

  it('refuses a partition named twice, pointing at both lines', () => {
    const lines = problemLines('orders,0,10\npayments,0,1\n\norders,0,12\n');
    expect(lines).toEqual(['line 4: orders partition 0 is already given on line 1']);
  });

  it('counts lines in the file, header and blank lines included', () => {
    const content = 'topic,partition,offset\r\n\r\norders,0,x\r\norders,1,1\r\norders,y,2\r\n';
    expect(problemLines(content).map((line) => line.split(':')[0])).toEqual(['line 3', 'line 5']);
  });

  it('reports every bad row in one refusal, the first 20 of them by line', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `orders,${i},bad`);
    const err = refusal(() => parseOffsetsFile(rows.join('\n'), NAME));
    const lines = err.message.split('\n');
    expect(lines[0]).toBe(
      'offsets.csv: 25 problems, nothing was read (expected CSV rows topic,partition,offset ' +
        '(header optional), or a JSON document written by `alikafka-offsets export` or saved ' +
        'as a snapshot by `reset --execute`):',
    );
    expect(lines.slice(1, 21).map((line) => line.trim().split(':')[0])).toEqual(
      Array.from({ length: 20 }, (_, i) => `line ${i + 1}`),
    );
    expect(lines[21]?.trim()).toBe('… and 5 more');
    expect(err.details).toMatchObject({ file: NAME, problemCount: 25 });
  });

  it.each([
    ['', 'offsets.csv is empty'],
    ['\uFEFF\n  \n', 'offsets.csv is empty'],
    ['topic,partition,offset\n', 'the file has a header but no rows'],
    ['[{"topic":"orders"}]', 'holds a JSON array'],
  ])('refuses %j as having no offsets', (content, reason) => {
    const err = refusal(() => parseOffsetsFile(content, NAME));
    expect(err.code).toBe(PARSE_ERROR.offsetsFile);
    expect(err.message).toContain(reason);
  });
});
