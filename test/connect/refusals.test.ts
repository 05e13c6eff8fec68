import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../src/connect/index.js';
import { CredentialsError } from '../../src/errors.js';
import {
  AK, ALL_SECRETS, ENV_AK, INI, PROFILES, ROLE_ARN, baseEnv, guardNetwork, makeHome, type Home,
} from './fixtures.js';

let home: Home;
let net: ReturnType<typeof guardNetwork>;

beforeEach(async () => {
  home = await makeHome();
  net = guardNetwork();
});

afterEach(async () => {
  net.restore();
  expect(net.attempts).toEqual([]);
  await home.remove();
});

/** The refusal, checked for the exit status and for every fixture secret. */
async function refusal(promise: Promise<unknown>): Promise<CredentialsError> {
  const err = await promise.then(
    () => { throw new Error('expected a refusal'); },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CredentialsError);
  const e = err as CredentialsError;
  expect(e.exitStatus).toBe(3);
  const shown = `${e.message}\n${e.hint ?? ''}\n${JSON.stringify(e.details ?? {})}`;
  for (const secret of ALL_SECRETS) expect(shown).not.toContain(secret);
  return e;
}

const cli = (profiles: unknown[], current = 'default') => home.writeCli({ current, profiles });

describe('environment variables', () => {
  it('refuses a key id without its secret, naming the missing variable', async () => {
    const env = baseEnv(home, { ALIBABA_CLOUD_ACCESS_KEY_ID: ENV_AK.id });
    const e = await refusal(resolveCredentials({}, env, home.dir));

    expect(e.code).toBe('ENV_CREDENTIALS_INCOMPLETE');
    expect(e.message).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET is not');
  });

  it('refuses a secret without its key id, without echoing the secret', async () => {
    const env = baseEnv(home, {
      ALIBABA_CLOUD_ACCESS_KEY_ID: '',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: ENV_AK.secret,
    });
    const e = await refusal(resolveCredentials({}, env, home.dir));

    expect(e.message).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID is not');
  });

  it('refuses OIDC variables that are only partly set', async () => {
    const env = baseEnv(home, { ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'acs:ram::1:oidc-provider/x' });
    const e = await refusal(resolveCredentials({}, env, home.dir));

    expect(e.code).toBe('OIDC_INCOMPLETE');
    expect(e.message).toContain('missing: ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE');
  });

  it('refuses an OIDC token file that does not exist', async () => {
    const env = baseEnv(home, {
      ALIBABA_CLOUD_ROLE_ARN: ROLE_ARN,
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'acs:ram::1:oidc-provider/x',
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: join(home.dir, 'no-token'),
    });
    expect((await refusal(resolveCredentials({}, env, home.dir))).code)
      .toBe('OIDC_TOKEN_FILE_MISSING');
  });

  it('refuses a credentials URI that is not http(s)', async () => {
    const env = baseEnv(home, { ALIBABA_CLOUD_CREDENTIALS_URI: 'file:///etc/creds' });
    expect((await refusal(resolveCredentials({}, env, home.dir))).code)
      .toBe('CREDENTIALS_URI_INVALID');
  });
});

