import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeIntoStore } from "../cli/serve.js";
import { readInputs } from "../io/read-inputs.js";
import type { Article, Event, OutletProfile, Story } from "../model/index.js";
import { createDefaultStages, loadKnowledge } from "../pipeline/default.js";
import { createOutletProfiler, profiledArticle } from "../profile/index.js";
import { createExporter, createStreamingExporter, loadAcledCodes } from "../export/index.js";
import { loadEventTaxonomy } from "../analyze/event-types/index.js";
import { openSqliteStore, type Store, type StorySummary } from "../store/index.js";
import { createApp, type ImportSummary, SECURITY_HEADERS } from "./index.js";
import type { RawInput } from "../ingest/types.js";

const EXAMPLES = new URL("../../examples", import.meta.url).pathname;
const TOKEN = "test-token-0123456789";

let store: Store;
let app: ReturnType<typeof createApp>;
let webRoot: string;
const imported: RawInput[][] = [];

interface StoryPage {
  total: number;
  stories: StorySummary[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many shapes, checked field by field
type Body = any;

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: Body; res: Response }> {
  const res = await app.request(path, init);
  const text = await res.text();
  const json = (res.headers.get("content-type") ?? "").includes("json");
  return { status: res.status, body: json ? JSON.parse(text) : text, res };
}

/** Every error is JSON with a code and a message, and never a 500. */
function expectError(result: { status: number; body: Body }, status: number, mentions?: string): void {
  expect(result.status).toBe(status);
  expect(typeof result.body.error.code).toBe("string");
  expect(typeof result.body.error.message).toBe("string");
  if (mentions) expect(result.body.error.message).toContain(mentions);
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "parallax-server-"));
  store = openSqliteStore(join(dir, "parallax.db"));
  const { inputs, diagnostics } = await readInputs([EXAMPLES]);
  analyzeIntoStore(createDefaultStages(loadKnowledge()), store, inputs, diagnostics);
  webRoot = join(dir, "web");
  mkdirSync(join(webRoot, "assets"), { recursive: true });
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Parallax</title>");
  writeFileSync(join(webRoot, "app.js"), "console.log('app');");
  writeFileSync(join(webRoot, "app.css"), "body{}");
  writeFileSync(join(webRoot, ".secret"), "hidden");
  writeFileSync(join(dir, "outside.txt"), "outside");
  app = createApp({
    store,
    webRoot,
    writeToken: TOKEN,
    limits: { bodyBytes: 2048 },
    importer: (inputs): ImportSummary => {
      imported.push(inputs);
      return { articles: inputs.length, stories: [], diagnostics: [] };
    },
  });
}, 120_000);

afterAll(() => store.close());

