import { expect } from 'vitest';
import { EXIT, UsageError } from '../../src/errors.js';

/** Runs a parser that must refuse its input and returns the UsageError it threw. */
export function refusal(run: () => unknown): UsageError {
  let result: unknown;
  try {
    result = run();
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    expect(err.exitStatus).toBe(EXIT.usage);
    return err;
  }
  throw new Error(`expected a UsageError, but the parser returned ${JSON.stringify(result)}`);
}
