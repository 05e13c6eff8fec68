/** A key id as a person may see it: enough to tell two keys apart, never the whole id. */

const MASK = '****';

/** Below this length, showing four characters on each side would reveal most of the id. */
const SHORTEST_PARTLY_SHOWN = 12;

/** `LTAI5tAbCdEfGhIjabcd` becomes `LTAI****abcd`; a short id is masked entirely. */
export function maskAccessKeyId(id: string): string {
  if (id.length < SHORTEST_PARTLY_SHOWN) return MASK;
  return `${id.slice(0, 4)}${MASK}${id.slice(-4)}`;
}
