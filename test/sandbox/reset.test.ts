import { describe, expect, it } from 'vitest';
import { SandboxFailure } from '../../src/sandbox/codes.js';
import { messageTime, offsetForTime, type PartitionLog } from '../../src/sandbox/model.js';
import { parseOffsets, updateConsumerOffset } from '../../src/sandbox/reset.js';
import { seedState } from '../../src/sandbox/seed.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const BASE = {
  InstanceId: 'alikafka_sandbox-cn-hangzhou',
  RegionId: 'cn-hangzhou',
  ConsumerId: 'kafka-test',
};

type State = ReturnType<typeof seedState>;

function resetOn(params: Record<string, string>, prepare?: (s: State) => void) {
  const state = seedState(NOW);
  prepare?.(state);
  updateConsumerOffset(state, { ...BASE, ...params });
  return state;
}

function refusal(params: Record<string, string>): SandboxFailure {
  try {
    resetOn(params);
  } catch (err) {
    if (err instanceof SandboxFailure) return err;
    throw err;
  }
  throw new Error('expected the reset to be refused');
}

describe('resetting by time', () => {
  it('moves every partition of the topic to its log end for Time=-1', () => {
    const state = resetOn({ Topic: 'topic_name', ResetType: 'timestamp', Time: '-1' });
    expect(state.groups['kafka-test']?.offsets.topic_name).toEqual([1200, 2450, 640]);
    expect(state.groups['kafka-test']?.offsets.orders).toEqual([500, null]);
  });

  it('treats any other negative time as the log end, as the API describes', () => {
    const state = resetOn({ Topic: 'topic_name', Time: '-7' });
    expect(state.groups['kafka-test']?.offsets.topic_name).toEqual([1200, 2450, 640]);
  });

  it('moves to the log start for Time=-2, which is not always offset 0', () => {
    const state = resetOn({ Topic: 'topic_name', ResetType: 'timestamp', Time: '-2' });
    expect(state.groups['kafka-test']?.offsets.topic_name).toEqual([0, 150, 0]);
  });

  it('moves to the first offset written at or after a time', () => {
    const seed = seedState(NOW);
    const log = seed.topics.topic_name?.partitions[0] as PartitionLog;
    const t = messageTime(log, 700);
    const state = resetOn({ Topic: 'topic_name', ResetType: 'timestamp', Time: String(t) });
    const offsets = state.groups['kafka-test']?.offsets.topic_name ?? [];
    expect(offsets[0]).toBe(700);

    const oneLater = resetOn({ Topic: 'topic_name', Time: String(t + 1) });
    expect(oneLater.groups['kafka-test']?.offsets.topic_name?.[0]).toBe(701);
  });

  it('moves to the log end for a time after the last message, the start for one before', () => {
    const future = resetOn({ Topic: 'topic_name', Time: String(NOW + 86_400_000) });
    expect(future.groups['kafka-test']?.offsets.topic_name).toEqual([1200, 2450, 640]);
    const past = resetOn({ Topic: 'topic_name', Time: '1000' });
    expect(past.groups['kafka-test']?.offsets.topic_name).toEqual([0, 150, 0]);
  });

  it('resets every subscribed topic, never-committed partitions included, for Topic ""', () => {
    const state = resetOn({ Topic: '', Time: '-1' });
    expect(state.groups['kafka-test']?.offsets).toEqual({
      topic_name: [1200, 2450, 640],
      orders: [800, 300],
    });
    expect(state.groups['kafka-active']?.offsets.payments).toEqual([480, 400]);
  });

  it('changes nothing and succeeds on an existing topic the group does not subscribe to', () => {
    const state = resetOn({ Topic: 'audit_log', Time: '-1' });
    const seeded = seedState(NOW).groups['kafka-test']?.offsets;
    expect(state.groups['kafka-test']?.offsets).toEqual(seeded);
    expect(state.groups['kafka-test']?.offsets.audit_log).toBeUndefined();
  });

  it('refuses a Time that is not a whole number', () => {
    expect(refusal({ Topic: 'topic_name', Time: '1.5e12' }).code).toBe('InvalidParameter.Format');
    expect(refusal({ Topic: 'topic_name', Time: 'latest' }).code).toBe('InvalidParameter.Format');
    expect(refusal({ Topic: 'topic_name', ResetType: 'timestamp' }).code).toBe('MissingParameter');
  });
});

