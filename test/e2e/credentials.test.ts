/**
 * Where the built binary takes its credentials, region and endpoint from, shown by what reaches
 * a sandbox started here: the key id each request was signed with and the sha256 of the token it
 * carried, as the sandbox logs them. Every run loads a recorder that refuses and records any
 * connection off loopback.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunResult, Workspace } from './harness.js';
import { Bench, INSTANCE, fullHome, KEYS, ROLE_ARN, envKey, sha256, writeCliConfig, writeIni,
  type Key, type KeyedSandbox } from './s-home.js';
import { startRelay } from './s-proxy.js';
import { startCredentialsServer } from './s-uri.js';

const bench = new Bench();
const GROUP = ['--group', 'kafka-test'];
const sandboxes = new Map<Key, KeyedSandbox>();
/** A HOME with a profile of every mode; `current` names config.json's current profile. */
const home = (current?: string) => fullHome(bench, current);

/** The sandbox that accepts `key`, one per key for the whole file. */
async function sandboxFor(key: Key): Promise<KeyedSandbox> {
  const found = sandboxes.get(key);
  if (found) return found;
  const started = await bench.sandbox(key);
  sandboxes.set(key, started);
  return started;
}

/** Runs `describe` against the sandbox of `key`; returns the result and the calls it logged. */
async function describeAgainst(ws: Workspace, key: Key, extra: string[] = [],
  env: NodeJS.ProcessEnv = {}, withRegion = true) {
  const sb = await sandboxFor(key);
  const before = (await sb.log()).length;
  const result = await bench.run(ws, ['describe', ...GROUP, ...sb.args(withRegion), ...extra],
    env);
  return { result, calls: (await sb.log()).slice(before) };
}

function signer(calls: { accessKeyId: string | null; securityTokenSha256?: string }[]) {
  expect(calls.length).toBeGreaterThan(0);
  return {
    ids: [...new Set(calls.map((c) => c.accessKeyId))],
    tokens: [...new Set(calls.map((c) => c.securityTokenSha256 ?? null))],
  };
}

function ok(result: RunResult): void {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

beforeEach(() => bench.net.clear());

afterEach(() => {
  // Whatever a test did, nothing may have tried to leave loopback.
  expect(bench.net.attempts().filter((a) => a.blocked)).toEqual([]);
});

afterAll(() => bench.close());

describe('which key signs the requests', () => {
  it('signs with the key of the AK profile named by --profile', async () => {
    const { result, calls } = await describeAgainst(home('sts'), KEYS.profileAk,
      ['--profile', 'ak']);

    ok(result);
    expect(signer(calls)).toEqual({ ids: [KEYS.profileAk.id], tokens: [null] });
  });

  it('sends the StsToken profile\'s token in x-acs-security-token', async () => {
    const sb = await sandboxFor(KEYS.profileSts);
    const relay = await startRelay(sb.handle.url);
    bench.onClose(() => relay.close());
    const before = (await sb.log()).length;

    const result = await bench.run(home(), ['describe', ...GROUP, '--profile', 'sts',
      '--endpoint', relay.url, '--instance', INSTANCE, '--region', 'cn-hangzhou']);

    ok(result);
    const calls = (await sb.log()).slice(before);
    expect(signer(calls)).toEqual({ ids: [KEYS.profileSts.id],
      tokens: [sha256(KEYS.profileSts.token)] });
    expect(calls.every((c) => c.signatureVersion === 'v3')).toBe(true);
    expect(new Set(relay.seen.map((s) => s.tokenHeader))).toEqual(new Set([KEYS.profileSts.token]));
  });

  it('takes the profile from ALIBABA_CLOUD_PROFILE when --profile is absent', async () => {
    const { result, calls } = await describeAgainst(home('ak'), KEYS.profileSts, [],
      { ALIBABA_CLOUD_PROFILE: 'sts' });

    ok(result);
    expect(signer(calls).ids).toEqual([KEYS.profileSts.id]);
  });

  it("takes config.json's current profile when nothing else names one", async () => {
    const { result, calls } = await describeAgainst(home('sts'), KEYS.profileSts);

    ok(result);
    expect(signer(calls)).toEqual({ ids: [KEYS.profileSts.id],
      tokens: [sha256(KEYS.profileSts.token)] });
  });

  it('prefers the environment variables to the files when no profile is named', async () => {
    const env = { ...envKey(KEYS.env), ALIBABA_CLOUD_PROFILE: 'ak' };
    const { result, calls } = await describeAgainst(home('sts'), KEYS.env, [], env);

    ok(result);
    expect(signer(calls)).toEqual({ ids: [KEYS.env.id], tokens: [sha256(KEYS.env.token)] });
  });

  it('prefers --profile to the environment variables', async () => {
    const { result, calls } = await describeAgainst(home(), KEYS.profileAk,
      ['--profile', 'ak'], envKey(KEYS.env));

    ok(result);
    expect(signer(calls)).toEqual({ ids: [KEYS.profileAk.id], tokens: [null] });
  });

  it('falls back to the [default] section of ~/.alibabacloud/credentials', async () => {
    const ws = bench.workspace();
    writeIni(ws.home, `[default]\ntype = access_key\naccess_key_id = ${KEYS.ini.id}\n` +
      `access_key_secret = ${KEYS.ini.secret}\n`);
    const { result, calls } = await describeAgainst(ws, KEYS.ini);

    ok(result);
    expect(signer(calls).ids).toEqual([KEYS.ini.id]);
  });

  it('finds a --profile name among the ini sections too', async () => {
    const { result, calls } = await describeAgainst(home(), KEYS.ini,
      ['--profile', 'ini-named']);

    ok(result);
    expect(signer(calls).ids).toEqual([KEYS.ini.id]);
  });

  it('treats empty credential variables as unset', async () => {
    const empty = { ALIBABA_CLOUD_ACCESS_KEY_ID: '', ALIBABA_CLOUD_ACCESS_KEY_SECRET: '',
      ALIBABA_CLOUD_SECURITY_TOKEN: '', ALIBABA_CLOUD_PROFILE: '' };
    const { result, calls } = await describeAgainst(home('ak'), KEYS.profileAk, [], empty);

    ok(result);
    expect(signer(calls)).toEqual({ ids: [KEYS.profileAk.id], tokens: [null] });
  });

  it('refuses an id whose secret variable is empty, naming the empty one', async () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.env.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: '' };
    const { result, calls } = await describeAgainst(home(), KEYS.env, [], env);

    expect(result.status).toBe(3);
    expect(result.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET');
    expect(calls).toEqual([]);
  });
});

