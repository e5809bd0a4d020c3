import Database from "better-sqlite3";
import type { Article, Event, Story } from "../model/index.js";
import { MIGRATIONS, type Migration } from "./migrations.js";
import type { Store } from "./store.js";

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
    applyMigrations(db, MIGRATIONS);
  } catch (e) {
    db.close();
    throw e;
  }
  return createSqliteStore(db);
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
    insert: db.prepare(`INSERT INTO articles (id, content_hash, url, outlet, title, published, json)
      VALUES (@id, @contentHash, @url, @outlet, @title, @published, @json)`),
    update:
      db.prepare(`UPDATE articles SET id = @id, content_hash = @contentHash, url = @url, outlet = @outlet,
      title = @title, published = @published, json = @json WHERE seq = @seq`),
    ftsDelete: db.prepare("DELETE FROM articles_fts WHERE rowid = ?"),
    ftsInsert: db.prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)"),
    getArticle: db.prepare("SELECT json FROM articles WHERE id = ?"),
    listArticles: db.prepare("SELECT json FROM articles ORDER BY seq"),
    clearStoryArticles: db.prepare("DELETE FROM story_articles"),
    clearStories: db.prepare("DELETE FROM stories"),
    insertStory: db.prepare(`INSERT INTO stories (id, position, title, first_published, last_published, json)
      VALUES (?, ?, ?, ?, ?, ?)`),
    insertStoryArticle: db.prepare(
      "INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?, ?)",
    ),
    listStories: db.prepare("SELECT json FROM stories ORDER BY position"),
    clearEventArticles: db.prepare("DELETE FROM event_articles"),
    clearEvents: db.prepare("DELETE FROM events"),
    insertEvent:
      db.prepare(`INSERT INTO events (id, position, type, sub_type, event_date, country, confidence, json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
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
  }

  const upsertArticles = db.transaction((articles: Article[]) => {
    const result = { inserted: 0, updated: 0 };
    for (const article of articles) {
      const existing = findExisting(article);
      writeArticle(article, existing);
      if (existing) result.updated++;
      else result.inserted++;
    }
    return result;
  });

  const replaceStories = db.transaction((stories: Story[]) => {
    sql.clearStoryArticles.run();
    sql.clearStories.run();
    stories.forEach((story, position) => {
      const { id, title, firstPublished, lastPublished } = story;
      sql.insertStory.run(
        id,
        position,
        title,
        firstPublished ?? null,
        lastPublished ?? null,
        JSON.stringify(story),
      );
      for (const articleId of story.articleIds) sql.insertStoryArticle.run(id, articleId);
    });
  });

  const replaceEvents = db.transaction((events: Event[]) => {
    sql.clearEventArticles.run();
    sql.clearEvents.run();
    events.forEach((event, position) => {
      sql.insertEvent.run(
        event.id,
        position,
        event.type,
        event.subType,
        event.fields.date.resolved?.value ?? null,
        event.fields.place.resolved?.countryCode ?? null,
        event.confidence,
        JSON.stringify(event),
      );
      for (const { articleId } of event.reports) sql.insertEventArticle.run(event.id, articleId);
    });
  });

  return {
    upsertArticles: (articles) => upsertArticles(articles),
    replaceStories: (stories) => replaceStories(stories),
    replaceEvents: (events) => replaceEvents(events),
    getArticle(id) {
      const row = sql.getArticle.get(id) as { json: string } | undefined;
      return row ? (JSON.parse(row.json) as Article) : undefined;
    },
    listArticles: () =>
      (sql.listArticles.all() as { json: string }[]).map((row) => JSON.parse(row.json) as Article),
    listStories: () =>
      (sql.listStories.all() as { json: string }[]).map((row) => JSON.parse(row.json) as Story),
    listEvents: () =>
      (sql.listEvents.all() as { json: string }[]).map((row) => JSON.parse(row.json) as Event),
    counts: () => sql.counts.get() as { articles: number; stories: number; events: number },
    close() {
      if (db.open) db.close();
    },
  };
}
