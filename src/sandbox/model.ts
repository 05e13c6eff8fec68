/**
 * The shape of the sandbox state file. One instance, its topics and groups, the armed faults,
 * the switches, the nonces seen lately and the request log: everything a separate process
 * needs to see or change between two commands.
 */
import type { Fault } from './faults.js';

/**
 * One partition's log. Messages are not stored one by one: offset `logStart` was written at
 * `firstTime`, offset `logEnd - 1` at `lastTime`, and those between are spread evenly.
 */
export interface PartitionLog {
  logStart: number;
  /** The next offset to be written: one past the last message. */
  logEnd: number;
  firstTime: number;
  lastTime: number;
}

export interface TopicRecord {
  partitions: PartitionLog[];
  createTime: number;
  remark: string;
}

/** A consumer reading one partition while its group is online. */
export interface ClientRecord {
  clientId: string;
  clientIp: string;
  memberId: string;
}

export interface GroupRecord {
  createTime: number;
  remark: string;
  /** The topics the group subscribes to, in the order the service lists them. */
  topics: string[];
  /** Committed offset per topic and partition; null where the group never committed. */
  offsets: Record<string, (number | null)[]>;
  /** Which client reads each partition, when the group has consumers at all. */
  clients: Record<string, (ClientRecord | null)[]>;
  /** Whether the clients above are connected now; `sandbox consumers offline` clears it. */
  online: boolean;
  generation: number;
  lastRebalance: number;
}

export interface SandboxModes {
  /** UpdateConsumerOffset answers success and changes nothing. */
  noop: boolean;
  /** Online consumers commit their own positions right after a reset, undoing it. */
  consumerCommits: boolean;
}

export interface LogEntry {
  time: number;
  requestId: string;
  action: string;
  accessKeyId: string | null;
  signatureVersion: 'v3' | 'v1' | null;
  securityToken: boolean;
  /** sha256 hex of the security token, so tests can tell tokens apart without storing one. */
  securityTokenSha256?: string;
  /** The API parameters as received, without Signature and SecurityToken. */
  params: Record<string, string>;
  /** The HTTP status answered; 0 when the connection was dropped. */
  status: number;
  /** The error code answered, or null on success. */
  code: string | null;
  /** The id of the fault that shaped this answer, if one did. */
  faultId?: number;
}

export interface SandboxState {
  format: 1;
  /** The clock reading the seed was built from. */
  seededAt: number;
  instanceId: string;
  regionId: string;
  topics: Record<string, TopicRecord>;
  groups: Record<string, GroupRecord>;
  faults: Fault[];
  nextFaultId: number;
  modes: SandboxModes;
  /** Signature nonces accepted lately, with the time each was seen. */
  nonces: Record<string, number>;
  log: LogEntry[];
}

export function messageCount(p: PartitionLog): number {
  return Math.max(0, p.logEnd - p.logStart);
}

/** When the message at `offset` was written; the caller keeps offset within the log. */
export function messageTime(p: PartitionLog, offset: number): number {
  const count = messageCount(p);
  if (count <= 1) return p.firstTime;
  const step = (p.lastTime - p.firstTime) / (count - 1);
  return p.firstTime + Math.floor((offset - p.logStart) * step);
}

/** The first offset whose message time is at or after `time`; the log end when there is none. */
export function offsetForTime(p: PartitionLog, time: number): number {
  let low = p.logStart;
  let high = p.logEnd;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (messageTime(p, mid) >= time) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** When the group last consumed: the time of the message before its committed offset. */
export function lastConsumedTime(p: PartitionLog, committed: number | null): number {
  if (committed === null || committed <= p.logStart || committed > p.logEnd) return -1;
  return messageTime(p, committed - 1);
}
