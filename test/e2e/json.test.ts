/**
 * `--output json` on every command: stdout is exactly one JSON document with `schemaVersion`,
 * and its numbers are the ones the text output of the same command shows.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { BIN, run, workspace, type RunResult, type Workspace } from './harness.js';
import { count, expectPlanRow, expectRow, type PlanRow } from './p-text.js';

const GROUP = ['--sandbox', '--group', 'kafka-test'];
const EARLIEST = ['reset', ...GROUP, '--topic', 'topic_name', '--to-earliest'];

/** Runs a command twice, as text and as JSON; the JSON must be one document of its own. */
async function both(ws: Workspace, args: string[], status = 0) {
  const text = await run(args, ws.env);
  const json = await run([...args, '--output', 'json'], ws.env);
  expect(text.status, text.stderr).toBe(status);
  expect(json.status, json.stderr).toBe(status);
  return { text: text.stdout, doc: oneDocument(json) };
}

function oneDocument(res: RunResult): Record<string, unknown> & { [k: string]: any } {
  expect(res.stdout.endsWith('}\n'), `stdout:\n${res.stdout}`).toBe(true);
  const doc = JSON.parse(res.stdout);
  expect(typeof doc).toBe('object');
  expect(Array.isArray(doc)).toBe(false);
  expect(doc.schemaVersion).toBe(1);
  return doc;
}

