/**
 * Reading the two credential files people already have: the Alibaba Cloud CLI's
 * `~/.aliyun/config.json` and the ini file `~/.alibabacloud/credentials`. Nothing read from them
 * is ever quoted in an error: a malformed file may hold a secret anywhere.
 */
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { CredentialsError } from '../errors.js';

/** One entry of the CLI's `profiles` list, with the CLI's snake_case field names. */
export interface CliProfile {
  name: string;
  mode?: unknown;
  [field: string]: unknown;
}

export interface CliConfig {
  /** The path as a person reads it, `~/.aliyun/config.json` under HOME. */
  shownPath: string;
  current?: string;
  profiles: CliProfile[];
}

export interface IniCredentials {
  shownPath: string;
  sections: Record<string, Record<string, string>>;
}

/** `path` with HOME written as `~`, for messages. */
export function shownPath(path: string, home: string): string {
  const prefix = home.endsWith(sep) ? home : home + sep;
  return home !== '' && path.startsWith(prefix) ? `~${sep}${path.slice(prefix.length)}` : path;
}

/** The file's text, or undefined when it does not exist. Other failures are refused. */
async function readOptional(path: string, shown: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    if (code === 'ENOENT') return undefined;
    throw new CredentialsError('CREDENTIALS_FILE_UNREADABLE', `cannot read ${shown} (${code})`, {
      hint: `make ${shown} a readable file, or remove it`,
    });
  }
}

/** Where the parser stopped, from V8's message, without quoting the text around it. */
function jsonErrorPlace(err: unknown, text: string): string {
  const match = /at position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (!match) return '';

  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

function malformed(shown: string, what: string): CredentialsError {
  return new CredentialsError('CREDENTIALS_FILE_MALFORMED', `${shown} ${what}`, {
    hint: `fix ${shown} (\`aliyun configure\` rewrites it), or move it away`,
  });
}

/** The CLI's config.json under `home`, or undefined when there is none. */
export async function readCliConfig(home: string): Promise<CliConfig | undefined> {
  const path = join(home, '.aliyun', 'config.json');
  const shown = shownPath(path, home);
  const text = await readOptional(path, shown);
  if (text === undefined) return undefined;

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // The parser's own message quotes the file, so only the place is kept, never the cause.
    throw malformed(shown, `is not valid JSON${jsonErrorPlace(err, text)}`);
  }

  const root = data as { current?: unknown; profiles?: unknown } | null;
  if (typeof root !== 'object' || root === null || !Array.isArray(root.profiles)) {
    throw malformed(shown, 'has no "profiles" list');
  }

  const profiles: CliProfile[] = [];
  for (const [index, entry] of root.profiles.entries()) {
    const name = (entry as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name === '') {
      throw malformed(shown, `has a profile without a name (entry ${index + 1} of "profiles")`);
    }
    profiles.push(entry as CliProfile);
  }

  const current = typeof root.current === 'string' ? root.current : '';
  return { shownPath: shown, profiles, ...(current !== '' ? { current } : {}) };
}

/**
 * The ini credentials file: ALIBABA_CLOUD_CREDENTIALS_FILE, else `~/.alibabacloud/credentials`.
 * A file named by the variable must exist; the default one may be absent.
 */
export async function readIniCredentials(
  env: NodeJS.ProcessEnv,
  home: string,
): Promise<IniCredentials | undefined> {
  const named = env.ALIBABA_CLOUD_CREDENTIALS_FILE;
  const path = named ? named : join(home, '.alibabacloud', 'credentials');
  const shown = shownPath(path, home);
  const text = await readOptional(path, shown);

  if (text === undefined) {
    if (!named) return undefined;
    throw new CredentialsError(
      'CREDENTIALS_FILE_MISSING',
      `ALIBABA_CLOUD_CREDENTIALS_FILE names ${shown}, which does not exist`,
      { hint: 'point ALIBABA_CLOUD_CREDENTIALS_FILE at an existing file, or unset it' },
    );
  }
  return { shownPath: shown, sections: parseIni(text) };
}

/** `[section]` headers and `key = value` lines; `;` and `#` start comments. */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = Object.create(null);
  let current: Record<string, string> | undefined;

  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;

    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      const name = (header[1] ?? '').trim();
      current = sections[name] ??= Object.create(null) as Record<string, string>;
      continue;
    }

    const eq = line.indexOf('=');
    if (eq <= 0 || current === undefined) continue;
    const key = line.slice(0, eq).trim();
    current[key] = line.slice(eq + 1).trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return sections;
}
