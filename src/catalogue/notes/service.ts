/**
 * Codes of a busy or failing service: throttling and internal errors. The request itself was
 * fine, so the same request may well succeed a little later, and the tool retries them.
 */
import type { Note } from '../types.js';
import { ASK_SUPPORT, CHECK_BEFORE_RERUN, notesOf } from './shared.js';

const throttled = notesOf('throttled', true);
const service = notesOf('service', true);

const THROTTLED =
  'Too many API calls arrived in a short time, from this tool or from other programs using ' +
  'the same account. The tool already waits and retries these by itself (--retries), ' +
  'following the service\'s retry-after hint when there is one. If it still gave up, wait a ' +
  'minute and run the command again, raise --retries, and avoid running several resets or ' +
  'scripts against the account at the same time.';

const INTERNAL =
  'The service failed inside, not because of the request. The tool retries such failures by ' +
  'itself (--retries); when they all failed, wait a few minutes and try again. ' +
  CHECK_BEFORE_RERUN + ' ' + ASK_SUPPORT;

const READ_FAILED =
  'The service failed while reading, which changes nothing. The tool retries such failures ' +
  'by itself (--retries); if they keep failing, wait a few minutes and run the command ' +
  'again. ' + ASK_SUPPORT;

const CLUSTER =
  'The service could not reach the brokers of instance {instance}, for example during a ' +
  'deployment, an upgrade or a failover. Check the instance status in the console, wait ' +
  'until it is Running, and try again. ' + CHECK_BEFORE_RERUN;

export const SERVICE_NOTES: readonly Note[] = [
  throttled('Throttling', 'The call was throttled: too many requests.', THROTTLED),
  throttled(
    'Throttling.User',
    'The account\'s request quota is used up for now.',
    'The limit counts every call made with this account, not only this tool\'s. ' + THROTTLED,
  ),
  throttled('Throttling.%s', 'The call was throttled by one of the gateway\'s limits.', THROTTLED),
  throttled('FlowControl', 'Flow control turned the call away.', THROTTLED),
  throttled('ONS_SYSTEM_FLOW_CONTROL', 'Flow control turned the call away.', THROTTLED),
  service('InternalError', 'The service failed internally.', INTERNAL),
  service('INTERNAL.ERROR', 'The service failed internally.', INTERNAL),
  service('InternalUnknownCodeError', 'The service failed internally.', INTERNAL),
  service('ONS.INTERNAL.ERROR', 'The service failed internally.', INTERNAL),
  service('ONS_INTERNAL_ERROR', 'The service failed internally.', INTERNAL),
  service('ONS_SYSTEM_ERROR', 'The service failed internally.', INTERNAL),
  service('AgentError', 'An agent inside the service failed.', INTERNAL),
  service('AgentBusinessError', 'An agent inside the service failed.', INTERNAL),
  service('RemoteCallError', 'A call between the service\'s own components failed.', INTERNAL),
  service('ONS_INVOKE_ERROR', 'A call between the service\'s own components failed.', INTERNAL),
  service('ONS_INIT_ENV_ERROR', 'The service could not set up the call.', INTERNAL),
  service('DB.Update.Failed', 'The service failed to store an update.', INTERNAL),
  service('RmqClusterEmpty', 'The service found no cluster behind the instance.', CLUSTER),
  service('BIZ_CLUSTER_IS_EMPTY', 'The service found no cluster behind the instance.', CLUSTER),
  service('BIZ_BROKER_NOT_FOUND', 'The service could not find the instance\'s broker.', CLUSTER),
  service(
    'GET.CONSUMER.PROGRESS.ERROR',
    'Reading the group\'s progress failed on an instance status error.',
    READ_FAILED,
  ),
  service(
    'BIZ_FIND_CONSUMER_GROUP_INFO_ERROR',
    'Reading the group\'s details failed.',
    READ_FAILED,
  ),
  service('BIZ_GET_CONSUME_STATUS_ERROR', 'Reading the consume status failed.', READ_FAILED),
  service(
    'BIZ_GET_CONSUMER_CONNECTION_ERROR',
    'Reading the group\'s online consumers failed.',
    READ_FAILED,
  ),
  service(
    'BIZ_GET_CONSUMER_RUNNING_INFO_ERROR',
    'Reading the consumers\' running state failed.',
    READ_FAILED,
  ),
  service('BIZ_GET_CONSUME_ACCUMULATE_ERROR', 'Reading the group\'s lag failed.', READ_FAILED),
  service('BIZ_GET_TOPIC_STATUS_ERROR', 'Reading the topic\'s offsets failed.', READ_FAILED),
  service('BIZ_GET_TOPIC_ROUTE_INFO_ERROR', 'Reading the topic\'s partitions failed.', READ_FAILED),
  service('BIZ_GET_CLUSTER_INFO_ERROR', 'Reading the cluster\'s details failed.', READ_FAILED),
  service('BIZ_INSTANCE_BASIC_INFO_ERROR', 'Reading the instance\'s details failed.', READ_FAILED),
];
