/** A temporary HOME with the CLI's config.json and the ini credentials file, and fake streams. */
import http from 'node:http';
import https from 'node:https';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../../src/context.js';

export const AK = {
  id: 'LTAI5tFixtureKeyId00abcd',
  secret: 'FixtureSecretValue0123456789xyz',
};
export const STS = {
  id: 'STS.NFixtureStsKeyId0wxyz',
  secret: 'FixtureStsSecret9876543210abc',
  token: 'FixtureSecurityTokenCAIS0123456789',
};
export const ENV_AK = {
  id: 'LTAI5tEnvironmentKey0env1',
  secret: 'EnvironmentSecretValue00112233',
  token: 'EnvironmentSecurityToken445566',
};
export const INI_AK = {
  id: 'LTAI5tIniFileKeyId000ini9',
  secret: 'IniFileSecretValue55667788',
};

/** Every secret the fixtures hold, for "never printed" checks. */
export const ALL_SECRETS = [AK.secret, STS.secret, STS.token, ENV_AK.secret, ENV_AK.token,
  INI_AK.secret];

export const ROLE_ARN = 'acs:ram::1234567890123456:role/kafka-ops';

export const PROFILES = [
  { name: 'default', mode: 'AK', access_key_id: AK.id, access_key_secret: AK.secret,
    region_id: 'cn-hangzhou' },
  { name: 'sts', mode: 'StsToken', access_key_id: STS.id, access_key_secret: STS.secret,
    sts_token: STS.token, region_id: 'cn-beijing' },
  { name: 'role', mode: 'RamRoleArn', access_key_id: AK.id, access_key_secret: AK.secret,
    ram_role_arn: ROLE_ARN, ram_session_name: 'ops', region_id: 'cn-shanghai' },
  { name: 'ecs', mode: 'EcsRamRole', ram_role_name: 'kafka-ecs-role', region_id: 'cn-shenzhen' },
  { name: 'chain', mode: 'ChainableRamRoleArn', source_profile: 'sts', ram_role_arn: ROLE_ARN,
    region_id: 'cn-qingdao' },
  { name: 'uri', mode: 'CredentialsURI', credentials_uri: 'http://127.0.0.1:9/creds?token=zzzz' },
  { name: 'sso', mode: 'CloudSSO', cloud_sso_sign_in_url: 'https://signin.invalid' },
  { name: 'empty', mode: 'AK', access_key_id: '', access_key_secret: '' },
];

export interface Home {
  dir: string;
  writeCli(config: unknown): Promise<void>;
  writeRaw(relative: string, text: string): Promise<string>;
  writeIni(text: string): Promise<void>;
  remove(): Promise<void>;
}

export async function makeHome(): Promise<Home> {
  const dir = await mkdtemp(join(tmpdir(), 'alikafka-connect-'));
  const writeRaw = async (relative: string, text: string) => {
    const path = join(dir, relative);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, text);
    return path;
  };
  return {
    dir,
    writeRaw,
    writeCli: async (config) => void (await writeRaw('.aliyun/config.json',
      JSON.stringify(config, null, 2))),
    writeIni: async (text) => void (await writeRaw('.alibabacloud/credentials', text)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export const INI = `; written by hand
[default]
type = access_key
access_key_id = ${INI_AK.id}
access_key_secret = ${INI_AK.secret}

[ini-role]
type = ram_role_arn
access_key_id = ${INI_AK.id}
access_key_secret = ${INI_AK.secret}
role_arn = ${ROLE_ARN}

[ini-ecs]
type = ecs_ram_role
role_name = ini-role-name

[bearer]
type = bearer
bearer_token = whatever
`;

/** The environment of every test: HOME is the temporary one, the metadata service is off. */
export function baseEnv(home: Home, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { HOME: home.dir, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', ...extra };
}

/**
 * Makes any HTTP or HTTPS request fail loudly and records it, so a test can prove that nothing
 * was sent. Restore in afterEach.
 */
export function guardNetwork(): { attempts: string[]; restore(): void } {
  const attempts: string[] = [];
  const saved = { http: http.request, https: https.request };
  const refuse = (mod: string) => ((options: { host?: string; path?: string }) => {
    // Host and path only: the query of a signed request carries the key id and signature.
    attempts.push(`${mod} ${options.host}${(options.path ?? '').replace(/\?.*$/, '')}`);
    throw new Error('a test tried to open a network connection');
  }) as typeof http.request;
  http.request = refuse('http');
  https.request = refuse('https');
  return {
    attempts,
    restore: () => {
      http.request = saved.http;
      https.request = saved.https;
    },
  };
}

export interface FakeContext extends Context {
  out(): string;
  err(): string;
}

export function fakeContext(env: NodeJS.ProcessEnv, output: 'text' | 'json' = 'text'):
FakeContext {
  let stdout = '';
  let stderr = '';
  return {
    stdout: { write: (s: string) => void (stdout += s) },
    stderr: { write: (s: string) => void (stderr += s) },
    env,
    now: () => Date.UTC(2026, 0, 1),
    sleep: async () => {},
    output,
    color: false,
    verbose: false,
    stateDir: '/nonexistent/state',
    out: () => stdout,
    err: () => stderr,
  };
}
