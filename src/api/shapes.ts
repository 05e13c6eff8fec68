/** Reading the SDK's response models into the tool's own types. */
import type { OnlineClient, PartitionState } from '../types.js';

export interface TopicBounds {
  topic: string;
  partitions: { partition: number; logStart: number; logEnd: number; lastUpdate: number | null }[];
}

export interface TopicInfo {
  topic: string;
  partitions: number;
}

export interface FoundMessage {
  partition: number;
  offset: number;
  timestamp: number;
}

/** GetConsumerProgress as the tool sees it; log starts come from GetTopicStatus. */
export interface ProgressSnapshot {
  state: string | null;
  topics: { topic: string; partitions: Omit<PartitionState, 'logStart'>[] }[];
}

interface OffsetRow {
  partition?: number;
  consumerOffset?: number;
  brokerOffset?: number;
  lastTimestamp?: number;
  clientId?: string;
  clientIp?: string;
  memberId?: string;
}

interface ProgressModel {
  state?: string;
  topicList?: { topicList?: { topic?: string; offsetList?: { offsetList?: OffsetRow[] } }[] };
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function clientOf(row: OffsetRow): OnlineClient | null {
  const clientId = row.clientId?.trim();
  if (!clientId) return null;
  return { clientId, clientIp: row.clientIp?.trim() || 'unknown', memberId: row.memberId };
}

export function groupStateFrom(model: ProgressModel | undefined): ProgressSnapshot {
  const topics = (model?.topicList?.topicList ?? []).flatMap((t) => {
    if (!t.topic) return [];
    const partitions = (t.offsetList?.offsetList ?? [])
      .filter((row) => num(row.partition) !== null)
      .map((row) => {
        const committed = num(row.consumerOffset);
        const last = num(row.lastTimestamp);
        return {
          topic: t.topic!,
          partition: row.partition!,
          // The service reports -1 for a partition the group never committed on.
          committed: committed !== null && committed >= 0 ? committed : null,
          logEnd: num(row.brokerOffset) ?? 0,
          lastConsumed: last !== null && last > 0 ? last : null,
          client: clientOf(row),
        };
      })
      .sort((a, b) => a.partition - b.partition);
    return [{ topic: t.topic, partitions }];
  });
  return { state: model?.state?.trim() || null, topics };
}

interface StatusModel {
  offsetTable?: {
    offsetTable?: {
      partition?: number;
      minOffset?: number;
      maxOffset?: number;
      lastUpdateTimestamp?: number;
      topic?: string;
    }[];
  };
}

export function topicBoundsFrom(model: StatusModel | undefined, topic = ''): TopicBounds {
  const rows = model?.offsetTable?.offsetTable ?? [];
  const partitions = rows
    .filter((r) => num(r.partition) !== null)
    .map((r) => ({
      partition: r.partition!,
      logStart: Math.max(0, num(r.minOffset) ?? 0),
      logEnd: Math.max(0, num(r.maxOffset) ?? 0),
      lastUpdate: num(r.lastUpdateTimestamp) && r.lastUpdateTimestamp! > 0
        ? r.lastUpdateTimestamp!
        : null,
    }))
    .sort((a, b) => a.partition - b.partition);
  return { topic: rows[0]?.topic ?? topic, partitions };
}

/** The first message at or after `time` on `partition`, or null when there is none. */
export function messageFrom(
  list: { partition?: number; offset?: number; timestamp?: number }[] | undefined,
  partition: number,
  time: number,
): FoundMessage | null {
  const candidates = (list ?? [])
    .filter((m) => m.partition === partition && num(m.offset) !== null)
    .filter((m) => (num(m.timestamp) ?? -Infinity) >= time)
    .sort((a, b) => a.offset! - b.offset!);
  const first = candidates[0];
  return first ? { partition, offset: first.offset!, timestamp: first.timestamp! } : null;
}

export function namesFrom<K extends string>(
  list: Partial<Record<K, string>>[] | undefined,
  key: K,
): string[] {
  return (list ?? []).map((item) => item[key]).filter((n): n is string => Boolean(n));
}
