/**
 * The credential providers of `@alicloud/credentials`, built from values this module was given
 * rather than from `process.env`: the library's builders fall back to the process environment,
 * which would let a variable the caller did not pass decide where a command's key comes from.
 */
import type { CredentialsProvider } from '@alicloud/credentials';
import { CredentialsError } from '../errors.js';
import { rememberSecrets } from '../secrets.js';
import { moduleExports } from './interop.js';
import { maskKeyIdFields, redact, scrubSecretFields, scrubUrlQueries } from './redact.js';

const importLibrary = () => import('@alicloud/credentials');

/** The package's `module.exports`: the providers, and `default`, the `Credential` class. */
export type Library = Awaited<ReturnType<typeof importLibrary>>['default'];
export type { CredentialsProvider };

/** The instance metadata service answers in microseconds on ECS; off ECS it never answers. */
export const METADATA_TIMEOUT_MS = 1000;

/** A session name for roles assumed without one, so the role's audit trail names the tool. */
const SESSION_NAME = 'alikafka-offsets';

let library: Promise<Library> | undefined;

export function loadLibrary(): Promise<Library> {
  library ??= importLibrary().then(moduleExports);
  return library;
}

export function isTrue(value: string | undefined): boolean {
  return value !== undefined && value.toLowerCase() === 'true';
}

export function staticProvider(
  lib: Library,
  accessKeyId: string,
  accessKeySecret: string,
  securityToken?: string,
): CredentialsProvider {
  if (securityToken) {
    return lib.StaticSTSCredentialsProvider.builder()
      .withAccessKeyId(accessKeyId)
      .withAccessKeySecret(accessKeySecret)
      .withSecurityToken(securityToken)
      .build();
  }
  return lib.StaticAKCredentialsProvider.builder()
    .withAccessKeyId(accessKeyId)
    .withAccessKeySecret(accessKeySecret)
    .build();
}

export interface StsPlace {
  endpoint?: string;
  region?: string;
  vpc?: boolean;
}

/**
 * The STS host for assuming a role: the given endpoint, else the regional (or VPC) host of the
 * given region or ALIBABA_CLOUD_STS_REGION, else the central one. The library honours the same
 * two variables, read here from `env` so that a caller's environment decides.
 */
export function stsEndpointFor(env: NodeJS.ProcessEnv, place: StsPlace = {}): string {
  if (place.endpoint) return place.endpoint;

  const region = place.region || env.ALIBABA_CLOUD_STS_REGION;
  const vpc = place.vpc === true || isTrue(env.ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED);
  if (!region) return 'sts.aliyuncs.com';
  return vpc ? `sts-vpc.${region}.aliyuncs.com` : `sts.${region}.aliyuncs.com`;
}

export interface RoleOptions {
  roleArn: string;
  sessionName?: string;
  durationSeconds?: number;
  stsEndpoint: string;
}

export function roleProvider(
  lib: Library,
  previous: CredentialsProvider,
  role: RoleOptions,
  env: NodeJS.ProcessEnv,
): CredentialsProvider {
  return lib.RAMRoleARNCredentialsProvider.builder()
    .withCredentialsProvider(previous)
    .withRoleArn(role.roleArn)
    .withRoleSessionName(role.sessionName || env.ALIBABA_CLOUD_ROLE_SESSION_NAME || SESSION_NAME)
    .withDurationSeconds(role.durationSeconds ?? 3600)
    .withStsEndpoint(role.stsEndpoint)
    .build();
}

export interface OidcOptions {
  roleArn: string;
  oidcProviderArn: string;
  tokenFile: string;
  stsEndpoint: string;
}

export function oidcProvider(
  lib: Library,
  oidc: OidcOptions,
  env: NodeJS.ProcessEnv,
): CredentialsProvider {
  return lib.OIDCRoleArnCredentialsProvider.builder()
    .withRoleArn(oidc.roleArn)
    .withOIDCProviderArn(oidc.oidcProviderArn)
    .withOIDCTokenFilePath(oidc.tokenFile)
    .withRoleSessionName(env.ALIBABA_CLOUD_ROLE_SESSION_NAME || SESSION_NAME)
    .withStsEndpoint(oidc.stsEndpoint)
    .build();
}

/** A request as the library's HTTP helper sends it; replaced only by tests. */
export type MetadataRequest = (req: {
  method: string;
  toRequestURL(): string;
  readTimeout?: number;
  connectTimeout?: number;
}) => Promise<{ statusCode: number; body: Buffer; headers?: Record<string, unknown> }>;

/**
 * The ECS instance role, with both timeouts bounded. The library's builder is bypassed because
 * it reads ALIBABA_CLOUD_ECS_METADATA_DISABLED from the process; the caller checked `env`.
 */
export function ecsProvider(
  lib: Library,
  env: NodeJS.ProcessEnv,
  roleName: string | undefined,
  metadataRequest?: MetadataRequest,
): CredentialsProvider {
  const builder = lib.ECSRAMRoleCredentialsProvider.builder()
    .withRoleName(roleName ?? '')
    .withDisableIMDSv1(isTrue(env.ALIBABA_CLOUD_IMDSV1_DISABLED))
    .withReadTimeout(METADATA_TIMEOUT_MS)
    .withConnectTimeout(METADATA_TIMEOUT_MS)
    .withAsyncCredentialUpdateEnabled(false);
  const provider = new lib.ECSRAMRoleCredentialsProvider(builder);

  if (metadataRequest) {
    (provider as unknown as { doRequest: MetadataRequest }).doRequest = metadataRequest;
  }
  return provider;
}

export function uriProvider(lib: Library, uri: string): CredentialsProvider {
  return lib.URICredentialsProvider.builder().withCredentialsURI(uri).build();
}

/**
 * Wraps a provider so that its failures, which the SDK raises from inside a request, become a
 * `CredentialsError` naming the source, with every known secret and any secret-named JSON field
 * of a quoted response removed, and key ids in it masked.
 */
export function guardedProvider(
  inner: CredentialsProvider,
  source: string,
  secrets: readonly string[],
): CredentialsProvider {
  return {
    getProviderName: () => inner.getProviderName(),
    getCredentials: async () => {
      try {
        // A fetched key (URI, role, instance) is known only now; the failure report needs it.
        const fetched = await inner.getCredentials();
        rememberSecrets([fetched.accessKeySecret, fetched.securityToken]);
        return fetched;
      } catch (err) {
        // The HTTP client joins its cause and the request line without a space.
        const raw = (err instanceof Error ? err.message : String(err))
          .replace(/(\S)(GET|POST|PUT) (https?:\/\/)/, '$1; $2 $3');
        const reason = redact(scrubUrlQueries(maskKeyIdFields(scrubSecretFields(raw))), secrets);
        throw new CredentialsError(
          'CREDENTIALS_UNAVAILABLE',
          `could not obtain credentials from ${source}: ${reason}`,
          { hint: 'check that source, or give credentials another way (see `config show`)' },
        );
      }
    },
  };
}

/** The library's `Credential`, which is what the SDK Config takes as `credential`. */
export function credentialOf(lib: Library, provider: CredentialsProvider): unknown {
  return new lib.default(null, provider);
}
