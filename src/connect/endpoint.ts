/**
 * `--endpoint`: a host, host:port or http(s) URL, checked once here so that the SDK only ever
 * receives a bare host and a protocol.
 */
import { UsageError } from '../errors.js';

export interface Endpoint {
  /** What the SDK Config takes as `endpoint`: a host, with the port when one was given. */
  host: string;
  protocol: 'HTTP' | 'HTTPS';
  url: string;
}

const EXPECTED =
  'expected a host (alikafka.cn-hangzhou.aliyuncs.com), host:port, ' +
  'https://host[:port] or http://host:port for a local endpoint';

/** A DNS name, an IPv4 address or a bracketed IPv6 address, with an optional port. */
const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d+))?$/;

function refuse(value: string, why: string): never {
  // A query string is cut from the echo: it is where a token would sit.
  const shown = value.replace(/[?#].*$/s, '?…');
  throw new UsageError('INVALID_ENDPOINT', `--endpoint "${shown}" ${why}; ${EXPECTED}`);
}

function checkHostPort(value: string, hostPort: string): string {
  const match = HOST_PORT.exec(hostPort);
  if (!match) refuse(value, 'is not a host name, IP address or host:port');

  const port = match[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    refuse(value, `has port ${port}, outside 1-65535`);
  }
  return hostPort.toLowerCase();
}

/** Host, host:port, https://… or http://…; paths, queries and other schemes are refused. */
export function parseEndpoint(value: string): Endpoint {
  const trimmed = value.trim();
  if (trimmed === '') refuse(value, 'is empty');

  // The value is not echoed: what precedes the @ may be a password.
  if (trimmed.includes('@')) {
    throw new UsageError(
      'INVALID_ENDPOINT',
      `--endpoint carries a user name or password (it contains "@"); ${EXPECTED}`,
    );
  }

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(trimmed);
  if (!scheme) {
    if (/[/?#\s]/.test(trimmed)) refuse(value, 'has a path, query or fragment');
    const host = checkHostPort(value, trimmed);
    return { host, protocol: 'HTTPS', url: `https://${host}` };
  }

  const name = (scheme[1] ?? '').toLowerCase();
  if (name !== 'http' && name !== 'https') refuse(value, `uses the scheme "${name}"`);

  const rest = trimmed.slice(scheme[0].length).replace(/\/$/, '');
  if (/[/?#]/.test(rest)) refuse(value, 'has a path, query or fragment');

  const host = checkHostPort(value, rest);
  const protocol = name === 'http' ? 'HTTP' : 'HTTPS';
  return { host, protocol, url: `${name}://${host}` };
}

/** The region named by a regional ApsaraMQ for Kafka host, public or VPC, if it is one. */
export function regionOfHost(host: string): string | undefined {
  const bare = host.replace(/:\d+$/, '');
  const match = /^alikafka(?:-vpc)?\.([a-z0-9-]+)\.aliyuncs\.com$/.exec(bare);
  return match?.[1];
}

/** The SDK's endpoint for the region, or the regional host the SDK would build for it. */
export function defaultEndpoint(region: string, known: Record<string, string>): Endpoint {
  const host = known[region] ?? `alikafka.${region}.aliyuncs.com`;
  return { host, protocol: 'HTTPS', url: `https://${host}` };
}
