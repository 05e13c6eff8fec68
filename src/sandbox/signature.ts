/**
 * Request signatures of the Alibaba Cloud OpenAPI gateway, as pure functions: the
 * ACS3-HMAC-SHA256 header signature (V3) and the HMAC-SHA1 query signature (V1, RPC style).
 * The sandbox verifies with them; tests sign with them.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** One query or form parameter, after percent-decoding. */
export type Param = readonly [name: string, value: string];

export type HeaderValues = Record<string, string | readonly string[] | undefined>;

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** RFC 3986: keeps `A-Z a-z 0-9 - _ . ~`, writes everything else as `%XX` of its UTF-8 bytes. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Encoded `name=value` pairs joined by `&`, sorted by encoded name, then by encoded value. */
export function canonicalQuery(params: readonly Param[]): string {
  const encoded = params.map(([name, value]) => [percentEncode(name), percentEncode(value)]);
  encoded.sort(([an = '', av = ''], [bn = '', bv = '']) => compare(an, bn) || compare(av, bv));
  return encoded.map(([name, value]) => `${name}=${value}`).join('&');
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Whether a header takes part in a V3 signature when the client chooses what to sign. */
export function isSignableHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'host' || lower === 'content-type' || lower.startsWith('x-acs-');
}

/** The headers a client signs: host, content-type and every x-acs-* header, lower-cased. */
export function signableHeaderNames(headers: HeaderValues): string[] {
  const names = Object.keys(headers)
    .filter((name) => headers[name] !== undefined && isSignableHeader(name))
    .map((name) => name.toLowerCase());
  return [...new Set(names)].sort(compare);
}

/**
 * One `name:value` line per signed header, sorted by name. Values are trimmed; a header sent
 * more than once has its values sorted and joined by commas.
 */
export function canonicalHeaders(headers: HeaderValues, signedHeaders: readonly string[]): string {
  const byName = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const lower = name.toLowerCase();
    const values = typeof raw === 'string' ? [raw] : [...raw];
    byName.set(lower, [...(byName.get(lower) ?? []), ...values.map((v) => v.trim())]);
  }

  const names = [...new Set(signedHeaders.map((n) => n.trim().toLowerCase()))].sort(compare);
  return names.map((name) => `${name}:${(byName.get(name) ?? []).sort().join(',')}\n`).join('');
}

export interface Acs3Request {
  method: string;
  path: string;
  query: readonly Param[];
  headers: HeaderValues;
  /** Lower-case names of the signed headers. */
  signedHeaders: readonly string[];
  /** Hex sha256 of the body, as sent in x-acs-content-sha256. */
  payloadHash: string;
}

export function acs3CanonicalRequest(req: Acs3Request): string {
  const signed = [...new Set(req.signedHeaders.map((n) => n.trim().toLowerCase()))].sort(compare);
  return [
    req.method.toUpperCase(),
    req.path || '/',
    canonicalQuery(req.query),
    canonicalHeaders(req.headers, signed),
    signed.join(';'),
    req.payloadHash,
  ].join('\n');
}

export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export function acs3Signature(secret: string, req: Acs3Request): string {
  const toSign = acs3StringToSign(acs3CanonicalRequest(req));
  return createHmac('sha256', secret).update(toSign).digest('hex');
}

export function acs3Authorization(accessKeyId: string, secret: string, req: Acs3Request): string {
  const signed = [...new Set(req.signedHeaders.map((n) => n.trim().toLowerCase()))].sort(compare);
  const signature = acs3Signature(secret, { ...req, signedHeaders: signed });
  return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signed.join(';')},` +
    `Signature=${signature}`;
}

export interface Acs3AuthorizationParts {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Reads `ACS3-HMAC-SHA256 Credential=..,SignedHeaders=a;b,Signature=hex`; null if garbled. */
export function parseAcs3Authorization(header: string): Acs3AuthorizationParts | null {
  const match = /^\s*(\S+)\s+(.*)$/.exec(header);
  if (!match || match[1] !== ACS3_ALGORITHM) return null;

  const fields = new Map<string, string>();
  for (const part of (match[2] ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }

  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature || !/^[0-9a-f]{64}$/i.test(signature)) {
    return null;
  }
  return {
    accessKeyId,
    signedHeaders: signedHeaders.split(';').map((n) => n.trim().toLowerCase()),
    signature: signature.toLowerCase(),
  };
}

/** V1: `METHOD&%2F&` followed by the encoded canonical query, every parameter but Signature. */
export function v1StringToSign(method: string, params: readonly Param[]): string {
  const signed = params.filter(([name]) => name !== 'Signature');
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(signed))}`;
}

/** V1: base64 HMAC-SHA1 keyed with the secret followed by `&`. */
export function v1Signature(secret: string, method: string, params: readonly Param[]): string {
  return createHmac('sha1', `${secret}&`).update(v1StringToSign(method, params)).digest('base64');
}

/** Compares two signatures without leaking, through timing, how much of them matched. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

/** Byte order of UTF-16 code units is enough here: encoded names are plain ASCII. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
