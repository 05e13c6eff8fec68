/**
 * The catalogue itself: our notes on each code joined with what the reference documents for it
 * (every row's HTTP status and message). Built once, when the module loads, and frozen.
 */
import { CREDENTIAL_NOTES } from './notes/credentials.js';
import { INVALID_INPUT_NOTES } from './notes/invalid-input.js';
import { NETWORK_NOTES } from './notes/network.js';
import { NOT_APPLICABLE_NOTES } from './notes/not-applicable.js';
import { NOT_FOUND_NOTES } from './notes/not-found.js';
import { SERVICE_NOTES } from './notes/service.js';
import { STATE_CONFLICT_NOTES } from './notes/state-conflict.js';
import { GENERIC_CODES, GENERIC_STATUS, GENERIC_TEMPLATE } from './rows-generic.js';
import { DOCUMENTED_ROWS, GATEWAY_ROWS, type Row } from './rows.js';
import type { CatalogueEntry, Note } from './types.js';

export const ALL_NOTES: readonly Note[] = [
  ...CREDENTIAL_NOTES,
  ...NOT_FOUND_NOTES,
  ...INVALID_INPUT_NOTES,
  ...STATE_CONFLICT_NOTES,
  ...SERVICE_NOTES,
  ...NETWORK_NOTES,
  ...NOT_APPLICABLE_NOTES,
];

export const ALL_ROWS: readonly Row[] = [
  ...DOCUMENTED_ROWS,
  ...GENERIC_CODES.map((code): Row => [GENERIC_STATUS, code, GENERIC_TEMPLATE]),
  ...GATEWAY_ROWS,
];

interface Documented {
  httpStatus: number[];
  serviceMessages: string[];
}

/** Joins notes and rows by code; a code's statuses and messages keep the rows' order. */
export function buildEntries(notes: readonly Note[], rows: readonly Row[]): CatalogueEntry[] {
  const documented = new Map<string, Documented>();
  for (const [status, code, message] of rows) {
    const facts = documented.get(code) ?? { httpStatus: [], serviceMessages: [] };
    if (!facts.httpStatus.includes(status)) facts.httpStatus.push(status);
    if (message !== undefined && !facts.serviceMessages.includes(message)) {
      facts.serviceMessages.push(message);
    }
    documented.set(code, facts);
  }

  return notes.map((note) => {
    const facts = documented.get(note.code);
    return Object.freeze({
      code: note.code,
      category: note.category,
      retryable: note.retryable,
      httpStatus: Object.freeze([...(facts?.httpStatus ?? [])]) as number[],
      serviceMessages: Object.freeze([...(facts?.serviceMessages ?? [])]) as string[],
      summary: note.summary,
      guidance: note.guidance,
    });
  });
}

export const ENTRIES: readonly CatalogueEntry[] = buildEntries(ALL_NOTES, ALL_ROWS);
