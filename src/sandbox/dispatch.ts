/**
 * One call from arrival to answer, inside a state transaction: gateway checks, armed faults,
 * the action, and the request-log entry. Returns what to send; the server only sends it.
 */
import { randomUUID } from 'node:crypto';
import { SANDBOX_API_VERSION, SANDBOX_LOG_LIMIT } from './constants.js';
import { codeInfo, codeTemplateLeads, SandboxFailure } from './codes.js';
import type { Fault } from './faults.js';
import { takeFaults } from './faults.js';
import {
  apiParams,
  claimOf,
  tokenSha256,
  verifyCall,
  type Claim,
  type IncomingCall,
} from './gateway.js';
import { HANDLERS } from './handlers.js';
import type { LogEntry, SandboxState } from './model.js';

export interface CallContext {
  requestId: string;
  now: number;
  accessKeyId: string;
  accessKeySecret: string;
  /** The host the client addressed, echoed as HostId in error bodies. */
  hostId: string;
}

export interface Outcome {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Close the connection without answering. */
  drop: boolean;
  latencyMs: number;
  /** What the request log recorded for this call. */
  entry?: LogEntry;
}

export const SUCCESS_MESSAGE = 'operation success';

/** A RequestId in the service's style: an upper-case UUID. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

export function respond(state: SandboxState, call: IncomingCall, ctx: CallContext): Outcome {
  const claim = claimOf(call);
  const entry = logEntry(claim, ctx);
  const outcome = decide(state, call, claim, ctx, entry);

  entry.status = outcome.drop ? 0 : outcome.status;
  state.log.push(entry);
  if (state.log.length > SANDBOX_LOG_LIMIT) {
    state.log.splice(0, state.log.length - SANDBOX_LOG_LIMIT);
  }
  return { ...outcome, entry };
}

function decide(
  state: SandboxState,
  call: IncomingCall,
  claim: Claim,
  ctx: CallContext,
  entry: LogEntry,
): Outcome {
  const handler = HANDLERS[claim.action];
  try {
    if (!handler) throw new SandboxFailure('InvalidAction.NotFound');
    if (claim.version !== SANDBOX_API_VERSION) throw new SandboxFailure('InvalidVersion');
    verifyCall(call, claim, { ...ctx, nonces: state.nonces });
  } catch (err) {
    return failure(err, ctx, entry, 0);
  }

  const plan = takeFaults(state, claim.action);
  const fault = plan.answer;
  if (fault) entry.faultId = fault.id;
  if (fault && !(fault.kind === 'drop' && fault.afterApply)) {
    return faultAnswer(fault, ctx, entry, plan.latencyMs);
  }

  let outcome: Outcome;
  try {
    const fields = handler(state, apiParams(claim));
    const body = { RequestId: ctx.requestId, Success: true, Code: 200, Message: SUCCESS_MESSAGE };
    outcome = json(200, { ...body, ...fields }, ctx, plan.latencyMs);
  } catch (err) {
    outcome = failure(err, ctx, entry, plan.latencyMs);
  }

  // Only a drop armed to come after the call gets here with a fault: the change is made, and
  // the caller never learns it.
  if (fault) {
    entry.code = 'ConnectionDropped';
    return { ...outcome, drop: true };
  }
  return outcome;
}

function faultAnswer(fault: Fault, ctx: CallContext, entry: LogEntry, latencyMs: number): Outcome {
  switch (fault.kind) {
    case 'throttle': {
      const outcome = errorBody('Throttling.User', ctx, entry, latencyMs, fault);
      if (fault.retryAfterMs !== undefined) {
        outcome.headers['x-acs-retry-after'] = String(fault.retryAfterMs);
      }
      return outcome;
    }
    case 'server-error':
      return errorBody(fault.code ?? 'ServiceUnavailable', ctx, entry, latencyMs, {
        ...fault,
        status: fault.status ?? 503,
      });
    case 'error':
      return errorBody(fault.code ?? 'InternalError', ctx, entry, latencyMs, fault);
    case 'drop':
      entry.code = 'ConnectionDropped';
      return { status: 0, headers: {}, body: '', drop: true, latencyMs };
    case 'bad-json':
      entry.code = 'NotJson';
      return {
        status: fault.status ?? 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'x-acs-request-id': ctx.requestId },
        body: '<html><head><title>Gateway</title></head><body>upstream answered nothing ' +
          'readable</body></html>',
        drop: false,
        latencyMs,
      };
    default:
      return errorBody('InternalError', ctx, entry, latencyMs);
  }
}

/** An armed error code: its table status and message unless the fault gives its own. */
function errorBody(
  code: string,
  ctx: CallContext,
  entry: LogEntry,
  latencyMs: number,
  fault?: Pick<Fault, 'status' | 'message'>,
): Outcome {
  // A template that is the whole message ("%s. Please check…") gets a sentence; one that names
  // a parameter ("No topic found for the %s parameter") keeps the plain word.
  const sentence = `The sandbox was armed to fail this call with ${code}`;
  const info = codeInfo(code, codeTemplateLeads(code) ? sentence : 'request');
  const status = fault?.status ?? info.status;
  entry.code = code;

  // Status 200 is the service answering in-band: Success false, the caller must look. The SDK
  // insists that this Code be a number, so the table's status goes there and the string code
  // leads the message.
  if (status === 200) {
    return json(200, {
      RequestId: ctx.requestId,
      Success: false,
      Code: info.status,
      Message: fault?.message ?? `${code}: ${info.message}`,
    }, ctx, latencyMs);
  }
  return json(status, gatewayBody(code, fault?.message ?? info.message, ctx), ctx, latencyMs);
}

function failure(err: unknown, ctx: CallContext, entry: LogEntry, latencyMs: number): Outcome {
  if (!(err instanceof SandboxFailure)) throw err;
  entry.code = err.code;
  return json(err.status, gatewayBody(err.code, err.message, ctx), ctx, latencyMs);
}

function gatewayBody(code: string, message: string, ctx: CallContext) {
  return {
    RequestId: ctx.requestId,
    HostId: ctx.hostId,
    Code: code,
    Message: message,
    Recommend: `This answer comes from the local sandbox; its request log holds ` +
      `${ctx.requestId}.`,
  };
}

function json(status: number, body: object, ctx: CallContext, latencyMs: number): Outcome {
  return {
    status,
    headers: {
      'content-type': 'application/json;charset=utf-8',
      'x-acs-request-id': ctx.requestId,
    },
    body: JSON.stringify(body),
    drop: false,
    latencyMs,
  };
}

function logEntry(claim: Claim, ctx: CallContext): LogEntry {
  const entry: LogEntry = {
    time: ctx.now,
    requestId: ctx.requestId,
    action: claim.action,
    accessKeyId: claim.accessKeyId,
    signatureVersion: claim.signatureVersion,
    securityToken: claim.securityToken !== null,
    params: claim.params,
    status: 0,
    code: null,
  };
  if (claim.securityToken !== null) entry.securityTokenSha256 = tokenSha256(claim.securityToken);
  return entry;
}
