/**
 * Codes that say the request is sound but the group, topic or instance is not in a state that
 * allows it. An immediate retry meets the same state; someone has to change it first.
 */
import type { Note } from '../types.js';
import { DESCRIBE_GROUP, notesOf } from './shared.js';

const note = notesOf('state-conflict', false);

const GROUP_ACTIVE =
  'The group still has consumers connected, and the service will not move offsets under ' +
  'them. Stop every consumer of group {group} (every copy of the application, in every ' +
  'environment that shares the group), then wait until their session timeout has passed ' +
  '(session.timeout.ms: 45 seconds by default in recent Kafka clients, 10 in older ones) so ' +
  'that they leave the group. ' + DESCRIBE_GROUP + ' shows which consumers are still online; ' +
  'run the reset again once it shows none. --force only skips this tool\'s own check, not the ' +
  'service\'s.';

const INSTANCE_NOT_RUNNING =
  'Instance {instance} is not serving requests right now: it may be deploying, upgrading, ' +
  'scaling, or stopped. The console shows its status; run the reset again once the instance ' +
  'is Running. An immediate retry meets the same state.';

const TOPIC_NOT_RUNNING =
  'Topic {topic} is not in service, for example while it is being created, changed or ' +
  'deleted. Its status is in the console; wait until it is serving, or reset the group\'s ' +
  'other topics one by one with --topic in the meantime.';

const STATUS_BLOCKS =
  'The status the message names blocks the operation. For a reset the usual cases are ' +
  'consumers still online in the group and an instance or topic in the middle of a change; ' +
  DESCRIBE_GROUP + ' shows the consumers, and the console the instance and topic status.';

export const STATE_CONFLICT_NOTES: readonly Note[] = [
  note('Group.Active', 'The group has online consumers, so its offsets cannot move.', GROUP_ACTIVE),
  note(
    'BIZ_CONSUMER_GROUP_ACTIVE_ERROR',
    'The group has online consumers, so its offsets cannot move.',
    GROUP_ACTIVE,
  ),
  note(
    'BIZ_CONSUMER_NEVER_RUNNING',
    'The group has never consumed, so it has no offsets to reset.',
    'The service keeps no committed offsets for a group whose consumers never ran. Start a ' +
      'consumer of {group} once so that it joins and commits, stop it, wait for its session ' +
      'timeout, and reset then; or let the consumer\'s auto.offset.reset (earliest or latest) ' +
      'choose where its first start begins.',
  ),
  note(
    'BIZ_RESET_OFFSET_ERROR',
    'The service could not reset the offsets; its message says why.',
    'The reason is in the service\'s message, shown with this code. The usual causes are ' +
      'consumers still online in the group and a time or offset outside a partition\'s range; ' +
      DESCRIBE_GROUP + ' shows both. Fix what it shows, run the reset without --execute to ' +
      'check the plan, then apply it.',
  ),
  note('Instance.StatusNotRunning', 'The instance is not running.', INSTANCE_NOT_RUNNING),
  note('BIZ_INSTANCE_STATUS_ERROR', 'The instance is not in a usable state.', INSTANCE_NOT_RUNNING),
  note('BIZ.INSTANCE.STATUS.ERROR', 'The instance is not in a usable state.', INSTANCE_NOT_RUNNING),
  note(
    'InstanceStatus.Stopped',
    'The instance has stopped serving.',
    'A stopped instance accepts no changes, offset resets included. Instances usually stop ' +
      'when a subscription expires or a payment is overdue; the console says why and how to ' +
      'resume it. Run the reset again once instance {instance} is Running.',
  ),
  note('Topic.StatusNotRunning', 'The topic is not in service.', TOPIC_NOT_RUNNING),
  note('BIZ_TOPIC_STATUS_ERROR', 'The topic is not in a usable state.', TOPIC_NOT_RUNNING),
  note(
    'BIZ_SUBSCRIPTION_STATUS_ERROR',
    'The group\'s subscription is not in a usable state.',
    'The subscription of group {group} to the topic is in a state that does not allow the ' +
      'operation, for example while it is being created or deleted. ' + STATUS_BLOCKS,
  ),
  note('NotSupport.DataStatus', 'A resource\'s current status does not allow this.', STATUS_BLOCKS),
];
