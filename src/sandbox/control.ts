/**
 * The sandbox subcommands that change or show its state file from a shell, whether or not a
 * sandbox is running on it: faults, switches, consumers, a fresh seed, the request log.
 */
import type { Run } from '../command.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { parseIntInRange } from '../parse/index.js';
import { SCHEMA_VERSION } from '../version.js';
import { didYouMean } from '../suggest.js';
import { SANDBOX_ACTIVE_GROUP } from './constants.js';
import { HANDLERS } from './handlers.js';
import { armFault, clearFaults, FAULT_KINDS, type Fault, type FaultKind } from './faults.js';
import type { LogEntry, SandboxModes, SandboxState } from './model.js';
import { seedOptionsOf, statePathOf } from './serve.js';
import { readSandboxState, resetSandboxState, updateSandboxState } from './state.js';

interface StateOption {
  state?: string;
}

export interface FaultAddOptions extends StateOption {
  action?: string;
  times?: string;
  always?: boolean;
  code?: string;
  status?: string;
  message?: string;
  retryAfter?: string;
  latency?: string;
  afterApply?: boolean;
}

const KIND_ALIASES: Record<string, FaultKind> = { '5xx': 'server-error', 'not-json': 'bad-json' };

const MODE_NAMES: Record<string, keyof SandboxModes> = {
  noop: 'noop',
  'consumer-commits': 'consumerCommits',
};

export const faultAdd: Run<FaultAddOptions> = async (opts, ctx, [kindArg = '']) => {
  const kind = KIND_ALIASES[kindArg] ?? (kindArg as FaultKind);
  if (!FAULT_KINDS.includes(kind)) {
    throw new UsageError('SANDBOX_FAULT_INVALID', `unknown fault kind "${kindArg}"; expected ` +
      `one of ${FAULT_KINDS.join(', ')}`);
  }
  if (opts.action !== undefined && !(opts.action in HANDLERS)) {
    // A misspelt action would arm a fault that never fires: a rehearsal testing nothing.
    throw new UsageError('SANDBOX_FAULT_INVALID', `the sandbox has no action "${opts.action}"; ` +
      `expected one of ${Object.keys(HANDLERS).join(', ')}.${didYouMean(opts.action,
        Object.keys(HANDLERS))}`);
  }
  if (opts.always && opts.times !== undefined) {
    throw new UsageError('SANDBOX_FAULT_INVALID', 'give either --times or --always, not both');
  }

  const int = (value: string | undefined, what: string, min: number, max: number) =>
    value === undefined ? undefined : parseIntInRange(value, what, min, max);
  const spec = {
    kind,
    action: opts.action,
    times: opts.always ? ('always' as const) : int(opts.times, '--times', 1, 1_000_000),
    code: opts.code,
    status: int(opts.status, '--status', 200, 599),
    message: opts.message,
    retryAfterMs: int(opts.retryAfter, '--retry-after', 0, 86_400_000),
    latencyMs: int(opts.latency, '--latency', 0, 3_600_000),
    afterApply: opts.afterApply,
  };

  let fault: Fault | undefined;
  await updateSandboxState(statePathOf(opts, ctx), (s) => {
    fault = armFault(s, spec);
  }, { now: ctx.now });

  const armed = fault as Fault;
  print(ctx, { fault: armed }, `armed fault #${armed.id}: ${describeFault(armed)}\n`);
  return 0;
};

export const faultList: Run<StateOption> = async (opts, ctx) => {
  const state = await readOrSeed(statePathOf(opts, ctx));
  const text = state.faults.length === 0
    ? 'no faults armed\n'
    : state.faults.map((f) => `#${f.id}  ${describeFault(f)}\n`).join('');
  print(ctx, { faults: state.faults }, text);
  return 0;
};

export const faultClear: Run<StateOption> = async (opts, ctx, [idArg]) => {
  const id = idArg === undefined ? undefined : parseIntInRange(idArg, 'fault id', 1, 2 ** 31);
  let removed = 0;
  await updateSandboxState(statePathOf(opts, ctx), (s) => {
    removed = clearFaults(s, id);
  }, { now: ctx.now });

  if (id !== undefined && removed === 0) {
    throw new UsageError('SANDBOX_FAULT_UNKNOWN', `no fault #${id} is armed`, {
      hint: 'list the armed faults with `alikafka-offsets sandbox fault list`',
    });
  }
  print(ctx, { removed }, `removed ${removed} fault${removed === 1 ? '' : 's'}\n`);
  return 0;
};

