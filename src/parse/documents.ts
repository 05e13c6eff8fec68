/**
 * The JSON documents the tool writes and reads back: an `export` of a group's offsets and the
 * snapshot taken before a reset. Writers build these types; `readOffsetsDocument` checks one that
 * was read from a file. Fields not named here are ignored, so that a document written by a later
 * release of the same schema version still reads.
 */
import { parseGroupName, parseTopicName } from './names.js';
import { describe, integerField, isObject, stringField } from './json.js';
import { MAX_PARTITION } from './partitions.js';
import type { Problems } from './problems.js';

export const DOCUMENT_SCHEMA_VERSION = 1;
export const EXPORT_KIND = 'alikafka-offsets/export';
export const SNAPSHOT_KIND = 'alikafka-offsets/snapshot';

export interface ExportedOffset {
  topic: string;
  partition: number;
  offset: number;
}

export interface ExportDocument {
  schemaVersion: typeof DOCUMENT_SCHEMA_VERSION;
  kind: typeof EXPORT_KIND;
  /** ISO 8601 instant in UTC. */
  exportedAt: string;
  regionId: string;
  instanceId: string;
  group: string;
  offsets: ExportedOffset[];
}

export interface SnapshotPartition {
  topic: string;
  partition: number;
  /** The committed offset before the reset; null when the group had never committed there. */
  committed: number | null;
  /** The offset the reset aimed at; null when only the service knew it (a time-based reset). */
  target: number | null;
}

export interface SnapshotDocument {
  schemaVersion: typeof DOCUMENT_SCHEMA_VERSION;
  kind: typeof SNAPSHOT_KIND;
  /** ISO 8601 instant in UTC. */
  takenAt: string;
  regionId: string;
  instanceId: string;
  group: string;
  /** The command line of the reset, for the operator's reference. */
  command: string;
  partitions: SnapshotPartition[];
}

export type OffsetsDocument = ExportDocument | SnapshotDocument;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Checks a parsed JSON value; problems go to `problems`, and undefined is returned with them. */
export function readOffsetsDocument(
  value: unknown,
  problems: Problems,
): OffsetsDocument | undefined {
  if (!isObject(value)) {
    problems.add('the document', `expected a JSON object, got ${describe(value)}`);
    return undefined;
  }

  const kind = value.kind;
  if (kind !== EXPORT_KIND && kind !== SNAPSHOT_KIND) {
    problems.add('kind', `expected "${EXPORT_KIND}" or "${SNAPSHOT_KIND}", got ${describe(kind)}`);
    return undefined;
  }
  if (value.schemaVersion !== DOCUMENT_SCHEMA_VERSION) {
    const newer = typeof value.schemaVersion === 'number' && value.schemaVersion > 1;
    const why = newer ? ': the document was written by a newer release of this tool' : '';
    const got = describe(value.schemaVersion);
    problems.add('schemaVersion', `expected ${DOCUMENT_SCHEMA_VERSION}, got ${got}${why}`);
    return undefined;
  }

  const common = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    regionId: stringField(value.regionId, 'regionId', problems) ?? '',
    instanceId: stringField(value.instanceId, 'instanceId', problems) ?? '',
    group: name(value.group, 'group', problems, parseGroupName) ?? '',
  } as const;

  if (kind === EXPORT_KIND) {
    const document: ExportDocument = {
      ...common,
      kind,
      exportedAt: instant(value.exportedAt, 'exportedAt', problems),
      offsets: list(value.offsets, 'offsets', problems, exportedOffset),
    };
    return document;
  }

  const document: SnapshotDocument = {
    ...common,
    kind,
    takenAt: instant(value.takenAt, 'takenAt', problems),
    command: typeof value.command === 'string' ? value.command : '',
    partitions: list(value.partitions, 'partitions', problems, snapshotPartition),
  };
  if (typeof value.command !== 'string') {
    problems.add('command', `expected a string, got ${describe(value.command)}`);
  }
  return document;
}

function name(
  value: unknown,
  at: string,
  problems: Problems,
  parse: (value: string) => string,
): string | undefined {
  if (typeof value === 'string') return problems.check(at, () => parse(value));
  problems.add(at, `expected a name as a string, got ${describe(value)}`);
  return undefined;
}

function instant(value: unknown, at: string, problems: Problems): string {
  if (typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
    return value;
  }
  const expected = 'expected an ISO 8601 instant such as 2026-01-15T08:00:00.000Z';
  problems.add(at, `${expected}, got ${describe(value)}`);
  return '';
}

/** Reads an array of topic-partition items, refusing a topic-partition named twice. */
function list<T extends { topic: string; partition: number }>(
  value: unknown,
  at: string,
  problems: Problems,
  read: (item: Record<string, unknown>, at: string, problems: Problems) => T | undefined,
): T[] {
  if (!Array.isArray(value)) {
    problems.add(at, `expected an array, got ${describe(value)}`);
    return [];
  }

  const items: T[] = [];
  const seen = new Map<string, string>();
  for (const [index, element] of value.entries()) {
    const where = `${at}[${index}]`;
    if (!isObject(element)) {
      problems.add(where, `expected an object, got ${describe(element)}`);
      continue;
    }
    const item = read(element, where, problems);
    if (item === undefined) continue;

    const key = `${item.topic}\u0000${item.partition}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.add(where, `${item.topic} partition ${item.partition} is already given in ${first}`);
      continue;
    }
    seen.set(key, where);
    items.push(item);
  }
  return items;
}

function topicPartition(item: Record<string, unknown>, at: string, problems: Problems) {
  const topic = name(item.topic, `${at}.topic`, problems, parseTopicName);
  const partition = integerField(item.partition, `${at}.partition`, problems, {
    min: 0,
    max: MAX_PARTITION,
  });
  return { topic, partition };
}

function exportedOffset(item: Record<string, unknown>, at: string, problems: Problems) {
  const { topic, partition } = topicPartition(item, at, problems);
  const offset = integerField(item.offset, `${at}.offset`, problems);
  if (topic === undefined || partition === undefined || offset === undefined) return undefined;
  return { topic, partition, offset };
}

function snapshotPartition(item: Record<string, unknown>, at: string, problems: Problems) {
  const { topic, partition } = topicPartition(item, at, problems);
  const nullable = (key: string) =>
    item[key] === null ? null : integerField(item[key], `${at}.${key}`, problems);
  const committed = nullable('committed');
  const target = nullable('target');
  if (topic === undefined || partition === undefined) return undefined;
  if (committed === undefined || target === undefined) return undefined;
  return { topic, partition, committed, target };
}
