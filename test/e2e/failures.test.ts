/**
 * What the binary does when the service refuses, fails, stalls or is not there: the exit
 * status, how many attempts reach the sandbox, and a message that says what happened and what
 * to do, never with a stack trace.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSandboxState, type SandboxState } from '../../src/sandbox/index.js';
import {
  GROUP,
  TOPIC,
  arm,
  closedPort,
  committed,
  expectNoStackTrace,
  heldWait,
  jsonDocument,
  liveSandbox,
  requestLog,
  resetCalls,
  runLive,
  type LiveSandbox,
} from './a-sandbox.js';
import { run } from './harness.js';

const WRONG_SECRET = 'Qm9ndXNTZWNyZXROb3RUaGVTYW5kYm94';
const EARLIEST = ['reset', '--group', GROUP, '--topic', TOPIC, '--to-earliest', '--execute'];

let sb: LiveSandbox;
let held: ReturnType<typeof heldWait>;
let seed: SandboxState;

beforeEach(async () => {
  held = heldWait();
  sb = await liveSandbox({ sleep: held.sleep });
  seed = await readSandboxState(sb.statePath);
});
afterEach(async () => {
  held.release();
  await sb.close();
});

/** The topic's offsets, unchanged since the seed: nothing was applied. */
async function expectUnchanged(topic = TOPIC, group = GROUP) {
  const seeded = seed.groups[group]!.offsets[topic]!;
  expect(seeded.length).toBeGreaterThan(0);
  expect(await committed(sb.statePath, topic, group)).toEqual(seeded);
}

/** Where --to-earliest leaves the topic. */
function earliest(topic = TOPIC): number[] {
  return seed.topics[topic]!.partitions.map((p) => p.logStart);
}

