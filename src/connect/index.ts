/**
 * Credentials, profiles, regions and endpoints. Nothing here loads the SDK or the credentials
 * library until a function that needs it is called.
 */
export {
  resolveCredentials,
  secretsOf,
  type ResolveHooks,
  type ResolvedCredentials,
} from './credentials.js';
export { defaultEndpoint, parseEndpoint, regionOfHost, type Endpoint } from './endpoint.js';
export { maskAccessKeyId } from './mask.js';
export { collectSecrets, redact, scrubSecretFields, scrubUrlQueries } from './redact.js';
export {
  chooseRegion,
  knownRegionEndpoints,
  knownRegions,
  resolveRegion,
  type RegionChoice,
  type RegionOptions,
  type RegionOrigin,
} from './region.js';
