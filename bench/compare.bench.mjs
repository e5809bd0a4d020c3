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
// Predictors (inf: which sentences; lex: which tokens):
// - "all sentences": every sentence (and so every token) marked; the baseline.
// - "only facts": each triplet runs through the pipeline (ingest as JSONL, learn sites, extract,
//   analyze, dedupe) as one story of its three articles, then compare; inf sentences overlap the
//   wording of a fact whose cell for this article has status "only". lex tokens: the framing
//   lexicon's spans.
// - "selected passages": sentences src/compare/selection.ts selects on the triplet as a story
//   (its default options: score >= minScore); "cue: <name>": the sentences carrying that one cue
//   (exclusive, speculation, one-sided, background), to show what each contributes.
// - "selected passages, fit even->odd" / "odd->even": the selection weights and threshold chosen
//   on BASIL events of one parity (a small grid, see FIT_GRID) and scored on the other: the
//   honest figure for any tuning on this set. Their lex columns are the framing lexicon's.
// - lex: "loaded words" = tokens inside the drivers of `annotations.loadedSentences`;
//   "framing lexicon" = tokens inside `annotations.framing` spans. Every predictor row's lex
//   columns use the loaded words when the build finds any, else the framing lexicon
//   (RESULT.lexSource says which).
// Mapping: BASIL's text is the sentences joined by a space and the paragraphs by a blank line;
// article.text offsets are mapped back to it by pairing non-space characters in order (the
// extractor may change spacing, never the words), then spans are set on BASIL's sentences.
// Usage: node bench/compare.bench.mjs [--limit N events]
import { devSet, distModule, flagValue, peakMemoryMb, prf, printTable } from "./common.mjs";
import { basilEvents } from "./compare/_basil.mjs";
import { FIT_GRID, analyseTriplet, fitSelection } from "./compare/_selection.mjs";

const limit = Number(flagValue("--limit", "0")) || Infinity;
const OUTLETS = ["fox", "nyt", "hpo"];

const root = devSet("bias/basil/");
if (!root) {
  console.log("MISSING ../shared/dev/bias/basil/: the BASIL bias bench cannot run.");
  console.log(`RESULT ${JSON.stringify({ missing: "bias/basil" })}`);
  process.exit(0);
}

const { createDefaultStages, loadKnowledge } = await import(distModule("index.js"));
const { createPassageSelector, loadSelectionLexicon } = await import(distModule("compare/selection.js"));
const { outletLabels } = await import(distModule("common/labels.js"));
const stages = createDefaultStages(loadKnowledge());
const lexicon = loadSelectionLexicon(new URL("../data/lexicons/selection.json", import.meta.url));
const selector = createPassageSelector({ lexicon });
const tools = { stages, selector, outletLabels };

const events = basilEvents(root.pathname).slice(0, limit);
const started = performance.now();
// One record per BASIL article: its gold sentences and what the build predicts, in BASIL offsets.
const records = events.flatMap(({ event, articles }, index) =>
  analyseTriplet(tools, event, articles).map((r) => ({ ...r, parity: index % 2 })),
);
const seconds = (performance.now() - started) / 1000;

const anyLoaded = records.some((r) => r.loadedSpans.length > 0);
const lexSource = anyLoaded ? "loaded words" : "framing lexicon";
const CUES = ["exclusive", "speculation", "one-sided", "background"];
const defaultScore = (f) => selector.score(f);
const selectedByDefault = (r) => r.passages.filter((p) => p.selected).map((p) => p.span);
const cueSpans = (cue) => (r) =>
  r.passages.filter((p) => defaultScore(p.features).cues.includes(cue)).map((p) => p.span);

const withWeights = (weights) => createPassageSelector({ lexicon, weights });
const fits = [0, 1].map((parity) =>
  fitSelection(
    records.filter((r) => r.parity === parity),
    withWeights,
  ),
);
const fittedSpans = (fit) => (r) => r.passages.filter((p) => fit.selects(p.features)).map((p) => p.span);

/** name -> { inf: record -> spans whose sentences are predicted; lex: record -> token spans; only: parity } */
const PREDICTORS = [
  ["all sentences", { all: true }],
  ["only facts", { inf: (r) => r.onlyFacts }],
  ["selected passages", { inf: selectedByDefault }],
  ...CUES.map((cue) => [`cue: ${cue}`, { inf: cueSpans(cue) }]),
  ["selected passages, fit even->odd", { inf: fittedSpans(fits[0]), only: 1 }],
  ["selected passages, fit odd->even", { inf: fittedSpans(fits[1]), only: 0 }],
  ["loaded words", { lex: (r) => r.loadedSpans, noInf: true }],
  ["framing lexicon", { lex: (r) => r.framingSpans, noInf: true }],
];
const lexOf = (r) => (anyLoaded ? r.loadedSpans : r.framingSpans);

