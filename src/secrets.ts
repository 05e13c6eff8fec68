/**
 * Secrets the tool came to hold other than through the environment: read from a profile file or
 * fetched by a credentials provider. The failure report redacts what it finds in the
 * environment; it asks here for the rest. One process runs one command, so a module-level set
 * is that command's.
 */

const known = new Set<string>();

export function rememberSecrets(list: readonly (string | undefined)[]): void {
  for (const secret of list) {
    if (secret) known.add(secret);
  }
}

export function knownSecrets(): string[] {
  return [...known];
}
