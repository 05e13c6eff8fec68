/** The codes an operator meets most often get guidance that says exactly what to do. */
import { describe, expect, it } from 'vitest';
import { explain, isRetryableCode, lookup } from '../../src/catalogue/index.js';
import { exitStatusFor } from '../../src/catalogue/render.js';

function entryOf(code: string) {
  const entry = lookup(code);
  if (!entry) throw new Error(`${code} is not in the catalogue`);
  return entry;
}

describe('guidance for specific codes', () => {
  it.each(['Group.Active', 'BIZ_CONSUMER_GROUP_ACTIVE_ERROR'])(
    '%s says to stop the consumers, wait out the session timeout and check with describe',
    (code) => {
      const entry = entryOf(code);
      expect(entry.category).toBe('state-conflict');
      expect(entry.retryable).toBe(false);
      expect(entry.guidance).toMatch(/Stop every consumer/);
      expect(entry.guidance).toMatch(/session timeout/);
      expect(entry.guidance).toContain('alikafka-offsets describe');
    },
  );

  it('NoPermission names the RAM action and the instance resource', () => {
    const entry = entryOf('NoPermission');
    expect(entry.category).toBe('credentials');
    expect(entry.httpStatus).toEqual([403]);
    expect(entry.guidance).toContain('alikafka:UpdateGroup');
    expect(entry.guidance).toContain('acs:alikafka:{region}:{account}:{instance}');
  });

  it('NoPermission fills the region and instance of the failed call into the resource', () => {
    const explanation = explain('NoPermission', {
      regionId: 'cn-hangzhou',
      instanceId: 'alikafka_post-cn-abc123',
    });
    expect(explanation.guidance)
      .toContain('acs:alikafka:cn-hangzhou:{account}:alikafka_post-cn-abc123');
    expect(explanation.guidance).not.toContain('{region}');
    expect(explanation.guidance).not.toContain('{instance}');
  });

  it('InvalidTimeStamp.Expired points at the local clock and NTP', () => {
    const entry = entryOf('InvalidTimeStamp.Expired');
    expect(entry.category).toBe('credentials');
    expect(entry.retryable).toBe(false);
    expect(entry.guidance).toMatch(/clock/);
    expect(entry.guidance).toContain('NTP');
  });

  it.each(['Instance.NotFound', 'BIZ_INSTANCE_NOT_FOUND', 'BIZ.INSTANCE.NOT.FOUND'])(
    '%s says to check that --region and --instance go together',
    (code) => {
      const entry = entryOf(code);
      expect(entry.category).toBe('not-found');
      expect(entry.retryable).toBe(false);
      expect(entry.guidance).toContain('--region');
      expect(entry.guidance).toContain('--instance');
    },
  );

  it.each(['Group.NotFound', 'Topic.NotFound', 'BIZ_TOPIC_NOT_FOUND',
    'BIZ_SUBSCRIPTION_NOT_FOUND'])(
    '%s says to list names with describe, check spelling and the subscription',
    (code) => {
      const entry = entryOf(code);
      expect(entry.category).toBe('not-found');
      expect(entry.guidance).toContain('alikafka-offsets describe');
      expect(entry.guidance).toMatch(/spelling/);
      expect(entry.guidance).toMatch(/subscribes/);
    },
  );

  it.each(['Throttling', 'Throttling.User', 'FlowControl', 'ONS_SYSTEM_FLOW_CONTROL'])(
    '%s is throttling and worth a retry',
    (code) => {
      expect(entryOf(code).category).toBe('throttled');
      expect(isRetryableCode(code)).toBe(true);
    },
  );

  it.each(['InternalError', 'INTERNAL.ERROR', 'InternalUnknownCodeError', 'RemoteCallError',
    'ONS.INTERNAL.ERROR', 'RmqClusterEmpty'])(
    '%s is a service-side failure worth a retry',
    (code) => {
      expect(entryOf(code).category).toBe('service');
      expect(isRetryableCode(code)).toBe(true);
    },
  );

  it.each(['SignatureDoesNotMatch', 'InvalidAccessKeyId.NotFound', 'IncompleteSignature',
    'InvalidTimeStamp.Expired', 'SignatureNonceUsed', 'Forbidden.RAM'])(
    '%s is a credentials problem that no retry fixes',
    (code) => {
      expect(entryOf(code).category).toBe('credentials');
      expect(isRetryableCode(code, 400)).toBe(false);
    },
  );

  it('gives concrete checks for the signature codes', () => {
    expect(entryOf('SignatureDoesNotMatch').guidance).toMatch(/secret/);
    expect(entryOf('InvalidAccessKeyId.NotFound').guidance).toMatch(/RAM console/);
    expect(entryOf('SignatureNonceUsed').guidance).toMatch(/replayed/);
    expect(entryOf('SignatureNonceUsed').guidance).toMatch(/retry that re-sent it/);
  });

  it('makes credentials the one category that exits 3', () => {
    expect(exitStatusFor('credentials')).toBe(3);
    for (const category of ['not-found', 'invalid-input', 'state-conflict', 'throttled',
      'service', 'not-applicable'] as const) {
      expect(exitStatusFor(category)).toBe(1);
    }
  });

  it('says a timed-out reset has an unknown outcome and warns about --shift-by', () => {
    const entry = entryOf('Timeout');
    expect(entry.retryable).toBe(true);
    expect(entry.guidance).toMatch(/outcome is unknown/);
    expect(entry.guidance).toMatch(/--shift-by would move/);
  });

  it('retries network failures but not an unreadable or codeless answer', () => {
    const network = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN',
      'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'EHOSTUNREACH', 'ENETUNREACH'];
    for (const code of network) expect(isRetryableCode(code), code).toBe(true);
    expect(isRetryableCode('InvalidResponse')).toBe(false);
    expect(isRetryableCode('UnknownError')).toBe(false);
  });

  it('says which network failures sent nothing and which may have been applied', () => {
    expect(entryOf('ECONNREFUSED').guidance).toMatch(/never sent and nothing changed/);
    expect(entryOf('ENOTFOUND').guidance).toMatch(/nothing was sent/);
    expect(entryOf('ECONNRESET').guidance).toMatch(/may have reached the service/);
  });

  it('shares one guidance for the codes of other operations, naming their area', () => {
    const tag = entryOf('BIZ_TAG_TAGKEY_NOT_VALID');
    expect(tag.category).toBe('not-applicable');
    expect(tag.guidance).toContain('resource tags');
    expect(entryOf('BIZ_TAG_TAG_NUM_EXCEED').guidance).toBe(tag.guidance);
    expect(entryOf('WHITE.PARAM.ERROR').guidance).toContain('whitelists');
  });
});