describe('--output json', () => {
  it('reset plan: the rows, the calls and the effect of the text plan', async () => {
    const ws = workspace();
    const { text, doc } = await both(ws, EARLIEST);
    expect(doc).toMatchObject({ command: 'reset', ok: true, executed: false, group: 'kafka-test' });
    expect(doc.rows).toHaveLength(3);
    for (const row of doc.rows as PlanRow[]) expectPlanRow(text, row);

    const replayed = (doc.rows as PlanRow[]).reduce((n, r) => n + Math.max(0, -(r.change ?? 0)), 0);
    expect(replayed).toBe(3070);
    expect(text).toContain(`effect:   ${count(replayed)} messages replayed, 0 skipped`);
    expect(doc.calls).toEqual([{ topic: 'topic_name', resetType: 'timestamp', time: -2 }]);
    expect(text).toContain('Topic topic_name, ResetType timestamp, Time -2');
  });

  it('reset --execute: the plan, the results and the read-back of the text run', async () => {
    // Each run changes the offsets, so each gets a sandbox of its own with the same seed.
    const textRun = await run([...EARLIEST, '--execute'], workspace().env);
    const jsonRun = await run([...EARLIEST, '--execute', '--output', 'json'], workspace().env);
    expect(textRun.status, textRun.stderr).toBe(0);
    expect(jsonRun.status, jsonRun.stderr).toBe(0);
    const doc = oneDocument(jsonRun);
    const text = textRun.stdout;

    expect(doc).toMatchObject({ command: 'reset', ok: true, executed: true });
    expect(doc.results).toEqual([expect.objectContaining({ topic: 'topic_name', ok: true })]);
    expect(doc.verification.mismatches).toEqual([]);
    expect(text).toContain(`Read back (${doc.verification.checked} partition(s) compared)`);
    for (const row of doc.rows as PlanRow[]) {
      expectPlanRow(text, row);
      expectPlanRow(text, row, doc.verification.readBack[`${row.topic}#${row.partition}`]);
    }
    expect(doc.snapshot).toMatch(/kafka-test-.*\.json$/);
    expect(doc.undoCommand).toContain('alikafka-offsets undo ');
  });

  it('describe: committed offsets, log bounds, lag and total lag of the text table', async () => {
    const ws = workspace();
    const { text, doc } = await both(ws, ['describe', ...GROUP]);
    expect(doc).toMatchObject({ command: 'describe', ok: true, onlineConsumers: false });
    expect(doc.rows).toHaveLength(5);
    for (const r of doc.rows) {
      expectRow(text, [r.topic, r.partition, count(r.committed), count(r.logStart),
        count(r.logEnd), r.lag === null ? 'n/a' : count(r.lag)]);
    }
    const lags = doc.rows.reduce((n: number, r: { lag: number | null }) => n + (r.lag ?? 0), 0);
    expect(doc.totalLag).toBe(lags);
    expect(text).toContain(`Total lag ${count(lags)} over ${doc.rows.length} partition(s)`);
  });

  it('export --format json: the offsets of the CSV export', async () => {
    const ws = workspace();
    const csv = await run(['export', ...GROUP], ws.env);
    const json = await run(['export', ...GROUP, '--format', 'json', '--output', 'json'], ws.env);
    expect(csv.status).toBe(0);
    expect(json.status).toBe(0);
    const doc = oneDocument(json);
    const lines = csv.stdout.trim().split('\n').filter((l) => !l.startsWith('topic,'));
    expect(doc.offsets.map((o: { topic: string; partition: number; offset: number }) =>
      `${o.topic},${o.partition},${o.offset}`)).toEqual(lines);
    expect(doc.offsets).toHaveLength(4);
  });

  it('undo plan: the rows of the text plan', async () => {
    const ws = workspace();
    const reset = oneDocument(await run([...EARLIEST, '--execute', '--output', 'json'], ws.env));
    const { text, doc } = await both(ws, ['undo', reset.snapshot as string, '--sandbox']);
    expect(doc).toMatchObject({ command: 'undo', ok: true, executed: false });
    expect(doc.rows.map((r: PlanRow) => r.target)).toEqual([900, 2000, 320]);
    for (const row of doc.rows as PlanRow[]) expectPlanRow(text, row);
  });

  it('explain: the category, statuses and meaning of the text', async () => {
    const ws = workspace();
    const { text, doc } = await both(ws, ['explain', 'Group.Active']);
    expect(doc).toMatchObject({ command: 'explain', code: 'Group.Active' });
    expectRow(text, ['exit status', doc.exitStatus]);
    expectRow(text, ['HTTP status', doc.httpStatus.join(', ')]);
    expect(text).toContain(doc.summary);
  });

  it('explain --list: every category with as many codes as the text counts', async () => {
    const ws = workspace();
    const { text, doc } = await both(ws, ['explain', '--list']);
    const headings = [...text.matchAll(/^(\S.*) \((\d+)\)$/gm)];
    expect(headings.map((m) => [m[1], Number(m[2])])).toEqual(
      doc.categories.map((c: { title: string; entries: unknown[] }) =>
        [c.title, c.entries.length]));
    expect(headings.reduce((n, m) => n + Number(m[2]), 0)).toBe(doc.count);
  });

  it('config show: the masked key, region and endpoint of the text', async () => {
    const ws = workspace();
    const { text, doc } = await both(ws, ['config', 'show', '--sandbox']);
    expect(doc).toMatchObject({ command: 'config show', ok: true });
    expectRow(text, ['Access key', doc.credentials.accessKeyId]);
    expectRow(text, ['Region', doc.region.id]);
  });

  it('sandbox: one JSON line with the port it listens on', async () => {
    const ws = workspace();
    const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0', '--output', 'json',
      '--state', join(ws.stateDir, 'standalone.json')], { env: ws.env });
    try {
      const lines = createInterface({ input: child.stdout });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      // A sandbox that ends before its first line fails here, with what it said, not by timeout.
      const first = await Promise.race([
        once(lines, 'line').then(([line]) => line as string),
        once(child, 'exit').then(([code]) => {
          throw new Error(`the sandbox exited with ${String(code)} first: ${stderr}`);
        }),
      ]);
      const doc = JSON.parse(first);
      expect(doc).toMatchObject({ schemaVersion: 1, command: 'sandbox', host: '127.0.0.1' });
      expect(doc.url).toBe(`http://127.0.0.1:${doc.port}`);
      expect(doc.port).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'close');
    }
  });

  it('failures: one JSON document with the error, and the exit status of the failure', async () => {
    const ws = workspace();
    const usage = oneDocument(await run([...EARLIEST, '--to-lates', '--output', 'json'], ws.env));
    expect(usage).toMatchObject({ ok: false, error: { code: 'USAGE', exitStatus: 2 } });

    const missing = await run(['describe', '--sandbox', '--group', 'no-such-group',
      '--output', 'json'], ws.env);
    const doc = oneDocument(missing);
    expect(doc.ok).toBe(false);
    expect(missing.status).toBe(doc.error.exitStatus);
    expect(missing.status).not.toBe(0);
  });
});
