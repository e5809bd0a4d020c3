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

/** An article's keys as the run numbers them (in the order of its terms), with their counts. */
export interface Bag {
  ids: Int32Array;
  counts: Int32Array;
}

/**
 * The keys one run has seen, numbered in first-seen order, with how many articles hold each.
 * Articles are added one by one and only their bags kept, so the features' maps die young.
 */
export interface Vocabulary {
  add(f: ArticleFeatures): Bag;
  /** Key strings by id. */
  readonly keys: readonly string[];
  readonly documentFrequency: readonly number[];
}

export function createVocabulary(): Vocabulary {
  const idOf = new Map<string, number>();
  const keys: string[] = [];
  const documentFrequency: number[] = [];
  return {
    keys,
    documentFrequency,
    add(f) {
      const ids = new Int32Array(f.terms.size);
      const counts = new Int32Array(f.terms.size);
      let k = 0;
      for (const [key, count] of f.terms) {
        let id = idOf.get(key);
        if (id === undefined) {
          id = keys.length;
          idOf.set(key, id);
          keys.push(key);
          documentFrequency.push(0);
        }
        documentFrequency[id] = (documentFrequency[id] as number) + 1;
        ids[k] = id;
        counts[k++] = count;
      }
      return { ids, counts };
    },
  };
}

/**
 * An article's unit vector as typed arrays (key ids ascending, weights alongside), weighted as
 * articleVector does. A run holds one per article: far smaller than a Map, and scanned in order.
 */
export interface CompactVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** The factor articleVector gives each key of the vocabulary: idf times its kind's boost. */
export function keyFactors(vocabulary: Vocabulary, articles: number, boosts: KeyBoosts): Float64Array {
  const { keys, documentFrequency } = vocabulary;
  return Float64Array.from(
    keys,
    (key, id) =>
      (Math.log((1 + articles) / (1 + (documentFrequency[id] as number))) + 1) * boostOf(key, boosts),
  );
}

export function compactVector(bag: Bag, factors: Float64Array): CompactVector {
  const order = Array.from(bag.ids.keys()).sort((x, y) => (bag.ids[x] as number) - (bag.ids[y] as number));
  const ids = new Int32Array(order.length);
  const weights = new Float64Array(order.length);
  let norm = 0;
  order.forEach((k, at) => {
    const id = bag.ids[k] as number;
    const w = (1 + Math.log(bag.counts[k] as number)) * (factors[id] as number);
    ids[at] = id;
    weights[at] = w;
    norm += w * w;
  });
  const length = Math.sqrt(norm) || 1;
  for (let at = 0; at < weights.length; at++) weights[at] = (weights[at] as number) / length;
  return { ids, weights };
}

/**
 * Cosine of many vectors with one: the one is spread over a dense array indexed by key id once,
 * so each other costs one read per key it holds. The owner (one clustering run) calls load, then
 * dot as often as it likes, then unload before loading the next.
 */
export function createDenseDot(vocabularySize: number): {
  load(v: CompactVector): void;
  dot(v: CompactVector): number;
  unload(v: CompactVector): void;
} {
  const dense = new Float64Array(vocabularySize);
  return {
    load(v) {
      for (let k = 0; k < v.ids.length; k++) dense[v.ids[k] as number] = v.weights[k] as number;
    },
    dot(v) {
      let sum = 0;
      for (let k = 0; k < v.ids.length; k++)
        sum += (v.weights[k] as number) * (dense[v.ids[k] as number] as number);
      return sum;
    },
    unload(v) {
      for (let k = 0; k < v.ids.length; k++) dense[v.ids[k] as number] = 0;
    },
  };
}
