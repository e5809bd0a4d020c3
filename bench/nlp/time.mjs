#!/usr/bin/env node
// Time expressions on ../shared/dev/time/tbaq/ (TempEval-3 TBAQ-cleaned: TimeBank + AQUAINT, 256
// TimeML news documents). Each document's TEXT is stripped of its inline tags; the TIMEX3 tags in
// it are the gold mentions (type and normalised value). The DCT TIMEX3 (the document creation
// time) is not a target: it is the dateline, given to the article as `published`.
// Scored as TempEval-3's scorer does: strict = the same span, relaxed = overlapping spans (each
// gold mention matched at most once); type accuracy and value P/R/F1 over the relaxed matches
// (value P = right values / predicted mentions, R = right values / gold mentions).
// Usage: node bench/nlp/time.mjs [--limit N] [--errors K] [--show REGEX]
//   N documents; K error lines per kind; REGEX prints every error of a matching pattern in context.
// PARALLAX_DIST=dir measures another build (default dist/).
import { readdirSync, readFileSync } from "node:fs";
import { devSet, distModule, flagValue, peakMemoryMb, prf, printTable } from "../common.mjs";

const limit = Number(flagValue("--limit", "Infinity"));
const errorLines = Number(flagValue("--errors", "12"));
/** `--show REGEX`: also print every error whose pattern matches, with its context and DCT. */
const showPattern = flagValue("--show", undefined);
const show = showPattern === undefined ? undefined : new RegExp(showPattern, "i");
const dir = devSet("time/tbaq/");
if (dir) await main(dir);

async function main(dir) {
  const { createTokenizer } = await import(distModule("analyze/tokens.js"));
  const { createTimeNormalizer } = await import(distModule("analyze/times/index.js"));
  const { articleFromText } = await import(distModule("model/index.js"));
  const tokenizer = createTokenizer();
  const times = createTimeNormalizer();

  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".tml"))
    .sort()
    .slice(0, limit);
  const counts = { gold: 0, predicted: 0, strict: 0, relaxed: 0, type: 0, value: 0 };
  const errors = { missed: new Map(), spurious: new Map(), value: new Map(), type: new Map() };
  let timeMs = 0;
  for (const file of files) {
    const doc = parseTimeMl(readFileSync(new URL(file, dir), "utf8"));
    const base = articleFromText(doc.text, { id: file, published: doc.published });
    const started = performance.now();
    const withTokens = { ...base, annotations: { ...base.annotations, ...tokenizer.run(base) } };
    const predicted = times.run(withTokens).times ?? [];
    timeMs += performance.now() - started;
    score(doc, predicted, counts, errors);
  }

  const strict = prf(counts.strict, counts.predicted, counts.gold);
  const relaxed = prf(counts.relaxed, counts.predicted, counts.gold);
  const value = prf(counts.value, counts.predicted, counts.gold);
  const typeAccuracy = round(counts.relaxed === 0 ? 0 : counts.type / counts.relaxed);
  const docsPerSecond = round((files.length / timeMs) * 1000, 1);
  console.log(
    `TempEval-3 TBAQ: ${files.length} documents, ${counts.gold} gold TIMEX3, ${counts.predicted} predicted`,
  );
  printTable([
    ["measure", "precision", "recall", "F1"],
    ["strict span", strict.precision, strict.recall, strict.f1],
    ["relaxed span", relaxed.precision, relaxed.recall, relaxed.f1],
    ["value", value.precision, value.recall, value.f1],
  ]);
  console.log(
    `type accuracy ${typeAccuracy}; ${docsPerSecond} documents/s (tokenizer + times); peak ${peakMemoryMb()} MB`,
  );
  console.log("(HeidelTime on TempEval-3 test: relaxed F1 0.909, value F1 0.776; SUTime: value F1 0.674)");
  printErrors("missed", errors.missed);
  printErrors("spurious", errors.spurious);
  printErrors("wrong value (gold -> predicted)", errors.value);
  printErrors("wrong type (gold -> predicted)", errors.type);
  const result = {
    relaxedF1: relaxed.f1,
    strictF1: strict.f1,
    valueF1: value.f1,
    typeAccuracy,
    documents: files.length,
    docsPerSecond,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

/** Strips a TimeML document to its TEXT with gold TIMEX3 spans, and reads its DCT. */
function parseTimeMl(xml) {
  const dct = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]+)"/.exec(xml)?.[1];
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? "";
  let text = "";
  const gold = [];
  let open;
  const tag = /<(\/?)([A-Za-z0-9]+)([^>]*)>/g;
  let last = 0;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    text += decodeEntities(body.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== "TIMEX3") continue;
    if (m[1] === "") {
      open = { start: text.length, type: attribute(m[3], "type"), value: attribute(m[3], "value") };
      if (m[3].trimEnd().endsWith("/")) open = undefined; // an empty (non-consuming) TIMEX3
    } else if (open) {
      if (text.length > open.start) gold.push({ ...open, end: text.length, text: text.slice(open.start) });
      open = undefined;
    }
  }
  text += decodeEntities(body.slice(last));
  const published = dct
    ? { value: dct.slice(0, 16), precision: dct.length > 10 ? "minute" : "day", source: "dct" }
    : undefined;
  return { text, gold, published };
}

