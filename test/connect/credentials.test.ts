import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCredentials, type ResolvedCredentials } from '../../src/connect/index.js';
import {
  AK, ENV_AK, INI, INI_AK, PROFILES, ROLE_ARN, STS, baseEnv, guardNetwork, makeHome, type Home,
} from './fixtures.js';

interface Values { id?: string; secret?: string; token?: string }

/** The key the SDK would sign with, read through the library's own `getCredential()`. */
async function values(resolved: ResolvedCredentials): Promise<Values> {
  const credential = resolved.credential as {
    getCredential(): Promise<{ accessKeyId?: string; accessKeySecret?: string;
      securityToken?: string }>;
  };
  const c = await credential.getCredential();
  return { id: c.accessKeyId, secret: c.accessKeySecret, token: c.securityToken };
}

let home: Home;
let net: ReturnType<typeof guardNetwork>;

beforeEach(async () => {
  home = await makeHome();
  await home.writeCli({ current: 'default', profiles: PROFILES });
  await home.writeIni(INI);
  net = guardNetwork();
});

afterEach(async () => {
  net.restore();
  await home.remove();
});

describe('the CLI profile', () => {
  it("uses config.json's current profile when nothing else is set", async () => {
    const r = await resolveCredentials({}, baseEnv(home), home.dir);

    expect(r.source).toBe('profile "default" (AK) in ~/.aliyun/config.json');
    expect(r.profile).toBe('default');
    expect(r.profileRegion).toBe('cn-hangzhou');
    expect(r.accessKeyIdMasked).toBe('LTAI****abcd');
    expect(await values(r)).toEqual({ id: AK.id, secret: AK.secret, token: undefined });
  });

  it('resolves a StsToken profile named by --profile, token included', async () => {
    const r = await resolveCredentials({ profile: 'sts' }, baseEnv(home), home.dir);

    expect(r.source).toBe('profile "sts" (StsToken) in ~/.aliyun/config.json');
    expect(r.profileRegion).toBe('cn-beijing');
    expect(r.accessKeyIdMasked).toBe('STS.****wxyz');
    expect(await values(r)).toEqual({ id: STS.id, secret: STS.secret, token: STS.token });
  });

  it('takes the profile from ALIBABA_CLOUD_PROFILE when --profile is not given', async () => {
    const env = baseEnv(home, { ALIBABA_CLOUD_PROFILE: 'sts' });
    const r = await resolveCredentials({}, env, home.dir);

    expect(r.profile).toBe('sts');
    expect((await values(r)).token).toBe(STS.token);
  });

  it('resolves a RamRoleArn profile without calling STS, naming the role', async () => {
    const r = await resolveCredentials({ profile: 'role' }, baseEnv(home), home.dir);

    expect(r.source).toBe('profile "role" (RamRoleArn) in ~/.aliyun/config.json');
    expect(r.roleArn).toBe(ROLE_ARN);
    expect(r.stsEndpoint).toBe('sts.aliyuncs.com');
    expect(r.accessKeyIdMasked).toBeUndefined();
    expect(net.attempts).toEqual([]);
  });

  it('takes the STS region and VPC choice for a role from the environment', async () => {
    const regional = baseEnv(home, { ALIBABA_CLOUD_STS_REGION: 'cn-shanghai' });
    const vpc = { ...regional, ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: 'true' };

    expect((await resolveCredentials({ profile: 'role' }, regional, home.dir)).stsEndpoint)
      .toBe('sts.cn-shanghai.aliyuncs.com');
    expect((await resolveCredentials({ profile: 'role' }, vpc, home.dir)).stsEndpoint)
      .toBe('sts-vpc.cn-shanghai.aliyuncs.com');
  });

  it("assumes the role at the profile's sts_endpoint and reports a failure without the secret",
    async () => {
      const loopback = { ...PROFILES[2], name: 'local-sts', sts_endpoint: '127.0.0.1:1' };
      await home.writeCli({ current: 'default', profiles: [...PROFILES, loopback] });
      const r = await resolveCredentials({ profile: 'local-sts' }, baseEnv(home), home.dir);
      expect(r.stsEndpoint).toBe('127.0.0.1:1');

      const failure = await values(r).catch((err: unknown) => err);

      expect(net.attempts).toHaveLength(1);
      expect(net.attempts).toEqual(['https 127.0.0.1/']);
      expect(failure).toMatchObject({ code: 'CREDENTIALS_UNAVAILABLE', exitStatus: 3 });
      expect(String((failure as Error).message)).toContain('profile "local-sts"');
      expect(String((failure as Error).message)).not.toContain(AK.secret);
    });

  it('chains a ChainableRamRoleArn profile to its source_profile', async () => {
    const r = await resolveCredentials({ profile: 'chain' }, baseEnv(home), home.dir);

    expect(r.source).toBe('profile "chain" (ChainableRamRoleArn) in ~/.aliyun/config.json');
    expect(r.roleArn).toBe(ROLE_ARN);
    expect(r.profileRegion).toBe('cn-qingdao');
    expect(net.attempts).toEqual([]);
  });

  it('resolves an EcsRamRole profile without asking the metadata service yet', async () => {
    const env = { HOME: home.dir };
    const r = await resolveCredentials({ profile: 'ecs' }, env, home.dir);

    expect(r.source).toBe('profile "ecs" (EcsRamRole) in ~/.aliyun/config.json');
    expect(r.profileRegion).toBe('cn-shenzhen');
    expect(net.attempts).toEqual([]);
  });

  it('resolves a CredentialsURI profile, which the library does not read from config.json',
    async () => {
      const r = await resolveCredentials({ profile: 'uri' }, baseEnv(home), home.dir);

      expect(r.source).toBe('profile "uri" (CredentialsURI) in ~/.aliyun/config.json');
      expect(net.attempts).toEqual([]);
    });
});

