/**
 * The stable codes of the input parsers' `UsageError`s (all exit 2). Scripts and `--output json`
 * readers match on these, so a code, once published, keeps its meaning.
 */
export const PARSE_ERROR = {
  group: 'INVALID_GROUP',
  topic: 'INVALID_TOPIC',
  integer: 'INVALID_INTEGER',
  shift: 'INVALID_SHIFT',
  timestamp: 'INVALID_TIMESTAMP',
  datetime: 'INVALID_DATETIME',
  timezone: 'INVALID_TIMEZONE',
  missingZone: 'MISSING_TIMEZONE',
  nonexistentLocalTime: 'NONEXISTENT_LOCAL_TIME',
  ambiguousLocalTime: 'AMBIGUOUS_LOCAL_TIME',
  futureTime: 'FUTURE_TIME',
  beforeEpoch: 'TIME_BEFORE_EPOCH',
  duration: 'INVALID_DURATION',
  timeout: 'INVALID_TIMEOUT',
  offsets: 'INVALID_OFFSETS',
  partitions: 'INVALID_PARTITIONS',
  offsetsFile: 'INVALID_OFFSETS_FILE',
} as const;

export type ParseErrorCode = (typeof PARSE_ERROR)[keyof typeof PARSE_ERROR];
