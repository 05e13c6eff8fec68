/**
 * Input the tool must refuse before it sends anything: exit 2, a message that says what was
 * expected, and an empty request log on a sandbox the binary could otherwise have reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSandboxState } from '../../src/sandbox/index.js';
import {
  GROUP,
  TOPIC,
  expectNoStackTrace,
  jsonDocument,
  liveSandbox,
  requestLog,
  runLive,
  type LiveSandbox,
} from './a-sandbox.js';
import { run, workspace } from './harness.js';

const NOW_PLUS_A_YEAR = String(Date.now() + 365 * 24 * 3_600_000);
const G65 = `g${'x'.repeat(64)}`;
const T65 = `t${'x'.repeat(64)}`;

const group = ['--group', GROUP];
const topic = ['--topic', TOPIC];

/** [what is wrong, the arguments after `reset`, what the message must say] */
const REFUSED: [string, string[], RegExp][] = [
  ['no scope', [...group, '--to-latest'], /--topic <name>, or --all-topics/],
  ['two scopes', [...group, ...topic, '--all-topics', '--to-latest'],
    /either --topic <name> or --all-topics, not both/],
  ['no target', [...group, ...topic], /exactly one of --to-latest, --to-earliest/],
  ['two targets', [...group, ...topic, '--to-latest', '--to-earliest'],
    /exactly one target; got --to-latest and --to-earliest/],
  ['two offset targets', [...group, ...topic, '--to-offset', '5', '--shift-by', '1'],
    /exactly one target; got --to-offset and --shift-by/],
  ['no group', [...topic, '--to-latest'], /missing --group <name>/],
  ['a 65-character group name', ['--group', G65, ...topic, '--to-latest'],
    new RegExp(`"${G65}" is 65 characters long: expected 3–64 characters of A-Z a-z 0-9 _ -`)],
  ['a 2-character group name', ['--group', 'ab', ...topic, '--to-latest'],
    /is 2 characters long: expected 3–64 characters/],
  ['a dot in the group name', ['--group', 'kafka.test', ...topic, '--to-latest'],
    /"\." .*expected 3–64 characters of A-Z a-z 0-9 _ -/],
  ['a non-ASCII letter in the group name', ['--group', 'kafka-tést', ...topic, '--to-latest'],
    /expected 3–64 characters of A-Z a-z 0-9 _ -/],
  ['a space in the topic name', [...group, '--topic', 'topic name', '--to-latest'],
    /topic name "topic name" has a space .*expected 3–64 characters/],
  ['a 65-character topic name', [...group, '--topic', T65, '--to-latest'],
    /is 65 characters long: expected 3–64 characters/],
  ['a slash in the topic name', [...group, '--topic', 'a/b/c', '--to-latest'],
    /expected 3–64 characters of A-Z a-z 0-9 _ -/],
  ['a timestamp in seconds', [...group, ...topic, '--to-timestamp', '1764812400'],
    /expected a Unix time in milliseconds.*looks like seconds; did you mean 1764812400000/],
  ['a timestamp in microseconds', [...group, ...topic, '--to-timestamp', '1764812400000000'],
    /expected a Unix time in milliseconds.*microseconds; did you mean 1764812400000/],
  ['a fraction of a millisecond', [...group, ...topic, '--to-timestamp', '1764812400000.5'],
    /expected a Unix time in milliseconds.*fractions.*did you mean 1764812400000/],
  ['a timestamp in the future', [...group, ...topic, '--to-timestamp', NOW_PLUS_A_YEAR],
    /in the future .*expected a time in the past/],
  ['a timestamp of -3', [...group, ...topic, '--to-timestamp=-3'],
    /expected a Unix time in milliseconds .* or -1 \(latest\) \/ -2 \(earliest\)/],
  ['a negative offset', [...group, ...topic, '--offsets', '0=-1'],
    /expected partition=offset pairs[\s\S]*negative values are not accepted/],
  ['a negative partition', [...group, ...topic, '--offsets', '-1=5'],
    /expected partition=offset pairs[\s\S]*partition: .*negative values are not accepted/],
  ['a partition given twice', [...group, ...topic, '--offsets', '0=1,0=2'],
    /expected partition=offset pairs[\s\S]*partition 0 is already given/],
  ['a partition given twice in JSON', [...group, ...topic, '--offsets',
    '[{"partition":1,"offset":5},{"Partition":1,"Offset":6}]'],
    /expected partition=offset pairs[\s\S]*partition 1 is already given/],
  ['a negative partition in JSON', [...group, ...topic, '--offsets',
    '[{"partition":-1,"offset":5}]'], /expected an integer from 0 to 2147483647, got -1/],
  ['--offsets with --all-topics', [...group, '--all-topics', '--offsets', '0=1'],
    /--offsets sets offsets on one topic; use --topic <name> instead of --all-topics/],
  ['--to-offset with --all-topics', [...group, '--all-topics', '--to-offset', '1'],
    /--to-offset sets offsets on one topic; use --topic <name>/],
  ['--shift-by with --all-topics', [...group, '--all-topics', '--shift-by', '-1'],
    /--shift-by sets offsets on one topic; use --topic <name>/],
  ['an offset above 2^53-1', [...group, ...topic, '--offsets', '0=9007199254740992'],
    /larger than 9007199254740991 \(2\^53-1\)/],
  ['an offset above 2^53-1 in JSON', [...group, ...topic, '--offsets',
    '[{"partition":0,"offset":9007199254740993}]'], /larger than 2\^53-1/],
  ['--to-offset above 2^53-1', [...group, ...topic, '--to-offset', '9007199254740992'],
    /--to-offset: expected a non-negative base-10 integer.*larger than 9007199254740991/],
  ['a negative --to-offset', [...group, ...topic, '--to-offset=-5'],
    /--to-offset: expected a non-negative base-10 integer/],
  ['a partition named twice in --partitions', [...group, ...topic, '--to-offset', '5',
    '--partitions', '0,0'], /expected partition numbers and ranges such as 0,2,5-7[\s\S]*once/],
  ['a negative partition in --partitions', [...group, ...topic, '--shift-by', '5',
    '--partitions', '-1'], /expected partition numbers and ranges[\s\S]*negative partitions/],
  ['--partitions with a time target', [...group, ...topic, '--to-latest', '--partitions', '1'],
    /--partitions narrows --to-offset and --shift-by only/],
  ['February 30', [...group, ...topic, '--to-datetime', '2026-02-30T00:00:00Z'],
    /expected an ISO 8601 date-time.*day 30 does not exist/],
  ['February 29 of a common year', [...group, ...topic, '--to-datetime',
    '2025-02-29T12:00:00+08:00'], /day 29 does not exist \(2025 is not a leap year\)/],
  ['a date-time without a zone', [...group, ...topic, '--to-datetime', '2026-02-01T00:00:00'],
    /has no time zone.*expected Z or an offset.*--timezone <IANA name>/],
  ['a date without a zone', [...group, ...topic, '--to-datetime', '2026-02-01'],
    /is a date without a time zone.*expected Z or an offset.*--timezone <IANA name>/],
  ['an unknown --timezone', [...group, ...topic, '--to-datetime', '2026-02-01',
    '--timezone', 'Mars/Olympus'], /unknown time zone "Mars\/Olympus": expected an IANA/],
  ['--timezone without --to-datetime', [...group, ...topic, '--to-latest', '--timezone',
    'UTC'], /--timezone applies to --to-datetime only/],
  ['a negative duration', [...group, ...topic, '--by-duration', '-2h'],
    /expected a positive duration.*did you mean 2h/],
  ['a duration in months', [...group, ...topic, '--by-duration', 'P1M'],
    /expected a positive duration.*months are not accepted/],
  ['a shift of zero', [...group, ...topic, '--shift-by', '0'],
    /expected a non-zero base-10 integer/],
  ['--retries out of range', [...group, ...topic, '--to-latest', '--retries', '11'],
    /--retries: expected a base-10 integer from 0 to 10/],
  ['a timeout of zero', [...group, ...topic, '--to-latest', '--timeout', '0'],
    /expected a timeout from 1ms to 10m/],
  ['an unknown option', [...group, ...topic, '--to-latest', '--bogus'],
    /unknown option '--bogus'/],
  ['a mistyped option', [...group, ...topic, '--to-latst'],
    /unknown option '--to-latst'\s+\(Did you mean --to-latest\?\)/],
  ['a mistyped option value choice', [...group, ...topic, '--to-latest', '--output', 'yaml'],
    /argument 'yaml' is invalid. Allowed choices are text, json/],
  ['an option without its value', [...group, ...topic, '--to-offset'],
    /option '--to-offset <n>' argument missing/],
];

