/**
 * Where a command's credentials come from, in the order of the Alibaba Cloud default chain, with
 * `--profile` ahead of it. Every source is read from the `env` and `home` given, never from the
 * process, so that a test's temporary HOME is the only one consulted.
 */
import { CredentialsError } from '../errors.js';
import { readCliConfig, readIniCredentials, type CliConfig, type IniCredentials } from './files.js';
import { maskAccessKeyId } from './mask.js';
import { buildCliProfile, buildIniProfile, checkedUri, findCliProfile, shownUri,
  type Built } from './profiles.js';
import { fromEnvironment, fromOidc, set } from './environment.js';
import { credentialOf, ecsProvider, guardedProvider, isTrue, loadLibrary, uriProvider,
  type Library, type MetadataRequest } from './providers.js';

export interface ResolvedCredentials {
  /** What a person reads: 'environment variables', 'profile "prod" (StsToken) in
   *  ~/.aliyun/config.json', 'ECS instance role "x"', ... */
  source: string;
  /** The profile used, if any. */
  profile?: string;
  /** Its region_id, if any. */
  profileRegion?: string;
  /** First 4 and last 4 characters, if known without a call. */
  accessKeyIdMasked?: string;
  /** The role a RamRoleArn-style source assumes, and the STS host it asks. */
  roleArn?: string;
  stsEndpoint?: string;
  /** What the SDK Config takes as `credential` (an @alicloud/credentials Credential). */
  credential: unknown;
}

/** Seams for tests: the metadata service cannot be reached from a test. */
export interface ResolveHooks {
  metadataRequest?: MetadataRequest;
}

const secretsByResult = new WeakMap<ResolvedCredentials, readonly string[]>();

/** The secrets behind a resolved credential that the tool read itself, for `redact`. */
export function secretsOf(resolved: ResolvedCredentials): readonly string[] {
  return secretsByResult.get(resolved) ?? [];
}

const WAYS =
  'set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET ' +
  '(plus ALIBABA_CLOUD_SECURITY_TOKEN for an STS token), run `aliyun configure` to create a ' +
  'profile in ~/.aliyun/config.json (then --profile <name>), add a [default] section to ' +
  '~/.alibabacloud/credentials, run on ECS with an instance role, or set ' +
  'ALIBABA_CLOUD_CREDENTIALS_URI; --sandbox needs none of these';

function finish(lib: Library, built: Built, fields: Omit<ResolvedCredentials, 'credential'>):
ResolvedCredentials {
  const provider = guardedProvider(built.provider, fields.source, built.secrets);
  const resolved: ResolvedCredentials = {
    ...fields,
    ...(built.accessKeyId ? { accessKeyIdMasked: maskAccessKeyId(built.accessKeyId) } : {}),
    ...(built.roleArn ? { roleArn: built.roleArn, stsEndpoint: built.stsEndpoint } : {}),
    credential: credentialOf(lib, provider),
  };
  secretsByResult.set(resolved, built.secrets);
  return resolved;
}

interface Files {
  cli?: CliConfig;
  ini?: IniCredentials;
}

function notFound(name: string, files: Files, why: string): CredentialsError {
  const have = (list: string[]) => (list.length > 0 ? `it has: ${list.join(', ')}` : 'it is empty');
  const where = [
    files.cli ? `${files.cli.shownPath} (${have(files.cli.profiles.map((p) => p.name))})`
      : '~/.aliyun/config.json (not found)',
    files.ini ? `${files.ini.shownPath} (${have(Object.keys(files.ini.sections))})`
      : '~/.alibabacloud/credentials (not found)',
  ];
  return new CredentialsError(
    'PROFILE_NOT_FOUND',
    `profile "${name}" (${why}) does not exist in ${where.join(' nor in ')}`,
    { hint: `create it with \`aliyun configure --profile ${name}\`, or name an existing one` },
  );
}

