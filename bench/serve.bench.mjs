#!/usr/bin/env node
// `npm run bench:serve` (issue 7: "the bench builds a database of 100k articles and prints the API's
// p50/p95 latency for the story list, a story, search and the events table; target p95 < 100 ms on
// one core"). The database is the seeds varied into an archive (bench/serve/corpus.mjs), built once
// and cached in the temporary folder (bench/serve/database.mjs). The API is the server's own app
// (createApp), called in-process with app.request(): no sockets, one thread, so the figures are the
// handler's and the store's, bodies read to the end (serialisation counted).
// Usage: npm run bench:serve -- [--articles N] [--requests N] [--seed N] [--rebuild] [--outlets]
//   --articles: database size (default 100000); --requests: timed calls per endpoint (default 60);
//   --rebuild: ignore the cached database; --outlets: also time /api/outlets (reads every story).
// PARALLAX_DIST=dir benches another build (default: dist/).
import { distModule, flagValue, peakMemoryMb, printTable } from "./common.mjs";
import { benchDatabase } from "./serve/database.mjs";

const DEFAULT_ARTICLES = 100_000;
const DEFAULT_REQUESTS = 60;
const DEFAULT_SEED = 7;
/** The target for every endpoint's 95th percentile, on one core. */
const TARGET_P95_MS = 100;
/** Untimed calls first: the first touch of a statement or page of the file is not the steady state. */
const WARMUP = 3;
/** The story list's page size the web app asks for, and the page the bench jumps to. */
const PAGE_SIZE = 50;
const DEEP_PAGE = 50;
/** Stories sampled to draw the parameters (ids, outlets, places, actors, words) from. */
const SAMPLE_STORIES = 40;
/** Words per search query, as a person types a few. */
const SEARCH_WORDS = 3;

const size = Number(flagValue("--articles", String(DEFAULT_ARTICLES)));
const requests = Number(flagValue("--requests", String(DEFAULT_REQUESTS)));
const seed = Number(flagValue("--seed", String(DEFAULT_SEED)));

const db = await benchDatabase({ size, seed, rebuild: process.argv.includes("--rebuild") });
console.log(
  `database: ${db.counts.articles} articles, ${db.counts.stories} stories, ${db.counts.events} events, ` +
    `${db.mb} MB, built in ${db.seconds} s${db.cached ? " (cached)" : ""}: ${db.path}`,
);

const { openSqliteStore } = await import(distModule("store/index.js"));
const { mulberry32 } = await import(distModule("common/random.js"));
const { createApp } = await import(distModule("server/index.js"));
const store = openSqliteStore(db.path);
const app = createApp({ store });
const samples = sampleParameters(store, mulberry32(seed));

const endpoints = [
  ["stories", () => "/api/stories"],
  ["stories ?outlet", (i) => `/api/stories?outlet=${enc(pick(samples.outlets, i))}`],
  ["stories ?place", (i) => `/api/stories?place=${enc(pick(samples.places, i))}`],
  ["stories ?actor", (i) => `/api/stories?actor=${enc(pick(samples.actors, i))}`],
  ["stories ?from&to", (i) => `/api/stories?${dateRange(pick(samples.dates, i))}`],
  ["stories page 50", () => `/api/stories?limit=${PAGE_SIZE}&offset=${(DEEP_PAGE - 1) * PAGE_SIZE}`],
  ["search ?q", (i) => `/api/stories?q=${enc(pick(samples.queries, i))}`],
  ["story", (i) => `/api/stories/${enc(pick(samples.storyIds, i))}`],
  ["article", (i) => `/api/articles/${enc(pick(samples.articleIds, i))}`],
  ["events", () => "/api/events"],
  ["events ?country", (i) => `/api/events?country=${enc(pick(samples.countries, i))}`],
  ["events ?type", (i) => `/api/events?type=${enc(pick(samples.types, i))}`],
  ["events ?outlet", (i) => `/api/events?outlet=${enc(pick(samples.outlets, i))}`],
  ["events ?from&to", (i) => `/api/events?${dateRange(pick(samples.dates, i))}`],
  ...(process.argv.includes("--outlets") ? [["outlets", () => "/api/outlets"]] : []),
];

const results = {};
for (const [name, path] of endpoints) results[name] = await timeEndpoint(path);
store.close();

const rows = [["endpoint", "p50 ms", "p95 ms", "max ms", "first ms", "calls", "non-200", "mean hits"]];
for (const [name, r] of Object.entries(results))
  rows.push([name, r.p50, r.p95, r.max, r.first, r.calls, r.failures, r.meanTotal ?? "-"]);
