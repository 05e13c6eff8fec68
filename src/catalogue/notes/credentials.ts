/**
 * Codes about who is calling: the AccessKey, its signature and its permissions. A command that
 * meets one exits 3, and no retry helps: the same key signs the same way again.
 */
import type { Note } from '../types.js';
import { notesOf } from './shared.js';

const note = notesOf('credentials', false);

const WHICH_KEY =
  'The key comes from ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET when ' +
  'they are set, otherwise from the --profile in ~/.aliyun/config.json.';

const GRANT_UPDATE_GROUP =
  'Grant the RAM user or role behind the AccessKey the action alikafka:UpdateGroup on the ' +
  'resource acs:alikafka:{region}:{account}:{instance} ({account} is the numeric id of the ' +
  'account that owns the instance), or ask an administrator to. The read-only commands ' +
  '(describe, export) need the matching read actions on the same instance. ' + WHICH_KEY;

const SIGNATURE_CHECKS =
  'The service could not verify the request signature. Check that the AccessKey secret ' +
  'belongs to the AccessKey id in use and was copied whole, without quotes or trailing ' +
  'spaces, and that no proxy rewrites requests on the way (see HTTPS_PROXY). ' + WHICH_KEY;

const PERMISSION_CHECK =
  'The service refused the caller for this instance or group. ' + GRANT_UPDATE_GROUP;

const OWNER_CHECK =
  'The instance or group belongs to another Alibaba Cloud account than the AccessKey in use. ' +
  'Use a key of the owning account, or of a RAM user or role in it (pick it with --profile), ' +
  'and check that --instance names the instance you meant.';

const ACCOUNT_CHECK =
  'The account behind the AccessKey failed an account check: it may be disabled, overdue, ' +
  'restricted, or not have ApsaraMQ for Kafka activated. Sign in to the console with that ' +
  'account to see what it reports; the reset cannot go through until the account is in order.';

const KEY_UNKNOWN =
  'The service found no RAM user for this AccessKey: the key or its user may have been ' +
  'deleted or disabled, or the id was mistyped. Check the key in the RAM console and create ' +
  'a new one if needed. ' + WHICH_KEY;

const KEY_MISSING =
  'The request reached the service without an AccessKey id. This tool always signs with one, ' +
  'so something on the way dropped it, or --endpoint points at a service that is not the ' +
  'ApsaraMQ for Kafka API. Check --endpoint and any proxy settings; --verbose shows which ' +
  'endpoint answered.';

