/**
 * The one module that talks to the SDK. It builds the official client, sends every call through
 * `callWithRetries`, and returns this project's own types; nothing else imports the SDK.
 */
import type { Endpoint } from '../connect/endpoint.js';
import { moduleExports } from '../connect/interop.js';
import { shellQuote } from '../output/format.js';
import type { ServiceError } from '../errors.js';
import type { GroupRef, PartitionState, ResetCall } from '../types.js';
import { checkBody, type BodyVerdict } from './response.js';
import { callWithRetries, type Answer, type CallPolicy } from './retry.js';
import {
  groupStateFrom,
  messageFrom,
  namesFrom,
  topicBoundsFrom,
  type FoundMessage,
  type ProgressSnapshot,
  type TopicBounds,
  type TopicInfo,
} from './shapes.js';

export interface ClientSettings {
  regionId: string;
  endpoint: Endpoint;
  /** An @alicloud/credentials Credential, or a static key pair (the sandbox's). */
  credential?: unknown;
  accessKey?: { id: string; secret: string };
  policy: CallPolicy;
  /** The connection options that reach this endpoint again, for commands the guidance prints. */
  connectionArgs?: string[];
}

export interface ResetOutcome {
  requestId?: string;
  attempts: number;
}

/** Every read and write the tool makes, in its own terms. */
export interface Api {
  readonly endpointUrl: string;
  progress(ref: GroupRef): Promise<ProgressSnapshot>;
  topicBounds(ref: GroupRef, topic: string): Promise<TopicBounds>;
  firstMessageAtOrAfter(
    ref: GroupRef,
    topic: string,
    partition: number,
    time: number,
  ): Promise<FoundMessage | null>;
  groups(ref: GroupRef): Promise<string[]>;
  topics(ref: GroupRef): Promise<TopicInfo[]>;
  reset(ref: GroupRef, call: ResetCall): Promise<ResetOutcome>;
}

export type { FoundMessage, PartitionState, ProgressSnapshot, TopicBounds, TopicInfo };

const PAGE_SIZE = 100;

type SdkClient = import('@alicloud/alikafka20190916').default;
type SdkClientClass = new (config: unknown) => SdkClient;

