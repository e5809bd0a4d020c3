import type { SignatureOptions } from "./signature.js";

export interface CopyDetectorOptions extends SignatureOptions {
  /** LSH bands: a pair becomes a candidate when all `rows` values of one band agree. */
  bands: number;
  /** Signature values per band; `bands * rows` must not exceed `numHashes`. */
  rows: number;
  /** Estimated Jaccard similarity of shingles at which two texts are taken for one text. */
  threshold: number;
  /** Texts with fewer words are never grouped, not even with an identical text. */
  minWords: number;
}

/**
 * Defaults. Shingles of 5 words: independent writers rarely share one outside quotes and names,
 * yet one edited word spoils only five. 128 hashes: the estimate's standard error at 0.5 is 0.044.
 * Threshold 0.5: a reprint with a new intro, a byline, a footer and tracking junk keeps about 0.8
 * of its shingles, one trimmed to half its length 0.5, while independent reports of the same
 * happening share under 0.1 (a quote, a few names). 42 bands of 3 rows: a pair at 0.5 becomes a
 * candidate with probability 0.996, one at 0.1 with 0.04. 25 words: below two sentences a text
 * is a caption, a teaser or a failed extraction ("Photo: AP"), and equal short strings do not
 * show a shared source.
 */
export const DEFAULT_COPY_DETECTOR_OPTIONS: Readonly<CopyDetectorOptions> = {
  shingleSize: 5,
  numHashes: 128,
  bands: 42,
  rows: 3,
  threshold: 0.5,
  minWords: 25,
  seed: 0x5eed,
};

/** Most hash functions a signature may have: more only costs time for little precision. */
const MAX_HASHES = 1024;

/** Defaults filled in and every option checked; throws naming the option and its valid range. */
export function resolveCopyDetectorOptions(options: Partial<CopyDetectorOptions> = {}): CopyDetectorOptions {
  const o = { ...DEFAULT_COPY_DETECTOR_OPTIONS, ...options };
  requireInteger("shingleSize", o.shingleSize, 1, 64);
  requireInteger("numHashes", o.numHashes, 1, MAX_HASHES);
  requireInteger("bands", o.bands, 1, o.numHashes);
  requireInteger("rows", o.rows, 1, Math.floor(o.numHashes / o.bands));
  requireInteger("minWords", o.minWords, o.shingleSize, Number.MAX_SAFE_INTEGER);
  requireInteger("seed", o.seed, 0, 0xffffffff);
  if (!(o.threshold > 0 && o.threshold <= 1)) {
    throw new RangeError(`dedupe: threshold must be in (0, 1], got ${o.threshold}`);
  }
  return o;
}

/** Probability that LSH makes a candidate of a pair with Jaccard similarity `similarity`. */
export function candidateProbability(similarity: number, bands: number, rows: number): number {
  return 1 - (1 - similarity ** rows) ** bands;
}

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`dedupe: ${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}
