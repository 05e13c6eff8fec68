/** Turning whatever the SDK or the network threw into this tool's `ServiceFailure`. */
import type { ServiceFailure } from '../errors.js';
import { quoteStart } from './response.js';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/** TLS spoken to a plain-HTTP server (or the other way round) is a setting, not an outage. */
const TLS_MISMATCH = /wrong version number|EPROTO|ssl3_get_record|packet length too long/i;

interface Thrown {
  name?: string;
  code?: unknown;
  message?: unknown;
  statusCode?: unknown;
  requestId?: unknown;
  retryAfter?: unknown;
  data?: unknown;
  cause?: unknown;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value);
  return s === '' || s === 'undefined' ? undefined : s;
}

/** The service's own message, without the SDK's "code: 400, … request id: …" wrapping. */
function serviceMessage(err: Thrown): string {
  const data = err.data as Record<string, unknown> | undefined;
  const fromBody = data && (text(data.Message) ?? text(data.message));
  if (fromBody) return fromBody;
  const raw = text(err.message) ?? '';
  return raw.replace(/^code: \d+, /, '').replace(/ request id: \S*$/, '');
}

/** The SDK glues the request line onto the network error ("…hang upPOST http://…"). */
function cleanMessage(message: string): string {
  // The request line carries the query (names of groups and topics, never a secret in v3, but
  // long); the method and address are what helps.
  return message
    .replace(/(\S)((?:GET|POST|PUT|DELETE) https?:\/\/)/, '$1 ($2')
    .replace(/(\((?:GET|POST|PUT|DELETE) https?:\/\/[^/?\s]+)[^\s)]*( failed\.?)?$/, '$1)');
}

function networkCode(err: Thrown): string | undefined {
  for (let e: Thrown | undefined = err, depth = 0; e && depth < 4; depth++) {
    const code = text(e.code);
    if (code && NETWORK_CODES.has(code)) return code;
    if (TLS_MISMATCH.test(text(e.message) ?? '')) return 'EPROTO';
    if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'Timeout';
    const msg = text(e.message) ?? '';
    if (/socket hang up/i.test(msg)) return 'ECONNRESET';
    if (/timeout/i.test(e.name ?? '') || /timed? ?out/i.test(msg)) return 'Timeout';
    e = e.cause as Thrown | undefined;
  }
  return undefined;
}

/** `undefined` when the error is not about the call itself (a defect, or a credentials problem). */
export function failureFrom(
  err: unknown,
  action: string,
  attempts: number,
): ServiceFailure | undefined {
  const thrown = (err ?? {}) as Thrown;
  const status = typeof thrown.statusCode === 'number' ? thrown.statusCode : undefined;

  if (thrown.name === 'InBandFailure') {
    const { verdict } = err as { verdict: { code: string; message: string; requestId?: string } };
    return { action, serviceCode: verdict.code, serviceMessage: verdict.message,
      requestId: verdict.requestId, httpStatus: status, attempts };
  }

  if (status !== undefined) {
    const data = thrown.data as Record<string, unknown> | undefined;
    const retryAfter = Number(thrown.retryAfter);
    return {
      action,
      serviceCode: text(thrown.code) ?? text(data?.Code) ?? `HTTP${status}`,
      serviceMessage: serviceMessage(thrown),
      requestId: text(thrown.requestId) ?? text(data?.RequestId),
      httpStatus: status,
      attempts,
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    };
  }

  const net = networkCode(thrown);
  if (net === 'Timeout') {
    return {
      action,
      serviceCode: 'Timeout',
      serviceMessage: 'no answer within the time allowed',
      attempts,
      timedOut: true,
    };
  }
  if (net) {
    const message = cleanMessage(text(thrown.message) ?? net);
    const tls = TLS_MISMATCH.test(message) || net === 'EPROTO' ||
      net === 'ERR_SSL_WRONG_VERSION_NUMBER';
    return {
      action,
      serviceCode: tls ? 'TLSMismatch' : net,
      serviceMessage: tls
        ? `the endpoint did not answer in TLS (${message}); a local endpoint speaks plain ` +
          'HTTP: give --endpoint as http://host:port'
        : message,
      attempts,
      network: !tls,
    };
  }
  const mismatch = /type of \w+ is mismatch/.test(text(thrown.message) ?? '');
  if (thrown instanceof SyntaxError || mismatch) {
    return {
      action,
      serviceCode: 'InvalidResponse',
      serviceMessage: `the answer is not the JSON object expected: ${quoteStart(thrown.message)}`,
      attempts,
    };
  }
  return undefined;
}
