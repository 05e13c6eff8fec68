/**
 * Looking for secrets in what the tool wrote: its streams and every file it left. A finding
 * names the kind of value and where it was, never the value, so a failing test does not print
 * the secret it caught.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Needles {
  /** Access key secrets and security tokens. */
  secrets: readonly string[];
  /** Signature values seen on the wire. */
  signatures: readonly string[];
  /** Access key ids, which may appear only masked (first and last four characters). */
  keyIds: readonly string[];
}

/** The ways a value can be written out: as is, in a URL (once or twice), inside JSON. */
function spellings(value: string): [string, string][] {
  const once = encodeURIComponent(value);
  return [
    ['plain', value],
    ['percent-encoded', once],
    ['percent-encoded twice', encodeURIComponent(once)],
    ['JSON-escaped', JSON.stringify(value).slice(1, -1)],
  ];
}

function found(text: string, value: string): string | undefined {
  for (const [name, spelled] of spellings(value)) {
    if (text.includes(spelled)) return name;
  }
  return undefined;
}

/**
 * What of `needles` appears in `text`. A key id counts as shown when its middle, which the
 * mask hides, appears: that also catches an id cut in another place than the mask's.
 */
export function leaksIn(text: string, where: string, needles: Needles,
  opts: { keyIdsAllowed?: boolean } = {}): string[] {
  const out: string[] = [];
  needles.secrets.forEach((s, i) => {
    const how = found(text, s);
    if (how) out.push(`${where}: secret or token #${i + 1} (${how})`);
  });
  needles.signatures.forEach((s, i) => {
    const how = found(text, s);
    if (how) out.push(`${where}: request signature #${i + 1} (${how})`);
  });
  if (!opts.keyIdsAllowed) {
    needles.keyIds.forEach((id, i) => {
      const middle = id.slice(4, -4);
      if (middle.length >= 6 && text.includes(middle)) {
        out.push(`${where}: access key id #${i + 1} unmasked`);
      }
    });
  }
  return out;
}

/** Every regular file under `dir`, as paths. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Scans each file under `dir` except those in `skip`; returns the findings. */
export function leaksInFiles(dir: string, needles: Needles, skip: readonly string[]): string[] {
  return filesUnder(dir)
    .filter((path) => !skip.includes(path))
    .flatMap((path) => leaksIn(readFileSync(path, 'utf8'), `file ~/${relative(dir, path)}`,
      needles));
}