describe('environment variables', () => {
  const keys = {
    ALIBABA_CLOUD_ACCESS_KEY_ID: ENV_AK.id,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: ENV_AK.secret,
  };

  it('come before the CLI profile, whose region still serves as the default', async () => {
    const r = await resolveCredentials({}, baseEnv(home, keys), home.dir);

    expect(r.source).toBe('environment variables');
    expect(r.profile).toBeUndefined();
    expect(r.profileRegion).toBe('cn-hangzhou');
    const named = await resolveCredentials({},
      { ...baseEnv(home, keys), ALIBABA_CLOUD_PROFILE: 'sts' }, home.dir);
    expect(named.profileRegion).toBe('cn-beijing');
    expect(await values(r)).toEqual({ id: ENV_AK.id, secret: ENV_AK.secret, token: undefined });
  });

  it('take the optional ALIBABA_CLOUD_SECURITY_TOKEN', async () => {
    const env = baseEnv(home, { ...keys, ALIBABA_CLOUD_SECURITY_TOKEN: ENV_AK.token });
    const r = await resolveCredentials({}, env, home.dir);

    expect(r.source).toContain('ALIBABA_CLOUD_SECURITY_TOKEN');
    expect(await values(r)).toEqual({ id: ENV_AK.id, secret: ENV_AK.secret, token: ENV_AK.token });
  });

  it('give way to an explicit --profile', async () => {
    const r = await resolveCredentials({ profile: 'sts' }, baseEnv(home, keys), home.dir);

    expect(r.profile).toBe('sts');
    expect((await values(r)).id).toBe(STS.id);
  });

  it('count as unset when empty', async () => {
    const env = baseEnv(home, {
      ALIBABA_CLOUD_ACCESS_KEY_ID: '',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: '',
      ALIBABA_CLOUD_SECURITY_TOKEN: '',
      ALIBABA_CLOUD_PROFILE: '',
    });
    const r = await resolveCredentials({}, env, home.dir);

    expect(r.source).toBe('profile "default" (AK) in ~/.aliyun/config.json');
  });

  it('select an OIDC role ahead of the CLI profile, but behind a static key', async () => {
    const tokenFile = await home.writeRaw('oidc-token', 'eyJhbGciOi.fixture.token');
    const oidc = {
      ALIBABA_CLOUD_ROLE_ARN: ROLE_ARN,
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'acs:ram::1234567890123456:oidc-provider/ack',
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile,
    };

    const r = await resolveCredentials({}, baseEnv(home, oidc), home.dir);
    const withKey = await resolveCredentials({}, baseEnv(home, { ...oidc, ...keys }), home.dir);

    expect(r.source).toBe(`OIDC role ${ROLE_ARN} (environment variables)`);
    expect(r.stsEndpoint).toBe('sts.aliyuncs.com');
    expect(withKey.source).toBe('environment variables');
    expect(net.attempts).toEqual([]);
  });
});

describe('the ini credentials file', () => {
  it('supplies [default] when there is no config.json', async () => {
    const bare = await makeHome();
    await bare.writeIni(INI);
    try {
      const r = await resolveCredentials({}, baseEnv(bare), bare.dir);

      expect(r.source).toBe('profile "default" (access_key) in ~/.alibabacloud/credentials');
      expect(r.accessKeyIdMasked).toBe('LTAI****ini9');
      expect(await values(r)).toEqual({ id: INI_AK.id, secret: INI_AK.secret, token: undefined });
    } finally {
      await bare.remove();
    }
  });

  it('is found through ALIBABA_CLOUD_CREDENTIALS_FILE', async () => {
    const bare = await makeHome();
    const path = await bare.writeRaw('elsewhere/creds.ini', INI);
    try {
      const env = baseEnv(bare, { ALIBABA_CLOUD_CREDENTIALS_FILE: path });
      const r = await resolveCredentials({}, env, bare.dir);

      expect(r.source).toBe(
        'profile "default" (access_key) in ~/elsewhere/creds.ini');
    } finally {
      await bare.remove();
    }
  });

  it('answers for a profile name that config.json does not have', async () => {
    const r = await resolveCredentials({ profile: 'ini-role' }, baseEnv(home), home.dir);

    expect(r.source).toBe('profile "ini-role" (ram_role_arn) in ~/.alibabacloud/credentials');
    expect(r.roleArn).toBe(ROLE_ARN);
  });

  it('is skipped while config.json has a current profile', async () => {
    const r = await resolveCredentials({}, baseEnv(home), home.dir);

    expect(r.source).toContain('config.json');
  });
});

describe('ALIBABA_CLOUD_CREDENTIALS_URI', () => {
  it('is the last source, shown without its query string', async () => {
    const bare = await makeHome();
    try {
      const env = baseEnv(bare, {
        ALIBABA_CLOUD_CREDENTIALS_URI: 'http://127.0.0.1:9/v1/creds?token=hidden-part',
      });
      const r = await resolveCredentials({}, env, bare.dir);

      expect(r.source).toBe(
        'credentials URI http://127.0.0.1:9/v1/creds (ALIBABA_CLOUD_CREDENTIALS_URI)');
      expect(r.source).not.toContain('hidden-part');
      expect(net.attempts).toEqual([]);
    } finally {
      await bare.remove();
    }
  });
});
