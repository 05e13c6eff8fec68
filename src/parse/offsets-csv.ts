/**
 * CSV rows `topic,partition,offset`, the format of Kafka's consumer-groups export. Every bad row
 * is reported; the caller gets rows only when all of them are good.
 */
import { parseNonNegativeInt } from './integers.js';
import { parseTopicName } from './names.js';
import { readPartition } from './partitions.js';
import type { Problems } from './problems.js';
import { show } from './text.js';

export interface CsvRow {
  topic: string;
  partition: number;
  offset: number;
  line: number;
}

const HEADER = 'topic,partition,offset';

/** Reads rows from text without its byte order mark; line numbers count from 1. */
export function readCsvRows(text: string, problems: Problems): CsvRow[] {
  const rows: CsvRow[] = [];
  const seen = new Map<string, number>();
  let first = true;

  for (const [index, raw] of text.split(/\r\n|\n|\r/).entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;

    const fields = raw.split(',').map((field) => field.trim());
    const isFirst = first;
    first = false;
    if (isFirst && fields.join(',').toLowerCase() === HEADER) continue;
    if (isFirst && looksLikeHeader(fields)) {
      const message = `${show(raw)} looks like a header; the only header read is ${HEADER}`;
      problems.add(`line ${line}`, message);
      continue;
    }

    const row = readRow(fields, line, problems);
    if (row === undefined) continue;

    const key = `${row.topic}\u0000${row.partition}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const message = `${row.topic} partition ${row.partition} is already given on line ${earlier}`;
      problems.add(`line ${line}`, message);
      continue;
    }
    seen.set(key, line);
    rows.push(row);
  }
  return rows;
}

/** Words where the numbers should be: a header, but not the one this format has. */
function looksLikeHeader(fields: string[]): boolean {
  const word = /^[A-Za-z][A-Za-z _-]*$/;
  return fields.length >= 2 && fields.slice(1).every((field) => word.test(field));
}

function readRow(fields: string[], line: number, problems: Problems): CsvRow | undefined {
  const at = `line ${line}`;
  if (fields.length === 1 && /[;\t|]/.test(fields[0] ?? '')) {
    problems.add(at, 'expected 3 fields topic,partition,offset separated by commas');
    return undefined;
  }
  if (fields.length !== 3) {
    const several =
      fields.length === 4
        ? '; from an export of several groups (group,topic,partition,offset), keep one ' +
          "group's rows and drop the group column"
        : '';
    problems.add(at, `expected 3 fields topic,partition,offset, got ${fields.length}${several}`);
    return undefined;
  }

  const [topicField = '', partitionField = '', offsetField = ''] = fields;
  const before = problems.size;
  const named = { topic: topicField, partition: partitionField, offset: offsetField };
  for (const [name, field] of Object.entries(named)) {
    if (field === '') problems.add(at, `the ${name} field is empty`);
  }
  if (problems.size > before) return undefined;

  const topic = problems.check(at, () => parseTopicName(topicField));
  const partition = problems.check(at, () => readPartition(partitionField));
  const offset = problems.check(at, () => parseNonNegativeInt(offsetField, 'offset'));
  if (topic === undefined || partition === undefined || offset === undefined) return undefined;
  return { topic, partition, offset, line };
}
