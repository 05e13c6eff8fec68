/**
 * Walks the whole reference table of error codes: every row must be in the catalogue with its
 * status and message, a category, a retry decision, and guidance of our own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allEntries, lookup } from '../../src/catalogue/index.js';
import { CATEGORIES } from '../../src/catalogue/types.js';

interface ReferenceRow {
  status: number;
  code: string;
  message: string;
  description: string;
}

const TSV = new URL('../fixtures/error-codes.tsv', import.meta.url);

function readRows(): ReferenceRow[] {
  const [header, ...lines] = readFileSync(TSV, 'utf8').trimEnd().split('\n');
  expect(header?.split('\t')).toEqual(['http_status', 'code', 'message', 'description']);
  return lines.map((line) => {
    const [status = '', code = '', message = '', description = ''] = line.split('\t');
    return { status: Number(status), code, message, description };
  });
}

const rows = readRows();

const GATEWAY = [
  'SignatureDoesNotMatch', 'InvalidAccessKeyId.NotFound', 'IncompleteSignature',
  'InvalidTimeStamp.Expired', 'SignatureNonceUsed', 'Throttling', 'Throttling.User',
  'MissingParameter', 'Forbidden.RAM',
];
const NETWORK = [
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED',
  'UND_ERR_SOCKET', 'EHOSTUNREACH', 'ENETUNREACH', 'Timeout', 'UnknownError', 'InvalidResponse',
  'TLSMismatch',
];

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

describe('the catalogue against error-codes.tsv', () => {
  it('reads all 270 rows and 252 distinct codes of the reference', () => {
    expect(rows).toHaveLength(270);
    expect(new Set(rows.map((row) => row.code)).size).toBe(252);
  });

  it.each(rows.map((row, i) => [i + 2, row.code, row] as const))(
    'row %i (%s) has its own entry with its status and message',
    (_line, code, row) => {
      const entry = lookup(code);
      expect(entry, `no entry for ${code}`).toBeDefined();
      if (!entry) return;

      expect(entry.code).toBe(code);
      expect(entry.httpStatus).toContain(row.status);
      expect(entry.serviceMessages).toContain(row.message);
      expect(CATEGORIES).toContain(entry.category);
      expect(typeof entry.retryable).toBe('boolean');
    },
  );

  it.each(rows.map((row) => [row.code, row] as const))(
    '%s has guidance that is not the service\'s message repeated',
    (code, row) => {
      const entry = lookup(code);
      if (!entry) throw new Error(`no entry for ${code}`);
      const guidance = entry.guidance.toLowerCase();

      for (const text of [row.message, row.description].filter(Boolean)) {
        const theirs = text.toLowerCase();
        expect(guidance).not.toBe(theirs);
        expect(theirs.includes(guidance)).toBe(false);
        if (theirs.length > 20) expect(guidance.includes(theirs)).toBe(false);
      }
      expect(entry.guidance.length).toBeGreaterThanOrEqual(120);
      expect(words(entry.guidance)).toBeGreaterThanOrEqual(20);
      expect(entry.summary.toLowerCase()).not.toBe(row.message.toLowerCase());
    },
  );

  it('keeps every row of a code that is documented more than once', () => {
    expect(lookup('ServerlessPlan.IntervalInvalid')?.serviceMessages).toHaveLength(3);
    expect(lookup('Group.NotFound')?.serviceMessages).toEqual([
      'GroupId does not exist. Please check and try again.',
      'No group found for the %s parameter.',
    ]);
    expect(lookup('InternalError')?.httpStatus).toEqual([500]);
    expect(lookup('MissingParameter')?.httpStatus).toEqual([400]);
  });

  it('treats every documented 500 code as worth a retry', () => {
    const serverSide = rows.filter((row) => row.status >= 500);
    expect(serverSide.length).toBeGreaterThan(0);
    for (const row of serverSide) expect(lookup(row.code)?.retryable, row.code).toBe(true);
  });

  it('holds only the reference codes, the gateway codes and the tool\'s network codes', () => {
    const reference = new Set(rows.map((row) => row.code));
    const extra = allEntries().map((entry) => entry.code).filter((code) => !reference.has(code));
    const expected = [...GATEWAY, ...NETWORK, 'Throttling.%s'].filter((c) => !reference.has(c));
    expect(extra.sort()).toEqual(expected.sort());
  });

  it('has one entry a code, each with a one-line summary', () => {
    const codes = allEntries().map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of allEntries()) {
      expect(entry.summary, entry.code).toMatch(/^[^\n]{10,90}$/);
      expect(entry.guidance, entry.code).not.toMatch(/\n/);
    }
  });

  it('documents a status for each gateway code and none for network codes', () => {
    for (const code of GATEWAY) expect(lookup(code)?.httpStatus.length, code).toBeGreaterThan(0);
    for (const code of NETWORK) expect(lookup(code)?.httpStatus, code).toEqual([]);
    expect(lookup('Forbidden.RAM')?.httpStatus).toEqual([403]);
    expect(lookup('InvalidAccessKeyId.NotFound')?.httpStatus).toEqual([404]);
  });
});
