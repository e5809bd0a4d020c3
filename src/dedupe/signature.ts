/**
 * MinHash signatures of a text's word shingles. A text becomes 32-bit word hashes (case, accents
 * and punctuation ignored, so a reprint with other quote marks or a lower-cased headline style is
 * the same text), then hashes of every run of `shingleSize` words, then for each of `numHashes`
 * universal hash functions the smallest hashed shingle. Two signatures agree at one position with
 * probability equal to the Jaccard similarity of the two shingle sets.
 */
import { mulberry32 } from "../common/random.js";

export interface SignatureOptions {
  /** Words per shingle. */
  shingleSize: number;
  /** Hash functions, hence values per signature. */
  numHashes: number;
  /** Seed of the hash functions: signatures made with different seeds cannot be compared. */
  seed: number;
}

/** A text's MinHash signature and how many words it had. */
export interface TextSignature {
  words: number;
  values: Uint32Array;
}

/** The hash functions h(x) = a·x + b mod 2^32 (a odd, so each is a permutation of 32-bit values). */
export interface HashFamily {
  readonly a: Uint32Array;
  readonly b: Uint32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Any text with a character outside ASCII is decomposed first, so "Peña" and "Pena" hash alike. */
const NON_ASCII = /[^\t-~]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING_MARK = /\p{M}/u;

export function createHashFamily(numHashes: number, seed: number): HashFamily {
  const next = mulberry32(seed);
  const a = new Uint32Array(numHashes);
  const b = new Uint32Array(numHashes);
  for (let i = 0; i < numHashes; i++) {
    a[i] = (next() | 1) >>> 0;
    b[i] = next();
  }
  return { a, b };
}

/** Hashes of the words of `text`, lower-cased, accents dropped, split at anything not a letter or digit. */
export function wordHashes(text: string): Uint32Array {
  const source = decomposed(text);
  const out = new Uint32Array(wordCapacity(source));
  return out.subarray(0, hashWordsInto(source, out));
}

/** One well-mixed 32-bit hash per run of `size` consecutive words (order matters). */
export function shingleHashes(words: Uint32Array, size: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, words.length - size + 1));
  return out.subarray(0, shingleHashesInto(words, size, out));
}

/** The text with accents split from their letters when it has any character outside ASCII. */
function decomposed(text: string): string {
  return NON_ASCII.test(text) ? text.normalize("NFKD") : text;
}

/** Most words a text can hold: one letter and one separator each. */
function wordCapacity(source: string): number {
  return (source.length >> 1) + 1;
}

/** Writes the word hashes of a decomposed text into `out` (of `wordCapacity`) and returns their count. */
function hashWordsInto(source: string, out: Uint32Array): number {
  let count = 0;
  let hash = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < source.length; i++) {
    let code = source.charCodeAt(i);
    let isWordChar: boolean;
    if (code < 0x80) {
      if (code >= 65 && code <= 90) code += 32; // ASCII upper to lower case
      isWordChar = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    } else {
      const cp = source.codePointAt(i) as number;
      const char = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      if (COMBINING_MARK.test(char)) continue; // an accent: part of the word, not hashed
      isWordChar = LETTER_OR_DIGIT.test(char);
      if (isWordChar) code = char.toLowerCase().codePointAt(0) as number;
    }
    if (isWordChar) {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      out[count++] = hash >>> 0;
      hash = FNV_OFFSET;
      inWord = false;
    }
  }
  if (inWord) out[count++] = hash >>> 0;
  return count;
}

/** Writes the shingle hashes of `words` into `out` and returns their count. */
function shingleHashesInto(words: Uint32Array, size: number, out: Uint32Array): number {
  const count = Math.max(0, words.length - size + 1);
  for (let i = 0; i < count; i++) {
    let h = size;
    for (let j = 0; j < size; j++) h = Math.imul(h ^ (words[i + j] as number), 0x5bd1e995) ^ (h >>> 13);
    out[i] = fmix32(h);
  }
  return count;
}

/**
 * The MinHash signature of a set of shingle hashes: for each hash function, the smallest value.
 * Four functions share each pass over the shingles (one load, four minima in registers), which
 * halves the time of this, the costliest loop of the stage.
 */
export function minHash(shingles: Uint32Array, family: HashFamily): Uint32Array {
  const { a, b } = family;
  const n = a.length;
  const values = new Uint32Array(n);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const [a0, a1, a2, a3] = [a[i] as number, a[i + 1] as number, a[i + 2] as number, a[i + 3] as number];
    const [b0, b1, b2, b3] = [b[i] as number, b[i + 1] as number, b[i + 2] as number, b[i + 3] as number];
    let [m0, m1, m2, m3] = [EMPTY, EMPTY, EMPTY, EMPTY];
    for (let s = 0; s < shingles.length; s++) {
      const x = shingles[s] as number;
      const v0 = (Math.imul(a0, x) + b0) >>> 0;
      const v1 = (Math.imul(a1, x) + b1) >>> 0;
      const v2 = (Math.imul(a2, x) + b2) >>> 0;
      const v3 = (Math.imul(a3, x) + b3) >>> 0;
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    values[i] = m0;
    values[i + 1] = m1;
    values[i + 2] = m2;
    values[i + 3] = m3;
  }
  for (; i < n; i++) values[i] = minOne(shingles, a[i] as number, b[i] as number);
  return values;
}

/** The value of an empty set: larger than every hashed shingle but the rarest tie. */
const EMPTY = 0xffffffff;

function minOne(shingles: Uint32Array, a: number, b: number): number {
  let min = EMPTY;
  for (let s = 0; s < shingles.length; s++) {
    const v = (Math.imul(a, shingles[s] as number) + b) >>> 0;
    if (v < min) min = v;
  }
  return min;
}

/**
 * Creates a function giving the signature of a text; the hash family is drawn once from the seed.
 * The word and shingle hashes go to two buffers the signer reuses (grown when a text needs more)
 * rather than two new arrays per text, which only fed the garbage collector; they never outlive a
 * call, so a signature does not depend on earlier calls.
 */
export function createSigner(options: SignatureOptions): (text: string) => TextSignature {
  const family = createHashFamily(options.numHashes, options.seed);
  let wordBuffer = new Uint32Array(0);
  let shingleBuffer = new Uint32Array(0);
  return (text) => {
    const source = decomposed(text);
    if (wordBuffer.length < wordCapacity(source)) {
      wordBuffer = new Uint32Array(2 * wordCapacity(source));
      shingleBuffer = new Uint32Array(wordBuffer.length);
    }
    const words = wordBuffer.subarray(0, hashWordsInto(source, wordBuffer));
    const shingles = shingleBuffer.subarray(0, shingleHashesInto(words, options.shingleSize, shingleBuffer));
    return { words: words.length, values: minHash(shingles, family) };
  };
}

/** Share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error("dedupe: signatures of different lengths cannot be compared");
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

/** Murmur3's finaliser: spreads every input bit over the whole word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
