import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  armFault,
  readSandboxState,
  updateSandboxState,
  type FaultSpec,
} from '../../src/sandbox/index.js';
import { takeFaults } from '../../src/sandbox/faults.js';
import { seedState } from '../../src/sandbox/seed.js';
import { KAFKA_TEST, sandbox, sdkClient, sdkModels, v3Call, type TestSandbox } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

let sb: TestSandbox;
let client: any;
let m: Awaited<ReturnType<typeof sdkModels>>;
let slept: number[];

beforeEach(async () => {
  slept = [];
  sb = await sandbox({ sleep: async (ms) => void slept.push(ms) });
  client = await sdkClient(sb);
  m = await sdkModels();
});
afterEach(async () => {
  await sb.stop();
});

const arm = (spec: FaultSpec) => updateSandboxState(sb.statePath, (s) => void armFault(s, spec));

const progress = () =>
  client.getConsumerProgress(new m.GetConsumerProgressRequest({
    instanceId: sb.instanceId, regionId: 'cn-hangzhou', consumerId: 'kafka-test',
  }));

const resetToEarliest = (group = 'kafka-test', topic = 'topic_name') =>
  client.updateConsumerOffset(new m.UpdateConsumerOffsetRequest({
    instanceId: sb.instanceId, regionId: 'cn-hangzhou', consumerId: group, topic,
    resetType: 'timestamp', time: '-2',
  }));

async function refusal(call: Promise<unknown>): Promise<any> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: unknown) => err,
  );
}

async function committed(group = 'kafka-test', topic = 'topic_name') {
  return (await readSandboxState(sb.statePath)).groups[group]?.offsets[topic];
}

