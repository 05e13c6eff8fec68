/**
 * One API call with a bounded time per attempt and retries for what a retry can cure:
 * throttling, 5xx and network failures. Signature, permission, validation and state errors are
 * never retried.
 */
import { ServiceError, type ServiceFailure } from '../errors.js';
import { failureFrom } from './failure.js';
import { checkBody } from './response.js';

export interface CallPolicy {
  retries: number;
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  /** `--verbose` lines; never given a secret. */
  log?: (line: string) => void;
  /** Clock for durations in the log. */
  now?: () => number;
}

export interface CallResult<T> {
  body: T;
  requestId?: string;
  attempts: number;
}

export interface Answer<T> {
  statusCode?: number;
  body?: T;
}

const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;
const THROTTLED = /^(Throttling|FlowControl|ONS_SYSTEM_FLOW_CONTROL)/;

export function isRetryable(failure: ServiceFailure): boolean {
  if (failure.network || failure.timedOut) return true;
  if (failure.httpStatus !== undefined && failure.httpStatus >= 500) return true;
  return THROTTLED.test(failure.serviceCode);
}

/** Exponential backoff with full jitter, never shorter than what the service asked for. */
export function backoffDelay(retry: number, random: () => number, retryAfterMs?: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retry);
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

class AttemptTimeout extends Error {
  constructor() {
    super('attempt timed out');
    this.name = 'TimeoutError';
  }
}

function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AttemptTimeout()), ms);
    timer.unref();
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export async function callWithRetries<T>(
  action: string,
  send: () => Promise<Answer<T>>,
  context: ServiceError['context'],
  policy: CallPolicy,
): Promise<CallResult<T>> {
  const random = policy.random ?? Math.random;
  const now = policy.now ?? Date.now;
  const total = policy.retries + 1;

  for (let attempt = 1; ; attempt++) {
    const started = now();
    let failure: ServiceFailure | undefined;
    try {
      // The SDK bounds connect and read by itself; this bound also covers a server that
      // trickles bytes or a DNS lookup that never ends.
      const answer = await bounded(send(), policy.timeoutMs + 250);
      const verdict = checkBody(answer.body);
      if (verdict.ok) {
        policy.log?.(`${action} answered ${answer.statusCode ?? 200} in ${now() - started} ms, ` +
          `request id ${verdict.requestId ?? 'none'} (attempt ${attempt}/${total})`);
        // checkBody accepted it, so it is an object.
        return { body: answer.body as T, requestId: verdict.requestId, attempts: attempt };
      }
      failure = {
        action,
        serviceCode: verdict.code,
        serviceMessage: verdict.message,
        requestId: verdict.requestId,
        httpStatus: answer.statusCode,
        attempts: attempt,
      };
    } catch (err) {
      failure = failureFrom(err, action, attempt);
      if (!failure) throw err;
    }

    const retry = attempt < total && isRetryable(failure);
    const delay = retry ? backoffDelay(attempt - 1, random, failure.retryAfterMs) : 0;
    policy.log?.(`${action} failed after ${now() - started} ms with ${failure.serviceCode}` +
      `${failure.httpStatus ? ` (HTTP ${failure.httpStatus})` : ''}, request id ` +
      `${failure.requestId ?? 'none'} (attempt ${attempt}/${total})` +
      (retry ? `; retrying in ${delay} ms` : ''));
    if (!retry) throw new ServiceError(failure, context);
    await policy.sleep(delay);
  }
}
