/**
 * A loopback relay between the binary and a sandbox that keeps what the client put on the wire:
 * the signature of each request and the security token it carried. The tests need the
 * signatures to look for them in everything the tool writes; the sandbox does not keep them.
 */
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  /** The signature value: from `Authorization` (V3) or the `Signature` parameter (V1). */
  signature: string | null;
  /** The `x-acs-security-token` header, if sent. */
  tokenHeader: string | null;
  action: string | null;
}

export interface Relay {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

function one(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : null;
}

function signatureOf(headers: IncomingHttpHeaders, url: string, body: string): string | null {
  const auth = one(headers, 'authorization');
  const v3 = auth === null ? null : /Signature=([^,\s]+)/.exec(auth);
  if (v3) return v3[1] ?? null;

  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  for (const part of [query, body]) {
    const v1 = new URLSearchParams(part).get('Signature');
    if (v1) return v1;
  }
  return null;
}

/** Starts a relay on 127.0.0.1 that forwards every request unchanged to `target`. */
export async function startRelay(target: string): Promise<Relay> {
  const upstream = new URL(target);
  const seen: Seen[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({
        signature: signatureOf(req.headers, req.url ?? '', body.toString('utf8')),
        tokenHeader: one(req.headers, 'x-acs-security-token'),
        action: one(req.headers, 'x-acs-action'),
      });

      // The Host header is passed on as signed, so the sandbox verifies what the client signed.
      const out = request({
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      // A dropped connection upstream is passed on as a dropped connection.
      out.on('error', () => req.socket.destroy());
      out.end(body);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
