/**
 * The service's actions over the state. Each returns the fields that go beside Success, Code,
 * Message and RequestId, named and nested as the SDK's response models read them.
 */
import {
  lastConsumedTime,
  messageCount,
  type GroupRecord,
  type PartitionLog,
  type SandboxState,
} from './model.js';
import { queryMessage } from './messages.js';
import {
  checkInstance,
  findGroup,
  findTopic,
  pageOf,
  paging,
  type Params,
} from './params.js';
import { updateConsumerOffset } from './reset.js';

export type Handler = (state: SandboxState, params: Params) => Record<string, unknown>;

export const HANDLERS: Record<string, Handler> = {
  UpdateConsumerOffset: (state, params) => {
    updateConsumerOffset(state, params);
    return {};
  },
  GetConsumerProgress: getConsumerProgress,
  GetTopicStatus: getTopicStatus,
  QueryMessage: queryMessage,
  GetConsumerList: getConsumerList,
  GetTopicList: getTopicList,
};

function getConsumerProgress(state: SandboxState, params: Params) {
  checkInstance(state, params);
  const [name, group] = findGroup(state, params);
  const hideTime = params.HideLastTimestamp === 'true';

  const topics = group.topics
    .filter((topic) => state.topics[topic])
    .map((topic) => topicProgress(state, group, topic, hideTime));
  const totalDiff = topics.reduce((sum, t) => sum + t.TotalDiff, 0);
  const lastTimestamp = Math.max(-1, ...topics.map((t) => t.lastTimestamp));

  return {
    ConsumerProgress: {
      ...(hideTime ? {} : { LastTimestamp: lastTimestamp }),
      TotalDiff: totalDiff,
      state: group.online ? 'Stable' : 'Empty',
      TopicList: { TopicList: topics.map(({ lastTimestamp: _, ...t }) => t) },
      RebalanceInfoList: { RebalanceInfoList: rebalanceInfo(name, group) },
    },
  };
}

function topicProgress(state: SandboxState, group: GroupRecord, topic: string, hide: boolean) {
  const logs = state.topics[topic]?.partitions ?? [];
  const rows = logs.map((log, partition) => {
    const committed = group.offsets[topic]?.[partition] ?? null;
    const client = group.online ? group.clients[topic]?.[partition] : undefined;
    const time = lastConsumedTime(log, committed);
    return {
      Partition: partition,
      ConsumerOffset: committed ?? -1,
      BrokerOffset: log.logEnd,
      Accumulate: Math.max(0, log.logEnd - (committed ?? log.logStart)),
      ...(hide ? {} : { LastTimestamp: time }),
      ...(client
        ? { ClientId: client.clientId, ClientIp: client.clientIp, MemberId: client.memberId }
        : {}),
      time,
    };
  });

  const lastTimestamp = Math.max(-1, ...rows.map((r) => r.time));
  return {
    Topic: topic,
    TotalDiff: rows.reduce((sum, r) => sum + r.Accumulate, 0),
    ...(hide ? {} : { LastTimestamp: lastTimestamp }),
    OffsetList: { OffsetList: rows.map(({ time: _, ...row }) => row) },
    lastTimestamp,
  };
}

function rebalanceInfo(name: string, group: GroupRecord) {
  if (group.generation === 0) return [];
  return [
    {
      GroupId: name,
      Generation: group.generation,
      LastRebalanceTimestamp: group.lastRebalance,
      Reason: group.online ? 'member joined' : 'member left',
      RebalanceSuccess: true,
      RebalanceTimeConsuming: 120,
    },
  ];
}

function getTopicStatus(state: SandboxState, params: Params) {
  checkInstance(state, params, false);
  const [topic, record] = findTopic(state, params);
  const lastUpdate = (log: PartitionLog) => (messageCount(log) > 0 ? log.lastTime : -1);

  return {
    TopicStatus: {
      TotalCount: record.partitions.reduce((sum, log) => sum + messageCount(log), 0),
      LastTimeStamp: Math.max(-1, ...record.partitions.map(lastUpdate)),
      OffsetTable: {
        OffsetTable: record.partitions.map((log, partition) => ({
          Topic: topic,
          Partition: partition,
          MinOffset: log.logStart,
          MaxOffset: log.logEnd,
          LastUpdateTimestamp: lastUpdate(log),
        })),
      },
    },
  };
}

function getConsumerList(state: SandboxState, params: Params) {
  checkInstance(state, params);
  const paged = paging(params);
  const wanted = params.ConsumerId ?? '';
  const names = Object.keys(state.groups).filter((name) => name.includes(wanted));

  return {
    Total: names.length,
    CurrentPage: paged.page,
    PageSize: paged.size ?? names.length,
    ConsumerList: {
      ConsumerVO: pageOf(names, paged).map((name) => ({
        ConsumerId: name,
        InstanceId: state.instanceId,
        RegionId: state.regionId,
        CreateTime: state.groups[name]?.createTime ?? 0,
        Remark: state.groups[name]?.remark ?? '',
        AutomaticallyCreatedGroup: false,
        Tags: { TagVO: [] },
      })),
    },
  };
}

/** Ten topics a page unless PageSize says otherwise, as the service documents. */
function getTopicList(state: SandboxState, params: Params) {
  checkInstance(state, params, false);
  const paged = paging(params, 10);
  const wanted = params.Topic ?? '';
  const names = Object.keys(state.topics).filter((name) => name.includes(wanted));

  return {
    Total: names.length,
    CurrentPage: paged.page,
    PageSize: paged.size,
    TopicList: {
      TopicVO: pageOf(names, paged).map((name) => ({
        Topic: name,
        PartitionNum: state.topics[name]?.partitions.length ?? 0,
        InstanceId: state.instanceId,
        RegionId: state.regionId,
        CreateTime: state.topics[name]?.createTime ?? 0,
        Remark: state.topics[name]?.remark ?? '',
        Status: 0,
        StatusName: 'Running',
        AutoCreate: false,
        CompactTopic: false,
        LocalTopic: false,
        Tags: { TagVO: [] },
      })),
    },
  };
}
