import { createHash } from "node:crypto";
import type { Article, Story } from "../model/index.js";
import { buildCandidateIndex, type CandidateIndex } from "./candidates.js";
import { type ArticleFeatures, articleFeatures, blockingKeyIds } from "./features.js";
import { PairHeap } from "./heap.js";
import {
  articleVector,
  createDenseDot,
  createVocabulary,
  dot,
  type Idf,
  type KeyBoosts,
  keyFactors,
  type VectorStore,
} from "./vector.js";

export interface ClusterOptions {
  /**
   * Mean similarity between two groups' articles at which they are one story, and the cosine
   * between a lone article and a story's profile at which it joins. ECB+ B-cubed F1 0.917 at 0.16
   * and 0.17, 0.910 at 0.18, 0.888 at 0.20 (recall falls); BASIL 0.99-1.00 from 0.16 to 0.20.
   */
  joinThreshold: number;
  /** Links weaker than this are not kept: they barely move a mean (ECB+ same F1 at 0.01-0.03), and cost memory. */
  minLink: number;
  /** Articles published further apart than this are taken to report different happenings. */
  maxDaysApart: number;
  /** How many of an article's rarest words index it (ECB+ F1 0.875 with 12, 0.886 with 20). */
  termKeys: number;
  /**
   * A key held by more undated articles than this is not scanned for undated partners: with no
   * day to narrow them, such a key is too common to find a story by, and scanning it would cost
   * per article what the whole run holds (ECB+, all undated: F1 0.917 as before).
   */
  maxPostings: number;
  /**
   * A dated article skips a key held by more than this many articles dated within maxDaysApart of
   * it: inside one fortnight such a key ("u.s.", a head of state) tells no story apart, and the
   * window keeps the cost per article flat as the archive grows. An article with no published
   * day uses the day its text dates most, else scans a key's dated articles only when no more
   * than this many hold it at all.
   */
  maxWindowPostings: number;
  /**
   * At most this many candidates (those sharing most index keys) are compared with each article:
   * ECB+ F1 0.921 with 30, 0.918 with 40, 0.917 with 50 (as good as 200), 0.909 with 20; BASIL
   * 1.000 with 30 to 50. Where a day's news is dense every article fills the cap, so it sets
   * the cost per article there.
   */
  maxCandidates: number;
  /**
   * Weight of people, other actors, places, regions and days named, against a content word of the
   * same rarity. Plain idf already favours names: boosting people x2 lost ECB+ recall (F1 0.87).
   */
  boosts: KeyBoosts;
  /**
   * Factor on a pair's similarity when each article's main person is absent from the other: like
   * events (two arrests, two rehab stays) are told apart by who. 0.7 lifted ECB+ precision
   * 0.81 -> 0.87; 0.5 and below split BASIL's outlets, whose main persons differ.
   */
  personConflict: number;
  /** Factor on a pair's similarity when the days their texts date most are far apart (0.7: as above; the day read is noisy). */
  dayConflict: number;
  /**
   * Factor on a pair's similarity when the years their texts date most differ and neither names
   * the other's: like events of one kind recur in other years, and a year is read more surely
   * than a day. Among like ECB+ pairs (similarity >= 0.1, same topic) it marks 24% of those from
   * different events and 6% of those from the same (BASIL: 1 in 144); a factor from 0.4 to 0.7
   * gives ECB+ F1 0.917-0.921 (0.906 without), BASIL unchanged.
   */
  yearConflict: number;
  /** Words too common to tell stories apart (data/stopwords). */
  stopwords: ReadonlySet<string>;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  joinThreshold: 0.17,
  minLink: 0.02,
  maxDaysApart: 7,
  termKeys: 20,
  maxPostings: 500,
  maxWindowPostings: 64,
  maxCandidates: 30,
  boosts: { person: 1, actor: 1, place: 1, region: 0.5, day: 1 },
  personConflict: 0.7,
  dayConflict: 0.7,
  yearConflict: 0.5,
  stopwords: new Set(),
};

export type Clusterer = (articles: readonly Article[], existing?: readonly Story[]) => Story[];