export const CREDENTIAL_NOTES: readonly Note[] = [
  note('NoPermission', 'The caller may not reset offsets on this instance.', GRANT_UPDATE_GROUP),
  note(
    'Forbidden.RAM',
    'A RAM policy denies this call to the AccessKey in use.',
    'No policy allows the call, or an explicit Deny (or a condition such as a source IP or ' +
      'MFA requirement) blocks it. ' + GRANT_UPDATE_GROUP,
  ),
  note(
    'SignatureDoesNotMatch',
    'The request signature did not verify: most likely a wrong AccessKey secret.',
    SIGNATURE_CHECKS,
  ),
  note(
    'InvalidAccessKeyId.NotFound',
    'The AccessKey id is not known to Alibaba Cloud.',
    'The key may have been deleted, disabled or mistyped. Check the id against the RAM ' +
      'console (long-term ids start with LTAI, temporary ones with STS.) and create a new key ' +
      'if needed. ' + WHICH_KEY,
  ),
  note(
    'IncompleteSignature',
    'The request carried only part of the signature the gateway expects.',
    'A required signing header was missing or malformed. This tool always sends them all, so ' +
      'a proxy or load balancer on the way probably stripped one; check HTTPS_PROXY and ' +
      '--endpoint, and run with --verbose to see which endpoint answered.',
  ),
  note(
    'InvalidTimeStamp.Expired',
    'The request time differs from the service clock by more than 15 minutes.',
    'Requests are signed with this machine\'s clock, and that clock is off. Sync it with NTP ' +
      '(for example `timedatectl set-ntp true`, or `chronyc makestep` under chrony); in a ' +
      'container, fix the host\'s clock. Then run the command again: the AccessKey is fine.',
  ),
  note(
    'SignatureNonceUsed',
    'The gateway saw this request\'s one-time nonce before: the request was sent twice.',
    'Each signed request carries a nonce that may be used once. A repeat means the same signed ' +
      'request was replayed, by a proxy or load balancer or by a retry that re-sent it ' +
      'unchanged. The first copy may have been applied: run `alikafka-offsets describe ' +
      '--group {group}` before running the reset again.',
  ),
  note('AUTH_CAL_SIGNATURE_ERROR', 'The service failed to check the signature.', SIGNATURE_CHECKS),
  note('AUTH_SIGNATURE_CHECK_ERROR', 'The request signature did not verify.', SIGNATURE_CHECKS),
  note('AUTH_PERMISSION_CHECK_ERROR', 'The permission check refused the caller.', PERMISSION_CHECK),
  note(
    'AUTH_SYSTEM_PERMISSION_CHECK_ERROR',
    'A system-level permission check refused the caller.',
    PERMISSION_CHECK,
  ),
  note(
    'AUTH_RESOURCE_EMPOWER_CHECK_ERROR',
    'The caller has no grant on the instance or group.',
    PERMISSION_CHECK,
  ),
  note('AUTH_REQUEST_NOT_ALLOWED', 'The caller may not make this request.', PERMISSION_CHECK),
  note(
    'BIZ_INSTANCE_PERMISSION_CHECK_ERROR',
    'The caller has no permission on this instance.',
    PERMISSION_CHECK,
  ),
  note(
    'BIZ_SUBSCRIPTION_PERMISSION_CHECK_ERROR',
    'The caller has no permission on this group\'s subscription.',
    PERMISSION_CHECK,
  ),
  note('AUTH_RESOURCE_OWNER_ERROR', 'The resource belongs to another account.', OWNER_CHECK),
  note('BIZ_INSTANCE_OWNER_ERROR', 'The instance belongs to another account.', OWNER_CHECK),
  note(
    'BIZ_CONSUMER_ID_BELONG_TO_OTHER_USER',
    'The group belongs to another account.',
    OWNER_CHECK,
  ),
  note('AUTH_USER_CHECK_ERROR', 'The calling account failed a user check.', ACCOUNT_CHECK),
  note(
    'AUTH_USER_IN_BLACK_LIST',
    'The calling account is blocked from the service.',
    'The service has restricted this account; no key or permission change on your side lifts ' +
      'that. Contact Alibaba Cloud support with the request id this tool printed.',
  ),
  note('AUTH_LOGIN_CHECK_ERROR', 'The service\'s login check refused the caller.', ACCOUNT_CHECK),
  note('AUTH_CSRF_CHECK_ERROR', 'The service\'s console-session check failed.', ACCOUNT_CHECK),
  note('AUTH_ONS_CHANNEL_INVALID', 'The account\'s channel is not valid here.', ACCOUNT_CHECK),
  note(
    'AUTH_SERVICE_CHECK_ERROR',
    'The account failed the service check, often because the service is not activated.',
    ACCOUNT_CHECK,
  ),
  note('ONS.LOGIN.CHECK.ERROR', 'The service\'s login check refused the caller.', ACCOUNT_CHECK),
  note('ONS_LOGIN_CHECK_ERROR', 'The service\'s login check refused the caller.', ACCOUNT_CHECK),
  note('RAM.USER.NOT.FOUND.BY.ACCESSKEY', 'No RAM user owns this AccessKey.', KEY_UNKNOWN),
  note('RAM_USER_NOT_FOUND_BY_ACCESSKEY', 'No RAM user owns this AccessKey.', KEY_UNKNOWN),
  note('RAM_GET_USER_BY_AK_ERROR', 'The service could not resolve the AccessKey.', KEY_UNKNOWN),
  note(
    'GET.CONSUMER.MISSING.ACCESS.KEY.ID',
    'Reading the group failed: the request carried no AccessKey id.',
    KEY_MISSING,
  ),
  note(
    'BIZ.GET.TOPIC.STATUS.ERROR',
    'Reading the topic status failed: the request carried no AccessKey id.',
    KEY_MISSING,
  ),
];
