import type { Article } from "../model/index.js";

/** What clustering looks at in an article; computed once per article. */
export interface ArticleFeatures {
  id: string;
  /** Content lemma -> count. */
  terms: Map<string, number>;
  /** Canonical actor ids named in the article (people, organisations, states). */
  actors: Set<string>;
  /** Place keys (GeoNames id, else the name). */
  places: Set<string>;
  /** Published day as a day number since the epoch, when known to the day or better. */
  day?: number;
}

/** Parts of speech that carry what an article is about; function words carry nothing. */
const CONTENT_POS = new Set(["NOUN", "PROPN", "VERB", "ADJ"]);
/** Verbs every news story uses; they would make all stories look alike. */
const LIGHT_LEMMAS = new Set(["say", "be", "have", "do", "make", "tell", "report", "include", "also"]);
/** Shorter lemmas are mostly abbreviations and fragments, too ambiguous to match on. */
const MIN_TERM_LENGTH = 3;
const MS_PER_DAY = 86_400_000;

export function articleFeatures(article: Article): ArticleFeatures {
  const { tokens, entities, places } = article.annotations;
  const terms = new Map<string, number>();
  for (const token of tokens) {
    if (!CONTENT_POS.has(token.pos) || token.lemma.length < MIN_TERM_LENGTH) continue;
    if (LIGHT_LEMMAS.has(token.lemma) || !/\p{L}/u.test(token.lemma)) continue;
    terms.set(token.lemma, (terms.get(token.lemma) ?? 0) + 1);
  }
  const actors = new Set(entities.filter((e) => e.type !== "GPE" && e.type !== "LOC").map((e) => e.actorId));
  const placeKeys = new Set(places.map((p) => (p.geonameId ? `g${p.geonameId}` : p.name.toLowerCase())));
  return { id: article.id, terms, actors, places: placeKeys, day: publishedDay(article) };
}

function publishedDay(article: Article): number | undefined {
  const published = article.published;
  if (!published || !["minute", "hour", "day"].includes(published.precision)) return undefined;
  const time = Date.parse(published.value.slice(0, 10));
  return Number.isNaN(time) ? undefined : Math.floor(time / MS_PER_DAY);
}

/** Keys an article is indexed under to find candidates: its actors, places and rarest terms. */
export function blockingKeys(features: ArticleFeatures, documentFrequency: Map<string, number>, termKeys: number): string[] {
  const rareTerms = [...features.terms.keys()]
    .sort((a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0) || a.localeCompare(b))
    .slice(0, termKeys)
    .map((t) => `t:${t}`);
  return [...[...features.actors].map((a) => `a:${a}`), ...[...features.places].map((p) => `p:${p}`), ...rareTerms];
}
