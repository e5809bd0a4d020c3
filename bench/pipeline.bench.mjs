#!/usr/bin/env node
// Whole-pipeline speed on the example corpus (examples/): time per stage and articles per second,
// on one core. The examples are small; this is a smoke measure until the ingest benchmark lands.
// Usage: npm run bench -- [--rounds N]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createDefaultStages, loadKnowledge } from "../dist/index.js";
import { peakMemoryMb, printTable } from "./common.mjs";

const roundsIndex = process.argv.indexOf("--rounds");
const rounds = roundsIndex > 0 ? Number(process.argv[roundsIndex + 1]) : 20;
const examples = new URL("../examples/", import.meta.url).pathname;

const loadStart = performance.now();
const stages = createDefaultStages(loadKnowledge(), {});
const loadMs = performance.now() - loadStart;

const inputs = listFiles(examples).map((path) => ({ locator: path, bytes: readFileSync(path) }));
const time = {
  ingest: 0,
  "learn sites": 0,
  extract: 0,
  analyze: 0,
  dedupe: 0,
  cluster: 0,
  events: 0,
  compare: 0,
};
/** Runs one step and adds its time to the stage's total. */
const timed = (stage, step) => {
  const started = performance.now();
  const value = step();
  time[stage] += performance.now() - started;
  return value;
};
let articles = [];
for (let round = 0; round < rounds; round++) {
  const documents = timed("ingest", () => inputs.flatMap((input) => stages.ingest(input).documents));
  const sites = timed("learn sites", () => stages.learnSites(documents));
  const extracted = timed("extract", () => documents.map((document) => stages.extract(document, sites)));
  const analyzed = timed("analyze", () => extracted.map((article) => stages.analyze(article)));
  articles = timed("dedupe", () => stages.dedupe(analyzed));
  const stories = timed("cluster", () => stages.cluster(articles));
  const events = timed("events", () => stages.events(articles, stories));
  timed("compare", () => stories.map((story) => stages.compare(withEvents(story, events), articles, events)));
}
/** The story with the ids of the events its articles report, as the pipeline's run gives it. */
function withEvents(story, events) {
  const members = new Set(story.articleIds);
  return {
    ...story,
    eventIds: events.filter((e) => e.reports.some((r) => members.has(r.articleId))).map((e) => e.id),
  };
}

const total = Object.values(time).reduce((a, b) => a + b, 0);
const processed = articles.length * rounds;
console.log(
  `${articles.length} example articles x ${rounds} rounds; knowledge loaded in ${loadMs.toFixed(0)} ms`,
);
printTable([
  ["stage", "ms/article"],
  ...Object.entries(time).map(([stage, ms]) => [stage, (ms / processed).toFixed(2)]),
  ["total", (total / processed).toFixed(2)],
]);
console.log(
  `throughput: ${((processed / total) * 1000).toFixed(1)} articles/s on one core; peak memory ${peakMemoryMb()} MB`,
);

function listFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}
