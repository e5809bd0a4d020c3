import { dayKeySql, UNKNOWN_FIRST_DAY, UNKNOWN_LAST_DAY } from "./queries.js";

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

/**
 * Ranks the stories in the list's order and rebuilds what the list filters by that depends on
 * stories and articles: run after every replaceStories (stories are replaced as a whole). The
 * ranks change with every story set, so the event-derived tables are rebuilt after it too.
 */
export const REFRESH_STORY_LIST_SQL = `
  UPDATE stories SET list_rank = ranked.list_rank
    FROM (SELECT id, row_number() OVER (ORDER BY last_published DESC, id) AS list_rank FROM stories) AS ranked
    WHERE stories.id = ranked.id;
  DELETE FROM story_list_articles;
  INSERT OR IGNORE INTO story_list_articles (article_seq, story_rank)
    SELECT sa.article_seq, s.list_rank FROM story_articles sa JOIN stories s ON s.id = sa.story_id
    WHERE sa.article_seq IS NOT NULL;
  DELETE FROM story_list_outlets;
  INSERT OR IGNORE INTO story_list_outlets (outlet, story_rank)
    SELECT so.outlet, s.list_rank FROM story_outlets so JOIN stories s ON s.id = so.story_id;
  DELETE FROM story_list_spans;
  INSERT INTO story_list_spans (story_rank, first_lo, first_hi, last_lo, last_hi)
    SELECT list_rank, first_day, first_day, last_day, last_day FROM (
      SELECT list_rank,
        coalesce(${dayKeySql("first_published")}, ${UNKNOWN_FIRST_DAY}) AS first_day,
        coalesce(${dayKeySql("last_published")}, ${UNKNOWN_LAST_DAY}) AS last_day
      FROM stories);
`;

/** Rebuilds what the story list filters by that comes from events: after replaceEvents and replaceStories. */
export const REFRESH_STORY_EVENT_LIST_SQL = `
  DELETE FROM story_list_places;
  INSERT OR IGNORE INTO story_list_places (place, story_rank)
    SELECT e.place_name, s.list_rank FROM story_events se
    JOIN events e ON e.id = se.event_id JOIN stories s ON s.id = se.story_id
    WHERE e.place_name IS NOT NULL;
  DELETE FROM story_list_geonames;
  INSERT OR IGNORE INTO story_list_geonames (geoname_id, story_rank)
    SELECT e.geoname_id, s.list_rank FROM story_events se
    JOIN events e ON e.id = se.event_id JOIN stories s ON s.id = se.story_id
    WHERE e.geoname_id IS NOT NULL;
  DELETE FROM story_list_actors;
  INSERT OR IGNORE INTO story_list_actors (actor, story_rank)
    SELECT a.actor, s.list_rank FROM story_events se
    JOIN (SELECT event_id, actor_id AS actor FROM event_actors WHERE actor_id IS NOT NULL
          UNION ALL SELECT event_id, name FROM event_actors) a ON a.event_id = se.event_id
    JOIN stories s ON s.id = se.story_id;
`;

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
  {
    id: 5,
    name: "list-order",
    // At 100k articles a filtered story list joined its matches to stories and sorted them (40-100
    // ms). Each story now carries its rank in the list's order (last_published DESC, id), and what
    // the list filters by is kept in tables keyed (value, rank) WITHOUT ROWID: a page is an index
    // range already in order, its count a range count. They are rebuilt by the writes that change
    // them (REFRESH_STORY_LIST_SQL, REFRESH_STORY_EVENT_LIST_SQL) and filled here from what a v4
    // database holds. A later migration that changes those tables must not change what these two
    // constants do at this point: copy them into this migration first.
    sql: `
      ALTER TABLE stories ADD COLUMN list_rank INTEGER;
      -- Covering: a page of ranks becomes ids, and a date filter checks its exact bounds, without
      -- reading a (large) story row.
      CREATE INDEX stories_rank ON stories (list_rank, id, last_published, first_published);
      -- Ranks are not rowids, which VACUUM may renumber in a table without an INTEGER PRIMARY KEY.
      CREATE TABLE story_list_articles (
        article_seq INTEGER NOT NULL, story_rank INTEGER NOT NULL, PRIMARY KEY (article_seq, story_rank)
      ) WITHOUT ROWID;
      CREATE TABLE story_list_outlets (
        outlet TEXT NOT NULL COLLATE NOCASE, story_rank INTEGER NOT NULL, PRIMARY KEY (outlet, story_rank)
      ) WITHOUT ROWID;
      CREATE TABLE story_list_places (
        place TEXT NOT NULL COLLATE NOCASE, story_rank INTEGER NOT NULL, PRIMARY KEY (place, story_rank)
      ) WITHOUT ROWID;
      CREATE TABLE story_list_geonames (
        geoname_id INTEGER NOT NULL, story_rank INTEGER NOT NULL, PRIMARY KEY (geoname_id, story_rank)
      ) WITHOUT ROWID;
      -- An actor's id and its name are both keys: the filter takes either.
      CREATE TABLE story_list_actors (
        actor TEXT NOT NULL COLLATE NOCASE, story_rank INTEGER NOT NULL, PRIMARY KEY (actor, story_rank)
      ) WITHOUT ROWID;
      -- A date range overlaps a story's span when the story begins before its end and ends after its
      -- start: two inequalities on two columns, which no B-tree index answers; an R*Tree over the
      -- points (first day, last day) does. Days are keys YYYYMMDD (dayKeySql), a story without a
      -- readable date is kept at the far ends, so the tree finds every candidate and the exact text
      -- bounds are checked after it.
      CREATE VIRTUAL TABLE story_list_spans USING rtree_i32 (story_rank, first_lo, first_hi, last_lo, last_hi);
      -- The event list filtered by country or type is read in stored order through these; the
      -- one-column indexes they extend are dropped.
      DROP INDEX IF EXISTS events_country;
      DROP INDEX IF EXISTS events_sub_type;
      DROP INDEX IF EXISTS events_type;
      CREATE INDEX events_country_position ON events (country, position);
      CREATE INDEX events_type_position ON events (type, position);
      CREATE INDEX events_sub_type_position ON events (sub_type, position);
      -- What the story list was read through before the ranks; no query uses them now.
      DROP INDEX IF EXISTS stories_id_dates;
      DROP INDEX IF EXISTS stories_first;
      DROP INDEX IF EXISTS story_articles_seq;
      ${REFRESH_STORY_LIST_SQL}
      ${REFRESH_STORY_EVENT_LIST_SQL}
    `,
  },
  {
    id: 6,
    name: "ingest-checkpoints",
    // A run at scale commits each input with what it gave (ingested_inputs), so a run killed midway
    // and started again skips what it finished; fetch_validators keeps each URL's ETag and
    // Last-Modified for conditional requests; stories.basis fingerprints what a story's comparison
    // was computed from, so only stories whose articles or events changed are compared again.
    sql: `
      CREATE TABLE ingested_inputs (
        locator TEXT NOT NULL,
        record INTEGER NOT NULL,
        input_hash TEXT NOT NULL,
        article_ids TEXT NOT NULL,
        PRIMARY KEY (locator, record)
      ) WITHOUT ROWID;
      CREATE TABLE fetch_validators (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT
      ) WITHOUT ROWID;
      ALTER TABLE stories ADD COLUMN basis TEXT;
    `,
  },
];
