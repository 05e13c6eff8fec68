/**
 * The few error classes of the tool. Each carries a stable string code and the exit status of the
 * command-line contract; `report.ts` is the only place that turns them into output.
 */

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  credentials: 3,
  unsafe: 4,
  partial: 5,
  interrupted: 130,
} as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

export interface AppErrorOptions {
  /** What the operator should do next. */
  hint?: string;
  cause?: unknown;
  /** Structured facts for `--output json` (never secrets). */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly exitStatus: ExitStatus;
  readonly hint?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, exitStatus: ExitStatus, message: string, opts: AppErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitStatus = exitStatus;
    this.hint = opts.hint;
    this.details = opts.details;
  }
}

/** Invalid input or usage, found before anything was sent. Exit 2. */
export class UsageError extends AppError {
  constructor(code: string, message: string, opts: AppErrorOptions = {}) {
    super(code, EXIT.usage, message, opts);
  }
}

/** No usable credentials, a bad profile, or a permission problem found locally. Exit 3. */
export class CredentialsError extends AppError {
  constructor(code: string, message: string, opts: AppErrorOptions = {}) {
    super(code, EXIT.credentials, message, opts);
  }
}

/** Refused for safety: the group has online consumers. Exit 4. */
export class SafetyError extends AppError {
  constructor(code: string, message: string, opts: AppErrorOptions = {}) {
    super(code, EXIT.unsafe, message, opts);
  }
}

/** A local failure that is not the service's answer: a file that cannot be written, a read-back
 * that disagrees with the plan. Exit 1. */
export class OperationError extends AppError {
  constructor(code: string, message: string, opts: AppErrorOptions = {}) {
    super(code, EXIT.failed, message, opts);
  }
}

/** What the service (or the gateway in front of it) answered, or why no answer came. */
export interface ServiceFailure {
  /** The API action, e.g. `UpdateConsumerOffset`. */
  action: string;
  /** The service's error code (a string, e.g. `Group.NotFound`), or a network code. */
  serviceCode: string;
  serviceMessage: string;
  requestId?: string;
  httpStatus?: number;
  /** How many attempts were made, retries included. */
  attempts: number;
  /** The request timed out: for a write, its outcome is unknown. */
  timedOut?: boolean;
  /** The call never reached the service (refused, DNS, reset before a response). */
  network?: boolean;
  /** A value from the `x-acs-retry-after` header, in milliseconds. */
  retryAfterMs?: number;
}

/**
 * The service refused or failed. The exit status follows the error catalogue: credentials and
 * permission codes exit 3, everything else exits 1.
 */
export class ServiceError extends AppError {
  readonly failure: ServiceFailure;
  /** Which group and topic the call was about, for the report. */
  readonly context: {
    group?: string;
    topic?: string;
    instanceId?: string;
    regionId?: string;
    /** A `describe` command line that reaches the same place, for the guidance. */
    describeCommand?: string;
  };

  constructor(
    failure: ServiceFailure,
    context: ServiceError['context'],
    exitStatus: ExitStatus = EXIT.failed,
    opts: AppErrorOptions = {},
  ) {
    super(failure.serviceCode, exitStatus, failure.serviceMessage, opts);
    this.failure = failure;
    this.context = context;
  }
}

/** Some topics of a multi-topic reset failed and others were applied. Exit 5. */
export class PartialError extends AppError {
  constructor(message: string, opts: AppErrorOptions = {}) {
    super('PARTIAL', EXIT.partial, message, opts);
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
