import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/output/table.js';
import { closest } from '../../src/suggest.js';

describe('closest', () => {
  it.each([
    ['topic_nam', ['topic_name', 'orders', 'topic_name'], ['topic_name']],
    ['kafka-tst', ['kafka-test', 'kafka-active'], ['kafka-test']],
    ['KAFKA-TEST', ['kafka-test'], ['kafka-test']],
    ['zzz', ['kafka-test', 'orders'], []],
    ['orders', ['orders-dlq', 'orders'], ['orders', 'orders-dlq']],
  ])('%s among %o → %o', (input, candidates, expected) => {
    expect(closest(input, candidates)).toEqual(expected);
  });
});

describe('renderTable', () => {
  const columns = [
    { header: 'TOPIC' },
    { header: 'N', align: 'right' as const },
    { header: 'CLIENT', shrink: true, optional: true },
  ];

  it('aligns numbers right and leaves out an optional column nobody fills', () => {
    expect(renderTable(columns, [['orders', '1,200', ''], ['t', '5', '']])).toBe(
      'TOPIC       N\norders  1,200\nt           5\n');
  });

  it('shortens only shrinkable columns to fit, never a name', () => {
    const name = 'a-very-long-topic-name-that-must-stay-whole';
    const out = renderTable(columns, [[name, '1', 'consumer-0123456789 (10.0.0.1)']], 60);
    expect(out).toContain(name);
    expect(out).toContain('…');
    expect(out.split('\n').every((line) => line.length <= 60)).toBe(true);
  });
});
