import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSandboxState } from '../../src/sandbox/index.js';
import { sandbox, sdkClient, sdkModels, type Signing, type TestSandbox } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const REGION = 'cn-hangzhou';

describe.each<Signing>(['v3', 'v2'])('the SDK signing with %s', (signing) => {
  let sb: TestSandbox;
  let client: any;
  let m: Awaited<ReturnType<typeof sdkModels>>;
  const base = () => ({ instanceId: sb.instanceId, regionId: REGION });

  beforeAll(async () => {
    sb = await sandbox();
    client = await sdkClient(sb, signing);
    m = await sdkModels();
  });
  afterAll(async () => {
    await sb.stop();
  });

  async function refusal(call: Promise<unknown>): Promise<any> {
    return call.then(
      () => {
        throw new Error('expected the sandbox to refuse the call');
      },
      (err: unknown) => err,
    );
  }

  it('signs the way it was told to, as the request log shows', async () => {
    await client.getConsumerList(new m.GetConsumerListRequest(base()));
    const last = (await readSandboxState(sb.statePath)).log.at(-1);
    expect(last?.signatureVersion).toBe(signing === 'v3' ? 'v3' : 'v1');
    expect(last?.accessKeyId).toBe(sb.accessKeyId);
  });

  it('accepts STS credentials and logs the token\'s hash, never the token', async () => {
    const sts = await sdkClient(sb, signing, { securityToken: 'sts-token-of-the-test' });
    await sts.getTopicList(new m.GetTopicListRequest(base()));
    const state = await readSandboxState(sb.statePath);
    expect(state.log.at(-1)).toMatchObject({
      securityToken: true,
      securityTokenSha256: createHash('sha256').update('sts-token-of-the-test').digest('hex'),
      status: 200,
    });
    expect(JSON.stringify(state)).not.toContain('sts-token-of-the-test');
  });

  it('GetConsumerProgress: committed offsets, log ends, lag, no client offline', async () => {
    const { body } = await client.getConsumerProgress(
      new m.GetConsumerProgressRequest({ ...base(), consumerId: 'kafka-test' }),
    );
    expect(body).toMatchObject({ success: true, code: 200, message: 'operation success' });
    const progress = body.consumerProgress;
    expect(progress.state).toBe('Empty');

    const topics = progress.topicList.topicList;
    expect(topics.map((t: any) => t.topic)).toEqual(['topic_name', 'orders']);
    const rows = topics[0].offsetList.offsetList;
    expect(rows.map((r: any) => [r.partition, r.consumerOffset, r.brokerOffset])).toEqual([
      [0, 900, 1200],
      [1, 2000, 2450],
      [2, 320, 640],
    ]);
    expect(rows.map((r: any) => r.accumulate)).toEqual([300, 450, 320]);
    expect(topics[0].totalDiff).toBe(1070);
    expect(rows[0].clientId).toBeUndefined();
    expect(rows[0].lastTimestamp).toBeGreaterThan(Date.now() - 8 * 86_400_000);

    const never = topics[1].offsetList.offsetList[1];
    expect(never).toMatchObject({ partition: 1, consumerOffset: -1, lastTimestamp: -1 });
    expect(progress.totalDiff).toBe(1070 + 300 + 300);
  });

  it('GetConsumerProgress: client id, ip and member id for an online group', async () => {
    const { body } = await client.getConsumerProgress(
      new m.GetConsumerProgressRequest({ ...base(), consumerId: 'kafka-active' }),
    );
    expect(body.consumerProgress.state).toBe('Stable');
    const row = body.consumerProgress.topicList.topicList[0].offsetList.offsetList[0];
    expect(row.clientId).toBe('consumer-1');
    expect(row.clientIp).toMatch(/^\/192\.0\.2\.\d+$/);
    expect(row.memberId).toMatch(/^consumer-1-/);
    expect(body.consumerProgress.rebalanceInfoList.rebalanceInfoList[0].groupId).toBe(
      'kafka-active',
    );
  });

  it('GetTopicStatus: each partition\'s log start and end', async () => {
    const { body } = await client.getTopicStatus(
      new m.GetTopicStatusRequest({ ...base(), topic: 'topic_name' }),
    );
    const table = body.topicStatus.offsetTable.offsetTable;
    expect(table.map((r: any) => [r.topic, r.partition, r.minOffset, r.maxOffset])).toEqual([
      ['topic_name', 0, 0, 1200],
      ['topic_name', 1, 150, 2450],
      ['topic_name', 2, 0, 640],
    ]);
    expect(body.topicStatus.totalCount).toBe(1200 + 2300 + 640);
    expect(table[0].lastUpdateTimestamp).toBeLessThanOrEqual(Date.now());
  });

  it('QueryMessage by offset: messages from that offset on', async () => {
    const { body } = await client.queryMessage(new m.QueryMessageRequest({
      ...base(), topic: 'topic_name', queryType: 'byOffset', partition: '1', offset: '2445',
    }));
    expect(body.messageList.map((x: any) => x.offset)).toEqual([2445, 2446, 2447, 2448, 2449]);
    expect(body.messageList[0]).toMatchObject({ partition: 1, topic: 'topic_name' });
    expect(typeof body.messageList[0].value).toBe('string');
  });

  it('QueryMessage by time: the first message at or after it, or none', async () => {
    const first = await client.queryMessage(new m.QueryMessageRequest({
      ...base(), topic: 'topic_name', queryType: 'byOffset', partition: '0', offset: '600',
    }));
    const at600 = first.body.messageList[0];

    const found = await client.queryMessage(new m.QueryMessageRequest({
      ...base(), topic: 'topic_name', queryType: 'byTimestamp', partition: '0',
      beginTime: at600.timestamp,
    }));
    expect(found.body.messageList).toHaveLength(1);
    expect(found.body.messageList[0].offset).toBe(600);
    expect(found.body.messageList[0].timestamp).toBe(at600.timestamp);

    const none = await client.queryMessage(new m.QueryMessageRequest({
      ...base(), topic: 'topic_name', queryType: 'byTimestamp', partition: '0',
      beginTime: Date.now() + 3_600_000,
    }));
    expect(none.body.messageList).toEqual([]);
  });

  it('GetConsumerList and GetTopicList list the seed, a page at a time', async () => {
    const groups = await client.getConsumerList(new m.GetConsumerListRequest(base()));
    const names = groups.body.consumerList.consumerVO.map((g: any) => g.consumerId);
    expect(names).toEqual(expect.arrayContaining(['kafka-test', 'kafka-active']));
    expect(groups.body.total).toBe(names.length);

    const page = await client.getTopicList(
      new m.GetTopicListRequest({ ...base(), currentPage: '2', pageSize: '2' }),
    );
    expect(page.body).toMatchObject({ currentPage: 2, pageSize: 2, total: 4 });
    expect(page.body.topicList.topicVO).toHaveLength(2);

    const one = await client.getTopicList(
      new m.GetTopicListRequest({ ...base(), topic: 'topic_name' }),
    );
    expect(one.body.topicList.topicVO[0]).toMatchObject({ topic: 'topic_name', partitionNum: 3 });
  });

  it('UpdateConsumerOffset: the SDK\'s Offsets reach the partitions they name', async () => {
    const { body } = await client.updateConsumerOffset(new m.UpdateConsumerOffsetRequest({
      ...base(), consumerId: 'kafka-test', topic: 'topic_name', resetType: 'offset',
      offsets: [new m.UpdateConsumerOffsetRequestOffsets({ partition: 2, offset: 100 })],
    }));
    expect(body).toMatchObject({ success: true, code: 200 });
    const state = await readSandboxState(sb.statePath);
    expect(state.groups['kafka-test']?.offsets.topic_name).toEqual([900, 2000, 100]);
  });

  it('answers Instance.NotFound for a wrong region or an unknown instance', async () => {
    for (const wrong of [
      { instanceId: sb.instanceId, regionId: 'cn-beijing' },
      { instanceId: 'alikafka_post-cn-none', regionId: REGION },
    ]) {
      const err = await refusal(client.getConsumerProgress(
        new m.GetConsumerProgressRequest({ ...wrong, consumerId: 'kafka-test' }),
      ));
      expect(err.code).toBe('Instance.NotFound');
      expect(err.statusCode).toBe(404);
      expect(err.data.Message).toBe('No instance found for the InstanceId parameter.');
    }
  });

  it('answers Group.NotFound and Topic.NotFound with status 404', async () => {
    const group = await refusal(client.getConsumerProgress(
      new m.GetConsumerProgressRequest({ ...base(), consumerId: 'no-such-group' }),
    ));
    expect([group.code, group.statusCode]).toEqual(['Group.NotFound', 404]);

    const topic = await refusal(client.getTopicStatus(
      new m.GetTopicStatusRequest({ ...base(), topic: 'no_such_topic' }),
    ));
    expect([topic.code, topic.statusCode]).toEqual(['Topic.NotFound', 404]);

    const reset = await refusal(client.updateConsumerOffset(new m.UpdateConsumerOffsetRequest({
      ...base(), consumerId: 'kafka-test', topic: 'no_such_topic', resetType: 'timestamp',
      time: '-1',
    })));
    expect(reset.code).toBe('Topic.NotFound');
  });
});
