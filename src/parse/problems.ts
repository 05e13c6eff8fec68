/**
 * Collects every problem of one input (a list, a file) so that the operator can fix them all in
 * one go, and turns them into one UsageError.
 */
import { isAppError } from '../errors.js';
import type { ParseErrorCode } from './codes.js';
import { refuse } from './text.js';

/** How many problems a message lists; the rest are counted. */
export const MAX_REPORTED = 20;

export interface Problem {
  /** Where: `line 7`, `offsets[3].partition`, `item 2`. */
  at: string;
  message: string;
}

export class Problems {
  readonly list: Problem[] = [];

  add(at: string, message: string): void {
    this.list.push({ at, message });
  }

  /** Runs a check and records a UsageError it throws; anything else is a fault and propagates. */
  check<T>(at: string, read: () => T): T | undefined {
    try {
      return read();
    } catch (err) {
      if (!isAppError(err)) throw err;
      this.add(at, err.message);
      return undefined;
    }
  }

  get size(): number {
    return this.list.length;
  }

  /** Throws one UsageError naming the first MAX_REPORTED problems, if there are any. */
  throwIfAny(code: ParseErrorCode, headline: string, details: Record<string, unknown> = {}): void {
    if (this.list.length === 0) return;

    const shown = this.list.slice(0, MAX_REPORTED).map((p) => `  ${p.at}: ${p.message}`);
    const more = this.list.length - shown.length;
    if (more > 0) shown.push(`  … and ${more} more`);
    throw refuse(code, `${headline}\n${shown.join('\n')}`, {
      ...details,
      problems: this.list.slice(0, MAX_REPORTED),
      problemCount: this.list.length,
    });
  }
}