/**
 * Groups articles that report the same happening. Each article is compared with the candidates an
 * inverted index over actors, places and rare words finds (never all pairs); then groups are merged,
 * closest first, while the mean similarity between their articles (average linkage) reaches the
 * threshold; last, articles left alone join the story whose profile fits them. Incremental: stories passed in are groups from the start, keep their ids and members,
 * and are never merged with each other; new articles join them or form new stories.
 */
export function createClusterer(options: Partial<ClusterOptions> = {}): Clusterer {
  const opts = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  return (articles, existing = []) => clusterArticles(articles, existing, opts);
}

interface Group {
  members: string[];
  /** Id of the story passed in that this group continues. */
  storyId?: string;
  /** Bumped on every merge, so stale heap entries are recognised. */
  version: number;
  /**
   * Sum of the similarities of the pairs of its own articles the run has scored; unknown for a
   * story passed in, whose members were never compared with each other.
   */
  internal?: number;
}

function clusterArticles(
  articles: readonly Article[],
  existing: readonly Story[],
  opts: ClusterOptions,
): Story[] {
  const ordered = [...articles].sort(byPublishedThenId);
  const byId = new Map(ordered.map((a) => [a.id, a]));
  const prepared = prepare(ordered, opts);
  const position = new Map(ordered.map((a, i) => [a.id, i]));

  // Every article starts in its own group, except members of stories passed in.
  const groupOf = ordered.map((_, i) => i);
  const groups = new Map<number, Group>(
    ordered.map((a, i) => [i, { members: [a.id], version: 0, internal: 0 }]),
  );
  const inStory = new Set<number>();
  for (const story of existing) {
    const present = story.articleIds.flatMap((id) => {
      const i = position.get(id);
      return i === undefined ? [] : [i];
    });
    const [first] = present;
    if (first === undefined) continue;
    for (const i of present) {
      inStory.add(i);
      groups.delete(i);
      groupOf[i] = first;
    }
    groups.set(first, {
      members: present.map((i) => ordered[i]?.id as string),
      storyId: story.id,
      version: 0,
    });
  }

  const links = linkGroups(prepared, groupOf, inStory, opts);
  mergeGroups(groups, links, opts.joinThreshold);
  attachStragglers(groups, links, opts.joinThreshold, inStory);

  return [...groups.values()].map((g) => {
    const members = g.members.map((id) => byId.get(id) as Article);
    const sorted = g.storyId ? members : [...members].sort(byPublishedThenId);
    return buildStory(g.storyId ?? storyIdFor((sorted[0] as Article).id), sorted);
  });
}

/** What the run keeps of each article to judge a pair beyond its cosine. */
type Traits = Pick<ArticleFeatures, "day" | "textDay" | "persons" | "years">;

/** Each article's traits, vector and index keys, in publication order; the features themselves are dropped. */
interface Prepared {
  traits: Traits[];
  vectors: VectorStore;
  index: CandidateIndex;
  vocabularySize: number;
}

function prepare(ordered: readonly Article[], opts: ClusterOptions): Prepared {
  const vocabulary = createVocabulary(ordered.length);
  const traits: Traits[] = [];
  for (const a of ordered) {
    const f = articleFeatures(a, opts.stopwords);
    traits.push(traitsOf(f));
    vocabulary.add(f);
  }
  const { keys } = vocabulary;
  const documentFrequency = vocabulary.documentFrequency();
  const factors = keyFactors(vocabulary, ordered.length, opts.boosts);
  const index = buildCandidateIndex(
    traits.map((t, i) => ({
      keys: blockingKeyIds(vocabulary.bagIds(i), keys, documentFrequency, opts.termKeys),
      day: t.day,
      textDay: t.textDay,
    })),
    opts,
  );
  return { traits, vectors: vocabulary.vectors(factors), index, vocabularySize: keys.length };
}

function traitsOf(f: ArticleFeatures): Traits {
  const traits: Traits = { persons: f.persons, years: f.years };
  if (f.day !== undefined) traits.day = f.day;
  if (f.textDay !== undefined) traits.textDay = f.textDay;
  return traits;
}

