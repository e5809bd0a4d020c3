/**
 * The SQLite schema, as numbered migrations. Each is applied once, in a transaction, and
 * recorded in `schema_migrations`; a new change is a new migration appended here, never an
 * edit of one already released.
 */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: "articles",
    // `seq` is the rowid the full-text index refers to; an explicit INTEGER PRIMARY KEY keeps
    // it stable through VACUUM. The article itself is JSON; columns copy what queries filter on.
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT,
        json TEXT NOT NULL
      );
      CREATE INDEX articles_content_hash ON articles (content_hash);
      CREATE INDEX articles_url ON articles (url);
      CREATE INDEX articles_outlet ON articles (outlet);
      CREATE INDEX articles_published ON articles (published);
      -- Contentless: the text already lives in articles.json; the index only needs to match.
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    id: 2,
    name: "stories",
    sql: `
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        first_published TEXT,
        last_published TEXT,
        json TEXT NOT NULL
      );
      -- Not a foreign key to articles: a story may be stored before or without its articles.
      CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        PRIMARY KEY (story_id, article_id)
      );
      CREATE INDEX story_articles_article ON story_articles (article_id);
    `,
  },
  {
    id: 3,
    name: "events",
    // Events are recomputed per run, like stories. The event is JSON; columns copy what an export
    // or a query filters on: the resolved date, type and country (ISO 3166-1 alpha-2).
    sql: `
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        type TEXT NOT NULL,
        sub_type TEXT NOT NULL,
        event_date TEXT,
        country TEXT,
        confidence REAL NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX events_date ON events (event_date);
      CREATE INDEX events_type ON events (type, sub_type);
      CREATE INDEX events_country ON events (country);
      -- Not a foreign key to articles, as for stories: which articles report an event.
      CREATE TABLE event_articles (
        event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        PRIMARY KEY (event_id, article_id)
      );
      CREATE INDEX event_articles_article ON event_articles (article_id);
    `,
  },
];