describe('resetting to offsets', () => {
  it('sets the partitions named, with the SDK\'s or the reference\'s key case', () => {
    const upper = resetOn({ Topic: 'topic_name', ResetType: 'offset',
      Offsets: '[{"Partition":0,"Offset":10},{"Partition":2,"Offset":20}]' });
    expect(upper.groups['kafka-test']?.offsets.topic_name).toEqual([10, 2000, 20]);

    const lower = resetOn({ Topic: 'topic_name', ResetType: 'offset',
      Offsets: '[{"partition":1,"offset":1000}]' });
    expect(lower.groups['kafka-test']?.offsets.topic_name).toEqual([900, 1000, 320]);
  });

  it('clamps offsets outside the log into [log start, log end], as a broker does', () => {
    const state = resetOn({ Topic: 'topic_name', ResetType: 'offset',
      Offsets: '[{"Partition":0,"Offset":99999},{"Partition":1,"Offset":3}]' });
    expect(state.groups['kafka-test']?.offsets.topic_name).toEqual([1200, 150, 320]);
  });

  it('commits a partition that was never committed', () => {
    const state = resetOn({ Topic: 'orders', ResetType: 'offset',
      Offsets: '[{"Partition":1,"Offset":42}]' });
    expect(state.groups['kafka-test']?.offsets.orders).toEqual([500, 42]);
  });

  it('refuses a partition the topic does not have', () => {
    const err = refusal({ Topic: 'topic_name', ResetType: 'offset',
      Offsets: '[{"Partition":0,"Offset":1},{"Partition":3,"Offset":1}]' });
    expect(err.code).toBe('InvalidParameter.Range');
    expect(err.status).toBe(400);
    expect(err.message).toContain('partitions 0-2');
  });

  it('refuses an offset reset of every topic at once', () => {
    const Offsets = '[{"Partition":0,"Offset":1}]';
    const err = refusal({ Topic: '', ResetType: 'offset', Offsets });
    expect(err.code).toBe('InvalidParameter');
  });

  it('refuses missing or malformed Offsets', () => {
    expect(refusal({ Topic: 'topic_name', ResetType: 'offset' }).code).toBe('MissingParameter');
    expect(() => parseOffsets('{"Partition":0}')).toThrow(SandboxFailure);
    expect(() => parseOffsets('[]')).toThrow(SandboxFailure);
    expect(() => parseOffsets('[{"Partition":0,"Offset":1.5}]')).toThrow(SandboxFailure);
    expect(parseOffsets('[{"Partition":"1","Offset":"7"}]')).toEqual([{ partition: 1, offset: 7 }]);
  });
});

describe('what every reset checks first', () => {
  it('answers the service\'s not-found codes and statuses', () => {
    expect(refusal({ Topic: 'topic_name', Time: '-1', RegionId: 'cn-beijing' }).code)
      .toBe('Instance.NotFound');
    expect(refusal({ Topic: 'topic_name', Time: '-1', ConsumerId: 'nobody' }).status).toBe(404);
    expect(refusal({ Topic: 'nope_topic', Time: '-1' }).code).toBe('Topic.NotFound');
  });

  it('refuses names that are too short or hold other characters, and cuts long ones', () => {
    expect(refusal({ Topic: 'topic_name', Time: '-1', ConsumerId: 'ab' }).code)
      .toBe('InvalidParameter');
    expect(refusal({ Topic: 'topic name', Time: '-1' }).code).toBe('InvalidParameter');

    const long = `kafka-test${'x'.repeat(60)}`;
    const cut = long.slice(0, 64);
    const state = resetOn({ Topic: 'topic_name', Time: '-2', ConsumerId: long }, (s) => {
      s.groups[cut] = structuredClone(s.groups['kafka-test']!);
    });
    expect(state.groups[cut]?.offsets.topic_name).toEqual([0, 150, 0]);
  });

  it('refuses an unknown ResetType', () => {
    expect(refusal({ Topic: 'topic_name', ResetType: 'latest', Time: '-1' }).code)
      .toBe('InvalidParameter');
  });
});

describe('the modelled message times', () => {
  it('finds, for every offset, that offset again from its own time', () => {
    const log: PartitionLog = { logStart: 150, logEnd: 2450, firstTime: 1000, lastTime: 999_999 };
    for (let offset = log.logStart; offset < log.logEnd; offset += 37) {
      expect(offsetForTime(log, messageTime(log, offset))).toBe(offset);
    }
    expect(offsetForTime(log, 0)).toBe(150);
    expect(offsetForTime(log, 1_000_000)).toBe(2450);
    expect(offsetForTime({ logStart: 5, logEnd: 5, firstTime: 0, lastTime: 0 }, 1)).toBe(5);
  });
});
