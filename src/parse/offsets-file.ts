/**
 * `--from-file`: offsets to reset to, from CSV `topic,partition,offset` or from a JSON document
 * this tool wrote (an export, or the snapshot taken before a reset). The kind is told by the
 * content, not the file name. Nothing is returned unless the whole file is good.
 */
import type { PartitionOffset } from '../types.js';
import { PARSE_ERROR } from './codes.js';
import {
  EXPORT_KIND,
  readOffsetsDocument,
  SNAPSHOT_KIND,
  type OffsetsDocument,
} from './documents.js';
import { nonIntegerLiterals, readJson } from './json.js';
import { readCsvRows } from './offsets-csv.js';
import { Problems } from './problems.js';
import { plural, refuse } from './text.js';

export interface OffsetsFileEntry {
  topic: string;
  partition: number;
  offset: number;
  line?: number;
}

export interface OffsetsFile {
  format: 'csv' | 'export-json' | 'snapshot-json';
  /** Grouped by topic, partitions ascending; topics in first-seen order. */
  topics: { topic: string; offsets: PartitionOffset[] }[];
  /** From a JSON document, when present: the group it was taken from, etc. */
  source?: { group?: string; instanceId?: string; regionId?: string };
  /** Snapshot partitions that had no committed offset and so cannot be restored. */
  skipped?: { topic: string; partition: number; reason: string }[];
}

const FORMS =
  'CSV rows topic,partition,offset (header optional), or a JSON document written by ' +
  '`alikafka-offsets export` or saved as a snapshot by `reset --execute`';

export function parseOffsetsFile(content: string, name: string): OffsetsFile {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const start = text.trimStart()[0];
  if (start === undefined) {
    throw refuse(PARSE_ERROR.offsetsFile, `${name} is empty: expected ${FORMS}`, { file: name });
  }
  if (start === '[') {
    throw refuse(
      PARSE_ERROR.offsetsFile,
      `${name} holds a JSON array: expected ${FORMS}; a JSON document is an object ({…})`,
      { file: name },
    );
  }
  return start === '{' ? fromJson(text, name) : fromCsv(text, name);
}

function fromCsv(text: string, name: string): OffsetsFile {
  const problems = new Problems();
  const rows = readCsvRows(text, problems);
  if (problems.size === 0 && rows.length === 0) {
    problems.add(name, 'the file has a header but no rows');
  }

  problems.throwIfAny(
    PARSE_ERROR.offsetsFile,
    `${name}: ${plural(problems.size, 'problem')}, nothing was read (expected ${FORMS}):`,
    { file: name, format: 'csv' },
  );
  return { format: 'csv', topics: grouped(rows) };
}

/**
 * Reads a whole export or snapshot document, for callers that need more than its offsets (the
 * `undo` command prints when the snapshot was taken and by which command).
 */
export function parseOffsetsDocument(content: string, name: string): OffsetsDocument {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const parsed = readJson(text);
  if (!parsed.ok) {
    throw refuse(
      PARSE_ERROR.offsetsFile,
      `${name} is not valid JSON (${parsed.reason}): expected ${FORMS}`,
      { file: name },
    );
  }

  const problems = new Problems();
  for (const found of nonIntegerLiterals(text)) {
    const message = `${found.literal}: expected a plain integer`;
    problems.add(`line ${found.line}, column ${found.column}`, message);
  }
  const document = readOffsetsDocument(parsed.value, problems);
  if (problems.size === 0 && document?.kind === EXPORT_KIND && document.offsets.length === 0) {
    problems.add('offsets', 'the export holds no offsets');
  }
  if (problems.size === 0 && document?.kind === SNAPSHOT_KIND && !document.partitions.length) {
    problems.add('partitions', 'the snapshot holds no partitions');
  }

  problems.throwIfAny(
    PARSE_ERROR.offsetsFile,
    `${name}: ${plural(problems.size, 'problem')}, nothing was read:`,
    { file: name, format: 'json' },
  );
  if (document === undefined) throw new Error('a document without problems must have been read');
  return document;
}

function fromJson(text: string, name: string): OffsetsFile {
  const document = parseOffsetsDocument(text, name);
  const source = {
    group: document.group,
    instanceId: document.instanceId,
    regionId: document.regionId,
  };
  if (document.kind === EXPORT_KIND) {
    return { format: 'export-json', topics: grouped(document.offsets), source };
  }

  const restorable: OffsetsFileEntry[] = [];
  const skipped: NonNullable<OffsetsFile['skipped']> = [];
  for (const { topic, partition, committed } of document.partitions) {
    if (committed === null) {
      skipped.push({ topic, partition, reason: 'the group had no committed offset there' });
    } else {
      restorable.push({ topic, partition, offset: committed });
    }
  }
  return { format: 'snapshot-json', topics: grouped(restorable), source, skipped };
}

/** Topics in first-seen order, each with its partitions ascending. */
export function grouped(entries: OffsetsFileEntry[]): OffsetsFile['topics'] {
  const topics = new Map<string, PartitionOffset[]>();
  for (const { topic, partition, offset } of entries) {
    const offsets = topics.get(topic) ?? [];
    offsets.push({ partition, offset });
    topics.set(topic, offsets);
  }
  return [...topics].map(([topic, offsets]) => ({
    topic,
    offsets: offsets.sort((a, b) => a.partition - b.partition),
  }));
}
