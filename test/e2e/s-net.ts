/**
 * A record of every TCP connection the binary tries to open, loaded into the child through
 * NODE_OPTIONS. Connections to anything but loopback are refused before any packet leaves, so a
 * fault in the tool can never reach a cloud host or the metadata service from a test, and the
 * test can show that it did not try.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Attempt {
  host: string;
  port: number | null;
  blocked: boolean;
}

// CommonJS, because `--require` is the preload NODE_OPTIONS accepts for both module kinds.
const PRELOAD = `'use strict';
const net = require('node:net');
const fs = require('node:fs');
const log = process.env.S_NET_LOG;
const connect = net.Socket.prototype.connect;

function target(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') {
    if (first.path) return { host: 'unix:' + first.path, port: null, local: true };
    return { host: String(first.host || 'localhost'), port: Number(first.port) || null };
  }
  if (typeof first === 'string' && !/^\\d+$/.test(first)) {
    return { host: 'unix:' + first, port: null, local: true };
  }
  const host = typeof args[1] === 'string' ? args[1] : 'localhost';
  return { host, port: Number(first) || null };
}

function loopback(host) {
  const bare = host.replace(/^\\[|\\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\\.\\d{1,3}){3}$/.test(bare);
}

net.Socket.prototype.connect = function (...args) {
  const t = target(args);
  const blocked = !t.local && !loopback(t.host);
  if (log) {
    fs.appendFileSync(log, JSON.stringify({ host: t.host, port: t.port, blocked }) + '\\n');
  }
  if (!blocked) return connect.apply(this, args);

  const err = Object.assign(new Error('connect ECONNREFUSED ' + t.host + ' (blocked by the ' +
    'test: only loopback may be reached)'), { code: 'ECONNREFUSED' });
  process.nextTick(() => this.destroy(err));
  return this;
};
`;

export interface NetRecorder {
  /** The variables that load the recorder into a child. */
  env: NodeJS.ProcessEnv;
  /** Every attempt since the last `clear`. */
  attempts(): Attempt[];
  clear(): void;
}

/** Writes the preload into `dir` and returns how to use it. */
export function netRecorder(dir: string): NetRecorder {
  const preload = join(dir, 's-net-preload.cjs');
  const log = join(dir, 's-net.log');
  writeFileSync(preload, PRELOAD);
  writeFileSync(log, '');

  return {
    env: { NODE_OPTIONS: `--require ${preload}`, S_NET_LOG: log },
    attempts: () => readFileSync(log, 'utf8').split('\n').filter(Boolean)
      .map((line) => JSON.parse(line) as Attempt),
    clear: () => writeFileSync(log, ''),
  };
}
