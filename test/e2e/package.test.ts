/**
 * The package as users get it: `npm pack` holds only what runs, installs from the tarball
 * without a build step, and its binary works through `npx` from an empty folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspace } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NPM_TIMEOUT = 180_000;

interface Exec {
  status: number | null;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Exec> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

// npm keeps using the machine's own cache and registry settings; the tool runs in a workspace.
const npmEnv = { ...process.env, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', NO_COLOR: '1' };

let tarball = '';
let files: string[] = [];
let unpacked = '';

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'dist/cli.js')), 'run `npm run build` first').toBe(true);
  const out = mkdtempSync(join(tmpdir(), 'alikafka-offsets-pack-'));
  // Without scripts: the tarball holds the dist/ just built, and `prepare` must not be needed.
  const pack = await exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out],
    ROOT, npmEnv);
  expect(pack.status, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string }[];
  tarball = join(out, info!.filename);

  const list = await exec('tar', ['-tzf', tarball], out, npmEnv);
  expect(list.status, list.stderr).toBe(0);
  files = list.stdout.trim().split('\n').map((f) => f.replace(/^package\//, ''));

  unpacked = join(out, 'unpacked');
  mkdirSync(unpacked);
  const untar = await exec('tar', ['-xzf', tarball, '-C', unpacked], out, npmEnv);
  expect(untar.status, untar.stderr).toBe(0);
}, NPM_TIMEOUT);

describe('the tarball', () => {
  it('holds only bin/, dist/*.js, the rendered help, README.md, LICENSE and package.json', () => {
    const allowed =
      /^(bin\/[^/]+|dist\/[^/]+\.js|dist\/help\.json|README\.md|LICENSE|package\.json)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining([
      'bin/alikafka-offsets.cjs', 'dist/cli.js', 'dist/help.json', 'README.md', 'LICENSE',
      'package.json',
    ]));
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
    expect(files).not.toContain('dist/meta.json');
  });

  it('declares the engine, the binary, and no script that runs at install', () => {
    const pkg = JSON.parse(readFileSync(join(unpacked, 'package/package.json'), 'utf8'));
    expect(pkg.engines?.node).toMatch(/^>=\s*20/);
    expect(pkg.bin).toEqual({ 'alikafka-offsets': 'bin/alikafka-offsets.cjs' });
    const installScripts = ['preinstall', 'install', 'postinstall', 'prepublish'];
    expect(Object.keys(pkg.scripts ?? {}).filter((s) => installScripts.includes(s))).toEqual([]);
    const bin = readFileSync(join(unpacked, 'package/bin/alikafka-offsets.cjs'), 'utf8');
    expect(bin.startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs from the unpacked files alone, with no node_modules anywhere', async () => {
    const ws = workspace();
    const bin = join(unpacked, 'package/bin/alikafka-offsets.cjs');
    expect(existsSync(join(unpacked, 'package/node_modules'))).toBe(false);

    const help = await exec(process.execPath, [bin, '--help'], ws.home, ws.env);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: alikafka-offsets');

    // A reset loads the SDK, the credentials library and the sandbox: all must be bundled.
    const reset = await exec(process.execPath, [bin, 'reset', '--sandbox', '--group',
      'kafka-test', '--topic', 'topic_name', '--to-earliest', '--execute', '--output', 'json'],
    ws.home, ws.env);
    expect(reset.status, reset.stderr).toBe(0);
    expect(JSON.parse(reset.stdout)).toMatchObject({ ok: true, executed: true });
  });
});

describe('installed from the tarball into an empty folder', () => {
  it('works through npx: --help and explain Group.Active', async () => {
    const project = mkdtempSync(join(tmpdir(), 'alikafka-offsets-install-'));
    writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
    const install = await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund',
      '--loglevel=error', tarball], project, npmEnv);
    expect(install.status, install.stderr).toBe(0);

    const ws = workspace();
    const env = { ...ws.env, npm_config_cache: join(ws.home, 'npm-cache') };
    const help = await exec('npx', ['--no-install', 'alikafka-offsets', '--help'], project, env);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: alikafka-offsets');
    expect(help.stdout).toContain('Exit status:');

    const explain = await exec('npx', ['--no-install', 'alikafka-offsets', 'explain',
      'Group.Active'], project, env);
    expect(explain.status, explain.stderr).toBe(0);
    expect(explain.stdout.split('\n')[0]).toBe('Group.Active');
    expect(explain.stdout).toMatch(/exit status\s+1/);
  }, NPM_TIMEOUT);
});
