/**
 * `describe`: a group's committed offsets, the log bounds, lag, last consumption and the clients
 * online, per topic and partition.
 */
import type { Run } from '../command.js';
import type { Context } from '../context.js';
import { count, utcAndLocal } from '../output/format.js';
import { startProgress } from '../output/progress.js';
import { styleFor, widthOf, writeJson } from '../output/style.js';
import { renderTable } from '../output/table.js';
import { parseIntInRange, parseTopicName } from '../parse/index.js';
import type { PartitionView } from '../plan/types.js';
import { connectionInput, openSession, type ConnectionOptions } from '../session.js';
import type { GroupRef } from '../types.js';
import { gather } from './reset/gather.js';

export interface DescribeOptions extends ConnectionOptions {
  topic?: string;
  concurrency?: string;
}

export interface DescribeRow {
  topic: string;
  partition: number;
  committed: number | null;
  logStart: number;
  logEnd: number;
  /** Only when there is a committed offset: a lag for a partition never read is not known. */
  lag: number | null;
  lastConsumed: string | null;
  client: { clientId: string; clientIp: string } | null;
}

export function describeRows(views: PartitionView[]): DescribeRow[] {
  return views.map((v) => ({
    topic: v.topic,
    partition: v.partition,
    committed: v.committed,
    logStart: v.logStart,
    logEnd: v.logEnd,
    lag: v.committed === null ? null : Math.max(0, v.logEnd - Math.max(v.committed, v.logStart)),
    lastConsumed: v.lastConsumed ? new Date(v.lastConsumed).toISOString() : null,
    client: v.client ? { clientId: v.client.clientId, clientIp: v.client.clientIp } : null,
  }));
}

function text(ctx: Context, ref: GroupRef, state: string | null, rows: DescribeRow[]): string {
  const s = styleFor(ctx);
  const totalLag = rows.reduce((n, r) => n + (r.lag ?? 0), 0);
  const clients = new Set(rows.filter((r) => r.client).map((r) => r.client!.clientId));
  const table = renderTable(
    [
      { header: 'TOPIC' },
      { header: 'PART', align: 'right' },
      { header: 'COMMITTED', align: 'right' },
      { header: 'LOG START', align: 'right' },
      { header: 'LOG END', align: 'right' },
      { header: 'LAG', align: 'right' },
      { header: 'LAST CONSUMED', shrink: true },
      { header: 'ONLINE CLIENT', shrink: true, optional: true },
    ],
    rows.map((r) => [
      r.topic,
      String(r.partition),
      count(r.committed),
      count(r.logStart),
      count(r.logEnd),
      r.lag === null ? 'n/a' : count(r.lag),
      r.lastConsumed ? utcAndLocal(Date.parse(r.lastConsumed), ctx.env) : 'never',
      r.client ? `${r.client.clientId} (${r.client.clientIp})` : '',
    ]),
    widthOf(ctx),
  );
  const online = clients.size > 0
    ? s.yellow(`${clients.size} online consumer(s): ${[...clients].join(', ')}`)
    : 'no online consumers';
  return [
    s.bold(`Group "${ref.group}" on ${ref.instanceId} (${ref.regionId})` +
      (state ? `, state ${state}` : '')),
    '',
    table.trimEnd(),
    '',
    `Total lag ${count(totalLag)} over ${rows.length} partition(s); ${online}.`,
    '',
  ].join('\n');
}

export const run: Run<DescribeOptions> = async (opts, ctx) => {
  connectionInput(opts);
  const topic = opts.topic === undefined ? undefined : parseTopicName(opts.topic);
  const concurrency = parseIntInRange(opts.concurrency ?? '4', '--concurrency', 1, 32);
  const session = await openSession(opts, ctx);
  try {
    const progress = await startProgress(ctx, `Reading "${session.ref.group}"`);
    const gathered = await gather(session.api, session.ref, topic ? [topic] : undefined,
      concurrency).finally(() => progress.stop());
    const rows = describeRows(gathered.views);
    const online = rows.some((r) => r.client);
    if (ctx.output === 'json') {
      writeJson(ctx, 'describe', {
        ok: true,
        ...session.ref,
        state: gathered.state,
        totalLag: rows.reduce((n, r) => n + (r.lag ?? 0), 0),
        onlineConsumers: online,
        rows,
      });
    } else {
      ctx.stdout.write(text(ctx, session.ref, gathered.state, rows));
    }
    return 0;
  } finally {
    await session.close();
  }
};
