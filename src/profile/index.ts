import { articleLabel } from "../common/labels.js";
import { quoteShare } from "../compare/sourcing.js";
import type {
  Article,
  Fact,
  FactKind,
  OutletFraming,
  OutletProfile,
  OutletSourcing,
  SpeakerKind,
  Story,
} from "../model/index.js";

export interface ProfilerOptions {
  /** Speakers, citations and labels kept per outlet, most used first: the JSON of a story has them all. */
  top: number;
  /** Fact kinds a profile does not count as facts told: how an outlet words a story is not a fact it tells. */
  uncountedKinds: readonly FactKind[];
}

export const DEFAULT_PROFILER_OPTIONS: ProfilerOptions = { top: 10, uncountedKinds: ["framing"] };

/**
 * What a profile needs of an article: its outlet label's sources and its length in sentences (the
 * weight of its loaded score). A light record, so that a store can profile 100k articles without
 * reading their annotations.
 */
export interface ProfiledArticle extends Pick<Article, "id" | "outlet" | "url" | "origin"> {
  sentenceCount: number;
}

export function profiledArticle(article: Article): ProfiledArticle {
  const { id, outlet, url, origin } = article;
  return { id, outlet, url, origin, sentenceCount: article.annotations.sentences.length };
}

export type OutletProfiler = (
  stories: readonly Story[],
  articles: readonly ProfiledArticle[],
) => OutletProfile[];

/** One outlet's article in one story, with what the story's comparison says of it. */
interface Appearance {
  storyId: string;
  outlet: string;
  /** The article's column in the story's comparison, which facts and omissions name it by. */
  column: string;
  article?: ProfiledArticle;
  sourcing?: OutletSourcing;
  framing?: OutletFraming;
}

/**
 * Each outlet across every story it covers: whom it quotes and cites, how it labels actors, how
 * loaded its words are, and how often it alone tells a fact, conflicts with the others or leaves
 * out what most tell. Reads the stories' comparisons; a story without one still counts its articles.
 */
export function createOutletProfiler(options: Partial<ProfilerOptions> = {}): OutletProfiler {
  const opts = { ...DEFAULT_PROFILER_OPTIONS, ...options };
  return (stories, articles) => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const perStory = stories.map((story) => ({ story, appearances: appearancesOf(story, byId) }));
    const outlets = new Map<string, Appearance[]>();
    for (const { appearances } of perStory)
      for (const a of appearances) {
        const list = outlets.get(a.outlet);
        if (list) list.push(a);
        else outlets.set(a.outlet, [a]);
      }
    return [...outlets.entries()]
      .map(([outlet, appearances]) => profileOf(outlet, appearances, perStory, opts))
      .sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet));
  };
}

/**
 * The story's articles with their outlet: the article's own label across stories (a story's
 * columns make two articles of one outlet unique, "Reuters (2)"), else the comparison's label.
 */
function appearancesOf(story: Story, byId: ReadonlyMap<string, ProfiledArticle>): Appearance[] {
  const comparison = story.comparison;
  return story.articleIds.flatMap((id, i): Appearance[] => {
    const article = byId.get(id);
    const outlet = article ? articleLabel(article) : comparison?.outlets[i];
    if (outlet === undefined) return [];
    return [
      {
        storyId: story.id,
        outlet,
        column: comparison?.outlets[i] ?? outlet,
        ...(article ? { article } : {}),
        ...withDefined(
          "sourcing",
          comparison?.sourcing?.find((s) => s.articleId === id),
        ),
        ...withDefined(
          "framing",
          comparison?.framing?.find((f) => f.articleId === id),
        ),
      },
    ];
  });
}

function withDefined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function profileOf(
  outlet: string,
  appearances: readonly Appearance[],
  perStory: readonly { story: Story; appearances: Appearance[] }[],
  opts: ProfilerOptions,
): OutletProfile {
  const storyIds = new Set(appearances.map((a) => a.storyId));
  const compared = perStory.filter(
    ({ story, appearances: all }) => storyIds.has(story.id) && all.some((a) => a.outlet !== outlet),
  );
  const facts = factCounts(outlet, compared, opts);
  return {
    outlet,
    articles: new Set(appearances.map((a) => a.article?.id ?? `${a.storyId}:${a.outlet}`)).size,
    stories: storyIds.size,
    comparedStories: compared.length,
    ...sourcingOf(appearances, opts),
    ...framingOf(appearances, opts),
    ...facts,
    onlyRate: rate(facts.onlyFacts, facts.factsTold),
    conflictRate: rate(facts.conflictFacts, facts.factsTold),
    omissionRate: rate(facts.omittedFacts, facts.factsTold + facts.omittedFacts),
  };
}

