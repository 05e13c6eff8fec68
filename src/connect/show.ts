/**
 * `config show`: the credential source, profile, region and endpoint a command would use with
 * the same options, the key id masked, and no secret or token anywhere in the output.
 */
import { homedir } from 'node:os';
import type { Run } from '../command.js';
import type { Context } from '../context.js';
import { writeJson } from '../output/style.js';
import {
  SANDBOX_ACCESS_KEY_ID,
  SANDBOX_DEFAULT_HOST,
  SANDBOX_REGION_ID,
} from '../sandbox/constants.js';
import { resolveCredentials, secretsOf, type ResolveHooks } from './credentials.js';
import { defaultEndpoint, parseEndpoint, type Endpoint } from './endpoint.js';
import { maskAccessKeyId } from './mask.js';
import { collectSecrets, redact } from './redact.js';
import { chooseRegion, knownRegionEndpoints, type RegionOrigin } from './region.js';

export interface ConfigShowOptions {
  profile?: string;
  region?: string;
  endpoint?: string;
  sandbox?: boolean;
  /** Accepted so a runbook can pass the same options as to any other command. */
  instance?: string;
  group?: string;
}

/** What `config show` reports; the JSON document is this plus the schema version. */
export interface ConnectionReport {
  sandbox: boolean;
  credentials: {
    source: string;
    profile: string | null;
    accessKeyId: string | null;
    roleArn?: string;
    stsEndpoint?: string;
  };
  region: { id: string; from: RegionOrigin | 'sandbox' };
  endpoint: { url: string | null; host: string; protocol: Endpoint['protocol']; from: string };
  notes: string[];
}

const REGION_FROM: Record<RegionOrigin | 'sandbox', string> = {
  '--region': 'from --region',
  profile: "from the profile's region_id",
  ALIBABA_CLOUD_REGION_ID: 'from ALIBABA_CLOUD_REGION_ID',
  '--endpoint': 'from the --endpoint host',
  sandbox: "the sandbox's",
};

function sandboxReport(opts: ConfigShowOptions): ConnectionReport {
  const ignored = (['profile', 'endpoint'] as const).filter((k) => opts[k] !== undefined);
  return {
    sandbox: true,
    credentials: {
      source: "the in-process sandbox's own access key (no cloud credentials are read)",
      profile: null,
      accessKeyId: maskAccessKeyId(SANDBOX_ACCESS_KEY_ID),
    },
    region: opts.region !== undefined
      ? { id: opts.region, from: '--region' }
      : { id: SANDBOX_REGION_ID, from: 'sandbox' },
    endpoint: {
      url: null,
      host: SANDBOX_DEFAULT_HOST,
      protocol: 'HTTP',
      from: `an in-process sandbox on ${SANDBOX_DEFAULT_HOST}, on a free port chosen at start`,
    },
    notes: ignored.map((k) => `--${k} is ignored with --sandbox`),
  };
}

/** Resolves everything a command would, without sending anything but the bounded ECS probe. */
export async function describeConnection(
  opts: ConfigShowOptions,
  env: NodeJS.ProcessEnv,
  home: string,
  hooks: ResolveHooks = {},
): Promise<{ report: ConnectionReport; secrets: readonly string[] }> {
  if (opts.sandbox) return { report: sandboxReport(opts), secrets: [] };

  const creds = await resolveCredentials({ profile: opts.profile }, env, home, hooks);
  const given = opts.endpoint !== undefined ? parseEndpoint(opts.endpoint) : undefined;
  const known = await knownRegionEndpoints();
  const region = chooseRegion({
    region: opts.region,
    profileRegion: creds.profileRegion,
    endpoint: given,
    env,
    known: Object.keys(known),
  });
  const endpoint = given ?? defaultEndpoint(region.region, known);

  const report: ConnectionReport = {
    sandbox: false,
    credentials: {
      source: creds.source,
      profile: creds.profile ?? null,
      accessKeyId: creds.accessKeyIdMasked ?? null,
      ...(creds.roleArn ? { roleArn: creds.roleArn, stsEndpoint: creds.stsEndpoint } : {}),
    },
    region: { id: region.region, from: region.from },
    endpoint: {
      url: endpoint.url,
      host: endpoint.host,
      protocol: endpoint.protocol,
      from: given ? '--endpoint' : `the SDK's endpoint for ${region.region}`,
    },
    notes: [],
  };
  return { report, secrets: secretsOf(creds) };
}

export function textOf(report: ConnectionReport): string {
  const { credentials: c, region, endpoint } = report;
  const rows: [string, string][] = [
    ['Credentials', c.source],
    ['Access key', c.accessKeyId ?? 'known only once fetched, at the first call'],
  ];
  if (c.profile !== null) rows.push(['Profile', c.profile]);
  if (c.roleArn) rows.push(['Role', `${c.roleArn}, assumed through ${c.stsEndpoint}`]);
  rows.push(['Region', `${region.id} (${REGION_FROM[region.from]})`]);
  rows.push(['Endpoint', endpoint.url === null
    ? endpoint.from
    : `${endpoint.url} (${endpoint.from})`]);

  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}${value}`);
  return [...lines, ...report.notes.map((n) => `note: ${n}`)].join('\n') + '\n';
}

function homeOf(ctx: Context): string {
  return ctx.env.HOME || homedir();
}

export const run: Run<ConfigShowOptions> = async (opts, ctx) => {
  const { report, secrets } = await describeConnection(opts, ctx.env, homeOf(ctx));
  const unchecked = (['instance', 'group'] as const).filter((k) => opts[k] !== undefined);
  if (unchecked.length > 0) {
    report.notes.push(`${unchecked.map((k) => `--${k} ${opts[k]}`).join(' and ')} ` +
      `${unchecked.length === 1 ? 'is' : 'are'} not checked here (no call is made); ` +
      '`describe` checks them against the service');
  }

  // Nothing above holds a secret; redacting anyway keeps a future field from leaking one.
  const all = [...collectSecrets(ctx.env), ...secrets];
  const out = { write: (s: string) => ctx.stdout.write(redact(s, all)) };
  if (ctx.output === 'json') {
    writeJson({ ...ctx, stdout: out }, 'config show', { ok: true, ...report });
  } else {
    out.write(textOf(report));
  }
  return 0;
};
