/** The tool's own view of a consumer group and its topics; the SDK's shapes stay in `api/`. */

/** Which group on which instance. */
export interface GroupRef {
  regionId: string;
  instanceId: string;
  group: string;
}

export interface PartitionOffset {
  partition: number;
  offset: number;
}

/** Time values the API understands: -1 is the latest offset, -2 the earliest. */
export const LATEST = -1;
export const EARLIEST = -2;

/** One UpdateConsumerOffset call, as the API takes it. `topic` is "" for every topic. */
export type ResetCall =
  | { topic: string; resetType: 'timestamp'; time: number }
  | { topic: string; resetType: 'offset'; offsets: PartitionOffset[] };

/** A client that is reading a partition right now. */
export interface OnlineClient {
  clientId: string;
  clientIp: string;
  memberId?: string;
}

/** What the service says about one partition of one topic for one group. */
export interface PartitionState {
  topic: string;
  partition: number;
  /** The committed offset, or null when the group never committed on this partition. */
  committed: number | null;
  logStart: number;
  logEnd: number;
  /** When the group last consumed from this partition (ms), or null if unknown. */
  lastConsumed: number | null;
  client: OnlineClient | null;
}

export interface GroupState {
  ref: GroupRef;
  /** The state word the service reports (`Stable`, `Empty`, `Dead`...), if any. Never decisive. */
  state: string | null;
  partitions: PartitionState[];
}
