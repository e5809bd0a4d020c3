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

/** Shorter words are mostly abbreviations and fragments, too ambiguous to match on. */
const MIN_TERM_LENGTH = 3;
/** Word prefix kept as the term: a crude stem, so "capture", "captured" and "captures" meet. */
const STEM_LENGTH = 7;
const MS_PER_DAY = 86_400_000;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

/**
 * Features come from the text and the mentions, not from tokens, so that articles read back from
 * the store (which does not keep tokens) cluster exactly as freshly analysed ones.
 */
export function articleFeatures(article: Article, stopwords: ReadonlySet<string>): ArticleFeatures {
  const { entities, places } = article.annotations;
  const terms = new Map<string, number>();
  for (const [word] of article.text.matchAll(WORD)) {
    const lower = word.toLowerCase().replace(/['’]s$/, "");
    if (lower.length < MIN_TERM_LENGTH || stopwords.has(lower)) continue;
    const term = lower.slice(0, STEM_LENGTH);
    terms.set(term, (terms.get(term) ?? 0) + 1);
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
export function blockingKeys(
  features: ArticleFeatures,
  documentFrequency: Map<string, number>,
  termKeys: number,
): string[] {
  const rareTerms = [...features.terms.keys()]
    .sort((a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0) || a.localeCompare(b))
    .slice(0, termKeys)
    .map((t) => `t:${t}`);
  return [
    ...[...features.actors].map((a) => `a:${a}`),
    ...[...features.places].map((p) => `p:${p}`),
    ...rareTerms,
  ];
}
