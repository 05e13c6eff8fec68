/**
 * QueryMessage over the modelled logs. Message contents are made up from the position, so the
 * same offset always shows the same key and value.
 */
import { SandboxFailure } from './codes.js';
import { messageTime, offsetForTime, type PartitionLog, type SandboxState } from './model.js';
import { checkInstance, findTopic, intParam, required, type Params } from './params.js';

/** How many messages a query by offset returns, starting at the offset asked for. */
export const QUERY_BY_OFFSET_LIMIT = 10;

export function queryMessage(state: SandboxState, params: Params) {
  checkInstance(state, params);
  const [topic, record] = findTopic(state, params);
  const queryType = required(params, 'QueryType');
  const partition = intParam(params, 'Partition');
  if (partition !== undefined && (partition < 0 || partition >= record.partitions.length)) {
    throw new SandboxFailure('InvalidParameter.Range', 'Partition');
  }

  if (queryType === 'byOffset') {
    if (partition === undefined) throw new SandboxFailure('MissingParameter', 'Partition');
    const offset = intParam(params, 'Offset');
    if (offset === undefined) throw new SandboxFailure('MissingParameter', 'Offset');
    const log = record.partitions[partition] as PartitionLog;
    // An offset already deleted or not yet written finds nothing, as on a broker.
    const list = [];
    const last = Math.min(log.logEnd, offset + QUERY_BY_OFFSET_LIMIT);
    const end = offset < log.logStart ? offset : last;
    for (let o = offset; o < end; o += 1) list.push(message(topic, partition, log, o));
    return { MessageList: list };
  }

  if (queryType === 'byTimestamp') {
    const beginTime = intParam(params, 'BeginTime');
    if (beginTime === undefined) throw new SandboxFailure('MissingParameter', 'BeginTime');
    const which = partition === undefined ? record.partitions.map((_, i) => i) : [partition];
    const list = which.flatMap((p) => {
      const log = record.partitions[p] as PartitionLog;
      const offset = offsetForTime(log, beginTime);
      return offset < log.logEnd ? [message(topic, p, log, offset)] : [];
    });
    return { MessageList: list };
  }

  throw new SandboxFailure('InvalidParameter', 'QueryType');
}

function message(topic: string, partition: number, log: PartitionLog, offset: number) {
  const key = `key-${partition}-${offset}`;
  const value = JSON.stringify({ topic, partition, sequence: offset, note: 'sandbox message' });
  return {
    Topic: topic,
    Partition: partition,
    Offset: offset,
    Timestamp: messageTime(log, offset),
    TimestampType: 'CreateTime',
    Key: key,
    Value: value,
    Checksum: 0,
    SerializedKeySize: Buffer.byteLength(key),
    SerializedValueSize: Buffer.byteLength(value),
    KeyTruncated: false,
    ValueTruncated: false,
    TruncatedKeySize: Buffer.byteLength(key),
    TruncatedValueSize: Buffer.byteLength(value),
  };
}