describe('the region of a profile', () => {
  it("sends the profile's region_id as RegionId when --region is absent", async () => {
    const env = { ALIBABA_CLOUD_REGION_ID: 'cn-beijing' };
    const near = await describeAgainst(home(), KEYS.profileAk, ['--profile', 'ak'], env, false);
    const far = await describeAgainst(home(), KEYS.profileAk, ['--profile', 'far'], env,
      false);

    ok(near.result);
    expect(new Set(near.calls.map((c) => c.params.RegionId))).toEqual(new Set(['cn-hangzhou']));
    // The sandbox holds its instance in cn-hangzhou only, so the other region is refused there.
    expect(far.result.status).toBe(1);
    expect(far.result.stderr).toContain('Instance.NotFound');
    expect(new Set(far.calls.map((c) => c.params.RegionId))).toEqual(new Set(['cn-shanghai']));
  });
});

describe('profiles that cannot be used', () => {
  it('lists the existing profiles when the named one is missing (exit 3)', async () => {
    const { result, calls } = await describeAgainst(home(), KEYS.profileAk,
      ['--profile', 'nope']);

    expect(result.status).toBe(3);
    expect(result.stderr).toContain('profile "nope"');
    for (const name of ['ak', 'sts', 'role', 'ecs', 'default', 'ini-named']) {
      expect(result.stderr).toContain(name);
    }
    expect(calls).toEqual([]);
  });

  it('refuses a mode it cannot use, listing the supported ones (exit 3)', async () => {
    const { result, calls } = await describeAgainst(home(), KEYS.profileAk,
      ['--profile', 'sso', '--output', 'json']);

    expect(result.status).toBe(3);
    const error = JSON.parse(result.stdout).error;
    expect(error.code).toBe('PROFILE_MODE_UNSUPPORTED');
    expect(error.message).toContain('CloudSSO');
    expect(error.message).toContain('AK, StsToken');
    expect(calls).toEqual([]);
  });

  it('refuses a profile with empty keys (exit 3)', async () => {
    const { result, calls } = await describeAgainst(home(), KEYS.profileAk,
      ['--profile', 'blank']);

    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/profile "blank" \(AK\).* has no access_key_id/);
    expect(calls).toEqual([]);
  });

  it('lists every way to give credentials when there are none (exit 3)', async () => {
    const ws = bench.workspace();
    const text = await bench.run(ws, ['describe', ...GROUP, '--instance', INSTANCE]);
    const json = await bench.run(ws, ['describe', ...GROUP, '--instance', INSTANCE,
      '--output', 'json']);

    expect(text.status).toBe(3);
    for (const way of ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'aliyun configure',
      '~/.alibabacloud/credentials', 'ALIBABA_CLOUD_CREDENTIALS_URI', '--sandbox']) {
      expect(text.stderr).toContain(way);
    }
    expect(json.status).toBe(3);
    const error = JSON.parse(json.stdout).error;
    expect(error.code).toBe('NO_CREDENTIALS');
    expect(error.details.tried).toContain(
      'ECS instance role: disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED');
  });

  it('asks no metadata service with ALIBABA_CLOUD_ECS_METADATA_DISABLED=true', async () => {
    // A role name alone would select the instance role; the switch still wins.
    const result = await bench.run(bench.workspace(), ['config', 'show', '--region',
      'cn-hangzhou'], { ALIBABA_CLOUD_ECS_METADATA: 'kafka-ecs-role' });

    expect(result.status).toBe(3);
    expect(result.stderr).toContain('no credentials found');
    expect(bench.net.attempts()).toEqual([]);
  });
});

