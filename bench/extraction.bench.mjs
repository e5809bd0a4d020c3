#!/usr/bin/env node
// Main-content extraction on ../shared/dev/extraction (trafilatura's benchmark, 990 pages):
// per page, each `with` segment found in the output is a true positive, each one missed a false
// negative, and each `without` segment found a false positive. Systems, each in a child process
// of its own so that none pays for another's garbage or memory:
//   parallax (html)        Parallax's HTML extractor on the pages;
//   parallax (flattened)   each page flattened to its visible text, one block per line (see
//                          flatten.mjs), then read by Parallax's raw-text reader, after it learned
//                          each site's repeated lines from the whole flattened set;
//   flattened, all kept    the flattened text with nothing removed: the floor;
//   readability+linkedom   plain @mozilla/readability over linkedom, the baseline.
// A second table gives metadata accuracy where the dev set has a value (title, author, date).
// Usage: npm run bench:extract -- [--limit N] [--system NAME]
// PARALLAX_DIST=dir runs another build of Parallax (relative to the working directory; default: dist/).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { devSet, peakMemoryMb, printTable } from "./common.mjs";
import { flattenHtml } from "./flatten.mjs";

const distUrl = process.env.PARALLAX_DIST
  ? pathToFileURL(resolve(process.env.PARALLAX_DIST, "index.js"))
  : new URL("../dist/index.js", import.meta.url);
if (!existsSync(distUrl))
  throw new Error(`no build at ${distUrl.pathname}: run npm run build (or fix PARALLAX_DIST)`);
const limitIndex = process.argv.indexOf("--limit");
const limit = limitIndex > 0 ? Number(process.argv[limitIndex + 1]) : Number.POSITIVE_INFINITY;
const systemIndex = process.argv.indexOf("--system");
const only = systemIndex > 0 ? process.argv[systemIndex + 1] : undefined;
const SYSTEMS = ["parallax (html)", "parallax (flattened)", "flattened, all kept", "readability+linkedom"];
const dir = devSet("extraction/");
if (dir && only) await run(dir, only);
else if (dir) compare();

/** Runs each system in a child process and prints the tables. */
function compare() {
  const rows = [["system", "precision", "recall", "F1", "pages/s", "pages", "peak MB"]];
  const metadataRows = [["system", "field", "correct", "of pages with a gold value", "accuracy"]];
  for (const system of SYSTEMS) {
    const args = [new URL(import.meta.url).pathname, ...process.argv.slice(2), "--system", system];
    const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 26 });
    if (child.status !== 0) {
      rows.push([system, `FAILED: ${child.stderr.trim().split("\n").slice(-3).join(" | ")}`]);
      continue;
    }
    const result = JSON.parse(child.stdout.trim().split("\n").pop());
    rows.push(result.row);
    for (const [field, m] of Object.entries(result.metadata ?? {})) {
      metadataRows.push([system, field, m.correct, m.total, (m.correct / m.total).toFixed(3)]);
    }
  }
  printTable(rows);
  console.log("");
  console.log("Metadata accuracy (title: same text ignoring case, spaces and quotes; author: same set of");
  console.log("names ignoring case; date: same published day):");
  printTable(metadataRows);
}

async function run(dir, only) {
  const evaldata = JSON.parse(readFileSync(new URL("evaldata.json", dir), "utf8"));
  const pages = Object.entries(evaldata)
    .slice(0, limit)
    .map(([url, entry]) => ({
      url,
      entry,
      bytes: gunzipSync(readFileSync(new URL(`html/${entry.file}.gz`, dir))),
    }));
  const systems = {
    "parallax (html)": parallaxHtml,
    "parallax (flattened)": parallaxFlattened,
    "flattened, all kept": allKept,
    "readability+linkedom": readabilityBaseline,
  };
  const system = systems[only];
  if (!system) throw new Error(`unknown system "${only}"; one of ${SYSTEMS.join(", ")}`);
  const { row, metadata } = await score(only, system, pages);
  console.log(JSON.stringify({ row: [...row, peakMemoryMb()], metadata }));
}

