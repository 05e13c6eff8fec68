/**
 * Turning a named profile into a credentials provider: the modes of the CLI's config.json and
 * the types of the ini credentials file. A profile that cannot work is refused here, before any
 * request, with what to change in which file.
 */
import { CredentialsError } from '../errors.js';
import type { CliConfig, CliProfile, IniCredentials } from './files.js';
import {
  ecsProvider,
  isTrue,
  roleProvider,
  staticProvider,
  stsEndpointFor,
  uriProvider,
  type CredentialsProvider,
  type Library,
} from './providers.js';

/** A provider with what is known about it without calling it. */
export interface Built {
  provider: CredentialsProvider;
  /** The mode (config.json) or type (ini) as the file spells it. */
  mode: string;
  /** The key id the calls will be signed with, when it is fixed. */
  accessKeyId?: string;
  /** Every secret the provider was given, for redaction. */
  secrets: string[];
  roleArn?: string;
  stsEndpoint?: string;
}

export const CLI_MODES = [
  'AK',
  'StsToken',
  'RamRoleArn',
  'EcsRamRole',
  'ChainableRamRoleArn',
  'CredentialsURI',
] as const;

export const INI_TYPES = ['access_key', 'ecs_ram_role', 'ram_role_arn'] as const;

/** Where a profile lives and how to name it in a message. */
interface Place {
  name: string;
  mode: string;
  shownPath: string;
}

function text(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function required(fields: Record<string, unknown>, key: string, at: Place): string {
  const value = text(fields, key);
  if (value !== undefined) return value;
  throw new CredentialsError(
    'PROFILE_INCOMPLETE',
    `profile "${at.name}" (${at.mode}) in ${at.shownPath} has no ${key}, which that mode needs`,
    { hint: `set ${key} in that profile, e.g. with \`aliyun configure --profile ${at.name}\`` },
  );
}

function seconds(fields: Record<string, unknown>, key: string, at: Place): number | undefined {
  const value = fields[key];
  if (value === undefined || value === '' || value === 0) return undefined;

  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isInteger(n) && n >= 900) return n;
  throw new CredentialsError(
    'PROFILE_INVALID',
    `profile "${at.name}" (${at.mode}) in ${at.shownPath} has ${key} ${JSON.stringify(value)}; ` +
      'expected whole seconds, at least 900',
  );
}

function metadataAllowed(env: NodeJS.ProcessEnv, at: Place): void {
  if (!isTrue(env.ALIBABA_CLOUD_ECS_METADATA_DISABLED)) return;
  throw new CredentialsError(
    'METADATA_DISABLED',
    `profile "${at.name}" (${at.mode}) in ${at.shownPath} uses the ECS instance role, but ` +
      'ALIBABA_CLOUD_ECS_METADATA_DISABLED=true forbids asking the metadata service',
    { hint: 'unset ALIBABA_CLOUD_ECS_METADATA_DISABLED on ECS, or use another profile' },
  );
}