export async function createApi(settings: ClientSettings): Promise<Api> {
  const [sdkModule, coreModule] = await Promise.all([
    import('@alicloud/alikafka20190916'),
    import('@alicloud/openapi-core'),
  ]);
  const sdk = moduleExports(sdkModule) as unknown as typeof sdkModule;
  const core = moduleExports(coreModule) as unknown as typeof coreModule;
  const Client = sdk.default as unknown as SdkClientClass;
  const { timeoutMs } = settings.policy;
  const config = new core.$OpenApiUtil.Config({
    regionId: settings.regionId,
    endpoint: settings.endpoint.host,
    protocol: settings.endpoint.protocol,
    readTimeout: timeoutMs,
    connectTimeout: timeoutMs,
    ...(settings.accessKey
      ? { accessKeyId: settings.accessKey.id, accessKeySecret: settings.accessKey.secret }
      : { credential: settings.credential as never }),
  });
  const client = new (checkingRawBodies(Client))(config);

  const call = <T>(
    action: string,
    context: ServiceError['context'],
    send: () => Promise<Answer<T>>,
  ) => callWithRetries(action, send, context, settings.policy);
  const ctxOf = (ref: GroupRef, topic?: string) => ({
    group: ref.group,
    topic,
    instanceId: ref.instanceId,
    regionId: ref.regionId,
    describeCommand: settings.connectionArgs && ref.group
      ? ['alikafka-offsets', 'describe', ...settings.connectionArgs, '--group', ref.group]
        .map(shellQuote).join(' ')
      : undefined,
  });
  const base = (ref: GroupRef) => ({ regionId: ref.regionId, instanceId: ref.instanceId });

  return {
    endpointUrl: settings.endpoint.url,

    async progress(ref) {
      const request = new sdk.GetConsumerProgressRequest({ ...base(ref), consumerId: ref.group });
      const res = await call('GetConsumerProgress', ctxOf(ref), () =>
        client.getConsumerProgress(request));
      return groupStateFrom(res.body.consumerProgress);
    },

    async topicBounds(ref, topic) {
      const request = new sdk.GetTopicStatusRequest({ ...base(ref), topic });
      const res = await call('GetTopicStatus', ctxOf(ref, topic), () =>
        client.getTopicStatus(request));
      return topicBoundsFrom(res.body.topicStatus, topic);
    },

    async firstMessageAtOrAfter(ref, topic, partition, time) {
      const request = new sdk.QueryMessageRequest({
        ...base(ref),
        topic,
        partition: String(partition),
        queryType: 'byTimestamp',
        beginTime: time,
      });
      const res = await call('QueryMessage', ctxOf(ref, topic), () =>
        client.queryMessage(request));
      return messageFrom(res.body.messageList, partition, time);
    },

    async groups(ref) {
      const names: string[] = [];
      for (let page = 1; ; page++) {
        const request = new sdk.GetConsumerListRequest({
          ...base(ref),
          currentPage: page,
          pageSize: PAGE_SIZE,
        });
        const res = await call('GetConsumerList', ctxOf(ref), () =>
          client.getConsumerList(request));
        const found = namesFrom(res.body.consumerList?.consumerVO, 'consumerId');
        names.push(...found);
        if (found.length < PAGE_SIZE || names.length >= (res.body.total ?? names.length)) break;
      }
      return names;
    },

    async topics(ref) {
      const found: TopicInfo[] = [];
      for (let page = 1; ; page++) {
        const request = new sdk.GetTopicListRequest({
          ...base(ref),
          currentPage: String(page),
          pageSize: String(PAGE_SIZE),
        });
        const res = await call('GetTopicList', ctxOf(ref), () => client.getTopicList(request));
        const list = res.body.topicList?.topicVO ?? [];
        for (const t of list) {
          if (t.topic) found.push({ topic: t.topic, partitions: t.partitionNum ?? 0 });
        }
        if (list.length < PAGE_SIZE || found.length >= (res.body.total ?? found.length)) break;
      }
      return found;
    },

    async reset(ref, resetCall) {
      const request = new sdk.UpdateConsumerOffsetRequest(toRequestFields(ref, resetCall));
      const res = await call('UpdateConsumerOffset', ctxOf(ref, resetCall.topic || undefined),
        () => client.updateConsumerOffset(request));
      return { requestId: res.requestId, attempts: res.attempts };
    },
  };
}

/** A failure the service reported inside an HTTP 2xx answer. */
export class InBandFailure extends Error {
  constructor(readonly verdict: Extract<BodyVerdict, { ok: false }>, readonly statusCode?: number) {
    super(verdict.message);
    this.name = 'InBandFailure';
  }
}

/**
 * The SDK casts every answer onto its model, which throws on a string `Code` and turns
 * `"false"` into false. Checking the raw JSON first, inside `callApi`, sees the body exactly as
 * it came.
 */
function checkingRawBodies(Base: SdkClientClass): SdkClientClass {
  const Checking = class extends (Base as unknown as new (config: unknown) => {
    callApi(params: unknown, request: unknown, runtime: unknown): Promise<unknown>;
  }) {
    override async callApi(params: unknown, request: unknown, runtime: unknown) {
      const answer = (await super.callApi(params, request, runtime)) as
        { statusCode?: number; body?: unknown };
      const verdict = checkBody(answer?.body);
      if (!verdict.ok) throw new InBandFailure(verdict, answer?.statusCode);
      return answer;
    }
  };
  return Checking as unknown as SdkClientClass;
}

/**
 * The fields of UpdateConsumerOffsetRequest for a call, as the API reference's examples a–e
 * build them: Topic "" for every topic, Time -1/-2/ms for timestamp resets, and for offset resets
 * ResetType "offset" with the Offsets array and Time -1, as example e has it.
 */
export function toRequestFields(ref: GroupRef, call: ResetCall) {
  const common = {
    regionId: ref.regionId,
    instanceId: ref.instanceId,
    consumerId: ref.group,
    topic: call.topic,
  };
  if (call.resetType === 'timestamp') {
    return { ...common, resetType: 'timestamp', time: String(call.time) };
  }
  return {
    ...common,
    resetType: 'offset',
    time: '-1',
    offsets: call.offsets.map((o) => ({ partition: o.partition, offset: o.offset })),
  };
}
