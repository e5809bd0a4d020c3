import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { PROTEST, QUAKE } from "../export/test-support.js";
import { type Article, emptyAnnotations, type Fact, type Story } from "../model/index.js";
import { MIGRATIONS } from "./migrations.js";
import { ftsQuery, storyColumns } from "./queries.js";
import { applyMigrations, openSqliteStore } from "./sqlite.js";

function article(id: string, text: string, outlet: string, published: string, title: string): Article {
  return {
    id,
    origin: { locator: `${id}.txt` },
    authors: [],
    outlet: { value: outlet, source: "record" },
    title: { value: title, source: "record" },
    published: { value: published, precision: "day", source: "record" },
    text,
    contentHash: createHash("sha256").update(text).digest("hex"),
    removed: [],
    credits: [],
    extractedBy: { stage: "extract", method: "test" },
    diagnostics: [],
    annotations: emptyAnnotations(),
  };
}

const fact = (
  id: string,
  statuses: ("agree" | "conflict" | "only" | "absent")[],
  omittedBy?: string[],
): Fact => ({
  id,
  kind: "number",
  label: id,
  cells: statuses.map((status, i) => ({ articleId: `a${i}`, outlet: `O${i}`, status, wording: [] })),
  independentSources: statuses.length,
  ...(omittedBy ? { omittedBy } : {}),
});

const ARTICLES = [
  article(
    "q1",
    "A magnitude 6.1 earthquake struck the coast at dawn, killing 40.",
    "Coast Times",
    "2024-03-02",
    "Quake kills 40",
  ),
  article(
    "q2",
    "Rescuers searched rubble after the earthquake; 45 are feared dead.",
    "Daily Wire",
    "2024-03-03",
    "Rescue after quake",
  ),
  article(
    "p1",
    "Teachers marched through the capital demanding higher pay.",
    "Coast Times",
    "2024-03-08T10:00:00Z",
    "Teachers march",
  ),
  article(
    "e1",
    "Voters went to the polls on Sunday in a tight mayoral election.",
    "Ballot News",
    "2023-10-01",
    "Election day",
  ),
];

const STORIES: Story[] = [
  {
    id: "quake",
    title: "Earthquake",
    articleIds: ["q1", "q2"],
    firstPublished: "2024-03-02",
    lastPublished: "2024-03-03",
    eventIds: ["q1#e1"],
    comparison: {
      outlets: ["Coast Times", "Daily Wire"],
      facts: [
        fact("toll", ["conflict", "conflict"]),
        fact("when", ["only", "absent"], ["Daily Wire"]),
        fact("ok", ["agree", "agree"]),
      ],
    },
  },
  {
    id: "march",
    title: "Teachers march",
    articleIds: ["p1"],
    firstPublished: "2024-03-08T10:00:00Z",
    lastPublished: "2024-03-08T10:00:00Z",
    eventIds: ["p1#e1"],
  },
  {
    id: "vote",
    title: "Election",
    articleIds: ["e1"],
    firstPublished: "2023-10-01",
    lastPublished: "2023-10-01",
  },
];

function filled() {
  const store = openSqliteStore(":memory:");
  store.upsertArticles(ARTICLES);
  store.replaceStories(STORIES);
  store.replaceEvents([QUAKE, PROTEST]);
  return store;
}

const page = { limit: 50, offset: 0 };
const ids = (result: { stories: { id: string }[] }) => result.stories.map((s) => s.id);

describe("ftsQuery", () => {
  it("keeps words, phrases and prefixes, quoted, and nothing else", () => {
    expect(ftsQuery("earthquake coast")).toBe('"earthquake" "coast"');
    expect(ftsQuery('"supreme court" rul*')).toBe('"supreme court" "rul"*');
    expect(ftsQuery("NEAR(a b) OR title:x")).toBe('"NEAR" "a" "b" "OR" "title" "x"');
    expect(ftsQuery("')-- \" * ^")).toBeUndefined();
    expect(ftsQuery("São Paulo")).toBe('"São" "Paulo"');
  });

  it("every sanitised query is valid FTS5", () => {
    const db = new Database(":memory:");
    applyMigrations(db, MIGRATIONS);
    const match = db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?");
    for (const input of ['"', "*", "NEAR(", "')--", "a*b*", '"open', "x AND", "-x", "col:x", "\u0000"]) {
      const query = ftsQuery(input);
      if (query !== undefined) expect(() => match.get(query), input).not.toThrow();
    }
    db.close();
  });
});

describe("storyColumns", () => {
  it("counts conflicting and omitted facts", () => {
    expect(storyColumns(STORIES[0] as Story)).toEqual({ articleCount: 2, conflicts: 1, omissions: 1 });
    expect(storyColumns(STORIES[2] as Story)).toEqual({ articleCount: 1, conflicts: 0, omissions: 0 });
  });
});

