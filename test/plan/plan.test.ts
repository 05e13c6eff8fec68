import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/plan.js';
import { partitionKey, type PartitionView, type Target } from '../../src/plan/types.js';
import { findMismatches } from '../../src/plan/verify.js';

const client = { clientId: 'consumer-1', clientIp: '10.0.0.5' };

// topic_name: p0 committed mid-log, p1 never committed, p2 committed at its end and read online.
const views: PartitionView[] = [
  { topic: 'topic_name', partition: 0, committed: 500, logStart: 100, logEnd: 1000, client: null },
  { topic: 'topic_name', partition: 1, committed: null, logStart: 0, logEnd: 300, client: null },
  { topic: 'topic_name', partition: 2, committed: 80, logStart: 20, logEnd: 80, client },
  { topic: 'orders', partition: 0, committed: 7, logStart: 0, logEnd: 10, client: null },
];
const one = { topic: 'topic_name' };

function targets(plan: ReturnType<typeof buildPlan>) {
  return plan.rows.map((r) => [r.topic, r.partition, r.target, r.change]);
}

describe('buildPlan: time targets', () => {
  it('resolves latest to each log end in one timestamp call', () => {
    const plan = buildPlan(one, { mode: 'latest' }, views);
    expect(plan.calls).toEqual([{ topic: 'topic_name', resetType: 'timestamp', time: -1 }]);
    expect(targets(plan)).toEqual([
      ['topic_name', 0, 1000, 500], ['topic_name', 1, 300, null], ['topic_name', 2, 80, 0]]);
  });

  it('resolves earliest to each log start, for every topic with Topic ""', () => {
    const plan = buildPlan({ all: true }, { mode: 'earliest' }, views);
    expect(plan.calls).toEqual([{ topic: '', resetType: 'timestamp', time: -2 }]);
    expect(targets(plan)).toEqual([
      ['orders', 0, 0, -7], ['topic_name', 0, 100, -400], ['topic_name', 1, 0, null],
      ['topic_name', 2, 20, -60]]);
  });

  it('uses QueryMessage answers, the log end after the last message, and the service otherwise',
    () => {
      const resolution = new Map<string, number | null>([
        [partitionKey('topic_name', 0), 700],
        [partitionKey('topic_name', 1), null],
      ]);
      const target: Target = { mode: 'time', ms: 1_700_000_000_000, label: 'x' };
      const plan = buildPlan(one, target, views, resolution);
      expect(plan.calls).toEqual([
        { topic: 'topic_name', resetType: 'timestamp', time: 1_700_000_000_000 }]);
      expect(targets(plan)).toEqual([
        ['topic_name', 0, 700, 200], ['topic_name', 1, 300, null], ['topic_name', 2, null, null]]);
      expect(plan.rows[2]!.note).toMatch(/service/);
    });

  it('warns when the time is older than the messages still held', () => {
    const resolution = new Map([[partitionKey('topic_name', 0), 100]]);
    const plan = buildPlan(one, { mode: 'time', ms: 1, label: 'x' }, views, resolution);
    expect(plan.rows[0]!.target).toBe(100);
    expect(plan.warnings.join()).toMatch(/oldest message/);
  });
});

describe('buildPlan: offset targets', () => {
  it('sets the given offsets in one offset-mode call', () => {
    const plan = buildPlan(one, { mode: 'offsets', offsets: [
      { partition: 1, offset: 150 }, { partition: 0, offset: 200 }] }, views);
    expect(plan.calls).toEqual([{ topic: 'topic_name', resetType: 'offset', offsets: [
      { partition: 0, offset: 200 }, { partition: 1, offset: 150 }] }]);
    expect(plan.warnings).toEqual([]);
  });

  it('clamps offsets outside a partition\'s range and says so', () => {
    const plan = buildPlan(one, { mode: 'offsets', offsets: [
      { partition: 0, offset: 5 }, { partition: 2, offset: 5000 }] }, views);
    expect(targets(plan)).toEqual([['topic_name', 0, 100, -400], ['topic_name', 2, 80, 0]]);
    expect(plan.warnings).toHaveLength(2);
    expect(plan.warnings[0]).toMatch(/clamped to 100/);
  });

  it('refuses a partition the topic does not have, naming the valid range', () => {
    expect(() => buildPlan(one, { mode: 'offsets', offsets: [{ partition: 9, offset: 1 }] }, views))
      .toThrow(/no partition 9; valid partitions are 0–2/);
  });

  it('puts the same offset on every partition, or on those chosen', () => {
    expect(targets(buildPlan(one, { mode: 'to-offset', offset: 150 }, views))).toEqual([
      ['topic_name', 0, 150, -350], ['topic_name', 1, 150, null], ['topic_name', 2, 80, 0]]);
    const narrowed = buildPlan(one, { mode: 'to-offset', offset: 150, partitions: [1] }, views);
    expect(narrowed.calls).toEqual([
      { topic: 'topic_name', resetType: 'offset', offsets: [{ partition: 1, offset: 150 }] }]);
  });

  it('shifts from the committed offset, clamped, never sending -1 or -2', () => {
    const plan = buildPlan(one, { mode: 'shift', by: -450, partitions: [0, 2] }, views);
    expect(targets(plan)).toEqual([['topic_name', 0, 100, -400], ['topic_name', 2, 20, -60]]);
    const call = plan.calls[0]!;
    expect(call.resetType === 'offset' && call.offsets.every((o) => o.offset >= 0)).toBe(true);
  });

  it('refuses to shift a partition that was never committed', () => {
    expect(() => buildPlan(one, { mode: 'shift', by: 10 }, views))
      .toThrow(/partition 1 of "topic_name" has none/);
  });

  it('makes one call per topic of a file', () => {
    const plan = buildPlan({ all: true }, { mode: 'file', topics: [
      { topic: 'topic_name', offsets: [{ partition: 0, offset: 300 }] },
      { topic: 'orders', offsets: [{ partition: 0, offset: 3 }] }] }, views);
    expect(plan.calls.map((c) => c.topic)).toEqual(['topic_name', 'orders']);
  });

  it('refuses offsets across all topics', () => {
    expect(() => buildPlan({ all: true }, { mode: 'to-offset', offset: 1 }, views))
      .toThrow(/one topic/);
  });
});

describe('findMismatches', () => {
  it('reports partitions read back other than planned, and ignores unresolved targets', () => {
    const plan = buildPlan(one, { mode: 'time', ms: 5, label: 'x' }, views,
      new Map([[partitionKey('topic_name', 0), 600], [partitionKey('topic_name', 1), 10]]));
    const actual = new Map<string, number | null>([
      [partitionKey('topic_name', 0), 600], [partitionKey('topic_name', 1), null]]);
    expect(findMismatches(plan.rows, actual)).toEqual([
      { topic: 'topic_name', partition: 1, planned: 10, actual: null }]);
  });
});
