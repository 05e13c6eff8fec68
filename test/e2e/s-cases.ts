/**
 * The commands the secrets scan runs, each succeeding or failing in a known way, and the two
 * places the key can come from: the environment, or a profile file that the failure report
 * cannot see. Every case is run in text and in JSON, both with --verbose.
 */
import { join } from 'node:path';
import type { FaultSpec } from '../../src/sandbox/index.js';
import { INSTANCE, REGION, type Key } from './s-home.js';

export const SCAN_KEY = { id: 'LTAI5tSecretScan00sc06', secret: 'SeCrEt-9f2c-scan-5a7c' };
export const ENV_TOKEN = 'ToKeN-77ab-scan-env+A/b9==';
export const FILE_TOKEN = 'ToKeN-77ab-scan-file+C/d8==';
export const WRONG_ENV_SECRET = 'SeCrEt-9f2c-wrong-env-0e1f';
export const WRONG_FILE_SECRET = 'SeCrEt-9f2c-wrong-file-2a3b';
/** A key a broken credentials URI quotes in its error answer. */
export const URI_KEY: Key = { id: 'STS.NBrokenUriKey0bu07', secret: 'SeCrEt-9f2c-broken-uri-6f4e',
  token: 'ToKeN-77ab-broken-uri+G/h7==' };
export const URI_QUERY_TOKEN = 'ToKeN-77ab-uri-query-3c2d';
/** The token a working credentials URI hands out with the scan's key. */
export const FETCHED_TOKEN = 'ToKeN-77ab-fetched+J/k6==';

export interface Flavour {
  name: string;
  /** Options that select the key, and the variables that hold it. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The same with the wrong secret. */
  wrong: { args: string[]; env: NodeJS.ProcessEnv };
  token: string;
}

export const FLAVOURS: Flavour[] = [
  {
    name: 'environment variables',
    args: [],
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: SCAN_KEY.id,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: SCAN_KEY.secret, ALIBABA_CLOUD_SECURITY_TOKEN: ENV_TOKEN },
    wrong: { args: [], env: { ALIBABA_CLOUD_ACCESS_KEY_ID: SCAN_KEY.id,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG_ENV_SECRET } },
    token: ENV_TOKEN,
  },
  {
    name: 'a profile file',
    args: ['--profile', 'scan'],
    env: {},
    wrong: { args: ['--profile', 'wrong'], env: {} },
    token: FILE_TOKEN,
  },
];

/** The profiles of the scan's HOME. */
export function scanProfiles(brokenUri: string): unknown[] {
  return [
    { name: 'scan', mode: 'StsToken', access_key_id: SCAN_KEY.id,
      access_key_secret: SCAN_KEY.secret, sts_token: FILE_TOKEN, region_id: REGION },
    { name: 'wrong', mode: 'AK', access_key_id: SCAN_KEY.id,
      access_key_secret: WRONG_FILE_SECRET, region_id: REGION },
    { name: 'broken-uri', mode: 'CredentialsURI', region_id: REGION,
      credentials_uri: `${brokenUri}/creds?ticket=${URI_QUERY_TOKEN}` },
  ];
}

/** What a case needs to build its command line. */
export interface Scene {
  flavour: Flavour;
  endpoint: string;
  home: string;
  statePath: string;
  /** The snapshot the last executed reset saved. */
  latestSnapshot(): string;
  /** A fresh file name under HOME, for exports. */
  nextFile(ext: string): string;
}

export interface Case {
  name: string;
  args(s: Scene): string[];
  env?(s: Scene): NodeJS.ProcessEnv;
  /** Armed for the run, cleared after it. */
  fault?: FaultSpec | ((s: Scene) => FaultSpec);
  status: number;
  /** The error code of the JSON report, for a failure. */
  code?: string;
  /** The sandbox's own request log shows key ids whole. */
  keyIdsAllowed?: boolean;
}

const conn = (s: Scene) => ['--endpoint', s.endpoint, '--instance', INSTANCE, '--region', REGION,
  ...s.flavour.args];
const group = ['--group', 'kafka-test'];
const reset = (s: Scene, ...more: string[]) => ['reset', ...group, ...conn(s),
  '--topic', 'topic_name', ...more];
const fast = ['--retries', '0'];
const onReset = { action: 'UpdateConsumerOffset', times: 'always' } as const;