describe('credentials the service refuses', () => {
  it('refuses a wrong secret with exit 3 after exactly one attempt', async () => {
    const result = await runLive(sb, EARLIEST, { ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG_SECRET });

    expect(result.status).toBe(3);
    const log = await requestLog(sb.statePath);
    expect(log.map((e) => e.code)).toEqual(['SignatureDoesNotMatch']);
    expect(result.stderr).toContain('code:       SignatureDoesNotMatch');
    expect(result.stderr).toContain(`request id: ${log[0]!.requestId}`);
    expect(result.stderr).toMatch(/Check that the AccessKey secret belongs to the AccessKey id/);
    expect(result.stderr + result.stdout).not.toContain(WRONG_SECRET);
    expect(result.stderr + result.stdout).not.toContain(sb.handle.accessKeySecret);
    expectNoStackTrace(result);
    await expectUnchanged();
  });

  it('refuses an unknown AccessKey id with exit 3', async () => {
    const result = await runLive(sb, EARLIEST,
      { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIunknown0000000009' });

    expect(result.status).toBe(3);
    const log = await requestLog(sb.statePath);
    expect(log.map((e) => e.code)).toEqual(['InvalidAccessKeyId.NotFound']);
    expect(result.stderr).toContain('InvalidAccessKeyId.NotFound');
    expect(result.stderr).toContain(log[0]!.requestId);
    expect(result.stderr).toMatch(/Check the id against the RAM console/);
    expectNoStackTrace(result);
  });
});

describe('refusals inside an answer', () => {
  it('exits 1 on Success false in an HTTP 200 body, with its code, message and request id',
    async () => {
      await arm(sb.statePath, { kind: 'error', code: 'BIZ_RESET_OFFSET_ERROR', status: 200,
        action: 'UpdateConsumerOffset' });
      const result = await runLive(sb, EARLIEST);

      expect(result.status).toBe(1);
      const [call, ...others] = await resetCalls(sb.statePath);
      expect(others).toEqual([]);
      expect(call!.status).toBe(200);
      expect(result.stderr).toContain('code:       BIZ_RESET_OFFSET_ERROR (HTTP 200)');
      expect(result.stderr).toMatch(/message: .*Please check and try again later/);
      expect(result.stderr).toContain(`request id: ${call!.requestId}`);
      expect(result.stdout).toContain(`Failed on topic "${TOPIC}"`);
      // Nothing was applied, so there was nothing to read back; --no-verify was not given.
      expect(result.stdout).toContain('Not verified: nothing was applied.');
      expect(result.stdout).not.toContain('--no-verify');
      expectNoStackTrace(result);
      await expectUnchanged();
    });

  it('exits 1 on Success false when reading, before any write', async () => {
    await arm(sb.statePath, { kind: 'error', code: 'GET.CONSUMER.PROGRESS.ERROR', status: 200,
      action: 'GetConsumerProgress' });
    const result = await runLive(sb, [...EARLIEST, '--output', 'json']);

    expect(result.status).toBe(1);
    const [entry] = await requestLog(sb.statePath);
    expect(jsonDocument(result).error).toMatchObject({ code: 'GET.CONSUMER.PROGRESS.ERROR',
      httpStatus: 200, requestId: entry!.requestId, exitStatus: 1 });
    expect(await resetCalls(sb.statePath)).toEqual([]);
  });

  it('passes the service\'s Group.Active on with the stop-consumers guidance, even with --force',
    async () => {
      await arm(sb.statePath, { kind: 'error', code: 'Group.Active',
        action: 'UpdateConsumerOffset' });
      const result = await runLive(sb, ['reset', '--group', 'kafka-active', '--topic', 'payments',
        '--to-earliest', '--execute', '--force']);

      expect(result.status).toBe(1);
      expect(await resetCalls(sb.statePath)).toHaveLength(1);
      expect(result.stderr).toContain('code:       Group.Active');
      expect(result.stderr).toMatch(/Stop every consumer of group kafka-active/);
      expect(result.stderr).toMatch(/session timeout/);
      expect(result.stderr).toContain('--force only skips this tool\'s own check');
      expectNoStackTrace(result);
      await expectUnchanged('payments', 'kafka-active');
    });

  it('refuses a group with online consumers itself, sending no write, without --force',
    async () => {
      const result = await runLive(sb, ['reset', '--group', 'kafka-active', '--topic', 'payments',
        '--to-earliest', '--execute']);

      expect(result.status).toBe(4);
      expect(result.stderr).toMatch(/online consumers?.*consumer-1/);
      expect(await resetCalls(sb.statePath)).toEqual([]);
      expectNoStackTrace(result);
    });
});

describe('retries', () => {
  it.each([
    ['throttled', { kind: 'throttle' as const }, 400, 'Throttling.User'],
    ['answered 503', { kind: 'server-error' as const }, 503, 'ServiceUnavailable'],
  ])('applies the reset when the first attempt is %s', async (_what, fault, status, code) => {
    await arm(sb.statePath, { ...fault, action: 'UpdateConsumerOffset' });
    const result = await runLive(sb, EARLIEST);

    expect(result.status, result.stderr).toBe(0);
    const calls = await resetCalls(sb.statePath);
    expect(calls.map((c) => [c.status, c.code])).toEqual([[status, code], [200, null]]);
    expect(calls[1]!.params).toEqual(calls[0]!.params);
    expect(await committed(sb.statePath, TOPIC)).toEqual(earliest());
  });

  it('makes exactly one attempt with --retries 0', async () => {
    await arm(sb.statePath, { kind: 'throttle', action: 'UpdateConsumerOffset' });
    const result = await runLive(sb, [...EARLIEST, '--retries', '0']);

    expect(result.status).toBe(1);
    expect((await resetCalls(sb.statePath)).map((c) => c.code)).toEqual(['Throttling.User']);
    expect(result.stderr).toContain('attempts:   1');
    expectNoStackTrace(result);
    await expectUnchanged();
  });

  it('stops after --retries 2 retries of a lasting 5xx', async () => {
    await arm(sb.statePath, { kind: 'server-error', status: 502, times: 'always',
      action: 'UpdateConsumerOffset' });
    const result = await runLive(sb, [...EARLIEST, '--retries', '2']);

    expect(result.status).toBe(1);
    expect((await resetCalls(sb.statePath)).map((c) => c.status)).toEqual([502, 502, 502]);
    expect(result.stderr).toContain('attempts:   3');
  });

  it('logs every attempt with its delay and request id on stderr with --verbose', async () => {
    await arm(sb.statePath, { kind: 'server-error', times: 2, action: 'UpdateConsumerOffset' });
    const result = await runLive(sb, [...EARLIEST, '--verbose']);

    expect(result.status, result.stderr).toBe(0);
    const ids = (await resetCalls(sb.statePath)).map((c) => c.requestId);
    expect(ids).toHaveLength(3);
    const lines = result.stderr.split('\n').filter((l) => l.includes('UpdateConsumerOffset'));
    expect(lines).toHaveLength(3);
    for (const [i, line] of lines.slice(0, 2).entries()) {
      expect(line).toMatch(new RegExp('failed after \\d+ ms with ServiceUnavailable ' +
        `\\(HTTP 503\\), request id ${ids[i]} \\(attempt ${i + 1}/4\\); retrying in [1-9]\\d* ms`));
    }
    expect(lines[2]).toMatch(new RegExp(`answered 200 .*request id ${ids[2]} \\(attempt 3/4\\)`));
    expect(result.stderr).not.toContain(sb.handle.accessKeySecret);
  });

  it('waits at least as long as x-acs-retry-after asks', async () => {
    await arm(sb.statePath, { kind: 'throttle', retryAfterMs: 1200,
      action: 'UpdateConsumerOffset' });
    const result = await runLive(sb, [...EARLIEST, '--verbose']);

    expect(result.status, result.stderr).toBe(0);
    const delay = /Throttling\.User.*retrying in (\d+) ms/.exec(result.stderr)?.[1];
    expect(Number(delay)).toBeGreaterThanOrEqual(1200);
  });
});

describe('no answer', () => {
  it('bounds a write by --timeout, then shows by the read-back that it landed', async () => {
    await arm(sb.statePath, { kind: 'latency', latencyMs: 60_000,
      action: 'UpdateConsumerOffset' });
    const started = Date.now();
    const result = await runLive(sb, [...EARLIEST, '--timeout', '1s', '--retries', '0']);

    expect(Date.now() - started).toBeLessThan(10_000);
    // The sandbox applied the reset before holding its answer back; the read-back proves it,
    // so the command succeeds and says how it knows.
    expect(await committed(sb.statePath, TOPIC)).toEqual(earliest());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no answer came in time, but the read-back below shows ' +
      'every offset as planned');
    expect(result.stdout).toContain('Verified: every offset is as planned.');
    expectNoStackTrace(result);
  });

  it('says a write\'s outcome is unknown when no answer came and nothing moved', async () => {
    const before = await committed(sb.statePath, TOPIC);
    await arm(sb.statePath, { kind: 'drop', action: 'UpdateConsumerOffset', times: 5 });
    const result = await runLive(sb, [...EARLIEST, '--retries', '0']);

    expect(result.status).toBe(1);
    expect(await committed(sb.statePath, TOPIC)).toEqual(before);
    expect(result.stdout).toContain('the outcome is unknown, see the read-back below');
    expect(result.stderr).toMatch(/ECONNRESET/);
    expect(result.stderr).toMatch(/alikafka-offsets describe/);
    expectNoStackTrace(result);
  });

  it('bounds a read by --timeout and says no answer came', async () => {
    await arm(sb.statePath, { kind: 'latency', latencyMs: 60_000,
      action: 'GetConsumerProgress' });
    const started = Date.now();
    const result = await runLive(sb, [...EARLIEST, '--timeout', '1s', '--retries', '1',
      '--output', 'json']);

    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.status).toBe(1);
    expect(jsonDocument(result).error).toMatchObject({ code: 'Timeout', attempts: 2,
      outcomeUnknown: false, requestId: null, exitStatus: 1 });
    expect((await requestLog(sb.statePath)).map((e) => e.action))
      .toEqual(['GetConsumerProgress', 'GetConsumerProgress']);
  });

  it('reports a closed port clearly, within a bounded time', async () => {
    const port = await closedPort();
    const started = Date.now();
    const result = await run(['reset', '--endpoint', `http://127.0.0.1:${port}`, '--instance',
      sb.handle.instanceId, '--region', sb.handle.regionId, ...EARLIEST.slice(1)], sb.env);

    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('code:       ECONNREFUSED');
    expect(result.stderr).toContain('request id: none (no answer)');
    expect(result.stderr).toContain('attempts:   4');
    expect(result.stderr).toMatch(/Nothing was listening at the endpoint.*nothing changed/);
    expectNoStackTrace(result);
  });
});

