import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { type Article, emptyAnnotations, type Story } from "../model/index.js";
import { MIGRATIONS } from "./migrations.js";
import { applyMigrations, openSqliteStore } from "./sqlite.js";
import { BATTLE, PROTEST, QUAKE } from "../export/test-support.js";

function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    origin: { locator: `${id}.html` },
    authors: [],
    text,
    contentHash: createHash("sha256").update(text).digest("hex"),
    removed: [],
    credits: [],
    extractedBy: { stage: "extract", method: "test" },
    diagnostics: [],
    annotations: emptyAnnotations(),
    ...extra,
  };
}

const quake = article("quake-1", "A magnitude 6.1 earthquake struck the coast at dawn.", {
  url: "https://news.example/quake",
  outlet: { value: "Example News", source: "record" },
  title: { value: "Earthquake hits coast", source: "record" },
  published: { value: "2024-03-02", precision: "day", source: "record" },
});
const ruling = article("ruling-1", "The supreme court overturned the lower court's ruling on Tuesday.", {
  title: { value: "Court overturns ruling", source: "h1" },
});
const story = (id: string, articleIds: string[]): Story => ({ id, title: `Story ${id}`, articleIds });

describe("openSqliteStore(':memory:')", () => {
  it("stores and reads articles back", () => {
    const store = openSqliteStore(":memory:");
    expect(store.upsertArticles([quake, ruling])).toEqual({ inserted: 2, updated: 0 });
    expect(store.getArticle("quake-1")).toEqual(quake);
    expect(store.getArticle("nope")).toBeUndefined();
    expect(store.listArticles().map((a) => a.id)).toEqual(["quake-1", "ruling-1"]);
    expect(store.counts()).toEqual({ articles: 2, stories: 0, events: 0 });
    store.close();
  });

  it("updates an article ingested again by id, never duplicating it", () => {
    const store = openSqliteStore(":memory:");
    store.upsertArticles([quake]);
    const revised = article("quake-1", "A magnitude 6.3 earthquake struck the coast at dawn.", {
      url: quake.url,
    });
    expect(store.upsertArticles([revised])).toEqual({ inserted: 0, updated: 1 });
    expect(store.counts().articles).toBe(1);
    expect(store.getArticle("quake-1")?.text).toContain("6.3");
    store.close();
  });

  it("matches by content hash when the id changed, but not across different URLs", () => {
    const store = openSqliteStore(":memory:");
    const fromFile = article("hash-abc", ruling.text);
    store.upsertArticles([fromFile]);
    const fromRecord = article("given-7", ruling.text, { url: "https://court.example/ruling" });
    expect(store.upsertArticles([fromRecord])).toEqual({ inserted: 0, updated: 1 });
    expect(store.listArticles().map((a) => a.id)).toEqual(["given-7"]);
    const republished = article("other-outlet", ruling.text, { url: "https://elsewhere.example/ruling" });
    expect(store.upsertArticles([republished])).toEqual({ inserted: 1, updated: 0 });
    expect(store.counts().articles).toBe(2);
    store.close();
  });

  it("counts a duplicate within one call as an update", () => {
    const store = openSqliteStore(":memory:");
    expect(store.upsertArticles([quake, quake])).toEqual({ inserted: 1, updated: 1 });
    store.close();
  });

  it("writes one call in one transaction: a failure leaves nothing behind", () => {
    const store = openSqliteStore(":memory:");
    const broken = { ...ruling, contentHash: null } as unknown as Article; // violates NOT NULL
    expect(() => store.upsertArticles([quake, broken])).toThrow();
    expect(store.counts().articles).toBe(0);
    store.replaceStories([story("s1", ["quake-1"])]);
    expect(() => store.replaceStories([story("s2", []), story("s2", [])])).toThrow();
    expect(store.listStories().map((s) => s.id)).toEqual(["s1"]);
    store.close();
  });

  it("replaces stories as a whole, keeping the ids and order it is given", () => {
    const store = openSqliteStore(":memory:");
    store.replaceStories([story("b", ["quake-1"]), story("a", ["ruling-1", "ruling-1"])]);
    expect(store.listStories()).toEqual([story("b", ["quake-1"]), story("a", ["ruling-1", "ruling-1"])]);
    store.replaceStories([story("c", ["quake-1", "ruling-1"])]);
    expect(store.listStories().map((s) => s.id)).toEqual(["c"]);
    expect(store.counts()).toEqual({ articles: 0, stories: 1, events: 0 });
    store.close();
  });
});