describe("queryStories", () => {
  it("lists summaries, most recent first", () => {
    const store = filled();
    const result = store.queryStories(page);
    expect(result.total).toBe(3);
    expect(ids(result)).toEqual(["march", "quake", "vote"]);
    expect(result.stories[1]).toEqual({
      id: "quake",
      title: "Earthquake",
      firstPublished: "2024-03-02",
      lastPublished: "2024-03-03",
      articleCount: 2,
      outlets: ["Coast Times", "Daily Wire"],
      conflicts: 1,
      omissions: 1,
      places: [],
    });
    expect(result.stories[0]?.places).toEqual([PROTEST.fields.place.resolved?.name]);
    expect(ids(store.queryStories({ limit: 1, offset: 1 }))).toEqual(["quake"]);
    store.close();
  });

  it("searches, and filters by date, outlet, place and actor", () => {
    const store = filled();
    expect(ids(store.queryStories({ ...page, q: "earthquake" }))).toEqual(["quake"]);
    expect(ids(store.queryStories({ ...page, q: "rubb*" }))).toEqual(["quake"]);
    expect(ids(store.queryStories({ ...page, q: '"mayoral election"' }))).toEqual(["vote"]);
    expect(ids(store.queryStories({ ...page, q: "NEAR(" }))).toEqual([]);
    expect(ids(store.queryStories({ ...page, q: "')--" }))).toHaveLength(3);
    expect(ids(store.queryStories({ ...page, from: "2024-03-03" }))).toEqual(["march", "quake"]);
    expect(ids(store.queryStories({ ...page, to: "2024-03-08" }))).toEqual(["march", "quake", "vote"]);
    expect(ids(store.queryStories({ ...page, to: "2024-03-07" }))).toEqual(["quake", "vote"]);
    expect(ids(store.queryStories({ ...page, outlet: "coast times" }))).toEqual(["march", "quake"]);
    const square = PROTEST.fields.place.resolved?.name as string;
    expect(ids(store.queryStories({ ...page, place: square.toUpperCase() }))).toEqual(["march"]);
    expect(ids(store.queryStories({ ...page, actor: "protesters" }))).toEqual(["march"]);
    expect(ids(store.queryStories({ ...page, actor: "teachers' union" }))).toEqual(["march"]);
    expect(store.queryStories({ ...page, outlet: "Coast Times", q: "teachers" }).total).toBe(1);
    store.close();
  });
});

describe("queryEvents, getEvents, articleSummaries, version", () => {
  it("pages and filters events", () => {
    const store = filled();
    expect(store.queryEvents(page).events.map((e) => e.id)).toEqual([QUAKE.id, PROTEST.id]);
    expect(store.queryEvents({ ...page, country: "cl" }).events).toEqual([PROTEST]);
    expect(store.queryEvents({ ...page, type: "natural-disaster" }).events).toEqual([QUAKE]);
    expect(store.queryEvents({ ...page, type: "disasters" }).total).toBe(1);
    expect(store.queryEvents({ ...page, from: "2024-03-02", to: "2024-03-02" }).events).toEqual([QUAKE]);
    expect(store.queryEvents({ ...page, outlet: "daily wire" }).events).toEqual([QUAKE]);
    expect(store.queryEvents({ limit: 1, offset: 1 })).toEqual({ total: 2, events: [PROTEST] });
    store.close();
  });

  it("reads by ids in the order asked", () => {
    const store = filled();
    expect(store.getEvents([PROTEST.id, "nope", QUAKE.id])).toEqual([PROTEST, QUAKE]);
    expect(store.getArticles(["q2", "q1"]).map((a) => a.id)).toEqual(["q2", "q1"]);
    expect(store.articleSummaries(["q1"])).toEqual([
      {
        id: "q1",
        title: "Quake kills 40",
        outlet: "Coast Times",
        published: "2024-03-02",
        locator: "q1.txt",
      },
    ]);
    expect(store.getStory("vote")?.title).toBe("Election");
    expect(store.getStory("nope")).toBeUndefined();
    store.close();
  });

  it("counts writes, so a cache can tell it is stale; profiles outlets", () => {
    const store = filled();
    const before = store.version();
    store.replaceStories(STORIES);
    expect(store.version()).toBeGreaterThan(before);
    expect(store.outletProfiles().map((p) => p.outlet)).toEqual(["Coast Times", "Ballot News", "Daily Wire"]);
    store.close();
  });

  it("fills the query columns of a database made before them, without duplicating", () => {
    const path = join(mkdtempSync(join(tmpdir(), "parallax-store-")), "old.db");
    const db = new Database(path);
    applyMigrations(db, MIGRATIONS.slice(0, 3));
    const json = (a: Article) => JSON.stringify(a);
    for (const [seq, a] of ARTICLES.entries())
      db.prepare("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(
        seq + 1,
        a.id,
        a.contentHash,
        null,
        a.outlet?.value,
        a.title?.value,
        a.published?.value,
        json(a),
      );
    for (const [position, s] of STORIES.entries())
      db.prepare("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?)").run(
        s.id,
        position,
        s.title,
        s.firstPublished,
        s.lastPublished,
        JSON.stringify(s),
      );
    db.prepare(
      "INSERT INTO events (id, position, type, sub_type, confidence, json) VALUES (?, 0, ?, ?, 0.5, ?)",
    ).run(PROTEST.id, PROTEST.type, PROTEST.subType, JSON.stringify(PROTEST));
    db.close();
    const store = openSqliteStore(path);
    expect(ids(store.queryStories({ ...page, outlet: "Coast Times" }))).toEqual(["march", "quake"]);
    expect(store.queryStories({ ...page, actor: "protesters" }).total).toBe(1);
    expect(store.counts()).toEqual({ articles: 4, stories: 3, events: 1 });
    store.close();
  });
});
