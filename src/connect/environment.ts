/**
 * The sources read from environment variables alone: a static key (with an optional STS token)
 * and an OIDC role. An empty variable counts as unset.
 */
import { access } from 'node:fs/promises';
import { CredentialsError } from '../errors.js';
import type { Built } from './profiles.js';
import { oidcProvider, staticProvider, stsEndpointFor, type Library } from './providers.js';

export function set(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value !== undefined && value !== '' ? value : undefined;
}

export function fromEnvironment(lib: Library, env: NodeJS.ProcessEnv): Built | undefined {
  const id = set(env, 'ALIBABA_CLOUD_ACCESS_KEY_ID');
  const secret = set(env, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET');
  if (id === undefined && secret === undefined) return undefined;

  if (id === undefined || secret === undefined) {
    const [present, missing] = id === undefined
      ? ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_ACCESS_KEY_ID']
      : ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'];
    throw new CredentialsError(
      'ENV_CREDENTIALS_INCOMPLETE',
      `${present} is set but ${missing} is not (or is empty); both are needed`,
      { hint: `set ${missing} too, or unset ${present} to use another source` },
    );
  }

  const token = set(env, 'ALIBABA_CLOUD_SECURITY_TOKEN');
  const provider = staticProvider(lib, id, secret, token);
  return { provider, mode: token ? 'StsToken' : 'AK', accessKeyId: id,
    secrets: token ? [secret, token] : [secret] };
}

const OIDC_VARIABLES = [
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
] as const;

export async function fromOidc(lib: Library, env: NodeJS.ProcessEnv): Promise<Built | undefined> {
  // ALIBABA_CLOUD_ROLE_ARN alone also serves other tools, so it does not select OIDC.
  if (!set(env, 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN') && !set(env, 'ALIBABA_CLOUD_OIDC_TOKEN_FILE')) {
    return undefined;
  }

  const missing = OIDC_VARIABLES.filter((name) => !set(env, name));
  if (missing.length > 0) {
    throw new CredentialsError(
      'OIDC_INCOMPLETE',
      `OIDC credentials need ${OIDC_VARIABLES.join(', ')}; missing: ${missing.join(', ')}`,
    );
  }

  const tokenFile = env.ALIBABA_CLOUD_OIDC_TOKEN_FILE ?? '';
  try {
    await access(tokenFile);
  } catch {
    throw new CredentialsError(
      'OIDC_TOKEN_FILE_MISSING',
      `ALIBABA_CLOUD_OIDC_TOKEN_FILE names ${tokenFile}, which cannot be read`,
      { hint: 'point it at the token file mounted for this workload' },
    );
  }

  const roleArn = env.ALIBABA_CLOUD_ROLE_ARN ?? '';
  const stsEndpoint = stsEndpointFor(env);
  const provider = oidcProvider(lib, {
    roleArn,
    oidcProviderArn: env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN ?? '',
    tokenFile,
    stsEndpoint,
  }, env);
  return { provider, mode: 'OIDC', secrets: [], roleArn, stsEndpoint };
}
