/**
 * The whole of a reset, shared by `reset` and `undo`: read, plan, print; then, with --execute,
 * guard, snapshot, apply, verify and report.
 */
import { setInterruptNote } from '../../command.js';
import type { Context } from '../../context.js';
import { lockGroup } from '../../lock.js';
import { OperationError, PartialError, ServiceError, type AppError } from '../../errors.js';
import { startProgress } from '../../output/progress.js';
import { writeJson } from '../../output/style.js';
import type { ResolvedTime } from '../../parse/index.js';
import { buildPlan } from '../../plan/plan.js';
import type { Plan, Scope, Target } from '../../plan/types.js';
import { describeFailure, exitStatusOf, report } from '../../report.js';
import type { Session } from '../../session.js';
import { saveSnapshot, snapshotOf } from '../../snapshot.js';
import { applyCalls, guardOnlineConsumers, verifyRows, type CallOutcome,
  type Verification } from './apply.js';
import { gather, resolveTime } from './gather.js';
import * as out from './print.js';

export interface FlowInput {
  name: 'reset' | 'undo';
  scope: Scope | null;
  target: Target;
  time?: ResolvedTime;
  execute: boolean;
  force: boolean;
  verify: boolean;
  snapshot?: string;
  concurrency: number;
  /** The command's own arguments, to print how to apply it and to record in the snapshot. */
  args: string[];
  /** Found before planning, shown with the plan's own warnings. */
  warnings?: string[];
}

function topicsOf(scope: Scope | null, target: Target): string[] | undefined {
  if (target.mode === 'file') return target.topics.map((t) => t.topic);
  return scope && 'topic' in scope ? [scope.topic] : undefined;
}

async function makePlan(session: Session, input: FlowInput, ctx: Context): Promise<Plan> {
  const { api, ref } = session;
  const progress = await startProgress(ctx, `Reading the offsets of "${ref.group}"`);
  try {
    const state = await gather(api, ref, topicsOf(input.scope, input.target), input.concurrency);
    const resolution = input.target.mode === 'time'
      ? await resolveTime(api, ref, state.views, input.target.ms, input.concurrency)
      : undefined;
    return buildPlan(input.scope ?? { all: true }, input.target, state.views, resolution);
  } finally {
    progress.stop();
  }
}

export async function runFlow(session: Session, input: FlowInput, ctx: Context): Promise<number> {
  // Held from the first read to the read-back, so that a concurrent run cannot plan from
  // offsets this one is about to change.
  const unlock = input.execute ? await lockGroup(ctx.stateDir, session.ref) : undefined;
  try {
    return await planAndApply(session, input, ctx);
  } finally {
    await unlock?.();
  }
}