printTable(rows);
const worst = Math.max(...Object.values(results).map((r) => r.p95));
const failures = Object.values(results).reduce((n, r) => n + r.failures, 0);
const pass = worst < TARGET_P95_MS && failures === 0;
console.log(`worst p95 ${worst} ms (target < ${TARGET_P95_MS} ms): ${pass ? "PASS" : "FAIL"}`);
console.log(
  `RESULT ${JSON.stringify({
    articles: db.counts.articles,
    stories: db.counts.stories,
    events: db.counts.events,
    dbMb: db.mb,
    buildSeconds: db.seconds,
    cached: db.cached,
    requests,
    targetP95Ms: TARGET_P95_MS,
    worstP95Ms: worst,
    failures,
    pass,
    peakMb: peakMemoryMb(),
    endpoints: results,
  })}`,
);

/** Times `requests` calls (after a warm-up) of one endpoint, the i-th call with the i-th parameters. */
async function timeEndpoint(pathFor) {
  const first = await call(pathFor(0));
  for (let i = 1; i < WARMUP; i++) await call(pathFor(i));
  const times = [];
  const totals = [];
  let failures = first.status === 200 ? 0 : 1;
  for (let i = 0; i < requests; i++) {
    const answer = await call(pathFor(WARMUP + i));
    times.push(answer.ms);
    if (answer.status !== 200) {
      failures++;
      if (failures === 1)
        console.log(`  ${pathFor(WARMUP + i)} -> ${answer.status} ${answer.body.slice(0, 200)}`);
    } else if (typeof answer.json?.total === "number") totals.push(answer.json.total);
  }
  times.sort((a, b) => a - b);
  return {
    p50: round(quantile(times, 0.5)),
    p95: round(quantile(times, 0.95)),
    max: round(times[times.length - 1]),
    first: round(first.ms),
    calls: times.length,
    failures,
    ...(totals.length > 0
      ? { meanTotal: Math.round(totals.reduce((a, b) => a + b, 0) / totals.length) }
      : {}),
  };
}

async function call(path) {
  const started = performance.now();
  const response = await app.request(path);
  const body = await response.text();
  const ms = performance.now() - started;
  let json;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { ms, status: response.status, body, json };
}

/**
 * Parameters that match something: ids, outlets, places, actors, dates and words of stories drawn
 * at random positions of the list (read through the store, untimed).
 */
function sampleParameters(store, random) {
  const { stories: count } = store.counts();
  const out = { storyIds: [], articleIds: [], outlets: [], places: [], actors: [], dates: [], queries: [] };
  const countries = new Set();
  const types = new Set();
  for (let i = 0; i < SAMPLE_STORIES; i++) {
    const [summary] = store.queryStories({ limit: 1, offset: random() % count }).stories;
    const story = store.getStory(summary.id);
    out.storyIds.push(summary.id);
    out.articleIds.push(story.articleIds[random() % story.articleIds.length]);
    out.outlets.push(summary.outlets[random() % summary.outlets.length]);
    if (summary.places.length > 0) out.places.push(summary.places[0]);
    if (summary.lastPublished) out.dates.push(summary.lastPublished.slice(0, 10));
    for (const event of store.getEvents(story.eventIds ?? [])) {
      const actor = event.fields.actor1?.resolved?.name;
      if (actor) out.actors.push(actor);
      if (event.fields.place?.resolved?.countryCode) countries.add(event.fields.place.resolved.countryCode);
      types.add(event.type);
    }
    const [article] = store.getArticles([out.articleIds[out.articleIds.length - 1]]);
    out.queries.push(searchWords(article.text, random));
  }
  return { ...out, countries: [...countries], types: [...types] };
}

/** A few words of 5+ letters from one article, as someone who half-remembers it would type. */
function searchWords(text, random) {
  const words = text.match(/\p{L}{5,}/gu) ?? ["news"];
  return Array.from({ length: SEARCH_WORDS }, () => words[random() % words.length]).join(" ");
}

/** A week ending on the day: a typical date filter. */
function dateRange(day) {
  const from = new Date(Date.parse(day) - 6 * 86_400_000).toISOString().slice(0, 10);
  return `from=${from}&to=${day}`;
}

function pick(list, i) {
  if (list.length === 0) throw new Error("serve bench: the sample found nothing to ask for");
  return list[i % list.length];
}

function enc(value) {
  return encodeURIComponent(value);
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}
