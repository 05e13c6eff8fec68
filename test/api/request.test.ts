import * as sdk from '@alicloud/alikafka20190916';
import { describe, expect, it } from 'vitest';
import { toRequestFields } from '../../src/api/client.js';
import type { GroupRef, ResetCall } from '../../src/types.js';

// The five sample requests of the UpdateConsumerOffset reference (a–e), as the service documents
// them. `Offsets` is the JSON the SDK sends as a string; key case is normalised, since the SDK
// writes `Partition`/`Offset` where the reference writes `partition`/`offset`.
const samples: { name: string; ref: GroupRef; call: ResetCall; expected: Record<string, unknown> }[] = [
  {
    name: 'a: every subscribed topic to the latest offset',
    ref: { regionId: 'cn-beijing', instanceId: 'alikafka_post-cn-xxxxxx', group: 'ConsumerGroup1' },
    call: { topic: '', resetType: 'timestamp', time: -1 },
    expected: { RegionId: 'cn-beijing', InstanceId: 'alikafka_post-cn-xxxxxx', Topic: '',
      ConsumerId: 'ConsumerGroup1', ResetType: 'timestamp', Time: -1, Offsets: null },
  },
  {
    name: 'b: every subscribed topic to a point in time',
    ref: { regionId: 'cn-beijing', instanceId: 'alikafka_post-cn-xxxxxx', group: 'ConsumerGroup1' },
    call: { topic: '', resetType: 'timestamp', time: 1679587200000 },
    expected: { RegionId: 'cn-beijing', InstanceId: 'alikafka_post-cn-xxxxxx', Topic: '',
      ConsumerId: 'ConsumerGroup1', ResetType: 'timestamp', Time: 1679587200000, Offsets: null },
  },
  {
    name: 'c: one topic to the latest offset',
    ref: { regionId: 'cn-beijing', instanceId: 'alikafka_post-cn-xxxxxx', group: 'ConsumerGroup1' },
    call: { topic: 'topic1', resetType: 'timestamp', time: -1 },
    expected: { RegionId: 'cn-beijing', InstanceId: 'alikafka_post-cn-xxxxxx', Topic: 'topic1',
      ConsumerId: 'ConsumerGroup1', ResetType: 'timestamp', Time: -1, Offsets: null },
  },
  {
    name: 'd: one topic to a point in time',
    ref: { regionId: 'cn-beijing', instanceId: 'alikafka_post-cn-xxxxxxx', group: 'ConsumerG1' },
    call: { topic: 'topic1', resetType: 'timestamp', time: 1679587200000 },
    expected: { RegionId: 'cn-beijing', InstanceId: 'alikafka_post-cn-xxxxxxx', Topic: 'topic1',
      ConsumerId: 'ConsumerG1', ResetType: 'timestamp', Time: 1679587200000, Offsets: null },
  },
  {
    name: 'e: one topic, an offset per partition',
    ref: { regionId: 'cn-beijing', instanceId: 'alikafka_post-cn-xxxxxxx', group: 'ConsumerG1' },
    call: { topic: 'topic1', resetType: 'offset', offsets: [
      { partition: 1, offset: 1 }, { partition: 2, offset: 2 }, { partition: 3, offset: 3 }] },
    expected: { RegionId: 'cn-beijing', InstanceId: 'alikafka_post-cn-xxxxxxx', Topic: 'topic1',
      ConsumerId: 'ConsumerG1', Time: -1, ResetType: 'offset',
      Offsets: '[{"partition":1,"offset":1},{"partition":2,"offset":2},{"partition":3,"offset":3}]' },
  },
];

/** What the SDK puts on the wire for a request: its query parameters, as the API names them. */
function wireFields(fields: ReturnType<typeof toRequestFields>): Record<string, unknown> {
  const request = new sdk.UpdateConsumerOffsetRequest(fields as never);
  const map = request.toMap() as Record<string, unknown>;
  const offsets = map.Offsets as Record<string, unknown>[] | undefined;
  return {
    RegionId: map.RegionId,
    InstanceId: map.InstanceId,
    Topic: map.Topic,
    ConsumerId: map.ConsumerId,
    ResetType: map.ResetType,
    Time: map.Time === undefined ? undefined : Number(map.Time),
    Offsets: offsets === undefined ? null : JSON.stringify(offsets.map((o) =>
      ({ partition: o.Partition ?? o.partition, offset: o.Offset ?? o.offset }))),
  };
}

describe('UpdateConsumerOffset requests match the reference samples', () => {
  it.each(samples)('$name', ({ ref, call, expected }) => {
    expect(wireFields(toRequestFields(ref, call))).toEqual(expected);
  });
});
