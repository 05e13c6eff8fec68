/**
 * UpdateConsumerOffset as a broker carries it out: Time -1 is the log end, -2 the log start,
 * a time the first offset written at or after it; explicit offsets are clamped into the log.
 */
import { SandboxFailure } from './codes.js';
import { offsetForTime, type GroupRecord, type SandboxState } from './model.js';
import { checkInstance, findGroup, intParam, nameParam, required, type Params } from './params.js';

interface Change {
  topic: string;
  partition: number;
  offset: number;
}

export function updateConsumerOffset(state: SandboxState, params: Params): void {
  checkInstance(state, params);
  const [, group] = findGroup(state, params);
  const topic = required(params, 'Topic', { allowEmpty: true });
  const topicName = topic === '' ? '' : nameParam(params, 'Topic');
  if (topicName !== '' && !state.topics[topicName]) {
    throw new SandboxFailure('Topic.NotFound', 'Topic');
  }

  const resetType = (params.ResetType ?? 'timestamp').toLowerCase();
  let changes: Change[];
  if (resetType === 'timestamp') changes = byTime(state, group, topicName, params);
  else if (resetType === 'offset') changes = byOffsets(state, group, topicName, params);
  else throw new SandboxFailure('InvalidParameter', 'ResetType');

  if (state.modes.noop) return;
  const before = changes.map((c) => group.offsets[c.topic]?.[c.partition] ?? null);
  for (const change of changes) commit(group, change.topic, change.partition, change.offset);

  if (state.modes.consumerCommits && group.online) {
    changes.forEach((change, i) => {
      const reader = group.clients[change.topic]?.[change.partition];
      if (reader) commit(group, change.topic, change.partition, before[i] ?? null);
    });
  }
}

/**
 * The partitions a reset touches. A topic the group does not subscribe to yields none: the
 * service walks the group's own subscriptions, so such a call succeeds and changes nothing,
 * which is why a caller has to read the offsets back.
 */
function targets(state: SandboxState, group: GroupRecord, topic: string) {
  const topics = topic === '' ? group.topics : group.topics.filter((t) => t === topic);
  return topics.flatMap((name) =>
    (state.topics[name]?.partitions ?? []).map((log, partition) => ({ name, partition, log })),
  );
}

function byTime(state: SandboxState, group: GroupRecord, topic: string, params: Params): Change[] {
  const time = intParam(params, 'Time');
  if (time === undefined) throw new SandboxFailure('MissingParameter', 'Time');

  return targets(state, group, topic).map(({ name, partition, log }) => {
    let offset: number;
    if (time === -2) offset = log.logStart;
    else if (time < 0) offset = log.logEnd;
    else offset = offsetForTime(log, time);
    return { topic: name, partition, offset };
  });
}

function byOffsets(
  state: SandboxState,
  group: GroupRecord,
  topic: string,
  params: Params,
): Change[] {
  if (topic === '') throw new SandboxFailure('InvalidParameter', 'Topic');
  const wanted = parseOffsets(required(params, 'Offsets'));
  const partitions = state.topics[topic]?.partitions ?? [];

  for (const { partition } of wanted) {
    if (partition < 0 || partition >= partitions.length) {
      throw new SandboxFailure('InvalidParameter.Range', 'Offsets', {
        message: `The value of the Offsets parameter is not within the specified range: ` +
          `topic ${topic} has partitions 0-${partitions.length - 1}, not ${partition}.`,
      });
    }
  }
  if (!group.topics.includes(topic)) return [];

  return wanted.map(({ partition, offset }) => {
    const log = partitions[partition];
    const clamped = log ? Math.min(Math.max(offset, log.logStart), log.logEnd) : offset;
    return { topic, partition, offset: clamped };
  });
}

/** The Offsets JSON: `[{"Partition":0,"Offset":5}]`, or with lower-case keys. */
export function parseOffsets(text: string): { partition: number; offset: number }[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SandboxFailure('InvalidParameter.Format', 'Offsets');
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw new SandboxFailure('InvalidParameter.Format', 'Offsets');
  }

  return value.map((item: unknown) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    const partition = wholeNumber(entry.Partition ?? entry.partition);
    const offset = wholeNumber(entry.Offset ?? entry.offset);
    if (partition === undefined || offset === undefined) {
      throw new SandboxFailure('InvalidParameter.Format', 'Offsets');
    }
    return { partition, offset };
  });
}

function wholeNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

function commit(group: GroupRecord, topic: string, partition: number, offset: number | null) {
  const offsets = group.offsets[topic] ?? [];
  while (offsets.length <= partition) offsets.push(null);
  offsets[partition] = offset;
  group.offsets[topic] = offsets;
}