/** Group -> neighbour group -> sum of the similarities of the article pairs between them. */
type Links = Map<number, Map<number, number>>;

function linkGroups(
  { traits, vectors, index, vocabularySize }: Prepared,
  groupOf: number[],
  inStory: ReadonlySet<number>,
  opts: ClusterOptions,
): Links {
  const links: Links = new Map();
  // Pairs already scored: a link between two lone articles says so itself; only pairs touching a
  // story passed in (whose articles share one group) need remembering.
  const seen = new Set<number>();
  const n = traits.length;
  const lone = (i: number) => groupOf[i] === i && !inStory.has(i);
  const scored = (i: number, j: number, code: number) =>
    lone(i) && lone(j) ? (links.get(i)?.has(j) ?? false) : seen.has(code);
  const cosine = createDenseDot(vectors, vocabularySize);
  for (let i = 0; i < n; i++) {
    const a = traits[i] as Traits;
    cosine.load(i);
    for (const j of index.candidates(i)) {
      const code = Math.min(i, j) * n + Math.max(i, j);
      if (groupOf[i] === groupOf[j] || scored(i, j, code)) continue;
      if (!lone(i) || !lone(j)) seen.add(code);
      const b = traits[j] as Traits;
      if (publishedApart(a, b, opts.maxDaysApart)) continue;
      const score = adjusted(cosine.dot(j), a, b, opts);
      if (score >= opts.minLink) addLink(links, groupOf[i] as number, groupOf[j] as number, score);
    }
    cosine.unload(i);
  }
  return links;
}

function addLink(links: Links, a: number, b: number, score: number): void {
  addHalfLink(links, a, b, score);
  addHalfLink(links, b, a, score);
}

function addHalfLink(links: Links, from: number, to: number, score: number): void {
  let row = links.get(from);
  if (!row) links.set(from, (row = new Map<number, number>()));
  row.set(to, (row.get(to) ?? 0) + score);
}

/** Average linkage: merges the closest two groups until no pair's mean similarity reaches the threshold. */
function mergeGroups(groups: Map<number, Group>, links: Links, threshold: number): void {
  const heap = new PairHeap();
  const mean = (a: number, b: number) => {
    const sum = links.get(a)?.get(b) ?? 0;
    return sum / ((groups.get(a) as Group).members.length * (groups.get(b) as Group).members.length);
  };
  const offer = (a: number, b: number) => {
    const ga = groups.get(a) as Group;
    const gb = groups.get(b) as Group;
    if (ga.storyId !== undefined && gb.storyId !== undefined) return;
    const score = mean(a, b);
    if (score >= threshold) heap.push(score, a, b, ga.version, gb.version);
  };
  for (const [a, row] of links) for (const b of row.keys()) if (a < b) offer(a, b);

  for (let top = heap.pop(); top; top = heap.pop()) {
    const [a, b, versionA, versionB] = top;
    const ga = groups.get(a);
    const gb = groups.get(b);
    if (!ga || !gb || ga.version !== versionA || gb.version !== versionB) continue;
    // The larger group absorbs the smaller, so each link moves O(log n) times at most.
    const [keep, gone] = ga.members.length >= gb.members.length ? [a, b] : [b, a];
    absorb(groups, links, keep, gone);
    for (const other of links.get(keep)?.keys() ?? []) offer(keep, other);
  }
}

/**
 * An article left alone joins the group whose profile (the sum of its members' vectors) it is
 * closest to, when that cosine reaches the threshold. The mean over a story's members undersells
 * a late or short report: its members differ among themselves, so their sum is shorter than
 * their count and the profile, like a story's lead, holds what they share. Each article looks
 * only at the groups it has links to, against the groups as merged (stragglers do not chain).
 */