const tallies = new Map();
let unmapped = 0;
let unplaced = 0;
for (const r of records) {
  unplaced += r.gold.unplaced;
  if (!r.mapped) unmapped++;
  for (const [name, p] of PREDICTORS) {
    if (p.only !== undefined && p.only !== r.parity) continue;
    const inf = p.all ? () => true : p.noInf ? () => false : hitsAny(p.inf(r));
    const lex = p.all ? () => true : hitsAny((p.lex ?? lexOf)(r));
    score(name, r.gold, inf, lex);
  }
}

const rows = [["predictor", "outlet", "inf P", "inf R", "inf F1", "lex P", "lex R", "lex F1", "lex-sent F1"]];
const names = PREDICTORS.map(([name]) => name);
const order = (key) => {
  const [predictor, outlet] = key.split("|");
  return names.indexOf(predictor) * 10 + ["all", ...OUTLETS].indexOf(outlet);
};
const perOutlet = process.argv.includes("--outlets");
for (const [key, t] of [...tallies].sort(([a], [b]) => order(a) - order(b))) {
  if (!perOutlet && !key.endsWith("|all")) continue;
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
const articleCount = records.length;
console.log(`\nBASIL: ${events.length} events, ${articleCount} articles, ${seconds.toFixed(1)} s`);
console.log(`lex columns of the predictor rows: ${lexSource}; per outlet: add --outlets`);
printTable(rows);
for (const [parity, fit] of fits.entries())
  console.log(
    `fit on ${parity ? "odd" : "even"} events: ${JSON.stringify(fit.describe)} (grid: ${FIT_GRID.size} settings)`,
  );
console.log(
  `spans not placed on a body sentence: ${unplaced}; articles whose text could not be mapped: ${unmapped}`,
);
console.log(`peak memory: ${peakMemoryMb()} MB`);

const figure = (predictor, metric) => prf(...(tallies.get(`${predictor}|all`)?.[metric] ?? [0, 0, 0]));
const predictorFigures = Object.fromEntries(
  names.map((name) => {
    const inf = figure(name, "inf");
    const lex = figure(name, "lex");
    return [
      name,
      {
        infP: inf.precision,
        infR: inf.recall,
        infF1: inf.f1,
        lexP: lex.precision,
        lexR: lex.recall,
        lexF1: lex.f1,
      },
    ];
  }),
);
const heldOut = pooled(["selected passages, fit even->odd", "selected passages, fit odd->even"], "inf");
const lexPredictor = anyLoaded ? "loaded words" : "framing lexicon";
const result = {
  events: events.length,
  articles: articleCount,
  baselineInfF1: figure("all sentences", "inf").f1,
  baselineLexF1: figure("all sentences", "lex").f1,
  baselineLexSentF1: figure("all sentences", "lexSent").f1,
  infPredictor: "selected passages",
  infP: figure("selected passages", "inf").precision,
  infR: figure("selected passages", "inf").recall,
  infF1: figure("selected passages", "inf").f1,
  infHeldOutF1: heldOut.f1,
  infOnlyFactsF1: figure("only facts", "inf").f1,
  lexSource,
  lexP: figure(lexPredictor, "lex").precision,
  lexR: figure(lexPredictor, "lex").recall,
  lexF1: figure(lexPredictor, "lex").f1,
  predictors: predictorFigures,
  unmapped,
  seconds: Math.round(seconds),
  peakMb: peakMemoryMb(),
};
console.log(`RESULT ${JSON.stringify(result)}`);

/** P/R/F1 of several rows' counts added together (the two held-out halves make the whole set). */
function pooled(predictors, metric) {
  const sum = [0, 0, 0];
  for (const name of predictors)
    (tallies.get(`${name}|all`)?.[metric] ?? [0, 0, 0]).forEach((n, i) => (sum[i] += n));
  return prf(...sum);
}

function hitsAny(spans) {
  return (target) => spans.some((s) => s.start < target.end && target.start < s.end);
}

/** Adds one article's counts to the predictor's overall and per-outlet tallies. */
function score(predictor, gold, infSentence, lexToken) {
  for (const key of [`${predictor}|all`, `${predictor}|${gold.outlet}`]) {
    if (!OUTLETS.includes(key.split("|")[1]) && !key.endsWith("|all")) continue;
    const t = tallies.get(key) ?? { inf: [0, 0, 0], lex: [0, 0, 0], lexSent: [0, 0, 0] };
    for (const sentence of gold.sentences) {
      count(t.inf, infSentence(sentence), sentence.inf);
      const sentenceTokens = sentence.tokens.map((token) => ({
        predicted: lexToken(token),
        gold: sentence.lexSpans.some((s) => s.start < token.end && token.start < s.end),
      }));
      for (const token of sentenceTokens) count(t.lex, token.predicted, token.gold);
      count(
        t.lexSent,
        sentenceTokens.some((token) => token.predicted),
        sentence.lexSpans.length > 0,
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
