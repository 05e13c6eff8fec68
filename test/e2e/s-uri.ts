/**
 * A credentials URI endpoint on loopback: it answers every GET with the key it was given, in
 * the shape `@alicloud/credentials` expects, and counts the requests and their paths.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Key } from './s-home.js';

export interface CredentialsServer {
  url: string;
  /** The request lines seen, path and query. */
  requests: string[];
  close(): Promise<void>;
}

export async function startCredentialsServer(key: Key, status = 200): Promise<CredentialsServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({
      Code: 'Success',
      AccessKeyId: key.id,
      AccessKeySecret: key.secret,
      SecurityToken: key.token,
      Expiration: '2099-01-01T00:00:00Z',
    }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
