/**
 * Everything a command needs before its first call: which group on which instance, and an `Api`
 * signed with the right credentials, aimed at the right endpoint, with the right time limits.
 * With `--sandbox` an in-process sandbox is started on loopback and used instead of the cloud.
 */
import { join } from 'node:path';
import { homedir } from 'node:os';
import { createApi, type Api } from './api/client.js';
import {
  defaultEndpoint,
  knownRegionEndpoints,
  parseEndpoint,
  resolveCredentials,
  resolveRegion,
  secretsOf,
  type Endpoint,
} from './connect/index.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { parseGroupName, parseIntInRange, parseTimeout } from './parse/index.js';
import { rememberSecrets } from './secrets.js';
import type { GroupRef } from './types.js';

export interface ConnectionOptions {
  instance?: string;
  region?: string;
  group?: string;
  profile?: string;
  endpoint?: string;
  sandbox?: boolean;
  sandboxState?: string;
  timeout?: string;
  retries?: string;
}

export interface Session {
  api: Api;
  ref: GroupRef;
  /** The command line that reaches the same place, for the commands the tool prints. */
  connectionArgs: string[];
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT = '10s';
const DEFAULT_RETRIES = '3';

/** Checks made before anything is sent: exit 2 on any of them. */
export function connectionInput(opts: ConnectionOptions, needGroup = true) {
  const timeoutMs = parseTimeout(opts.timeout ?? DEFAULT_TIMEOUT);
  const retries = parseIntInRange(opts.retries ?? DEFAULT_RETRIES, '--retries', 0, 10);
  if (needGroup && opts.group === undefined) {
    throw new UsageError('MISSING_GROUP', 'missing --group <name>: the consumer group to act on');
  }
  const group = opts.group === undefined ? '' : parseGroupName(opts.group);
  if (opts.sandbox && (opts.endpoint !== undefined || opts.profile !== undefined)) {
    throw new UsageError('SANDBOX_WITH_ENDPOINT', '--sandbox starts its own endpoint with its ' +
      'own key; drop --endpoint and --profile, or drop --sandbox to use them');
  }
  if (!opts.sandbox && !opts.instance) {
    throw new UsageError('MISSING_INSTANCE', 'missing --instance <id>: the ApsaraMQ for Kafka ' +
      'instance (e.g. alikafka_post-cn-xxxx), or --sandbox to rehearse locally');
  }
  if (opts.instance !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(opts.instance)) {
    throw new UsageError('INVALID_INSTANCE', `--instance "${opts.instance}" is not an instance ` +
      'id: expected letters, digits, _ and - (such as alikafka_post-cn-mp91inkw0001)');
  }
  if (opts.sandboxState !== undefined && !opts.sandbox) {
    throw new UsageError('SANDBOX_STATE_WITHOUT_SANDBOX', '--sandbox-state applies with ' +
      '--sandbox only; add --sandbox, or drop --sandbox-state');
  }
  return { timeoutMs, retries, group };
}

export async function openSession(opts: ConnectionOptions, ctx: Context, needGroup = true):
Promise<Session> {
  const { timeoutMs, retries, group } = connectionInput(opts, needGroup);
  const policy = {
    retries,
    timeoutMs,
    sleep: ctx.sleep,
    now: ctx.now,
    log: ctx.verbose ? (line: string) => void ctx.stderr.write(`[verbose] ${line}\n`) : undefined,
  };

  if (opts.sandbox) {
    const { startSandbox } = await import('./sandbox/index.js');
    const statePath = opts.sandboxState ?? join(ctx.stateDir, 'sandbox.json');
    const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, statePath });
    const endpoint = parseEndpoint(sandbox.url);
    const ref = {
      regionId: opts.region ?? sandbox.regionId,
      instanceId: opts.instance ?? sandbox.instanceId,
      group,
    };
    policy.log?.(`using the in-process sandbox at ${sandbox.url} (state ${statePath})`);
    const connectionArgs = ['--sandbox', ...(opts.sandboxState ? ['--sandbox-state',
      opts.sandboxState] : [])];
    const api = await createApi({
      regionId: ref.regionId,
      endpoint,
      accessKey: { id: sandbox.accessKeyId, secret: sandbox.accessKeySecret },
      policy,
      connectionArgs,
    });
    return { api, ref, connectionArgs, close: () => sandbox.close() };
  }

  const home = ctx.env.HOME || homedir();
  const creds = await resolveCredentials({ profile: opts.profile }, ctx.env, home);
  rememberSecrets(secretsOf(creds));
  const endpoint: Endpoint | undefined = opts.endpoint ? parseEndpoint(opts.endpoint) : undefined;
  const known = await knownRegionEndpoints();
  const regionId = resolveRegion({
    region: opts.region,
    profileRegion: creds.profileRegion,
    endpoint,
    env: ctx.env,
    known: Object.keys(known),
  });
  const target = endpoint ?? defaultEndpoint(regionId, known);
  policy.log?.(`credentials from ${creds.source}; region ${regionId}; endpoint ${target.url}`);
  const connectionArgs = [
    '--instance', opts.instance!,
    '--region', regionId,
    ...(opts.profile ? ['--profile', opts.profile] : []),
    ...(opts.endpoint ? ['--endpoint', opts.endpoint] : []),
  ];
  const api = await createApi({
    regionId,
    endpoint: target,
    credential: creds.credential,
    policy,
    connectionArgs,
  });
  return {
    api,
    ref: { regionId, instanceId: opts.instance!, group },
    connectionArgs,
    close: async () => {},
  };
}