export const CASES: Case[] = [
  { name: 'describe', args: (s) => ['describe', ...group, ...conn(s)], status: 0 },
  { name: 'reset, plan', args: (s) => reset(s, '--to-earliest'), status: 0 },
  { name: 'reset, execute', args: (s) => reset(s, '--to-latest', '--execute'), status: 0 },
  { name: 'undo, plan', args: (s) => ['undo', s.latestSnapshot(), ...conn(s)], status: 0 },
  { name: 'undo, execute', args: (s) => ['undo', s.latestSnapshot(), ...conn(s), '--execute'],
    status: 0 },
  { name: 'export to stdout', args: (s) => ['export', ...group, ...conn(s)], status: 0 },
  { name: 'export to a file',
    args: (s) => ['export', ...group, ...conn(s), '--file', s.nextFile('csv')], status: 0 },
  { name: 'explain', args: () => ['explain', 'SignatureDoesNotMatch'], status: 0 },
  { name: 'explain --list', args: () => ['explain', '--list'], status: 0 },
  { name: 'config show', args: (s) => ['config', 'show', '--endpoint', s.endpoint,
    '--region', REGION, ...s.flavour.args], status: 0 },
  { name: 'sandbox fault list', args: (s) => ['sandbox', 'fault', 'list', '--state', s.statePath],
    status: 0 },
  { name: 'sandbox mode', args: (s) => ['sandbox', 'mode', '--state', s.statePath], status: 0 },
  { name: 'sandbox log', args: (s) => ['sandbox', 'log', '--last', '5', '--state', s.statePath],
    status: 0, keyIdsAllowed: true },

  { name: 'a wrong secret',
    args: (s) => ['describe', ...group, ...conn(s).slice(0, 6), ...s.flavour.wrong.args],
    env: (s) => s.flavour.wrong.env, status: 3, code: 'SignatureDoesNotMatch' },
  { name: 'throttling', args: (s) => reset(s, '--to-latest', '--execute', ...fast),
    fault: { kind: 'throttle', ...onReset }, status: 1, code: 'Throttling.User' },
  { name: 'Group.Active', args: (s) => reset(s, '--to-latest', '--execute', ...fast),
    fault: { kind: 'error', code: 'Group.Active', ...onReset }, status: 1, code: 'Group.Active' },
  { name: 'online consumers',
    args: (s) => ['reset', '--group', 'kafka-active', ...conn(s), '--all-topics', '--to-latest',
      '--execute'], status: 4 },
  { name: 'a timeout on a read',
    args: (s) => ['describe', ...group, ...conn(s), '--timeout', '1s', ...fast],
    fault: { kind: 'latency', latencyMs: 60_000, times: 'always' }, status: 1, code: 'Timeout' },
  { name: 'a timeout on the write',
    args: (s) => reset(s, '--to-earliest', '--execute', '--timeout', '1s', ...fast),
    // The sandbox applies before it holds the answer back, so the read-back proves it landed.
    fault: { kind: 'latency', latencyMs: 60_000, ...onReset }, status: 0 },
  { name: 'bad input', args: (s) => reset(s, '--to-timestamp', '1679587200'), status: 2 },
  { name: 'a token in the --endpoint query',
    args: (s) => ['describe', ...group, '--instance', INSTANCE, '--region', REGION,
      '--endpoint', `http://127.0.0.1:9/?token=${encodeURIComponent(s.flavour.token)}`,
      ...s.flavour.args], status: 2, code: 'INVALID_ENDPOINT' },
  { name: 'an internal error of the service', args: (s) => ['describe', ...group, ...conn(s),
    ...fast], fault: { kind: 'server-error', status: 500, code: 'InternalError',
    times: 'always' }, status: 1, code: 'InternalError' },
  { name: 'a service message quoting the token',
    args: (s) => ['describe', ...group, ...conn(s), ...fast],
    fault: (s) => ({ kind: 'error', code: 'InvalidSecurityToken.Malformed', status: 400,
      message: `The security token ${s.flavour.token} is malformed.`, times: 'always' }),
    status: 1, code: 'InvalidSecurityToken.Malformed' },
  { name: 'an answer that is not JSON', args: (s) => ['describe', ...group, ...conn(s), ...fast],
    fault: { kind: 'bad-json', times: 'always' }, status: 1, code: 'InvalidResponse' },
  { name: 'a connection dropped after the write (the read-back proves it landed)',
    args: (s) => reset(s, '--to-earliest', '--execute', ...fast),
    fault: { kind: 'drop', afterApply: true, ...onReset }, status: 0 },
  { name: 'a connection dropped before the write',
    // A shift always moves, so the read-back cannot find the offsets already in place.
    args: (s) => reset(s, '--shift-by', '1', '--execute', ...fast),
    fault: { kind: 'drop', ...onReset }, status: 1 },
  { name: 'a snapshot that cannot be written',
    args: (s) => reset(s, '--to-latest', '--execute', '--snapshot',
      join(s.home, '.aliyun', 'config.json', 'snapshot.json')), status: 1 },
  { name: 'a credentials URI that fails',
    args: (s) => ['describe', ...group, ...conn(s).slice(0, 6), '--profile', 'broken-uri'],
    status: 3, code: 'CREDENTIALS_UNAVAILABLE' },
];
