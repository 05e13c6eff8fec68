import { describe, expect, it } from 'vitest';
import { backoffDelay, callWithRetries, isRetryable } from '../../src/api/retry.js';
import { ServiceError } from '../../src/errors.js';

function httpError(statusCode: number, code: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(`code: ${statusCode}, msg request id: R-${code}`), {
    statusCode, code, requestId: `R-${code}`, data: { Code: code, Message: `${code} happened` },
    ...extra,
  });
}

function policy(sleeps: number[], retries = 3) {
  return { retries, timeoutMs: 1000, sleep: async (ms: number) => void sleeps.push(ms),
    random: () => 0.5 };
}

describe('callWithRetries', () => {
  it('retries throttling once and then succeeds, counting two attempts', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await callWithRetries('UpdateConsumerOffset', async () => {
      calls += 1;
      if (calls === 1) throw httpError(400, 'Throttling.User');
      return { statusCode: 200, body: { Success: true, RequestId: 'OK' } };
    }, {}, policy(sleeps));
    expect(result).toMatchObject({ attempts: 2, requestId: 'OK' });
    expect(sleeps).toHaveLength(1);
  });

  it('honours x-acs-retry-after when it asks for longer than the backoff', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    await callWithRetries('GetTopicStatus', async () => {
      calls += 1;
      if (calls === 1) throw httpError(400, 'Throttling', { retryAfter: 5000 });
      return { body: { Success: true } };
    }, {}, policy(sleeps));
    expect(sleeps).toEqual([5000]);
  });

  it('never retries a signature error', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const failing = callWithRetries('UpdateConsumerOffset', async () => {
      calls += 1;
      throw httpError(400, 'SignatureDoesNotMatch');
    }, { group: 'g' }, policy(sleeps));
    await expect(failing).rejects.toBeInstanceOf(ServiceError);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('gives up after --retries more attempts and reports how many were made', async () => {
    const sleeps: number[] = [];
    const failing = callWithRetries('GetConsumerProgress', async () => {
      throw httpError(503, 'ServiceUnavailable');
    }, {}, policy(sleeps, 2));
    await expect(failing).rejects.toMatchObject({ failure: { attempts: 3, httpStatus: 503 } });
    expect(sleeps).toHaveLength(2);
  });

  it('treats Success false on HTTP 200 as a failure with its code', async () => {
    const failing = callWithRetries('UpdateConsumerOffset', async () => (
      { statusCode: 200, body: { Success: false, Code: 'Group.Active', RequestId: 'R2' } }),
    {}, policy([]));
    await expect(failing).rejects.toMatchObject({
      failure: { serviceCode: 'Group.Active', requestId: 'R2', attempts: 1 },
    });
  });

  it('bounds an attempt that never answers and says it timed out', async () => {
    const failing = callWithRetries('UpdateConsumerOffset', () => new Promise<never>(() => {}), {},
      { retries: 0, timeoutMs: 10, sleep: async () => {} });
    await expect(failing).rejects.toMatchObject({ failure: { timedOut: true } });
  });

  it('retries a refused connection', async () => {
    let calls = 0;
    const result = await callWithRetries('GetTopicList', async () => {
      calls += 1;
      if (calls < 3) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      return { body: { Code: 200 } };
    }, {}, policy([]));
    expect(result.attempts).toBe(3);
  });
});

describe('retry decisions and delays', () => {
  it.each([
    [{ serviceCode: 'Throttling.User', httpStatus: 400 }, true],
    [{ serviceCode: 'FlowControl', httpStatus: 400 }, true],
    [{ serviceCode: 'ONS_SYSTEM_FLOW_CONTROL', httpStatus: 400 }, true],
    [{ serviceCode: 'InternalError', httpStatus: 500 }, true],
    [{ serviceCode: 'ECONNRESET', network: true }, true],
    [{ serviceCode: 'SignatureDoesNotMatch', httpStatus: 400 }, false],
    [{ serviceCode: 'NoPermission', httpStatus: 403 }, false],
    [{ serviceCode: 'Group.Active', httpStatus: 400 }, false],
    [{ serviceCode: 'InvalidParameter', httpStatus: 400 }, false],
  ])('%o → %s', (partial, expected) => {
    expect(isRetryable({ action: 'A', serviceMessage: '', attempts: 1, ...partial })).toBe(expected);
  });

  it('grows exponentially, stays within its ceiling and respects retry-after', () => {
    expect(backoffDelay(0, () => 0)).toBe(125);
    expect(backoffDelay(0, () => 1)).toBe(250);
    expect(backoffDelay(3, () => 1)).toBe(2000);
    expect(backoffDelay(20, () => 1)).toBe(8000);
    expect(backoffDelay(0, () => 0, 3000)).toBe(3000);
  });
});
