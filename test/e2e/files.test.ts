/**
 * Files through the built binary against the in-process sandbox: `export` and `reset
 * --from-file` feeding each other, one call per topic, a failure of one topic among two, bad
 * rows, and `undo` of the snapshot by the very command a reset printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxState } from '../../src/sandbox/index.js';
import {
  jsonOf,
  offsetsOf,
  printedCommand,
  removeWorkspace,
  runBin,
  sandboxed,
  seeded,
  shown,
  snapshotFiles,
  stateOf,
  updateCalls,
  workspace,
  type BinResult,
  type Workspace,
} from './b-helpers.js';

const TEST = ['--group', 'kafka-test'];

let ws: Workspace;
let before: SandboxState;
beforeEach(async () => {
  ws = workspace();
  before = await seeded(ws);
});
afterEach(() => removeWorkspace(ws));

/** The CSV an export of kafka-test should print: committed partitions only, in group order. */
function expectedCsv(state: SandboxState): string {
  const group = state.groups['kafka-test']!;
  const rows = group.topics.flatMap((topic) => (group.offsets[topic] ?? [])
    .map((offset, partition) => ({ topic, partition, offset }))
    .filter((r) => r.offset !== null)
    .map((r) => `${r.topic},${r.partition},${r.offset}`));
  return ['topic,partition,offset', ...rows, ''].join('\n');
}

function sentOffsets(params: Record<string, string>): [number, number][] {
  const list = JSON.parse(params.Offsets ?? '[]') as Record<string, number>[];
  return list.map((o) => [o.partition ?? o.Partition!, o.offset ?? o.Offset!]);
}

/** Runs the command a reset printed after "Undo with:" and expects it to succeed. */
async function runPrintedUndo(reset: BinResult) {
  const undo = printedCommand(reset.stdout, 'Undo with:');
  expect(undo.slice(0, 1).concat(undo.slice(-1))).toEqual(['undo', '--execute']);
  const r = await runBin(undo, ws.env);
  expect(r.status, shown(r)).toBe(0);
  return r;
}

