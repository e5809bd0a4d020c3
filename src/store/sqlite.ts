import Database from "better-sqlite3";
import { articleLabel } from "../common/labels.js";
import type { Article, Event, Story } from "../model/index.js";
import { createOutletProfiler } from "../profile/index.js";
import { MIGRATIONS, type Migration } from "./migrations.js";
import { eventActors, ftsQuery, STORY_SUMMARY_PLACES, storyColumns, storyOutlets } from "./queries.js";
import type { ArticleSummary, EventFilters, Store, StoryFilters, StorySummary } from "./store.js";

type Db = Database.Database;

/** How long a write waits for another process's lock before failing: a run is not interactive. */
const BUSY_TIMEOUT_MS = 5000;

interface ArticleRow {
  seq: number;
  url: string | null;
}

/**
 * A Store in one SQLite file (":memory:" for tests). The schema comes from numbered migrations;
 * the journal is WAL so a reader (the server) does not block the writer (a CLI run).
 */
export function openSqliteStore(path: string): Store {
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const applied = applyMigrations(db, MIGRATIONS);
    const store = createSqliteStore(db);
    if (applied.includes(QUERY_MIGRATION) && applied[0] !== 1) fillQueryColumns(db, store);
    return store;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** The migration that added the columns and tables the API queries by. */
const QUERY_MIGRATION = 4;

/**
 * A database made before the query migration has its articles, stories and events but not what
 * was added to find them: labels are computed once here, stories and events written again.
 */
function fillQueryColumns(db: Db, store: Store): void {
  const rows = db
    .prepare("SELECT seq, outlet, url, json_extract(json, '$.origin.locator') AS locator FROM articles")
    .all() as { seq: number; outlet: string | null; url: string | null; locator: string | null }[];
  const setLabel = db.prepare("UPDATE articles SET label = ? WHERE seq = ?");
  db.transaction(() => {
    for (const row of rows) {
      const label = articleLabel({
        ...(row.outlet ? { outlet: { value: row.outlet, source: "stored" } } : {}),
        ...(row.url ? { url: row.url } : {}),
        origin: { locator: row.locator ?? "" },
      });
      setLabel.run(label, row.seq);
    }
  })();
  store.replaceStories(store.listStories());
  store.replaceEvents(store.listEvents());
}

/** Applies, each in its own transaction, the migrations the database has not seen; returns their ids. */
export function applyMigrations(db: Db, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`);
  const applied = new Set(
    (db.prepare("SELECT id FROM schema_migrations").all() as { id: number }[]).map((row) => row.id),
  );
  const known = Math.max(0, ...migrations.map((m) => m.id));
  const newer = [...applied].filter((id) => id > known);
  if (newer.length > 0) {
    throw new Error(
      `store: the database has migration ${Math.max(...newer)}, newer than this version knows (${known})`,
    );
  }
  const record = db.prepare("INSERT INTO schema_migrations (id, name) VALUES (?, ?)");
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, migration.name);
    })();
    done.push(migration.id);
  }
  return done;
}

function createSqliteStore(db: Db): Store {
  const sql = {
    byId: db.prepare("SELECT seq, url FROM articles WHERE id = ?"),
    byHash: db.prepare("SELECT seq, url FROM articles WHERE content_hash = ? ORDER BY seq"),
    insert: db.prepare(`INSERT INTO articles (id, content_hash, url, outlet, title, published, label, json)
      VALUES (@id, @contentHash, @url, @outlet, @title, @published, @label, @json)`),
    update:
      db.prepare(`UPDATE articles SET id = @id, content_hash = @contentHash, url = @url, outlet = @outlet,
      title = @title, published = @published, label = @label, json = @json WHERE seq = @seq`),
    ftsDelete: db.prepare("DELETE FROM articles_fts WHERE rowid = ?"),
    ftsInsert: db.prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)"),
    getArticle: db.prepare("SELECT json FROM articles WHERE id = ?"),
    listArticles: db.prepare("SELECT json FROM articles ORDER BY seq"),
    clearStoryArticles: db.prepare("DELETE FROM story_articles"),
    clearStories: db.prepare("DELETE FROM stories"),
    insertStory: db.prepare(`INSERT INTO stories (id, position, title, first_published, last_published,
      article_count, conflicts, omissions, outlets_json, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertStoryOutlet: db.prepare("INSERT OR IGNORE INTO story_outlets (story_id, outlet) VALUES (?, ?)"),
    insertStoryEvent: db.prepare("INSERT OR IGNORE INTO story_events (story_id, event_id) VALUES (?, ?)"),
    labelOf: db.prepare("SELECT label FROM articles WHERE id = ?").pluck(),
    insertStoryArticle: db.prepare(`INSERT OR IGNORE INTO story_articles (story_id, article_id, article_seq)
      VALUES (@story, @article, (SELECT seq FROM articles WHERE id = @article))`),
    linkStoryArticle: db.prepare("UPDATE story_articles SET article_seq = ? WHERE article_id = ?"),
    listStories: db.prepare("SELECT json FROM stories ORDER BY position"),
    clearEventArticles: db.prepare("DELETE FROM event_articles"),
    clearEvents: db.prepare("DELETE FROM events"),
    insertEvent:
      db.prepare(`INSERT INTO events (id, position, type, sub_type, event_date, country, confidence,
      place_name, geoname_id, report_count, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertEventActor: db.prepare("INSERT INTO event_actors (event_id, actor_id, name) VALUES (?, ?, ?)"),
    bumpVersion: db.prepare("UPDATE store_meta SET value = value + 1 WHERE key = 'version'"),
    version: db.prepare("SELECT value FROM store_meta WHERE key = 'version'").pluck(),
    getStory: db.prepare("SELECT json FROM stories WHERE id = ?").pluck(),
    // json_each keeps the order asked for, in one statement whatever the number of ids.
    getArticles: db
      .prepare("SELECT a.json FROM json_each(?) j JOIN articles a ON a.id = j.value ORDER BY j.key")
      .pluck(),
    articleSummaries: db.prepare(`SELECT a.id, a.title, a.label, a.published, a.url,
      json_extract(a.json, '$.origin.locator') AS locator
      FROM json_each(?) j JOIN articles a ON a.id = j.value ORDER BY j.key`),
    getEvents: db
      .prepare("SELECT e.json FROM json_each(?) j JOIN events e ON e.id = j.value ORDER BY j.key")
      .pluck(),
    storySummaries: db.prepare(`SELECT s.id, s.title, s.first_published, s.last_published, s.article_count,
      s.outlets_json, s.conflicts, s.omissions FROM json_each(?) j JOIN stories s ON s.id = j.value ORDER BY j.key`),
    storyPlaces: db
      .prepare(
        `SELECT e.place_name FROM story_events se JOIN events e ON e.id = se.event_id
        WHERE se.story_id = ? AND e.place_name IS NOT NULL
        GROUP BY e.place_name ORDER BY sum(e.report_count) DESC, count(*) DESC, e.place_name LIMIT ?`,
      )
      .pluck(),
    insertEventArticle: db.prepare(
      "INSERT OR IGNORE INTO event_articles (event_id, article_id) VALUES (?, ?)",
    ),
    listEvents: db.prepare("SELECT json FROM events ORDER BY position"),
    counts:
      db.prepare(`SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM stories) AS stories,
      (SELECT count(*) FROM events) AS events`),
  };

  /** The stored row this article is a new version of, if any. */
  function findExisting(article: Article): ArticleRow | undefined {
    const sameId = sql.byId.get(article.id) as ArticleRow | undefined;
    if (sameId) return sameId;
    // The same text at two different URLs is a republication (wire copy): two articles to compare.
    const sameText = sql.byHash.all(article.contentHash) as ArticleRow[];
    return sameText.find((row) => row.url === null || article.url === undefined || row.url === article.url);
  }

  function writeArticle(article: Article, existing: ArticleRow | undefined): void {
    const row = {
      id: article.id,
      contentHash: article.contentHash,
      url: article.url ?? null,
      outlet: article.outlet?.value ?? null,
      label: articleLabel(article),
      title: article.title?.value ?? null,
      published: article.published?.value ?? null,
      // Tokens are the bulk of an analysed article and are derived again from the text when needed.
      json: JSON.stringify({ ...article, annotations: { ...article.annotations, tokens: [] } }),
    };
    let seq: number;
    if (existing) {
      sql.update.run({ ...row, seq: existing.seq });
      sql.ftsDelete.run(existing.seq);
      seq = existing.seq;
    } else {
      seq = Number(sql.insert.run(row).lastInsertRowid);
    }
    sql.ftsInsert.run(seq, row.title ?? "", article.text);
    sql.linkStoryArticle.run(seq, article.id);
  }

  const upsertArticles = db.transaction((articles: Article[]) => {
    sql.bumpVersion.run();
    const result = { inserted: 0, updated: 0 };
    for (const article of articles) {
      const existing = findExisting(article);
      writeArticle(article, existing);
      if (existing) result.updated++;
      else result.inserted++;
    }
    return result;
  });

  const labelOf = (articleId: string) =>
    (sql.labelOf.get(articleId) as string | null | undefined) ?? undefined;

  const replaceStories = db.transaction((stories: Story[]) => {
    sql.bumpVersion.run();
    sql.clearStoryArticles.run();
    sql.clearStories.run(); // story_outlets and story_events go with them (ON DELETE CASCADE)
    stories.forEach((story, position) => {
      const { id, title, firstPublished, lastPublished } = story;
      const columns = storyColumns(story);
      const outlets = storyOutlets(story, labelOf);
      sql.insertStory.run(
        id,
        position,
        title,
        firstPublished ?? null,
        lastPublished ?? null,
        columns.articleCount,
        columns.conflicts,
        columns.omissions,
        JSON.stringify(outlets),
        JSON.stringify(story),
      );
      for (const articleId of story.articleIds) sql.insertStoryArticle.run({ story: id, article: articleId });
      for (const outlet of outlets) sql.insertStoryOutlet.run(id, outlet);
      for (const eventId of story.eventIds ?? []) sql.insertStoryEvent.run(id, eventId);
    });
  });

  const replaceEvents = db.transaction((events: Event[]) => {
    sql.bumpVersion.run();
    sql.clearEventArticles.run();
    sql.clearEvents.run(); // event_actors go with them (ON DELETE CASCADE)
    events.forEach((event, position) => {
      const place = event.fields.place.resolved;
      sql.insertEvent.run(
        event.id,
        position,
        event.type,
        event.subType,
        event.fields.date.resolved?.value ?? null,
        event.fields.place.resolved?.countryCode ?? null,
        event.confidence,
        place?.name ?? null,
        place?.geonameId ?? null,
        event.reports.length,
        JSON.stringify(event),
      );
      for (const { articleId } of event.reports) sql.insertEventArticle.run(event.id, articleId);
      for (const actor of eventActors(event))
        sql.insertEventActor.run(event.id, actor.actorId ?? null, actor.name);
    });
  });

  function getEvents(ids: readonly string[]): Event[] {
    return (sql.getEvents.all(JSON.stringify(ids)) as string[]).map((json) => JSON.parse(json) as Event);
  }

  function listArticles(): Article[] {
    return (sql.listArticles.all() as { json: string }[]).map((row) => JSON.parse(row.json) as Article);
  }

  function listStories(): Story[] {
    return (sql.listStories.all() as { json: string }[]).map((row) => JSON.parse(row.json) as Story);
  }

  function queryStories(filters: StoryFilters): { total: number; stories: StorySummary[] } {
    const where = storyConditions(filters);
    // Ids first, the summary columns of the page after: they follow the (large) JSON in the row.
    // Filtered, the matches are looked up in an index that covers id and dates, so a search
    // matching most stories reads no story row; unfiltered, the page comes off the date index.
    const page = pageOf<{ id: string }>(
      `SELECT s.id FROM stories s${where.sql.length > 0 ? " INDEXED BY stories_id_dates" : ""}`,
      "ORDER BY s.last_published DESC, s.id",
      where,
      filters,
    );
    const rows = sql.storySummaries.all(JSON.stringify(page.rows.map((r) => r.id))) as StoryRow[];
    const stories = rows.map((row) => ({
      id: row.id,
      title: row.title,
      ...(row.first_published ? { firstPublished: row.first_published } : {}),
      ...(row.last_published ? { lastPublished: row.last_published } : {}),
      articleCount: row.article_count,
      outlets: JSON.parse(row.outlets_json) as string[],
      conflicts: row.conflicts,
      omissions: row.omissions,
      places: sql.storyPlaces.all(row.id, STORY_SUMMARY_PLACES) as string[],
    }));
    return { total: page.total, stories };
  }

  function queryEvents(filters: EventFilters): { total: number; events: Event[] } {
    const where = eventConditions(filters);
    // Ids first: a window count keeps every matching row it reads, and event rows are large.
    const { total, rows } = pageOf<{ id: string }>(
      "SELECT e.id FROM events e",
      "ORDER BY e.position",
      where,
      filters,
    );
    return { total, events: getEvents(rows.map((row) => row.id)) };
  }

  /**
   * One page of a filtered table and the number of rows matching. Unfiltered, the count is the
   * table's and the page comes off an index; filtered, both come from one pass (a window count),
   * so a costly condition such as a search is evaluated once, not twice.
   */
  function pageOf<Row>(
    select: string,
    order: string,
    where: Conditions,
    page: { limit: number; offset: number },
  ): { total: number; rows: Row[] } {
    const from = select.slice(select.lastIndexOf(" FROM "));
    const count = (clause: string) =>
      db
        .prepare(`SELECT count(*) ${from} ${clause}`)
        .pluck()
        .get(...where.params) as number;
    if (where.sql.length === 0) {
      const rows = db.prepare(`${select} ${order} LIMIT ? OFFSET ?`).all(page.limit, page.offset) as Row[];
      return { total: count(""), rows };
    }
    const clause = `WHERE ${where.sql.join(" AND ")}`;
    const rows = db
      .prepare(
        `${select.replace(/ FROM /, ", count(*) OVER () AS total_rows FROM ")} ${clause} ${order} LIMIT ? OFFSET ?`,
      )
      .all(...where.params, page.limit, page.offset) as (Row & { total_rows: number })[];
    // Past the last page there is no row to carry the count.
    const total = rows[0]?.total_rows ?? (page.offset > 0 ? count(clause) : 0);
    return { total, rows: rows.map(({ total_rows: _total, ...row }) => row as Row) };
  }

  return {
    upsertArticles: (articles) => upsertArticles(articles),
    replaceStories: (stories) => replaceStories(stories),
    replaceEvents: (events) => replaceEvents(events),
    getArticle(id) {
      const row = sql.getArticle.get(id) as { json: string } | undefined;
      return row ? (JSON.parse(row.json) as Article) : undefined;
    },
    listArticles,
    listStories,
    listEvents: () =>
      (sql.listEvents.all() as { json: string }[]).map((row) => JSON.parse(row.json) as Event),
    counts: () => sql.counts.get() as { articles: number; stories: number; events: number },
    version: () => sql.version.get() as number,
    queryStories,
    getStory(id) {
      const json = sql.getStory.get(id) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as Story);
    },
    getArticles: (ids) =>
      (sql.getArticles.all(JSON.stringify(ids)) as string[]).map((json) => JSON.parse(json) as Article),
    articleSummaries: (ids) =>
      (sql.articleSummaries.all(JSON.stringify(ids)) as SummaryRow[]).map(articleSummary),
    getEvents,
    queryEvents,
    outletProfiles: () => createOutletProfiler()(listStories(), listArticles()),
    close() {
      if (db.open) db.close();
    },
  };
}

interface StoryRow {
  id: string;
  title: string;
  first_published: string | null;
  last_published: string | null;
  article_count: number;
  outlets_json: string;
  conflicts: number;
  omissions: number;
}

interface SummaryRow {
  id: string;
  title: string | null;
  label: string | null;
  published: string | null;
  url: string | null;
  locator: string | null;
}

function articleSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    ...(row.title ? { title: row.title } : {}),
    ...(row.label ? { outlet: row.label } : {}),
    ...(row.published ? { published: row.published } : {}),
    ...(row.url ? { url: row.url } : {}),
    locator: row.locator ?? "",
  };
}

/** SQL conditions ANDed, with their parameters in order. Every user value is a bound parameter. */
interface Conditions {
  sql: string[];
  params: (string | number)[];
}

/**
 * A date bound for ISO strings compared as text: "YYYY-MM-DD" sorts before any time of that
 * day, and "YYYY-MM-DD~" after them all ("~" sorts after digits, "T" and "Z").
 */
const END_OF_DAY = "~";

function storyConditions(filters: StoryFilters): Conditions {
  const where: Conditions = { sql: [], params: [] };
  const match = filters.q === undefined ? undefined : ftsQuery(filters.q);
  if (match !== undefined) {
    where.sql
      .push(`s.id IN (SELECT sa.story_id FROM articles_fts f JOIN story_articles sa ON sa.article_seq = f.rowid
      WHERE articles_fts MATCH ?)`);
    where.params.push(match);
  }
  // A story overlaps the range: it ends on or after `from` and begins on or before `to`.
  if (filters.from !== undefined) {
    where.sql.push("s.last_published >= ?");
    where.params.push(filters.from);
  }
  if (filters.to !== undefined) {
    where.sql.push("s.first_published <= ?");
    where.params.push(filters.to + END_OF_DAY);
  }
  if (filters.place !== undefined) {
    const byId = /^\d+$/.test(filters.place);
    where.sql.push(`s.id IN (SELECT se.story_id FROM events e JOIN story_events se ON se.event_id = e.id
      WHERE ${byId ? "e.geoname_id = ?" : "e.place_name = ?"})`);
    where.params.push(byId ? Number(filters.place) : filters.place);
  }
  if (filters.outlet !== undefined) {
    where.sql.push("s.id IN (SELECT story_id FROM story_outlets WHERE outlet = ?)");
    where.params.push(filters.outlet);
  }
  if (filters.actor !== undefined) {
    where.sql
      .push(`s.id IN (SELECT se.story_id FROM event_actors ea JOIN story_events se ON se.event_id = ea.event_id
      WHERE ea.actor_id = ? OR ea.name = ?)`);
    where.params.push(filters.actor, filters.actor);
  }
  return where;
}

function eventConditions(filters: EventFilters): Conditions {
  const where: Conditions = { sql: [], params: [] };
  if (filters.from !== undefined) {
    where.sql.push("e.event_date >= ?");
    where.params.push(filters.from);
  }
  if (filters.to !== undefined) {
    where.sql.push("e.event_date <= ?");
    where.params.push(filters.to + END_OF_DAY);
  }
  if (filters.country !== undefined) {
    where.sql.push("e.country = ?");
    where.params.push(filters.country.toUpperCase());
  }
  if (filters.type !== undefined) {
    where.sql.push("(e.type = ? OR e.sub_type = ?)");
    where.params.push(filters.type, filters.type);
  }
  if (filters.outlet !== undefined) {
    where.sql.push(`e.id IN (SELECT ea.event_id FROM articles a JOIN event_articles ea ON ea.article_id = a.id
      WHERE a.label = ? COLLATE NOCASE)`);
    where.params.push(filters.outlet);
  }
  return where;
}
