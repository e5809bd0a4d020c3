#!/usr/bin/env node
// Places measured on the GeoVirus (WikiNews) and TR-News toponym corpora in ../shared/dev/geo/:
// the project's analysis (tokens, entities, places, as the default pipeline wires them) runs on
// each article's text; our places are matched to gold toponyms by overlapping offsets.
// Figures: toponym recall, accuracy within 161 km on the toponyms found, mean/median error,
// AUC of log error (Gritta et al. 2018; lower is better), precision against gold (informational:
// the corpora do not annotate every place), articles/s, and acc@161 by the kind of place resolved
// (country / admin / city / other). Error kinds are printed, never saved.
// Usage: node bench/nlp/geo.mjs [--limit N articles per corpus] [--errors K rows]
import { readFileSync } from "node:fs";
import { DomUtils, parseDocument } from "htmlparser2";
import { devSet, distModule, flagValue, peakMemoryMb, printTable } from "../common.mjs";

/** 100 miles: the usual "correct" radius for toponym resolution. */
const ACCURACY_KM = 161;
/** Half the Earth's circumference: the largest possible error, which normalises the AUC. */
const MAX_ERROR_KM = 20039;
const EARTH_RADIUS_KM = 6371;
/** Gold offsets drift by a few characters in some articles; search this far for the phrase. */
const MAX_OFFSET_SHIFT = 12;

/** Kinds of place for the per-kind accuracy, as we resolved them. */
const KIND_OF_FEATURE = { country: "country", admin1: "admin", admin2: "admin", city: "city" };

const CORPORA = [
  { name: "GeoVirus", file: "geo/GeoVirus.xml", read: readGeoVirus },
  { name: "TR-News", file: "geo/TR-News.xml", read: readTrNews },
];

const limit = Number(flagValue("--limit", "0")) || Infinity;
const errorRows = Number(flagValue("--errors", "15"));

const corpora = CORPORA.map((c) => ({ ...c, url: devSet(c.file) })).filter((c) => c.url);
if (corpora.length === 0) {
  console.log("RESULT {}");
  process.exit(0);
}

const index = await import(distModule("index.js"));
const loadStarted = performance.now();
const knowledge = index.loadKnowledge();
const loadSeconds = (performance.now() - loadStarted) / 1000;
const analyze = index.createAnalyzer(untilPlaces(index.analysisComponents(knowledge)));

const results = [];
for (const corpus of corpora) {
  const articles = corpus.read(readFileSync(corpus.url, "utf8")).slice(0, limit);
  results.push(evaluate(corpus.name, articles));
}
const overall = combine("overall", results);
report([...results, overall]);

// ---------------------------------------------------------------------------------------------
// Corpora
// ---------------------------------------------------------------------------------------------

function parseXml(xml) {
  return parseDocument(xml, { xmlMode: true, decodeEntities: true });
}

function childText(el, tag) {
  const child = DomUtils.getElementsByTagName(tag, el, true, 1)[0];
  return child ? DomUtils.textContent(child) : undefined;
}

/** GeoVirus: <article><text/><locations><location><name/><start/><end/><lat/><lon/>... */
function readGeoVirus(xml) {
  return DomUtils.getElementsByTagName("article", parseXml(xml)).map((article) => {
    const text = childText(article, "text") ?? "";
    const gold = DomUtils.getElementsByTagName("location", article).map((loc) =>
      goldToponym(text, childText(loc, "name"), loc),
    );
    return { text, gold };
  });
}

/** TR-News: <article><text/><toponyms><toponym><phrase/><start/><end/><gaztag geonameid><lat/><lon/>... */
function readTrNews(xml) {
  return DomUtils.getElementsByTagName("article", parseXml(xml)).map((article) => {
    const text = childText(article, "text") ?? "";
    const gold = DomUtils.getElementsByTagName("toponym", article).map((top) => {
      const toponym = goldToponym(text, childText(top, "phrase"), top);
      const gaztag = DomUtils.getElementsByTagName("gaztag", top)[0];
      const id = gaztag ? Number(DomUtils.getAttributeValue(gaztag, "geonameid")) : NaN;
      return Number.isFinite(id) ? { ...toponym, geonameId: id } : toponym;
    });
    return { text, gold };
  });
}

function goldToponym(text, phrase, el) {
  const number = (tag) => {
    const value = childText(el, tag);
    return value === undefined || value.trim() === "" ? NaN : Number(value);
  };
  const span = align(text, phrase ?? "", number("start"), number("end"));
  return { phrase: phrase ?? "", ...span, lat: number("lat"), lon: number("lon") };
}

