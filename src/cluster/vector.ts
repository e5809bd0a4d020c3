import { type ArticleFeatures, KEY } from "./features.js";

/** How much one occurrence of each kind of key weighs against a content word of the same rarity. */
export interface KeyBoosts {
  /** People (actor ids from the recogniser's PERSON mentions). */
  person: number;
  actor: number;
  place: number;
  region: number;
  day: number;
}

/** A weighted, unit-length vector of an article's keys. */
export type Vector = Map<string, number>;

/** Inverse document frequency of a key within the run. */
export type Idf = (key: string) => number;

/** Log-scaled count times rarity times the kind's boost, scaled to unit length. */
export function articleVector(f: ArticleFeatures, idf: Idf, boosts: KeyBoosts): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [key, count] of f.terms) {
    const w = (1 + Math.log(count)) * idf(key) * boostOf(key, boosts);
    vector.set(key, w);
    norm += w * w;
  }
  const length = Math.sqrt(norm);
  if (length > 0) for (const [key, w] of vector) vector.set(key, w / length);
  return vector;
}

function boostOf(key: string, boosts: KeyBoosts): number {
  if (key.startsWith(KEY.person)) return boosts.person;
  if (key.startsWith(KEY.actor)) return boosts.actor;
  if (key.startsWith(KEY.place)) return boosts.place;
  if (key.startsWith(KEY.region)) return boosts.region;
  if (key.startsWith(KEY.day)) return boosts.day;
  return 1;
}

/** Cosine of two unit vectors, iterating the smaller. */
export function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [key, w] of small) sum += w * (large.get(key) ?? 0);
  return sum;
}

/**
 * The keys one run has seen, numbered in first-seen order, with how many articles hold each, and
 * every article's bag (key ids in the order of its terms, with counts) end to end in shared
 * buffers: two typed arrays per run rather than two per article, which at 100k articles would be
 * hundreds of MB of separate buffers, each pushing the collector to walk the whole heap. Articles
 * are added one by one and only their bags kept, so the features' maps die young.
 */
export interface Vocabulary {
  add(f: ArticleFeatures): void;
  /** Key strings by id. */
  readonly keys: readonly string[];
  /** How many articles hold each key, by id (computed when called: call it after the last add). */
  documentFrequency(): Int32Array;
  /** Key ids of the i-th article added, in the order of its terms (a view: valid until the next add). */
  bagIds(i: number): Int32Array;
  /**
   * Every article's unit vector, weighted by `factors` (see keyFactors). It takes over the bags'
   * buffer of key ids, sorting each article's in place: call it once, after every add and bagIds.
   */
  vectors(factors: Float64Array): VectorStore;
}

/**
 * Bag entries (distinct keys) to make room for per article expected: news articles of a few KB
 * hold ~200. Sizing the buffers for the run up front spares copying them as they double (each
 * copy is fresh memory that brings on a collection of the whole heap).
 */
const ENTRIES_PER_ARTICLE = 256;

/** `articles`: how many articles will be added (a hint: the buffers grow if it was too few). */
export function createVocabulary(articles = 0): Vocabulary {
  const idOf = createKeyTable();
  const keys: string[] = [];
  const expected = Math.max(1, articles) * ENTRIES_PER_ARTICLE;
  let ids: Int32Array = new Int32Array(expected);
  let counts: Int32Array = new Int32Array(expected);
  const starts: number[] = [0];
  const reserve = (size: number) => {
    if (size <= ids.length) return;
    const capacity = Math.max(size, ids.length * 2);
    ids = grown(ids, capacity);
    counts = grown(counts, capacity);
  };
  return {
    keys,
    documentFrequency: () => idOf.frequencies(keys.length),
    add(f) {
      let k = starts[starts.length - 1] as number;
      reserve(k + f.terms.size);
      f.terms.forEach((count, key) => {
        const id = idOf.count(key, keys.length);
        if (id === keys.length) keys.push(key);
        ids[k] = id;
        counts[k++] = count;
      });
      starts.push(k);
    },
    bagIds(i) {
      return ids.subarray(starts[i], starts[i + 1]);
    },
    vectors(factors) {
      return weighVectors(ids, counts, Int32Array.from(starts), factors);
    },
  };
}

/** Slots per key in the table: two hashes of the key, its id plus one (0: empty), its count. */
const SLOT = 4;
/** The table doubles when more than this share of its slots is taken, so probes stay short. */
const MAX_LOAD = 0.5;
const INITIAL_SLOTS = 1 << 16;

/**
 * Key string -> id and how many articles hold it, by open addressing over two independent 32-bit
 * hashes of the key. A run at 100k articles looks up ~20M terms in a vocabulary of ~1M keys; a
 * Map of strings (and an array of counts) costs four far-apart reads per lookup there (bucket,
 * entry, the stored string to compare, the count), this table one. Keys are told apart by their
 * 64 bits of hash: two of a million keys share them with a chance of about 1 in 30 million.
 */
