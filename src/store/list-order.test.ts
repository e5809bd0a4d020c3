import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { buildEvent, field, sourced } from "../export/test-support.js";
import {
  type Article,
  emptyAnnotations,
  type EventActor,
  type EventPlace,
  type Story,
} from "../model/index.js";
import { MIGRATIONS } from "./migrations.js";
import { dayKey } from "./queries.js";
import { openSqliteStore } from "./sqlite.js";
import type { StoryFilters } from "./store.js";

// Migration 5: the story list's order and filters kept as (value, rank) tables and an R*Tree.

function article(id: string, text: string, outlet: string): Article {
  return {
    id,
    origin: { locator: `${id}.txt` },
    authors: [],
    outlet: { value: outlet, source: "record" },
    title: { value: text.split(" ").slice(0, 3).join(" "), source: "record" },
    text,
    contentHash: createHash("sha256").update(text).digest("hex"),
    removed: [],
    credits: [],
    extractedBy: { stage: "extract", method: "test" },
    diagnostics: [],
    annotations: emptyAnnotations(),
  };
}

const ARTICLES = [
  article("vote-a", "Voters chose a new mayor in a tight election on Sunday.", "Ballot News"),
  article("vote-b", "The mayoral election went to a recount after a narrow result.", "City Herald"),
  article("court-a", "The supreme court struck down the new tax law on Tuesday.", "Court Wire"),
  article("quake-a", "A strong earthquake shook the island; rescuers searched the rubble.", "Ballot News"),
];

/** Dates of every form a story may carry: days, times with offsets, a month only, none, junk. */
function story(id: string, articleIds: string[], first?: string, last?: string, eventIds?: string[]): Story {
  return {
    id,
    title: `Story ${id}`,
    articleIds,
    ...(first !== undefined ? { firstPublished: first } : {}),
    ...(last !== undefined ? { lastPublished: last } : {}),
    ...(eventIds ? { eventIds } : {}),
  };
}

const STORIES: Story[] = [
  story("vote", ["vote-a", "vote-b"], "2024-03-02", "2024-03-05T23:30:00-05:00", ["vote#e1"]),
  story("court", ["court-a"], "2024-03", "2024-03", ["court#e1"]),
  story("quake", ["quake-a"], "2024-02-28T08:00:00Z", "2024-03-05", ["quake#e1"]),
  story("tie", [], "2024-03-05", "2024-03-05"),
  story("undated", []),
  story("junk", [], "sometime", "later"),
  story("old", [], "2019-12-31", "2020-01-01"),
];

const mayor: EventActor = {
  name: "Electoral Commission",
  actorId: "electoral-commission",
  category: "civilians",
};
const townHall: EventPlace = {
  name: "Town Hall",
  lat: 10,
  lon: 20,
  countryCode: "CL",
  precision: "exact",
  geonameId: 4242,
};
const island: EventPlace = { name: "Green Island", lat: 5, lon: 6, countryCode: "JP", precision: "near" };

const EVENTS = [
  buildEvent("vote#e1", "strategic-developments", "agreement", ["vote-a"], {
    actor1: field([sourced(mayor, "vote-a")], mayor, "one source"),
    place: field([sourced(townHall, "vote-a")], townHall, "one source"),
  }),
  buildEvent("court#e1", "strategic-developments", "other", ["court-a"], {}),
  buildEvent("quake#e1", "disasters", "natural-disaster", ["quake-a"], {
    place: field([sourced(island, "quake-a")], island, "one source"),
  }),
];

