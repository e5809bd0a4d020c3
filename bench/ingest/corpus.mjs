#!/usr/bin/env node
// The ingest benchmark's corpus: N news "units" (pages, records, files) made deterministically
// from a seed out of the real texts of ../shared/dev and examples/ (sources.mjs), written under
// /tmp/parallax-bench/ (never into the repository) and cached by version, seed and N.
//
// Stories: each takes one real text (or an event's group of texts: a BASIL triplet, an ECB+
// event) and is told by 1-8 outlets (P(k) ~ 1/k); the story renames half its names and each
// outlet's version is cut, reordered, trimmed, retold with a few other figures and retitled
// (vary.mjs). Dates run forward like an archive (~140 articles a day), so corpus N is exactly
// the first N units of any larger corpus with the same seed. 5% of articles are wire reprints
// (the same text at another outlet), 1% of units re-fetch an earlier URL (it must not be stored
// twice), and one unit in ~100 is a real trafilatura page, each used at most once.
// Formats, the way crawls come: ~50% HTML in WARC.gz (1,000 responses per file, each after its
// request record), ~30% HTML files in per-outlet folders, ~15% JSONL (text or html records),
// ~5% flattened text with menus and captions (.txt). Pages use a dozen site templates.
//
// Usage: node bench/ingest/corpus.mjs [--size 2000] [--seed 8]   (prints the manifest)
import { Buffer } from "node:buffer";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { distModule, flagValue } from "../common.mjs";
import { flattenHtml } from "../flatten.mjs";
import { powerSampler } from "../stories/_synthetic.mjs";
import { loadSources } from "./sources.mjs";
import { AGENCIES, articleUrl, makeOutlets, personName, renderPage, slugOf } from "./templates.mjs";
import { namePool, namesOf, renameText, storyRenaming, varyText } from "./vary.mjs";
import { warcWriter } from "./warc.mjs";

const { mulberry32 } = await import(distModule("common/random.js"));

/** Bump when the corpus changes shape: cached corpora of older versions are rebuilt. */
export const CORPUS_VERSION = 1;
export const BENCH_ROOT = "/tmp/parallax-bench";
export const DEFAULT_SEED = 8;

/** Outlets: "a few hundred", most publishing rarely, a few often (Zipf with an offset). */
const OUTLET_COUNT = 300;
const OUTLET_EXPONENT = 1;
const OUTLET_OFFSET = 10;
/**
 * How often each set gives a story's text: news sets alike, so CoNLL's 1,000 short Reuters items
 * do not make up most of the corpus; the examples are few and rare.
 */
const SET_WEIGHTS = { basil: 0.15, ecbplus: 0.2, tbaq: 0.2, geo: 0.2, conll: 0.2, examples: 0.05 };
const MAX_STORY_SIZE = 8;
/** P(story of k outlets) ~ 1/k on 1..8: mean ~2.9, many stories told once. */
const STORY_SIZE_EXPONENT = 1;
/** An archive's density: the time span grows with N. */
const ARTICLES_PER_DAY = 140;
/** Later versions of a story come on average half a day after the first, at most 6 days. */
const MEAN_DAYS_LATE = 0.5;
const MAX_DAYS_LATE = 6;
const WIRE_REPRINT = 0.05;
const REFETCH = 0.01;
/** Refetches pick among this many recent units with a URL. */
const REFETCH_WINDOW = 200;
/** One trafilatura page in this many units; each page is used at most once. */
const PAGE_EVERY = 100;
const PAGE_OFFSET = 50;
/** Format shares (cumulative): WARC 50%, HTML files 30%, JSONL 15%, flattened text 5%. */
const FORMAT_SHARES = [
  ["warc", 0.5],
  ["html", 0.8],
  ["jsonl", 0.95],
  ["txt", 1],
];
/** Of JSONL records, the share carrying html instead of text. */
const JSONL_HTML = 1 / 3;
const WARC_RESPONSES_PER_FILE = 1_000;
const JSONL_LINES_PER_FILE = 2_000;
/** Of WARC responses, the share sent chunked and the share gzip-encoded (as some crawls keep them). */
const WARC_CHUNKED = 0.05;
const WARC_GZIP_ENCODED = 0.05;
/** Headlines of other stories shown in each page's related-links widgets. */
const RELATED_COUNT = 6;
/** Day 0 of the archive. */
const EPOCH_MS = Date.UTC(2016, 0, 1);
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const CRAWLER_UA = "Mozilla/5.0 (compatible; ExampleNewsCrawler/2.1)";

export function corpusPaths(size, seed) {
  const name = `ingest-v${CORPUS_VERSION}-seed${seed}-n${size}`;
  return { dir: join(BENCH_ROOT, name), manifestPath: join(BENCH_ROOT, `${name}.json`) };
}

