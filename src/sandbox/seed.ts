/**
 * The sandbox's starting data: the contract's instance, groups and topics, laid out relative to
 * the clock so that "the last 7 days" stays true, and nothing drawn at random so that two seeds
 * from the same clock reading are identical.
 */
import {
  SANDBOX_ACTIVE_GROUP,
  SANDBOX_BULK_GROUP,
  SANDBOX_GROUP,
  SANDBOX_INSTANCE_ID,
  SANDBOX_REGION_ID,
} from './constants.js';
import type {
  ClientRecord,
  GroupRecord,
  PartitionLog,
  SandboxState,
  TopicRecord,
} from './model.js';

export interface SeedOptions {
  /** Adds group `kafka-bulk` subscribed to this many topics `bulk-0000`, `bulk-0001`... */
  bulkTopics?: number;
  /** Partitions of each bulk topic (default 8). */
  bulkPartitions?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function seedState(now: number, opts: SeedOptions = {}): SandboxState {
  const created = now - 30 * DAY;
  const topics: Record<string, TopicRecord> = {
    topic_name: topic(created, 'seeded: three partitions of unequal size', [
      log(0, 1200, now - 7 * DAY, now - MINUTE),
      log(150, 2450, now - 7 * DAY + HOUR, now - 2 * MINUTE),
      log(0, 640, now - 6 * DAY, now - 30 * MINUTE),
    ]),
    orders: topic(created, 'seeded: partition 1 never committed by kafka-test', [
      log(0, 800, now - 5 * DAY, now - 5 * MINUTE),
      log(0, 300, now - 4 * DAY, now - 10 * MINUTE),
    ]),
    payments: topic(created, 'seeded: read by the online group kafka-active', [
      log(0, 500, now - 3 * DAY, now - MINUTE),
      log(0, 420, now - 3 * DAY, now - MINUTE),
    ]),
    audit_log: topic(created, 'seeded: no group subscribes to it', [
      log(0, 100, now - 2 * DAY, now - HOUR),
    ]),
  };

  const groups: Record<string, GroupRecord> = {
    [SANDBOX_GROUP]: group(created, ['topic_name', 'orders'], {
      topic_name: [900, 2000, 320],
      orders: [500, null],
    }),
    [SANDBOX_ACTIVE_GROUP]: {
      ...group(created, ['payments'], { payments: [480, 400] }),
      clients: { payments: [client(1), client(2)] },
      online: true,
      generation: 3,
      lastRebalance: now - 2 * HOUR,
    },
    'kafka-idle': group(created, [], {}),
  };

  const bulkTopics = opts.bulkTopics ?? 0;
  if (bulkTopics > 0) addBulk(topics, groups, now, bulkTopics, opts.bulkPartitions ?? 8);

  return {
    format: 1,
    seededAt: now,
    instanceId: SANDBOX_INSTANCE_ID,
    regionId: SANDBOX_REGION_ID,
    topics,
    groups,
    faults: [],
    nextFaultId: 1,
    modes: { noop: false, consumerCommits: false },
    nonces: {},
    log: [],
  };
}

/** Bulk topics differ in size by a fixed pattern; the group has committed about halfway. */
function addBulk(
  topics: Record<string, TopicRecord>,
  groups: Record<string, GroupRecord>,
  now: number,
  count: number,
  partitions: number,
): void {
  const names: string[] = [];
  const offsets: Record<string, (number | null)[]> = {};

  for (let t = 0; t < count; t += 1) {
    const name = `bulk-${String(t).padStart(4, '0')}`;
    const logs: PartitionLog[] = [];
    for (let p = 0; p < partitions; p += 1) {
      const size = 1000 + ((t * 7 + p * 13) % 50) * 100;
      logs.push(log(0, size, now - 7 * DAY, now - MINUTE - p * 1000));
    }
    topics[name] = topic(now - 30 * DAY, 'seeded for benchmarks', logs);
    offsets[name] = logs.map((l) => Math.floor(l.logEnd / 2));
    names.push(name);
  }

  groups[SANDBOX_BULK_GROUP] = group(now - 30 * DAY, names, offsets);
}

function log(logStart: number, logEnd: number, firstTime: number, lastTime: number): PartitionLog {
  return { logStart, logEnd, firstTime, lastTime };
}

function topic(createTime: number, remark: string, partitions: PartitionLog[]): TopicRecord {
  return { partitions, createTime, remark };
}

function group(
  createTime: number,
  topics: string[],
  offsets: Record<string, (number | null)[]>,
): GroupRecord {
  return {
    createTime,
    remark: '',
    topics,
    offsets,
    clients: {},
    online: false,
    generation: 0,
    lastRebalance: -1,
  };
}

function client(n: number): ClientRecord {
  // Documentation addresses (RFC 5737): they name a client, nothing is ever sent there.
  return {
    clientId: `consumer-${n}`,
    clientIp: `/192.0.2.${10 + n}`,
    memberId: `consumer-${n}-0000000${n}-aaaa-4bbb-8ccc-00000000000${n}`,
  };
}
