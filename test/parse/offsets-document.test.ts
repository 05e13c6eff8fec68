import { describe, expect, it } from 'vitest';
import { PARSE_ERROR } from '../../src/parse/codes.js';
import type { ExportDocument, SnapshotDocument } from '../../src/parse/documents.js';
import { parseOffsetsDocument, parseOffsetsFile } from '../../src/parse/offsets-file.js';
import { refusal } from './refusal.js';

const EXPORT: ExportDocument = {
  schemaVersion: 1,
  kind: 'alikafka-offsets/export',
  exportedAt: '2026-01-15T08:00:00.000Z',
  regionId: 'cn-hangzhou',
  instanceId: 'alikafka_post-cn-0001',
  group: 'kafka-test',
  offsets: [
    { topic: 'topic_name', partition: 1, offset: 121 },
    { topic: 'other_topic', partition: 0, offset: 5 },
    { topic: 'topic_name', partition: 0, offset: 120 },
  ],
};

const SNAPSHOT: SnapshotDocument = {
  schemaVersion: 1,
  kind: 'alikafka-offsets/snapshot',
  takenAt: '2026-01-15T08:00:00.000Z',
  regionId: 'cn-hangzhou',
  instanceId: 'alikafka_post-cn-0001',
  group: 'kafka-test',
  command: 'reset --topic topic_name --to-earliest',
  partitions: [
    { topic: 'topic_name', partition: 0, committed: 120, target: 0 },
    { topic: 'topic_name', partition: 1, committed: null, target: 0 },
    { topic: 'topic_name', partition: 2, committed: 7, target: null },
  ],
};

const SOURCE = {
  group: 'kafka-test',
  instanceId: 'alikafka_post-cn-0001',
  regionId: 'cn-hangzhou',
};

/** A document as the tests bend it: any field may be given any value. */
type Doc = Record<string, any>;

function json(document: object, patch: (doc: Doc) => void = () => {}): string {
  const copy = structuredClone(document) as Doc;
  patch(copy);
  return JSON.stringify(copy, null, 2);
}

