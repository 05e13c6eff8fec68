/**
 * The known codes closest to a mistyped one: by edit distance over lower-cased codes (with `.`,
 * `_` and `-` alike), by a close prefix for a code typed only in part, and by substring.
 */
import { distance } from 'fastest-levenshtein';
import { ENTRIES } from './data.js';

function normalise(code: string): string {
  return code.trim().toLowerCase().replace(/[._\-\s]/g, '.');
}

/** Lower is closer; undefined when the code is not worth suggesting. */
function closeness(wanted: string, code: string): number | undefined {
  if (wanted === code) return 0;

  const tolerance = Math.max(1, Math.floor(wanted.length / 4));
  const scores: number[] = [];
  const whole = distance(wanted, code);
  if (whole <= tolerance) scores.push(whole);

  if (wanted.length >= 4 && code.length > wanted.length) {
    const prefix = distance(wanted, code.slice(0, wanted.length));
    if (prefix <= tolerance) scores.push(prefix + 1);
  }
  const contains = wanted.length >= 3 && code.includes(wanted);
  const contained = code.length >= 4 && wanted.includes(code);
  if (contains || contained) scores.push(2);
  return scores.length > 0 ? Math.min(...scores) : undefined;
}

/** Up to `max` known codes close to `input`, the closest first. */
export function suggestCodes(input: string, max = 5): string[] {
  const wanted = normalise(input);
  if (wanted === '' || max <= 0) return [];

  const ranked: { code: string; score: number; spread: number }[] = [];
  for (const { code } of ENTRIES) {
    const normal = normalise(code);
    const score = closeness(wanted, normal);
    if (score !== undefined) {
      ranked.push({ code, score, spread: Math.abs(normal.length - wanted.length) });
    }
  }

  ranked.sort((a, b) => a.score - b.score || a.spread - b.spread || a.code.localeCompare(b.code));
  return ranked.slice(0, max).map((candidate) => candidate.code);
}