/** The gold span where the phrase really is: as given, else the nearest occurrence close by. */
function align(text, phrase, start, end) {
  if (text.slice(start, end) === phrase) return { start, end, aligned: true };
  for (let shift = 1; shift <= MAX_OFFSET_SHIFT; shift++) {
    for (const s of [start - shift, start + shift]) {
      if (s >= 0 && text.startsWith(phrase, s)) return { start: s, end: s + phrase.length, aligned: true };
    }
  }
  return { start, end, aligned: false };
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

/** The default components up to the place resolver: what places depend on, nothing after. */
function untilPlaces(components) {
  const at = components.findIndex((c) => c.provides.includes("places"));
  if (at < 0) throw new Error("no component provides places");
  return components.slice(0, at + 1);
}

function evaluate(name, articles) {
  const stats = emptyStats(name);
  const started = performance.now();
  for (const { text, gold } of articles) {
    const analysed = analyze(index.articleFromText(text));
    const { places, entities } = analysed.annotations;
    for (const d of analysed.diagnostics) if (d.severity === "error") stats.failures.push(d.message);
    scoreArticle(stats, text, gold, places, entities);
  }
  stats.seconds = (performance.now() - started) / 1000;
  stats.articles = articles.length;
  return stats;
}

function emptyStats(name) {
  return {
    name,
    articles: 0,
    seconds: 0,
    gold: 0,
    noCoordinates: 0,
    unaligned: 0,
    found: 0,
    errors: [],
    places: 0,
    placesOnGold: 0,
    wrong: new Map(),
    wrongByFeature: new Map(),
    byKind: new Map(),
    missed: new Map(),
    failures: [],
  };
}

function scoreArticle(stats, text, gold, places, entities) {
  const usable = gold.filter((g) => Number.isFinite(g.lat) && Number.isFinite(g.lon));
  stats.noCoordinates += gold.length - usable.length;
  stats.unaligned += usable.filter((g) => !g.aligned).length;
  stats.gold += usable.length;
  stats.places += places.length;
  stats.placesOnGold += places.filter((p) => gold.some((g) => overlap(p, g) > 0)).length;
  for (const g of usable) {
    const place = bestOverlap(places, g);
    if (!place) {
      count(stats.missed, `${g.phrase} [${whyMissed(g, entities)}]`);
      continue;
    }
    stats.found++;
    const km = distanceKm(place, g);
    stats.errors.push(km);
    const kind = kindOf(place);
    const tally = stats.byKind.get(kind) ?? { found: 0, within: 0 };
    stats.byKind.set(kind, { found: tally.found + 1, within: tally.within + (km <= ACCURACY_KM ? 1 : 0) });
    if (km > ACCURACY_KM) {
      const where = `${place.name}, ${place.countryCode ?? "?"} ${place.featureCode ?? ""}`;
      count(stats.wrong, `${g.phrase} -> ${where} (${Math.round(km)} km)`);
      count(stats.wrongByFeature, place.feature);
    }
  }
}

function kindOf(place) {
  return KIND_OF_FEATURE[place.feature] ?? "other";
}

/** What the entity recogniser made of a missed toponym: no entity, or an entity of some type. */
function whyMissed(g, entities) {
  const e = bestOverlap(entities, g);
  if (!e) return "no entity";
  return e.start === g.start && e.end === g.end ? `entity ${e.type}` : `inside ${e.type} "${e.text}"`;
}

function bestOverlap(mentions, g) {
  let best;
  let bestSize = 0;
  for (const m of mentions) {
    const size = overlap(m, g);
    if (size > bestSize) [best, bestSize] = [m, size];
  }
  return best;
}

function overlap(a, b) {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function distanceKm(a, b) {
  const rad = (d) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function count(map, key) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function combine(name, parts) {
  const all = emptyStats(name);
  for (const s of parts) {
    for (const key of [
      "articles",
      "seconds",
      "gold",
      "noCoordinates",
      "unaligned",
      "found",
      "places",
      "placesOnGold",
    ])
      all[key] += s[key];
    all.errors.push(...s.errors);
    all.failures.push(...s.failures);
    for (const [k, v] of s.wrong) all.wrong.set(k, (all.wrong.get(k) ?? 0) + v);
    for (const [k, v] of s.missed) all.missed.set(k, (all.missed.get(k) ?? 0) + v);
    for (const [k, v] of s.wrongByFeature) all.wrongByFeature.set(k, (all.wrongByFeature.get(k) ?? 0) + v);
    for (const [k, v] of s.byKind) {
      const t = all.byKind.get(k) ?? { found: 0, within: 0 };
      all.byKind.set(k, { found: t.found + v.found, within: t.within + v.within });
    }
  }
  return all;
}

// ---------------------------------------------------------------------------------------------
// Figures and report
// ---------------------------------------------------------------------------------------------

/** Area under the curve of ln(1 + error km) / ln(20039) over the sorted errors (trapezoid rule). */
function auc(errors) {
  if (errors.length < 2) return errors.length === 1 ? Math.log1p(errors[0]) / Math.log(MAX_ERROR_KM) : NaN;
  const y = [...errors].sort((a, b) => a - b).map((e) => Math.log1p(e) / Math.log(MAX_ERROR_KM));
  let area = 0;
  for (let i = 1; i < y.length; i++) area += (y[i - 1] + y[i]) / 2;
  return area / (y.length - 1);
}

function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function figures(s) {
  const r3 = (x) => Math.round(x * 1000) / 1000;
  const within = s.errors.filter((e) => e <= ACCURACY_KM).length;
  return {
    gold: s.gold,
    found: s.found,
    recall: r3(s.gold ? s.found / s.gold : 0),
    acc161: r3(s.found ? within / s.found : 0),
    meanKm: Math.round(s.errors.reduce((a, b) => a + b, 0) / Math.max(1, s.errors.length)),
    medianKm: Math.round(median(s.errors)),
    auc: r3(auc(s.errors)),
    precision: r3(s.places ? s.placesOnGold / s.places : 0),
    articlesPerSecond: Math.round((s.articles / Math.max(s.seconds, 1e-9)) * 10) / 10,
  };
}

function report(all) {
  const rows = [
    [
      "corpus",
      "articles",
      "gold",
      "found",
      "recall",
      "acc@161",
      "mean km",
      "median km",
      "AUC",
      "precision",
      "art/s",
    ],
  ];
  for (const s of all) {
    const f = figures(s);
    rows.push([
      s.name,
      s.articles,
      f.gold,
      f.found,
      f.recall,
      f.acc161,
      f.meanKm,
      f.medianKm,
      f.auc,
      f.precision,
      f.articlesPerSecond,
    ]);
  }
  console.log(`knowledge loaded in ${loadSeconds.toFixed(1)} s`);
  printTable(rows);
  const total = all[all.length - 1];
  console.log(
    `gold without coordinates (skipped): ${total.noCoordinates}; gold phrases not found at their offsets: ${total.unaligned}`,
  );
  if (total.failures.length > 0)
    console.log(`component failures: ${total.failures.length}, e.g. ${total.failures[0]}`);
  printKinds(all);
  // Countries, provinces and regions are often the right entry with the corpus's other point for it.
  printTop(`wrong resolutions by the kind of place we chose`, total.wrongByFeature);
  printTop(`top wrong resolutions (> ${ACCURACY_KM} km)`, total.wrong);
  printTop("top missed toponyms [what the recogniser made of them]", total.missed);
  const f = figures(total);
  console.log(`peak memory ${peakMemoryMb()} MB`);
  console.log(
    `RESULT ${JSON.stringify({ recall: f.recall, acc161: f.acc161, auc: f.auc, precision: f.precision, articlesPerSecond: f.articlesPerSecond })}`,
  );
}

/** acc@161 by the kind of place we resolved each found toponym to: where the misses are. */
function printKinds(all) {
  const kinds = ["country", "admin", "city", "other"];
  const rows = [["corpus", ...kinds.flatMap((k) => [`${k} n`, `${k} acc`])]];
  for (const s of all) {
    const cells = kinds.flatMap((k) => {
      const t = s.byKind.get(k) ?? { found: 0, within: 0 };
      return [t.found, t.found ? Math.round((t.within / t.found) * 1000) / 1000 : "-"];
    });
    rows.push([s.name, ...cells]);
  }
  console.log("\nacc@161 by the kind of place resolved (country / admin1-2 / city / other):");
  printTable(rows);
}

function printTop(title, map) {
  const top = [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, errorRows);
  console.log(`\n${title}:`);
  for (const [key, n] of top) console.log(`  ${String(n).padStart(3)}  ${key}`);
}
