/**
 * The error codes the sandbox answers, with the HTTP status and message the service's error
 * table gives them. Messages with `%s` name the parameter at fault. A code armed as a fault
 * that is not listed here is answered with status 400 and a generic message.
 */

export interface CodeInfo {
  status: number;
  message: string;
}

const CODES: Record<string, CodeInfo> = {
  // Gateway codes, answered before a call reaches the service.
  InvalidAccessKeyId: { status: 400, message: 'The specified AccessKeyId is invalid.' },
  'InvalidAccessKeyId.NotFound': {
    status: 404,
    message: 'Specified access key is not found.',
  },
  SignatureDoesNotMatch: {
    status: 400,
    message:
      'The request signature we calculated does not match the signature you provided. ' +
      'Check your key and signing method.',
  },
  IncompleteSignature: {
    status: 400,
    message: 'The request signature does not conform to Aliyun standards.',
  },
  'InvalidTimeStamp.Expired': {
    status: 400,
    message: 'Specified time stamp or date value is expired.',
  },
  'InvalidTimeStamp.Format': {
    status: 400,
    message: 'Specified time stamp or date value is not well formatted.',
  },
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  MissingParameter: { status: 400, message: 'The %s parameter is required.' },
  'InvalidAction.NotFound': {
    status: 404,
    message: 'Specified api is not found, please check your url and method.',
  },
  InvalidVersion: { status: 400, message: 'Specified parameter Version is not valid.' },
  'Throttling.User': { status: 400, message: 'Request was denied due to user flow control.' },
  Throttling: { status: 400, message: 'Request was denied due to flow control.' },
  'Forbidden.RAM': {
    status: 403,
    message: 'User not authorized to operate on the specified resource.',
  },
  ServiceUnavailable: {
    status: 503,
    message: 'The request has failed due to a temporary failure of the server.',
  },

  // Service codes, from the API's error table.
  'Instance.NotFound': { status: 404, message: 'No instance found for the %s parameter.' },
  'Group.NotFound': { status: 404, message: 'No group found for the %s parameter.' },
  'Topic.NotFound': { status: 404, message: 'No topic found for the %s parameter.' },
  'Group.Active': {
    status: 400,
    message: 'The group is currently active and cannot perform this operation.',
  },
  InvalidParameter: { status: 400, message: 'The %s parameter is invalid.' },
  'InvalidParameter.Format': { status: 400, message: 'The %s format is invalid.' },
  'InvalidParameter.Range': {
    status: 400,
    message: 'The value of the %s parameter is not within the specified range.',
  },
  NoPermission: { status: 403, message: 'No permissions.' },
  'Topic.QueryMessageFail': {
    status: 400,
    message: 'Failed to query the message, please try again later.',
  },
  BIZ_RESET_OFFSET_ERROR: { status: 400, message: '%s. Please check and try again later.' },
  InternalError: { status: 500, message: 'An internal error occurred. Please try again later.' },
  'INTERNAL.ERROR': { status: 500, message: 'An internal error occurred. Please try again later.' },
  'GET.CONSUMER.PROGRESS.ERROR': { status: 500, message: 'An instance status error occurred.' },
  RemoteCallError: {
    status: 500,
    message: 'An internal service invocation error occurred. Please try again later.',
  },
};

/** The status and message of `code`, with `%s` filled by `subject`. */
export function codeInfo(code: string, subject = 'request'): CodeInfo {
  const known = CODES[code];
  if (!known) return { status: 400, message: `The request failed with ${code}.` };
  return { status: known.status, message: known.message.replace('%s', subject) };
}

/** An answer other than success, thrown by the gateway checks and the action handlers. */
export class SandboxFailure extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, subject?: string, override: Partial<CodeInfo> = {}) {
    const info = codeInfo(code, subject);
    super(override.message ?? info.message);
    this.name = 'SandboxFailure';
    this.code = code;
    this.status = override.status ?? info.status;
  }
}

/** Whether the code's message template starts with its placeholder (`%s. Please check…`). */
export function codeTemplateLeads(code: string): boolean {
  return CODES[code]?.message.startsWith('%s') ?? false;
}
