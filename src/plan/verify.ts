/** Comparing what was read back after a reset with what the plan said. */
import { partitionKey, type PlanRow } from './types.js';

export interface Mismatch {
  topic: string;
  partition: number;
  planned: number;
  actual: number | null;
}

/**
 * Rows whose target the service resolves at execution have nothing to compare; every other row
 * must read back exactly its planned offset.
 */
export function findMismatches(rows: PlanRow[], actual: Map<string, number | null>): Mismatch[] {
  return rows
    .filter((r) => r.target !== null)
    .map((r) => ({
      topic: r.topic,
      partition: r.partition,
      planned: r.target!,
      actual: actual.get(partitionKey(r.topic, r.partition)) ?? null,
    }))
    .filter((m) => m.actual !== m.planned);
}
