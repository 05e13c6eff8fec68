import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSandboxState } from '../../src/sandbox/index.js';
import { sha256Hex } from '../../src/sandbox/signature.js';
import {
  httpRequest,
  KAFKA_TEST,
  nonce,
  sandbox,
  v1Call,
  v3Call,
  type RawAnswer,
  type TestSandbox,
} from './helpers.js';

/** The sandbox clock in these tests: fixed, so dates can be placed around it exactly. */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const MINUTE = 60_000;
const REQUEST_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

let sb: TestSandbox;
beforeAll(async () => {
  sb = await sandbox({ now: () => NOW });
});
afterAll(async () => {
  await sb.stop();
});

const at = (offsetMs = 0) => new Date(NOW + offsetMs);

function expectGatewayError(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  const body = answer.json();
  expect(body.Code).toBe(code);
  expect(Object.keys(body).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
  expect(body.RequestId).toMatch(REQUEST_ID);
  expect(answer.headers['x-acs-request-id']).toBe(body.RequestId);
  expect(typeof body.Message).toBe('string');
}

describe('V3 signatures', () => {
  it('answers a correctly signed call with 200 and a request id in body and header', async () => {
    const answer = await v3Call(sb, KAFKA_TEST, { date: at() });
    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body).toMatchObject({ Success: true, Code: 200, Message: 'operation success' });
    expect(body.RequestId).toMatch(REQUEST_ID);
    expect(answer.headers['x-acs-request-id']).toBe(body.RequestId);
  });

  it('refuses an unknown AccessKeyId with 404 InvalidAccessKeyId.NotFound', async () => {
    const answer = await v3Call(sb, KAFKA_TEST, { date: at(), accessKeyId: 'LTAIunknown' });
    expectGatewayError(answer, 404, 'InvalidAccessKeyId.NotFound');
  });

  it('refuses a wrong secret with 400 SignatureDoesNotMatch', async () => {
    const answer = await v3Call(sb, KAFKA_TEST, { date: at(), secret: 'not-the-secret' });
    expectGatewayError(answer, 400, 'SignatureDoesNotMatch');
  });

  it('refuses a parameter changed after signing', async () => {
    const answer = await v3Call(sb, KAFKA_TEST, {
      date: at(),
      tamper: (h) => {
        h['x-acs-action'] = 'GetTopicList';
      },
    });
    expectGatewayError(answer, 400, 'SignatureDoesNotMatch');
  });

  it('refuses a body whose hash is not the x-acs-content-sha256 sent', async () => {
    const answer = await v3Call(sb, KAFKA_TEST, {
      date: at(),
      body: 'Topic=orders',
      contentType: 'application/x-www-form-urlencoded',
      tamper: (h) => {
        h['x-acs-content-sha256'] = sha256Hex('');
      },
    });
    expectGatewayError(answer, 400, 'SignatureDoesNotMatch');
    expect(answer.json().Message).toContain('x-acs-content-sha256');
  });

  it('refuses a call without any signature with 400 IncompleteSignature', async () => {
    const answer = await httpRequest(sb, 'POST', '/?ConsumerId=kafka-test', {
      'x-acs-action': 'GetConsumerProgress',
      'x-acs-version': '2019-09-16',
    });
    expectGatewayError(answer, 400, 'IncompleteSignature');
  });

  it('refuses a garbled authorization header with 400 IncompleteSignature', async () => {
    const answer = await v3Call(sb, KAFKA_TEST, {
      date: at(),
      tamper: (h) => {
        h.authorization = 'ACS3-HMAC-SHA256 Credential=LTAIsandbox0000000001';
      },
    });
    expectGatewayError(answer, 400, 'IncompleteSignature');
  });

  it('refuses an x-acs header that was sent but not signed', async () => {
    const answer = await v3Call(sb, KAFKA_TEST, {
      date: at(),
      tamper: (h) => {
        h['x-acs-security-token'] = 'slipped-in';
      },
    });
    expectGatewayError(answer, 400, 'IncompleteSignature');
  });

  it('accepts a date 14 minutes off the sandbox clock and refuses one 16 minutes off', async () => {
    expect((await v3Call(sb, KAFKA_TEST, { date: at(14 * MINUTE) })).status).toBe(200);
    expect((await v3Call(sb, KAFKA_TEST, { date: at(-14 * MINUTE) })).status).toBe(200);
    const late = await v3Call(sb, KAFKA_TEST, { date: at(16 * MINUTE) });
    expectGatewayError(late, 400, 'InvalidTimeStamp.Expired');
    const early = await v3Call(sb, KAFKA_TEST, { date: at(-16 * MINUTE) });
    expectGatewayError(early, 400, 'InvalidTimeStamp.Expired');
  });

  it('refuses a nonce it has already accepted with 400 SignatureNonceUsed', async () => {
    const reused = nonce();
    expect((await v3Call(sb, KAFKA_TEST, { date: at(), nonce: reused })).status).toBe(200);
    const again = await v3Call(sb, KAFKA_TEST, { date: at(), nonce: reused });
    expectGatewayError(again, 400, 'SignatureNonceUsed');
  });

  it('does not burn a nonce on a call whose signature fails', async () => {
    const fresh = nonce();
    const bad = await v3Call(sb, KAFKA_TEST, { date: at(), nonce: fresh, secret: 'wrong' });
    expect(bad.status).toBe(400);
    expect((await v3Call(sb, KAFKA_TEST, { date: at(), nonce: fresh })).status).toBe(200);
  });

  it('answers 400 MissingParameter naming a required parameter that is missing', async () => {
    const { ConsumerId: _, ...withoutGroup } = KAFKA_TEST;
    const answer = await v3Call(sb, withoutGroup, { date: at() });
    expectGatewayError(answer, 400, 'MissingParameter');
    expect(answer.json().Message).toBe('The ConsumerId parameter is required.');
  });

  it('answers 404 InvalidAction.NotFound for an action the API does not have', async () => {
    const answer = await v3Call(sb, KAFKA_TEST, { date: at(), action: 'DeleteEverything' });
    expectGatewayError(answer, 404, 'InvalidAction.NotFound');
  });

  it('refuses another API version', async () => {
    const answer = await v3Call(sb, KAFKA_TEST, { date: at(), version: '2018-01-01' });
    expectGatewayError(answer, 400, 'InvalidVersion');
  });

  it('reads API parameters from a form-encoded body too', async () => {
    const body =
      'ConsumerId=kafka-test&InstanceId=alikafka_sandbox-cn-hangzhou&RegionId=cn-hangzhou';
    const answer = await v3Call(sb, {}, {
      date: at(),
      body,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(answer.status).toBe(200);
    expect(answer.json().ConsumerProgress).toBeDefined();
  });
});

describe('V1 (HMAC-SHA1) signatures', () => {
  it('answers a correctly signed GET', async () => {
    const answer = await v1Call(sb, 'GetConsumerProgress', KAFKA_TEST, { date: at() });
    expect(answer.status).toBe(200);
    expect(answer.json().Success).toBe(true);
  });

  it('answers a POST whose API parameters are in a form body', async () => {
    const answer = await v1Call(sb, 'GetConsumerProgress', KAFKA_TEST, {
      date: at(),
      method: 'POST',
      asForm: true,
    });
    expect(answer.status).toBe(200);
  });

  it('refuses a wrong secret, an expired timestamp and a reused nonce', async () => {
    const wrong = await v1Call(sb, 'GetConsumerProgress', KAFKA_TEST, { date: at(), secret: 'x' });
    expectGatewayError(wrong, 400, 'SignatureDoesNotMatch');

    const old = await v1Call(sb, 'GetConsumerProgress', KAFKA_TEST, { date: at(-20 * MINUTE) });
    expectGatewayError(old, 400, 'InvalidTimeStamp.Expired');

    const reused = nonce();
    await v1Call(sb, 'GetConsumerProgress', KAFKA_TEST, { date: at(), nonce: reused });
    const again = await v1Call(sb, 'GetConsumerProgress', KAFKA_TEST, {
      date: at(),
      nonce: reused,
    });
    expectGatewayError(again, 400, 'SignatureNonceUsed');
  });
});

describe('the request log', () => {
  it('records action, key, signature version and answer, and never a signature', async () => {
    const token = 'sts-token-for-the-log-test';
    await v3Call(sb, KAFKA_TEST, { date: at(), extraHeaders: { 'x-acs-security-token': token } });
    await v1Call(sb, 'GetTopicList', { InstanceId: KAFKA_TEST.InstanceId }, { date: at() });
    await v3Call(sb, KAFKA_TEST, { date: at(), accessKeyId: 'LTAIunknown' });

    const state = await readSandboxState(sb.statePath);
    const [withToken, v1, unknownKey] = state.log.slice(-3);
    expect(withToken).toMatchObject({
      action: 'GetConsumerProgress',
      accessKeyId: sb.accessKeyId,
      signatureVersion: 'v3',
      securityToken: true,
      securityTokenSha256: sha256Hex(token),
      params: KAFKA_TEST,
      status: 200,
      code: null,
    });
    expect(v1).toMatchObject({ action: 'GetTopicList', signatureVersion: 'v1', status: 200 });
    expect(v1?.params).not.toHaveProperty('Signature');
    expect(unknownKey).toMatchObject({ status: 404, code: 'InvalidAccessKeyId.NotFound' });
    expect(JSON.stringify(state.log)).not.toContain(token);
  });
});
