import Database from "better-sqlite3";
import { articleLabel } from "../common/labels.js";
import type { Article, CopyGroup, Event, Story } from "../model/index.js";
import type { ExportArticle, ExportSource } from "../export/index.js";

/** Events or stories read per page by an export: enough to amortise a query, few enough to hold. */
const EXPORT_PAGE_SIZE = 1000;
import { createOutletProfiler, type ProfiledArticle } from "../profile/index.js";
import {
  MIGRATIONS,
  type Migration,
  REFRESH_STORY_EVENT_LIST_SQL,
  REFRESH_STORY_LIST_SQL,
} from "./migrations.js";
import {
  dayKey,
  eventActors,
  ftsQuery,
  STORY_SUMMARY_PLACES,
  storyColumns,
  storyOutlets,
} from "./queries.js";
import type {
  ArticleSummary,
  EventFilters,
  IngestedInput,
  Store,
  StoryFilters,
  StorySummary,
} from "./store.js";

type Db = Database.Database;

/**
 * Annotations and fields dedupe, clustering and the events stage never read: a corpus read for
 * them gets empty lists instead (an article's text, sentences, entities, places, times, event
 * mentions and event reports stay).
 */
const CORPUS_EMPTIED = [
  "$.removed",
  "$.credits",
  "$.annotations.tokens",
  "$.annotations.quantities",
  "$.annotations.quotes",
  "$.annotations.attributions",
  "$.annotations.framing",
  "$.annotations.actorLabels",
  "$.annotations.loadedSentences",
] as const;

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
  // Per connection: where replaceCorpus parks the comparisons of stories it keeps while it rewrites them.
  db.exec("CREATE TEMP TABLE IF NOT EXISTS kept_comparisons (id TEXT PRIMARY KEY, comparison TEXT NOT NULL)");
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
    // An article stored after its story: the search reaches the story through it from now on.
    listStoryArticle: db.prepare(`INSERT OR IGNORE INTO story_list_articles (article_seq, story_rank)
      SELECT ?, s.list_rank FROM story_articles sa JOIN stories s ON s.id = sa.story_id
      WHERE sa.article_id = ? AND s.list_rank IS NOT NULL`),
    listStories: db.prepare("SELECT json FROM stories ORDER BY position"),
    // What an outlet profile needs of each article, read inside SQLite: parsing 100k articles'
    // annotations in JavaScript would take gigabytes.
    profiledArticles: db.prepare(`SELECT id, outlet, url, json_extract(json, '$.outlet') AS outlet_json,
      json_extract(json, '$.origin') AS origin_json,
      coalesce(json_array_length(json, '$.annotations.sentences'), 0) AS sentences FROM articles`),
    eventPage: db.prepare("SELECT json FROM events WHERE position >= ? AND position < ? ORDER BY position"),
    storyPage: db.prepare("SELECT json FROM stories WHERE position >= ? AND position < ? ORDER BY position"),
    exportArticlesById: db.prepare(`SELECT id, url, json_extract(json, '$.outlet') AS outlet_json,
      json_extract(json, '$.origin') AS origin_json,
      coalesce(json_extract(json, '$.annotations.places'), '[]') AS places_json
      FROM articles WHERE id IN (SELECT value FROM json_each(?))`),

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
      s.outlets_json, s.conflicts, s.omissions FROM json_each(?) j JOIN stories s ON s.list_rank = j.value
      ORDER BY j.key`),
    storyRanks: db.prepare("SELECT list_rank FROM stories ORDER BY list_rank LIMIT ? OFFSET ?").pluck(),
    storyCount: db.prepare("SELECT count(*) FROM stories").pluck(),
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
    getInput: db.prepare(
      "SELECT input_hash, article_ids FROM ingested_inputs WHERE locator = ? AND record = ?",
    ),
    putInput: db.prepare(`INSERT INTO ingested_inputs (locator, record, input_hash, article_ids)
      VALUES (?, ?, ?, ?) ON CONFLICT (locator, record) DO UPDATE SET input_hash = excluded.input_hash,
      article_ids = excluded.article_ids`),
    // What the corpus stages do not read is emptied inside SQLite, before any JSON reaches JavaScript.
    corpusArticles:
      db.prepare(`SELECT json_set(json, ${CORPUS_EMPTIED.map((path) => `'${path}', json('[]')`).join(", ")})
      AS json FROM articles ORDER BY seq`),
    setCopyGroup: db.prepare(
      "UPDATE articles SET json = json_set(json, '$.copyGroup', json(?)) WHERE id = ?",
    ),
    dropCopyGroup: db.prepare("UPDATE articles SET json = json_remove(json, '$.copyGroup') WHERE id = ?"),
    clearKept: db.prepare("DELETE FROM temp.kept_comparisons"),
    keepComparisons: db.prepare(`INSERT INTO temp.kept_comparisons (id, comparison)
      SELECT id, json_extract(json, '$.comparison') FROM stories
      WHERE json_extract(json, '$.comparison') IS NOT NULL`),
    keptComparison: db.prepare("SELECT comparison FROM temp.kept_comparisons WHERE id = ?").pluck(),
    storyOutlines: db.prepare(
      "SELECT json_remove(json, '$.comparison') AS json FROM stories ORDER BY position",
    ),
    storyBases: db.prepare("SELECT id, basis FROM stories WHERE basis IS NOT NULL"),
    setBasis: db.prepare("UPDATE stories SET basis = ? WHERE id = ?"),
    getValidators: db.prepare("SELECT etag, last_modified FROM fetch_validators WHERE url = ?"),
    putValidators: db.prepare(`INSERT INTO fetch_validators (url, etag, last_modified) VALUES (?, ?, ?)
      ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified`),
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
    sql.listStoryArticle.run(seq, article.id);
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

  /** A container's record or -1: the key's second half cannot be NULL in a primary key. */
  const recordKey = (record: number | undefined) => record ?? -1;

  const commitInput = db.transaction((input: IngestedInput, articles: readonly Article[]) => {
    const result = upsertArticles([...articles]);
    sql.putInput.run(
      input.locator,
      recordKey(input.record),
      input.inputHash,
      JSON.stringify(input.articleIds),
    );
    return result;
  });

  function ingestedInput(locator: string, record?: number): IngestedInput | undefined {
    const row = sql.getInput.get(locator, recordKey(record)) as
      { input_hash: string; article_ids: string } | undefined;
    if (!row) return undefined;
    return {
      locator,
      ...(record === undefined ? {} : { record }),
      inputHash: row.input_hash,
      articleIds: JSON.parse(row.article_ids) as string[],
    };
  }

  function corpusArticles(view: (article: Article) => Article = (article) => article): Article[] {
    const articles: Article[] = [];
    for (const row of sql.corpusArticles.iterate() as IterableIterator<{ json: string }>)
      articles.push(view(JSON.parse(row.json) as Article));
    return articles;
  }

  function storyBases(): Map<string, string> {
    const rows = sql.storyBases.all() as { id: string; basis: string }[];
    return new Map(rows.map((row) => [row.id, row.basis]));
  }

  const replaceCorpus = db.transaction(
    (
      stories: Iterable<Story>,
      events: Event[],
      bases: ReadonlyMap<string, string>,
      copyGroups: ReadonlyMap<string, CopyGroup | null> = new Map(),
    ) => {
      for (const [id, group] of copyGroups)
        if (group) sql.setCopyGroup.run(JSON.stringify(group), id);
        else sql.dropCopyGroup.run(id);
      sql.clearKept.run();
      sql.keepComparisons.run();
      replaceStories(withKeptComparisons(stories));
      sql.clearKept.run();
      replaceEvents(events);
      for (const [id, basis] of bases) sql.setBasis.run(basis, id);
    },
  );

  /** Stories given without a comparison take the one stored under their id, read one at a time. */
  function* withKeptComparisons(stories: Iterable<Story>): Generator<Story> {
    for (const story of stories) {
      if (story.comparison) {
        yield story;
        continue;
      }
      const kept = sql.keptComparison.get(story.id) as string | undefined;
      yield kept ? { ...story, comparison: JSON.parse(kept) as Story["comparison"] } : story;
    }
  }

  const validators = {
    get(url: string) {
      const row = sql.getValidators.get(url) as
        { etag: string | null; last_modified: string | null } | undefined;
      if (!row) return undefined;
      return {
        ...(row.etag ? { etag: row.etag } : {}),
        ...(row.last_modified ? { lastModified: row.last_modified } : {}),
      };
    },
    set(url: string, value: { etag?: string; lastModified?: string }) {
      sql.putValidators.run(url, value.etag ?? null, value.lastModified ?? null);
    },
  };

  const labelOf = (articleId: string) =>
    (sql.labelOf.get(articleId) as string | null | undefined) ?? undefined;

  const replaceStories = db.transaction((stories: Iterable<Story>) => {
    sql.bumpVersion.run();
    sql.clearStoryArticles.run();
    sql.clearStories.run(); // story_outlets and story_events go with them (ON DELETE CASCADE)
    let position = 0;
    for (const story of stories) {
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
      position++;
    }
    db.exec(REFRESH_STORY_LIST_SQL);
    db.exec(REFRESH_STORY_EVENT_LIST_SQL);
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
    db.exec(REFRESH_STORY_EVENT_LIST_SQL);
  });

  function getEvents(ids: readonly string[]): Event[] {
    return (sql.getEvents.all(JSON.stringify(ids)) as string[]).map((json) => JSON.parse(json) as Event);
  }

  function listArticles(): Article[] {
    return (sql.listArticles.all() as { json: string }[]).map((row) => JSON.parse(row.json) as Article);
  }

  /** Every story, one at a time, with only what a profile reads (no wordings), to keep memory low. */
  function storiesForProfiles(): Story[] {
    const stories: Story[] = [];
    for (const row of sql.listStories.iterate() as IterableIterator<{ json: string }>)
      stories.push(withoutWordings(JSON.parse(row.json) as Story));
    return stories;
  }

  function profiledArticles(): ProfiledArticle[] {
    return (sql.profiledArticles.all() as ProfiledRow[]).map((row) => ({
      id: row.id,
      ...(row.outlet_json ? { outlet: JSON.parse(row.outlet_json) as Article["outlet"] } : {}),
      ...(row.url ? { url: row.url } : {}),
      origin: JSON.parse(row.origin_json) as Article["origin"],
      sentenceCount: row.sentences,
    }));
  }

  /** The articles of `ids` as an export reads them, in the order asked (unknown ids left out). */
  function exportArticlesOf(ids: readonly string[]): ExportArticle[] {
    const byId = new Map(
      (sql.exportArticlesById.all(JSON.stringify(ids)) as ExportRow[]).map((row) => [
        row.id,
        exportArticle(row),
      ]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Rows in store order, `size` at a time: each page is read whole, so no statement stays open
   * between pages and the caller may query the store while it goes.
   */
  function* pages<T>(statement: Database.Statement, size: number): Generator<T[]> {
    for (let from = 0; ; from += size) {
      const rows = statement.all(from, from + size) as { json: string }[];
      if (rows.length === 0) return;
      yield rows.map((row) => JSON.parse(row.json) as T);
    }
  }

  function exportSource(pageSize = EXPORT_PAGE_SIZE): ExportSource {
    return {
      eventPages: () => pages<Event>(sql.eventPage, pageSize),
      storyPages: () => pages<Story>(sql.storyPage, pageSize),
      articles: exportArticlesOf,
      events: getEvents,
    };
  }

  function exportArticle(row: ExportRow): ExportArticle {
    return {
      id: row.id,
      ...(row.outlet_json ? { outlet: JSON.parse(row.outlet_json) as Article["outlet"] } : {}),
      ...(row.url ? { url: row.url } : {}),
      origin: JSON.parse(row.origin_json) as Article["origin"],
      annotations: { places: JSON.parse(row.places_json) as Article["annotations"]["places"] },
    };
  }

  function listStories(): Story[] {
    return (sql.listStories.all() as { json: string }[]).map((row) => JSON.parse(row.json) as Story);
  }

  function queryStories(filters: StoryFilters): { total: number; stories: StorySummary[] } {
    const { total, ranks } = storyRankPage(filters);
    // The summary columns follow the (large) JSON in the row: read for the page only.
    const rows = sql.storySummaries.all(JSON.stringify(ranks)) as StoryRow[];
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
    return { total, stories };
  }

  /**
   * The list ranks of one page of stories and how many match. Each filter is a set of ranks; the
   * first drives (an index range already in the list's order when it is an outlet, place or
   * actor), the others are IN lists SQLite builds once.
   */
  function storyRankPage(filters: StoryFilters): { total: number; ranks: number[] } {
    const sets = storyRankSets(filters);
    const [driver, ...others] = sets;
    if (driver === undefined) {
      const ranks = sql.storyRanks.all(filters.limit, filters.offset) as number[];
      return { total: sql.storyCount.get() as number, ranks };
    }
    const where = others.map((set) => `d.story_rank IN (${set.sql})`);
    const from = `FROM (${driver.sql}) d${where.length > 0 ? ` WHERE ${where.join(" AND ")}` : ""}`;
    const params = sets.flatMap((set) => set.params);
    const ranks = db
      .prepare(`SELECT d.story_rank ${from} ORDER BY d.story_rank LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, filters.limit, filters.offset) as number[];
    const total = db
      .prepare(`SELECT count(*) ${from}`)
      .pluck()
      .get(...params) as number;
    return { total, ranks };
  }

  function queryEvents(filters: EventFilters): { total: number; events: Event[] } {
    const where = eventConditions(filters);
    const clause = where.sql.length > 0 ? `WHERE ${where.sql.join(" AND ")}` : "";
    // Ids first, events after: event rows are large. The page walks an index in stored order
    // (country, type and sub-type have one each) and stops at the limit; the count is apart, as
    // a window count would read every matching row, not just the index.
    const ids = db
      .prepare(`SELECT e.id FROM events e ${clause} ORDER BY e.position LIMIT ? OFFSET ?`)
      .pluck()
      .all(...where.params, filters.limit, filters.offset) as string[];
    const total = db
      .prepare(`SELECT count(*) FROM events e ${clause}`)
      .pluck()
      .get(...where.params) as number;
    return { total, events: getEvents(ids) };
  }

  return {
    upsertArticles: (articles) => upsertArticles(articles),
    replaceStories: (stories) => replaceStories(stories),
    replaceEvents: (events) => replaceEvents(events),
    commitInput: (input, articles) => commitInput(input, articles),
    ingestedInput,
    corpusArticles,
    storyBases,
    storyOutlines: () =>
      (sql.storyOutlines.all() as { json: string }[]).map((row) => JSON.parse(row.json) as Story),
    replaceCorpus: (stories, events, bases, copyGroups) => replaceCorpus(stories, events, bases, copyGroups),
    validators,
    getArticle(id) {
      const row = sql.getArticle.get(id) as { json: string } | undefined;
      return row ? (JSON.parse(row.json) as Article) : undefined;
    },
    listArticles,
    exportSource,
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
    outletProfiles: () => createOutletProfiler()(storiesForProfiles(), profiledArticles()),
    close() {
      if (db.open) db.close();
    },
  };
}

