import { describe, expect, it } from 'vitest';
import { guardedProvider, stsEndpointFor } from '../../src/connect/providers.js';
import { redact, scrubUrlQueries } from '../../src/connect/index.js';

const TOKEN = 'CAIS+Fixture/Token==';
const SECRET = 'FixtureSecretForProviders01';

describe('guardedProvider', () => {
  const failing = (message: string) => ({
    getProviderName: () => 'fixture',
    getCredentials: async () => { throw new Error(message); },
  });

  it('turns a provider failure into exit status 3 without the signed query or secrets',
    async () => {
      const signed = `connect ECONNREFUSED 127.0.0.1:1POST https://127.0.0.1:1/?Action=AssumeRole` +
        `&AccessKeyId=LTAI5tFixture&SecurityToken=${encodeURIComponent(TOKEN)}&Signature=abc%3D ` +
        `failed. body: {"AccessKeySecret":"from-the-body","Message":"uses ${SECRET}"}`;
      const guarded = guardedProvider(failing(signed), 'profile "x"', [SECRET, TOKEN]);

      const err = await guarded.getCredentials().catch((e: unknown) => e) as Error &
        { code: string; exitStatus: number };

      expect(err.code).toBe('CREDENTIALS_UNAVAILABLE');
      expect(err.exitStatus).toBe(3);
      expect(err.message).toContain('could not obtain credentials from profile "x": ');
      expect(err.message).toContain('127.0.0.1:1; POST https://127.0.0.1:1/?… failed.');
      for (const hidden of ['LTAI5tFixture', 'Signature', encodeURIComponent(TOKEN),
        'from-the-body', SECRET]) {
        expect(err.message).not.toContain(hidden);
      }
    });

  it('passes credentials through untouched when the provider answers', async () => {
    const answer = { accessKeyId: 'id', accessKeySecret: 's', securityToken: 't',
      providerName: 'fixture' };
    const guarded = guardedProvider({ getProviderName: () => 'fixture',
      getCredentials: async () => answer } as never, 'x', []);

    expect(await guarded.getCredentials()).toBe(answer);
    expect(guarded.getProviderName()).toBe('fixture');
  });
});

describe('redact and URLs', () => {
  it('redacts the percent-encoded spellings of a secret too', () => {
    const text = `plain ${TOKEN} once ${encodeURIComponent(TOKEN)} twice ` +
      encodeURIComponent(encodeURIComponent(TOKEN));
    expect(redact(text, [TOKEN])).toBe('plain *** once *** twice ***');
  });

  it('cuts the query from every URL', () => {
    expect(scrubUrlQueries('GET http://h:1/p?a=1&b=2 then https://x/#frag end'))
      .toBe('GET http://h:1/p?… then https://x/?… end');
  });
});

describe('stsEndpointFor', () => {
  it('prefers a given endpoint, then a region (VPC or not), then the central host', () => {
    const env = { ALIBABA_CLOUD_STS_REGION: 'cn-shanghai' };

    expect(stsEndpointFor(env, { endpoint: '127.0.0.1:4433', region: 'cn-beijing' }))
      .toBe('127.0.0.1:4433');
    expect(stsEndpointFor(env, { region: 'cn-beijing', vpc: true }))
      .toBe('sts-vpc.cn-beijing.aliyuncs.com');
    expect(stsEndpointFor(env)).toBe('sts.cn-shanghai.aliyuncs.com');
    expect(stsEndpointFor({ ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: 'TRUE' }, { region: 'cn-x' }))
      .toBe('sts-vpc.cn-x.aliyuncs.com');
    expect(stsEndpointFor({})).toBe('sts.aliyuncs.com');
  });
});
