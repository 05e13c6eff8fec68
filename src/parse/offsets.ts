/**
 * `--offsets`: one topic's target offset per partition, as `0=100,1=200` or as the API's own
 * JSON array. The result is sorted by partition.
 */
import type { PartitionOffset } from '../types.js';
import { PARSE_ERROR } from './codes.js';
import { parseNonNegativeInt } from './integers.js';
import { integerField, isObject, nonIntegerLiterals, readJson } from './json.js';
import { MAX_PARTITION, readPartition } from './partitions.js';
import { Problems } from './problems.js';
import { refuse, show } from './text.js';

const FORM =
  'partition=offset pairs such as 0=100,1=200, or a JSON array such as ' +
  '[{"partition":0,"offset":100}]';

export function parseOffsetsList(value: string): PartitionOffset[] {
  const text = value.trim();
  if (text === '') {
    throw refuse(PARSE_ERROR.offsets, `expected ${FORM}, got an empty value`, {
      input: value,
      expected: FORM,
    });
  }

  const problems = new Problems();
  const offsets = /^[[{]/.test(text) ? fromJson(value, text, problems) : fromPairs(text, problems);
  noRepeats(offsets, problems);

  problems.throwIfAny(PARSE_ERROR.offsets, `expected ${FORM}, got ${show(value)}:`, {
    input: value,
    expected: FORM,
  });
  return offsets
    .map(({ partition, offset }) => ({ partition, offset }))
    .sort((a, b) => a.partition - b.partition);
}

interface Located extends PartitionOffset {
  at: string;
}

function fromPairs(text: string, problems: Problems): Located[] {
  const offsets: Located[] = [];
  for (const [index, raw] of text.split(',').entries()) {
    const at = `item ${index + 1}`;
    const item = raw.trim();
    if (item === '') {
      problems.add(at, 'the item is empty; separate pairs with single commas');
      continue;
    }

    const pair = /^([^=]*)=([^=]*)$/.exec(item);
    if (!pair) {
      const commas = /=\S*\s+\S*=/.test(item) ? '; separate pairs with commas' : '';
      problems.add(at, `${show(item)} is not partition=offset${commas}`);
      continue;
    }
    const partition = problems.check(at, () => readPartition(pair[1]?.trim() ?? ''));
    const offset = problems.check(at, () => parseNonNegativeInt(pair[2]?.trim() ?? '', 'offset'));
    if (partition !== undefined && offset !== undefined) offsets.push({ partition, offset, at });
  }
  return offsets;
}

function fromJson(value: string, text: string, problems: Problems): Located[] {
  const parsed = readJson(text);
  if (!parsed.ok) {
    // Echoed exactly, not quoted: the operator compares it with what the shell was given.
    throw refuse(
      PARSE_ERROR.offsets,
      `--offsets is not valid JSON (${parsed.reason}); expected ${FORM}; received: ${value}`,
      { input: value, expected: FORM },
    );
  }
  for (const found of nonIntegerLiterals(value)) {
    const at = found.line === 1 ? '' : `line ${found.line}, `;
    problems.add(`${at}column ${found.column}`, `${found.literal}: expected a plain integer`);
  }
  if (!Array.isArray(parsed.value)) {
    problems.add('the value', 'expected a JSON array of {"partition":…,"offset":…} objects');
    return [];
  }
  if (parsed.value.length === 0) problems.add('the value', 'the list is empty');

  const offsets: Located[] = [];
  for (const [index, element] of parsed.value.entries()) {
    const entry = fromJsonEntry(element, `[${index}]`, problems);
    if (entry) offsets.push(entry);
  }
  return offsets;
}

function fromJsonEntry(element: unknown, at: string, problems: Problems): Located | undefined {
  if (!isObject(element)) {
    problems.add(at, 'expected an object such as {"partition":0,"offset":100}');
    return undefined;
  }

  for (const key of Object.keys(element)) {
    if (!['partition', 'Partition', 'offset', 'Offset'].includes(key)) {
      problems.add(at, `unknown field ${show(key)}: expected only partition and offset`);
    }
  }
  const partition = field(element, 'partition', at, problems, MAX_PARTITION);
  const offset = field(element, 'offset', at, problems, Number.MAX_SAFE_INTEGER);
  return partition === undefined || offset === undefined ? undefined : { partition, offset, at };
}

/** A field in either case the API's documents use (`partition` or `Partition`). */
function field(
  element: Record<string, unknown>,
  name: string,
  at: string,
  problems: Problems,
  max: number,
): number | undefined {
  const upper = name[0]?.toUpperCase() + name.slice(1);
  const hasLower = Object.hasOwn(element, name);
  const hasUpper = Object.hasOwn(element, upper);
  if (hasLower && hasUpper) {
    problems.add(at, `both ${show(name)} and ${show(upper)} are given; give one`);
    return undefined;
  }
  if (!hasLower && !hasUpper) {
    problems.add(at, `the field ${show(name)} is missing`);
    return undefined;
  }
  const key = hasLower ? name : upper;
  return integerField(element[key], `${at}.${key}`, problems, { min: 0, max });
}

function noRepeats(offsets: Located[], problems: Problems): void {
  const seen = new Map<number, string>();
  for (const entry of offsets) {
    const first = seen.get(entry.partition);
    if (first !== undefined) {
      problems.add(entry.at, `partition ${entry.partition} is already given in ${first}`);
    } else {
      seen.set(entry.partition, entry.at);
    }
  }
}