function fromNamedProfile(lib: Library, name: string, files: Files, env: NodeJS.ProcessEnv,
  why: string): ResolvedCredentials {
  if (files.cli && findCliProfile(files.cli, name)) return fromCli(lib, files.cli, name, env);
  if (files.ini?.sections[name]) return fromIni(lib, files.ini, name, env);
  throw notFound(name, files, why);
}

function fromCli(lib: Library, cli: CliConfig, name: string, env: NodeJS.ProcessEnv):
ResolvedCredentials {
  const built = buildCliProfile(lib, cli, name, env);
  const region = findCliProfile(cli, name)?.region_id;
  return finish(lib, built, {
    source: `profile "${name}" (${built.mode}) in ${cli.shownPath}`,
    profile: name,
    ...(typeof region === 'string' && region !== '' ? { profileRegion: region } : {}),
  });
}

function fromIni(lib: Library, ini: IniCredentials, name: string, env: NodeJS.ProcessEnv):
ResolvedCredentials {
  const built = buildIniProfile(lib, ini, name, env);
  return finish(lib, built, {
    source: `profile "${name}" (${built.mode}) in ${ini.shownPath}`,
    profile: name,
  });
}

/** The CLI's current profile, when the file names one that exists. */
function currentProfile(cli: CliConfig): string | undefined {
  if (cli.profiles.length === 0) return undefined;
  const name = cli.current ?? 'default';
  if (findCliProfile(cli, name)) return name;

  throw new CredentialsError(
    'PROFILE_NOT_FOUND',
    `${cli.shownPath} ` +
      (cli.current ? `has current profile "${name}", which does not exist`
        : 'names no current profile') +
      ` (profiles: ${cli.profiles.map((p) => p.name).join(', ')})`,
    { hint: 'pass --profile <name>, set ALIBABA_CLOUD_PROFILE, or fix "current" in that file' },
  );
}

/**
 * Resolves the credentials a command would use: `--profile`, then environment variables, OIDC,
 * the CLI's config.json (ALIBABA_CLOUD_PROFILE, else its current profile), the ini file, the ECS
 * instance role (bounded, and skipped with ALIBABA_CLOUD_ECS_METADATA_DISABLED=true), and
 * ALIBABA_CLOUD_CREDENTIALS_URI. No call is made except the metadata probe.
 */
export async function resolveCredentials(
  opts: { profile?: string },
  env: NodeJS.ProcessEnv,
  home: string,
  hooks: ResolveHooks = {},
): Promise<ResolvedCredentials> {
  const lib = await loadLibrary();
  const cliDisabled = isTrue(env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED);
  const files = async (): Promise<Files> => ({
    cli: cliDisabled && opts.profile === undefined ? undefined : await readCliConfig(home),
    ini: await readIniCredentials(env, home),
  });

  if (opts.profile !== undefined) {
    if (opts.profile.trim() === '') {
      throw new CredentialsError('PROFILE_NOT_FOUND', '--profile was given an empty name', {
        hint: 'name a profile of ~/.aliyun/config.json, e.g. --profile default',
      });
    }
    return fromNamedProfile(lib, opts.profile, await files(), env, 'from --profile');
  }

  const fromEnv = fromEnvironment(lib, env);
  if (fromEnv) {
    const region = cliDisabled ? undefined : await defaultProfileRegion(home, env);
    return finish(lib, fromEnv, {
      source: fromEnv.mode === 'StsToken'
        ? 'environment variables (with ALIBABA_CLOUD_SECURITY_TOKEN)'
        : 'environment variables',
      ...(region ? { profileRegion: region } : {}),
    });
  }

  const oidc = await fromOidc(lib, env);
  if (oidc) {
    return finish(lib, oidc, { source: `OIDC role ${oidc.roleArn} (environment variables)` });
  }

  const found = await files();
  const named = set(env, 'ALIBABA_CLOUD_PROFILE');
  if (named) return fromNamedProfile(lib, named, found, env, 'from ALIBABA_CLOUD_PROFILE');

  const current = found.cli && currentProfile(found.cli);
  if (found.cli && current) return fromCli(lib, found.cli, current, env);
  if (found.ini?.sections.default) return fromIni(lib, found.ini, 'default', env);

  const ecs = await fromMetadata(lib, env, hooks);
  if (ecs) return ecs;

  const uri = set(env, 'ALIBABA_CLOUD_CREDENTIALS_URI');
  if (uri) {
    const provider = uriProvider(lib, checkedUri(uri, 'ALIBABA_CLOUD_CREDENTIALS_URI'));
    return finish(lib, { provider, mode: 'CredentialsURI', secrets: [] },
      { source: `credentials URI ${shownUri(uri)} (ALIBABA_CLOUD_CREDENTIALS_URI)` });
  }

  const tried = triedSources(found, env);
  throw new CredentialsError('NO_CREDENTIALS',
    `no credentials found; looked at: ${tried.join('; ')}`, { hint: WAYS, details: { tried } });
}