/** Each system takes the pages and yields, page by page, its text and (optionally) its article. */
async function parallaxHtml() {
  const { createExtractor, createIngester } = await import(distUrl);
  const ingest = createIngester({ as: "html" });
  const extract = createExtractor();
  return (page) => {
    const { documents } = ingest({ locator: page.url, bytes: page.bytes });
    const articles = documents.map((d) => extract({ ...d, given: { ...d.given, url: page.url } }));
    return { text: articles.map((a) => a.text).join("\n"), article: articles[0] };
  };
}

async function parallaxFlattened(pages) {
  const { createExtractor, learnSiteBoilerplate } = await import(distUrl);
  const extract = createExtractor();
  const decode = await pageDecoder();
  const documents = new Map(
    pages.map((page) => [
      page,
      {
        origin: { locator: page.url, format: "raw" },
        format: "raw",
        content: flattenHtml(decode(page)),
        given: { url: page.url },
      },
    ]),
  );
  const sites = learnSiteBoilerplate([...documents.values()]);
  return (page) => {
    const article = extract(documents.get(page), sites);
    return { text: article.text, article };
  };
}

async function allKept() {
  const decode = await pageDecoder();
  return (page) => ({ text: flattenHtml(decode(page)) });
}

async function readabilityBaseline() {
  const decode = await pageDecoder();
  return (page) => {
    const { document } = parseHTML(decode(page));
    return { text: new Readability(document).parse()?.textContent ?? "" };
  };
}

/**
 * Every system reads the page as decoded by Parallax's ingest (BOM, <meta>, sniffing), so that a
 * Latin-1 page is not scored as mojibake: a scraper that flattened it would have decoded it too.
 */
async function pageDecoder() {
  const { createIngester } = await import(distUrl);
  const ingest = createIngester({ as: "html" });
  return (page) => ingest({ locator: page.url, bytes: page.bytes }).documents[0]?.content ?? "";
}

async function score(name, makeSystem, pages) {
  const counts = { tp: 0, fn: 0, fp: 0 };
  const metadata = {};
  const started = performance.now();
  const system = await makeSystem(pages);
  for (const page of pages) {
    let output = { text: "" };
    try {
      output = system(page);
    } catch (error) {
      if (process.env.BENCH_VERBOSE) console.error(page.url, error);
    }
    const text = normalise(output.text);
    for (const segment of page.entry.with) {
      if (text.includes(normalise(segment))) counts.tp++;
      else counts.fn++;
    }
    for (const segment of page.entry.without) if (text.includes(normalise(segment))) counts.fp++;
    if (output.article) scoreMetadata(output.article, page.entry, metadata);
  }
  const seconds = (performance.now() - started) / 1000;
  const precision = counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp / (counts.tp + counts.fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  const row = [
    name,
    precision.toFixed(3),
    recall.toFixed(3),
    f1.toFixed(3),
    (pages.length / seconds).toFixed(1),
    pages.length,
  ];
  return { row, metadata };
}

function scoreMetadata(article, gold, tally) {
  const check = (field, expected, actual) => {
    if (!expected) return;
    tally[field] ??= { correct: 0, total: 0 };
    tally[field].total++;
    if (actual !== undefined && actual === expected) tally[field].correct++;
  };
  check("title", loose(gold.title), article.title ? loose(article.title.value) : undefined);
  check(
    "author",
    names(gold.author),
    article.authors.length ? names(article.authors.map((a) => a.value).join("; ")) : undefined,
  );
  check("date", gold.date, article.published?.value.slice(0, 10));
}

function loose(text) {
  return text
    ? normalise(text)
        .toLowerCase()
        .replace(/["'“”‘’«»]/g, "")
    : text;
}

function names(value) {
  const text = Array.isArray(value) ? value.join("; ") : value;
  if (!text) return text;
  return text
    .split(/\s*(?:;|,|\band\b|\bund\b|&)\s*/i)
    .map((n) => loose(n))
    .filter(Boolean)
    .sort()
    .join("|");
}

function normalise(text) {
  return text.replace(/\s+/g, " ").trim();
}
