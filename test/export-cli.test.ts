import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EVENT_COLUMNS, STORY_COLUMNS } from "../src/export/index.js";
import { BATTLE, PROTEST, QUAKE } from "../src/export/test-support.js";
import { openSqliteStore } from "../src/store/index.js";
import { EXAMPLES, runCli, tempDir } from "./helpers.js";

// `parallax analyze` fills a database; `parallax export` writes what it holds.
let db: string;
let storyCount: number;

beforeAll(async () => {
  db = join(tempDir("export"), "parallax.db");
  const run = await runCli(["analyze", EXAMPLES, "--db", db]);
  expect(run.code).toBe(0);
  const store = openSqliteStore(db);
  storyCount = store.counts().stories;
  store.close();
});

const records = (csv: string) => csv.split("\r\n").filter(Boolean);

describe("parallax export after analyze", () => {
  it("exports every stored event as CSV, JSON and GeoJSON", async () => {
    const store = openSqliteStore(db);
    const events = store.listEvents();
    store.close();
    const csv = await runCli(["export", "events", "--format", "csv", "--db", db]);
    expect(csv.code).toBe(0);
    expect(records(csv.stdout)[0]).toBe(EVENT_COLUMNS.join(","));
    expect(records(csv.stdout).length).toBeGreaterThanOrEqual(1 + events.length);
    const json = JSON.parse((await runCli(["export", "events", "--format", "json", "--db", db])).stdout);
    expect(json.events.map((e: { parallax_event_id: string }) => e.parallax_event_id)).toEqual(
      events.map((e) => e.id),
    );
    const geo = JSON.parse((await runCli(["export", "events", "--format", "geojson", "--db", db])).stdout);
    expect(geo.type).toBe("FeatureCollection");
  });

  it("exports the stored stories as CSV and JSON", async () => {
    const csv = await runCli(["export", "stories", "--format", "csv", "--db", db]);
    expect(csv.code).toBe(0);
    const lines = records(csv.stdout);
    expect(lines[0]).toBe(STORY_COLUMNS.join(","));
    expect(lines).toHaveLength(1 + storyCount);
    expect(csv.stdout).toMatch(/FreeWestMedia/);
    const json = JSON.parse((await runCli(["export", "stories", "--format", "json", "--db", db])).stdout);
    expect(json.stories).toHaveLength(storyCount);
    expect(json.stories[0].article_count).toBe(json.stories[0].parallax.articleIds.length);
  });
});

describe("parallax export of stored events", () => {
  let eventsDb: string;
  beforeAll(() => {
    eventsDb = join(tempDir("export-events"), "parallax.db");
    const store = openSqliteStore(eventsDb);
    store.replaceEvents([BATTLE, PROTEST, QUAKE]);
    store.close();
  });

  it("writes ACLED rows, neutralising hostile text", async () => {
    const run = await runCli(["export", "events", "--format", "csv", "--db", eventsDb]);
    expect(run.code).toBe(0);
    const lines = records(run.stdout);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^SYR\d+,2017-11-08,2017,1,Battles,Government regains territory,Syrian Army,,1,Islamic State,,2,12,Syria,/,
    );
    expect(run.stdout).toContain(`"'=HYPERLINK(`);
  });

  it("writes GeoJSON to --out and says on stderr how many events had no coordinates", async () => {
    const out = join(tempDir("export-out"), "events.geojson");
    const run = await runCli(["export", "events", "--format", "geojson", "--db", eventsDb, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/warning: 1 of 3 event\(s\) have no coordinates/);
    const geo = JSON.parse(readFileSync(out, "utf8"));
    expect(geo.features.map((f: { geometry: { coordinates: number[] } }) => f.geometry.coordinates)).toEqual([
      [40.9187, 34.4536],
      [-73.5, -33.8688],
    ]);
  });
});

describe("parallax export command line", () => {
  it("rejects a bad --format with one line and exit code 2", async () => {
    const bad = await runCli(["export", "events", "--format", "xlsx", "--db", db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'parallax export: --format for events must be one of csv, json, geojson, not "xlsx"\n',
    );
    const geoStories = await runCli(["export", "stories", "--format", "geojson", "--db", db]);
    expect(geoStories.code).toBe(2);
    expect(geoStories.stderr.trim().split("\n")).toHaveLength(1);
    expect((await runCli(["export", "events", "--db", db])).code).toBe(2);
    expect((await runCli(["export", "articles", "--format", "csv", "--db", db])).code).toBe(2);
    expect((await runCli(["export", "events", "--format", "csv", "--no-db"])).code).toBe(2);
  });

  it("fails, without creating one, when the database does not exist", async () => {
    const missing = join(tempDir("export-missing"), "none.db");
    const run = await runCli(["export", "events", "--format", "csv", "--db", missing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no database at/);
    expect(existsSync(missing)).toBe(false);
  });
});