/** What the chain looked at, for the no-credentials report. */
function triedSources(found: Files, env: NodeJS.ProcessEnv): string[] {
  return [
    'environment variables: not set',
    found.cli ? `${found.cli.shownPath}: no profiles` : '~/.aliyun/config.json: not found',
    found.ini ? `${found.ini.shownPath}: no [default] section`
      : '~/.alibabacloud/credentials: not found',
    isTrue(env.ALIBABA_CLOUD_ECS_METADATA_DISABLED)
      ? 'ECS instance role: disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED'
      : 'ECS instance role: the metadata service did not answer',
    'ALIBABA_CLOUD_CREDENTIALS_URI: not set',
  ];
}

/**
 * The ECS instance role. With a role name in ALIBABA_CLOUD_ECS_METADATA the intent is plain and
 * nothing is asked now; without one, the metadata service is asked once, with both timeouts
 * bounded, so that a command off ECS moves on within a couple of seconds.
 */
async function fromMetadata(lib: Library, env: NodeJS.ProcessEnv, hooks: ResolveHooks):
Promise<ResolvedCredentials | undefined> {
  if (isTrue(env.ALIBABA_CLOUD_ECS_METADATA_DISABLED)) return undefined;

  const role = set(env, 'ALIBABA_CLOUD_ECS_METADATA');
  const provider = ecsProvider(lib, env, role, hooks.metadataRequest);
  const source = role ? `ECS instance role "${role}"` : 'ECS instance role';
  if (role) return finish(lib, { provider, mode: 'EcsRamRole', secrets: [] }, { source });

  let answer: { accessKeyId: string; accessKeySecret: string; securityToken: string };
  try {
    // The session is kept by the provider, so the first API call does not ask again.
    answer = await provider.getCredentials();
  } catch {
    return undefined;
  }
  const secrets = [answer.accessKeySecret, answer.securityToken].filter(Boolean);
  return finish(lib, { provider, mode: 'EcsRamRole', accessKeyId: answer.accessKeyId, secrets },
    { source: `${source} (found through the metadata service)` });
}

/**
 * The region of the profile the CLI would use (ALIBABA_CLOUD_PROFILE, else `current`), for
 * keys that come from the environment: the contract's default region is "the profile's". A file
 * that cannot be read gives no region rather than an error, since the keys did not come from it.
 */
async function defaultProfileRegion(home: string, env: NodeJS.ProcessEnv):
Promise<string | undefined> {
  const cli = await readCliConfig(home).catch(() => undefined);
  if (!cli) return undefined;
  let name: string | undefined;
  try {
    name = set(env, 'ALIBABA_CLOUD_PROFILE') ?? currentProfile(cli);
  } catch {
    return undefined;
  }
  const region = name ? findCliProfile(cli, name)?.region_id : undefined;
  return typeof region === 'string' && region !== '' ? region : undefined;
}
