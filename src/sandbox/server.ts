/**
 * The sandbox's HTTP endpoint. It speaks plain HTTP on loopback, reads each call's parameters
 * from the query and a form-encoded body, and hands the call to `respond` inside a state
 * transaction, so every answer is written to the state file before it is sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../errors.js';
import {
  SANDBOX_ACCESS_KEY_ID,
  SANDBOX_ACCESS_KEY_SECRET,
  SANDBOX_DEFAULT_HOST,
  SANDBOX_DEFAULT_PORT,
} from './constants.js';
import { newRequestId, respond, type Outcome } from './dispatch.js';
import type { IncomingCall } from './gateway.js';
import type { LogEntry } from './model.js';
import type { Param } from './signature.js';
import { StateStore } from './state.js';

export interface SandboxOptions {
  host?: string;
  /** 0 picks any free port. */
  port?: number;
  statePath: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** The sandbox clock: request dates are checked and seeds laid out against it. */
  now?: () => number;
  seed?: { bulkTopics?: number; bulkPartitions?: number };
  /** How latency faults wait; tests pass one that does not really sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Listen on an address other than loopback. */
  allowRemote?: boolean;
  /** Told of every call once its answer is decided, e.g. for `--verbose`. */
  onCall?: (entry: LogEntry) => void;
}

export interface SandboxHandle {
  /** http://host:port */
  url: string;
  host: string;
  port: number;
  accessKeyId: string;
  accessKeySecret: string;
  instanceId: string;
  regionId: string;
  close(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;

export async function startSandbox(opts: SandboxOptions): Promise<SandboxHandle> {
  const host = opts.host ?? SANDBOX_DEFAULT_HOST;
  if (!isLoopback(host) && !opts.allowRemote) {
    const message = `the sandbox listens on loopback only, not ${host}`;
    throw new UsageError('SANDBOX_REMOTE_HOST', message, {
      hint: 'use 127.0.0.1, ::1 or localhost, or pass --allow-remote to expose it knowingly',
    });
  }
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const accessKeyId = opts.accessKeyId ?? SANDBOX_ACCESS_KEY_ID;
  const accessKeySecret = opts.accessKeySecret ?? SANDBOX_ACCESS_KEY_SECRET;

  // Loading on start seeds a missing file, so the first command already finds the data.
  const store = new StateStore(opts.statePath, { now, seed: opts.seed });
  const { instanceId, regionId } = await store.transaction((s) => ({
    instanceId: s.instanceId,
    regionId: s.regionId,
  }));

  const server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => answerInternal(res, err));
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const call = incomingCall(req, body);
    const ctx = {
      requestId: newRequestId(),
      now: now(),
      accessKeyId,
      accessKeySecret,
      hostId: req.headers.host ?? host,
    };
    const outcome = body === null ? tooLarge(ctx.requestId) : await store.transaction(
      (state) => respond(state, call, ctx),
    );
    if (outcome.entry) opts.onCall?.(outcome.entry);
    if (outcome.latencyMs > 0) await sleep(outcome.latencyMs);
    send(req, res, outcome);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, host, opts.port)));
    server.listen(opts.port ?? SANDBOX_DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    accessKeyId,
    accessKeySecret,
    instanceId,
    regionId,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

function incomingCall(req: IncomingMessage, body: Buffer | null): IncomingCall {
  const raw = req.url ?? '/';
  const mark = raw.indexOf('?');
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  const isForm = type.startsWith('application/x-www-form-urlencoded');

  return {
    method: req.method ?? 'GET',
    path: mark < 0 ? raw : raw.slice(0, mark),
    query: mark < 0 ? [] : parseParams(raw.slice(mark + 1)),
    form: isForm && body ? parseParams(body.toString('utf8')) : [],
    headers: req.headersDistinct,
    body: body ?? Buffer.alloc(0),
  };
}

/** `a=1&b=%20` to pairs; `+` is a space, as in every form encoding. */
export function parseParams(text: string): Param[] {
  const pairs: Param[] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([decode(name), decode(value)]);
  }
  return pairs;
}

function decode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** The body, or null when it is larger than any call of this API needs. */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the limit, so that the answer can still be sent.
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= BODY_LIMIT) chunks.push(chunk as Buffer);
  }
  return size > BODY_LIMIT ? null : Buffer.concat(chunks);
}

function send(req: IncomingMessage, res: ServerResponse, outcome: Outcome): void {
  if (outcome.drop) {
    req.socket.destroy();
    return;
  }
  res.writeHead(outcome.status, {
    ...outcome.headers,
    'content-length': Buffer.byteLength(outcome.body),
  });
  res.end(outcome.body);
}

function tooLarge(requestId: string): Outcome {
  return {
    status: 413,
    headers: { 'content-type': 'application/json;charset=utf-8', 'x-acs-request-id': requestId },
    body: JSON.stringify({
      RequestId: requestId,
      Code: 'RequestEntityTooLarge',
      Message: `The request body is larger than ${BODY_LIMIT} bytes.`,
    }),
    drop: false,
    latencyMs: 0,
  };
}

/** A fault of the sandbox itself (the state file cannot be written...), not an armed one. */
function answerInternal(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const requestId = newRequestId();
  const reason = err instanceof Error ? err.message : String(err);
  res.writeHead(500, {
    'content-type': 'application/json;charset=utf-8',
    'x-acs-request-id': requestId,
  });
  res.end(
    JSON.stringify({
      RequestId: requestId,
      Code: 'InternalError',
      Message: `The sandbox failed to answer: ${reason}`,
    }),
  );
}

/** A port that is taken or not allowed is the operator's to fix, not a defect. */
function listenError(err: NodeJS.ErrnoException, host: string, port?: number): Error {
  if (err.code !== 'EADDRINUSE' && err.code !== 'EACCES' && err.code !== 'EADDRNOTAVAIL') {
    return err;
  }
  const why = err.code === 'EADDRINUSE' ? 'is already in use'
    : err.code === 'EACCES' ? 'is not allowed for this user' : 'is not available on this machine';
  return new UsageError('SANDBOX_PORT', `the sandbox cannot listen on ${host}:` +
    `${port ?? SANDBOX_DEFAULT_PORT}: the address ${why}`, {
    hint: 'Choose another --port, or --port 0 for any free one (the sandbox prints it).',
  });
}