describe('profiles', () => {
  it('refuses a profile that does not exist, listing those that do', async () => {
    await cli(PROFILES);
    await home.writeIni(INI);
    const e = await refusal(resolveCredentials({ profile: 'prod' }, baseEnv(home), home.dir));

    expect(e.code).toBe('PROFILE_NOT_FOUND');
    expect(e.message).toContain('profile "prod" (from --profile) does not exist');
    expect(e.message).toContain('it has: default, sts, role, ecs, chain, uri, sso, empty');
    expect(e.message).toContain('ini-role');
  });

  it('refuses ALIBABA_CLOUD_PROFILE naming a missing profile, saying where it came from',
    async () => {
      await cli(PROFILES);
      const env = baseEnv(home, { ALIBABA_CLOUD_PROFILE: 'gone' });
      const e = await refusal(resolveCredentials({}, env, home.dir));

      expect(e.message).toContain('"gone" (from ALIBABA_CLOUD_PROFILE)');
      expect(e.message).toContain('~/.alibabacloud/credentials (not found)');
    });

  it('refuses a current profile that points nowhere', async () => {
    await cli(PROFILES, 'staging');
    const e = await refusal(resolveCredentials({}, baseEnv(home), home.dir));

    expect(e.message).toContain('has current profile "staging", which does not exist');
    expect(e.hint).toContain('--profile');
  });

  it('refuses a mode it cannot use, listing the supported ones', async () => {
    await cli(PROFILES);
    const e = await refusal(resolveCredentials({ profile: 'sso' }, baseEnv(home), home.dir));

    expect(e.code).toBe('PROFILE_MODE_UNSUPPORTED');
    expect(e.message).toContain('mode "CloudSSO"');
    expect(e.message).toContain(
      'AK, StsToken, RamRoleArn, EcsRamRole, ChainableRamRoleArn, CredentialsURI');
  });

  it('refuses a profile with empty keys instead of borrowing the environment', async () => {
    await cli(PROFILES);
    const env = baseEnv(home, { ALIBABA_CLOUD_ACCESS_KEY_ID: '', ALIBABA_CLOUD_ACCESS_KEY_SECRET:
      ENV_AK.secret });
    const e = await refusal(resolveCredentials({ profile: 'empty' }, env, home.dir));

    expect(e.code).toBe('PROFILE_INCOMPLETE');
    expect(e.message).toBe(
      'profile "empty" (AK) in ~/.aliyun/config.json has no access_key_id, which that mode needs');
  });

  it('refuses a role profile without ram_role_arn', async () => {
    const { ram_role_arn: _, ...noArn } = PROFILES[2] as Record<string, unknown>;
    await cli([noArn]);
    const e = await refusal(resolveCredentials({ profile: 'role' }, baseEnv(home), home.dir));

    expect(e.message).toContain('has no ram_role_arn');
  });

  it('refuses a role session shorter than 900 seconds', async () => {
    await cli([{ ...PROFILES[2], expired_seconds: 60 }]);
    const e = await refusal(resolveCredentials({ profile: 'role' }, baseEnv(home), home.dir));

    expect(e.code).toBe('PROFILE_INVALID');
    expect(e.message).toContain('expired_seconds 60; expected whole seconds, at least 900');
  });

  it('refuses source_profile chains that loop', async () => {
    await cli([
      { name: 'a', mode: 'ChainableRamRoleArn', source_profile: 'b', ram_role_arn: ROLE_ARN },
      { name: 'b', mode: 'ChainableRamRoleArn', source_profile: 'a', ram_role_arn: ROLE_ARN },
    ], 'a');
    const e = await refusal(resolveCredentials({}, baseEnv(home), home.dir));

    expect(e.code).toBe('PROFILE_CHAIN_LOOP');
    expect(e.message).toContain('a → b → a');
  });

  it('refuses an EcsRamRole profile while the metadata service is disabled', async () => {
    await cli(PROFILES);
    const e = await refusal(resolveCredentials({ profile: 'ecs' }, baseEnv(home), home.dir));

    expect(e.code).toBe('METADATA_DISABLED');
  });

  it('refuses an ini type it cannot use', async () => {
    await home.writeIni(INI);
    const env = baseEnv(home, { ALIBABA_CLOUD_PROFILE: 'bearer' });
    const e = await refusal(resolveCredentials({}, env, home.dir));

    expect(e.message).toContain('type "bearer"');
    expect(e.message).toContain('access_key, ecs_ram_role, ram_role_arn');
  });

  it('refuses an empty --profile', async () => {
    await cli(PROFILES);
    expect((await refusal(resolveCredentials({ profile: ' ' }, baseEnv(home), home.dir))).message)
      .toContain('empty name');
  });
});

describe('files', () => {
  it('refuses malformed JSON without quoting the file, secret included', async () => {
    const path = await home.writeRaw('.aliyun/config.json',
      `{\n  "current": "default",\n  "profiles": [{ "access_key_secret": "${AK.secret}" x }]\n}`);
    const e = await refusal(resolveCredentials({}, baseEnv(home), home.dir));

    expect(e.code).toBe('CREDENTIALS_FILE_MALFORMED');
    expect(e.message).toMatch(
      /^~\/\.aliyun\/config\.json is not valid JSON( \(line 3, column \d+\))?$/);
    expect(e.cause).toBeUndefined();
    expect(path).toContain(home.dir);
  });

  it('refuses a config.json without a profiles list', async () => {
    await home.writeCli({ current: 'default' });
    expect((await refusal(resolveCredentials({}, baseEnv(home), home.dir))).message)
      .toContain('has no "profiles" list');
  });

  it('refuses a config.json that cannot be read', async () => {
    await mkdir(join(home.dir, '.aliyun', 'config.json'), { recursive: true });
    const e = await refusal(resolveCredentials({}, baseEnv(home), home.dir));

    expect(e.code).toBe('CREDENTIALS_FILE_UNREADABLE');
    expect(e.message).toBe('cannot read ~/.aliyun/config.json (EISDIR)');
  });

  it('refuses ALIBABA_CLOUD_CREDENTIALS_FILE naming a missing file', async () => {
    const env = baseEnv(home, { ALIBABA_CLOUD_CREDENTIALS_FILE: join(home.dir, 'nope') });
    expect((await refusal(resolveCredentials({}, env, home.dir))).code)
      .toBe('CREDENTIALS_FILE_MISSING');
  });
});

describe('no credentials anywhere', () => {
  it('lists the ways to provide them and what was tried', async () => {
    const e = await refusal(resolveCredentials({}, baseEnv(home), home.dir));

    expect(e.code).toBe('NO_CREDENTIALS');
    expect(e.hint).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET');
    expect(e.hint).toContain('aliyun configure');
    expect(e.hint).toContain('--sandbox');
    expect(e.details?.tried).toContain(
      'ECS instance role: disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED');
  });

  it('treats a config.json with no profiles as nothing configured', async () => {
    await cli([], '');
    expect((await refusal(resolveCredentials({}, baseEnv(home), home.dir))).code)
      .toBe('NO_CREDENTIALS');
  });
});
