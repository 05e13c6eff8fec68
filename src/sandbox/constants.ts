/**
 * The sandbox's fixed facts. Kept free of imports so that the command registry and other parts
 * can name them without loading the server.
 */

/** The key the sandbox accepts by default. It guards nothing: it exists only on this machine. */
export const SANDBOX_ACCESS_KEY_ID = 'LTAIsandbox0000000001';
export const SANDBOX_ACCESS_KEY_SECRET = 'SandboxSecretForLocalUseOnly0001';

export const SANDBOX_INSTANCE_ID = 'alikafka_sandbox-cn-hangzhou';
export const SANDBOX_REGION_ID = 'cn-hangzhou';

export const SANDBOX_DEFAULT_HOST = '127.0.0.1';
export const SANDBOX_DEFAULT_PORT = 8089;

/** The API version the sandbox speaks; requests for another version are refused. */
export const SANDBOX_API_VERSION = '2019-09-16';

/** How far a request's date may be from the sandbox clock, as on the real gateway. */
export const SANDBOX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** How many request-log entries the state keeps. */
export const SANDBOX_LOG_LIMIT = 2000;

/** The seeded groups, named here so tests and help text agree with the seed. */
export const SANDBOX_GROUP = 'kafka-test';
export const SANDBOX_ACTIVE_GROUP = 'kafka-active';
export const SANDBOX_BULK_GROUP = 'kafka-bulk';
