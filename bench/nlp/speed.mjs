#!/usr/bin/env node
// Analysis speed: the whole analyze stage (every default component, as the pipeline builds it)
// over realistic news-sized articles: the clean texts Parallax's own extractor gets from the
// first N pages of ../shared/dev/extraction/ plus the examples/, keeping those of 2 to 8 KB.
// After a warm-up, it times the analyzer end to end (articles/s, KB/s on one core), then each
// component on its own (ms per article), so a slow component shows by name.
// Usage: node bench/nlp/speed.mjs [--limit N]   (N pages of the extraction set; default 300)
// PARALLAX_DIST=dir benches another build (default: dist/).
import { Buffer } from "node:buffer";
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { devSet, distModule, flagValue, peakMemoryMb, printTable } from "../common.mjs";

/** Articles of about 4 KB: shorter ones are briefs or failed extractions, longer ones long reads. */
const MIN_BYTES = 2 * 1024;
const MAX_BYTES = 8 * 1024;
/** Passes over the articles before timing starts, so the JIT and lazy data loading are not measured. */
const WARM_UP_PASSES = 1;
/**
 * Timed passes over the whole set; the median is reported, since one pass on a shared machine can
 * swing by a fifth either way. `--passes N` changes it.
 */
const TIMED_PASSES = Number(flagValue("--passes", "5"));
/** The target for the whole analyze stage on one core. */
const TARGET_ARTICLES_PER_SECOND = 50;
/** Every page of the extraction set: about a tenth of its articles of 2-8 KB are in English. */
const DEFAULT_PAGES = 990;
/**
 * Articles timed: English by default, the language the NER model and the time rules read, so the
 * figure is for the full path; `--language all` times every article, `--language de` one language.
 */
const LANGUAGE = flagValue("--language", "en");

const limit = Number(flagValue("--limit", String(DEFAULT_PAGES)));
const parallax = await import(distModule("index.js"));
const articles = loadArticles(limit);
if (articles.length === 0) {
  console.log("speed: no article of 2-8 KB to analyse; skipped.");
  console.log(`RESULT ${JSON.stringify({ articlesPerSecond: null, meanKB: null, slowest: null })}`);
} else {
  report(measure(articles));
}

/** Clean texts of 2-8 KB from the extraction set (when present) and from examples/. */
function loadArticles(pageLimit) {
  const extract = parallax.createExtractor();
  const texts = [...extractionArticles(pageLimit, extract), ...exampleArticles(extract)];
  return texts.filter((a) => {
    const bytes = Buffer.byteLength(a.text, "utf8");
    return bytes >= MIN_BYTES && bytes <= MAX_BYTES && inLanguage(a);
  });
}

function inLanguage(article) {
  if (LANGUAGE === "all") return true;
  return (article.language?.value ?? "").toLowerCase().split(/[-_]/)[0] === LANGUAGE;
}

function extractionArticles(pageLimit, extract) {
  const dir = devSet("extraction/");
  if (!dir) return [];
  const ingest = parallax.createIngester({ as: "html" });
  const evaldata = JSON.parse(readFileSync(new URL("evaldata.json", dir), "utf8"));
  return Object.entries(evaldata)
    .slice(0, pageLimit)
    .flatMap(([url, entry]) => {
      const bytes = gunzipSync(readFileSync(new URL(`html/${entry.file}.gz`, dir)));
      const { documents } = ingest({ locator: url, bytes });
      return documents.map((d) => extract({ ...d, given: { ...d.given, url } }));
    });
}

function exampleArticles(extract) {
  const root = new URL("../../examples/", import.meta.url);
  const ingest = parallax.createIngester({ as: "raw" });
  return readdirSync(root, { recursive: true })
    .filter((file) => String(file).endsWith(".txt"))
    .flatMap((file) => {
      const locator = new URL(String(file), root);
      const { documents } = ingest({ locator: locator.pathname, bytes: readFileSync(locator) });
      return documents.map((d) => extract(d));
    });
}

function measure(articles) {
  const components = parallax.analysisComponents(parallax.loadKnowledge());
  const analyze = parallax.createAnalyzer(components);
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const article of articles) analyze(article);

  const passes = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    const started = performance.now();
    for (const article of articles) analyze(article);
    passes.push((performance.now() - started) / 1000);
  }
  const seconds = median(passes);
  console.log(
    `${TIMED_PASSES} timed passes, articles/s: ${passes.map((s) => (articles.length / s).toFixed(1)).join(", ")} (median reported)`,
  );

  const perComponent = timeComponents(components, articles);
  const totalBytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text, "utf8"), 0);
  return { articles, seconds, perComponent, totalBytes };
}

/**
 * Each component's run, timed alone, over the annotations of the components before it: the
 * analyzer's own loop, with a clock around each step.
 */
function timeComponents(components, articles) {
  const totals = new Map(components.map((c) => [c.name, 0]));
  for (const article of articles) {
    let current = article;
    for (const component of components) {
      const started = performance.now();
      const added = component.run(current);
      totals.set(component.name, totals.get(component.name) + performance.now() - started);
      current = { ...current, annotations: { ...current.annotations, ...added } };
    }
  }
  return [...totals].map(([name, ms]) => ({ name, msPerArticle: ms / articles.length }));
}

function report({ articles, seconds, perComponent, totalBytes }) {
  const articlesPerSecond = articles.length / seconds;
  const meanKB = totalBytes / articles.length / 1024;
  const kbPerSecond = totalBytes / 1024 / seconds;
  const sumMs = perComponent.reduce((s, c) => s + c.msPerArticle, 0);
  const rows = [["component", "ms/article", "share"]];
  for (const c of [...perComponent].sort((a, b) => b.msPerArticle - a.msPerArticle)) {
    rows.push([c.name, c.msPerArticle.toFixed(2), `${((100 * c.msPerArticle) / sumMs).toFixed(0)}%`]);
  }
  console.log(`analyze stage over ${articles.length} articles of 2-8 KB (mean ${meanKB.toFixed(1)} KB)`);
  console.log(`languages (--language ${LANGUAGE}): ${languageCounts(articles)}`);
  printTable(rows);
  console.log("");
  printTable([
    ["articles/s", "KB/s", "ms/article", "target", "peak MB"],
    [
      articlesPerSecond.toFixed(1),
      kbPerSecond.toFixed(0),
      ((1000 * seconds) / articles.length).toFixed(2),
      `>= ${TARGET_ARTICLES_PER_SECOND} articles/s ${articlesPerSecond >= TARGET_ARTICLES_PER_SECOND ? "met" : "NOT met"}`,
      peakMemoryMb(),
    ],
  ]);
  const slowest = [...perComponent].sort((a, b) => b.msPerArticle - a.msPerArticle)[0];
  const round = (x, places) => Math.round(x * 10 ** places) / 10 ** places;
  const result = {
    articlesPerSecond: round(articlesPerSecond, 1),
    meanKB: round(meanKB, 2),
    kbPerSecond: round(kbPerSecond, 0),
    articles: articles.length,
    slowest: slowest ? { name: slowest.name, msPerArticle: round(slowest.msPerArticle, 2) } : null,
    msPerArticle: Object.fromEntries(perComponent.map((c) => [c.name, round(c.msPerArticle, 2)])),
    peakMB: peakMemoryMb(),
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function languageCounts(articles) {
  const counts = new Map();
  for (const a of articles)
    counts.set(a.language?.value ?? "unknown", (counts.get(a.language?.value ?? "unknown") ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([language, n]) => `${language} ${n}`)
    .join(", ");
}
