import { createHash } from "node:crypto";
import {
  type Article,
  type CopyGroup,
  emptyAnnotations,
  type Event,
  type Provenance,
  type Story,
} from "../model/index.js";
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

export interface CorpusPlan {
  /** The articles given, each with the copy group dedupe found (or none). */
  articles: Article[];
  /**
   * Every story, in clustering order, with its event ids and its previous comparison (if any):
   * those in `toCompare` are compared by `compare`, one at a time, so that a caller writing them
   * out never holds every comparison at once.
   */
  stories: Story[];
  toCompare: ReadonlySet<string>;
  compare(story: Story): Story;
  events: Event[];
  /**
   * The basis each story's comparison is computed from: this run's for a story to compare, the
   * stored one for a story that keeps its comparison (when there was one).
   */
  bases: Map<string, string>;
}

type CorpusStages = Pick<PipelineStages, "dedupe" | "cluster" | "events" | "compare">;

export function planCorpus(stages: CorpusStages, request: CorpusRequest): CorpusPlan {
  const articles = stages.dedupe(request.articles);
  const clustered = stages.cluster(articles, request.previous?.stories ?? []);
  const events = stages.events(articles, clustered, request.previous?.events ?? []);

  const byId = new Map(articles.map((a) => [a.id, a]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  const before = new Map((request.previous?.stories ?? []).map((s) => [s.id, s]));
  const copyGroups = new Map(articles.flatMap((a) => (a.copyGroup ? [[a.id, a.copyGroup] as const] : [])));
  const whole = request.wholeArticles ?? ((ids) => ids.flatMap((id) => byId.get(id) ?? []));
  const eventsOf = (story: Story) => (story.eventIds ?? []).flatMap((id) => eventById.get(id) ?? []);

  const bases = new Map<string, string>();
  const toCompare = new Set<string>();
  const stories = withEventIds(clustered, events).map((story) => {
    const basis = storyBasis(story, byId, eventsOf(story));
    if (request.compareIf(story, basis)) {
      toCompare.add(story.id);
      bases.set(story.id, basis);
      return story;
    }
    const kept = request.previousBases?.get(story.id);
    if (kept !== undefined) bases.set(story.id, kept);
    const comparison = before.get(story.id)?.comparison;
    return comparison ? { ...story, comparison } : story;
  });

  const compare = (story: Story): Story => {
    const members = whole(story.articleIds).map((a) => withCopyGroup(a, copyGroups.get(a.id)));
    return { ...story, comparison: stages.compare(story, members, eventsOf(story)) };
  };
  return { articles, stories, toCompare, compare, events, bases };
}

/** The plan carried out in memory: every story to compare is compared. */
export function comparedStories(plan: CorpusPlan): Story[] {
  return plan.stories.map((story) => (plan.toCompare.has(story.id) ? plan.compare(story) : story));
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

/**
 * An article as the corpus stages read it: its text and metadata, its sentences, times, event
 * mentions and event reports (the events stage dates reports from them), and of its entities and
 * places only what clustering reads (no provenance, no dictionary or gazetteer extras). A run over
 * 100k articles holds every one of them at once, so every field left out counts.
 */
export function corpusView(article: Article): Article {
  const { sentences, entities, places, times, events, eventReports } = article.annotations;
  return {
    ...article,
    removed: [],
    credits: [],
    annotations: {
      ...emptyAnnotations(),
      sentences,
      times,
      events,
      entities: entities.map(({ start, end, text, type, canonical, actorId }) => ({
        start,
        end,
        text,
        type,
        canonical,
        actorId,
        provenance: CORPUS_PROVENANCE,
      })),
      places: places.map(
        ({ start, end, text, name, geonameId, lat, lon, countryCode, admin1, feature, confidence }) => ({
          start,
          end,
          text,
          name,
          ...(geonameId === undefined ? {} : { geonameId }),
          lat,
          lon,
          ...(countryCode === undefined ? {} : { countryCode }),
          ...(admin1 === undefined ? {} : { admin1 }),
          feature,
          confidence,
          provenance: CORPUS_PROVENANCE,
        }),
      ),
      ...(eventReports ? { eventReports } : {}),
    },
  };
}

/** Mentions in a corpus view share one provenance: where they came from is not what is read there. */
const CORPUS_PROVENANCE: Provenance = Object.freeze({ stage: "analyze", method: "corpus-view" });

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
