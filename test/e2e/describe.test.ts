/**
 * `describe` through the built binary against the in-process sandbox: what it shows per
 * partition is compared with what the sandbox state holds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastConsumedTime, type SandboxState } from '../../src/sandbox/model.js';
import {
  jsonOf,
  removeWorkspace,
  sandboxed,
  seeded,
  shown,
  workspace,
  type Workspace,
} from './b-helpers.js';
import type { DescribeRow } from '../../src/commands/describe.js';

type Row = DescribeRow;

/** The rows describe should show, worked out from the state by hand. */
function expectedRows(state: SandboxState, group: string, only?: string): Row[] {
  const record = state.groups[group]!;
  const topics = only ? [only] : record.topics;
  return topics.flatMap((topic) => state.topics[topic]!.partitions.map((log, partition) => {
    const committed = record.offsets[topic]?.[partition] ?? null;
    const last = lastConsumedTime(log, committed);
    const client = record.online ? record.clients[topic]?.[partition] ?? null : null;
    return {
      topic,
      partition,
      committed,
      logStart: log.logStart,
      logEnd: log.logEnd,
      lag: committed === null ? null : log.logEnd - Math.max(committed, log.logStart),
      lastConsumed: last > 0 ? new Date(last).toISOString() : null,
      client: client ? { clientId: client.clientId, clientIp: client.clientIp } : null,
    };
  }));
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** The table lines of the text output, split into cells on runs of two or more spaces. */
function tableCells(stdout: string, topic: string): string[][] {
  return stdout.split('\n')
    .filter((l) => l.startsWith(`${topic} `))
    .map((l) => l.trim().split(/ {2,}/));
}

let ws: Workspace;
let state: SandboxState;
beforeEach(async () => {
  ws = workspace();
  state = await seeded(ws);
});
afterEach(() => removeWorkspace(ws));

describe('describe --output json', () => {
  it('shows per partition the committed offset, log bounds, lag, last consumed and client',
    async () => {
      const r = await sandboxed(ws, ['describe', '--group', 'kafka-test', '--output', 'json']);
      expect(r.status, shown(r)).toBe(0);

      const doc = jsonOf(r);
      const rows = expectedRows(state, 'kafka-test');
      expect(doc).toMatchObject({ command: 'describe', ok: true, group: 'kafka-test',
        instanceId: 'alikafka_sandbox-cn-hangzhou', regionId: 'cn-hangzhou' });
      expect(doc.rows).toEqual(rows);
      expect(doc.totalLag).toBe(rows.reduce((n, row) => n + (row.lag ?? 0), 0));
      expect(doc.onlineConsumers).toBe(false);
    });

  it('shows a never-committed partition as null with no lag invented for it', async () => {
    const r = await sandboxed(ws, ['describe', '--group', 'kafka-test', '--output', 'json']);

    const never = jsonOf(r).rows.find((row: Row) => row.topic === 'orders' && row.partition === 1);
    expect(state.groups['kafka-test']!.offsets.orders![1]).toBeNull();
    expect(never).toMatchObject({ committed: null, lag: null, lastConsumed: null });
  });

  it('names the client reading each partition of a group with online consumers', async () => {
    const r = await sandboxed(ws, ['describe', '--group', 'kafka-active', '--output', 'json']);
    expect(r.status, shown(r)).toBe(0);

    const doc = jsonOf(r);
    expect(doc.onlineConsumers).toBe(true);
    expect(doc.rows).toEqual(expectedRows(state, 'kafka-active'));
    expect(doc.rows.map((row: Row) => row.client?.clientId)).toEqual(['consumer-1', 'consumer-2']);
  });

  it('narrows to one topic with --topic, totals included', async () => {
    const r = await sandboxed(ws, ['describe', '--group', 'kafka-test', '--topic', 'orders',
      '--output', 'json']);
    expect(r.status, shown(r)).toBe(0);

    const rows = expectedRows(state, 'kafka-test', 'orders');
    expect(jsonOf(r).rows).toEqual(rows);
    expect(jsonOf(r).totalLag).toBe(rows.reduce((n, row) => n + (row.lag ?? 0), 0));
  });
});

describe('describe (text)', () => {
  it('prints a row per partition and a summary of total lag and online consumers', async () => {
    const r = await sandboxed(ws, ['describe', '--group', 'kafka-test']);
    expect(r.status, shown(r)).toBe(0);

    const rows = expectedRows(state, 'kafka-test');
    for (const row of rows.filter((x) => x.committed !== null)) {
      const cells = tableCells(r.stdout, row.topic).find((c) => c[1] === String(row.partition));
      expect(cells, `a row for ${row.topic} ${row.partition}\n${r.stdout}`).toBeDefined();
      expect(cells!.slice(2, 7)).toEqual([
        grouped(row.committed!),
        grouped(row.logStart),
        grouped(row.logEnd),
        grouped(row.lag!),
        row.lastConsumed!.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z'),
      ]);
    }
    const total = rows.reduce((n, row) => n + (row.lag ?? 0), 0);
    expect(r.stdout).toContain(`Total lag ${grouped(total)} over ${rows.length} partition(s); ` +
      'no online consumers.');
  });

  it('shows "none" and no lag for a partition the group never committed', async () => {
    const r = await sandboxed(ws, ['describe', '--group', 'kafka-test', '--topic', 'orders']);

    const never = tableCells(r.stdout, 'orders').find((c) => c[1] === '1');
    expect(never, r.stdout).toEqual(['orders', '1', 'none', '0', '300', 'n/a', 'never']);
  });

  it('names the online clients per partition and in the summary', async () => {
    const r = await sandboxed(ws, ['describe', '--group', 'kafka-active']);
    expect(r.status, shown(r)).toBe(0);

    const cells = tableCells(r.stdout, 'payments');
    expect(cells.map((c) => c.at(-1))).toEqual(['consumer-1 (/192.0.2.11)',
      'consumer-2 (/192.0.2.12)']);
    expect(r.stdout).toContain('2 online consumer(s): consumer-1, consumer-2.');
  });

  it('stops naming clients once the consumers are offline', async () => {
    await seeded(ws, (s) => {
      s.groups['kafka-active']!.online = false;
    });

    const r = await sandboxed(ws, ['describe', '--group', 'kafka-active']);
    expect(r.status, shown(r)).toBe(0);
    expect(r.stdout).not.toContain('consumer-1');
    expect(r.stdout).toContain('no online consumers.');
  });

  it('narrows to one topic with --topic', async () => {
    const r = await sandboxed(ws, ['describe', '--group', 'kafka-test', '--topic', 'orders']);
    expect(r.status, shown(r)).toBe(0);

    expect(tableCells(r.stdout, 'orders')).toHaveLength(2);
    expect(tableCells(r.stdout, 'topic_name')).toHaveLength(0);
    expect(r.stdout).toContain('Total lag 300 over 2 partition(s)');
  });
});
