import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { register } from '../../src/commands/config.js';
import { run } from '../../src/connect/show.js';
import { SANDBOX_ACCESS_KEY_SECRET } from '../../src/sandbox/constants.js';
import {
  ALL_SECRETS, ENV_AK, PROFILES, ROLE_ARN, baseEnv, fakeContext, guardNetwork, makeHome,
  type FakeContext, type Home,
} from './fixtures.js';

let home: Home;
let net: ReturnType<typeof guardNetwork>;

beforeEach(async () => {
  home = await makeHome();
  await home.writeCli({ current: 'default', profiles: PROFILES });
  net = guardNetwork();
});

afterEach(async () => {
  net.restore();
  expect(net.attempts).toEqual([]);
  await home.remove();
});

function expectNoSecret(ctx: FakeContext): void {
  for (const secret of [...ALL_SECRETS, SANDBOX_ACCESS_KEY_SECRET]) {
    expect(ctx.out()).not.toContain(secret);
    expect(ctx.err()).not.toContain(secret);
  }
}

const envKeys = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: ENV_AK.id,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: ENV_AK.secret,
  ALIBABA_CLOUD_SECURITY_TOKEN: ENV_AK.token,
};

describe('config show', () => {
  it('prints the source, masked key, profile, region and endpoint as text', async () => {
    const ctx = fakeContext(baseEnv(home));
    const status = await run({ profile: 'sts' }, ctx, []);

    expect(status).toBe(0);
    expect(ctx.out()).toBe([
      'Credentials  profile "sts" (StsToken) in ~/.aliyun/config.json',
      'Access key   STS.****wxyz',
      'Profile      sts',
      "Region       cn-beijing (from the profile's region_id)",
      "Endpoint     https://alikafka.cn-beijing.aliyuncs.com (the SDK's endpoint for cn-beijing)",
      '',
    ].join('\n'));
    expectNoSecret(ctx);
  });

  it('writes one JSON document with schemaVersion 1', async () => {
    const ctx = fakeContext(baseEnv(home, envKeys), 'json');
    await run({ region: 'cn-shanghai' }, ctx, []);
    const doc = JSON.parse(ctx.out());

    expect(doc).toMatchObject({
      schemaVersion: 1,
      command: 'config show',
      ok: true,
      sandbox: false,
      credentials: {
        source: 'environment variables (with ALIBABA_CLOUD_SECURITY_TOKEN)',
        profile: null,
        accessKeyId: 'LTAI****env1',
      },
      region: { id: 'cn-shanghai', from: '--region' },
      endpoint: { url: 'https://alikafka.cn-shanghai.aliyuncs.com', protocol: 'HTTPS' },
    });
    expect(ctx.err()).toBe('');
    expectNoSecret(ctx);
  });

  it('never prints the secret or token in text either', async () => {
    const ctx = fakeContext(baseEnv(home, envKeys));
    await run({ region: 'cn-shanghai' }, ctx, []);

    expect(ctx.out()).toContain('LTAI****env1');
    expectNoSecret(ctx);
  });

  it('shows the role a RamRoleArn profile assumes and that its key comes later', async () => {
    const ctx = fakeContext(baseEnv(home));
    await run({ profile: 'role' }, ctx, []);

    expect(ctx.out()).toContain('Access key   known only once fetched, at the first call');
    expect(ctx.out()).toContain(`Role         ${ROLE_ARN}, assumed through sts.aliyuncs.com`);
    expectNoSecret(ctx);
  });

  it('shows a given endpoint and the plain HTTP it asks for', async () => {
    const ctx = fakeContext(baseEnv(home), 'json');
    await run({ endpoint: 'http://127.0.0.1:8089', region: 'cn-hangzhou' }, ctx, []);

    expect(JSON.parse(ctx.out()).endpoint).toEqual({
      url: 'http://127.0.0.1:8089', host: '127.0.0.1:8089', protocol: 'HTTP', from: '--endpoint',
    });
  });

  it('says the sandbox and its own key would be used, reading no credentials', async () => {
    const empty = await makeHome();
    try {
      const ctx = fakeContext(baseEnv(empty));
      await run({ sandbox: true, profile: 'prod' }, ctx, []);

      expect(ctx.out()).toContain("the in-process sandbox's own access key");
      expect(ctx.out()).toContain('Access key   LTAI****0001');
      expect(ctx.out()).toContain("Region       cn-hangzhou (the sandbox's)");
      expect(ctx.out()).toContain('note: --profile is ignored with --sandbox');
      expectNoSecret(ctx);
    } finally {
      await empty.remove();
    }
  });

  it('fails as a command would when no region can be found', async () => {
    const ctx = fakeContext({ ...baseEnv(home, envKeys), ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true' });
    const err = await run({}, ctx, []).catch((e: unknown) => e);

    expect(err).toMatchObject({ code: 'REGION_MISSING', exitStatus: 2 });
    expect(ctx.out()).toBe('');
  });

  it('fails with exit status 3 when the credentials are unusable', async () => {
    const ctx = fakeContext(baseEnv(home));
    const err = await run({ profile: 'empty' }, ctx, []).catch((e: unknown) => e);

    expect(err).toMatchObject({ code: 'PROFILE_INCOMPLETE', exitStatus: 3 });
  });
});

describe('register', () => {
  it('adds config show with the connection options', () => {
    const program = new Command('alikafka-offsets');
    register(program);
    const show = program.commands.find((c) => c.name() === 'config')
      ?.commands.find((c) => c.name() === 'show');

    expect(show?.options.map((o) => o.long)).toEqual(
      ['--profile', '--region', '--endpoint', '--sandbox', '--instance', '--group']);
    expect(show?.helpInformation()).toContain('which credential source');
  });
});
