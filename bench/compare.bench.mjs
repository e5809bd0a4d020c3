#!/usr/bin/env node
// The BASIL bias bench (issue 6): how well the cross-check finds the sentences and words that
// BASIL's annotators marked as biased (../shared/dev/bias/basil/: 50 events, each told by Fox,
// NYT and HuffPost, with phrase-level `inf` and `lex` spans).
//
// Metrics:
// - inf (sentence level): a BASIL sentence (one string of `body-paragraphs[p][s]`) is positive
//   when it holds an `inf` span; P/R/F1 over all sentences of all articles.
// - lex (token level): a token (a run of letters/digits with inner ' ’ - . kept; punctuation is
//   not a token) is positive when it overlaps a `lex` span; P/R/F1 over all tokens.
// - lex-sent (sentence level, shown for reference): a sentence is positive when it holds a lex span.
// Annotation offsets: BASIL's `start`/`end` are indices into ONE sentence string, which the span
// does not name; bench/compare/_basil.mjs finds it by matching `txt` and lists the exceptions.
//
// Predictors:
// - "all sentences": every sentence (and so every token) marked; the baseline.
// - "parallax": each triplet runs through the pipeline (ingest as JSONL, learn sites, extract,
//   analyze, dedupe) as one story of its three articles, then compare. lex tokens = tokens inside
//   the article's `annotations.framing` spans (data/lexicons/framing.json, untouched by BASIL);
//   inf sentences = sentences overlapping the wording of a fact whose cell for this article has
//   status "only" ("parallax, no framing facts" leaves out facts of kind "framing").
// Mapping: BASIL's text is the sentences joined by a space and the paragraphs by a blank line;
// article.text offsets are mapped back to it by pairing non-space characters in order (the
// extractor may change spacing, never the words), then spans are set on BASIL's sentences.
// Usage: node bench/compare.bench.mjs [--limit N events]
import { devSet, distModule, flagValue, peakMemoryMb, prf, printTable } from "./common.mjs";
import { basilEvents, offsetMapper, overlaps } from "./compare/_basil.mjs";

const limit = Number(flagValue("--limit", "0")) || Infinity;
const OUTLETS = ["fox", "nyt", "hpo"];

const root = devSet("bias/basil/");
if (!root) {
  console.log("MISSING ../shared/dev/bias/basil/: the BASIL bias bench cannot run.");
  console.log(`RESULT ${JSON.stringify({ missing: "bias/basil" })}`);
  process.exit(0);
}

const { createDefaultStages, loadKnowledge } = await import(distModule("index.js"));
const stages = createDefaultStages(loadKnowledge());

const events = basilEvents(root.pathname).slice(0, limit);
const started = performance.now();
const tallies = new Map();
let unmapped = 0;
let unplaced = 0;
for (const { event, articles } of events) {
  const predicted = runStory(event, articles);
  for (const gold of articles) {
    unplaced += gold.unplaced;
    const prediction = predicted.get(gold.id);
    if (!prediction) unmapped++;
    score("all sentences", gold, () => ({ infSentence: () => true, lexToken: () => true }));
    for (const variant of ["parallax", "parallax, no framing facts"])
      score(variant, gold, () => prediction?.[variant] ?? none());
  }
}
const seconds = (performance.now() - started) / 1000;

const rows = [["predictor", "outlet", "inf P", "inf R", "inf F1", "lex P", "lex R", "lex F1", "lex-sent F1"]];
const PREDICTORS = ["all sentences", "parallax", "parallax, no framing facts"];
const order = (key) => {
  const [predictor, outlet] = key.split("|");
  return PREDICTORS.indexOf(predictor) * 10 + ["all", ...OUTLETS].indexOf(outlet);
};
for (const [key, t] of [...tallies].sort(([a], [b]) => order(a) - order(b))) {
  const inf = prf(...t.inf);
  const lex = prf(...t.lex);
  rows.push([
    ...key.split("|"),
    inf.precision,
    inf.recall,
    inf.f1,
    lex.precision,
    lex.recall,
    lex.f1,
    prf(...t.lexSent).f1,
  ]);
}
const articleCount = events.reduce((n, e) => n + e.articles.length, 0);
console.log(`\nBASIL: ${events.length} events, ${articleCount} articles, ${seconds.toFixed(1)} s`);
printTable(rows);
console.log(
  `spans not placed on a body sentence: ${unplaced}; articles whose text could not be mapped: ${unmapped}`,
);
console.log(`peak memory: ${peakMemoryMb()} MB`);

