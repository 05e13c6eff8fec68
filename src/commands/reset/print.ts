/** How a plan and a result read, as text for a person and as JSON for a script. */
import type { Context } from '../../context.js';
import { count, shellQuote, signed, utcAndLocal } from '../../output/format.js';
import { styleFor, widthOf } from '../../output/style.js';
import { renderTable } from '../../output/table.js';
import type { ResolvedTime } from '../../parse/index.js';
import {
  partitionKey,
  type Plan,
  type PlanRow,
  type Scope,
  type Target,
} from '../../plan/types.js';
import type { Mismatch } from '../../plan/verify.js';
import type { GroupRef, ResetCall } from '../../types.js';

export function describeTarget(target: Target): string {
  switch (target.mode) {
    case 'latest': return 'the latest offset (log end)';
    case 'earliest': return 'the earliest offset (log start)';
    case 'time': return `the first message at or after ${target.label}`;
    case 'offsets': return 'the given offsets';
    case 'to-offset': return `offset ${target.offset}`;
    case 'shift': return `the committed offset ${target.by >= 0 ? '+' : ''}${target.by}`;
    case 'file': return 'the offsets in the file';
  }
}

export function describeScope(scope: Scope | null, plan: Plan): string {
  if (scope && 'all' in scope) return 'every subscribed topic';
  const topics = [...new Set(plan.calls.map((c) => c.topic))];
  return topics.map((t) => `topic "${t}"`).join(', ');
}

/**
 * One row per partition. As a plan: CURRENT, TARGET and the CHANGE the reset makes. As a
 * read-back (`actual` given): BEFORE, NOW, the MOVED distance, and whether NOW is as planned.
 */
export function rowsTable(ctx: Context, rows: PlanRow[], actual?: Map<string, number | null>) {
  const s = styleFor(ctx);
  const columns = [
    { header: 'TOPIC' },
    { header: 'PART', align: 'right' as const },
    { header: actual ? 'BEFORE' : 'CURRENT', align: 'right' as const },
    { header: actual ? 'NOW' : 'TARGET', align: 'right' as const },
    { header: actual ? 'MOVED' : 'CHANGE', align: 'right' as const },
    { header: 'LOG START..END' },
    { header: 'ONLINE CLIENT', shrink: true, optional: true },
    { header: actual ? 'CHECK' : 'NOTE', shrink: true, optional: true },
  ];
  const body = rows.map((r) => {
    const now = actual ? actual.get(partitionKey(r.topic, r.partition)) ?? null : r.target;
    const moved = now !== null && r.current !== null ? now - r.current : null;
    const delta = actual ? moved : r.change;
    const unknown = !actual && r.target === null ? 'at execution' : 'n/a';
    const change = delta === null ? unknown : signed(delta);
    const note = actual ? checkOf(r, now) : r.warning ? s.yellow(r.warning) : r.note ?? '';
    return [
      r.topic,
      String(r.partition),
      count(r.current),
      r.target === null && !actual ? 'service' : count(now),
      delta !== null && delta < 0 ? s.yellow(change) : change,
      `${count(r.logStart)}..${count(r.logEnd)}`,
      r.client ? `${r.client.clientId} (${r.client.clientIp})` : '',
      note,
    ];
  });
  return renderTable(columns, body, widthOf(ctx));
}

function checkOf(r: PlanRow, now: number | null): string {
  if (r.target === null) return 'resolved by the service';
  return now === r.target ? 'as planned' : `planned ${count(r.target)}`;
}

export function timeLines(time: ResolvedTime | undefined): string[] {
  if (!time) return [];
  return [
    `  time:     ${time.input} (zone ${time.zone}) = ${time.utc} UTC = ${time.ms} ms ` +
      'sent as Time',
  ];
}

export function planText(
  ctx: Context,
  ref: GroupRef,
  heading: string,
  plan: Plan,
  time?: ResolvedTime,
): string {
  const s = styleFor(ctx);
  const replay = plan.rows.reduce((n, r) => n + (r.change && r.change < 0 ? -r.change : 0), 0);
  const skip = plan.rows.reduce((n, r) => n + (r.change && r.change > 0 ? r.change : 0), 0);
  const lines = [
    s.bold(heading),
    `  group:    "${ref.group}" on ${ref.instanceId} (${ref.regionId})`,
    ...timeLines(time),
    `  calls:    ${plan.calls.length} UpdateConsumerOffset ` +
      `(${plan.calls.map(callText).join('; ')})`,
    `  effect:   ${count(replay)} messages replayed, ${count(skip)} skipped`,
    '',
    rowsTable(ctx, plan.rows).trimEnd(),
  ];
  for (const w of plan.warnings) lines.push(s.yellow(`warning: ${w}`));
  return `${lines.join('\n')}\n`;
}

export function callText(call: ResetCall): string {
  const topic = call.topic === '' ? 'Topic ""' : `Topic ${call.topic}`;
  if (call.resetType === 'timestamp') return `${topic}, ResetType timestamp, Time ${call.time}`;
  return `${topic}, ResetType offset, ${call.offsets.length} partition` +
    (call.offsets.length === 1 ? '' : 's');
}

export function commandLine(args: string[]): string {
  return ['alikafka-offsets', ...args].map(shellQuote).join(' ');
}

export function mismatchText(mismatches: Mismatch[]): string {
  return mismatches
    .map((m) => `  ${m.topic} partition ${m.partition}: planned ${count(m.planned)}, ` +
      `read back ${count(m.actual)}`)
    .join('\n');
}

export { utcAndLocal };
