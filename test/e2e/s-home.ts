/**
 * Keys, credential files and keyed sandboxes for the credentials and secrets tests. Every value
 * is recognisable (`SeCrEt-9f2c…`, `ToKeN-77ab…`) so that a scan can tell it anywhere, and
 * tokens hold `+`, `/` and `=` so that their percent-encoded spellings differ from the plain one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readSandboxState, startSandbox, type LogEntry, type SandboxHandle }
  from '../../src/sandbox/index.js';
import { run, workspace, type RunResult, type Workspace } from './harness.js';
import { netRecorder, type NetRecorder } from './s-net.js';

export interface Key {
  id: string;
  secret: string;
  token?: string;
}

export const KEYS = {
  profileAk: { id: 'LTAI5tProfileAk00pa01', secret: 'SeCrEt-9f2c-profile-ak-4d1e' },
  profileSts: { id: 'STS.NProfileSts00ps02', secret: 'SeCrEt-9f2c-profile-sts-8b3a',
    token: 'ToKeN-77ab-profile+sts/Q9==' },
  env: { id: 'LTAI5tEnvironment0ev03', secret: 'SeCrEt-9f2c-environment-1c5f',
    token: 'ToKeN-77ab-env+Z/9w==' },
  ini: { id: 'LTAI5tIniFileKey00in04', secret: 'SeCrEt-9f2c-ini-file-7e2b' },
  uri: { id: 'STS.NFromUriKey000ur05', secret: 'SeCrEt-9f2c-from-uri-3a9d',
    token: 'ToKeN-77ab-uri+X/1k==' },
} satisfies Record<string, Key>;

export const INSTANCE = 'alikafka_sandbox-cn-hangzhou';
export const REGION = 'cn-hangzhou';
export const ROLE_ARN = 'acs:ram::1234567890123456:role/kafka-ops';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The variables that make `key` the environment's credentials. */
export function envKey(key: Key): NodeJS.ProcessEnv {
  return {
    ALIBABA_CLOUD_ACCESS_KEY_ID: key.id,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.secret,
    ...(key.token ? { ALIBABA_CLOUD_SECURITY_TOKEN: key.token } : {}),
  };
}

/** A config.json profile entry signing with `key`: StsToken when it has a token, else AK. */
export function keyProfile(name: string, key: Key, extra: Record<string, unknown> = {}) {
  return {
    name,
    mode: key.token ? 'StsToken' : 'AK',
    access_key_id: key.id,
    access_key_secret: key.secret,
    ...(key.token ? { sts_token: key.token } : {}),
    ...extra,
  };
}

function writeUnder(home: string, relative: string, text: string): string {
  const path = join(home, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

export function writeCliConfig(home: string, profiles: unknown[], current?: string): string {
  const doc = { ...(current ? { current } : {}), profiles };
  return writeUnder(home, '.aliyun/config.json', JSON.stringify(doc, null, 2));
}

export function writeIni(home: string, text: string): string {
  return writeUnder(home, '.alibabacloud/credentials', text);
}

export interface KeyedSandbox {
  handle: SandboxHandle;
  statePath: string;
  /** The sandbox's request log, read from its state file. */
  log(): Promise<LogEntry[]>;
  /** The connection options that reach it, with the instance and, unless false, the region. */
  args(withRegion?: boolean): string[];
}

/**
 * The workbench of one test file: a directory for sandbox state and helpers (outside every
 * HOME, so that HOMEs hold only what the tool wrote), the connection recorder, and cleanup.
 */
export class Bench {
  readonly dir = mkdtempSync(join(tmpdir(), 'alikafka-offsets-s-'));
  readonly net: NetRecorder = netRecorder(this.dir);
  private readonly closers: (() => Promise<void>)[] = [];
  private readonly dirs: string[] = [this.dir];
  private count = 0;

  /** A new HOME and state directory, with no credentials anywhere. */
  workspace(extra: NodeJS.ProcessEnv = {}): Workspace {
    const ws = workspace(extra);
    this.dirs.push(ws.home);
    return ws;
  }

  /** A sandbox on loopback that accepts only `key`; `sleep` is how its latency faults wait. */
  async sandbox(key: Key, sleep?: (ms: number) => Promise<void>): Promise<KeyedSandbox> {
    this.count += 1;
    const statePath = join(this.dir, `sandbox-${this.count}.json`);
    const handle = await startSandbox({
      host: '127.0.0.1',
      port: 0,
      statePath,
      accessKeyId: key.id,
      accessKeySecret: key.secret,
      ...(sleep ? { sleep } : {}),
    });
    this.closers.push(() => handle.close());
    return {
      handle,
      statePath,
      log: async () => (await readSandboxState(statePath)).log,
      args: (withRegion = true) => ['--endpoint', handle.url, '--instance', INSTANCE,
        ...(withRegion ? ['--region', REGION] : [])],
    };
  }

  /** Runs the binary in `ws` with the recorder loaded; `env` adds to the workspace's. */
  run(ws: Workspace, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return run(args, { ...ws.env, ...env, ...this.net.env });
  }

  /** Tracks something to close at the end, e.g. another server. */
  onClose(close: () => Promise<void>): void {
    this.closers.push(close);
  }

  async close(): Promise<void> {
    for (const close of this.closers.splice(0)) await close();
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/** A HOME whose config.json holds every mode, and whose ini file holds two sections. */
export function fullHome(bench: Bench, current = 'ak'): Workspace {
  const ws = bench.workspace();
  writeCliConfig(ws.home, [
    keyProfile('ak', KEYS.profileAk, { region_id: 'cn-hangzhou' }),
    keyProfile('sts', KEYS.profileSts, { region_id: 'cn-hangzhou' }),
    keyProfile('far', KEYS.profileAk, { region_id: 'cn-shanghai' }),
    { ...keyProfile('role', KEYS.profileAk), mode: 'RamRoleArn', ram_role_arn: ROLE_ARN },
    { name: 'ecs', mode: 'EcsRamRole', ram_role_name: 'kafka-ecs-role' },
    { name: 'sso', mode: 'CloudSSO', cloud_sso_sign_in_url: 'https://signin.invalid' },
    { name: 'blank', mode: 'AK', access_key_id: '', access_key_secret: '' },
  ], current);
  writeIni(ws.home, `[default]\ntype = access_key\naccess_key_id = ${KEYS.ini.id}\n` +
    `access_key_secret = ${KEYS.ini.secret}\n\n[ini-named]\ntype = access_key\n` +
    `access_key_id = ${KEYS.ini.id}\naccess_key_secret = ${KEYS.ini.secret}\n`);
  return ws;
}
