/**
 * Turning `reset`'s options into a scope and a target, refusing before anything is sent
 * (exit 2) when they are missing, doubled or malformed.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../errors.js';
import {
  parseDateTime,
  parseIntInRange,
  parseNonNegativeInt,
  parseOffsetsFile,
  parseOffsetsList,
  parsePartitions,
  parseShift,
  parseTimestamp,
  parseTopicName,
  timeFromDuration,
  type ResolvedTime,
} from '../../parse/index.js';
import type { Scope, Target } from '../../plan/types.js';

export interface ResetFlags {
  topic?: string;
  allTopics?: boolean;
  toLatest?: boolean;
  toEarliest?: boolean;
  toTimestamp?: string;
  toDatetime?: string;
  timezone?: string;
  byDuration?: string;
  offsets?: string;
  toOffset?: string;
  shiftBy?: string;
  fromFile?: string;
  partitions?: string;
  execute?: boolean;
  force?: boolean;
  verify?: boolean;
  snapshot?: string;
  concurrency?: string;
}

export interface ResetInput {
  /** Absent for --from-file: the file names its topics. */
  scope: Scope | null;
  target: Target;
  /** How a time target was resolved, for the plan's header. */
  time?: ResolvedTime;
  concurrency: number;
  /** Where a --from-file document says its offsets were taken. */
  fileSource?: FileSource;
  /** Said with the plan: what the input means that the operator might not expect. */
  warnings?: string[];
}

export interface FileSource {
  group?: string;
  instanceId?: string;
  regionId?: string;
}

const MODES = [
  ['toLatest', '--to-latest'],
  ['toEarliest', '--to-earliest'],
  ['toTimestamp', '--to-timestamp'],
  ['toDatetime', '--to-datetime'],
  ['byDuration', '--by-duration'],
  ['offsets', '--offsets'],
  ['toOffset', '--to-offset'],
  ['shiftBy', '--shift-by'],
  ['fromFile', '--from-file'],
] as const;

const MODE_LIST = MODES.map(([, flag]) => flag).join(', ');

function chosenMode(flags: ResetFlags): (typeof MODES)[number] {
  const given = MODES.filter(([key]) => flags[key] !== undefined && flags[key] !== false);
  if (given.length === 0) {
    throw new UsageError('MISSING_TARGET',
      `say where to reset to with exactly one of ${MODE_LIST}`);
  }
  if (given.length > 1) {
    throw new UsageError('DOUBLED_TARGET', `give exactly one target; got ${given
      .map(([, f]) => f).join(' and ')}`);
  }
  return given[0]!;
}

function chosenScope(flags: ResetFlags, fromFile: boolean): Scope | null {
  if (fromFile) {
    if (flags.topic !== undefined || flags.allTopics) {
      throw new UsageError('SCOPE_WITH_FILE', '--from-file names its own topics; drop ' +
        '--topic/--all-topics');
    }
    return null;
  }
  if (flags.topic !== undefined && flags.allTopics) {
    throw new UsageError('DOUBLED_SCOPE', 'give either --topic <name> or --all-topics, not both');
  }
  if (flags.topic === undefined && !flags.allTopics) {
    throw new UsageError('MISSING_SCOPE', 'say which topics with --topic <name>, or ' +
      '--all-topics for every topic the group subscribes to (never implied)');
  }
  return flags.allTopics ? { all: true } : { topic: parseTopicName(flags.topic!) };
}

export async function resetInput(flags: ResetFlags, now: number): Promise<ResetInput> {
  const [key, flag] = chosenMode(flags);
  const scope = chosenScope(flags, key === 'fromFile');
  const concurrency = parseIntInRange(flags.concurrency ?? '4', '--concurrency', 1, 32);
  if (flags.partitions !== undefined && key !== 'toOffset' && key !== 'shiftBy') {
    throw new UsageError('PARTITIONS_WITHOUT_MODE', '--partitions narrows --to-offset and ' +
      `--shift-by only; with ${flag} it has no meaning`);
  }
  if (flags.timezone !== undefined && key !== 'toDatetime') {
    throw new UsageError('TIMEZONE_WITHOUT_DATETIME', '--timezone applies to --to-datetime only');
  }
  const partitions = flags.partitions === undefined ? undefined : parsePartitions(flags.partitions);
  const needsTopic = key === 'offsets' || key === 'toOffset' || key === 'shiftBy';
  if (needsTopic && scope && 'all' in scope) {
    throw new UsageError('OFFSETS_NEED_TOPIC', `${flag} sets offsets on one topic; use --topic ` +
      '<name> instead of --all-topics (or --from-file for several topics)');
  }

  const base = { scope, concurrency };
  switch (key) {
    case 'toLatest':
      return { ...base, target: { mode: 'latest' } };
    case 'toEarliest':
      return { ...base, target: { mode: 'earliest' } };
    case 'toTimestamp': {
      const ms = parseTimestamp(flags.toTimestamp!, now);
      if (ms === -1) return { ...base, target: { mode: 'latest' } };
      if (ms === -2) return { ...base, target: { mode: 'earliest' } };
      const time: ResolvedTime = {
        ms,
        input: flags.toTimestamp!,
        zone: 'Z',
        utc: new Date(ms).toISOString(),
      };
      return { ...base, time, target: { mode: 'time', ms, label: time.utc } };
    }
    case 'toDatetime':
    case 'byDuration': {
      const time = key === 'toDatetime'
        ? parseDateTime(flags.toDatetime!, { timezone: flags.timezone, now })
        : timeFromDuration(flags.byDuration!, now);
      // The offset written in the value wins over --timezone; say so rather than guess.
      const ignored = flags.timezone !== undefined && time.zone !== flags.timezone &&
        /^(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})$/.test(time.zone);
      const warnings = ignored ? [`--timezone ${flags.timezone} is not used: ` +
        `${flags.toDatetime} carries its own offset (${time.zone})`] : [];
      return { ...base, time, warnings, target: { mode: 'time', ms: time.ms, label: time.utc } };
    }
    case 'offsets':
      return { ...base, target: { mode: 'offsets', offsets: parseOffsetsList(flags.offsets!) } };
    case 'toOffset': {
      const offset = parseNonNegativeInt(flags.toOffset!, '--to-offset');
      return { ...base, target: { mode: 'to-offset', offset, partitions } };
    }
    case 'shiftBy':
      return { ...base, target: { mode: 'shift', by: parseShift(flags.shiftBy!), partitions } };
    case 'fromFile': {
      const { target, source } = await fileTarget(flags.fromFile!);
      return { ...base, target, fileSource: source };
    }
  }
}

async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function fileTarget(path: string): Promise<{ target: Target; source?: FileSource }> {
  let content: string;
  try {
    content = await readInput(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError('FILE_UNREADABLE', `cannot read --from-file ${path} (${code}); expected ` +
      'a CSV of topic,partition,offset or a JSON file written by export or a reset snapshot');
  }
  const file = parseOffsetsFile(content, path === '-' ? 'stdin' : path);
  return { target: { mode: 'file', topics: file.topics }, source: file.source };
}
