import type { Article, Event, Story } from "../model/index.js";

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
  /** Stories are recomputed per run: the new set replaces the old one, with the ids it is given. */
  replaceStories(stories: Story[]): void;
  /** Events are recomputed per run like stories (their ids stay stable): the new set replaces the old. */
  replaceEvents(events: Event[]): void;
  getArticle(id: string): Article | undefined;
  /** In the order they were first stored. */
  listArticles(): Article[];
  /** In the order of the last `replaceStories`. */
  listStories(): Story[];
  /** In the order of the last `replaceEvents`. */
  listEvents(): Event[];
  counts(): { articles: number; stories: number; events: number };
  close(): void;
}