interface ExportRow {
  id: string;
  url: string | null;
  outlet_json: string | null;
  origin_json: string;
  places_json: string;
}

interface ProfiledRow {
  id: string;
  url: string | null;
  outlet_json: string | null;
  origin_json: string;
  sentences: number;
}

/**
 * A story as an outlet profile reads it: statuses, kinds and omissions of its facts, and its
 * sourcing and framing views, without the quoted words and offsets that make up most of its size.
 */
function withoutWordings(story: Story): Story {
  const comparison = story.comparison;
  if (!comparison) return story;
  return {
    ...story,
    comparison: {
      ...comparison,
      facts: comparison.facts.map((f) => ({ ...f, cells: f.cells.map((c) => ({ ...c, wording: [] })) })),
      selected: [],
      sourcing: comparison.sourcing?.map((s) => ({
        ...s,
        speakers: s.speakers.map((q) => ({ ...q, wording: [] })),
        citations: s.citations.map((c) => ({ ...c, wording: [] })),
      })),
      framing: comparison.framing?.map((f) => ({
        ...f,
        labels: f.labels.map((l) => ({ ...l, wording: [] })),
        loadedWords: f.loadedWords.map((w) => ({ ...w, wording: [] })),
        mostLoaded: [],
      })),
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

/** The stories matching one filter, as SQL selecting each one's `story_rank` once. */
interface RankSet {
  sql: string;
  params: (string | number)[];
}

/** One set per filter given; ordered ranges (outlet, place, actor) first, as the best drivers. */
function storyRankSets(filters: StoryFilters): RankSet[] {
  const sets: RankSet[] = [];
  if (filters.outlet !== undefined)
    sets.push({
      sql: "SELECT story_rank FROM story_list_outlets WHERE outlet = ?",
      params: [filters.outlet],
    });
  if (filters.place !== undefined) {
    const byId = /^\d+$/.test(filters.place);
    sets.push(
      byId
        ? {
            sql: "SELECT story_rank FROM story_list_geonames WHERE geoname_id = ?",
            params: [Number(filters.place)],
          }
        : { sql: "SELECT story_rank FROM story_list_places WHERE place = ?", params: [filters.place] },
    );
  }
  if (filters.actor !== undefined)
    sets.push({ sql: "SELECT story_rank FROM story_list_actors WHERE actor = ?", params: [filters.actor] });
  const match = filters.q === undefined ? undefined : ftsQuery(filters.q);
  if (match !== undefined) {
    // Several articles of a story may match: DISTINCT keeps each story once.
    sets.push({
      sql: `SELECT DISTINCT l.story_rank FROM articles_fts f JOIN story_list_articles l ON l.article_seq = f.rowid
        WHERE articles_fts MATCH ?`,
      params: [match],
    });
  }
  if (filters.from !== undefined || filters.to !== undefined)
    sets.push(dateRankSet(filters.from, filters.to));
  return sets;
}

/**
 * Stories overlapping the range: they end on or after `from` and begin on or before `to`. The
 * R*Tree of day keys finds the candidates; the stored strings are compared after, so the answer
 * is that of the text comparison whatever a date looks like.
 */
function dateRankSet(from: string | undefined, to: string | undefined): RankSet {
  const set: RankSet = { sql: "", params: [] };
  const conditions: string[] = [];
  const fromKey = from === undefined ? undefined : dayKey(from);
  const toKey = to === undefined ? undefined : dayKey(to);
  if (fromKey !== undefined) {
    conditions.push("sp.last_hi >= ?");
    set.params.push(fromKey);
  }
  if (toKey !== undefined) {
    conditions.push("sp.first_lo <= ?");
    set.params.push(toKey);
  }
  if (from !== undefined) {
    conditions.push("s.last_published >= ?");
    set.params.push(from);
  }
  if (to !== undefined) {
    conditions.push("s.first_published <= ?");
    set.params.push(to + END_OF_DAY);
  }
  // CROSS JOIN: the tree drives; left to itself, SQLite walks a date index of stories instead.
  set.sql = `SELECT sp.story_rank FROM story_list_spans sp
    CROSS JOIN stories s INDEXED BY stories_rank ON s.list_rank = sp.story_rank
    WHERE ${conditions.join(" AND ")}`;
  return set;
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
