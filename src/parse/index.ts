/** The input parsers: what an operator typed, turned into exact values or refused. */
export { PARSE_ERROR, type ParseErrorCode } from './codes.js';
export { NAME_MAX, NAME_MIN, parseGroupName, parseTopicName } from './names.js';
export { MAX_SAFE, parseIntInRange, parseNonNegativeInt, parseShift } from './integers.js';
export { parseTimestamp } from './timestamp.js';
export { FUTURE_TOLERANCE_MS, type ResolvedTime } from './time.js';
export { parseDateTime } from './datetime.js';
export { parseTimeZone } from './zones.js';
export {
  formatIso,
  formatShort,
  parseDuration,
  parseTimeout,
  timeFromDuration,
  TIMEOUT_MAX_MS,
  TIMEOUT_MIN_MS,
} from './duration.js';
export { parseOffsetsList } from './offsets.js';
export { MAX_PARTITION, MAX_RANGE_WIDTH, parsePartitions } from './partitions.js';
export {
  parseOffsetsDocument,
  parseOffsetsFile,
  type OffsetsFile,
  type OffsetsFileEntry,
} from './offsets-file.js';
export {
  DOCUMENT_SCHEMA_VERSION,
  EXPORT_KIND,
  SNAPSHOT_KIND,
  type ExportDocument,
  type ExportedOffset,
  type OffsetsDocument,
  type SnapshotDocument,
  type SnapshotPartition,
} from './documents.js';
