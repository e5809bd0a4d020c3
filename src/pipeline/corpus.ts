import { createHash } from "node:crypto";
import type { Article, CopyGroup, Event, Story } from "../model/index.js";
import type { PipelineStages } from "./run.js";

/**
 * The corpus stages of a run: dedupe, cluster, events and compare over every article, stored and
 * new. Shared by the in-memory run (`runPipeline`) and the run at scale (src/run/), which hands in
 * slim articles (see Store.corpusArticles) and loads whole ones story by story to compare.
 */
export interface CorpusRequest {
  /** Every article: dedupe, clustering and events read their text, metadata and mentions only. */
  articles: readonly Article[];
  previous?: { stories?: readonly Story[]; events?: readonly Event[] };
  /** The whole articles of one story, for comparing it; by default taken from `articles`. */
  wholeArticles?: (ids: readonly string[]) => Article[];
  /**
   * Whether a story is compared again, given the fingerprint of what its comparison would be
   * computed from (`basis`); a story not compared keeps its previous comparison.
   */
  compareIf: (story: Story, basis: string) => boolean;
  /** The bases stored with the previous stories' comparisons. */
  previousBases?: ReadonlyMap<string, string>;
}

export interface CorpusOutcome {
  /** The articles given, each with the copy group dedupe found (or none). */
  articles: Article[];
  /** Every story, in clustering order, with its event ids and a comparison (new or previous). */
  stories: Story[];
  /** The stories compared in this run. */
  compared: Story[];
  events: Event[];
  /**
   * The basis each story's comparison was computed from: this run's for a story compared now, the
   * stored one for a story that kept its comparison (when there was one).
   */
  bases: Map<string, string>;
}

type CorpusStages = Pick<PipelineStages, "dedupe" | "cluster" | "events" | "compare">;

export function runCorpusStages(stages: CorpusStages, request: CorpusRequest): CorpusOutcome {
  const articles = stages.dedupe(request.articles);
  const clustered = stages.cluster(articles, request.previous?.stories ?? []);
  const events = stages.events(articles, clustered, request.previous?.events ?? []);
  const stories = withEventIds(clustered, events);

  const byId = new Map(articles.map((a) => [a.id, a]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  const before = new Map((request.previous?.stories ?? []).map((s) => [s.id, s]));
  const copyGroups = new Map(articles.flatMap((a) => (a.copyGroup ? [[a.id, a.copyGroup] as const] : [])));
  const whole = request.wholeArticles ?? ((ids) => ids.flatMap((id) => byId.get(id) ?? []));

  const bases = new Map<string, string>();
  const compared: Story[] = [];
  const every = stories.map((story) => {
    const storyEvents = (story.eventIds ?? []).flatMap((id) => eventById.get(id) ?? []);
    const basis = storyBasis(story, byId, storyEvents);
    if (!request.compareIf(story, basis)) {
      const kept = request.previousBases?.get(story.id);
      if (kept !== undefined) bases.set(story.id, kept);
      return { ...story, comparison: before.get(story.id)?.comparison };
    }
    bases.set(story.id, basis);
    const members = whole(story.articleIds).map((a) => withCopyGroup(a, copyGroups.get(a.id)));
    const done = { ...story, comparison: stages.compare(story, members, storyEvents) };
    compared.push(done);
    return done;
  });
  return { articles, stories: every, compared, events, bases };
}

/**
 * What a story's comparison is computed from: its articles (by id and text) with their copy
 * groups, and its events. Equal bases give equal comparisons, so a story whose basis has not
 * changed since it was stored need not be compared again.
 */
export function storyBasis(
  story: Story,
  articles: ReadonlyMap<string, Article>,
  events: readonly Event[],
): string {
  const hash = createHash("sha256");
  for (const id of story.articleIds) {
    const article = articles.get(id);
    hash.update(`${id}\u0000${article?.contentHash ?? ""}\u0000${article?.copyGroup?.id ?? ""}\n`);
  }
  for (const event of events) hash.update(JSON.stringify(event));
  return hash.digest("hex");
}

/** A whole article read back from the store takes the copy group this run's dedupe gave it. */
function withCopyGroup(article: Article, group: CopyGroup | undefined): Article {
  if (group) return { ...article, copyGroup: group };
  if (!article.copyGroup) return article;
  const { copyGroup: _dropped, ...rest } = article;
  return rest;
}

/**
 * Each story lists the events its articles report, in the events' order. Read from the reports'
 * articles rather than `Event.storyIds`, so a story is right even if a merger left that stale.
 */
function withEventIds(stories: readonly Story[], events: readonly Event[]): Story[] {
  const eventsOfArticle = new Map<string, string[]>();
  for (const event of events) {
    for (const { articleId } of event.reports) {
      const ids = eventsOfArticle.get(articleId) ?? [];
      if (!ids.includes(event.id)) ids.push(event.id);
      eventsOfArticle.set(articleId, ids);
    }
  }
  const position = new Map(events.map((e, i) => [e.id, i]));
  return stories.map((story) => {
    const ids = new Set(story.articleIds.flatMap((id) => eventsOfArticle.get(id) ?? []));
    const eventIds = [...ids].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    return { ...story, eventIds };
  });
}
