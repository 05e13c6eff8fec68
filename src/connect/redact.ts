/**
 * Keeping secrets out of everything the tool writes: any text that could carry one (a
 * provider's error, a verbose log line, a report) is redacted before it is printed.
 */
import { maskAccessKeyId } from './mask.js';

/**
 * Secrets shorter than this are left alone: replacing a short word such as "kafka" everywhere
 * would mangle group names and other data a script reads. Real AccessKey secrets have 30
 * characters and tokens hundreds.
 */
const SHORTEST_REDACTED = 8;

/**
 * A secret as it may appear in a URL or a signed string-to-sign: STS tokens hold `+`, `/` and
 * `=`, which are percent-encoded once in a query and twice in a string-to-sign.
 */
function spellings(secret: string): string[] {
  const once = encodeURIComponent(secret);
  return [secret, once, encodeURIComponent(once)];
}

/**
 * Replaces every occurrence of each secret (≥ 4 chars) with '***', in its plain and its
 * percent-encoded spellings.
 */
export function redact(text: string, secrets: readonly string[]): string {
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...new Set(secrets.filter((s) => s.length >= SHORTEST_REDACTED)
    .flatMap(spellings))]
    .sort((a, b) => b.length - a.length);

  let out = text;
  for (const secret of ordered) out = out.split(secret).join('***');
  return out;
}

/** The variables whose values are secrets whatever their name says about the product. */
const SECRET_VARIABLES = [
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALICLOUD_ACCESS_KEY_SECRET',
  'ALICLOUD_SECURITY_TOKEN',
];

/** Any other variable named like a secret is redacted too: a false positive costs nothing. */
const SECRET_NAME = /(SECRET|TOKEN|PASSWORD)$/i;

/** The secret and token values present in the environment, for `redact`. */
export function collectSecrets(env: NodeJS.ProcessEnv): string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.length < SHORTEST_REDACTED) continue;
    if (SECRET_VARIABLES.includes(name) || SECRET_NAME.test(name)) found.add(value);
  }
  return [...found];
}

/**
 * Removes the values of JSON fields named like secrets (`"AccessKeySecret": "..."`), for error
 * texts that quote a response body whose secrets the tool never saw.
 */
export function scrubSecretFields(text: string): string {
  return text.replace(
    /("[A-Za-z_]*(?:secret|token|password)[A-Za-z_]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    '$1"***"',
  );
}

/**
 * Masks the values of JSON fields named like a key id (`"AccessKeyId": "LTAI…"`) as `config show`
 * shows them: a quoted response may hold a key the tool never saw, so `redact` cannot know it.
 */
export function maskKeyIdFields(text: string): string {
  return text.replace(
    /("[A-Za-z_]*access_?key_?id"\s*:\s*)"((?:[^"\\]|\\.)*)"/gi,
    (_match, head: string, id: string) => `${head}"${maskAccessKeyId(id)}"`,
  );
}

/**
 * Cuts the query from every URL in the text. A failed request's message quotes its URL, and a
 * signed query holds the key id, the signature and, with STS, the security token.
 */
export function scrubUrlQueries(text: string): string {
  return text.replace(/(\bhttps?:\/\/[^\s?#]*)[?#][^\s]*/gi, '$1?…');
}
