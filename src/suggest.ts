/** "Did you mean" for names the service does not know. */
import { distance } from 'fastest-levenshtein';

export function closest(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return [...new Set(candidates)]
    .map((name) => {
      const hay = name.toLowerCase();
      const contains = hay.includes(needle) || needle.includes(hay);
      return { name, score: contains ? 0 : distance(needle, hay) };
    })
    .filter((c) => c.score <= limit)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((c) => c.name);
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  const near = closest(input, candidates);
  return near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : '';
}
