/**
 * What the API gateway does before a call reaches the service: find the action, check the
 * signature (V3 header or V1 query), the date and the nonce. Failures are thrown as
 * `SandboxFailure` with the gateway's codes.
 */
import { createHash } from 'node:crypto';
import { SANDBOX_CLOCK_SKEW_MS } from './constants.js';
import { SandboxFailure } from './codes.js';
import {
  acs3Signature,
  parseAcs3Authorization,
  safeEqual,
  sha256Hex,
  v1Signature,
  type HeaderValues,
  type Param,
} from './signature.js';

/** A request as received: percent-decoded parameters and the raw body. */
export interface IncomingCall {
  method: string;
  path: string;
  query: Param[];
  /** Parameters of a form-encoded body. */
  form: Param[];
  headers: HeaderValues;
  body: Buffer;
}

/** Who is calling what, as claimed by the request, before anything is verified. */
export interface Claim {
  action: string;
  version: string;
  accessKeyId: string | null;
  signatureVersion: 'v3' | 'v1' | null;
  securityToken: string | null;
  /** Query and form parameters together, the form winning; without Signature/SecurityToken. */
  params: Record<string, string>;
}

export interface GatewayConfig {
  accessKeyId: string;
  accessKeySecret: string;
  now: number;
  /** Nonces accepted lately; a verified call adds its own. */
  nonces: Record<string, number>;
}

/** V1 protocol parameters: signed, but not the API's own parameters. */
const V1_PROTOCOL = new Set([
  'Action',
  'Version',
  'Format',
  'Timestamp',
  'SignatureNonce',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureType',
  'AccessKeyId',
]);

const V3_REQUIRED_HEADERS = [
  'host',
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
];

const NONCE_KEEP_MS = 2 * SANDBOX_CLOCK_SKEW_MS;
const NONCE_LIMIT = 20_000;

export function claimOf(call: IncomingCall): Claim {
  const all = new Map<string, string>();
  for (const [name, value] of [...call.query, ...call.form]) all.set(name, value);

  const authorization = header(call.headers, 'authorization');
  const v3 = authorization !== undefined;
  const v1 = !v3 && all.has('Signature');
  const parsed = v3 ? parseAcs3Authorization(authorization) : null;
  const token = v3 ? header(call.headers, 'x-acs-security-token') : all.get('SecurityToken');

  const params: Record<string, string> = {};
  for (const [name, value] of all) {
    if (name !== 'Signature' && name !== 'SecurityToken') params[name] = value;
  }

  return {
    action: (v1 ? all.get('Action') : header(call.headers, 'x-acs-action')) ??
      all.get('Action') ?? '',
    version: (v1 ? all.get('Version') : header(call.headers, 'x-acs-version')) ??
      all.get('Version') ?? '',
    accessKeyId: v3 ? (parsed?.accessKeyId ?? null) : (all.get('AccessKeyId') ?? null),
    signatureVersion: v3 ? 'v3' : v1 ? 'v1' : null,
    securityToken: token ?? null,
    params,
  };
}

/** The parameters the service sees: V1 protocol parameters left out. */
export function apiParams(claim: Claim): Record<string, string> {
  if (claim.signatureVersion !== 'v1') return { ...claim.params };
  return Object.fromEntries(Object.entries(claim.params).filter(([n]) => !V1_PROTOCOL.has(n)));
}

/** Checks the key, date, signature and nonce; records the nonce when all pass. */
export function verifyCall(call: IncomingCall, claim: Claim, cfg: GatewayConfig): void {
  if (claim.signatureVersion === 'v3') verifyV3(call, cfg);
  else if (claim.signatureVersion === 'v1') verifyV1(call, claim, cfg);
  else throw incomplete('the request carries neither an Authorization header nor a Signature');
}

