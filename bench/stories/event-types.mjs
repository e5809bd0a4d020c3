#!/usr/bin/env node
// Event-type classifier (issue 5): trained on the labelled descriptions of data/events/ that are not
// held out, measured on the held-out fifth (every fifth id of each sub-type) and on the hand-labelled
// event sentences of the seed articles (bench/stories/seed-event-sentences.json): accuracy of the
// sub-type and of its type, macro F1, and precision/recall/F1 per type and per sub-type.
// Several variants are measured side by side (naive Bayes vs logistic regression, with and without the
// cue phrases of data/events/cues.json, plain words vs lemmas); the RESULT line reports the default.
// Usage: node bench/stories/event-types.mjs [--limit N held-out sentences] [--seeds 0] [--variants 0]
//        [--epochs E] [--l2 X] [--rate R] [--cue-weight W] [--smoothing A]
import { readFileSync } from "node:fs";
import { distModule, flagValue, peakMemoryMb, printTable, prf } from "../common.mjs";

const SEED_GOLD = new URL("./seed-event-sentences.json", import.meta.url);
const ROOT = new URL("../../", import.meta.url);
const limit = Number(flagValue("--limit", "0")) || Infinity;
const withSeeds = flagValue("--seeds", "1") !== "0";
const withVariants = flagValue("--variants", "1") !== "0";
const numberFlags = {
  epochs: "--epochs",
  l2: "--l2",
  learningRate: "--rate",
  smoothing: "--smoothing",
  cueWeight: "--cue-weight",
};
const overrides = Object.fromEntries(
  Object.entries(numberFlags)
    .filter(([, flag]) => flagValue(flag, undefined) !== undefined)
    .map(([key, flag]) => [key, Number(flagValue(flag))]),
);

const events = await import(distModule("analyze/event-types/index.js"));
const { createTokenizer } = await import(distModule("analyze/tokens.js"));
const taxonomy = events.loadEventTaxonomy();
const descriptions = events.loadEventDescriptions();
const problems = events.checkDescriptionsAgainst(taxonomy, descriptions);
if (problems.length > 0) throw new Error(`data/events: ${problems.join("; ")}`);
const training = descriptions.filter((d) => !events.isHeldOut(d.id));
const heldOut = descriptions.filter((d) => events.isHeldOut(d.id)).slice(0, limit);
const typeOf = new Map(taxonomy.types.flatMap((t) => t.subTypes.map((s) => [s.id, t.id])));
const seedGold = withSeeds ? readSeedGold() : [];

console.log(
  `event-types: ${training.length} training, ${heldOut.length} held-out descriptions, ` +
    `${seedGold.length} seed sentences, ${taxonomy.types.length} types, ${typeOf.size} sub-types`,
);
let started = performance.now();
const tokenizer = createTokenizer();
const tokenizerMs = Math.round(performance.now() - started);

const VARIANTS = [
  { name: "default", options: {} },
  ...(withVariants
    ? [
        { name: "logistic, no cues", options: { cues: false } },
        { name: "logistic, words", options: { words: "words" } },
        { name: "bayes + cues", options: { model: "bayes" } },
        { name: "bayes, no cues", options: { model: "bayes", cues: false } },
        { name: "logistic + bias", options: { bias: true } },
      ]
    : []),
];
const measured = VARIANTS.map(({ name, options }) => {
  started = performance.now();
  const classifier = events.trainEventTypeClassifier(training, { tokenizer, ...overrides, ...options });
  const trainMs = Math.round(performance.now() - started);
  const seeds = seedGold.map((g) => ({ text: g.sentence, subType: g.subType, type: typeOf.get(g.subType) }));
  return {
    name,
    classifier,
    trainMs,
    heldOut: evaluate(classifier, heldOut),
    seeds: evaluate(classifier, seeds),
  };
});

console.log(`\nvariants (tokenizer load ${tokenizerMs} ms, not counted in train ms)`);
printTable([
  ["variant", "held sub acc", "held type acc", "held macro F1", "seed sub acc", "seed type acc", "train ms"],
  ...measured.map((m) => [
    m.name,
    m.heldOut.subTypeAccuracy,
    m.heldOut.typeAccuracy,
    m.heldOut.macroF1,
    m.seeds.subTypeAccuracy,
    m.seeds.typeAccuracy,
    m.trainMs,
  ]),
]);
const main = measured[0];
for (const [setName, set] of [
  ["held-out fifth", main.heldOut],
  ["seed sentences", main.seeds],
]) {
  if (set.count === 0) continue;
  console.log(`\nper type, ${setName} (default)`);
  printTable([
    ["type", "P", "R", "F1", "gold"],
    ...set.types.map((r) => [r.label, r.precision, r.recall, r.f1, r.gold]),
  ]);
  console.log(`\nper sub-type, ${setName} (default)`);
  printTable([
    ["sub-type", "P", "R", "F1", "gold"],
    ...set.subTypes
      .filter((r) => r.gold > 0 || r.precision > 0 || setName === "held-out fifth")
      .map((r) => [r.label, r.precision, r.recall, r.f1, r.gold]),
  ]);
  console.log(`\nconfusions, ${setName} (default): gold -> predicted`);
  for (const [pair, n] of set.confusions.slice(0, 12)) console.log(`  ${n} x ${pair}`);
}
if (main.seeds.count > 0) {
  console.log("\nseed sentences: gold / predicted (confidence)");
  for (const p of main.seeds.pairs)
    console.log(
      `  ${p.gold.subType === p.predicted.subType ? "ok  " : "MISS"} ${p.gold.subType} / ${p.predicted.subType} (${p.predicted.confidence.toFixed(2)}) ${oneLine(p.gold.text)}`,
    );
}

