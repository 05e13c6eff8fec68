/** `explain <code>` and `explain --list` through the command's run function. */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/catalogue/command.js';
import { allEntries } from '../../src/catalogue/index.js';
import { CATEGORY_TITLES } from '../../src/catalogue/types.js';
import { UsageError } from '../../src/errors.js';
import { fakeContext } from './fake-context.js';

const ESC = '\u001b[';

async function explainText(code: string, color = false) {
  const io = fakeContext('text', { color });
  const status = await run({}, io.ctx, [code]);
  return { status, out: io.stdout(), err: io.stderr() };
}

async function explainJson(args: string[], list = false) {
  const io = fakeContext('json');
  const status = await run({ list }, io.ctx, args);
  return { status, doc: JSON.parse(io.stdout()) as Record<string, unknown>, err: io.stderr() };
}

async function refusal(opts: { list?: boolean }, args: string[]) {
  const io = fakeContext('text');
  const err = await run(opts, io.ctx, args).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(io.stdout()).toBe('');
  expect(err).toBeInstanceOf(UsageError);
  return err as UsageError;
}

describe('explain <code> as text', () => {
  it('prints code, category, retry decision, status, service message and guidance', async () => {
    const { status, out, err } = await explainText('Group.Active');
    expect(status).toBe(0);
    expect(err).toBe('');
    expect(out.split('\n')[0]).toBe('Group.Active');
    expect(out).toMatch(/category\s+State conflict/);
    expect(out).toMatch(/retry helps\s+no/);
    expect(out).toMatch(/exit status\s+1/);
    expect(out).toMatch(/HTTP status\s+400/);
    expect(out).toContain('Group is active and cannot perform this operation.');
    expect(out).toContain('The group is currently active and cannot perform this operation.');
    expect(out).toContain('What to do');
    expect(out).toMatch(/session\s+timeout/);
  });

  it('fits 100 columns and has no colour when the context has none', async () => {
    const { out } = await explainText('NoPermission');
    expect(out).not.toContain(ESC);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(out).toMatch(/exit status\s+3/);
    expect(out).toContain('alikafka:UpdateGroup');
  });

  it('uses colour only when the context asks for it', async () => {
    expect((await explainText('NoPermission', true)).out).toContain(ESC);
  });

  it('wraps to a narrower terminal', async () => {
    const io = fakeContext('text', { columns: 72 });
    io.ctx.stdout.isTTY = true;
    await run({}, io.ctx, ['Group.Active']);
    for (const line of io.stdout().split('\n')) expect(line.length).toBeLessThanOrEqual(72);
  });

  it('accepts a code in other letter case and prints the catalogue\'s spelling', async () => {
    expect((await explainText('group.active')).out.split('\n')[0]).toBe('Group.Active');
  });

  it('names the family of a member code and what it fills in', async () => {
    const { out } = await explainText('Invalid.Offset');
    expect(out.split('\n')[0]).toBe('Invalid.Offset  (one of Invalid.%s)');
    expect(out).toMatch(/detail\s+Offset/);
  });

  it('says when no response and no message exist for a network code', async () => {
    const { out } = await explainText('ECONNREFUSED');
    expect(out).toMatch(/HTTP status\s+none: no answer came from the service/);
    expect(out).toContain('(no message documented)');
    expect(out).toMatch(/retry helps\s+yes/);
  });
});

describe('explain <code> as JSON', () => {
  it('writes one document with schemaVersion 1 and the whole entry', async () => {
    const { status, doc, err } = await explainJson(['Group.Active']);
    expect(status).toBe(0);
    expect(err).toBe('');
    expect(doc).toMatchObject({
      schemaVersion: 1,
      command: 'explain',
      code: 'Group.Active',
      known: true,
      category: 'state-conflict',
      categoryTitle: 'State conflict',
      retryable: false,
      exitStatus: 1,
      httpStatus: [400],
    });
    expect(doc.serviceMessages).toHaveLength(2);
    expect(doc.guidance).toMatch(/Stop every consumer/);
  });

  it('gives exit status 3 for a credentials code', async () => {
    expect((await explainJson(['SignatureDoesNotMatch'])).doc.exitStatus).toBe(3);
  });

  it('names the family and the detail of a member code', async () => {
    const { doc } = await explainJson(['Invalid.Partition.4']);
    expect(doc).toMatchObject({ code: 'Invalid.Partition.4', family: 'Invalid.Partition.%s' });
    expect(doc.detail).toBe('4');
  });
});

describe('explain --list', () => {
  it('prints every code under its category title with its summary', async () => {
    const io = fakeContext('text');
    expect(await run({ list: true }, io.ctx, [])).toBe(0);
    const out = io.stdout();

    for (const title of Object.values(CATEGORY_TITLES)) expect(out).toContain(title);
    for (const entry of allEntries()) {
      const code = entry.code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(out).toMatch(new RegExp(`^  ${code}(\\s|$)`, 'm'));
    }
    expect(out).toContain(`${allEntries().length} codes.`);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('lists credentials first and the other operations\' codes last', async () => {
    const io = fakeContext('text');
    await run({ list: true }, io.ctx, []);
    const out = io.stdout();
    expect(out.startsWith(CATEGORY_TITLES.credentials)).toBe(true);
    expect(out.indexOf(CATEGORY_TITLES['not-applicable']))
      .toBeGreaterThan(out.indexOf(CATEGORY_TITLES.service));
  });

  it('writes the same as one JSON document, grouped by category', async () => {
    const { doc } = await explainJson([], true);
    const categories = doc.categories as { category: string; exitStatus: number;
      entries: { code: string }[] }[];
    expect(doc.schemaVersion).toBe(1);
    expect(doc.count).toBe(allEntries().length);
    expect(categories.map((c) => c.category)).toEqual(Object.keys(CATEGORY_TITLES));
    expect(categories.reduce((n, c) => n + c.entries.length, 0)).toBe(doc.count);
    expect(categories.find((c) => c.category === 'credentials')?.exitStatus).toBe(3);
  });
});

describe('explain refuses', () => {
  it('an unknown code with exit status 2, naming the closest known codes', async () => {
    const err = await refusal({}, ['Group.Activ']);
    expect(err.exitStatus).toBe(2);
    expect(err.code).toBe('UNKNOWN_ERROR_CODE');
    expect(err.message).toContain('"Group.Activ"');
    expect(err.hint).toContain('Closest known codes: Group.Active');
    expect(err.details?.suggestions).toContain('Group.Active');
  });

  it('an unknown code with no close match, pointing at --list', async () => {
    const err = await refusal({}, ['xyzzy plugh']);
    expect(err.details?.suggestions).toEqual([]);
    expect(err.hint).toContain('explain --list');
  });

  it('no code and no --list', async () => {
    const err = await refusal({}, []);
    expect(err.message).toBe('explain needs an error code or --list, got neither');
  });

  it('a code together with --list', async () => {
    const err = await refusal({ list: true }, ['Group.Active']);
    expect(err.code).toBe('EXPLAIN_ARGUMENTS');
  });
});