describe('armed faults', () => {
  it('answers an error code with its table status for N calls, then recovers', async () => {
    await arm({ kind: 'error', code: 'Group.NotFound', action: 'GetConsumerProgress', times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const err = await refusal(progress());
      expect([err.code, err.statusCode]).toEqual(['Group.NotFound', 404]);
    }
    expect((await progress()).body.success).toBe(true);
    expect((await readSandboxState(sb.statePath)).faults).toEqual([]);
  });

  it('leaves other actions alone', async () => {
    await arm({ kind: 'error', code: 'InternalError', action: 'UpdateConsumerOffset', times: 1 });
    expect((await progress()).body.success).toBe(true);
    expect((await refusal(resetToEarliest())).statusCode).toBe(500);
  });

  it('answers HTTP 200 with Success false when armed with status 200', async () => {
    await arm({ kind: 'error', code: 'BIZ_RESET_OFFSET_ERROR', status: 200, times: 1 });
    const { body } = await resetToEarliest();
    expect(body.success).toBe(false);
    expect(body.code).toBe(400);
    expect(body.message).toMatch(/^BIZ_RESET_OFFSET_ERROR: /);
    expect(await committed()).toEqual([900, 2000, 320]);
  });

  it('throttles with 400 Throttling.User and the x-acs-retry-after header', async () => {
    await arm({ kind: 'throttle', retryAfterMs: 1500, times: 1 });
    const err = await refusal(progress());
    expect(err.code).toBe('Throttling.User');
    expect(err.statusCode).toBe(400);
    expect(err.retryAfter).toBe(1500);
  });

  it('answers HTTP 5xx, 503 by default', async () => {
    await arm({ kind: 'server-error', times: 1 });
    await arm({ kind: 'server-error', status: 502, code: 'RemoteCallError', times: 1 });
    expect((await refusal(progress())).statusCode).toBe(503);
    const second = await refusal(progress());
    expect([second.statusCode, second.code]).toEqual([502, 'RemoteCallError']);
  });

  it('adds latency to every call, through the injected sleep', async () => {
    await arm({ kind: 'latency', latencyMs: 2500 });
    await progress();
    await progress();
    expect(slept).toEqual([2500, 2500]);
  });

  it('drops the connection without answering, and applies nothing', async () => {
    await arm({ kind: 'drop', action: 'UpdateConsumerOffset', times: 1 });
    const err = await refusal(resetToEarliest());
    expect(String(err.message ?? err)).toMatch(/socket hang up|ECONNRESET|closed/i);
    expect(await committed()).toEqual([900, 2000, 320]);
    const last = (await readSandboxState(sb.statePath)).log.at(-1);
    expect(last).toMatchObject({ status: 0, code: 'ConnectionDropped' });
  });

  it('applies the call and then drops the connection with afterApply', async () => {
    await arm({ kind: 'drop', action: 'UpdateConsumerOffset', times: 1, afterApply: true });
    await refusal(resetToEarliest());
    expect(await committed()).toEqual([0, 150, 0]);
  });

  it('answers a body that is not JSON', async () => {
    await arm({ kind: 'bad-json', times: 1 });
    const answer = await v3Call(sb, KAFKA_TEST);
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text)).toThrow();
    expect(answer.headers['x-acs-request-id']).toBeTruthy();
    await expect(progress()).resolves.toBeTruthy();
  });

  it('keeps a fault armed with times "always" until cleared', async () => {
    await arm({ kind: 'throttle', times: 'always', action: 'GetConsumerProgress' });
    for (let i = 0; i < 3; i += 1) expect((await refusal(progress())).code).toBe('Throttling.User');
    await updateSandboxState(sb.statePath, (s) => void (s.faults = []));
    expect((await progress()).body.success).toBe(true);
  });

  it('refuses fault specs that make no sense', () => {
    const state = seedState(0);
    expect(() => armFault(state, { kind: 'error' })).toThrow(/error code/);
    expect(() => armFault(state, { kind: 'latency' })).toThrow(/milliseconds/);
    expect(() => armFault(state, { kind: 'throttle', times: 0 })).toThrow(/positive/);
    expect(() => armFault(state, { kind: 'server-error', status: 404 })).toThrow(/status/);
    expect(() => armFault(state, { kind: 'boom' as never })).toThrow(/unknown fault kind/);
  });

  it('lets the earliest armed answer win while every latency adds up', () => {
    const state = seedState(0);
    armFault(state, { kind: 'latency', latencyMs: 10 });
    armFault(state, { kind: 'latency', latencyMs: 5, action: 'QueryMessage' });
    armFault(state, { kind: 'throttle' });
    armFault(state, { kind: 'drop' });
    const plan = takeFaults(state, 'QueryMessage');
    expect(plan.latencyMs).toBe(15);
    expect(plan.answer?.kind).toBe('throttle');
    expect(state.faults.map((f) => f.kind)).toEqual(['latency', 'latency', 'drop']);
  });
});

describe('switches', () => {
  it('noop: UpdateConsumerOffset answers success and changes nothing', async () => {
    await updateSandboxState(sb.statePath, (s) => void (s.modes.noop = true));
    const { body } = await resetToEarliest();
    expect(body).toMatchObject({ success: true, code: 200 });
    expect(await committed()).toEqual([900, 2000, 320]);
  });

  it('consumerCommits: online consumers put their offsets back after a reset', async () => {
    await updateSandboxState(sb.statePath, (s) => void (s.modes.consumerCommits = true));
    await resetToEarliest('kafka-active', 'payments');
    expect(await committed('kafka-active', 'payments')).toEqual([480, 400]);

    await resetToEarliest();
    expect(await committed()).toEqual([0, 150, 0]);
  });

  it('consumerCommits: a group taken offline keeps its reset', async () => {
    await updateSandboxState(sb.statePath, (s) => {
      s.modes.consumerCommits = true;
      s.groups['kafka-active']!.online = false;
    });
    await resetToEarliest('kafka-active', 'payments');
    expect(await committed('kafka-active', 'payments')).toEqual([0, 0]);

    const { body } = await client.getConsumerProgress(new m.GetConsumerProgressRequest({
      instanceId: sb.instanceId, regionId: 'cn-hangzhou', consumerId: 'kafka-active',
    }));
    const row = body.consumerProgress.topicList.topicList[0].offsetList.offsetList[0];
    expect(row.clientId).toBeUndefined();
    expect(body.consumerProgress.state).toBe('Empty');
  });
});
