import type { Article } from "../model/index.js";

/** What clustering looks at in an article; computed once per article. */
export interface ArticleFeatures {
  id: string;
  /**
   * Key -> count, over content words ("w:captured" stemmed), actors ("a:person:tara-reid"), places
   * ("p:g123"), the places' regions ("r:US/California") and days named in the text ("d:17843"):
   * one bag, so that a single weighted cosine compares all of them.
   */
  terms: Map<string, number>;
  /** Canonical actor ids named in the article (people, organisations, states). */
  actors: Set<string>;
  /** People named, most-mentioned first: the specific "who" that tells two like events apart. */
  persons: string[];
  /** Place keys (GeoNames id, else the name). */
  places: Set<string>;
  /** Published day as a day number since the epoch, when known to the day or better. */
  day?: number;
  /** The day the text itself dates most often (full dates only), for articles without a published day. */
  textDay?: number;
  /** Years the text dates events in (any precision from year to minute), most-named first. */
  years: string[];
}

/** Shorter words are mostly abbreviations and fragments, too ambiguous to match on. */
const MIN_TERM_LENGTH = 3;
/** Word prefix kept as the term: a crude stem, so "capture", "captured" and "captures" meet. */
const STEM_LENGTH = 7;
const MS_PER_DAY = 86_400_000;
/** A word starts with a letter and runs on over letters, marks, apostrophes and hyphens. */
const WORD_START = /\p{L}/uy;
const WORD_PART = /[\p{L}\p{M}'’-]/uy;
const FULL_DATE = /^(\d{4}-\d\d-\d\d)/;
/** A date value that names its year: "2013", "2013-09", "2013-09-09T10:00". */
const YEAR = /^(\d{4})(?:$|-)/;

export const KEY = {
  word: "w:",
  person: "a:person:",
  actor: "a:",
  place: "p:",
  region: "r:",
  day: "d:",
} as const;

/**
 * Features come from the text and the mentions, not from tokens, so that articles read back from
 * the store (which does not keep tokens) cluster exactly as freshly analysed ones.
 */
export function articleFeatures(article: Article, stopwords: ReadonlySet<string>): ArticleFeatures {
  const { entities, places, times } = article.annotations;
  const terms = new Map<string, number>();
  const add = (key: string) => terms.set(key, (terms.get(key) ?? 0) + 1);
  forEachWord(article.text.toLowerCase(), (lower) => {
    if (lower.length < MIN_TERM_LENGTH || stopwords.has(lower)) return;
    add(KEY.word + lower.slice(0, STEM_LENGTH));
  });
  const named = entities.filter((e) => e.type !== "GPE" && e.type !== "LOC");
  for (const e of named) add(KEY.actor + e.actorId);
  const placeKeys = places.map((p) => (p.geonameId ? `g${p.geonameId}` : p.name.toLowerCase()));
  for (const key of placeKeys) add(KEY.place + key);
  for (const p of places) if (p.countryCode && p.admin1) add(`${KEY.region}${p.countryCode}/${p.admin1}`);
  const days = textDays(times.map((t) => t.value));
  for (const d of days) add(KEY.day + d);
  return {
    id: article.id,
    terms,
    actors: new Set(named.map((e) => e.actorId)),
    persons: byFrequency(entities.filter((e) => e.type === "PERSON").map((e) => e.actorId)),
    places: new Set(placeKeys),
    day: publishedDay(article),
    textDay: byFrequency(days.map(String)).map(Number)[0],
    years: byFrequency(textYears(times.map((t) => t.value))),
  };
}

/**
 * Calls `visit` with each word of the (lower-cased) text, less a final "'s". A scan over the
 * characters rather than a global regex: that builds a match array per word, millions in a large
 * run. ASCII is classed by code; other characters by the sticky regexes (no match array either).
 */
function forEachWord(text: string, visit: (word: string) => void): void {
  const n = text.length;
  let k = 0;
  while (k < n) {
    if (!isAt(WORD_START, text, k)) {
      k += unitsAt(text, k);
      continue;
    }
    const start = k;
    k += unitsAt(text, k);
    while (k < n && isAt(WORD_PART, text, k)) k += unitsAt(text, k);
    let end = k;
    if (end - start >= 2 && text.charCodeAt(end - 1) === S && isApostrophe(text.charCodeAt(end - 2)))
      end -= 2;
    visit(text.slice(start, end));
  }
}

const S = 0x73;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 0x2d;

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_QUOTE;
}

/** Whether the class `pattern` (WORD_START or WORD_PART) matches the character at k. */
function isAt(pattern: RegExp, text: string, k: number): boolean {
  const code = text.charCodeAt(k);
  if (code < 0x80) {
    const letter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
    return letter || (pattern === WORD_PART && (code === APOSTROPHE || code === HYPHEN));
  }
  pattern.lastIndex = k;
  return pattern.test(text);
}

/** UTF-16 units of the character at k (2 for a surrogate pair). */
function unitsAt(text: string, k: number): number {
  const code = text.charCodeAt(k);
  const next = text.charCodeAt(k + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

function publishedDay(article: Article): number | undefined {
  const published = article.published;
  if (!published || !["minute", "hour", "day"].includes(published.precision)) return undefined;
  return dayNumber(published.value);
}

/** Day numbers of the full dates (year, month and day) the text names. */
function textDays(values: string[]): number[] {
  return values.flatMap((v) => {
    const day = FULL_DATE.exec(v)?.[1];
    const n = day === undefined ? undefined : dayNumber(day);
    return n === undefined ? [] : [n];
  });
}

/** The year of every date the text names with its year ("2013", "2013-09", "2013-09-09"). */
function textYears(values: string[]): string[] {
  return values.flatMap((v) => {
    const year = YEAR.exec(v)?.[1];
    return year === undefined ? [] : [year];
  });
}

function dayNumber(value: string): number | undefined {
  const time = Date.parse(value.slice(0, 10));
  return Number.isNaN(time) ? undefined : Math.floor(time / MS_PER_DAY);
}

/** Distinct values, most frequent first (ties in first-seen order). */
function byFrequency(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
}

/** Orders words as String.prototype.localeCompare does, without building a collator per call. */
const compareWords = new Intl.Collator().compare;

/**
 * Keys an article is indexed under to find candidates: its actors, places and rarest words, as ids
 * of the run's vocabulary (`keys` and `documentFrequency` by id). Ties in rarity go by the word.
 */
export function blockingKeyIds(
  ids: Int32Array,
  keys: readonly string[],
  documentFrequency: ArrayLike<number>,
  termKeys: number,
): number[] {
  const named: number[] = [];
  const words: number[] = [];
  for (const id of ids) {
    const key = keys[id] as string;
    if (key.startsWith(KEY.word)) words.push(id);
    else if (key.startsWith(KEY.actor) || key.startsWith(KEY.place)) named.push(id);
  }
  const df = (id: number) => documentFrequency[id] as number;
  words.sort((a, b) => df(a) - df(b) || compareWords(keys[a] as string, keys[b] as string));
  return [...named, ...words.slice(0, termKeys)];
}