describe('sources that fetch their key', () => {
  it('shows a RamRoleArn profile\'s role and STS host without sending anything', async () => {
    const result = await bench.run(home(), ['config', 'show', '--profile', 'role',
      '--region', 'cn-hangzhou', '--output', 'json']);

    ok(result);
    const shown = JSON.parse(result.stdout).credentials;
    expect(shown.source).toBe('profile "role" (RamRoleArn) in ~/.aliyun/config.json');
    expect(shown.roleArn).toBe(ROLE_ARN);
    expect(shown.stsEndpoint).toMatch(/^sts\./);
    expect(bench.net.attempts()).toEqual([]);
  });

  it('names an EcsRamRole profile and refuses it while metadata is disabled', async () => {
    const result = await bench.run(home(), ['config', 'show', '--profile', 'ecs']);

    expect(result.status).toBe(3);
    expect(result.stderr).toContain('profile "ecs" (EcsRamRole)');
    expect(result.stderr).toContain('ALIBABA_CLOUD_ECS_METADATA_DISABLED');
    expect(bench.net.attempts()).toEqual([]);
  });

  it('signs with the key a CredentialsURI profile fetched from its URI', async () => {
    const server = await startCredentialsServer(KEYS.uri);
    bench.onClose(() => server.close());
    const ws = bench.workspace();
    const uri = `${server.url}/creds?ticket=ToKeN-77ab-query`;
    writeCliConfig(ws.home, [{ name: 'uri', mode: 'CredentialsURI', credentials_uri: uri }]);

    const shown = await bench.run(ws, ['config', 'show', '--profile', 'uri',
      '--region', 'cn-hangzhou']);
    const { result, calls } = await describeAgainst(ws, KEYS.uri, ['--profile', 'uri']);

    ok(shown);
    expect(shown.stdout).toContain('profile "uri" (CredentialsURI)');
    ok(result);
    expect(server.requests).toEqual(['/creds?ticket=ToKeN-77ab-query']);
    expect(signer(calls)).toEqual({ ids: [KEYS.uri.id], tokens: [sha256(KEYS.uri.token)] });
    expect(shown.stdout + result.stdout).not.toContain('ToKeN-77ab');
    // The recorder sees connections, so the empty lists of the other tests mean something.
    const ports = bench.net.attempts().map((a) => a.port);
    expect(ports).toContain(Number(new URL(server.url).port));
  });

  it('uses ALIBABA_CLOUD_CREDENTIALS_URI when no other source is there', async () => {
    const server = await startCredentialsServer(KEYS.uri);
    bench.onClose(() => server.close());
    const ws = bench.workspace();
    const env = { ALIBABA_CLOUD_CREDENTIALS_URI: `${server.url}/role` };

    const shown = await bench.run(ws, ['config', 'show', '--region', 'cn-hangzhou'], env);
    const { result, calls } = await describeAgainst(ws, KEYS.uri, [], env);

    ok(shown);
    expect(shown.stdout).toContain(`credentials URI ${server.url}/role`);
    ok(result);
    expect(signer(calls).ids).toEqual([KEYS.uri.id]);
  });
});

describe('regions and endpoints', () => {
  it('refuses an unknown region with the closest known ones (exit 2)', async () => {
    const result = await bench.run(home(), ['describe', ...GROUP, '--instance', INSTANCE,
      '--region', 'cn-hangzou']);

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/region "cn-hangzou".*closest known: cn-hangzhou/);
  });

  it('lets any region through when --endpoint is given', async () => {
    const { result, calls } = await describeAgainst(home(), KEYS.profileAk,
      ['--profile', 'ak', '--region', 'xx-nowhere-9'], {}, false);

    // Sent as asked; the sandbox knows its instance in cn-hangzhou only.
    expect(result.stderr).toContain('Instance.NotFound');
    expect(calls.map((c) => c.params.RegionId)).toEqual(['xx-nowhere-9']);
  });

  it('refuses a regional --endpoint of another region than --region (exit 2)', async () => {
    const result = await bench.run(home(), ['describe', ...GROUP, '--instance', INSTANCE,
      '--region', 'cn-hangzhou', '--endpoint', 'alikafka.cn-beijing.aliyuncs.com']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('serves cn-beijing');
    expect(bench.net.attempts()).toEqual([]);
  });
});