export const mode: Run<StateOption> = async (opts, ctx, [name, value]) => {
  const path = statePathOf(opts, ctx);
  if (name === undefined) {
    const state = await readOrSeed(path);
    print(ctx, { modes: state.modes }, modesText(state.modes));
    return 0;
  }

  const key = MODE_NAMES[name];
  if (!key) {
    throw new UsageError('SANDBOX_MODE_UNKNOWN', `unknown sandbox mode "${name}"; expected ` +
      `one of ${Object.keys(MODE_NAMES).join(', ')}`);
  }
  if (value !== 'on' && value !== 'off') {
    throw new UsageError('SANDBOX_MODE_VALUE', `sandbox mode ${name} takes "on" or "off", ` +
      `got ${value === undefined ? 'nothing' : `"${value}"`}`);
  }

  let modes: SandboxModes | undefined;
  await updateSandboxState(path, (s) => {
    s.modes[key] = value === 'on';
    modes = { ...s.modes };
  }, { now: ctx.now });
  print(ctx, { modes }, modesText(modes as SandboxModes));
  return 0;
};

export const consumers: Run<StateOption & { group?: string }> = async (opts, ctx, [which]) => {
  if (which !== 'online' && which !== 'offline') {
    throw new UsageError('SANDBOX_CONSUMERS_VALUE', `sandbox consumers takes "online" or ` +
      `"offline", got ${which === undefined ? 'nothing' : `"${which}"`}`);
  }
  const name = opts.group ?? SANDBOX_ACTIVE_GROUP;

  await updateSandboxState(statePathOf(opts, ctx), (s) => {
    const group = s.groups[name];
    const hasClients = group && Object.values(group.clients).some((l) => l.some((c) => c));
    if (!group || !hasClients) {
      throw new UsageError('SANDBOX_NO_CONSUMERS', `group "${name}" has no consumers to bring ` +
        `${which}`, { hint: `the seeded group with consumers is ${SANDBOX_ACTIVE_GROUP}` });
    }
    if (group.online !== (which === 'online')) {
      group.online = which === 'online';
      group.generation += 1;
      group.lastRebalance = ctx.now();
    }
  }, { now: ctx.now });

  print(ctx, { group: name, online: which === 'online' }, `group ${name}: consumers ${which}\n`);
  return 0;
};

export const resetState: Run<StateOption & { bulkTopics?: string; bulkPartitions?: string }> =
  async (opts, ctx) => {
    const path = statePathOf(opts, ctx);
    await resetSandboxState(path, { now: ctx.now, seed: seedOptionsOf(opts) });
    print(ctx, { statePath: path }, `sandbox state ${path} seeded afresh\n`);
    return 0;
  };

export const log: Run<StateOption & { last?: string }> = async (opts, ctx) => {
  const last = opts.last === undefined ? 20 : parseIntInRange(opts.last, '--last', 1, 100_000);
  const state: SandboxState = await readOrSeed(statePathOf(opts, ctx));
  const entries = state.log.slice(-last);
  print(ctx, { entries }, entries.map(logLine).join('') || 'no calls yet\n');
  return 0;
};

export function describeFault(f: Fault): string {
  const on = f.action === '*' ? 'every action' : f.action;
  const when = f.remaining === null ? 'on every call' : `for the next ${f.remaining} ` +
    `call${f.remaining === 1 ? '' : 's'}`;
  const what: Record<FaultKind, string> = {
    error: `answer ${f.code} (HTTP ${f.status ?? 'per the error table'})`,
    throttle: `throttle (400 Throttling.User${
      f.retryAfterMs === undefined ? '' : `, retry after ${f.retryAfterMs} ms`})`,
    'server-error': `answer HTTP ${f.status ?? 503}${f.code ? ` ${f.code}` : ''}`,
    latency: `add ${f.latencyMs} ms before answering`,
    drop: f.afterApply ? 'apply the call, then drop the connection' : 'drop the connection',
    'bad-json': 'answer a body that is not JSON',
  };
  return `${what[f.kind]} on ${on} ${when}`;
}

function modesText(modes: SandboxModes): string {
  return `noop              ${modes.noop ? 'on' : 'off'}\n` +
    `consumer-commits  ${modes.consumerCommits ? 'on' : 'off'}\n`;
}

function logLine(e: LogEntry): string {
  const answer = e.status === 0 ? 'dropped' : `${e.status} ${e.code ?? 'OK'}`;
  const key = e.accessKeyId ?? '-';
  const token = e.securityToken ? ' +token' : '';
  return `${new Date(e.time).toISOString()}  ${(e.action || '-').padEnd(22)} ${answer.padEnd(32)}` +
    ` ${e.signatureVersion ?? '-'} ${key}${token}\n`;
}

function print(ctx: Context, body: Record<string, unknown>, text: string): void {
  if (ctx.output === 'json') {
    ctx.stdout.write(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, command: 'sandbox',
      ...body }, null, 2)}\n`);
  } else {
    ctx.stdout.write(text);
  }
}

/** The state as it is, seeded first when the file does not exist yet (a fresh sandbox). */
async function readOrSeed(path: string): Promise<SandboxState> {
  await updateSandboxState(path, () => undefined);
  return readSandboxState(path);
}
