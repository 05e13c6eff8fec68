/**
 * What a person sees: colour and a spinner in a terminal, neither through a pipe, a file, with
 * NO_COLOR, --no-color or --output json; tables within the terminal's width; numbers and times
 * written for reading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspace } from './harness.js';
import { ANY_ESCAPE, plain, runInPty, SGR, SPINNER_FRAME } from './p-pty.js';
import { BIG, LONG_GROUP, LONG_TOPIC, withLongNames } from './p-state.js';

const DESCRIBE = ['describe', '--sandbox', '--group', 'kafka-test'];
const PLAN = ['reset', '--sandbox', '--group', 'kafka-test', '--topic', 'topic_name',
  '--to-earliest'];

/** The lines of a table: from its header (or first stacked block) up to the line `end` finds. */
function tableLines(screen: string, end: RegExp): string[] {
  const lines = plain(screen).split('\n');
  const start = lines.findIndex((l) => l.startsWith('TOPIC'));
  const stop = lines.findIndex((l, i) => i > start && end.test(l));
  expect(start, `no table in:\n${screen}`).toBeGreaterThanOrEqual(0);
  expect(stop, `no end of table in:\n${screen}`).toBeGreaterThan(start);
  return lines.slice(start, stop);
}

/** The wall-clock time and UTC offset of an instant in a zone, as Intl computes them. */
function localTime(at: Date, timeZone: string): { local: string; zone: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}`;
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  // The local date is written out only when it is not the UTC date.
  const local = date === at.toISOString().slice(0, 10) ? time : `${date} ${time}`;
  return { local, zone: part('timeZoneName').slice(3) };
}

describe('in a terminal', () => {
  it('shows colour and a spinner', async () => {
    const ws = workspace();
    const res = await runInPty(DESCRIBE, ws.env, { columns: 120 });
    expect(res.status).toBe(0);
    expect(res.screen).toMatch(SGR);
    expect(res.screen).toMatch(SPINNER_FRAME);
    expect(plain(res.screen)).toContain('Reading "kafka-test"');
  });

  it('shows no colour with NO_COLOR=1, and still the table', async () => {
    const ws = workspace({ NO_COLOR: '1' });
    const res = await runInPty(DESCRIBE, ws.env, { columns: 120 });
    expect(res.status).toBe(0);
    expect(res.screen).not.toMatch(SGR);
    expect(res.screen).toContain('topic_name');
  });

  it('shows no colour with --no-color', async () => {
    const ws = workspace();
    const res = await runInPty([...PLAN, '--no-color'], ws.env, { columns: 120 });
    expect(res.status).toBe(0);
    expect(res.screen).not.toMatch(SGR);
    expect(res.screen).toContain('Nothing was written');
  });

  it('writes nothing but one JSON document with --output json, on either stream', async () => {
    const ws = workspace();
    for (const args of [DESCRIBE, PLAN]) {
      const res = await runInPty([...args, '--output', 'json'], ws.env, { columns: 120 });
      expect(res.status).toBe(0);
      expect(res.screen).not.toMatch(ANY_ESCAPE);
      expect(res.screen).not.toMatch(SPINNER_FRAME);
      expect(JSON.parse(res.screen)).toMatchObject({ schemaVersion: 1, ok: true });
    }
  });

  it('keeps escape codes out of stdout sent to a file, while stderr is the terminal', async () => {
    const ws = workspace();
    const file = join(ws.home, 'describe.txt');
    const res = await runInPty(DESCRIBE, ws.env, { columns: 120 }, `> ${file}`);
    expect(res.status).toBe(0);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('topic_name');
    expect(saved).not.toMatch(ANY_ESCAPE);
  });
});

describe('through a pipe', () => {
  it('prints neither colour nor a spinner, on stdout or stderr', async () => {
    const ws = workspace();
    for (const args of [DESCRIBE, PLAN, [...PLAN, '--execute']]) {
      const res = await run(args, ws.env);
      expect(res.status).toBe(0);
      for (const text of [res.stdout, res.stderr]) {
        expect(text).not.toMatch(ANY_ESCAPE);
        expect(text).not.toMatch(SPINNER_FRAME);
      }
    }
  });
});

describe('tables', () => {
  it.each([60, 80, 120])('fit a %i-column terminal without cutting a name', async (columns) => {
    const { ws, sandbox } = await withLongNames(true);
    const describeRes = await runInPty(['describe', ...sandbox, '--group', LONG_GROUP], ws.env,
      { columns }, '2>/dev/null');
    const planRes = await runInPty(['reset', ...sandbox, '--group', LONG_GROUP, '--all-topics',
      '--to-earliest'], ws.env, { columns }, '2>/dev/null');
    expect(describeRes.status).toBe(0);
    expect(planRes.status).toBe(0);

    for (const lines of [
      tableLines(describeRes.screen, /^Total lag/),
      tableLines(planRes.screen, /^(warning:|Nothing was written)/),
    ]) {
      const wide = lines.filter((l) => l.length > columns);
      expect(wide, `wider than ${columns}:\n${wide.join('\n')}`).toEqual([]);
      expect(lines.filter((l) => l.includes(LONG_TOPIC)).length).toBeGreaterThanOrEqual(2);
      expect(lines.join('\n')).not.toMatch(/settlement-events[^\n]*…/);
    }
    expect(plain(describeRes.screen)).toContain(`Group "${LONG_GROUP}"`);
  });

  it('use the whole row when the terminal is wide enough', async () => {
    const { ws, sandbox } = await withLongNames(true);
    const res = await runInPty(['describe', ...sandbox, '--group', LONG_GROUP], ws.env,
      { columns: 250 }, '2>/dev/null');
    const lines = tableLines(res.screen, /^Total lag/);
    expect(lines[0]).toMatch(/^TOPIC\s+PART\s+COMMITTED\s+LOG START\s+LOG END\s+LAG/);
    expect(lines.filter((l) => l.startsWith(LONG_TOPIC))).toHaveLength(2);
  });

  it('fit COLUMNS through a pipe', async () => {
    const { ws, sandbox } = await withLongNames(true, { COLUMNS: '70' });
    const res = await run(['describe', ...sandbox, '--group', LONG_GROUP], ws.env);
    expect(res.status).toBe(0);
    const lines = tableLines(res.stdout, /^Total lag/);
    expect(lines.filter((l) => l.length > 70)).toEqual([]);
    expect(lines.some((l) => l.includes(LONG_TOPIC))).toBe(true);
  });
});

describe('numbers and times', () => {
  it('have thousands separators in text and are plain numbers in JSON', async () => {
    const { ws, sandbox } = await withLongNames();
    const args = ['describe', ...sandbox, '--group', LONG_GROUP];
    const text = (await run(args, ws.env)).stdout;
    const doc = JSON.parse((await run([...args, '--output', 'json'], ws.env)).stdout);

    expect(text).toContain('9,876,543,210');
    expect(text).toContain('9,876,000,000');
    expect(text).toContain('1,000,000');
    expect(text).toContain('543,210');
    expect(doc.rows[0]).toMatchObject({
      committed: BIG.committed,
      logStart: BIG.logStart,
      logEnd: BIG.logEnd,
      lag: BIG.logEnd - BIG.committed,
    });
    expect(JSON.stringify(doc)).not.toMatch(/\d,\d{3}/);
  });

  it.each(['UTC', 'Asia/Shanghai', 'Asia/Kathmandu', 'America/Los_Angeles'])(
    'show UTC and the local time under TZ=%s', async (tz) => {
      const ws = workspace({ TZ: tz });
      const doc = JSON.parse((await run([...DESCRIBE, '--output', 'json'], ws.env)).stdout);
      const text = (await run(DESCRIBE, ws.env)).stdout;

      const consumed = doc.rows.find((r: { lastConsumed: string | null }) => r.lastConsumed);
      const at = new Date(consumed.lastConsumed);
      const utc = at.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
      expect(text).toContain(utc);
      if (tz === 'UTC') {
        expect(text).not.toContain('local)');
        return;
      }
      const { local, zone } = localTime(at, tz);
      expect(text).toContain(`${utc} (${local} ${zone} local)`);
    },
  );
});
