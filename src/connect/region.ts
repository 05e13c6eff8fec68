/**
 * Which region a command talks to, and whether the SDK knows an endpoint for it. The SDK is
 * loaded only when the endpoint map is asked for, so `--help` never pays for it.
 */
import { UsageError } from '../errors.js';
import { regionOfHost, type Endpoint } from './endpoint.js';
import { moduleExports } from './interop.js';

let endpointMap: Promise<Record<string, string>> | undefined;

/**
 * The SDK client's own region → host map. Building a client opens no connection; the
 * placeholder endpoint and missing credential are never used.
 */
export function knownRegionEndpoints(): Promise<Record<string, string>> {
  endpointMap ??= (async () => {
    const [sdk, core] = await Promise.all([
      import('@alicloud/alikafka20190916'),
      import('@alicloud/openapi-core'),
    ]);
    const { $OpenApiUtil } = moduleExports(core);
    const Client = moduleExports(sdk).default;
    const config = new $OpenApiUtil.Config({ regionId: 'cn-hangzhou', endpoint: '127.0.0.1' });
    const client = new Client(config) as unknown as {
      _endpointMap?: Record<string, string>;
    };
    return { ...(client._endpointMap ?? {}) };
  })();
  return endpointMap;
}

/** The regions the SDK has an endpoint for, sorted. */
export async function knownRegions(): Promise<string[]> {
  return Object.keys(await knownRegionEndpoints()).sort();
}

const REGION_FORM = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type RegionOrigin = '--region' | 'profile' | 'ALIBABA_CLOUD_REGION_ID' | '--endpoint';

export interface RegionChoice {
  region: string;
  from: RegionOrigin;
}

export interface RegionOptions {
  region?: string;
  profileRegion?: string;
  endpoint?: Endpoint;
  env: NodeJS.ProcessEnv;
  known: string[];
}

const ORIGIN_TEXT: Record<RegionOrigin, string> = {
  '--region': '--region',
  profile: "the profile's region_id",
  ALIBABA_CLOUD_REGION_ID: 'ALIBABA_CLOUD_REGION_ID',
  '--endpoint': 'the --endpoint host',
};

function pick(opts: RegionOptions): RegionChoice | undefined {
  // An empty --region is refused below rather than silently replaced by another source.
  if (opts.region !== undefined) return { region: opts.region, from: '--region' };
  if (opts.profileRegion) return { region: opts.profileRegion, from: 'profile' };
  if (opts.env.ALIBABA_CLOUD_REGION_ID) {
    return { region: opts.env.ALIBABA_CLOUD_REGION_ID, from: 'ALIBABA_CLOUD_REGION_ID' };
  }
  const fromHost = opts.endpoint && regionOfHost(opts.endpoint.host);
  return fromHost ? { region: fromHost, from: '--endpoint' } : undefined;
}

/** Like `resolveRegion`, also saying where the region came from. */
export function chooseRegion(opts: RegionOptions): RegionChoice {
  const choice = pick(opts);
  if (!choice) {
    throw new UsageError('REGION_MISSING', 'no region given: the API needs a RegionId', {
      hint:
        'pass --region (e.g. --region cn-hangzhou), set region_id in the CLI profile, ' +
        'or set ALIBABA_CLOUD_REGION_ID',
    });
  }

  const { region, from } = choice;
  const origin = ORIGIN_TEXT[from];
  if (!REGION_FORM.test(region)) {
    const lower = region.trim().toLowerCase();
    const hint = REGION_FORM.test(lower) ? `; did you mean "${lower}"?` : '';
    throw new UsageError(
      'INVALID_REGION',
      `region "${region}" from ${origin} is not a region id: expected lowercase letters, ` +
        `digits and hyphens such as cn-hangzhou${hint}`,
    );
  }

  if (!opts.endpoint && !opts.known.includes(region)) {
    const near = closest(region, opts.known, 3);
    throw new UsageError(
      'UNKNOWN_REGION',
      `region "${region}" from ${origin} has no ApsaraMQ for Kafka endpoint in the SDK` +
        (near.length > 0 ? `; closest known: ${near.join(', ')}` : ''),
      { hint: 'check the region id, or give --endpoint for a region the SDK does not list' },
    );
  }

  const hostRegion = opts.endpoint && regionOfHost(opts.endpoint.host);
  if (hostRegion !== undefined && hostRegion !== region) {
    throw new UsageError(
      'REGION_ENDPOINT_MISMATCH',
      `region "${region}" from ${origin} does not match --endpoint ${opts.endpoint?.host}, ` +
        `which serves ${hostRegion}: RegionId and host must agree`,
      { hint: `use --region ${hostRegion}, or the endpoint of ${region}` },
    );
  }
  return choice;
}

/**
 * --region, else the profile's region_id, else ALIBABA_CLOUD_REGION_ID, else the region of a
 * regional --endpoint host. Refuses a malformed region, one the SDK has no endpoint for (unless
 * an endpoint is given), and one that disagrees with a regional endpoint.
 */
export function resolveRegion(opts: RegionOptions): string {
  return chooseRegion(opts).region;
}

/** Up to `count` known regions nearest to `wanted` by edit distance, nearest first. */
export function closest(wanted: string, known: readonly string[], count: number): string[] {
  return known
    .map((name) => ({ name, d: editDistance(wanted, name) }))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((x) => x.name);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
