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
