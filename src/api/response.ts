/**
 * Deciding whether an answer means success. The SDK hands back whatever JSON came with an
 * HTTP 2xx, and alikafka answers some failures that way, so the body itself must be read.
 */

export type BodyVerdict =
  | { ok: true; requestId?: string }
  | { ok: false; code: string; message: string; requestId?: string; invalid?: boolean };

const QUOTE_LIMIT = 120;

/** The start of what came back, for a message about a body that made no sense. */
export function quoteStart(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
}

function field(body: Record<string, unknown>, name: string): unknown {
  // The SDK's models use camelCase; a raw body uses the API's PascalCase.
  const camel = name[0]!.toLowerCase() + name.slice(1);
  return body[name] !== undefined ? body[name] : body[camel];
}

function asSuccess(value: unknown): boolean | 'absent' | 'garbled' {
  if (value === undefined || value === null) return 'absent';
  if (value === true || value === 'true' || value === 'True' || value === 'TRUE') return true;
  if (value === false || value === 'false' || value === 'False' || value === 'FALSE') return false;
  return 'garbled';
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Success comes from `Success` (a boolean or its string form); only when it is absent does a
 * `Code` of 200 count. Anything else, or a body that contradicts itself, is a failure.
 */
export function checkBody(body: unknown): BodyVerdict {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      invalid: true,
      code: 'InvalidResponse',
      message: `the service answered with something other than a JSON object: ${quoteStart(body)}`,
    };
  }
  const record = body as Record<string, unknown>;
  const requestId = asText(field(record, 'RequestId'));
  const success = asSuccess(field(record, 'Success'));
  const code = asText(field(record, 'Code'));
  const message = asText(field(record, 'Message')) ?? '';

  if (success === 'garbled') {
    return invalid(`"Success" is neither true nor false`, record, requestId);
  }
  if (success === true) {
    if (code !== undefined && code !== '200' && /^\d+$/.test(code)) {
      return invalid(`"Success" is true but "Code" is ${code}`, record, requestId);
    }
    return { ok: true, requestId };
  }
  if (success === false) return { ok: false, ...codeOf(code, message), requestId };
  if (code === '200') return { ok: true, requestId };
  if (code !== undefined) return { ok: false, ...codeOf(code, message), requestId };
  return invalid('neither "Success" nor "Code" is present', record, requestId);
}

/**
 * The model gives `Code` as a number (an HTTP status); a service that puts its string code at the
 * start of the message ("Group.Active: ...") is read as that code.
 */
function codeOf(code: string | undefined, message: string): { code: string; message: string } {
  const lead = /^([A-Za-z][A-Za-z0-9_.%]{2,80}): (.*)$/s.exec(message);
  if ((code === undefined || /^\d+$/.test(code)) && lead) {
    return { code: lead[1]!, message: lead[2]! };
  }
  return { code: code ?? 'UnknownError', message };
}

function invalid(why: string, body: unknown, requestId?: string): BodyVerdict {
  return {
    ok: false,
    invalid: true,
    code: 'InvalidResponse',
    message: `the answer contradicts itself or is incomplete (${why}): ${quoteStart(body)}`,
    requestId,
  };
}