let sb: LiveSandbox;

beforeAll(async () => {
  sb = await liveSandbox();
});
afterAll(() => sb.close());

describe('refused before anything is sent', () => {
  it.each(REFUSED)('refuses %s with exit 2', async (_what, args, message) => {
    // --execute first, so that an option left without its value is the last argument.
    const result = await runLive(sb, ['reset', '--execute', ...args]);

    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expectNoStackTrace(result);
    expect(await requestLog(sb.statePath)).toEqual([]);
  });

  it('never cuts a long group name to the 64 characters the service would keep', async () => {
    const result = await runLive(sb, ['reset', '--group', `${GROUP}${'-'.repeat(55)}`, ...topic,
      '--to-earliest', '--execute']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the service would silently cut it to 64');
    expect(await requestLog(sb.statePath)).toEqual([]);
  });

  it.each([
    ['rest', 'reset'],
    ['descibe', 'describe'],
    ['exprot', 'export'],
  ])('suggests the command meant by "%s"', async (typed, meant) => {
    const result = await runLive(sb, [typed, '--group', GROUP]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`unknown command '${typed}'`);
    expect(result.stderr).toContain(`(Did you mean ${meant}?)`);
    expect(await requestLog(sb.statePath)).toEqual([]);
  });

  it('reports a refusal as one JSON document with --output json', async () => {
    const result = await runLive(sb, ['reset', ...group, ...topic, '--to-timestamp',
      '1764812400', '--output', 'json']);

    expect(result.status).toBe(2);
    const doc = jsonDocument(result);
    expect(doc).toMatchObject({ ok: false, error: { kind: 'usage', exitStatus: 2 } });
    expect(doc.error.message).toMatch(/expected a Unix time in milliseconds/);
    expect(result.stderr).toBe('');
    expect(await requestLog(sb.statePath)).toEqual([]);
  });

  it('reports an unknown option as one JSON document with --output json', async () => {
    const result = await runLive(sb, ['reset', ...group, ...topic, '--to-latst',
      '--output', 'json']);

    expect(result.status).toBe(2);
    const doc = jsonDocument(result);
    expect(doc).toMatchObject({ ok: false, error: { code: 'USAGE', exitStatus: 2 } });
    expect(doc.error.message).toContain('--to-latest');
    expect(await requestLog(sb.statePath)).toEqual([]);
  });
});

describe('the limits of a name are exact', () => {
  // A refusal test passes just as well when everything is refused; these show the edges pass.
  const G3 = 'abc';
  const G64 = `g${'x'.repeat(63)}`;
  const T64 = `t${'x'.repeat(63)}`;
  let edge: LiveSandbox;

  beforeAll(async () => {
    edge = await liveSandbox();
    await updateSandboxState(edge.statePath, (s) => {
      s.topics[T64] = structuredClone(s.topics[TOPIC]!);
      const seeded = s.groups[GROUP]!;
      seeded.topics.push(T64);
      seeded.offsets[T64] = [...seeded.offsets[TOPIC]!];
      s.groups[G3] = structuredClone(seeded);
      s.groups[G64] = structuredClone(seeded);
    });
  });
  afterAll(() => edge.close());

  it.each([
    ['a 3-character group', G3, TOPIC],
    ['a 64-character group', G64, TOPIC],
    ['a 64-character topic', GROUP, T64],
  ])('resets %s whole', async (_what, groupName, topicName) => {
    const result = await runLive(edge, ['reset', '--group', groupName, '--topic', topicName,
      '--to-earliest', '--execute']);

    expect(result.status, result.stderr).toBe(0);
    const calls = (await requestLog(edge.statePath))
      .filter((e) => e.action === 'UpdateConsumerOffset');
    expect(calls.at(-1)?.params).toMatchObject({ ConsumerId: groupName, Topic: topicName });
  });
});

describe('options given twice', () => {
  it.each([
    [['--group', 'kafka-test', '--group', 'kafka-active']],
    [['--group', 'kafka-test', '--topic', 'topic_name', '--topic', 'orders']],
  ])('refuses %o rather than act on the last one', async (extra) => {
    const ws = workspace();
    const result = await run(['reset', '--sandbox', ...extra, '--to-latest'], ws.env);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/given twice .*give it once/);
  });
});

describe('connection options', () => {
  it.each([
    [['describe', '--instance', 'bad id', '--group', 'kafka-test'], /not an instance id/],
    [['describe', '--sandbox-state', '/tmp/x.json', '--instance', 'i', '--group', 'kafka-test'],
      /--sandbox-state applies with --sandbox only/],
    [['describe', '--sandbox', '--endpoint', 'http://127.0.0.1:1', '--group', 'kafka-test'],
      /--sandbox starts its own endpoint/],
  ])('refuses %o before anything is sent', async (args, message) => {
    const result = await run(args, workspace().env);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
