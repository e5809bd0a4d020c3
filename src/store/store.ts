import type {
  Article,
  ArticleSummary,
  CopyGroup,
  Event,
  OutletProfile,
  Story,
  StorySummary,
} from "../model/index.js";

export type { ArticleSummary, StorySummary } from "../model/index.js";
import type { ExportSource } from "../export/index.js";

/**
 * Where articles, stories and events persist between runs. SQLite is the first backend; a PostgreSQL
 * one can implement the same interface. Each call that writes does so in one transaction.
 */
export interface Store {
  /**
   * Inserts new articles and updates those already stored, never duplicating one. An article
   * is the stored one with the same id or, failing that, with the same content hash (unless
   * both have URLs and they differ: that is the same text republished elsewhere).
   */
  upsertArticles(articles: Article[]): { inserted: number; updated: number };
  /**
   * One input's articles and its checkpoint in one transaction: after a crash an input is either
   * wholly stored (and skipped by the next run) or not at all.
   */
  commitInput(input: IngestedInput, articles: readonly Article[]): { inserted: number; updated: number };
  /** What the last commit of this input (file, URL, or record of a container) recorded. */
  ingestedInput(locator: string, record?: number): IngestedInput | undefined;
  /**
   * Every article in store order with only what dedupe, clustering and the events stage read (text,
   * metadata, entities, places, times, event reports), each passed through `view` as it is read
   * (to keep less of it: see corpusView), so a corpus of 100k articles fits in memory.
   */
  corpusArticles(view?: (article: Article) => Article): Article[];
  /** The fingerprint of what each stored story's comparison was computed from (see replaceCorpus). */
  storyBases(): Map<string, string>;
  /**
   * Stories, with the basis of each one's comparison, and events of a run, in one transaction.
   * Stories are read from the iterable one at a time as they are written (so it may compute them
   * lazily); a story without a comparison keeps the one stored under its id.
   */
  replaceCorpus(
    stories: Iterable<Story>,
    events: Event[],
    bases: ReadonlyMap<string, string>,
    /** Articles whose copy group changed: the new group, or null for none. */
    copyGroups?: ReadonlyMap<string, CopyGroup | null>,
  ): void;
  /** Every story without its comparison (what clustering needs of the stored stories), in stored order. */
  storyOutlines(): Story[];
  /** ETag and Last-Modified per URL, for conditional requests. */
  readonly validators: {
    get(url: string): { etag?: string; lastModified?: string } | undefined;
    set(url: string, validators: { etag?: string; lastModified?: string }): void;
  };
  /** Stories are recomputed per run: the new set replaces the old one, with the ids it is given. */
  replaceStories(stories: Iterable<Story>): void;
  /** Events are recomputed per run like stories (their ids stay stable): the new set replaces the old. */
  replaceEvents(events: Event[]): void;
  getArticle(id: string): Article | undefined;
  /** In the order they were first stored. */
  listArticles(): Article[];
  /** What a streaming export reads, page by page, so that a large store is never held whole. */
  exportSource(pageSize?: number): ExportSource;
  /** In the order of the last `replaceStories`. */
  listStories(): Story[];
  /** In the order of the last `replaceEvents`. */
  listEvents(): Event[];
  counts(): { articles: number; stories: number; events: number };
  /** Grows with every write (by this or another process): what a reader keys a derived cache by. */
  version(): number;
  /** One page of stories matching the filters, most recent first, and how many match in all. */
  queryStories(filters: StoryFilters): Page<StorySummary, "stories">;
  getStory(id: string): Story | undefined;
  /** The stored ones of these articles, in the order asked; unknown ids are left out. */
  getArticles(ids: readonly string[]): Article[];
  /** What a list shows of these articles, read without their JSON; unknown ids are left out. */
  articleSummaries(ids: readonly string[]): ArticleSummary[];
  /** The stored ones of these events, in the order asked. */
  getEvents(ids: readonly string[]): Event[];
  /** One page of events matching the filters, in stored order, and how many match in all. */
  queryEvents(filters: EventFilters): Page<Event, "events">;
  /** Every outlet across the stored stories (createOutletProfiler): reads every story, so cache it by version(). */
  outletProfiles(): OutletProfile[];
  close(): void;
}

/** An input a run finished: where it was, a hash of its bytes, and the articles it gave. */
export interface IngestedInput {
  locator: string;
  record?: number;
  inputHash: string;
  articleIds: string[];
}

export type Page<T, K extends string> = { total: number } & Record<K, T[]>;

/** Filters of a story list; each one given narrows it. Dates are YYYY-MM-DD, both ends included. */
export interface StoryFilters {
  /** Words of a full-text search over article titles and texts (see ftsQuery for what is kept). */
  q?: string;
  from?: string;
  to?: string;
  /** A resolved place of one of the story's events: its name (any case) or GeoNames id. */
  place?: string;
  /** An outlet label (any case). */
  outlet?: string;
  /** A resolved actor of one of the story's events: its actor id or name (any case). */
  actor?: string;
  limit: number;
  offset: number;
}

export interface EventFilters {
  from?: string;
  to?: string;
  /** ISO 3166-1 alpha-2 code of the resolved place (any case). */
  country?: string;
  /** A taxonomy type or sub-type id. */
  type?: string;
  /** The label of an outlet among the reporting articles (any case). */
  outlet?: string;
  limit: number;
  offset: number;
}