describe('parseOffsetsFile with JSON documents', () => {
  it('reads an export, grouped by topic in first-seen order', () => {
    expect(parseOffsetsFile(json(EXPORT), 'export.json')).toEqual({
      format: 'export-json',
      topics: [
        {
          topic: 'topic_name',
          offsets: [
            { partition: 0, offset: 120 },
            { partition: 1, offset: 121 },
          ],
        },
        { topic: 'other_topic', offsets: [{ partition: 0, offset: 5 }] },
      ],
      source: SOURCE,
    });
  });

  it('reads a snapshot, setting aside partitions that were never committed', () => {
    expect(parseOffsetsFile(`\uFEFF${json(SNAPSHOT)}`, 'snap.json')).toEqual({
      format: 'snapshot-json',
      topics: [
        {
          topic: 'topic_name',
          offsets: [
            { partition: 0, offset: 120 },
            { partition: 2, offset: 7 },
          ],
        },
      ],
      source: SOURCE,
      skipped: [
        { topic: 'topic_name', partition: 1, reason: 'the group had no committed offset there' },
      ],
    });
  });

  it('ignores fields it does not know', () => {
    const file = parseOffsetsFile(json(EXPORT, (d) => (d.note = 'before migration')), 'e.json');
    expect(file.format).toBe('export-json');
  });

  it.each([
    ['an unknown kind', (d: Doc) => (d.kind = 'other'), 'kind: expected "alikafka-offsets/export"'],
    [
      'a newer schema',
      (d: Doc) => (d.schemaVersion = 2),
      'schemaVersion: expected 1, got number 2: the document was written by a newer',
    ],
    [
      'a schema as a string',
      (d: Doc) => (d.schemaVersion = '1'),
      'schemaVersion: expected 1, got the string "1"',
    ],
    [
      'a bad partition',
      (d: Doc) => (d.offsets[2].partition = -1),
      'offsets[2].partition: expected an integer from 0 to 2147483647, got -1',
    ],
    [
      'an offset as a string',
      (d: Doc) => (d.offsets[1].offset = '5'),
      'offsets[1].offset: expected a non-negative integer, without quotes',
    ],
    [
      'an unsafe offset',
      (d: Doc) => (d.offsets[0].offset = 2 ** 60),
      'offsets[0].offset: expected a non-negative integer, got 1152921504606847000: larger',
    ],
    [
      'a missing offset',
      (d: Doc) => delete d.offsets[0].offset,
      'offsets[0].offset: expected a non-negative integer, got nothing (the field is',
    ],
    [
      'a bad topic',
      (d: Doc) => (d.offsets[1].topic = 'a.b'),
      'offsets[1].topic: the topic name "a.b"',
    ],
    [
      'a repeated partition',
      (d: Doc) => (d.offsets[2].partition = 1),
      'offsets[2]: topic_name partition 1 is already given in offsets[0]',
    ],
    ['a bad group', (d: Doc) => (d.group = 'x'.repeat(65)), 'group: the group name'],
    [
      'a missing group',
      (d: Doc) => delete d.group,
      'group: expected a name as a string, got nothing',
    ],
    ['an empty region', (d: Doc) => (d.regionId = ''), 'regionId: expected a non-empty string'],
    [
      'a bad date',
      (d: Doc) => (d.exportedAt = 'yesterday'),
      'exportedAt: expected an ISO 8601 instant',
    ],
    [
      'offsets not a list',
      (d: Doc) => (d.offsets = {}),
      'offsets: expected an array, got an object',
    ],
    ['no offsets', (d: Doc) => (d.offsets = []), 'offsets: the export holds no offsets'],
    [
      'an element not an object',
      (d: Doc) => (d.offsets[1] = 7),
      'offsets[1]: expected an object, got number 7',
    ],
  ])('refuses an export with %s', (_, patch, reason) => {
    const err = refusal(() => parseOffsetsFile(json(EXPORT, patch), 'export.json'));
    expect(err.code).toBe(PARSE_ERROR.offsetsFile);
    expect(err.message).toMatch(/^export\.json: \d+ problems?, nothing was read:/);
    expect(err.message).toContain(reason);
  });

  it.each([
    [
      'a fractional committed offset',
      (d: Doc) => (d.partitions[0].committed = 1.5),
      'partitions[0].committed: expected a non-negative integer, got 1.5',
    ],
    [
      'a missing target',
      (d: Doc) => delete d.partitions[2].target,
      'partitions[2].target: expected a non-negative integer, got nothing',
    ],
    ['no command', (d: Doc) => delete d.command, 'command: expected a string'],
    [
      'no partitions',
      (d: Doc) => (d.partitions = []),
      'partitions: the snapshot holds no partitions',
    ],
    [
      'a repeated partition',
      (d: Doc) => (d.partitions[1].partition = 0),
      'partitions[1]: topic_name partition 0 is already given in partitions[0]',
    ],
  ])('refuses a snapshot with %s', (_, patch, reason) => {
    const err = refusal(() => parseOffsetsFile(json(SNAPSHOT, patch), 'snap.json'));
    expect(err.message).toContain(reason);
  });

  it('refuses number literals that are not plain integers, by line and column', () => {
    const text = json(EXPORT).replace('"offset": 5', '"offset": 5.0');
    const err = refusal(() => parseOffsetsFile(text, 'export.json'));
    expect(err.message).toMatch(/line \d+, column \d+: 5\.0: expected a plain integer/);
  });

  it('refuses malformed JSON, saying so and what was expected', () => {
    const err = refusal(() => parseOffsetsFile('{"kind": "alikafka-offsets/export",', 'e.json'));
    expect(err.code).toBe(PARSE_ERROR.offsetsFile);
    expect(err.message).toMatch(/^e\.json is not valid JSON \(.+\): expected CSV rows/);
  });
});

describe('parseOffsetsDocument', () => {
  it('gives the whole document back, as its writer typed it', () => {
    expect(parseOffsetsDocument(json(SNAPSHOT), 'snap.json')).toEqual(SNAPSHOT);
    expect(parseOffsetsDocument(json(EXPORT), 'export.json')).toEqual(EXPORT);
  });

  it('refuses CSV, which is not a document', () => {
    const err = refusal(() => parseOffsetsDocument('orders,0,1', 'offsets.csv'));
    expect(err.message).toMatch(/^offsets\.csv is not valid JSON/);
  });
});
