import type { ValidatorCache, Validators } from "./types.js";

/** ETag / Last-Modified per URL, for one process (the store keeps them across runs). */
export function createMemoryValidatorCache(): ValidatorCache {
  const byUrl = new Map<string, Validators>();
  return {
    get: (url) => byUrl.get(url),
    set: (url, validators) => {
      byUrl.set(url, { ...validators });
    },
  };
}
