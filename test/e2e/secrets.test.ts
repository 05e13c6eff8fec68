/**
 * No secret, token or signature in anything the tool writes. Every command is run against a
 * sandbox started here, succeeding and failing, in text and JSON with --verbose, with the key
 * from the environment and from a profile file; its streams and every file it leaves under
 * HOME are scanned for the secrets, the tokens, the signatures seen on the wire and whole key
 * ids.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armFault, clearFaults, readSandboxState, updateSandboxState }
  from '../../src/sandbox/index.js';
import type { Workspace } from './harness.js';
import { CASES, ENV_TOKEN, FETCHED_TOKEN, FILE_TOKEN, FLAVOURS, SCAN_KEY, URI_KEY, URI_QUERY_TOKEN,
  WRONG_ENV_SECRET, WRONG_FILE_SECRET, scanProfiles, type Case, type Flavour,
  type Scene } from './s-cases.js';
import { Bench, sha256, writeCliConfig, type KeyedSandbox } from './s-home.js';
import { startRelay, type Relay } from './s-proxy.js';
import { leaksIn, leaksInFiles, type Needles } from './s-scan.js';
import { startCredentialsServer } from './s-uri.js';

const bench = new Bench();
const FORMATS = [
  { name: 'text', args: ['--verbose'] },
  { name: 'json', args: ['--verbose', '--output', 'json'] },
];
const SECRETS = [SCAN_KEY.secret, ENV_TOKEN, FILE_TOKEN, WRONG_ENV_SECRET, WRONG_FILE_SECRET,
  URI_KEY.secret, URI_KEY.token ?? '', URI_QUERY_TOKEN, FETCHED_TOKEN];

let ws: Workspace;
let sandbox: KeyedSandbox;
let relay: Relay;
let inputs: string[];
let files = 0;

function needles(): Needles {
  const signatures = relay.seen.map((s) => s.signature).filter((s): s is string => s !== null);
  return { secrets: SECRETS, signatures, keyIds: [SCAN_KEY.id, URI_KEY.id] };
}

/** A tool output for an assertion message, with every secret cut out. */
function shown(text: string): string {
  return SECRETS.reduce((out, s) => out.split(s).join('<secret>'), text).slice(-600);
}