/**
 * The corpus of `size` units for `seed`, built unless a complete one is cached (its manifest is
 * written last, beside the folder, so the folder holds only inputs). `sources` is a function
 * returning loadSources()'s result, so several sizes can share one load.
 */
export async function ensureCorpus(size, seed, sources = loadSources, log = console.log) {
  const { dir, manifestPath } = corpusPaths(size, seed);
  const writer = await warcWriter();
  const cached =
    existsSync(manifestPath) && existsSync(dir) ? JSON.parse(readFileSync(manifestPath, "utf8")) : undefined;
  // A corpus written by the local stand-in is rebuilt once the build has the real WARC writer.
  if (cached?.warcWriter === writer.origin) return { dir, manifest: cached, cached: true };
  rmSync(dir, { recursive: true, force: true });
  log(`building corpus of ${size} units (seed ${seed}) in ${dir} ...`);
  const manifest = await buildCorpus(size, seed, dir, sources());
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir, manifest, cached: false };
}

export async function buildCorpus(size, seed, dir, sources) {
  const started = performance.now();
  const writer = createWriter(dir, await warcWriter());
  const stats = { kinds: {}, stories: new Set(), outlets: new Set(), textChars: 0, texts: 0, sets: {} };
  let last;
  for (const unit of units(size, seed, sources)) {
    writer.write(unit);
    count(stats.kinds, unit.kind);
    if (unit.kind === "page") continue;
    stats.stories.add(unit.article.story);
    stats.outlets.add(unit.article.outlet.host);
    if (unit.kind !== "refetch") count(stats.sets, unit.article.set);
    stats.textChars += unit.article.paragraphs.join("\n\n").length;
    stats.texts++;
    last = unit;
  }
  const files = writer.close();
  const kinds = stats.kinds;
  return {
    version: CORPUS_VERSION,
    seed,
    size,
    dir,
    formats: files.formats,
    files: files.files,
    bytes: files.bytes,
    warcWriter: files.warcOrigin,
    kinds,
    stories: stats.stories.size,
    outlets: stats.outlets.size,
    meanTextChars: Math.round(stats.textChars / Math.max(1, stats.texts)),
    fromSets: stats.sets,
    sources: sources.counts,
    /** Distinct articles a correct ingest stores: every unit but the re-fetches of a URL. */
    expectedArticles: size - (kinds.refetch ?? 0),
    spanDays: last ? Math.ceil((Date.parse(last.article.published) - EPOCH_MS) / DAY_MS) : 0,
    buildSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** The corpus as a deterministic stream of units: {kind, format, article | page, fetchedAt, ...}. */
function* units(size, seed, sources) {
  const outlets = makeOutlets(OUTLET_COUNT, floatRng(seed, 0));
  const pool = namePool(namesOf(sources.seeds.flatMap((s) => s.texts)));
  const bySet = {};
  for (const s of sources.seeds) (bySet[s.set] ??= []).push(s);
  const samplers = {
    outlet: powerSampler(OUTLET_COUNT, OUTLET_EXPONENT, OUTLET_OFFSET),
    storySize: powerSampler(MAX_STORY_SIZE, STORY_SIZE_EXPONENT),
  };
  const context = { seed, outlets, pool, samplers, sources, bySet, recent: [], related: [] };
  let index = 0;
  let pagesUsed = 0;
  for (let story = 0; index < size; story++) {
    if (pagesUsed < sources.pages.length && index >= PAGE_EVERY * pagesUsed + PAGE_OFFSET) {
      yield pageUnit(sources.pages[pagesUsed], index, floatRng(seed, 1 + 2 * story));
      pagesUsed++;
      index++;
    }
    for (const unit of storyUnits(story, index, context)) {
      if (index >= size) break;
      yield { ...unit, index, related: context.related.slice() };
      remember(context, unit);
      index++;
    }
  }
}

/** One story's units: each outlet's version, with the odd wire reprint and re-fetch. */
function storyUnits(story, index, context) {
  const rng = floatRng(context.seed, 2 + 2 * story);
  const { samplers, outlets } = context;
  const seedGroup = pickSeed(context.bySet, rng);
  const renaming = storyRenaming(namesOf(seedGroup.texts), context.pool, rng);
  const count = samplers.storySize(rng);
  const start = EPOCH_MS + (index / ARTICLES_PER_DAY) * DAY_MS;
  const used = new Set();
  const pickOutlet = () => {
    for (;;) {
      const o = outlets[samplers.outlet(rng) - 1];
      if (!used.has(o.host)) {
        used.add(o.host);
        return o;
      }
    }
  };
  const out = [];
  for (let version = 0; version < count; version++) {
    const base = renameText(seedGroup.texts[version % seedGroup.texts.length], renaming);
    const text = varyText(base, version, rng);
    const late = version === 0 ? 0 : Math.min(MAX_DAYS_LATE, -Math.log(1 - rng()) * MEAN_DAYS_LATE);
    const published = start + late * DAY_MS + rng() * 2 * HOUR_MS;
    const id = `${story.toString(36)}-${version}`;
    const article = makeArticle({
      id,
      story,
      set: seedGroup.set,
      text,
      outlet: pickOutlet(),
      published,
      rng,
      author: personName(rng),
    });
    out.push({
      kind: "article",
      format: drawFormat(rng),
      article,
      fetchedAt: published + rng() * 6 * HOUR_MS,
      wire: wireVariant(rng),
    });
    if (rng() < WIRE_REPRINT) {
      const when = published + (1 + rng() * 5) * HOUR_MS;
      const agency = AGENCIES[Math.floor(rng() * 3)];
      const reprint = makeArticle({
        id: `${id}w`,
        story,
        set: seedGroup.set,
        text,
        outlet: pickOutlet(),
        published: when,
        rng,
        author: agency,
      });
      out.push({
        kind: "reprint",
        format: drawFormat(rng),
        article: reprint,
        fetchedAt: when + HOUR_MS,
        wire: wireVariant(rng),
      });
    }
    if (rng() < REFETCH && context.recent.length > 0) {
      const earlier = context.recent[Math.floor(rng() * context.recent.length)];
      const format = rng() < 0.7 ? "warc" : "jsonl";
      out.push({
        ...earlier,
        kind: "refetch",
        format,
        fetchedAt: earlier.fetchedAt + (1 + rng() * 47) * HOUR_MS,
      });
    }
  }
  return out;
}

/** A set by SET_WEIGHTS (among those present), then one of its seeds uniformly. */
function pickSeed(bySet, rng) {
  const present = Object.entries(SET_WEIGHTS).filter(([set]) => bySet[set]?.length > 0);
  const total = present.reduce((sum, [, w]) => sum + w, 0);
  let u = rng() * total;
  const [set] = present.find(([, w]) => (u -= w) < 0) ?? present[present.length - 1];
  const seeds = bySet[set];
  return seeds[Math.floor(rng() * seeds.length)];
}

function makeArticle({ id, story, set, text, outlet, published, rng, author }) {
  const iso = new Date(Math.round(published / 60_000) * 60_000).toISOString().replace(/\.\d+Z$/, "Z");
  const section = outlet.sections[Math.floor(rng() * outlet.sections.length)];
  const names = namesOf([text]);
  const subject = names.length > 0 ? names[Math.floor(rng() * names.length)] : outlet.name;
  const caption = `${subject}. (Photo: ${AGENCIES[Math.floor(rng() * AGENCIES.length)]})`;
  const article = {
    id,
    story,
    set,
    title: text.title,
    paragraphs: text.paragraphs,
    published: iso,
    author,
    section,
    caption,
    slug: slugOf(text.title),
    outlet,
  };
  return { ...article, url: articleUrl(outlet, article) };
}

function pageUnit(page, index, rng) {
  const format = rng() < 0.6 ? "warc" : "html";
  return { kind: "page", format, page, index, fetchedAt: EPOCH_MS + (index / ARTICLES_PER_DAY) * DAY_MS };
}

function remember(context, unit) {
  if (unit.kind !== "refetch" && unit.format !== "txt") {
    context.recent.push(unit);
    if (context.recent.length > REFETCH_WINDOW) context.recent.shift();
  }
  if (unit.kind === "article" && unit.article.id.endsWith("-0")) {
    context.related.unshift(unit.article.title);
    context.related.length = Math.min(context.related.length, RELATED_COUNT);
  }
}

function drawFormat(rng) {
  const u = rng();
  return FORMAT_SHARES.find(([, upTo]) => u < upTo)[0];
}

/** How the HTTP response was sent: mostly plain, some chunked, some gzip-encoded. */
function wireVariant(rng) {
  const u = rng();
  return u < WARC_CHUNKED ? "chunked" : u < WARC_CHUNKED + WARC_GZIP_ENCODED ? "gzip" : "plain";
}

/** Writers for the four formats; `close()` returns {formats, files, bytes, warcOrigin}. */
function createWriter(dir, warc) {
  const formats = { warc: 0, html: 0, jsonl: 0, txt: 0 };
  const files = { warc: 0, html: 0, jsonl: 0, txt: 0 };
  const made = new Set();
  const open = { warc: undefined, jsonl: undefined };
  let bytes = 0;
  const ensureDir = (path) => {
    const d = dirname(path);
    if (!made.has(d)) mkdirSync(d, { recursive: true });
    made.add(d);
  };
  const writeFile = (path, content, kind) => {
    ensureDir(path);
    writeFileSync(path, content);
    bytes += Buffer.byteLength(content);
    files[kind]++;
  };
  const appendTo = (kind, perFile, name, chunk) => {
    if (!open[kind] || open[kind].count >= perFile) {
      if (open[kind]) closeSync(open[kind].fd);
      files[kind]++;
      const path = join(dir, kind, name(files[kind]));
      ensureDir(path);
      open[kind] = { fd: openSync(path, "w"), count: 0 };
      if (kind === "warc") writeSync(open[kind].fd, warcInfo(warc, path));
    }
    const buffer = Buffer.from(chunk);
    writeSync(open[kind].fd, buffer);
    bytes += buffer.length;
    open[kind].count++;
  };
  const number = (n) => String(n).padStart(5, "0");
  return {
    write(unit) {
      formats[unit.format]++;
      const iso = new Date(unit.fetchedAt).toISOString();
      if (unit.kind === "page") {
        const host = new URL(unit.page.url).hostname;
        if (unit.format === "warc")
          appendTo(
            "warc",
            WARC_RESPONSES_PER_FILE,
            (n) => `crawl-${number(n)}.warc.gz`,
            warcPair(warc, unit.page.url, unit.page.bytes, iso, "text/html", "plain"),
          );
        else writeFile(join(dir, "html", host, `page-${unit.index}.html`), unit.page.bytes, "html");
        return;
      }
      const a = unit.article;
      const html = renderPage(a.outlet, a, unit.related);
      if (unit.format === "warc")
        appendTo(
          "warc",
          WARC_RESPONSES_PER_FILE,
          (n) => `crawl-${number(n)}.warc.gz`,
          warcPair(warc, a.url, html, iso, "text/html; charset=utf-8", unit.wire),
        );
      else if (unit.format === "jsonl") {
        const record = { url: a.url, outlet: a.outlet.name, title: a.title, published: a.published };
        const asHtml = (unit.index * 2654435761) % 1000 < JSONL_HTML * 1000;
        const line = JSON.stringify(
          asHtml ? { ...record, html } : { ...record, text: a.paragraphs.join("\n\n") },
        );
        appendTo("jsonl", JSONL_LINES_PER_FILE, (n) => `dump-${number(n)}.jsonl`, `${line}\n`);
      } else if (unit.format === "html")
        writeFile(
          join(dir, "html", a.outlet.host, a.published.slice(0, 7), `${a.slug}-${a.id}.html`),
          html,
          "html",
        );
      else
        writeFile(join(dir, "text", a.outlet.host, `${a.slug}-${a.id}.txt`), `${flattenHtml(html)}\n`, "txt");
    },
    close() {
      for (const kind of Object.keys(open)) if (open[kind]) closeSync(open[kind].fd);
      return { formats, files, bytes, warcOrigin: warc.origin };
    },
  };
}

function warcInfo(warc, path) {
  const block = `software: parallax ingest bench corpus v${CORPUS_VERSION}\r\nformat: WARC File Format 1.1\r\nfilename: ${path.split("/").pop()}\r\n`;
  return warc.writeWarcRecord(
    {
      type: "warcinfo",
      date: new Date(EPOCH_MS).toISOString(),
      contentType: "application/warc-fields",
      block,
    },
    { gzip: true },
  );
}

/** A request record and the response record after it, as crawlers write them. */
function warcPair(warc, url, body, iso, contentType, wire) {
  const u = new URL(url);
  const request = `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUser-Agent: ${CRAWLER_UA}\r\nAccept: text/html\r\n\r\n`;
  const req = warc.writeWarcRecord(
    {
      type: "request",
      date: iso,
      targetUri: url,
      contentType: "application/http; msgtype=request",
      block: request,
    },
    { gzip: true },
  );
  const options = {
    date: iso,
    contentType,
    gzip: true,
    ...(wire === "chunked" ? { chunkBytes: 4096 } : {}),
    ...(wire === "gzip" ? { contentEncoding: "gzip" } : {}),
  };
  return Buffer.concat([Buffer.from(req), Buffer.from(warc.warcResponse(url, body, options))]);
}

/** A float generator in [0, 1) for one stream of the corpus (outlets, a story, a page). */
function floatRng(seed, stream) {
  const next = mulberry32((Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0);
  next();
  return () => next() / 2 ** 32;
}

function count(map, key) {
  map[key] = (map[key] ?? 0) + 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = Number(flagValue("--size", "2000"));
  const seed = Number(flagValue("--seed", String(DEFAULT_SEED)));
  const { manifest, cached } = await ensureCorpus(size, seed);
  console.log(JSON.stringify({ cached, ...manifest }, null, 2));
}