// The whole pipeline on the seeds: each gold sentence gets the sub-type of the event report read
// from it (trigger priors, actor side and the classifier together), or "none" when no report is.
const pipeline = seedGold.length > 0 ? await pipelineOnSeeds() : undefined;
if (pipeline) {
  console.log(`\nseed sentences through the pipeline (event reports; "none" = no report from the sentence)`);
  printTable([
    ["sub acc", "type acc", "macro F1", "sentences", "without a report"],
    [
      pipeline.subTypeAccuracy,
      pipeline.typeAccuracy,
      pipeline.macroF1,
      pipeline.count,
      pipeline.pairs.filter((p) => p.predicted.subType === "none").length,
    ],
  ]);
  printTable([
    ["type", "P", "R", "F1", "gold"],
    ...pipeline.types.filter((r) => r.gold > 0).map((r) => [r.label, r.precision, r.recall, r.f1, r.gold]),
  ]);
  for (const p of pipeline.pairs)
    console.log(
      `  ${p.gold.subType === p.predicted.subType ? "ok  " : "MISS"} ${p.gold.subType} / ${p.predicted.subType} ${oneLine(p.gold.text)}`,
    );
}

const summary = (set) => ({
  n: set.count,
  subTypeAccuracy: set.subTypeAccuracy,
  typeAccuracy: set.typeAccuracy,
  macroF1: set.macroF1,
});
const result = {
  heldOut: summary(main.heldOut),
  seeds: summary(main.seeds),
  ...(pipeline ? { seedsThroughPipeline: summary(pipeline) } : {}),
  trainMs: main.trainMs,
  variants: Object.fromEntries(
    measured.map((m) => [m.name, { heldOut: summary(m.heldOut), seeds: summary(m.seeds) }]),
  ),
  perType: Object.fromEntries(
    main.heldOut.types.map((r) => [r.label, { p: r.precision, r: r.recall, f1: r.f1 }]),
  ),
  peakMb: peakMemoryMb(),
};
console.log(`RESULT ${JSON.stringify(result)}`);

// ---------------------------------------------------------------------------------------------

async function pipelineOnSeeds() {
  const { createDefaultStages, loadKnowledge } = await import(distModule("index.js"));
  const stages = createDefaultStages(loadKnowledge());
  const articles = new Map();
  for (const path of new Set(seedGold.map((g) => g.article))) {
    const url = new URL(path, ROOT);
    const { documents } = stages.ingest({ locator: url.pathname, bytes: readFileSync(url) });
    articles.set(path, stages.analyze(stages.extract(documents[0])));
  }
  const none = { subType: "none", type: "none", confidence: 0 };
  return evaluatePairs(
    seedGold.map((g) => {
      const article = articles.get(g.article);
      const start = article.text.indexOf(g.sentence);
      const end = start + g.sentence.length;
      const sentences = article.annotations.sentences
        .map((span, i) => ({ span, i }))
        .filter(({ span }) => start >= 0 && span.start < end && span.end > start)
        .map(({ i }) => i);
      const report = article.annotations.eventReports.find((r) =>
        r.sentences.some((i) => sentences.includes(i)),
      );
      const predicted = report
        ? { subType: report.subType, type: report.type, confidence: report.typeConfidence }
        : none;
      return { gold: { text: g.sentence, subType: g.subType, type: typeOf.get(g.subType) }, predicted };
    }),
  );
}

function readSeedGold() {
  const gold = JSON.parse(readFileSync(SEED_GOLD, "utf8"));
  for (const g of gold) {
    const text = readFileSync(new URL(g.article, ROOT), "utf8");
    if (!text.includes(g.sentence))
      throw new Error(`seed gold: sentence not in ${g.article}: ${g.sentence.slice(0, 60)}`);
    if (!typeOf.has(g.subType)) throw new Error(`seed gold: unknown sub-type ${g.subType}`);
  }
  return gold;
}

function evaluate(classifier, gold) {
  return evaluatePairs(gold.map((d) => ({ gold: d, predicted: classifier.classify(d.text) })));
}

function evaluatePairs(pairs) {
  const subTypeHits = pairs.filter((p) => p.predicted.subType === p.gold.subType).length;
  const typeHits = pairs.filter((p) => p.predicted.type === p.gold.type).length;
  const subTypes = perLabel(pairs, (d) => d.subType, [...typeOf.keys()]);
  const types = perLabel(
    pairs,
    (d) => d.type,
    taxonomy.types.map((t) => t.id),
  );
  const scored = subTypes.filter((r) => r.gold > 0);
  return {
    count: pairs.length,
    pairs,
    subTypeAccuracy: round(subTypeHits / (pairs.length || 1)),
    typeAccuracy: round(typeHits / (pairs.length || 1)),
    macroF1: round(scored.reduce((sum, r) => sum + r.f1, 0) / (scored.length || 1)),
    subTypes,
    types,
    confusions: confusions(pairs),
  };
}

/** P/R/F1 for each label; `labelOf` reads the label from a gold item or a classification. */
function perLabel(pairs, labelOf, labels) {
  return labels.map((label) => {
    const gold = pairs.filter((p) => labelOf(p.gold) === label).length;
    const predicted = pairs.filter((p) => labelOf(p.predicted) === label).length;
    const correct = pairs.filter((p) => labelOf(p.gold) === label && labelOf(p.predicted) === label).length;
    return { label, gold, ...prf(correct, predicted, gold) };
  });
}

function confusions(pairs) {
  const counts = new Map();
  for (const p of pairs.filter((x) => x.predicted.subType !== x.gold.subType)) {
    const key = `${p.gold.subType} -> ${p.predicted.subType}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function oneLine(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 110 ? `${flat.slice(0, 107)}...` : flat;
}

function round(x) {
  return Math.round(x * 1000) / 1000;
}