function latestSnapshot(): string {
  const dir = join(ws.stateDir, 'snapshots');
  const newest = readdirSync(dir).map((name) => join(dir, name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs).at(-1);
  if (!newest) throw new Error(`no snapshot in ${dir}: the executed reset should have saved one`);
  return newest;
}

function scene(flavour: Flavour): Scene {
  return {
    flavour,
    endpoint: relay.url,
    home: ws.home,
    statePath: sandbox.statePath,
    latestSnapshot,
    nextFile: (ext) => join(ws.home, `export-${++files}.${ext}`),
  };
}

/** Runs a case in both formats; returns what the scan found in the streams. */
async function runCase(c: Case, flavour: Flavour, home = ws): Promise<string[]> {
  const s = scene(flavour);
  const findings: string[] = [];
  for (const format of FORMATS) {
    const fault = typeof c.fault === 'function' ? c.fault(s) : c.fault;
    if (fault) await updateSandboxState(sandbox.statePath, (st) => void armFault(st, fault));
    const env = c.env ? c.env(s) : flavour.env;
    const result = await bench.run(home, [...c.args(s), ...format.args], env);
    if (fault) await updateSandboxState(sandbox.statePath, (st) => void clearFaults(st));

    const where = `${c.name}, ${format.name}`;
    const context = `${where}: stdout ${shown(result.stdout)}\nstderr ${shown(result.stderr)}`;
    expect(result.status, context).toBe(c.status);
    if (format.name === 'json') {
      // One JSON document on stdout, nothing else, whatever --verbose adds to stderr.
      const doc = JSON.parse(result.stdout) as { ok?: boolean; error?: { code?: string } };
      if (c.code) expect(doc.error?.code, context).toBe(c.code);
      if (c.status === 0) expect(doc.ok, context).not.toBe(false);
    }
    const opts = { keyIdsAllowed: c.keyIdsAllowed };
    findings.push(...leaksIn(result.stdout, `${where}, stdout`, needles(), opts));
    findings.push(...leaksIn(result.stderr, `${where}, stderr`, needles(), opts));
  }
  return findings;
}

beforeAll(async () => {
  ws = bench.workspace();
  const brokenUri = await startCredentialsServer(URI_KEY, 500);
  bench.onClose(() => brokenUri.close());
  inputs = [writeCliConfig(ws.home, scanProfiles(brokenUri.url))];

  // Latency faults never answer: the client's own timeout is what ends those calls.
  sandbox = await bench.sandbox(SCAN_KEY, () => new Promise<void>(() => {}));
  relay = await startRelay(sandbox.handle.url);
  bench.onClose(() => relay.close());
});

afterAll(() => bench.close());

describe('the scan itself', () => {
  it('finds a secret in each spelling, a signature, and a whole key id', () => {
    const n = { secrets: [FILE_TOKEN], signatures: ['abc123def456'], keyIds: [SCAN_KEY.id] };
    const spelled = [FILE_TOKEN, encodeURIComponent(FILE_TOKEN),
      encodeURIComponent(encodeURIComponent(FILE_TOKEN)), JSON.stringify(FILE_TOKEN)];

    for (const text of spelled) expect(leaksIn(`x ${text} y`, 'here', n)).toHaveLength(1);
    expect(leaksIn('sig=abc123def456', 'here', n)).toEqual(['here: request signature #1 (plain)']);
    expect(leaksIn(`id ${SCAN_KEY.id}`, 'here', n)).toEqual(['here: access key id #1 unmasked']);
    expect(leaksIn('id LTAI****sc06', 'here', n)).toEqual([]);
  });
});

describe.each(FLAVOURS)('with the key in $name', (flavour) => {
  it.each(CASES)('$name: writes no secret, token, signature or whole key id', async (c) => {
    expect(await runCase(c, flavour)).toEqual([]);
  });
});

describe('a token the tool fetched itself', () => {
  it('is cut from the report when the service quotes it', async () => {
    const server = await startCredentialsServer({ ...SCAN_KEY, token: FETCHED_TOKEN });
    bench.onClose(() => server.close());
    const uriEnv = { ALIBABA_CLOUD_CREDENTIALS_URI: `${server.url}/creds` };
    const quoting: Case = {
      name: 'a quoted token fetched from a credentials URI',
      args: (s) => ['describe', '--group', 'kafka-test', '--endpoint', s.endpoint,
        '--instance', sandbox.handle.instanceId, '--region', sandbox.handle.regionId,
        '--retries', '0'],
      env: () => uriEnv,
      fault: { kind: 'error', code: 'InvalidSecurityToken.Malformed', status: 400,
        message: `The security token ${FETCHED_TOKEN} is malformed.`, times: 'always' },
      status: 1,
      code: 'InvalidSecurityToken.Malformed',
    };

    // A HOME of its own: the scan's config.json would be chosen before the URI.
    expect(await runCase(quoting, FLAVOURS[0] as Flavour, bench.workspace())).toEqual([]);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(relay.seen.map((s) => s.tokenHeader)).toContain(FETCHED_TOKEN);
  });
});

describe('what is left on disk', () => {
  it('saw signed requests and tokens on the wire, so the scans had something to find', () => {
    const tokens = new Set(relay.seen.map((s) => s.tokenHeader));

    expect(needles().signatures.length).toBeGreaterThan(20);
    expect(tokens).toContain(ENV_TOKEN);
    expect(tokens).toContain(FILE_TOKEN);
  });

  it('leaves no secret, token, signature or whole key id in any file under HOME', () => {
    const written = leaksInFiles(ws.home, needles(), inputs);

    expect(files).toBeGreaterThan(0);
    expect(written).toEqual([]);
  });

  it("keeps only the tokens' hashes in the sandbox state, never a token or secret", async () => {
    const state = await readSandboxState(sandbox.statePath);
    const hashes = new Set(state.log.map((e) => e.securityTokenSha256));
    const text = JSON.stringify(state);

    expect(hashes).toContain(sha256(ENV_TOKEN));
    expect(hashes).toContain(sha256(FILE_TOKEN));
    expect(leaksIn(text, 'sandbox state', needles(), { keyIdsAllowed: true })).toEqual([]);
  });
});