describe('export then reset --from-file', () => {
  async function expectNoOpPlan(file: string) {
    const plan = await sandboxed(ws, ['reset', ...TEST, '--from-file', file, '--output', 'json']);
    expect(plan.status, shown(plan)).toBe(0);

    const rows = jsonOf(plan).rows as { change: number }[];
    expect(rows).toHaveLength(expectedCsv(before).trim().split('\n').length - 1);
    expect(rows.map((r) => r.change)).toEqual(rows.map(() => 0));
    expect(updateCalls(await stateOf(ws))).toEqual([]);
  }

  it('exports CSV on stdout by default, and that CSV plans no change', async () => {
    const r = await sandboxed(ws, ['export', ...TEST]);
    expect(r.status, shown(r)).toBe(0);
    expect(r.stdout).toBe(expectedCsv(before));
    expect(r.stderr).toContain('1 partition(s) with no committed offset are not exported');

    const file = join(ws.home, 'export.csv');
    writeFileSync(file, r.stdout);
    await expectNoOpPlan(file);
  });

  it('exports JSON to a file with --format json --file, and that file plans no change',
    async () => {
      const file = join(ws.home, 'export.json');
      const r = await sandboxed(ws, ['export', ...TEST, '--format', 'json', '--file', file]);
      expect(r.status, shown(r)).toBe(0);
      expect(r.stdout).toBe('');

      const doc = JSON.parse(readFileSync(file, 'utf8'));
      expect(doc).toMatchObject({ kind: 'alikafka-offsets/export', group: 'kafka-test' });
      await expectNoOpPlan(file);
    });

  it('writes CSV to a file with --file alone', async () => {
    const file = join(ws.home, 'nested', 'dir', 'export.csv');
    const r = await sandboxed(ws, ['export', ...TEST, '--file', file]);
    expect(r.status, shown(r)).toBe(0);

    expect(readFileSync(file, 'utf8')).toBe(expectedCsv(before));
    await expectNoOpPlan(file);
  });

  it('fails plainly, with no stack trace, when the export file cannot be written', async () => {
    const r = await sandboxed(ws, ['export', ...TEST, '--file', '/proc/x/export.csv'], 20_000);

    expect(r.status, shown(r)).toBe(1);
    expect(r.stderr).toContain('could not write the export to /proc/x/export.csv');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('reset --from-file', () => {
  const TWO_TOPICS = 'topic,partition,offset\r\ntopic_name,0,10\r\ntopic_name,2,30\r\n' +
    'orders,0,40\r\n';

  it('makes exactly one UpdateConsumerOffset call per topic of a two-topic CSV', async () => {
    const file = join(ws.home, 'two.csv');
    writeFileSync(file, `\uFEFF${TWO_TOPICS}`);

    const r = await sandboxed(ws, ['reset', ...TEST, '--from-file', file, '--execute']);
    expect(r.status, shown(r)).toBe(0);

    const calls = updateCalls(await stateOf(ws));
    expect(calls).toHaveLength(2);
    const byTopic = Object.fromEntries(calls.map((c) => [c.params.Topic, c.params]));
    expect(Object.keys(byTopic).sort()).toEqual(['orders', 'topic_name']);
    expect(calls.map((c) => c.params.ResetType)).toEqual(['offset', 'offset']);
    expect(sentOffsets(byTopic.topic_name!)).toEqual([[0, 10], [2, 30]]);
    expect(sentOffsets(byTopic.orders!)).toEqual([[0, 40]]);

    const after = offsetsOf(await stateOf(ws), 'kafka-test');
    const seededOffsets = offsetsOf(before, 'kafka-test');
    expect(after.topic_name).toEqual([10, seededOffsets.topic_name![1], 30]);
    expect(after.orders).toEqual([40, null]);
  });

  it('applies the other topic when one fails, exits 5, and snapshots both', async () => {
    const file = join(ws.home, 'two.csv');
    writeFileSync(file, TWO_TOPICS);
    await seeded(ws, (s) => {
      s.faults.push({ id: 7, kind: 'error', action: 'UpdateConsumerOffset', remaining: 1,
        code: 'BIZ_RESET_OFFSET_ERROR' });
    });

    // One call at a time, so that the fault meets the file's first topic.
    const r = await sandboxed(ws, ['reset', ...TEST, '--from-file', file, '--execute',
      '--concurrency', '1']);
    expect(r.status, shown(r)).toBe(5);
    expect(r.stderr).toContain('1 topic(s) failed ("topic_name"); 1 applied ("orders")');

    const state = await stateOf(ws);
    const [failed, applied] = updateCalls(state);
    expect(failed).toMatchObject({ faultId: 7, params: { Topic: 'topic_name' } });
    expect(applied).toMatchObject({ code: null, params: { Topic: 'orders' } });
    const seededOffsets = offsetsOf(before, 'kafka-test');
    expect(offsetsOf(state, 'kafka-test')).toEqual({ ...seededOffsets, orders: [40, null] });

    const [snapshot] = snapshotFiles(ws);
    const doc = JSON.parse(readFileSync(snapshot!, 'utf8'));
    expect(doc.partitions.map((p: { topic: string; partition: number; committed: number }) =>
      [p.topic, p.partition, p.committed])).toEqual([
      ['topic_name', 0, seededOffsets.topic_name![0]],
      ['topic_name', 2, seededOffsets.topic_name![2]],
      ['orders', 0, seededOffsets.orders![0]],
    ]);

    await runPrintedUndo(r);
    expect(offsetsOf(await stateOf(ws), 'kafka-test')).toEqual(seededOffsets);
  });

  it('reports bad rows with their line numbers and sends nothing', async () => {
    const file = join(ws.home, 'bad.csv');
    writeFileSync(file, 'topic,partition,offset\ntopic_name,0,10\ntopic_name,x,5\n' +
      'orders,0,-3\n');

    const r = await sandboxed(ws, ['reset', ...TEST, '--from-file', file, '--execute']);
    expect(r.status, shown(r)).toBe(2);
    expect(r.stderr).toMatch(/line 3: partition: .*"x"/);
    expect(r.stderr).toMatch(/line 4: offset: .*"-3"/);
    expect(r.stderr).not.toMatch(/line 2:/);
    expect((await stateOf(ws)).log).toEqual([]);
  });
});

describe('undo <snapshot> --execute, as printed by the reset', () => {
  it('restores every offset of a single topic', async () => {
    const r = await sandboxed(ws, ['reset', ...TEST, '--topic', 'topic_name', '--to-earliest',
      '--execute']);
    expect(r.status, shown(r)).toBe(0);
    expect(offsetsOf(await stateOf(ws), 'kafka-test')).not.toEqual(offsetsOf(before, 'kafka-test'));

    await runPrintedUndo(r);
    expect(offsetsOf(await stateOf(ws), 'kafka-test')).toEqual(offsetsOf(before, 'kafka-test'));
  });

  it('restores every offset of every topic after --all-topics', async () => {
    // A partition that was never committed cannot be put back to "never"; commit it first.
    const committed = await seeded(ws, (s) => {
      s.groups['kafka-test']!.offsets.orders![1] = 120;
    });
    const r = await sandboxed(ws, ['reset', ...TEST, '--all-topics', '--to-latest', '--execute']);
    expect(r.status, shown(r)).toBe(0);
    expect(updateCalls(await stateOf(ws))[0]!.params.Topic).toBe('');

    await runPrintedUndo(r);
    expect(offsetsOf(await stateOf(ws), 'kafka-test')).toEqual(offsetsOf(committed, 'kafka-test'));
  });

  it('says which partition it cannot restore when the group had never committed there',
    async () => {
      const r = await sandboxed(ws, ['reset', ...TEST, '--all-topics', '--to-earliest',
        '--execute']);
      expect(r.status, shown(r)).toBe(0);

      const undo = await runPrintedUndo(r);
      expect(undo.stderr).toContain('orders partition 1 is not restored');
      const { orders, ...rest } = offsetsOf(await stateOf(ws), 'kafka-test');
      const { orders: seededOrders, ...seededRest } = offsetsOf(before, 'kafka-test');
      expect(rest).toEqual(seededRest);
      expect(orders![0]).toBe(seededOrders![0]);
    });

  it('restores every offset after a reset from a file of two topics', async () => {
    const file = join(ws.home, 'two.csv');
    writeFileSync(file, 'topic_name,0,1\ntopic_name,1,151\ntopic_name,2,3\norders,0,4\n');
    const r = await sandboxed(ws, ['reset', ...TEST, '--from-file', file, '--execute']);
    expect(r.status, shown(r)).toBe(0);
    expect(offsetsOf(await stateOf(ws), 'kafka-test').topic_name).toEqual([1, 151, 3]);

    await runPrintedUndo(r);
    expect(offsetsOf(await stateOf(ws), 'kafka-test')).toEqual(offsetsOf(before, 'kafka-test'));
  });
});
