export type {
  FetchCode,
  FetchedPage,
  Fetcher,
  FetchOutcome,
  FetchSettings,
  ValidatorCache,
  Validators,
} from "./types.js";
export { FetchFailure } from "./types.js";
export {
  ACCEPT,
  ACCEPT_ENCODING,
  createFetcher,
  DEFAULT_FETCH_SETTINGS,
  defaultUserAgent,
} from "./fetcher.js";
export { createMemoryValidatorCache } from "./validators.js";
export { addressKind, isPublicAddress, METADATA_ADDRESSES, type AddressRule } from "./address.js";
export { MAX_CRAWL_DELAY_MS, ROBOTS_MAX_BYTES, ROBOTS_TOKEN } from "./robots.js";
export {
  createHostLimiter,
  type HostLimiter,
  type HostLimiterOptions,
  type Release,
} from "./host-limiter.js";