function attachStragglers(
  groups: Map<number, Group>,
  links: Links,
  threshold: number,
  inStory: ReadonlySet<number>,
): void {
  const moves: [from: number, to: number][] = [];
  for (const [id, group] of groups) {
    if (group.members.length !== 1 || inStory.has(id)) continue;
    let best: [to: number, score: number] | undefined;
    for (const [other, sum] of links.get(id) ?? []) {
      const target = groups.get(other) as Group;
      if (target.members.length < 2) continue;
      const score = sum / profileLength(target);
      if (score >= threshold && (!best || score > best[1])) best = [other, score];
    }
    if (best) moves.push([id, best[0]]);
  }
  for (const [from, to] of moves) {
    const target = groups.get(to) as Group;
    for (const member of (groups.get(from) as Group).members) target.members.push(member);
    groups.delete(from);
  }
}

/**
 * Length of the sum of a group's unit vectors: sqrt(n + 2 * the sum of its pairs' cosines); pairs
 * never scored count as unrelated. Unknown pairs (a story passed in) give the count, as for a mean.
 */
function profileLength(g: Group): number {
  const n = g.members.length;
  return g.internal === undefined ? n : Math.sqrt(n + 2 * g.internal);
}

function absorb(groups: Map<number, Group>, links: Links, keep: number, gone: number): void {
  const kept = groups.get(keep) as Group;
  const absorbed = groups.get(gone) as Group;
  // The run owns its groups: appending (not copying) keeps a growing story's merges linear.
  for (const id of absorbed.members) kept.members.push(id);
  const between = links.get(keep)?.get(gone) ?? 0;
  kept.internal =
    kept.internal === undefined || absorbed.internal === undefined
      ? undefined
      : kept.internal + absorbed.internal + between;
  kept.storyId ??= absorbed.storyId;
  kept.version += 1;
  groups.delete(gone);
  const keptRow = links.get(keep) ?? new Map<number, number>();
  keptRow.delete(gone);
  for (const [other, sum] of links.get(gone) ?? []) {
    if (other === keep) continue;
    const total = (keptRow.get(other) ?? 0) + sum;
    keptRow.set(other, total);
    const row = links.get(other) as Map<number, number>;
    row.delete(gone);
    row.set(keep, total);
  }
  links.set(keep, keptRow);
  links.delete(gone);
}

/** Both articles have a published day, further apart than the stories they tell could be. */
function publishedApart(a: Traits, b: Traits, maxDaysApart: number): boolean {
  return a.day !== undefined && b.day !== undefined && Math.abs(a.day - b.day) > maxDaysApart;
}

/** A pair's cosine, lowered when the people or the dates in their texts disagree. */
function adjusted(cosine: number, a: Traits, b: Traits, opts: ClusterOptions): number {
  let score = cosine;
  if (personsConflict(a, b)) score *= opts.personConflict;
  if (
    a.textDay !== undefined &&
    b.textDay !== undefined &&
    Math.abs(a.textDay - b.textDay) > opts.maxDaysApart
  ) {
    score *= opts.dayConflict;
  }
  if (mainConflict(a.years, b.years)) score *= opts.yearConflict;
  return score;
}

/** Both name something, and neither's most-named value is among the other's. */
function mainConflict(a: readonly string[], b: readonly string[]): boolean {
  const [mainA] = a;
  const [mainB] = b;
  if (mainA === undefined || mainB === undefined) return false;
  return !b.includes(mainA) && !a.includes(mainB);
}

/** Each article names people, and neither's main person is named by the other. */
function personsConflict(a: Traits, b: Traits): boolean {
  const [mainA] = a.persons;
  const [mainB] = b.persons;
  if (mainA === undefined || mainB === undefined) return false;
  return !b.persons.includes(mainA) && !a.persons.includes(mainB);
}

/** Similarity of two articles as the clusterer scores them, weighting keys by rarity (idf) and kind. */
export function similarity(
  a: ArticleFeatures,
  b: ArticleFeatures,
  idf: Idf,
  opts: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): number {
  if (publishedApart(a, b, opts.maxDaysApart)) return 0;
  return adjusted(dot(articleVector(a, idf, opts.boosts), articleVector(b, idf, opts.boosts)), a, b, opts);
}

function byPublishedThenId(a: Article, b: Article): number {
  const pa = a.published?.value ?? "9999";
  const pb = b.published?.value ?? "9999";
  return pa.localeCompare(pb) || a.id.localeCompare(b.id);
}

/** A story is named after its first article, so its id never changes as others join. */
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
