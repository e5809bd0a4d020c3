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
  {
    id: 4,
    name: "queries",
    // What the HTTP API filters and lists by, copied out of the JSON at write time so a page of a
    // 100k-article store is read through indexes. `label` is the article's outlet as a reader
    // sees it (articleLabel); `store_meta.version` counts writes, so a reader can tell its cache
    // of something derived from the whole store (outlet profiles) is stale.
    sql: `
      ALTER TABLE articles ADD COLUMN label TEXT;
      -- With id, so "articles of an outlet" never reads the (large) article rows.
      CREATE INDEX articles_label ON articles (label COLLATE NOCASE, id);
      -- The full-text index names articles by seq: a search reaches its stories through this index
      -- alone, without reading an article row per match.
      ALTER TABLE story_articles ADD COLUMN article_seq INTEGER;
      CREATE INDEX story_articles_seq ON story_articles (article_seq, story_id);
      ALTER TABLE stories ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE stories ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE stories ADD COLUMN omissions INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE stories ADD COLUMN outlets_json TEXT NOT NULL DEFAULT '[]';
      CREATE INDEX stories_recent ON stories (last_published DESC, id);
      CREATE INDEX stories_first ON stories (first_published);
      -- Covering: a search sorts its matched stories by date without reading a story row.
      CREATE INDEX stories_id_dates ON stories (id, last_published, first_published);
      CREATE TABLE story_outlets (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        outlet TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (story_id, outlet)
      );
      CREATE INDEX story_outlets_outlet ON story_outlets (outlet);
      CREATE TABLE story_events (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        PRIMARY KEY (story_id, event_id)
      );
      CREATE INDEX story_events_event ON story_events (event_id);
      ALTER TABLE events ADD COLUMN place_name TEXT COLLATE NOCASE;
      ALTER TABLE events ADD COLUMN geoname_id INTEGER;
      ALTER TABLE events ADD COLUMN report_count INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX events_position ON events (position);
      CREATE INDEX events_place ON events (place_name);
      CREATE INDEX events_geoname ON events (geoname_id);
      CREATE INDEX events_sub_type ON events (sub_type);
      -- The resolved actors of each event (actor1, actor2, associated), for the stories' actor filter.
      CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        actor_id TEXT COLLATE NOCASE,
        name TEXT NOT NULL COLLATE NOCASE
      );
      CREATE INDEX event_actors_event ON event_actors (event_id);
      CREATE INDEX event_actors_id ON event_actors (actor_id);
      CREATE INDEX event_actors_name ON event_actors (name);
      CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT INTO store_meta (key, value) VALUES ('version', 0);
    `,
  },
];
