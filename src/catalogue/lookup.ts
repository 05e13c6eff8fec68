/**
 * Finding a code's entry. Exact first, then ignoring case, then as a member of a `%s` family
 * (`Invalid.Offset` of `Invalid.%s`), and last treating `.` and `_` alike, because the service
 * writes some codes both ways (`BIZ_INSTANCE_NOT_FOUND`, `BIZ.INSTANCE.NOT.FOUND`).
 */
import { ENTRIES } from './data.js';
import { familyValue, hasPlaceholder, literalLength } from './template.js';
import type { CatalogueEntry } from './types.js';

export interface Match {
  entry: CatalogueEntry;
  /** For a family match, what the code has in place of `%s`. */
  familyValue?: string;
}

function loose(code: string): string {
  return code.toLowerCase().replace(/_/g, '.');
}

function indexBy(key: (code: string) => string): Map<string, CatalogueEntry> {
  const index = new Map<string, CatalogueEntry>();
  for (const entry of ENTRIES) {
    const k = key(entry.code);
    if (!index.has(k)) index.set(k, entry);
  }
  return index;
}

const byCode = indexBy((code) => code);
const byLowerCase = indexBy((code) => code.toLowerCase());
const byLooseCode = indexBy(loose);

/** The most specific family first, so `Invalid.Partition.3` is not taken for `Invalid.%s`. */
const families = ENTRIES.filter((entry) => hasPlaceholder(entry.code)).sort(
  (a, b) => literalLength(b.code) - literalLength(a.code),
);

function matchFamily(code: string, ignoreCase: boolean): Match | undefined {
  for (const entry of families) {
    const value = familyValue(entry.code, code, ignoreCase);
    if (value !== undefined) return { entry, familyValue: value };
  }
  return undefined;
}

export function matchCode(code: string): Match | undefined {
  const wanted = code.trim();
  if (wanted === '') return undefined;

  const entry = byCode.get(wanted) ?? byLowerCase.get(wanted.toLowerCase());
  if (entry) return { entry };

  const family = matchFamily(wanted, false) ?? matchFamily(wanted, true);
  if (family) return family;

  const looseEntry = byLooseCode.get(loose(wanted));
  return looseEntry ? { entry: looseEntry } : undefined;
}

/** The entry for `code`, matched exactly or as a family member; undefined when unknown. */
export function lookup(code: string): CatalogueEntry | undefined {
  return matchCode(code)?.entry;
}

export function allEntries(): CatalogueEntry[] {
  return [...ENTRIES];
}

/** Unknown codes: a 5xx or 429 may pass, anything else would be refused again. */
export function isRetryableStatus(httpStatus: number | undefined): boolean {
  return httpStatus !== undefined && (httpStatus >= 500 || httpStatus === 429);
}

/** Whether the retry loop may send the request again after this code. */
export function isRetryableCode(code: string, httpStatus?: number): boolean {
  const entry = lookup(code);
  return entry ? entry.retryable : isRetryableStatus(httpStatus);
}
