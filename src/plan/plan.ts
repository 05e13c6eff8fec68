/**
 * The pure planning step: what was asked, the current offsets and the partition bounds in; the
 * API calls to make and one row per partition out. No network, no clock.
 */
import { UsageError } from '../errors.js';
import { EARLIEST, LATEST, type PartitionOffset, type ResetCall } from '../types.js';
import {
  partitionKey,
  type PartitionView,
  type Plan,
  type PlanRow,
  type Scope,
  type Target,
  type TimeResolution,
} from './types.js';

function row(
  view: PartitionView,
  target: number | null,
  note?: string,
  warning?: string,
): PlanRow {
  const change = target !== null && view.committed !== null ? target - view.committed : null;
  return {
    topic: view.topic,
    partition: view.partition,
    current: view.committed,
    target,
    change,
    logStart: view.logStart,
    logEnd: view.logEnd,
    client: view.client,
    ...(note ? { note } : {}),
    ...(warning ? { warning } : {}),
  };
}

function byTopic(views: PartitionView[]): Map<string, PartitionView[]> {
  const topics = new Map<string, PartitionView[]>();
  for (const v of views) topics.set(v.topic, [...(topics.get(v.topic) ?? []), v]);
  for (const list of topics.values()) list.sort((a, b) => a.partition - b.partition);
  return topics;
}

function rangeText(views: PartitionView[]): string {
  if (views.length === 0) return 'it has no partitions';
  const ids = views.map((v) => v.partition);
  return `valid partitions are ${Math.min(...ids)}–${Math.max(...ids)}`;
}

/** Offsets outside [logStart, logEnd] are moved inside, with a note saying so. */
function clamp(view: PartitionView, wanted: number): { offset: number; warning?: string } {
  if (wanted < view.logStart) {
    return {
      offset: view.logStart,
      warning: `${wanted} is before the log start; clamped to ${view.logStart}`,
    };
  }
  if (wanted > view.logEnd) {
    return {
      offset: view.logEnd,
      warning: `${wanted} is past the log end; clamped to ${view.logEnd}`,
    };
  }
  return { offset: wanted };
}

function select(topic: string, views: PartitionView[], partitions?: number[]): PartitionView[] {
  if (!partitions) return views;
  const known = new Map(views.map((v) => [v.partition, v]));
  const missing = partitions.filter((p) => !known.has(p));
  if (missing.length > 0) {
    throw new UsageError(
      'PARTITION_NOT_FOUND',
      `topic "${topic}" has no partition ${missing.join(', ')}; ${rangeText(views)}`,
      { hint: 'Check the partitions with `alikafka-offsets describe`.' },
    );
  }
  return partitions.map((p) => known.get(p)!);
}

function timestampPlan(
  time: number,
  views: PartitionView[],
  resolution: TimeResolution | undefined,
): PlanRow[] {
  return views.map((v) => {
    if (time === LATEST) return row(v, v.logEnd);
    if (time === EARLIEST) return row(v, v.logStart);
    const found = resolution?.get(partitionKey(v.topic, v.partition));
    if (found === undefined) return row(v, null, 'resolved by the service at execution');
    if (found === null) return row(v, v.logEnd, 'no message at or after the time: log end');
    if (found <= v.logStart) {
      return row(v, v.logStart, undefined, 'the time is at or before the oldest message held');
    }
    return row(v, Math.min(found, v.logEnd));
  });
}

function offsetRows(
  topic: string,
  views: PartitionView[],
  wanted: PartitionOffset[],
): { rows: PlanRow[]; call: ResetCall } {
  const byPartition = new Map(views.map((v) => [v.partition, v]));
  const missing = wanted.filter((w) => !byPartition.has(w.partition)).map((w) => w.partition);
  if (missing.length > 0) {
    throw new UsageError(
      'PARTITION_NOT_FOUND',
      `topic "${topic}" has no partition ${missing.join(', ')}; ${rangeText(views)}`,
    );
  }
  const rows = [...wanted]
    .sort((a, b) => a.partition - b.partition)
    .map((w) => {
      const view = byPartition.get(w.partition)!;
      const { offset, warning } = clamp(view, w.offset);
      return row(view, offset, undefined, warning);
    });
  const offsets = rows.map((r) => ({ partition: r.partition, offset: r.target! }));
  return { rows, call: { topic, resetType: 'offset', offsets } };
}

function shiftOffsets(topic: string, views: PartitionView[], by: number): PartitionOffset[] {
  const uncommitted = views.filter((v) => v.committed === null).map((v) => v.partition);
  if (uncommitted.length > 0) {
    throw new UsageError(
      'NO_COMMITTED_OFFSET',
      `--shift-by needs a committed offset, and partition ${uncommitted.join(', ')} of ` +
        `"${topic}" has none`,
      { hint: 'Narrow with --partitions, or use --to-offset for those partitions.' },
    );
  }
  return views.map((v) => ({ partition: v.partition, offset: v.committed! + by }));
}

export function buildPlan(
  scope: Scope,
  target: Target,
  views: PartitionView[],
  resolution?: TimeResolution,
): Plan {
  const topics = byTopic(views);
  const scoped = 'topic' in scope ? (topics.get(scope.topic) ?? []) : views;

  if (target.mode === 'latest' || target.mode === 'earliest' || target.mode === 'time') {
    const time = target.mode === 'latest' ? LATEST : target.mode === 'earliest' ? EARLIEST
      : target.ms;
    const topic = 'topic' in scope ? scope.topic : '';
    const rows = timestampPlan(time, [...scoped].sort(order), resolution);
    return { calls: [{ topic, resetType: 'timestamp', time }], rows, warnings: warningsOf(rows) };
  }

  const perTopic: { topic: string; offsets: PartitionOffset[] }[] = [];
  if (target.mode === 'file') {
    perTopic.push(...target.topics);
  } else {
    if (!('topic' in scope)) {
      throw new UsageError('OFFSETS_NEED_TOPIC', `--${target.mode} applies to one topic; ` +
        'give --topic instead of --all-topics');
    }
    if (target.mode === 'offsets') {
      perTopic.push({ topic: scope.topic, offsets: target.offsets });
    } else {
      const chosen = select(scope.topic, scoped, target.partitions);
      const offsets = target.mode === 'to-offset'
        ? chosen.map((v) => ({ partition: v.partition, offset: target.offset }))
        : shiftOffsets(scope.topic, chosen, target.by);
      perTopic.push({ topic: scope.topic, offsets });
    }
  }

  const calls: ResetCall[] = [];
  const rows: PlanRow[] = [];
  for (const { topic, offsets } of perTopic) {
    const planned = offsetRows(topic, topics.get(topic) ?? [], offsets);
    calls.push(planned.call);
    rows.push(...planned.rows);
  }
  return { calls, rows, warnings: warningsOf(rows) };
}

function warningsOf(rows: PlanRow[]): string[] {
  return rows
    .filter((r) => r.warning)
    .map((r) => `${r.topic} partition ${r.partition}: ${r.warning}`);
}

function order(a: PartitionView, b: PartitionView): number {
  return a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1;
}
