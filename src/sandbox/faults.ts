/**
 * Faults armed in the state file: answers the sandbox gives instead of (or on top of) the real
 * one, for a number of calls or for every call. Kept in the state so that one process can arm
 * them and the command under test meet them.
 */
import { UsageError } from '../errors.js';
import type { SandboxState } from './model.js';

export const FAULT_KINDS = [
  'error',
  'throttle',
  'server-error',
  'latency',
  'drop',
  'bad-json',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  id: number;
  kind: FaultKind;
  /** The API action it applies to, or `*` for every action. */
  action: string;
  /** Calls left before it disarms; null for every call until cleared. */
  remaining: number | null;
  /** `error`: the code to answer; the others have their own. */
  code?: string;
  /** `error` and `server-error`: the HTTP status; 200 answers `Success: false`. */
  status?: number;
  message?: string;
  /** `throttle`: the x-acs-retry-after header, in milliseconds. */
  retryAfterMs?: number;
  /** `latency`: added before answering. */
  latencyMs?: number;
  /** `drop`: apply the call first, then drop the connection, so the outcome is unknown. */
  afterApply?: boolean;
}

export interface FaultSpec {
  kind: FaultKind;
  action?: string;
  /** How many calls; 'always' (the default for latency) keeps it armed. Default 1. */
  times?: number | 'always';
  code?: string;
  status?: number;
  message?: string;
  retryAfterMs?: number;
  latencyMs?: number;
  afterApply?: boolean;
}

/** What the armed faults do to one call. */
export interface FaultPlan {
  latencyMs: number;
  /** The fault that replaces the answer, if any. */
  answer: Fault | null;
}

export function armFault(state: SandboxState, spec: FaultSpec): Fault {
  const fault = validFault(spec, state.nextFaultId);
  state.nextFaultId += 1;
  state.faults.push(fault);
  return fault;
}

/** Removes one fault by id, or all of them; returns how many were removed. */
export function clearFaults(state: SandboxState, id?: number): number {
  const before = state.faults.length;
  state.faults = id === undefined ? [] : state.faults.filter((f) => f.id !== id);
  return before - state.faults.length;
}

/**
 * Picks the faults that apply to a call of `action` and spends one use of each. Every matching
 * latency adds up; of the faults that replace the answer, the earliest armed wins.
 */
export function takeFaults(state: SandboxState, action: string): FaultPlan {
  const plan: FaultPlan = { latencyMs: 0, answer: null };
  const spent = new Set<Fault>();

  for (const fault of state.faults) {
    if (fault.action !== '*' && fault.action !== action) continue;
    if (fault.kind === 'latency') {
      plan.latencyMs += fault.latencyMs ?? 0;
      spent.add(fault);
    } else if (plan.answer === null) {
      plan.answer = fault;
      spent.add(fault);
    }
  }

  for (const fault of spent) {
    if (fault.remaining !== null) fault.remaining -= 1;
  }
  state.faults = state.faults.filter((f) => f.remaining === null || f.remaining > 0);
  return plan;
}

function validFault(spec: FaultSpec, id: number): Fault {
  if (!FAULT_KINDS.includes(spec.kind)) {
    const kinds = FAULT_KINDS.join(', ');
    throw usage(`unknown fault kind "${String(spec.kind)}"; expected one of ${kinds}`);
  }

  const times = spec.times ?? (spec.kind === 'latency' ? 'always' : 1);
  if (times !== 'always' && (!Number.isSafeInteger(times) || times < 1)) {
    throw usage(`fault times must be a positive whole number or "always", got ${times}`);
  }
  if (spec.action !== undefined && !/^(\*|[A-Za-z]+)$/.test(spec.action)) {
    throw usage(`fault action must be an API action name such as UpdateConsumerOffset, or "*"`);
  }
  if (spec.kind === 'error' && !spec.code) {
    throw usage('an error fault needs the error code to answer, e.g. Group.NotFound');
  }
  if (spec.status !== undefined && !isStatus(spec.status, spec.kind)) {
    throw usage(`fault status must be 200 or 400-599, got ${spec.status}`);
  }
  if (spec.kind === 'latency' && !isNonNegative(spec.latencyMs)) {
    throw usage('a latency fault needs the added delay in milliseconds (0 or more)');
  }
  if (spec.retryAfterMs !== undefined && !isNonNegative(spec.retryAfterMs)) {
    throw usage(`retry-after must be milliseconds (0 or more), got ${spec.retryAfterMs}`);
  }

  const fault: Fault = {
    id,
    kind: spec.kind,
    action: spec.action ?? '*',
    remaining: times === 'always' ? null : times,
  };
  if (spec.code !== undefined) fault.code = spec.code;
  if (spec.status !== undefined) fault.status = spec.status;
  if (spec.message !== undefined) fault.message = spec.message;
  if (spec.retryAfterMs !== undefined) fault.retryAfterMs = spec.retryAfterMs;
  if (spec.latencyMs !== undefined) fault.latencyMs = spec.latencyMs;
  if (spec.afterApply) fault.afterApply = true;
  return fault;
}

function isStatus(status: number, kind: FaultKind): boolean {
  if (!Number.isInteger(status)) return false;
  if (kind === 'server-error') return status >= 500 && status <= 599;
  return status === 200 || (status >= 400 && status <= 599);
}

function isNonNegative(value: number | undefined): value is number {
  return value !== undefined && Number.isSafeInteger(value) && value >= 0;
}

function usage(message: string): UsageError {
  return new UsageError('SANDBOX_FAULT_INVALID', message);
}