const figure = (predictor, metric) => prf(...tallies.get(`${predictor}|all`)[metric]);
const result = {
  events: events.length,
  articles: articleCount,
  baselineInfF1: figure("all sentences", "inf").f1,
  baselineLexF1: figure("all sentences", "lex").f1,
  baselineLexSentF1: figure("all sentences", "lexSent").f1,
  infP: figure("parallax", "inf").precision,
  infR: figure("parallax", "inf").recall,
  infF1: figure("parallax", "inf").f1,
  infNoFramingF1: figure("parallax, no framing facts", "inf").f1,
  lexP: figure("parallax", "lex").precision,
  lexR: figure("parallax", "lex").recall,
  lexF1: figure("parallax", "lex").f1,
  unmapped,
  seconds: Math.round(seconds),
  peakMb: peakMemoryMb(),
};
console.log(`RESULT ${JSON.stringify(result)}`);

function none() {
  return { infSentence: () => false, lexToken: () => false };
}

/** Runs one triplet through the pipeline as one story; per article id, its predictors by name. */
function runStory(event, articles) {
  const documents = articles.flatMap((a) => {
    const line = { id: a.id, outlet: a.outlet, title: a.title, published: a.published, text: a.text };
    return stages.ingest({ locator: `${a.id}.jsonl`, bytes: new TextEncoder().encode(JSON.stringify(line)) })
      .documents;
  });
  const sites = stages.learnSites(documents);
  const analysed = stages.dedupe(documents.map((d) => stages.analyze(stages.extract(d, sites))));
  const story = {
    id: event,
    title: articles[0].title,
    articleIds: analysed.map((a) => a.id),
    firstPublished: articles.map((a) => a.published).sort()[0],
  };
  const comparison = stages.compare(story, analysed);
  const predictions = new Map();
  for (const article of analysed) {
    const gold = articles.find((a) => a.id === article.id);
    const toSource = gold && offsetMapper(article.text, gold.text);
    if (!toSource) continue;
    const mapped = (spans) => spans.map((s) => toSource(s.start, s.end)).filter((s) => s !== undefined);
    const lexSpans = mapped(article.annotations.framing);
    const onlyWordings = (keep) =>
      mapped(
        comparison.facts
          .filter(keep)
          .flatMap((f) => f.cells.filter((c) => c.articleId === article.id && c.status === "only"))
          .flatMap((c) => c.wording.filter((w) => w.field === "text")),
      );
    const predictor = (infSpans) => ({
      infSentence: (sentence) => infSpans.some((s) => overlaps(s, sentence)),
      lexToken: (token) => lexSpans.some((s) => overlaps(s, token)),
    });
    predictions.set(article.id, {
      parallax: predictor(onlyWordings(() => true)),
      "parallax, no framing facts": predictor(onlyWordings((f) => f.kind !== "framing")),
    });
  }
  return predictions;
}

/** Adds one article's counts to the predictor's overall and per-outlet tallies. */
function score(predictor, gold, make) {
  const { infSentence, lexToken } = make();
  for (const key of [`${predictor}|all`, `${predictor}|${gold.outlet}`]) {
    if (!OUTLETS.includes(key.split("|")[1]) && !key.endsWith("|all")) continue;
    const t = tallies.get(key) ?? { inf: [0, 0, 0], lex: [0, 0, 0], lexSent: [0, 0, 0] };
    for (const sentence of gold.sentences) {
      count(t.inf, infSentence(sentence), sentence.inf);
      const lexInSentence = sentence.lexSpans.length > 0;
      const sentenceTokens = sentence.tokens.map((token) => ({
        predicted: lexToken(token),
        gold: sentence.lexSpans.some((s) => overlaps(s, token)),
      }));
      for (const token of sentenceTokens) count(t.lex, token.predicted, token.gold);
      count(
        t.lexSent,
        sentenceTokens.some((token) => token.predicted),
        lexInSentence,
      );
    }
    tallies.set(key, t);
  }
}

/** counts = [correct, predicted, gold], the arguments of prf. */
function count(counts, predicted, gold) {
  if (predicted && gold) counts[0]++;
  if (predicted) counts[1]++;
  if (gold) counts[2]++;
}