async function planAndApply(session: Session, input: FlowInput, ctx: Context): Promise<number> {
  const { ref } = session;
  const plan = await makePlan(session, input, ctx);
  plan.warnings.push(...(input.warnings ?? []), ...unrestorable(plan));
  const json = ctx.output === 'json';
  const base = {
    executed: false,
    regionId: ref.regionId,
    instanceId: ref.instanceId,
    group: ref.group,
    scope: out.describeScope(input.scope, plan),
    target: { ...input.target, description: out.describeTarget(input.target) },
    ...(input.time ? { time: input.time } : {}),
    calls: plan.calls,
    rows: plan.rows,
    warnings: plan.warnings,
  };
  const applyCommand = out.commandLine([...input.args, '--execute']);

  if (!input.execute) {
    if (json) {
      writeJson(ctx, input.name, { ok: true, ...base, applyWith: applyCommand });
    } else {
      const heading = `Plan (${input.name}, not applied)`;
      ctx.stdout.write(out.planText(ctx, ref, heading, plan, input.time));
      const online = plan.rows.filter((r) => r.client).length;
      if (online > 0 && !input.force) {
        ctx.stdout.write(`\nwarning: ${online} partition(s) are read by online consumers; ` +
          '--execute will refuse (exit 4) until they stop, unless --force is given.\n');
      }
      ctx.stdout.write(`\nNothing was written. To apply this plan, run:\n  ${applyCommand}\n`);
    }
    return 0;
  }

  const online = guardOnlineConsumers(ref, plan.rows, input.force);
  if (!json) ctx.stdout.write(out.planText(ctx, ref, `Applying (${input.name})`, plan, input.time));
  if (online.length > 0 && !json) {
    ctx.stderr.write(`warning: --force given; ${online.join(', ')} still online\n`);
  }

  const snapshotPath = await saveSnapshot(
    input.snapshot,
    snapshotOf(ref, plan.rows, out.commandLine(input.args), ctx.now()),
    ctx.stateDir,
    ctx.now(),
  );
  const undoCommand = out.commandLine(['undo', snapshotPath, ...session.connectionArgs,
    '--execute']);
  setInterruptNote(`the reset may have been applied in part. The offsets before it are saved ` +
    `in ${snapshotPath}; check with ${out.commandLine(['describe', ...session.connectionArgs,
      '--group', ref.group])} and, to go back, run: ${undoCommand}`);

  const outcomes = await applyAll(session, plan, input, ctx);
  const applied = outcomes.filter((o) => o.ok);
  const failed = outcomes.filter((o) => !o.ok);
  let failure: AppError | undefined;
  if (failed.length > 0 && applied.length === 0 && failed.length === 1) failure = failed[0]!.error;
  else if (failed.length > 0 && applied.length === 0) failure = partial(failed, applied, true);
  else if (failed.length > 0) failure = partial(failed, applied, false);

  // A write that timed out or lost its connection may have landed: read those back too.
  const maybeApplied = outcomes.filter((o) => o.ok || outcomeUnknown(o));
  const appliedTopics = new Set(maybeApplied.map((o) => o.call.topic));
  const appliedRows = plan.rows.filter((r) =>
    appliedTopics.has('') || appliedTopics.has(r.topic));
  let verification: Verification | undefined;
  if (input.verify && appliedRows.length > 0) {
    verification = await verifyRows(session.api, ref, appliedRows, ctx.sleep);
    if (verification.mismatches.length > 0 && !failure) {
      failure = new OperationError('VERIFY_MISMATCH', `the offsets read back differ from the ` +
        `plan on ${verification.mismatches.length} partition(s):\n` +
        out.mismatchText(verification.mismatches), {
        hint: 'A consumer that is still running is the likely cause: it committed over the ' +
          'reset. Stop it, wait for its session timeout, and run the reset again (or undo it ' +
          `with: ${undoCommand}).`,
        details: { mismatches: verification.mismatches },
      });
    }
    if (landedAfterAll(failed, appliedRows, verification)) {
      // Every call without an answer is proven applied by the read-back.
      for (const o of failed) o.confirmed = true;
      failure = undefined;
    }
  }

  const result = {
    ...base,
    executed: true,
    snapshot: snapshotPath,
    undoCommand,
    results: outcomes.map((o) => ({
      topic: o.call.topic,
      ok: o.ok || Boolean(o.confirmed),
      ...(o.confirmed ? { confirmedByReadBack: true } : {}),
      requestId: o.requestId ?? (o.error instanceof ServiceError
        ? o.error.failure.requestId ?? null : null),
      attempts: o.attempts ?? (o.error instanceof ServiceError ? o.error.failure.attempts : null),
      ...(o.error ? { error: describeFailure(o.error) } : {}),
    })),
    verification: verification
      ? { checked: verification.checked, mismatches: verification.mismatches,
        readBack: Object.fromEntries(verification.actual) }
      : null,
  };

  if (json) {
    writeJson(ctx, input.name, {
      ok: !failure,
      ...result,
      ...(failure ? { error: describeFailure(failure) } : {}),
    });
    return failure ? exitStatusOf(failure) : 0;
  }
  ctx.stdout.write(resultText(ctx, result, outcomes, verification, appliedRows));
  return failure ? report(failure, ctx) : 0;
}