export function tokenSha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function verifyV3(call: IncomingCall, cfg: GatewayConfig): void {
  const auth = parseAcs3Authorization(header(call.headers, 'authorization') ?? '');
  if (!auth) {
    throw incomplete(
      'expected Authorization: ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,' +
        'Signature=<hex>',
    );
  }
  for (const name of V3_REQUIRED_HEADERS) {
    if (header(call.headers, name) === undefined) throw incomplete(`the ${name} header is missing`);
  }
  for (const name of Object.keys(call.headers).map((n) => n.toLowerCase())) {
    const mustSign = name === 'host' || name.startsWith('x-acs-');
    if (mustSign && !auth.signedHeaders.includes(name)) {
      throw incomplete(`the ${name} header is sent but not listed in SignedHeaders`);
    }
  }

  checkKey(auth.accessKeyId, cfg);
  checkDate(header(call.headers, 'x-acs-date') ?? '', cfg.now);

  const payloadHash = header(call.headers, 'x-acs-content-sha256') ?? '';
  if (!safeEqual(payloadHash.toLowerCase(), sha256Hex(call.body))) {
    throw mismatch('x-acs-content-sha256 is not the sha256 of the body that arrived');
  }
  const expected = acs3Signature(cfg.accessKeySecret, {
    method: call.method,
    path: call.path,
    query: call.query,
    headers: call.headers,
    signedHeaders: auth.signedHeaders,
    payloadHash,
  });
  if (!safeEqual(expected, auth.signature)) throw mismatch();

  useNonce(header(call.headers, 'x-acs-signature-nonce') ?? '', cfg);
}

function verifyV1(call: IncomingCall, claim: Claim, cfg: GatewayConfig): void {
  const all = [...call.query, ...call.form];
  const get = (name: string) => all.find(([n]) => n === name)?.[1];

  const method = get('SignatureMethod');
  if (method !== undefined && method !== 'HMAC-SHA1') {
    throw incomplete(`SignatureMethod ${method} is not supported; expected HMAC-SHA1`);
  }
  if (!claim.accessKeyId) throw incomplete('the AccessKeyId parameter is missing');
  for (const name of ['Timestamp', 'SignatureNonce']) {
    if (get(name) === undefined) throw new SandboxFailure('MissingParameter', name);
  }

  checkKey(claim.accessKeyId, cfg);
  checkDate(get('Timestamp') ?? '', cfg.now);

  const expected = v1Signature(cfg.accessKeySecret, call.method, all);
  if (!safeEqual(expected, get('Signature') ?? '')) throw mismatch();

  useNonce(get('SignatureNonce') ?? '', cfg);
}

function checkKey(accessKeyId: string, cfg: GatewayConfig): void {
  if (!safeEqual(accessKeyId, cfg.accessKeyId)) {
    throw new SandboxFailure('InvalidAccessKeyId.NotFound');
  }
}

function checkDate(value: string, now: number): void {
  const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;
  const time = iso.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    throw new SandboxFailure('InvalidTimeStamp.Format', undefined, {
      message: `Specified time stamp or date value is not well formatted: expected ` +
        `yyyy-MM-ddTHH:mm:ssZ in UTC, got "${value}".`,
    });
  }
  if (Math.abs(time - now) > SANDBOX_CLOCK_SKEW_MS) {
    throw new SandboxFailure('InvalidTimeStamp.Expired', undefined, {
      message: `Specified time stamp or date value is expired: ${value} is more than 15 ` +
        `minutes from the sandbox clock ${new Date(now).toISOString()}.`,
    });
  }
}

function useNonce(nonce: string, cfg: GatewayConfig): void {
  if (nonce === '') throw new SandboxFailure('MissingParameter', 'SignatureNonce');
  if (cfg.nonces[nonce] !== undefined) throw new SandboxFailure('SignatureNonceUsed');

  for (const [seen, time] of Object.entries(cfg.nonces)) {
    if (cfg.now - time > NONCE_KEEP_MS) delete cfg.nonces[seen];
  }
  const kept = Object.keys(cfg.nonces);
  for (const seen of kept.slice(0, Math.max(0, kept.length - NONCE_LIMIT + 1))) {
    delete cfg.nonces[seen];
  }
  cfg.nonces[nonce] = cfg.now;
}

function header(headers: HeaderValues, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(',');
  }
  return undefined;
}

function incomplete(why: string): SandboxFailure {
  return new SandboxFailure('IncompleteSignature', undefined, {
    message: `The request signature does not conform to Aliyun standards: ${why}.`,
  });
}

function mismatch(why?: string): SandboxFailure {
  if (!why) return new SandboxFailure('SignatureDoesNotMatch');
  return new SandboxFailure('SignatureDoesNotMatch', undefined, {
    message: `The request signature does not match: ${why}.`,
  });
}
