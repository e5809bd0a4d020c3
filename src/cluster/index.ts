import { createHash } from "node:crypto";
import type { Article, Story } from "../model/index.js";
import { type ArticleFeatures, articleFeatures, blockingKeys } from "./features.js";

export interface ClusterOptions {
  /**
   * Similarity at which an article joins a story. Calibrated on the BASIL dev set (B-cubed F1 0.99
   * at 0.12-0.15, 0.97 at 0.18, 0.95 at 0.20); on the examples, reports of the same happening
   * score 0.29-0.38 and reports of different ones below 0.06.
   */
  joinThreshold: number;
  /** Articles published further apart than this are taken to report different happenings. */
  maxDaysApart: number;
  /** How many of an article's rarest terms index it; more finds more candidates at more cost. */
  termKeys: number;
  /** Index keys shared by more articles than this are too common to find candidates with. */
  maxPostings: number;
  /** Weights of text, actor and place similarity in the score; they sum to 1. */
  weights: { text: number; actors: number; places: number };
  /** Words too common to tell stories apart (data/stopwords). */
  stopwords: ReadonlySet<string>;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  joinThreshold: 0.15,
  maxDaysApart: 7,
  termKeys: 12,
  maxPostings: 5_000,
  weights: { text: 0.5, actors: 0.25, places: 0.25 },
  stopwords: new Set(),
};

export type Clusterer = (articles: readonly Article[], existing?: readonly Story[]) => Story[];

/**
 * Groups articles that report the same happening. Incremental: stories passed in keep their ids
 * and members, and new articles join them or start new stories. Candidates come from an inverted
 * index over actors, places and rare terms, never from all pairs.
 */
export function createClusterer(options: Partial<ClusterOptions> = {}): Clusterer {
  const opts = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  return (articles, existing = []) => clusterArticles(articles, existing, opts);
}

function clusterArticles(
  articles: readonly Article[],
  existing: readonly Story[],
  opts: ClusterOptions,
): Story[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const features = new Map(articles.map((a) => [a.id, articleFeatures(a, opts.stopwords)]));
  const documentFrequency = countDocumentFrequency([...features.values()]);
  const idf = (term: string) => Math.log((1 + features.size) / (1 + (documentFrequency.get(term) ?? 0))) + 1;

  const storyOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const story of existing) {
    const present = story.articleIds.filter((id) => byId.has(id));
    members.set(story.id, present);
    for (const id of present) storyOf.set(id, story.id);
  }

  const index = new Map<string, string[]>();
  const addToIndex = (f: ArticleFeatures) => {
    for (const key of blockingKeys(f, documentFrequency, opts.termKeys)) {
      const postings = index.get(key) ?? [];
      if (postings.length < opts.maxPostings) postings.push(f.id);
      index.set(key, postings);
    }
  };
  for (const id of storyOf.keys()) addToIndex(features.get(id) as ArticleFeatures);

  for (const article of [...articles].sort(byPublishedThenId)) {
    if (storyOf.has(article.id)) continue;
    const f = features.get(article.id) as ArticleFeatures;
    const best = bestCandidate(f, index, features, storyOf, idf, documentFrequency, opts);
    const storyId = best ?? storyIdFor(article.id);
    storyOf.set(article.id, storyId);
    members.set(storyId, [...(members.get(storyId) ?? []), article.id]);
    addToIndex(f);
  }

  return [...members.entries()]
    .filter(([, ids]) => ids.length > 0)
    .map(([id, ids]) =>
      buildStory(
        id,
        ids.map((i) => byId.get(i) as Article),
      ),
    );
}

function bestCandidate(
  f: ArticleFeatures,
  index: Map<string, string[]>,
  features: Map<string, ArticleFeatures>,
  storyOf: Map<string, string>,
  idf: (term: string) => number,
  documentFrequency: Map<string, number>,
  opts: ClusterOptions,
): string | undefined {
  const candidates = new Set<string>();
  for (const key of blockingKeys(f, documentFrequency, opts.termKeys)) {
    for (const id of index.get(key) ?? []) candidates.add(id);
  }
  let best: { story: string; score: number } | undefined;
  for (const id of candidates) {
    const score = similarity(f, features.get(id) as ArticleFeatures, idf, opts);
    const story = storyOf.get(id) as string;
    if (score >= opts.joinThreshold && (!best || score > best.score)) best = { story, score };
  }
  return best?.story;
}

/**
 * Weighted mean of text cosine and actor/place overlap, over the signals at least one of the two
 * articles has (two articles without places are not less alike for it); zero when their dates are
 * too far apart.
 */
export function similarity(
  a: ArticleFeatures,
  b: ArticleFeatures,
  idf: (term: string) => number,
  opts: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): number {
  if (a.day !== undefined && b.day !== undefined && Math.abs(a.day - b.day) > opts.maxDaysApart) return 0;
  const signals: [weight: number, score: number, present: boolean][] = [
    [opts.weights.text, cosine(a.terms, b.terms, idf), true],
    [opts.weights.actors, jaccard(a.actors, b.actors), a.actors.size + b.actors.size > 0],
    [opts.weights.places, jaccard(a.places, b.places), a.places.size + b.places.size > 0],
  ];
  const used = signals.filter(([, , present]) => present);
  const totalWeight = used.reduce((sum, [weight]) => sum + weight, 0);
  return used.reduce((sum, [weight, score]) => sum + weight * score, 0) / totalWeight;
}

function cosine(a: Map<string, number>, b: Map<string, number>, idf: (term: string) => number): number {
  const weight = (count: number, term: string) => (1 + Math.log(count)) * idf(term);
  let dot = 0;
  for (const [term, count] of a) {
    const other = b.get(term);
    if (other !== undefined) dot += weight(count, term) * weight(other, term);
  }
  const norm = (m: Map<string, number>) => Math.sqrt([...m].reduce((s, [t, c]) => s + weight(c, t) ** 2, 0));
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot / denominator;
}

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function countDocumentFrequency(all: ArticleFeatures[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const f of all) for (const term of f.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

function byPublishedThenId(a: Article, b: Article): number {
  const pa = a.published?.value ?? "9999";
  const pb = b.published?.value ?? "9999";
  return pa.localeCompare(pb) || a.id.localeCompare(b.id);
}

/** A story is named after the article that started it, so its id never changes as others join. */
function storyIdFor(firstArticleId: string): string {
  return `story-${createHash("sha256").update(firstArticleId).digest("hex").slice(0, 12)}`;
}

function buildStory(id: string, articles: Article[]): Story {
  const dates = articles.flatMap((a) => (a.published ? [a.published.value] : [])).sort();
  const titled = articles.find((a) => a.title?.value);
  return {
    id,
    title: titled?.title?.value ?? articles[0]?.text.slice(0, 80) ?? id,
    articleIds: articles.map((a) => a.id),
    firstPublished: dates[0],
    lastPublished: dates[dates.length - 1],
  };
}