async function applyAll(session: Session, plan: Plan, input: FlowInput, ctx: Context) {
  const progress = await startProgress(ctx, `Applying ${plan.calls.length} call(s)`);
  let done = 0;
  try {
    return await applyCalls(session.api, session.ref, plan, input.concurrency, (o) => {
      done += 1;
      if (plan.calls.length > 1) {
        progress.line(`[${done}/${plan.calls.length}] ${o.call.topic || 'all topics'}: ` +
          (o.ok ? `applied (request id ${o.requestId ?? 'none'})` : `FAILED ${o.error?.code}`));
      }
    });
  } finally {
    progress.stop();
  }
}

function partial(failed: CallOutcome[], applied: CallOutcome[], none: boolean): AppError {
  const names = (list: CallOutcome[]) => list.map((o) => `"${o.call.topic}"`).join(', ');
  const message = none
    ? `every topic failed: ${names(failed)}`
    : `${failed.length} topic(s) failed (${names(failed)}); ${applied.length} applied ` +
      `(${names(applied)})`;
  const hint = 'See each failure above; the snapshot covers every topic, so `undo` restores ' +
    'the applied ones.';
  return none ? new OperationError('ALL_FAILED', message, { hint })
    : new PartialError(message, { hint });
}

function resultText(
  ctx: Context,
  result: { snapshot: string; undoCommand: string },
  outcomes: CallOutcome[],
  verification: Verification | undefined,
  rows: Plan['rows'],
): string {
  const lines = [''];
  for (const o of outcomes) {
    const topic = o.call.topic === '' ? 'every subscribed topic' : `topic "${o.call.topic}"`;
    if (o.ok) {
      lines.push(`Applied to ${topic}: request id ${o.requestId ?? 'none'}`);
      continue;
    }
    if (o.confirmed) {
      lines.push(`Applied to ${topic}: no answer came in time, but the read-back below shows ` +
        'every offset as planned');
      continue;
    }
    const f = describeFailure(o.error);
    lines.push(`Failed on ${topic}: ${String(f.code)}` +
      (f.serviceMessage ? ` (${String(f.serviceMessage)})` : ''),
    `  request id: ${String(f.requestId ?? 'none (no answer)')}` +
      (outcomeUnknown(o) ? '; the outcome is unknown, see the read-back below' : ''));
    if (outcomes.length > 1 && f.next) lines.push(`  next: ${String(f.next)}`);
  }
  if (verification) {
    lines.push('', `Read back (${verification.checked} partition(s) compared):`,
      out.rowsTable(ctx, rows, verification.actual).trimEnd());
    if (verification.mismatches.length === 0) lines.push('Verified: every offset is as planned.');
  } else if (rows.length === 0) {
    lines.push('Not verified: nothing was applied.');
  } else {
    lines.push('Not verified (--no-verify).');
  }
  lines.push('', `Snapshot: ${result.snapshot}`, `Undo with: ${result.undoCommand}`);
  return `${lines.join('\n')}\n`;
}

function landedAfterAll(failed: CallOutcome[], rows: Plan['rows'], v: Verification): boolean {
  if (failed.length === 0 || v.mismatches.length > 0 || !failed.every(outcomeUnknown)) {
    return false;
  }
  const topics = new Set(failed.map((o) => o.call.topic));
  const theirs = rows.filter((r) => topics.has('') || topics.has(r.topic));
  return theirs.length > 0 && theirs.every((r) => r.target !== null);
}

function outcomeUnknown(o: CallOutcome): boolean {
  return o.error instanceof ServiceError && Boolean(o.error.failure.timedOut ||
    o.error.failure.network);
}

/** Partitions with no committed offset now: undo can move them back, but not to "none". */
function unrestorable(plan: Plan): string[] {
  const rows = plan.rows.filter((r) => r.current === null && r.target !== null);
  if (rows.length === 0) return [];
  const names = rows.map((r) => `${r.topic} partition ${r.partition}`).join(', ');
  return [`${names} ha${rows.length === 1 ? 's' : 've'} no committed offset yet; the snapshot ` +
    'cannot bring back "no offset", so undo will leave what this reset sets there'];
}
