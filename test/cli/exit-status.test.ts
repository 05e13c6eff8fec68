import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { EXIT_TABLE } from '../../src/help.js';

// The contract's exit statuses: scripts branch on these numbers, so they never move.
const CONTRACT: [number, RegExp][] = [
  [0, /success, or a plan printed without --execute/],
  [1, /the API refused or failed, or the read-back found offsets other than planned/],
  [2, /invalid input or usage; nothing was sent/],
  [3, /credentials or permission problem/],
  [4, /refused for safety: the group has online consumers and --force was not given/],
  [5, /partial: some topics of a multi-topic reset failed, others were applied/],
  [130, /interrupted/],
];

describe('exit statuses', () => {
  it('are the numbers of the contract', () => {
    expect(EXIT).toEqual({ ok: 0, failed: 1, usage: 2, credentials: 3, unsafe: 4, partial: 5,
      interrupted: 130 });
  });

  it('are listed in --help with their meaning', () => {
    for (const [status, meaning] of CONTRACT) {
      const line = EXIT_TABLE.split('\n').find((l) => l.trim().startsWith(`${status} `));
      expect(line, `status ${status}`).toMatch(meaning);
    }
  });

  it('are listed in the README with their meaning', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
      .replace(/`/g, '');
    for (const [status, meaning] of CONTRACT) {
      const row = readme.split('\n').find((l) => l.startsWith(`| ${status} |`));
      expect(row, `status ${status}`).toMatch(meaning);
    }
  });
});