function rate(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

function sourcingOf(
  appearances: readonly Appearance[],
  opts: ProfilerOptions,
): Pick<OutletProfile, "quoteShare" | "topSpeakers" | "topCitations"> {
  const speakers = new Map<string, OutletProfile["topSpeakers"][number] & { inStories: Set<string> }>();
  const citations = new Map<string, OutletProfile["topCitations"][number] & { inArticles: Set<string> }>();
  for (const { sourcing, storyId } of appearances) {
    for (const s of sourcing?.speakers ?? []) {
      const key = s.actorId ?? s.name.toLowerCase();
      const seen = speakers.get(key) ?? { ...pickActor(s), quotes: 0, stories: 0, inStories: new Set() };
      seen.quotes += s.quotes;
      seen.inStories.add(storyId);
      speakers.set(key, seen);
    }
    for (const c of sourcing?.citations ?? []) {
      const key = c.actorId ?? c.name.toLowerCase();
      const seen = citations.get(key) ?? { ...pickActor(c), articles: 0, inArticles: new Set() };
      seen.inArticles.add(sourcing?.articleId ?? "");
      citations.set(key, seen);
    }
  }
  const topSpeakers = [...speakers.values()]
    .map(({ inStories, ...s }) => ({ ...s, stories: inStories.size }))
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
  const topCitations = [...citations.values()]
    .map(({ inArticles, ...c }) => ({ ...c, articles: inArticles.size }))
    .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
  return {
    // Over every quote of every article, so a long article weighs by its quotes, not as one.
    quoteShare: quoteShare(topSpeakers),
    topSpeakers: topSpeakers.slice(0, opts.top),
    topCitations: topCitations.slice(0, opts.top),
  };
}

function pickActor(s: { name: string; actorId?: string; kind: SpeakerKind }) {
  return { name: s.name, ...(s.actorId ? { actorId: s.actorId } : {}), kind: s.kind };
}

function framingOf(
  appearances: readonly Appearance[],
  opts: ProfilerOptions,
): Pick<OutletProfile, "labels" | "loadedCategories" | "meanLoad"> {
  const labels = new Map<string, OutletProfile["labels"][number]>();
  const loadedCategories: Record<string, number> = {};
  let loadSum = 0;
  let sentences = 0;
  for (const { framing, article } of appearances) {
    if (!framing) continue;
    for (const use of framing.labels) {
      const key = `${use.actorId ?? use.actor.toLowerCase()}\u0000${use.label}`;
      const seen = labels.get(key);
      labels.set(key, {
        actor: use.actor,
        ...(use.actorId ? { actorId: use.actorId } : {}),
        label: use.label,
        category: use.category,
        count: (seen?.count ?? 0) + use.count,
      });
    }
    for (const word of framing.loadedWords)
      loadedCategories[word.category] = (loadedCategories[word.category] ?? 0) + word.count;
    // The mean per body sentence: each article weighs by its sentences (one, if they are unknown).
    const weight = Math.max(1, article?.sentenceCount ?? 1);
    loadSum += framing.bodyScore * weight;
    sentences += weight;
  }
  return {
    labels: [...labels.values()]
      .sort((a, b) => b.count - a.count || a.actor.localeCompare(b.actor) || a.label.localeCompare(b.label))
      .slice(0, opts.top),
    loadedCategories,
    meanLoad: rate(loadSum, sentences),
  };
}

/**
 * Facts of the compared stories, each counted once per outlet however many of its articles tell
 * it: told (any cell not absent), only it (an "only" cell), in conflict, or left out (named in the
 * fact's `omittedBy`).
 */
function factCounts(
  outlet: string,
  compared: readonly { story: Story; appearances: Appearance[] }[],
  opts: ProfilerOptions,
): Pick<OutletProfile, "factsTold" | "onlyFacts" | "conflictFacts" | "omittedFacts"> {
  const counts = { factsTold: 0, onlyFacts: 0, conflictFacts: 0, omittedFacts: 0 };
  for (const { story, appearances } of compared) {
    const columns = new Set(appearances.filter((a) => a.outlet === outlet).map((a) => a.column));
    for (const fact of story.comparison?.facts ?? []) {
      if (!isCounted(fact, opts)) continue;
      const cells = fact.cells.filter((c) => columns.has(c.outlet));
      if (cells.some((c) => c.status !== "absent")) counts.factsTold += 1;
      if (cells.some((c) => c.status === "only")) counts.onlyFacts += 1;
      if (cells.some((c) => c.status === "conflict")) counts.conflictFacts += 1;
      if (omits(fact, columns)) counts.omittedFacts += 1;
    }
  }
  return counts;
}

/**
 * Whether a fact counts toward the rates: not a kind left uncounted, and not a place merely named
 * in passing (where a happening took place counts), which would swell "told alone" with asides.
 */
function isCounted(fact: Fact, opts: ProfilerOptions): boolean {
  if (opts.uncountedKinds.includes(fact.kind)) return false;
  return fact.kind !== "place" || fact.eventId !== undefined;
}

function omits(fact: Fact, columns: ReadonlySet<string>): boolean {
  return (fact.omittedBy ?? []).some((o) => columns.has(o));
}