describe("GET /api/stories", () => {
  it("lists the stored stories with their summary, most recent first", async () => {
    const { status, body } = await get("/api/stories");
    expect(status).toBe(200);
    const page = body as StoryPage;
    expect(page.total).toBe(store.counts().stories);
    expect(page.total).toBeGreaterThanOrEqual(2);
    const last = page.stories.map((s) => s.lastPublished ?? "");
    expect([...last].sort().reverse()).toEqual(last);
    for (const summary of page.stories) {
      const story = store.getStory(summary.id) as Story;
      const facts = story.comparison?.facts ?? [];
      expect(summary.articleCount).toBe(story.articleIds.length);
      expect(summary.conflicts).toBe(
        facts.filter((f) => f.cells.some((c) => c.status === "conflict")).length,
      );
      expect(summary.omissions).toBe(facts.filter((f) => (f.omittedBy ?? []).length > 0).length);
      expect(summary.places.length).toBeLessThanOrEqual(5);
    }
    expect(page.stories.some((s) => s.outlets.length >= 2)).toBe(true);
    expect(page.stories.some((s) => s.places.length > 0)).toBe(true);
  });

  it("searches titles and texts, and paginates", async () => {
    const quake = (await get("/api/stories?q=earthquake")).body as StoryPage;
    expect(quake.total).toBeGreaterThan(0);
    expect(quake.stories.every((s) => /quake|earth|tremor/i.test(s.title))).toBe(true);
    const prefix = (await get("/api/stories?q=earthq*")).body as StoryPage;
    expect(prefix.total).toBe(quake.total);
    const none = (await get("/api/stories?q=zzzyxwvnothing")).body as StoryPage;
    expect(none).toEqual({ total: 0, stories: [] });
    const all = (await get("/api/stories")).body as StoryPage;
    const second = (await get("/api/stories?limit=1&offset=1")).body as StoryPage;
    expect(second.total).toBe(all.total);
    expect(second.stories.map((s) => s.id)).toEqual([all.stories[1]?.id]);
  });

  it("never fails on hostile search input", async () => {
    for (const q of ['"', "*", "NEAR(", "')--", 'title:"x', "a OR", "(((", "^", "-", "AND", "\u0301"]) {
      const { status, body } = await get(`/api/stories?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(typeof body.total).toBe("number");
    }
  });

  it("filters by outlet, place, actor and date, each narrowing", async () => {
    const all = (await get("/api/stories")).body as StoryPage;
    const story = all.stories.find((s) => s.places.length > 0 && s.outlets.length > 0) as StorySummary;
    const outlet = story.outlets[0] as string;
    const byOutlet = (await get(`/api/stories?outlet=${encodeURIComponent(outlet.toUpperCase())}`)).body;
    expect(byOutlet.stories.map((s: StorySummary) => s.id)).toContain(story.id);
    expect(byOutlet.stories.every((s: StorySummary) => s.outlets.includes(outlet))).toBe(true);
    const byPlace = (await get(`/api/stories?place=${encodeURIComponent(story.places[0] as string)}`)).body;
    expect(byPlace.stories.map((s: StorySummary) => s.id)).toContain(story.id);
    expect(byPlace.total).toBeLessThan(all.total);
    expect((await get("/api/stories?place=Nowhereville")).body.total).toBe(0);

    const events = store.getEvents(store.getStory(story.id)?.eventIds ?? []);
    const place = events.map((e) => e.fields.place.resolved).find((p) => p?.geonameId !== undefined);
    if (place) {
      const byId = (await get(`/api/stories?place=${place.geonameId}`)).body;
      expect(byId.stories.map((s: StorySummary) => s.id)).toContain(story.id);
    }
    const actor = events.map((e) => e.fields.actor1.resolved).find((a) => a !== undefined);
    if (actor) {
      const byActor = (await get(`/api/stories?actor=${encodeURIComponent(actor.name.toLowerCase())}`)).body;
      expect(byActor.stories.map((s: StorySummary) => s.id)).toContain(story.id);
    }
    expect((await get("/api/stories?actor=nobody-at-all")).body.total).toBe(0);

    const day = (story.lastPublished as string).slice(0, 10);
    const inRange = (await get(`/api/stories?from=${day}&to=${day}`)).body;
    expect(inRange.stories.map((s: StorySummary) => s.id)).toContain(story.id);
    expect((await get("/api/stories?to=1900-01-01")).body.total).toBe(0);
  });

  it("refuses bad parameters with a 400 naming them", async () => {
    expectError(await get("/api/stories?from=2017-13-01"), 400, '"from"');
    expectError(await get("/api/stories?to=yesterday"), 400, '"to"');
    expectError(await get("/api/stories?from=2018-01-02&to=2018-01-01"), 400, '"from"');
    expectError(await get("/api/stories?limit=0"), 400, '"limit"');
    expectError(await get("/api/stories?limit=201"), 400, '"limit"');
    expectError(await get("/api/stories?limit=ten"), 400, '"limit"');
    expectError(await get("/api/stories?offset=-1"), 400, '"offset"');
    expectError(await get("/api/stories?sort=title"), 400, '"sort"');
    expectError(await get("/api/stories?limit=1&limit=2"), 400, '"limit"');
    expectError(await get(`/api/stories?q=${"a".repeat(501)}`), 400, '"q"');
    expectError(await get(`/api/stories?place=${encodeURIComponent("a\u0000b")}`), 400, '"place"');
  });
});

describe("GET /api/stories/{id} and /api/articles/{id}", () => {
  it("gives a story with its comparison, article summaries in story order and its events", async () => {
    const story = store.listStories().find((s) => s.articleIds.length === 2) as Story;
    const { status, body } = await get(`/api/stories/${encodeURIComponent(story.id)}`);
    expect(status).toBe(200);
    expect(body.story.id).toBe(story.id);
    expect(body.story.comparison.facts.length).toBeGreaterThan(0);
    expect(body.articles.map((a: { id: string }) => a.id)).toEqual(story.articleIds);
    expect(body.articles[0].locator).toMatch(/\.txt$/);
    expect(body.events.map((e: Event) => e.id)).toEqual(story.eventIds ?? []);
  });

  it("gives a whole article", async () => {
    const article = store.listArticles()[0] as Article;
    const { status, body } = await get(`/api/articles/${encodeURIComponent(article.id)}`);
    expect(status).toBe(200);
    expect(body.text).toBe(article.text);
    expect(body.annotations.sentences.length).toBeGreaterThan(0);
  });

  it("answers 404 JSON for unknown ids and routes", async () => {
    expectError(await get("/api/stories/nope"), 404, '"nope"');
    expectError(await get("/api/articles/nope"), 404);
    expectError(await get("/api/outlets/nope"), 404);
    expectError(await get("/api/nothing-here"), 404);
    expectError(await get("/api/stories", { method: "DELETE" }), 404);
    expectError(await get("/api/export/articles?format=csv"), 404);
    expectError(await get("/api/articles/x?extra=1"), 400, '"extra"');
  });
});

describe("GET /api/outlets", () => {
  it("profiles every outlet, and one by name in any case", async () => {
    const { status, body } = await get("/api/outlets");
    expect(status).toBe(200);
    const profiles = body as OutletProfile[];
    expect(profiles.length).toBeGreaterThanOrEqual(2);
    const first = profiles[0] as OutletProfile;
    const one = await get(`/api/outlets/${encodeURIComponent(first.outlet.toLowerCase())}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(first);
  });

  it("are what the profiler gives over the whole stories and articles (the store reads them lightly)", async () => {
    const whole = createOutletProfiler()(store.listStories(), store.listArticles().map(profiledArticle));
    expect((await get("/api/outlets")).body).toEqual(whole);
  });
});

describe("GET /api/events", () => {
  it("lists events and filters them", async () => {
    const all = (await get("/api/events")).body as { total: number; events: Event[] };
    expect(all.total).toBe(store.counts().events);
    expect(all.total).toBeGreaterThan(0);
    const event = all.events.find((e) => e.fields.place.resolved?.countryCode) as Event;
    const country = event.fields.place.resolved?.countryCode as string;
    const byCountry = (await get(`/api/events?country=${country.toLowerCase()}`)).body;
    expect(byCountry.events.every((e: Event) => e.fields.place.resolved?.countryCode === country)).toBe(true);
    expect(byCountry.events.map((e: Event) => e.id)).toContain(event.id);
    const byType = (await get(`/api/events?type=${event.type}`)).body;
    expect(byType.events.every((e: Event) => e.type === event.type)).toBe(true);
    const bySubType = (await get(`/api/events?type=${event.subType}`)).body;
    expect(bySubType.events.map((e: Event) => e.id)).toContain(event.id);
    const article = store.getArticles([event.reports[0]?.articleId ?? ""])[0] as Article;
    const outlet = article.outlet?.value;
    if (outlet) {
      const byOutlet = (await get(`/api/events?outlet=${encodeURIComponent(outlet)}`)).body;
      expect(byOutlet.events.map((e: Event) => e.id)).toContain(event.id);
    }
    expect((await get("/api/events?from=2999-01-01")).body.total).toBe(0);
    expect((await get("/api/events?limit=1")).body.events).toHaveLength(1);
  });

  it("refuses bad parameters", async () => {
    expectError(await get("/api/events?country=SYR"), 400, '"country"');
    expectError(await get("/api/events?type=Bad%20Type"), 400, '"type"');
    expectError(await get("/api/events?to=2017-02-30"), 400, '"to"');
    expectError(await get("/api/events?limit=1000"), 400, '"limit"');
    expectError(await get("/api/events?q=x"), 400, '"q"');
  });
});

describe("GET /api/export/*", () => {
  it("downloads events and stories as attachments", async () => {
    for (const [path, type, name] of [
      ["/api/export/events?format=csv", "text/csv", "parallax-events.csv"],
      ["/api/export/events?format=json", "application/json", "parallax-events.json"],
      ["/api/export/events?format=geojson", "application/geo+json", "parallax-events.geojson"],
      ["/api/export/stories?format=csv", "text/csv", "parallax-stories.csv"],
      ["/api/export/stories?format=json", "application/json", "parallax-stories.json"],
    ] as const) {
      const { status, res, body } = await get(path);
      expect(status, path).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename=${name}`);
      expect(typeof body === "string" ? body.length : JSON.stringify(body).length).toBeGreaterThan(10);
    }
    const csv = (await get("/api/export/events?format=csv")).body as string;
    expect(csv.split("\n")[0]).toContain("event_id_cnty");
  });

  it("streams the same bytes as an in-memory export over whole articles, however the store is paged", async () => {
    const options = { taxonomy: loadEventTaxonomy(), codes: loadAcledCodes() };
    const inMemory = createExporter(options);
    const streaming = createStreamingExporter(options);
    const whole = {
      events: store.listEvents(),
      stories: store.listStories(),
      articles: store.listArticles(),
    };
    for (const [kind, format] of [
      ["events", "csv"],
      ["events", "json"],
      ["events", "geojson"],
      ["stories", "csv"],
      ["stories", "json"],
    ] as const) {
      const expected = inMemory(kind, format, whole);
      const res = await createApp({ store }).request(`/api/export/${kind}?format=${format}`);
      expect(await res.text(), `${kind} ${format}`).toBe(expected.text);
      // Pages of two rows: every page boundary of the small store is crossed.
      const stream = streaming(kind, format, store.exportSource(2));
      expect([...stream.chunks].join(""), `${kind} ${format} paged`).toBe(expected.text);
      expect(stream.warnings()).toEqual(expected.warnings);
    }
  });

  it("refuses an unknown or missing format", async () => {
    expectError(await get("/api/export/events?format=xml"), 400, '"format"');
    expectError(await get("/api/export/stories?format=geojson"), 400, '"format"');
    expectError(await get("/api/export/events"), 400, '"format"');
  });
});

describe("POST /api/import", () => {
  const body = JSON.stringify({ documents: [{ name: "../../x.txt", content: "A small earthquake hit." }] });
  const json = { "content-type": "application/json" };

  it("needs the right token", async () => {
    expectError(await get("/api/import", { method: "POST", headers: json, body }), 401);
    const wrong = { ...json, authorization: "Bearer nope" };
    expectError(await get("/api/import", { method: "POST", headers: wrong, body }), 401);
    const right = { ...json, authorization: `Bearer ${TOKEN}` };
    const ok = await get("/api/import", { method: "POST", headers: right, body });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ articles: 1, stories: [], diagnostics: [] });
    // The name is a file name: a path in it is cut off.
    expect(imported.at(-1)?.[0]?.locator).toBe("x.txt");
  });

  it("is off without a token", async () => {
    const closed = createApp({ store, importer: () => ({ articles: 0, stories: [], diagnostics: [] }) });
    const res = await closed.request("/api/import", { method: "POST", headers: json, body });
    expect(res.status).toBe(403);
  });

  it("refuses bodies too large, of the wrong type, or malformed", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const big = JSON.stringify({ documents: [{ name: "big.txt", content: "x".repeat(4096) }] });
    expectError(await get("/api/import", { method: "POST", headers: { ...json, ...auth }, body: big }), 413);
    const sized = { ...json, ...auth, "content-length": String(big.length) };
    expectError(await get("/api/import", { method: "POST", headers: sized, body: big }), 413);
    const text = { "content-type": "text/plain", ...auth };
    expectError(await get("/api/import", { method: "POST", headers: text, body: "hello" }), 415);
    const bad = { ...json, ...auth };
    expectError(await get("/api/import", { method: "POST", headers: bad, body: "{nope" }), 400);
    expectError(await get("/api/import", { method: "POST", headers: bad, body: "{}" }), 400, '"documents"');
    const noContent = JSON.stringify({ documents: [{ name: "a.txt" }] });
    expectError(
      await get("/api/import", { method: "POST", headers: bad, body: noContent }),
      400,
      "documents[0]",
    );
  });

  it("takes multipart files and pasted text", async () => {
    const form = new FormData();
    form.append("files", new File(["<p>A court ruled.</p>"], "ruling.html", { type: "text/html" }));
    form.append("paste", "Voters went to the polls on Sunday.");
    const res = await get("/api/import", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(imported.at(-1)?.map((i) => i.locator)).toEqual(["ruling.html", "pasted.txt"]);
  });
});

describe("headers, static files and the OpenAPI document", () => {
  it("sets the security headers on every response", async () => {
    for (const path of ["/api/stories", "/api/nothing", "/api/stories?limit=0", "/", "/app.js", "/nope.js"]) {
      const { res } = await get(path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(res.headers.get(name), `${path} ${name}`).toBe(value);
    }
    const { res } = await get("/");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("serves assets with their types and index.html for client routes", async () => {
    const js = await get("/app.js");
    expect(js.res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.body).toContain("console.log");
    expect((await get("/app.css")).res.headers.get("content-type")).toBe("text/css; charset=utf-8");
    for (const path of ["/", "/stories", "/story/abc"]) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(page.body).toContain("<title>Parallax</title>");
    }
    expectError(await get("/missing.js"), 404);
  });

  it("never serves a file outside the web root, or a hidden one", async () => {
    for (const path of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/%2E%2E%2Fpackage.json",
      "/assets/..%2f..%2foutside.txt",
      "/..%5c..%5coutside.txt",
      "/.secret",
      "/%2esecret",
      "/%00index.html",
      "/%E0%A4%A.js",
    ]) {
      const { status, body } = await get(path);
      const text = typeof body === "string" ? body : JSON.stringify(body);
      expect(text, path).not.toContain("parallax-news");
      expect(text, path).not.toContain("outside");
      expect(text, path).not.toContain("hidden");
      expect([200, 404], path).toContain(status);
    }
  });

  it("serves no web app without a web root", async () => {
    const apiOnly = createApp({ store });
    expect((await apiOnly.request("/")).status).toBe(404);
  });

  it("describes every route in an OpenAPI 3.1 document", async () => {
    const { status, body } = await get("/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths).sort()).toEqual(
      [
        "/api/openapi.json",
        "/api/stories",
        "/api/stories/{id}",
        "/api/articles/{id}",
        "/api/outlets",
        "/api/outlets/{name}",
        "/api/events",
        "/api/export/events",
        "/api/export/stories",
        "/api/import",
      ].sort(),
    );
    for (const name of ["Story", "Article", "Event", "OutletProfile", "StorySummary", "ArticleSummary"])
      expect(body.components.schemas[name], name).toBeDefined();
    const text = JSON.stringify(body);
    expect(text).not.toContain("#/$defs/");
    for (const [, ref] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g))
      expect(body.components.schemas[ref as string], ref).toBeDefined();
  });
});