describe('failures as JSON', () => {
  it.each([
    ['a wrong secret', [], { ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG_SECRET },
      'SignatureDoesNotMatch', 3],
    ['Success false', [{ kind: 'error' as const, code: 'BIZ_RESET_OFFSET_ERROR', status: 200,
      action: 'UpdateConsumerOffset' }], {}, 'BIZ_RESET_OFFSET_ERROR', 1],
    ['a lasting throttle', [{ kind: 'throttle' as const, times: 'always' as const }], {},
      'Throttling.User', 1],
    ['Group.Active', [{ kind: 'error' as const, code: 'Group.Active',
      action: 'UpdateConsumerOffset' }], {}, 'Group.Active', 1],
  ])('prints %s as one document with code, request id and exit status', async (_what, faults,
    env, code, status) => {
    await arm(sb.statePath, ...faults);
    const result = await runLive(sb, [...EARLIEST, '--retries', '1', '--output', 'json'], env);

    expect(result.status).toBe(status);
    const doc = jsonDocument(result);
    const last = (await requestLog(sb.statePath)).at(-1)!;
    expect(doc).toMatchObject({ ok: false });
    expect(doc.error).toMatchObject({ code, requestId: last.requestId, exitStatus: status });
    expectNoStackTrace(result);
  });

  it('prints a closed port as one document with no request id', async () => {
    const port = await closedPort();
    const result = await run(['reset', '--endpoint', `http://127.0.0.1:${port}`,
      '--instance', sb.handle.instanceId, '--region', sb.handle.regionId, ...EARLIEST.slice(1),
      '--retries', '0', '--output', 'json'], sb.env);

    expect(result.status).toBe(1);
    expect(jsonDocument(result).error).toMatchObject({ code: 'ECONNREFUSED', requestId: null,
      exitStatus: 1, attempts: 1 });
    expectNoStackTrace(result);
  });
});