/** A credentials URI without its query, which is where a token would be. */
export function shownUri(uri: string): string {
  try {
    const url = new URL(uri);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

export function checkedUri(uri: string, where: string): string {
  let protocol = '';
  try {
    protocol = new URL(uri).protocol;
  } catch {
    // Reported below with the expected form.
  }
  if (protocol === 'http:' || protocol === 'https:') return uri;
  throw new CredentialsError(
    'CREDENTIALS_URI_INVALID',
    `${where} is not an http:// or https:// URL`,
    { hint: 'give the full URL of the endpoint that answers with AccessKeyId, AccessKeySecret ' +
      'and SecurityToken' },
  );
}

export function findCliProfile(config: CliConfig, name: string): CliProfile | undefined {
  return config.profiles.find((p) => p.name === name);
}

/** The provider of a config.json profile; `chain` holds the profiles that led here. */
export function buildCliProfile(
  lib: Library,
  config: CliConfig,
  name: string,
  env: NodeJS.ProcessEnv,
  chain: readonly string[] = [],
): Built {
  const profile = findCliProfile(config, name);
  if (!profile) {
    throw new CredentialsError(
      'PROFILE_NOT_FOUND',
      `profile "${chain.at(-1)}" in ${config.shownPath} names source_profile "${name}", ` +
        `which does not exist (profiles: ${config.profiles.map((p) => p.name).join(', ')})`,
    );
  }

  const mode = typeof profile.mode === 'string' ? profile.mode : '';
  const at: Place = { name, mode: mode || 'no mode', shownPath: config.shownPath };
  if (!(CLI_MODES as readonly string[]).includes(mode)) {
    throw new CredentialsError(
      'PROFILE_MODE_UNSUPPORTED',
      `profile "${name}" in ${config.shownPath} has ` +
        (mode ? `mode "${mode}", which alikafka-offsets cannot use` : 'no mode') +
        `; supported modes: ${CLI_MODES.join(', ')}`,
      { hint: `reconfigure it, e.g. \`aliyun configure --profile ${name} --mode AK\`, ` +
        'or give credentials through environment variables' },
    );
  }

  if (mode === 'AK' || mode === 'StsToken' || mode === 'RamRoleArn') {
    const id = required(profile, 'access_key_id', at);
    const secret = required(profile, 'access_key_secret', at);
    const token = mode === 'StsToken' ? required(profile, 'sts_token', at) : undefined;
    const base = staticProvider(lib, id, secret, token);
    const secrets = token ? [secret, token] : [secret];
    if (mode !== 'RamRoleArn') return { provider: base, mode, accessKeyId: id, secrets };

    return { ...assumeRole(lib, base, profile, at, env), secrets };
  }

  if (mode === 'ChainableRamRoleArn') {
    const source = required(profile, 'source_profile', at);
    if (source === name || chain.includes(source)) {
      throw new CredentialsError(
        'PROFILE_CHAIN_LOOP',
        `profiles in ${config.shownPath} form a loop through source_profile: ` +
          [...chain, name, source].join(' → '),
        { hint: 'make the chain end in a profile of mode AK, StsToken or EcsRamRole' },
      );
    }
    const previous = buildCliProfile(lib, config, source, env, [...chain, name]);
    return { ...assumeRole(lib, previous.provider, profile, at, env), secrets: previous.secrets };
  }

  if (mode === 'EcsRamRole') {
    metadataAllowed(env, at);
    const role = text(profile, 'ram_role_name') ?? env.ALIBABA_CLOUD_ECS_METADATA;
    return { provider: ecsProvider(lib, env, role), mode, secrets: [] };
  }

  const uri = checkedUri(required(profile, 'credentials_uri', at),
    `credentials_uri of profile "${name}" in ${config.shownPath}`);
  return { provider: uriProvider(lib, uri), mode, secrets: [] };
}

function assumeRole(
  lib: Library,
  previous: CredentialsProvider,
  fields: Record<string, unknown>,
  at: Place,
  env: NodeJS.ProcessEnv,
): Omit<Built, 'secrets'> {
  const roleArn = required(fields, 'ram_role_arn', at);
  const stsEndpoint = stsEndpointFor(env, {
    endpoint: text(fields, 'sts_endpoint'),
    region: text(fields, 'sts_region'),
    vpc: fields.enable_vpc === true || fields.enable_vpc === 'true',
  });
  const provider = roleProvider(lib, previous, {
    roleArn,
    sessionName: text(fields, 'ram_session_name'),
    durationSeconds: seconds(fields, 'expired_seconds', at),
    stsEndpoint,
  }, env);
  return { provider, mode: at.mode, roleArn, stsEndpoint };
}

/** The provider of an ini file section. */
export function buildIniProfile(
  lib: Library,
  file: IniCredentials,
  name: string,
  env: NodeJS.ProcessEnv,
): Built {
  const section = file.sections[name] ?? {};
  const type = section.type ?? '';
  const at: Place = { name, mode: type || 'no type', shownPath: file.shownPath };

  if (type === 'access_key' || type === 'ram_role_arn') {
    const id = required(section, 'access_key_id', at);
    const secret = required(section, 'access_key_secret', at);
    const base = staticProvider(lib, id, secret);
    if (type === 'access_key') {
      return { provider: base, mode: type, accessKeyId: id, secrets: [secret] };
    }

    const roleArn = required(section, 'role_arn', at);
    const stsEndpoint = stsEndpointFor(env);
    const provider = roleProvider(lib, base, {
      roleArn,
      sessionName: text(section, 'role_session_name'),
      stsEndpoint,
    }, env);
    return { provider, mode: type, secrets: [secret], roleArn, stsEndpoint };
  }

  if (type === 'ecs_ram_role') {
    metadataAllowed(env, at);
    const role = text(section, 'role_name') ?? env.ALIBABA_CLOUD_ECS_METADATA;
    return { provider: ecsProvider(lib, env, role), mode: type, secrets: [] };
  }

  throw new CredentialsError(
    'PROFILE_MODE_UNSUPPORTED',
    `profile "${name}" in ${file.shownPath} has ` +
      (type ? `type "${type}", which alikafka-offsets cannot use` : 'no type') +
      `; supported types: ${INI_TYPES.join(', ')}`,
    { hint: `set type = access_key with access_key_id and access_key_secret under [${name}]` },
  );
}
