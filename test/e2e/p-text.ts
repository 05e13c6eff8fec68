/**
 * Reading the text output back: numbers as a person reads them, and the table row a JSON row
 * should appear as.
 */
import { expect } from 'vitest';
import type { PlanRow as FullPlanRow } from '../../src/plan/types.js';

/** A count as the text output writes it: thousands separated by commas, or a word for none. */
export function count(n: number | null, none = 'none'): string {
  return n === null ? none : n.toLocaleString('en-US');
}

/** A change in messages, signed. */
export function signed(n: number): string {
  return n > 0 ? `+${count(n)}` : n < 0 ? `-${count(-n)}` : '0';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Expects a line of `text` that holds these cells, in this order, apart by white space only
 * (an indent before the first is allowed).
 * A cell given as a RegExp matches as a pattern; strings match exactly.
 */
export function expectRow(text: string, cells: (string | number | RegExp)[]): void {
  const parts = cells.map((c) => (c instanceof RegExp ? c.source : escape(String(c))));
  const row = new RegExp(`^ *${parts.join('\\s+')}(\\s|$)`, 'm');
  expect(text, `no row ${cells.join(' | ')} in:\n${text}`).toMatch(row);
}

/** A plan row as the JSON output carries it (the fields the table shows). */
export type PlanRow = Pick<FullPlanRow, 'topic' | 'partition' | 'current' | 'target' | 'change' |
  'logStart' | 'logEnd'>;

/** The row of a reset or undo plan, as the plan's table shows it. */
export function expectPlanRow(text: string, r: PlanRow, now?: number | null): void {
  expectRow(text, [
    r.topic,
    r.partition,
    count(r.current),
    now === undefined ? (r.target === null ? 'service' : count(r.target)) : count(now),
    r.change === null ? /(n\/a|at execution)/ : signed(r.change),
    `${count(r.logStart)}..${count(r.logEnd)}`,
  ]);
}