function attribute(attributes, name) {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? "";
}

function decodeEntities(s) {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Pairs each gold mention with the first unused prediction overlapping it, and counts. */
function score(doc, predicted, counts, errors) {
  counts.gold += doc.gold.length;
  counts.predicted += predicted.length;
  const used = new Set();
  for (const g of doc.gold) {
    const i = predicted.findIndex((p, k) => !used.has(k) && p.start < g.end && g.start < p.end);
    if (i < 0) {
      note(errors.missed, `${g.type} ${shape(g.text)}`, `"${g.text}" ${g.value}`, around(doc, g));
      continue;
    }
    used.add(i);
    const p = predicted[i];
    counts.relaxed++;
    if (p.start === g.start && p.end === g.end) counts.strict++;
    if (p.timexType === g.type) counts.type++;
    else note(errors.type, `${g.type} -> ${p.timexType}`, `"${g.text}" / "${p.text}"`, around(doc, g));
    if (sameValue(p.value, g.value)) counts.value++;
    else
      note(
        errors.value,
        `${shapeValue(g.value)} -> ${shapeValue(p.value)}`,
        `"${g.text}" ${g.value} / "${p.text}" ${p.value}`,
        around(doc, g),
      );
  }
  predicted.forEach((p, k) => {
    if (!used.has(k))
      note(errors.spurious, `${p.timexType} ${shape(p.text)}`, `"${p.text}" ${p.value}`, around(doc, p));
  });
}

/** The text around a mention, on one line, with the document's creation time. */
function around(doc, span) {
  const flat = (s) => s.replace(/\s+/g, " ");
  const before = flat(doc.text.slice(Math.max(0, span.start - 80), span.start));
  const after = flat(doc.text.slice(span.end, span.end + 60));
  return `DCT ${doc.published?.value}: ...${before}[[${doc.text.slice(span.start, span.end)}]]${after}...`;
}

/** TimeML writes seconds the text never gave ("T14:26:00"); a minute value is the same time. */
function sameValue(predicted, gold) {
  return predicted === gold || predicted === gold.replace(/^(.*T\d\d:\d\d):00$/, "$1");
}

/** An error's pattern: its words lower-cased, digits as 9, so that like errors group together. */
function shape(text) {
  return text.toLowerCase().replace(/\d/g, "9").replace(/\s+/g, " ");
}

function shapeValue(value) {
  return value.replace(/\d/g, "9");
}

function note(map, key, example, context) {
  if (show?.test(key)) console.log(`[${key}] ${example}    ${context ?? ""}`);
  const entry = map.get(key) ?? { count: 0, examples: [] };
  entry.count++;
  if (entry.examples.length < 2) entry.examples.push(example);
  map.set(key, entry);
}

function printErrors(title, map) {
  const total = [...map.values()].reduce((n, e) => n + e.count, 0);
  console.log(`\n${title}: ${total}`);
  const top = [...map.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, errorLines);
  for (const [key, e] of top)
    console.log(`  ${String(e.count).padStart(4)}  ${key}   e.g. ${e.examples.join(" | ")}`);
}

function round(x, places = 3) {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}
