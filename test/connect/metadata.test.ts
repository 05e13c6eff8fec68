import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../src/connect/index.js';
import type { MetadataRequest } from '../../src/connect/providers.js';
import { guardNetwork, makeHome, type Home } from './fixtures.js';

const ECS = {
  AccessKeyId: 'STS.MetadataKeyId0000meta',
  AccessKeySecret: 'MetadataSecretValue000111',
  SecurityToken: 'MetadataSecurityToken222333',
};

/** A metadata service that answers like an ECS instance with role `kafka-role`. */
function onEcs(seen: { url: string; readTimeout?: number; connectTimeout?: number }[]):
MetadataRequest {
  return async (req) => {
    const url = req.toRequestURL();
    seen.push({ url, readTimeout: req.readTimeout, connectTimeout: req.connectTimeout });
    const reply = (body: string) => ({ statusCode: 200, body: Buffer.from(body), headers: {} });

    if (url.endsWith('/latest/api/token')) return reply('metadata-token');
    if (url.endsWith('/security-credentials/')) return reply('kafka-role\n');
    if (url.endsWith('/security-credentials/kafka-role')) {
      return reply(JSON.stringify({ Code: 'Success', Expiration: '2099-01-01T00:00:00Z', ...ECS }));
    }
    return { statusCode: 404, body: Buffer.from('not found'), headers: {} };
  };
}

/** A metadata service that is not there, as off ECS. */
const offEcs: MetadataRequest = async () => {
  throw Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' });
};

let home: Home;
let net: ReturnType<typeof guardNetwork>;

beforeEach(async () => {
  home = await makeHome();
  net = guardNetwork();
});

afterEach(async () => {
  net.restore();
  await home.remove();
});

const URI = 'http://127.0.0.1:9/creds';

describe('the ECS instance role step', () => {
  it('is skipped without any request when ALIBABA_CLOUD_ECS_METADATA_DISABLED=true', async () => {
    const env = {
      HOME: home.dir,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      ALIBABA_CLOUD_CREDENTIALS_URI: URI,
    };
    const r = await resolveCredentials({}, env, home.dir);

    expect(r.source).toContain('credentials URI');
    expect(net.attempts).toEqual([]);
  });

  it('leaves nothing to try and still sends nothing when it is the last source', async () => {
    const env = { HOME: home.dir, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'TRUE' };
    const err = await resolveCredentials({}, env, home.dir).catch((e: unknown) => e);

    expect(err).toMatchObject({ code: 'NO_CREDENTIALS', exitStatus: 3 });
    expect(net.attempts).toEqual([]);
  });

  it('asks the metadata service with 1 s timeouts and uses the role it names', async () => {
    const seen: { url: string; readTimeout?: number; connectTimeout?: number }[] = [];
    const r = await resolveCredentials({}, { HOME: home.dir }, home.dir,
      { metadataRequest: onEcs(seen) });

    expect(r.source).toBe('ECS instance role (found through the metadata service)');
    expect(r.accessKeyIdMasked).toBe('STS.****meta');
    expect(seen.map((s) => s.url)).toContain(
      'http://100.100.100.200/latest/meta-data/ram/security-credentials/kafka-role');
    expect(seen.every((s) => s.readTimeout === 1000 && s.connectTimeout === 1000)).toBe(true);

    const calls = seen.length;
    const c = await (r.credential as { getCredential(): Promise<Record<string, unknown>> })
      .getCredential();
    expect(c).toMatchObject({ accessKeyId: ECS.AccessKeyId, securityToken: ECS.SecurityToken });
    expect(seen).toHaveLength(calls);
    expect(net.attempts).toEqual([]);
  });

  it('moves on to ALIBABA_CLOUD_CREDENTIALS_URI when the service does not answer', async () => {
    const env = { HOME: home.dir, ALIBABA_CLOUD_CREDENTIALS_URI: URI };
    const r = await resolveCredentials({}, env, home.dir, { metadataRequest: offEcs });

    expect(r.source).toBe(
      'credentials URI http://127.0.0.1:9/creds (ALIBABA_CLOUD_CREDENTIALS_URI)');
  });

  it('asks nothing up front when ALIBABA_CLOUD_ECS_METADATA names the role', async () => {
    const seen: { url: string }[] = [];
    const env = { HOME: home.dir, ALIBABA_CLOUD_ECS_METADATA: 'named-role' };
    const r = await resolveCredentials({}, env, home.dir, { metadataRequest: onEcs(seen) });

    expect(r.source).toBe('ECS instance role "named-role"');
    expect(seen).toEqual([]);
  });
});