const dir = mkdtempSync(join(tmpdir(), "parallax-list-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function filledStore() {
  const path = join(dir, `store-${files++}.db`);
  const store = openSqliteStore(path);
  store.upsertArticles(ARTICLES);
  store.replaceStories(STORIES);
  store.replaceEvents(EVENTS);
  return { store, path };
}

const page = { limit: 50, offset: 0 };
const ids = (result: { stories: { id: string }[] }) => result.stories.map((s) => s.id);

/** The list's order as SQLite sorts it: last published descending (none last), then id. */
function listOrder(a: Story, b: Story): number {
  const [x, y] = [a.lastPublished, b.lastPublished];
  if (x !== y) {
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return x > y ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What the date filter meant before the R*Tree: ISO strings compared as text. */
function overlapsAsText(s: Story, from?: string, to?: string): boolean {
  if (from !== undefined && !(s.lastPublished !== undefined && s.lastPublished >= from)) return false;
  if (to !== undefined && !(s.firstPublished !== undefined && s.firstPublished <= `${to}~`)) return false;
  return true;
}

function rowsOf(path: string, sql: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe("dayKey", () => {
  it("orders days as their ISO strings do", () => {
    expect(dayKey("2024-03-05")).toBe(20240305);
    expect(dayKey("2024-03-05T23:30:00-05:00")).toBe(20240305);
    expect(dayKey("2024-03")).toBeUndefined();
    expect(dayKey("later")).toBeUndefined();
    const days = ["2019-12-31", "2020-01-01", "2024-02-29", "2024-03-01"];
    const keys = days.map((d) => dayKey(d) as number);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  });
});

describe("the story list's tables", () => {
  it("ranks stories in list order and fills every filter table; a new story set replaces them", () => {
    const { store, path } = filledStore();
    const ranked = rowsOf(path, "SELECT id FROM stories ORDER BY list_rank") as { id: string }[];
    expect(ranked.map((r) => r.id)).toEqual([...STORIES].sort(listOrder).map((s) => s.id));
    const rankOf = (id: string) => ranked.findIndex((r) => r.id === id) + 1;
    expect(rowsOf(path, "SELECT * FROM story_list_outlets ORDER BY outlet, story_rank")).toEqual(
      [
        { outlet: "Ballot News", story_rank: rankOf("vote") },
        { outlet: "Ballot News", story_rank: rankOf("quake") },
        { outlet: "City Herald", story_rank: rankOf("vote") },
        { outlet: "Court Wire", story_rank: rankOf("court") },
      ].sort((a, b) => a.outlet.localeCompare(b.outlet) || a.story_rank - b.story_rank),
    );
    expect(rowsOf(path, "SELECT count(*) AS n FROM story_list_articles")).toEqual([{ n: 4 }]);
    expect(rowsOf(path, "SELECT count(*) AS n FROM story_list_spans")).toEqual([{ n: STORIES.length }]);
    expect(rowsOf(path, "SELECT * FROM story_list_places ORDER BY place")).toEqual([
      { place: "Green Island", story_rank: rankOf("quake") },
      { place: "Town Hall", story_rank: rankOf("vote") },
    ]);
    expect(rowsOf(path, "SELECT * FROM story_list_geonames")).toEqual([
      { geoname_id: 4242, story_rank: rankOf("vote") },
    ]);
    expect(rowsOf(path, "SELECT actor FROM story_list_actors ORDER BY actor")).toEqual([
      { actor: "Electoral Commission" },
      { actor: "electoral-commission" },
    ]);

    store.replaceStories([story("court", ["court-a"], "2024-03-01", "2024-03-01", ["court#e1"])]);
    for (const table of ["story_list_articles", "story_list_outlets", "story_list_spans"])
      expect(rowsOf(path, `SELECT story_rank FROM ${table}`)).toEqual([{ story_rank: 1 }]);
    for (const table of ["story_list_places", "story_list_geonames", "story_list_actors"])
      expect(rowsOf(path, `SELECT story_rank FROM ${table}`)).toEqual([]);
    store.replaceStories([]);
    expect(rowsOf(path, "SELECT count(*) AS n FROM story_list_spans")).toEqual([{ n: 0 }]);
    expect(store.queryStories({ ...page, outlet: "Court Wire" })).toEqual({ total: 0, stories: [] });
    store.close();
  });

  it("follows replaceEvents: places and actors come and go with the events", () => {
    const { store } = filledStore();
    expect(ids(store.queryStories({ ...page, place: "town hall" }))).toEqual(["vote"]);
    expect(ids(store.queryStories({ ...page, place: "4242" }))).toEqual(["vote"]);
    expect(ids(store.queryStories({ ...page, actor: "ELECTORAL-COMMISSION" }))).toEqual(["vote"]);
    store.replaceEvents([]);
    expect(store.queryStories({ ...page, place: "Town Hall" }).total).toBe(0);
    expect(store.queryStories({ ...page, actor: "Electoral Commission" }).total).toBe(0);
    store.replaceEvents(EVENTS);
    expect(ids(store.queryStories({ ...page, place: "Green Island" }))).toEqual(["quake"]);
    store.close();
  });

  it("filters by dates exactly as the text comparison did, whatever form a date has", () => {
    const { store } = filledStore();
    const days = [
      undefined,
      "2019-12-31",
      "2020-01-01",
      "2024-02-28",
      "2024-03-01",
      "2024-03-05",
      "2024-03-06",
    ];
    for (const from of days)
      for (const to of days) {
        const filters: StoryFilters = { ...page, ...(from ? { from } : {}), ...(to ? { to } : {}) };
        const expected = STORIES.filter((s) => overlapsAsText(s, from, to)).sort(listOrder);
        const result = store.queryStories(filters);
        expect(ids(result), JSON.stringify({ from, to })).toEqual(expected.map((s) => s.id));
        expect(result.total).toBe(expected.length);
      }
    store.close();
  });

  it("combines filters, pages and counts", () => {
    const { store } = filledStore();
    expect(ids(store.queryStories({ ...page, outlet: "ballot news" }))).toEqual(["vote", "quake"]);
    expect(store.queryStories({ limit: 1, offset: 1, outlet: "Ballot News" })).toMatchObject({
      total: 2,
      stories: [{ id: "quake" }],
    });
    expect(ids(store.queryStories({ ...page, outlet: "Ballot News", q: "election" }))).toEqual(["vote"]);
    expect(ids(store.queryStories({ ...page, q: "election", from: "2024-03-06" }))).toEqual([]);
    expect(ids(store.queryStories({ ...page, q: "mayor*" }))).toEqual(["vote"]); // two articles, once
    expect(store.queryStories({ ...page, q: "mayor*" }).total).toBe(1);
    expect(ids(store.queryStories({ ...page, place: "Green Island", to: "2024-02-28" }))).toEqual(["quake"]);
    expect(store.queryStories({ limit: 50, offset: 10, q: "election" })).toEqual({ total: 1, stories: [] });
    store.close();
  });

  it("finds by search an article stored after its story", () => {
    const path = join(dir, `late-${files++}.db`);
    const store = openSqliteStore(path);
    store.replaceStories(STORIES);
    expect(store.queryStories({ ...page, q: "supreme court" }).total).toBe(0);
    store.upsertArticles(ARTICLES);
    expect(ids(store.queryStories({ ...page, q: "supreme court" }))).toEqual(["court"]);
    store.close();
  });
});

/** Takes a database back to migration 4 as it was released (what an old database holds). */
function downgradeToV4(path: string): void {
  const db = new Database(path);
  db.exec(`
    DROP TABLE ingested_inputs; DROP TABLE fetch_validators; ALTER TABLE stories DROP COLUMN basis;
    DELETE FROM schema_migrations WHERE id = 6;
    DROP INDEX stories_rank;
    ALTER TABLE stories DROP COLUMN list_rank;
    DROP TABLE story_list_articles; DROP TABLE story_list_outlets; DROP TABLE story_list_places;
    DROP TABLE story_list_geonames; DROP TABLE story_list_actors; DROP TABLE story_list_spans;
    DROP INDEX events_country_position; DROP INDEX events_type_position; DROP INDEX events_sub_type_position;
    CREATE INDEX events_type ON events (type, sub_type);
    CREATE INDEX events_country ON events (country);
    CREATE INDEX events_sub_type ON events (sub_type);
    CREATE INDEX stories_id_dates ON stories (id, last_published, first_published);
    CREATE INDEX stories_first ON stories (first_published);
    CREATE INDEX story_articles_seq ON story_articles (article_seq, story_id);
    DELETE FROM schema_migrations WHERE id = 5;
  `);
  db.close();
}

describe("migration 5", () => {
  it("upgrades a v4 database in place: the same answers, through the new tables", () => {
    const { store, path } = filledStore();
    const asks: StoryFilters[] = [
      page,
      { ...page, outlet: "Ballot News" },
      { ...page, place: "Town Hall" },
      { ...page, actor: "electoral-commission" },
      { ...page, q: "election" },
      { ...page, from: "2024-03-01", to: "2024-03-05" },
    ];
    const before = asks.map((f) => store.queryStories(f));
    const events = store.queryEvents({ ...page, country: "cl" });
    store.close();
    downgradeToV4(path);
    expect(rowsOf(path, "SELECT max(id) AS id FROM schema_migrations")).toEqual([{ id: 4 }]);

    const upgraded = openSqliteStore(path);
    expect(asks.map((f) => upgraded.queryStories(f))).toEqual(before);
    expect(upgraded.queryEvents({ ...page, country: "cl" })).toEqual(events);
    upgraded.close();
    expect(rowsOf(path, "SELECT max(id) AS id FROM schema_migrations")).toEqual([
      { id: Math.max(...MIGRATIONS.map((m) => m.id)) },
    ]);
    expect(rowsOf(path, "SELECT count(*) AS n FROM story_list_spans")).toEqual([{ n: STORIES.length }]);
  });
});
