/**
 * The one place that turns a failure into output and an exit status: text on stderr for a
 * person, or one JSON document on stdout with `--output json`. Stack traces only for internal
 * errors. Every line goes through `redact`, so no secret from the environment, a profile file or
 * a credentials provider can leak.
 */
import { explain } from './catalogue/index.js';
import { collectSecrets, redact } from './connect/redact.js';
import type { Context } from './context.js';
import {
  AppError,
  CredentialsError,
  EXIT,
  PartialError,
  SafetyError,
  ServiceError,
  UsageError,
  type ExitStatus,
} from './errors.js';
import { knownSecrets } from './secrets.js';

import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

export function exitStatusOf(err: unknown): ExitStatus {
  if (err instanceof ServiceError) {
    return explain(err.failure.serviceCode).category === 'credentials'
      ? EXIT.credentials
      : EXIT.failed;
  }
  if (err instanceof AppError) return err.exitStatus;
  return EXIT.failed;
}

function what(err: ServiceError): string {
  const { group, topic } = err.context;
  const parts = [group ? `group "${group}"` : '', topic ? `topic "${topic}"` : '']
    .filter(Boolean)
    .join(', ');
  return `${err.failure.action} failed${parts ? ` for ${parts}` : ''}`;
}

/** Everything known about a failure, as plain data: the JSON form, and the text's source. */
export function describeFailure(err: unknown): Record<string, unknown> {
  const exitStatus = exitStatusOf(err);
  if (err instanceof ServiceError) {
    const f = err.failure;
    const entry = explain(f.serviceCode, {
      serviceMessage: f.serviceMessage,
      httpStatus: f.httpStatus,
      ...err.context,
    });
    return {
      kind: 'service',
      code: f.serviceCode,
      exitStatus,
      message: what(err),
      action: f.action,
      ...err.context,
      serviceCode: f.serviceCode,
      serviceMessage: f.serviceMessage,
      requestId: f.requestId ?? null,
      httpStatus: f.httpStatus ?? null,
      attempts: f.attempts,
      category: entry.category,
      retryable: entry.retryable,
      meaning: entry.summary,
      next: [entry.guidance, err.hint].filter(Boolean).join(' '),
      ...(f.timedOut ? { outcomeUnknown: f.action === 'UpdateConsumerOffset' } : {}),
      ...(err.details ? { details: err.details } : {}),
    };
  }
  if (err instanceof AppError) {
    return {
      kind: kindOf(err),
      code: err.code,
      exitStatus,
      message: err.message,
      ...(err.hint ? { next: err.hint } : {}),
      ...(err.details ? { details: err.details } : {}),
    };
  }
  const fsProblem = fileSystemProblem(err);
  if (fsProblem) return { kind: 'operation', code: fsProblem.code, exitStatus, ...fsProblem.text };
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    kind: 'internal',
    code: 'INTERNAL',
    exitStatus,
    message: e.message,
    next: 'This is a defect in alikafka-offsets, not a problem with your input or the service. ' +
      'Please report it to the maintainers with the command you ran (secrets removed), the ' +
      'version (`alikafka-offsets --version`) and the stack below.',
    stack: e.stack ?? null,
  };
}

const FS_CODES = new Set(['ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EISDIR', 'EDQUOT',
  'ENAMETOOLONG', 'ELOOP', 'EMFILE']);

/** A file or folder the tool could not use: the operator's to fix, not a defect. */
function fileSystemProblem(err: unknown) {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!e || typeof e.code !== 'string' || !FS_CODES.has(e.code)) return undefined;
  const where = e.path ? ` ${e.path}` : '';
  return {
    code: e.code,
    text: {
      message: `could not use${where} (${e.code}: ${e.message.replace(/^\w+: /, '')})`,
      next: 'Check that the place exists, is a folder where one is expected, and is writable. ' +
        'Snapshots, locks and the sandbox state live under ALIKAFKA_OFFSETS_HOME (default ' +
        '~/.local/state/alikafka-offsets); point it at a writable folder, or give --snapshot, ' +
        '--sandbox-state or --file another place.',
    },
  };
}

function kindOf(err: AppError): string {
  if (err instanceof UsageError) return 'usage';
  if (err instanceof CredentialsError) return 'credentials';
  if (err instanceof SafetyError) return 'safety';
  if (err instanceof PartialError) return 'partial';
  return 'operation';
}

function textOf(info: Record<string, unknown>, color: boolean): string {
  const label = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const head = color ? '\u001b[31merror:\u001b[39m' : 'error:';
  const lines = [`${head} ${String(info.message)}`];
  if (info.kind === 'service') {
    const status = info.httpStatus ? ` (HTTP ${String(info.httpStatus)})` : '';
    lines.push(`  ${label('code:')}       ${String(info.serviceCode)}${status}`);
    if (info.serviceMessage) lines.push(`  ${label('message:')}    ${String(info.serviceMessage)}`);
    lines.push(`  ${label('request id:')} ${String(info.requestId ?? 'none (no answer)')}`);
    lines.push(`  ${label('attempts:')}   ${String(info.attempts)}`);
    lines.push(`  ${label('meaning:')}    ${String(info.meaning)}`);
  }
  if (info.next) lines.push(`  ${label('next:')}       ${String(info.next)}`);
  if (info.kind === 'internal' && info.stack) lines.push('', String(info.stack));
  return `${lines.join('\n')}\n`;
}

export function report(err: unknown, ctx: Context): ExitStatus {
  const info = describeFailure(err);
  const secrets = [...collectSecrets(ctx.env), ...knownSecrets()];
  if (ctx.output === 'json') {
    const doc = { schemaVersion: SCHEMA_VERSION, ok: false, error: info };
    ctx.stdout.write(redact(`${JSON.stringify(doc, null, 2)}\n`, secrets));
  } else {
    // Colour follows the stream the text goes to: stderr here.
    ctx.stderr.write(redact(textOf(info, ctx.color && Boolean(ctx.stderr.isTTY)), secrets));
  }
  return info.exitStatus as ExitStatus;
}
