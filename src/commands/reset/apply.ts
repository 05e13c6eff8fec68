/** Applying a plan: the online-consumer guard, the calls, and reading the result back. */
import pMap from 'p-map';
import type { Api } from '../../api/client.js';
import { AppError, SafetyError, ServiceError } from '../../errors.js';
import { findMismatches, type Mismatch } from '../../plan/verify.js';
import { partitionKey, type Plan, type PlanRow } from '../../plan/types.js';
import type { GroupRef, OnlineClient, ResetCall } from '../../types.js';

/** Refuses (exit 4) when a partition in scope has a client reading it, unless forced. */
export function guardOnlineConsumers(ref: GroupRef, rows: PlanRow[], force: boolean): string[] {
  const clients = new Map<string, OnlineClient>();
  for (const r of rows) {
    if (r.client) clients.set(`${r.client.clientId}@${r.client.clientIp}`, r.client);
  }
  const names = [...clients.values()].map((c) => `${c.clientId} (${c.clientIp})`);
  if (names.length === 0 || force) return names;
  throw new SafetyError('CONSUMERS_ONLINE', `group "${ref.group}" has ${names.length} online ` +
    `consumer${names.length === 1 ? '' : 's'}: ${names.join(', ')}. Their next commit would ` +
    'overwrite the reset.', {
    hint: 'Stop these consumers, wait for their session timeout to pass (see ' +
      '`alikafka-offsets describe`), then run again; --force applies anyway.',
    details: { clients: [...clients.values()] },
  });
}

export interface CallOutcome {
  call: ResetCall;
  ok: boolean;
  requestId?: string;
  attempts?: number;
  error?: AppError;
  /** No answer came, but the read-back shows the write landed. */
  confirmed?: boolean;
}

export async function applyCalls(
  api: Api,
  ref: GroupRef,
  plan: Plan,
  concurrency: number,
  onDone: (outcome: CallOutcome) => void,
): Promise<CallOutcome[]> {
  return pMap(plan.calls, async (call) => {
    let outcome: CallOutcome;
    try {
      const result = await api.reset(ref, call);
      outcome = { call, ok: true, requestId: result.requestId, attempts: result.attempts };
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      outcome = { call, ok: false, error: err };
    }
    onDone(outcome);
    return outcome;
  }, { concurrency });
}

export interface Verification {
  checked: number;
  mismatches: Mismatch[];
  actual: Map<string, number | null>;
}

const VERIFY_TRIES = 4;
const VERIFY_PAUSE_MS = 400;

/** Reads the offsets back, a few times while the service catches up, and compares. */
export async function verifyRows(
  api: Api,
  ref: GroupRef,
  rows: PlanRow[],
  sleep: (ms: number) => Promise<void>,
): Promise<Verification> {
  let last: Verification | undefined;
  for (let attempt = 1; attempt <= VERIFY_TRIES; attempt++) {
    const progress = await api.progress(ref);
    const actual = new Map<string, number | null>();
    for (const t of progress.topics) {
      for (const p of t.partitions) actual.set(partitionKey(t.topic, p.partition), p.committed);
    }
    last = { checked: rows.filter((r) => r.target !== null).length,
      mismatches: findMismatches(rows, actual), actual };
    if (last.mismatches.length === 0) return last;
    if (attempt < VERIFY_TRIES) await sleep(VERIFY_PAUSE_MS * attempt);
  }
  return last!;
}
