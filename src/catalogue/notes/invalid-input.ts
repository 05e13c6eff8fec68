/**
 * Codes that refuse a value of the request. Sending it again fails the same way; the plan has
 * to change. `explain` adds which option sets a parameter the service names.
 */
import type { Note } from '../types.js';
import { DESCRIBE_GROUP, notesOf } from './shared.js';

const note = notesOf('invalid-input', false);

const RANGES =
  DESCRIBE_GROUP + ' prints every partition\'s log start and end offsets; run the reset ' +
  'without --execute to see the values that would be sent.';

const BAD_VALUE =
  'The service refused the value of the parameter it names. For a reset that is usually Time ' +
  '(set by --to-timestamp, --to-datetime or --by-duration: it must be a time in milliseconds ' +
  'within the topic\'s retention, or -1 / -2) or Offsets (set by --offsets, --to-offset, ' +
  '--shift-by or --from-file: each must lie between the partition\'s log start and end). ' +
  RANGES;

const BAD_OFFSET =
  'An offset in the request lies outside its partition\'s range: below the log start (those ' +
  'messages were deleted by retention) or above the log end. Choose offsets inside the range, ' +
  'or use --to-earliest or --to-latest. ' + RANGES;

const BAD_PARTITION =
  'A partition named in the request does not exist in the topic. Partitions are numbered ' +
  'from 0 to the partition count minus one; check --offsets, --partitions or the rows of ' +
  '--from-file (a file written for another topic, or before the topic was re-created, names ' +
  'partitions it no longer has). ' + RANGES;

const NOT_SUPPORTED =
  'This instance does not support the request as sent, often because of its edition or ' +
  'version. A reset by time (--to-datetime, --by-duration, --to-earliest, --to-latest) is the ' +
  'most widely supported form; the console shows the instance\'s edition and version.';

const TOPIC_KIND =
  'The operation is not supported for this kind of topic. Reset the group\'s other topics ' +
  'one by one with --topic and leave this one out, or try a reset by offset (--to-offset, ' +
  '--offsets) for it.';

const TOOL_PARAMETER =
  'This tool always sends InstanceId, RegionId, ConsumerId and Topic (empty for ' +
  '--all-topics) and a reset type with its Time or Offsets, so a parameter refused as missing ' +
  'or malformed points at an outdated copy of the tool or at an --endpoint that is not the ' +
  'ApsaraMQ for Kafka API. Check --endpoint, and update the tool if the problem remains.';

export const INVALID_INPUT_NOTES: readonly Note[] = [
  note('Invalid.%s', 'A value of the request was refused; the code names which.', BAD_VALUE),
  note('Invalid.Partition.%s', 'A partition of the request was refused.', BAD_PARTITION),
  note('InvalidParameter', 'A parameter value was refused.', BAD_VALUE),
  note('InvalidParameter.Range', 'A parameter value is out of range.', BAD_VALUE),
  note('InvalidParameter.Size', 'A parameter value is too long or too short.', BAD_VALUE),
  note('BIZ_FIELD_CHECK_INVALID', 'A field of the request failed validation.', BAD_VALUE),
  note(
    'InvalidParameter.OtherParam',
    'A parameter is wrong; the message names it and says why.',
    BAD_VALUE,
  ),
  note(
    'InvalidParameter.Format',
    'A parameter is not in the expected format.',
    'The service could not read the value of the parameter it names. ' + TOOL_PARAMETER,
  ),
  note('MissingParameter', 'A required parameter is missing.', TOOL_PARAMETER),
  note('InvalidData.FieldsIncomplete', 'Part of the request\'s data is missing.', TOOL_PARAMETER),
  note(
    'InvalidParameter.NotSupport',
    'The instance does not accept a parameter of the request.',
    NOT_SUPPORTED,
  ),
  note(
    'InvalidParameter.VersionNotSupport',
    'The instance\'s version does not support a parameter of the request.',
    NOT_SUPPORTED,
  ),
  note('NotSupport', 'The instance does not support this operation.', NOT_SUPPORTED),
  note(
    'ONS_SERVICE_UNSUPPORTED',
    'The service does not offer this operation here.',
    'The operation is not available for this instance or in this region; check --region and ' +
      '--endpoint. ' + NOT_SUPPORTED,
  ),
  note('BIZ_TOPIC_OFFSET_ERROR', 'An offset is outside its partition\'s range.', BAD_OFFSET),
  note('BIZ_TOPIC_PARTITION_ERROR', 'A partition of the request is not valid.', BAD_PARTITION),
  note(
    'BIZ_TIME_SPAN_EMPTY',
    'No stored messages cover the requested time.',
    'The topic holds no messages for the time asked, so the service cannot find an offset for ' +
      'it: it is older than the retention or newer than the last message. Pick a time inside ' +
      'the range that ' + DESCRIBE_GROUP + ' reports, or use --to-earliest or --to-latest.',
  ),
  note(
    'BIZ_TOPIC_COMPACT_TOPIC_NOT_SUPPORT',
    'The operation is not supported for a compacted topic.',
    TOPIC_KIND,
  ),
  note(
    'BIZ_TOPIC_LOCAL_TOPIC_NOT_SUPPORT',
    'The operation is not supported for a local-storage topic.',
    TOPIC_KIND,
  ),
  note(
    'BIZ_INSTANCE_LOCATION_ERROR',
    'The instance is not where the request looked for it.',
    'The region and the instance do not go together. Check that --region (or the profile\'s ' +
      'region) is the region instance {instance} was created in, and that --endpoint, if ' +
      'given, is that region\'s endpoint.',
  ),
];
