/**
 * Codes that say the instance, group, topic or subscription named in the request does not exist
 * where it was looked for. A retry asks the same question and gets the same answer.
 */
import type { Note } from '../types.js';
import { DESCRIBE_GROUP, notesOf } from './shared.js';

const note = notesOf('not-found', false);

const INSTANCE =
  'No instance {instance} was found in region {region}. An instance is only found through ' +
  'its own region, so check that --region names the region the instance was created in (the ' +
  'console shows it) and that --instance is the whole id, such as alikafka_post-cn-…, ' +
  'alikafka_pre-cn-… or alikafka_serverless-cn-…. Without --region, the profile\'s region or ' +
  'ALIBABA_CLOUD_REGION_ID is used, which may not be the instance\'s.';

const GROUP =
  'The instance has no group named {group}. Names are case-sensitive and a group belongs to ' +
  'one instance, so check the spelling and --instance; ' + DESCRIBE_GROUP + ' confirms a ' +
  'name and lists the topics the group subscribes to. On ApsaraMQ for Kafka a group must be ' +
  'created (in the console or through the API) before its offsets can be reset.';

const TOPIC =
  'The instance has no topic named {topic}. Check the spelling (names are case-sensitive); ' +
  DESCRIBE_GROUP + ' lists the topics the group subscribes to, and --all-topics resets all ' +
  'of them without naming any. Check also that the group subscribes to the topic you meant.';

const SUBSCRIPTION =
  'The group does not subscribe to topic {topic}, so there is no committed offset of it to ' +
  'reset. A group subscribes to a topic once its consumers have committed offsets for it. ' +
  DESCRIBE_GROUP + ' lists the topics the group does subscribe to: check the spelling of ' +
  '--topic and that you named the right group.';

const DATA =
  'The value given for the parameter named in the message points to nothing on the service: ' +
  'usually the group (--group), the topic (--topic) or the instance (--instance). Check its ' +
  'spelling and that it belongs to instance {instance} in region {region}.';

export const NOT_FOUND_NOTES: readonly Note[] = [
  note('Instance.NotFound', 'No such instance in this region.', INSTANCE),
  note('BIZ_INSTANCE_NOT_FOUND', 'No such instance in this region.', INSTANCE),
  note('BIZ.INSTANCE.NOT.FOUND', 'No such instance in this region.', INSTANCE),
  note('InstanceAgent.NotFound', 'The service found no agent for this instance.', INSTANCE),
  note(
    'InstanceStatus.Released',
    'The instance was released and no longer exists.',
    'A released instance is gone together with its groups, topics and offsets; nothing on it ' +
      'can be reset. If it was replaced, the new instance has a new id: pass that one with ' +
      '--instance.',
  ),
  note('Group.NotFound', 'No such group on this instance.', GROUP),
  note('Topic.NotFound', 'No such topic on this instance.', TOPIC),
  note('BIZ_TOPIC_NOT_FOUND', 'No such topic on this instance.', TOPIC),
  note('BIZ_SUBSCRIPTION_NOT_FOUND', 'The group does not subscribe to this topic.', SUBSCRIPTION),
  note('InvalidParameter.DataNotFound', 'A value in the request points to nothing.', DATA),
];
