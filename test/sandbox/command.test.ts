import { commandStatus } from '../../src/command.js';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/commands/sandbox.js';
import type { Context } from '../../src/context.js';
import * as control from '../../src/sandbox/control.js';
import { isLoopback, readSandboxState } from '../../src/sandbox/index.js';
import { serve } from '../../src/sandbox/serve.js';
import { KAFKA_TEST, tempDir, v3Call } from './helpers.js';

let dir: string;
let statePath: string;
beforeEach(async () => {
  dir = await tempDir();
  statePath = join(dir, 'sandbox.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fakeContext(output: 'text' | 'json' = 'text', verbose = false) {
  const written = { out: '', err: '' };
  const ctx: Context = {
    stdout: { write: (s: string) => (written.out += s) },
    stderr: { write: (s: string) => (written.err += s) },
    env: {},
    now: () => Date.now(),
    sleep: async () => undefined,
    output,
    color: false,
    verbose,
    stateDir: dir,
  };
  return { ctx, written };
}

/** Starts `sandbox` as the command would and returns what it printed and how to stop it. */
async function running(output: 'text' | 'json', extra: Record<string, unknown> = {}) {
  const { ctx, written } = fakeContext(output, Boolean(extra.verbose));
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const done = serve({ port: '0', ...extra }, ctx, () => stopped);
  while (!written.out.includes('\n')) await new Promise((r) => setImmediate(r));
  return { written, stop: async () => (stop(), done) };
}

describe('sandbox (the server command)', () => {
  it('prints one JSON line with the endpoint, key, instance and region, then serves', async () => {
    const { written, stop } = await running('json');
    const facts = JSON.parse(written.out.trim());
    expect(written.out.trim().split('\n')).toHaveLength(1);
    expect(facts).toMatchObject({
      command: 'sandbox',
      host: '127.0.0.1',
      accessKeyId: 'LTAIsandbox0000000001',
      instanceId: 'alikafka_sandbox-cn-hangzhou',
      regionId: 'cn-hangzhou',
      statePath: join(dir, 'sandbox.json'),
    });
    expect(facts.url).toBe(`http://127.0.0.1:${facts.port}`);
    expect(facts.port).toBeGreaterThan(0);

    const answer = await v3Call(facts, KAFKA_TEST);
    expect(answer.status).toBe(200);
    expect(await stop()).toBe(0);
    await expect(v3Call(facts, KAFKA_TEST)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('prints the endpoint, the key it accepts and a command line to try', async () => {
    const opts = { accessKeyId: 'LTAIrehearsal', state: statePath };
    const { written, stop } = await running('text', opts);
    await stop();
    const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(written.out)?.[1];
    expect(port).toBeDefined();
    expect(written.out).toContain('LTAIrehearsal');
    expect(written.out).toContain('SandboxSecretForLocalUseOnly0001');
    expect(written.out).toContain(
      `ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIrehearsal ALIBABA_CLOUD_ACCESS_KEY_SECRET=` +
        `SandboxSecretForLocalUseOnly0001 alikafka-offsets describe --endpoint ` +
        `http://127.0.0.1:${port} --instance alikafka_sandbox-cn-hangzhou --region cn-hangzhou ` +
        `--group kafka-test`,
    );
    expect(written.err).toMatch(/Ctrl-C/);
  });

  it('logs each call on stderr with --verbose, without the signature', async () => {
    const { written, stop } = await running('json', { verbose: true });
    const facts = JSON.parse(written.out.trim());
    await v3Call(facts, KAFKA_TEST);
    await stop();
    expect(written.err).toMatch(/GetConsumerProgress -> 200 OK \[v3 LTAIsandbox0000000001\]/);
    expect(written.err).not.toMatch(/Signature=/);
  });

  it('says that --bulk-topics needs a fresh seed when the state already exists', async () => {
    const { ctx } = fakeContext();
    await control.resetState({}, ctx, []);
    const { written, stop } = await running('json', { state: statePath, bulkTopics: '2' });
    await stop();
    expect(written.err).toContain('sandbox reset-state --bulk-topics 2');
    expect((await readSandboxState(statePath)).groups['kafka-bulk']).toBeUndefined();
  });

  it('refuses to listen beyond loopback without --allow-remote', async () => {
    const { ctx } = fakeContext();
    const now = () => Promise.resolve();
    await expect(serve({ host: '0.0.0.0', port: '0' }, ctx, now))
      .rejects.toMatchObject({ code: 'SANDBOX_REMOTE_HOST', exitStatus: 2 });
    await expect(serve({ port: '70000' }, ctx, now))
      .rejects.toMatchObject({ exitStatus: 2 });
  });

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) {
      expect(isLoopback(host)).toBe(true);
    }
    for (const host of ['0.0.0.0', '10.0.0.1', '::', 'example.com', '127.0.0.1.nip.io']) {
      expect(isLoopback(host)).toBe(false);
    }
  });
});

describe('sandbox subcommands', () => {
  it('fault add, list and clear change the state file', async () => {
    const { ctx, written } = fakeContext();
    await control.faultAdd({ action: 'UpdateConsumerOffset', times: '2', retryAfter: '250' }, ctx,
      ['throttle']);
    await control.faultAdd({ latency: '40' }, ctx, ['latency']);
    expect(written.out).toContain('armed fault #1: throttle (400 Throttling.User, retry after ' +
      '250 ms) on UpdateConsumerOffset for the next 2 calls');

    const state = await readSandboxState(statePath);
    expect(state.faults).toMatchObject([
      { id: 1, kind: 'throttle', action: 'UpdateConsumerOffset', remaining: 2, retryAfterMs: 250 },
      { id: 2, kind: 'latency', action: '*', remaining: null, latencyMs: 40 },
    ]);

    await control.faultList({}, ctx, []);
    expect(written.out).toContain('#2  add 40 ms before answering on every action on every call');

    await control.faultClear({}, ctx, ['1']);
    expect((await readSandboxState(statePath)).faults.map((f) => f.id)).toEqual([2]);
    await expect(control.faultClear({}, ctx, ['9'])).rejects.toMatchObject({ exitStatus: 2 });
    await expect(control.faultAdd({}, ctx, ['explode'])).rejects.toMatchObject({ exitStatus: 2 });
  });

  it('mode turns noop and consumer-commits on and off', async () => {
    const { ctx, written } = fakeContext('json');
    await control.mode({}, ctx, ['consumer-commits', 'on']);
    const modes = (await readSandboxState(statePath)).modes;
    expect(modes).toEqual({ noop: false, consumerCommits: true });
    expect(JSON.parse(written.out).modes.consumerCommits).toBe(true);

    await control.mode({}, ctx, ['noop', 'on']);
    await control.mode({}, ctx, ['consumer-commits', 'off']);
    const after = (await readSandboxState(statePath)).modes;
    expect(after).toEqual({ noop: true, consumerCommits: false });
    await expect(control.mode({}, ctx, ['noop', 'maybe'])).rejects.toMatchObject({ exitStatus: 2 });
    await expect(control.mode({}, ctx, ['turbo', 'on'])).rejects.toMatchObject({ exitStatus: 2 });
  });

  it('consumers takes kafka-active offline and back, and refuses a group without any', async () => {
    const { ctx } = fakeContext();
    await control.consumers({}, ctx, ['offline']);
    const offline = (await readSandboxState(statePath)).groups['kafka-active'];
    expect(offline?.online).toBe(false);

    await control.consumers({ group: 'kafka-active' }, ctx, ['online']);
    const online = (await readSandboxState(statePath)).groups['kafka-active'];
    expect(online?.online).toBe(true);
    expect(online?.generation).toBe((offline?.generation ?? 0) + 1);

    await expect(control.consumers({ group: 'kafka-test' }, ctx, ['offline']))
      .rejects.toMatchObject({ code: 'SANDBOX_NO_CONSUMERS' });
    await expect(control.consumers({}, ctx, ['sideways'])).rejects.toMatchObject({ exitStatus: 2 });
  });

  it('reset-state seeds afresh, with bulk topics when asked', async () => {
    const { ctx } = fakeContext();
    await control.mode({}, ctx, ['noop', 'on']);
    await control.resetState({ bulkTopics: '2', bulkPartitions: '3' }, ctx, []);
    const state = await readSandboxState(statePath);
    expect(state.modes.noop).toBe(false);
    expect(state.groups['kafka-bulk']?.topics).toEqual(['bulk-0000', 'bulk-0001']);
  });

  it('log prints the last calls', async () => {
    const { written, stop } = await running('json', { state: statePath });
    await v3Call(JSON.parse(written.out.trim()), KAFKA_TEST);
    await stop();

    const { ctx, written: logged } = fakeContext();
    await control.log({ last: '5' }, ctx, []);
    expect(logged.out).toMatch(/GetConsumerProgress\s+200 OK\s+v3 LTAIsandbox0000000001/);
  });
});

describe('registration', () => {
  function program() {
    const root = new Command('alikafka-offsets').exitOverride().option('--output <format>');
    register(root);
    return root;
  }

  it('offers the contract\'s options and the control subcommands', () => {
    const sandbox = program().commands.find((c) => c.name() === 'sandbox');
    const help = sandbox?.helpInformation() ?? '';
    for (const option of ['--host', '--port', '--state', '--access-key-id', '--access-key-secret',
      '--allow-remote']) {
      expect(help).toContain(option);
    }
    expect(sandbox?.commands.map((c) => c.name())).toEqual(
      ['fault', 'mode', 'consumers', 'reset-state', 'log'],
    );
  });

  it('parses a fault from a shell line, --state after the subcommand', async () => {
    const root = program();
    const printed = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await root.parseAsync(['sandbox', 'fault', 'add', 'error', '--code', 'Group.NotFound',
      '--times', '3', '--state', statePath, '--output', 'json'], { from: 'user' });
    const output = printed.mock.calls.map((call) => String(call[0])).join('');
    printed.mockRestore();
    expect(output).toContain('"code": "Group.NotFound"');
    expect(commandStatus()).toBe(0);
    expect((await readSandboxState(statePath)).faults[0]).toMatchObject({
      kind: 'error', code: 'Group.NotFound', remaining: 3,
    });
  });

  it('keeps the SDK out of everything the sandbox imports', async () => {
    const seen = new Set<string>();
    const pending = [new URL('../../src/sandbox/index.ts', import.meta.url)];
    const packages = new Set<string>();
    while (pending.length > 0) {
      const file = pending.pop() as URL;
      if (seen.has(file.href)) continue;
      seen.add(file.href);
      const source = await readFile(file, 'utf8');
      const specifiers = source.matchAll(/^(?:import|export) [^;]*? from '([^']+)';$/gms);
      for (const [, spec = ''] of specifiers) {
        if (spec.startsWith('.')) pending.push(new URL(spec.replace(/\.js$/, '.ts'), file));
        else packages.add(spec);
      }
    }
    expect([...packages].filter((p) => !p.startsWith('node:'))).toEqual([]);
    expect(seen.size).toBeGreaterThan(5);
  });

  it('loads neither the server nor the SDK to register', async () => {
    const file = new URL('../../src/commands/sandbox.ts', import.meta.url);
    const source = await readFile(file, 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['commander', '../command.js']);
  });
});
