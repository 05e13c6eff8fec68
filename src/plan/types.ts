/** What was asked, and what the plan says will happen, partition by partition. */
import type { OnlineClient, PartitionOffset, ResetCall } from '../types.js';

/** How the operator named the target. Times are already resolved to milliseconds. */
export type Target =
  | { mode: 'latest' }
  | { mode: 'earliest' }
  | { mode: 'time'; ms: number; label: string }
  | { mode: 'offsets'; offsets: PartitionOffset[] }
  | { mode: 'to-offset'; offset: number; partitions?: number[] }
  | { mode: 'shift'; by: number; partitions?: number[] }
  | { mode: 'file'; topics: { topic: string; offsets: PartitionOffset[] }[] };

/** `--topic` names one topic; `all` is every subscribed topic (Topic "" in the API). */
export type Scope = { topic: string } | { all: true };

/** One partition as the plan sees it: the group's committed offset and the partition bounds. */
export interface PartitionView {
  topic: string;
  partition: number;
  committed: number | null;
  logStart: number;
  logEnd: number;
  client: OnlineClient | null;
  /** When the group last consumed here (ms), if the service says. */
  lastConsumed?: number | null;
}

/** Where a timestamp lands on each partition, from QueryMessage; absent when it could not say. */
export type TimeResolution = Map<string, number | null>;

export function partitionKey(topic: string, partition: number): string {
  return `${topic}#${partition}`;
}

export interface PlanRow {
  topic: string;
  partition: number;
  current: number | null;
  /** null when only the service can resolve it, at execution. */
  target: number | null;
  /** target - current: positive skips messages, negative replays them. */
  change: number | null;
  logStart: number;
  logEnd: number;
  client: OnlineClient | null;
  /** How the target was found, when that is worth saying. */
  note?: string;
  /** Something the operator should look at before applying. */
  warning?: string;
}

export interface Plan {
  calls: ResetCall[];
  rows: PlanRow[];
  warnings: string[];
}