function createKeyTable(): {
  /** Counts one more article holding the key; returns its id, `newId` if it is new. */
  count(key: string, newId: number): number;
  frequencies(size: number): Int32Array;
} {
  let slots = new Int32Array(INITIAL_SLOTS * SLOT);
  let size = 0;
  const find = (table: Int32Array, h1: number, h2: number) => {
    const mask = table.length / SLOT - 1;
    for (let at = h1 & mask; ; at = (at + 1) & mask) {
      const base = at * SLOT;
      if (table[base + 2] === 0 || (table[base] === h1 && table[base + 1] === h2)) return base;
    }
  };
  const grow = () => {
    const old = slots;
    slots = new Int32Array(old.length * 2);
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + 2] === 0) continue;
      const to = find(slots, old[from] as number, old[from + 1] as number);
      for (let k = 0; k < SLOT; k++) slots[to + k] = old[from + k] as number;
    }
  };
  return {
    count(key, newId) {
      const h1 = hash(key, FNV_OFFSET, FNV_PRIME);
      const h2 = hash(key, SECOND_SEED, SECOND_PRIME);
      let base = find(slots, h1, h2);
      if (slots[base + 2] === 0) {
        if (++size > (slots.length / SLOT) * MAX_LOAD) {
          grow();
          base = find(slots, h1, h2);
        }
        slots[base] = h1;
        slots[base + 1] = h2;
        slots[base + 2] = newId + 1;
      }
      slots[base + 3] = (slots[base + 3] as number) + 1;
      return (slots[base + 2] as number) - 1;
    },
    frequencies(keyCount) {
      const frequency = new Int32Array(keyCount);
      for (let base = 0; base < slots.length; base += SLOT)
        if (slots[base + 2] !== 0) frequency[(slots[base + 2] as number) - 1] = slots[base + 3] as number;
      return frequency;
    },
  };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Another start and odd multiplier (MurmurHash2's) give a second hash independent of the first. */
const SECOND_SEED = 0x9747b28c;
const SECOND_PRIME = 0x5bd1e995;

/** FNV-1a (with the given start and multiplier) over the key's UTF-16 units, then a final avalanche so low bits index well. */
function hash(key: string, seed: number, prime: number): number {
  let h = seed;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), prime);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

function grown(values: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(values);
  return bigger;
}

/**
 * Every article's unit vector, end to end: article i holds entries offsets[i] to offsets[i + 1],
 * key ids ascending with their weights alongside, weighted as articleVector does.
 */
export interface VectorStore {
  offsets: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
}

/** The factor articleVector gives each key of the vocabulary: idf times its kind's boost. */
export function keyFactors(vocabulary: Vocabulary, articles: number, boosts: KeyBoosts): Float64Array {
  const { keys } = vocabulary;
  const documentFrequency = vocabulary.documentFrequency();
  return Float64Array.from(
    keys,
    (key, id) =>
      (Math.log((1 + articles) / (1 + (documentFrequency[id] as number))) + 1) * boostOf(key, boosts),
  );
}

/** Weighs the bags in place: each article's ids sorted, weights alongside. */
function weighVectors(
  bagIds: Int32Array,
  counts: Int32Array,
  offsets: Int32Array,
  factors: Float64Array,
): VectorStore {
  const articles = offsets.length - 1;
  const total = offsets[articles] as number;
  const ids = bagIds.subarray(0, total);
  const weights = new Float64Array(total);
  // Weight by key id, so that sorting an article's ids needs no index array of its own.
  const byId = new Float64Array(factors.length);
  for (let i = 0; i < articles; i++) {
    const from = offsets[i] as number;
    const to = offsets[i + 1] as number;
    for (let k = from; k < to; k++) {
      const id = ids[k] as number;
      byId[id] = (1 + Math.log(counts[k] as number)) * (factors[id] as number);
    }
    ids.subarray(from, to).sort();
    let norm = 0;
    for (let k = from; k < to; k++) {
      const w = byId[ids[k] as number] as number;
      weights[k] = w;
      norm += w * w;
    }
    const length = Math.sqrt(norm) || 1;
    for (let k = from; k < to; k++) {
      weights[k] = (weights[k] as number) / length;
      byId[ids[k] as number] = 0;
    }
  }
  return { offsets, ids, weights };
}

/**
 * Cosine of many vectors with one: the one is spread over a dense array indexed by key id once,
 * so each other costs one read per key it holds. The owner (one clustering run) calls load, then
 * dot as often as it likes, then unload before loading the next.
 */
export function createDenseDot(
  { offsets, ids, weights }: VectorStore,
  vocabularySize: number,
): {
  load(i: number): void;
  dot(j: number): number;
  unload(i: number): void;
} {
  const dense = new Float64Array(vocabularySize);
  return {
    load(i) {
      const to = offsets[i + 1] as number;
      for (let k = offsets[i] as number; k < to; k++) dense[ids[k] as number] = weights[k] as number;
    },
    dot(j) {
      let sum = 0;
      const to = offsets[j + 1] as number;
      for (let k = offsets[j] as number; k < to; k++)
        sum += (weights[k] as number) * (dense[ids[k] as number] as number);
      return sum;
    },
    unload(i) {
      const to = offsets[i + 1] as number;
      for (let k = offsets[i] as number; k < to; k++) dense[ids[k] as number] = 0;
    },
  };
}
