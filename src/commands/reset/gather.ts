/**
 * Reading what a plan needs: the group's committed offsets (GetConsumerProgress), each topic's
 * bounds (GetTopicStatus) and, for a time, where it lands on each partition (QueryMessage).
 * Names the service does not know are reported here, before anything is written.
 */
import pMap from 'p-map';
import type { Api, ProgressSnapshot } from '../../api/client.js';
import { ServiceError, UsageError } from '../../errors.js';
import { partitionKey, type PartitionView, type TimeResolution } from '../../plan/types.js';
import { didYouMean } from '../../suggest.js';
import type { GroupRef } from '../../types.js';

export interface Gathered {
  state: string | null;
  subscribed: string[];
  views: PartitionView[];
}

async function progressOrSuggest(api: Api, ref: GroupRef): Promise<ProgressSnapshot> {
  try {
    return await api.progress(ref);
  } catch (err) {
    if (!(err instanceof ServiceError) || !/^Group\.NotFound|NOT_FOUND/i.test(err.code)) throw err;
    const groups = await api.groups(ref).catch(() => []);
    const hint = didYouMean(ref.group, groups).trim();
    throw new ServiceError(err.failure, err.context, err.exitStatus, {
      hint: hint || undefined,
      cause: err,
    });
  }
}

async function checkTopics(api: Api, ref: GroupRef, wanted: string[], subscribed: string[]) {
  const missing = wanted.filter((t) => !subscribed.includes(t));
  if (missing.length === 0) return;
  const existing = (await api.topics(ref)).map((t) => t.topic);
  const first = missing[0]!;
  if (existing.includes(first)) {
    throw new UsageError('TOPIC_NOT_SUBSCRIBED', `group "${ref.group}" does not consume topic ` +
      `"${first}"; it consumes ${subscribed.map((t) => `"${t}"`).join(', ') || 'no topic'}`, {
      hint: 'Only the offsets of subscribed topics can be reset.' +
        didYouMean(first, subscribed),
    });
  }
  throw new UsageError('TOPIC_NOT_FOUND', `topic "${first}" does not exist on instance ` +
    `${ref.instanceId}.${didYouMean(first, [...subscribed, ...existing])}`, {
    hint: 'List the group\'s topics with `alikafka-offsets describe`.',
  });
}

/** `topics` undefined means every subscribed topic. */
export async function gather(
  api: Api,
  ref: GroupRef,
  topics: string[] | undefined,
  concurrency: number,
): Promise<Gathered> {
  const progress = await progressOrSuggest(api, ref);
  const subscribed = progress.topics.map((t) => t.topic);
  if (topics) await checkTopics(api, ref, topics, subscribed);
  const scope = topics ?? subscribed;

  const bounds = await pMap(scope, (topic) => api.topicBounds(ref, topic), { concurrency });
  const views: PartitionView[] = [];
  for (const b of bounds) {
    const committed = new Map(
      (progress.topics.find((t) => t.topic === b.topic)?.partitions ?? [])
        .map((p) => [p.partition, p]),
    );
    for (const p of b.partitions) {
      const c = committed.get(p.partition);
      views.push({
        topic: b.topic,
        partition: p.partition,
        committed: c?.committed ?? null,
        logStart: p.logStart,
        logEnd: Math.max(p.logEnd, p.logStart),
        client: c?.client ?? null,
        lastConsumed: c?.lastConsumed ?? null,
      });
    }
  }
  return { state: progress.state, subscribed, views };
}

/**
 * Where `time` lands on each partition. A partition the service could not answer for is left
 * out, and the plan says the service resolves it at execution.
 */
export async function resolveTime(
  api: Api,
  ref: GroupRef,
  views: PartitionView[],
  time: number,
  concurrency: number,
): Promise<TimeResolution> {
  const resolution: TimeResolution = new Map();
  await pMap(views, async (v) => {
    try {
      const found = await api.firstMessageAtOrAfter(ref, v.topic, v.partition, time);
      resolution.set(partitionKey(v.topic, v.partition), found ? found.offset : null);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
    }
  }, { concurrency });
  return resolution;
}
