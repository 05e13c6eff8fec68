/** `--partitions 0,2,5-7`: which partitions `--to-offset` and `--shift-by` touch. */
import { PARSE_ERROR } from './codes.js';
import { readInteger } from './integers.js';
import { Problems } from './problems.js';
import { refuse, show } from './text.js';

/** Kafka numbers partitions with 32-bit signed integers. */
export const MAX_PARTITION = 2_147_483_647;

/** A range wider than this is far more likely a slip (0-100000) than a real topic's partitions. */
export const MAX_RANGE_WIDTH = 10_000;

const FORM = 'partition numbers and ranges such as 0,2,5-7';

/** Reads one partition number, e.g. for `--partitions` or a file's partition column. */
export function readPartition(value: string, what = 'partition'): number {
  const form = `a partition number from 0 to ${MAX_PARTITION}`;
  const partition = readInteger(value, {
    what,
    code: PARSE_ERROR.partitions,
    form,
    minus: false,
    plus: false,
  });
  if (partition > MAX_PARTITION) {
    throw refuse(PARSE_ERROR.partitions, `${what}: expected ${form}, got ${partition}`, {
      input: value,
      expected: form,
    });
  }
  return partition;
}

interface Span {
  low: number;
  high: number;
  text: string;
  item: number;
}

/** A sorted list without repeats; overlapping items are refused rather than merged. */
export function parsePartitions(value: string): number[] {
  const problems = new Problems();
  const spans: Span[] = [];

  const items = value.split(',');
  for (const [index, raw] of items.entries()) {
    const at = `item ${index + 1}`;
    const span = problems.check(at, () => readSpan(raw.trim()));
    if (span) spans.push({ ...span, item: index + 1 });
  }

  spans.sort((a, b) => a.low - b.low || a.high - b.high);
  let widest: Span | undefined;
  for (const span of spans) {
    if (widest && span.low <= widest.high) {
      const other = `item ${widest.item} (${show(widest.text)})`;
      const what = span.text === widest.text ? `repeats ${other}` : `overlaps ${other}`;
      const message = `${show(span.text)} ${what} at partition ${span.low}`;
      problems.add(`item ${span.item}`, `${message}; name each partition once`);
    }
    if (!widest || span.high > widest.high) widest = span;
  }

  problems.throwIfAny(PARSE_ERROR.partitions, `expected ${FORM}, got ${show(value)}:`, {
    input: value,
    expected: FORM,
  });

  const partitions: number[] = [];
  for (const span of spans) {
    for (let p = span.low; p <= span.high; p++) partitions.push(p);
  }
  return partitions;
}

function readSpan(item: string): Omit<Span, 'item'> {
  if (item === '') throw refusal(item, 'the item is empty');
  if (item.startsWith('-')) throw refusal(item, 'negative partitions do not exist');

  const range = /^([^-]+)-([^-]+)$/.exec(item);
  if (!range) {
    if (item.includes('-')) throw refusal(item, 'expected a number or a range such as 5-7');
    const partition = readPartition(item);
    return { low: partition, high: partition, text: item };
  }

  const low = readPartition(range[1]?.trim() ?? '', 'range start');
  const high = readPartition(range[2]?.trim() ?? '', 'range end');
  if (low > high) {
    throw refusal(item, `the range is reversed; did you mean ${high}-${low}?`);
  }
  if (high - low + 1 > MAX_RANGE_WIDTH) {
    const width = high - low + 1;
    throw refusal(item, `the range covers ${width} partitions, more than ${MAX_RANGE_WIDTH}`);
  }
  return { low, high, text: item };
}

function refusal(item: string, reason: string): Error {
  return refuse(PARSE_ERROR.partitions, `${show(item)}: ${reason}`, { input: item });
}
