/** Shared by the sandbox tests: temporary sandboxes, SDK clients and hand-signed requests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../src/sandbox/index.js';
import {
  acs3Authorization,
  canonicalQuery,
  sha256Hex,
  signableHeaderNames,
  v1Signature,
  type Param,
} from '../../src/sandbox/signature.js';

process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';

export interface TestSandbox extends SandboxHandle {
  dir: string;
  statePath: string;
  stop(): Promise<void>;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'alikafka-sandbox-'));
}

/** A sandbox on a free loopback port with its state in a fresh temporary directory. */
export async function sandbox(opts: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const dir = opts.statePath ? '' : await tempDir();
  const statePath = opts.statePath ?? join(dir, 'sandbox.json');
  const handle = await startSandbox({ port: 0, ...opts, statePath });
  return {
    ...handle,
    dir,
    statePath,
    stop: async () => {
      await handle.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

export type Signing = 'v3' | 'v2';

/** The official SDK client, pointed at the sandbox the way the tool points it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function sdkClient(
  sb: SandboxHandle,
  signing: Signing = 'v3',
  extra = {},
): Promise<any> {
  // The SDK is CommonJS: its default export is the client class at run time.
  const Client = (await import('@alicloud/alikafka20190916')).default as unknown as new (
    config: unknown,
  ) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const { $OpenApiUtil } = await import('@alicloud/openapi-core');
  const config = new $OpenApiUtil.Config({
    accessKeyId: sb.accessKeyId,
    accessKeySecret: sb.accessKeySecret,
    endpoint: `127.0.0.1:${sb.port}`,
    protocol: 'HTTP',
    regionId: 'cn-hangzhou',
    ...(signing === 'v2' ? { signatureAlgorithm: 'v2' } : {}),
    ...extra,
  });
  return new Client(config);
}

export async function sdkModels() {
  return import('@alicloud/alikafka20190916');
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => Record<string, unknown>;
}

export function httpRequest(
  sb: SandboxHandle,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: sb.port, method, path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as Record<string, unknown>,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface V3Options {
  action?: string;
  version?: string;
  date?: Date;
  nonce?: string;
  accessKeyId?: string;
  secret?: string;
  body?: string;
  contentType?: string;
  extraHeaders?: Record<string, string>;
  /** Change the request after signing, to test what the gateway catches. */
  tamper?: (headers: Record<string, string>) => void;
}

let nonceCounter = 0;

export function nonce(): string {
  nonceCounter += 1;
  return `test-nonce-${process.pid}-${Date.now()}-${nonceCounter}`;
}

/** A V3-signed call written by hand, with the date and nonce under the test's control. */
export function v3Call(sb: SandboxHandle, params: Record<string, string>, o: V3Options = {}) {
  const query: Param[] = Object.entries(params);
  const body = o.body ?? '';
  const headers: Record<string, string> = {
    host: `127.0.0.1:${sb.port}`,
    'x-acs-action': o.action ?? 'GetConsumerProgress',
    'x-acs-version': o.version ?? '2019-09-16',
    'x-acs-date': isoSeconds(o.date ?? new Date()),
    'x-acs-signature-nonce': o.nonce ?? nonce(),
    'x-acs-content-sha256': sha256Hex(body),
    ...(o.contentType ? { 'content-type': o.contentType } : {}),
    ...o.extraHeaders,
  };
  headers.authorization = acs3Authorization(o.accessKeyId ?? sb.accessKeyId,
    o.secret ?? sb.accessKeySecret, {
      method: 'POST',
      path: '/',
      query,
      headers,
      signedHeaders: signableHeaderNames(headers),
      payloadHash: headers['x-acs-content-sha256'] as string,
    });
  o.tamper?.(headers);
  const qs = canonicalQuery(query);
  return httpRequest(sb, 'POST', qs ? `/?${qs}` : '/', headers, body);
}

export interface V1Options {
  date?: Date;
  nonce?: string;
  secret?: string;
  method?: 'GET' | 'POST';
  /** Send the API parameters as a form body instead of the query. */
  asForm?: boolean;
}

/** A V1-signed RPC call written by hand. */
export function v1Call(
  sb: SandboxHandle,
  action: string,
  params: Record<string, string>,
  o: V1Options = {},
) {
  const method = o.method ?? 'GET';
  const protocol: Record<string, string> = {
    Action: action,
    Format: 'json',
    Version: '2019-09-16',
    Timestamp: isoSeconds(o.date ?? new Date()),
    SignatureNonce: o.nonce ?? nonce(),
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    AccessKeyId: sb.accessKeyId,
  };
  const all: Param[] = [...Object.entries(protocol), ...Object.entries(params)];
  const signature = v1Signature(o.secret ?? sb.accessKeySecret, method, all);
  const queryPairs: Param[] = o.asForm
    ? [...Object.entries(protocol), ['Signature', signature]]
    : [...all, ['Signature', signature]];
  const body = o.asForm ? canonicalQuery(Object.entries(params)) : '';
  const headers: Record<string, string> = o.asForm
    ? { 'content-type': 'application/x-www-form-urlencoded' }
    : {};
  return httpRequest(sb, method, `/?${canonicalQuery(queryPairs)}`, headers, body);
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The group and instance the seed makes, as the API parameters name them. */
export const KAFKA_TEST = {
  InstanceId: 'alikafka_sandbox-cn-hangzhou',
  RegionId: 'cn-hangzhou',
  ConsumerId: 'kafka-test',
};