describe("events in the store", () => {
  it("replaces events as a whole: storing the same events again never duplicates them", () => {
    const store = openSqliteStore(":memory:");
    store.replaceEvents([BATTLE, PROTEST]);
    store.replaceEvents([BATTLE, PROTEST]);
    expect(store.listEvents()).toEqual([BATTLE, PROTEST]);
    const retyped = { ...BATTLE, confidence: 0.9 };
    store.replaceEvents([QUAKE, retyped]);
    expect(store.listEvents()).toEqual([QUAKE, retyped]);
    expect(store.counts().events).toBe(2);
    store.close();
  });

  it("indexes the resolved date, type and country, and which articles report each event", () => {
    const dir = mkdtempSync(join(tmpdir(), "parallax-events-"));
    const path = join(dir, "parallax.db");
    const store = openSqliteStore(path);
    store.replaceEvents([BATTLE, PROTEST, QUAKE]);
    store.close();
    const db = new Database(path, { readonly: true });
    const rows = db
      .prepare("SELECT id, type, sub_type, event_date, country FROM events ORDER BY position")
      .all();
    expect(rows).toEqual([
      {
        id: BATTLE.id,
        type: "battles",
        sub_type: "government-regains-territory",
        event_date: "2017-11-08",
        country: "SY",
      },
      {
        id: PROTEST.id,
        type: "protests",
        sub_type: "peaceful-protest",
        event_date: "2024-W10",
        country: "CL",
      },
      {
        id: QUAKE.id,
        type: "disasters",
        sub_type: "natural-disaster",
        event_date: "2024-03-02",
        country: null,
      },
    ]);
    const byArticle = db.prepare("SELECT event_id FROM event_articles WHERE article_id = ?").all("a001");
    expect(byArticle).toEqual([{ event_id: BATTLE.id }]);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes events in one transaction: a failure leaves the old set", () => {
    const store = openSqliteStore(":memory:");
    store.replaceEvents([BATTLE]);
    expect(() => store.replaceEvents([PROTEST, PROTEST])).toThrow();
    expect(store.listEvents().map((e) => e.id)).toEqual([BATTLE.id]);
    store.close();
  });
});

describe("openSqliteStore(file)", () => {
  const dir = mkdtempSync(join(tmpdir(), "parallax-store-"));
  const path = join(dir, "parallax.db");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps data across reopening, applies migrations once, uses WAL and indexes text", () => {
    const first = openSqliteStore(path);
    first.upsertArticles([quake, ruling]);
    first.replaceStories([story("s1", ["quake-1"])]);
    first.replaceEvents([QUAKE]);
    first.close();
    first.close(); // closing twice is harmless

    const second = openSqliteStore(path);
    expect(second.counts()).toEqual({ articles: 2, stories: 1, events: 1 });
    expect(second.getArticle("ruling-1")).toEqual(ruling);
    expect(second.listEvents()).toEqual([QUAKE]);
    expect(second.upsertArticles([quake])).toEqual({ inserted: 0, updated: 1 });
    second.close();

    const db = new Database(path, { readonly: true });
    const migrations = db.prepare("SELECT id, name FROM schema_migrations ORDER BY id").all();
    expect(migrations).toEqual(MIGRATIONS.map(({ id, name }) => ({ id, name })));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const hits = db
      .prepare(
        "SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ?",
      )
      .all("earthquake");
    expect(hits).toEqual([{ id: "quake-1" }]);
    const byTitle = db
      .prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'title:overturns'")
      .all();
    expect(byTitle).toHaveLength(1);
    db.close();
  });

  it("applies only the migrations a database has not seen, and refuses a newer schema", () => {
    const db = new Database(":memory:");
    expect(applyMigrations(db, MIGRATIONS.slice(0, 1))).toEqual([1]);
    expect(applyMigrations(db, MIGRATIONS)).toEqual([2, 3, 4, 5, 6]);
    expect(applyMigrations(db, MIGRATIONS)).toEqual([]);
    expect(() => applyMigrations(db, MIGRATIONS.slice(0, 1))).toThrow(/newer/);
    db.close();
  });
});
