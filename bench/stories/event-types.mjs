#!/usr/bin/env node
// Event-type classifier (issue 5): trained on the labelled descriptions of data/events/ that are not
// held out, measured on the held-out fifth (every fifth id of each sub-type): accuracy of the sub-type
// and of its type, and precision/recall/F1 per type and per sub-type. Then the sentences of the seed
// articles that carry event mentions (read through the project's own pipeline) are classified and
// printed: they have no gold, so the table shows what the classifier makes of real news.
// Both feature readers are measured ("words": a plain split; "lemmas": the project's tokenizer);
// the RESULT line reports the classifier's default.
// Usage: node bench/stories/event-types.mjs [--limit N held-out sentences] [--smoothing A] [--seeds 0]
import { readdirSync, readFileSync } from "node:fs";
import { distModule, flagValue, peakMemoryMb, printTable, prf } from "../common.mjs";

const SEED_DIR = new URL("../../examples/albu-kamal/", import.meta.url);
const limit = Number(flagValue("--limit", "0")) || Infinity;
const smoothing = flagValue("--smoothing", undefined);
const withSeeds = flagValue("--seeds", "1") !== "0";

const events = await import(distModule("analyze/event-types/index.js"));
const taxonomy = events.loadEventTaxonomy();
const descriptions = events.loadEventDescriptions();
const problems = events.checkDescriptionsAgainst(taxonomy, descriptions);
if (problems.length > 0) throw new Error(`data/events: ${problems.join("; ")}`);
const training = descriptions.filter((d) => !events.isHeldOut(d.id));
const heldOut = descriptions.filter((d) => events.isHeldOut(d.id)).slice(0, limit);
const options = smoothing === undefined ? {} : { smoothing: Number(smoothing) };

console.log(
  `event-types: ${training.length} training, ${heldOut.length} held-out descriptions, ` +
    `${taxonomy.types.length} types, ${taxonomy.types.flatMap((t) => t.subTypes).length} sub-types`,
);
const byReader = {};
for (const words of ["words", "lemmas"]) {
  const started = performance.now();
  const classifier = events.trainEventTypeClassifier(training, { ...options, words });
  const trainMs = performance.now() - started;
  byReader[words] = { ...evaluate(classifier, heldOut), trainMs: Math.round(trainMs) };
}
const defaultWords = events.DEFAULT_EVENT_TYPE_OPTIONS.words;
const main = byReader[defaultWords];
console.log("\nfeature readers on the held-out fifth");
printTable([
  ["words", "sub-type acc", "type acc", "macro F1 (sub-type)", "train ms"],
  ...Object.entries(byReader).map(([w, r]) => [w, r.subTypeAccuracy, r.typeAccuracy, r.macroF1, r.trainMs]),
]);
console.log(`\nper type (${defaultWords})`);
printTable([
  ["type", "P", "R", "F1", "gold"],
  ...main.types.map((r) => [r.label, r.precision, r.recall, r.f1, r.gold]),
]);
console.log(`\nper sub-type (${defaultWords})`);
printTable([
  ["sub-type", "P", "R", "F1", "gold"],
  ...main.subTypes.map((r) => [r.label, r.precision, r.recall, r.f1, r.gold]),
]);
console.log(`\nconfusions (${defaultWords}): gold -> predicted`);
for (const [pair, n] of main.confusions.slice(0, 15)) console.log(`  ${n} x ${pair}`);

const seeds = withSeeds ? await classifySeeds(events.trainEventTypeClassifier(training, options)) : undefined;

const result = {
  heldOut: heldOut.length,
  words: defaultWords,
  subTypeAccuracy: main.subTypeAccuracy,
  typeAccuracy: main.typeAccuracy,
  macroF1: main.macroF1,
  byReader: Object.fromEntries(
    Object.entries(byReader).map(([w, r]) => [
      w,
      { subTypeAccuracy: r.subTypeAccuracy, typeAccuracy: r.typeAccuracy },
    ]),
  ),
  perType: Object.fromEntries(main.types.map((r) => [r.label, { p: r.precision, r: r.recall, f1: r.f1 }])),
  seeds,
  peakMb: peakMemoryMb(),
};
console.log(`RESULT ${JSON.stringify(result)}`);

// ---------------------------------------------------------------------------------------------

function evaluate(classifier, gold) {
  const pairs = gold.map((d) => ({ gold: d, predicted: classifier.classify(d.text) }));
  const subTypeHits = pairs.filter((p) => p.predicted.subType === p.gold.subType).length;
  const typeHits = pairs.filter((p) => p.predicted.type === p.gold.type).length;
  const subTypes = perLabel(
    pairs,
    (d) => d.subType,
    taxonomy.types.flatMap((t) => t.subTypes.map((s) => s.id)),
  );
  const types = perLabel(
    pairs,
    (d) => d.type,
    taxonomy.types.map((t) => t.id),
  );
  const scored = subTypes.filter((r) => r.gold > 0);
  return {
    subTypeAccuracy: round(subTypeHits / (pairs.length || 1)),
    typeAccuracy: round(typeHits / (pairs.length || 1)),
    macroF1: round(scored.reduce((sum, r) => sum + r.f1, 0) / (scored.length || 1)),
    subTypes,
    types,
    confusions: confusions(pairs),
  };
}

/** P/R/F1 for each label; `labelOf` reads the label from a description or a classification. */
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

/** Sentences of the seed pages that carry event mentions, read by the default pipeline, classified. */
async function classifySeeds(classifier) {
  const index = await import(distModule("index.js"));
  const stages = index.createDefaultStages(index.loadKnowledge());
  const files = readdirSync(SEED_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  const rows = [];
  for (const file of files) {
    const bytes = readFileSync(new URL(file, SEED_DIR));
    const { documents } = stages.ingest({ locator: `examples/albu-kamal/${file}`, bytes });
    for (const document of documents) {
      const article = stages.analyze(stages.extract(document));
      rows.push(...eventSentences(article).map((s) => ({ file, ...s, ...classifier.classify(s.text) })));
    }
  }
  console.log(
    `\nseed sentences with event mentions (${rows.length}): predicted sub-type, confidence, actions`,
  );
  for (const r of rows) {
    console.log(`  [${r.subType} ${r.confidence.toFixed(2)}] (${r.actions.join(",")}) ${oneLine(r.text)}`);
  }
  const shares = shareBy(rows, (r) => r.type);
  console.log("\nshare of seed event sentences by predicted type");
  printTable([["type", "share", "n"], ...shares.map(([t, n]) => [t, round(n / rows.length), n])]);
  return {
    sentences: rows.length,
    byType: Object.fromEntries(shares.map(([t, n]) => [t, round(n / (rows.length || 1))])),
    bySubType: Object.fromEntries(shareBy(rows, (r) => r.subType).map(([s, n]) => [s, n])),
  };
}

function eventSentences(article) {
  const { sentences, events: mentions } = article.annotations;
  const bySentence = new Map();
  for (const e of mentions) bySentence.set(e.sentence, [...(bySentence.get(e.sentence) ?? []), e.action]);
  return [...bySentence].map(([s, actions]) => ({
    text: article.text.slice(sentences[s].start, sentences[s].end),
    actions,
  }));
}

function shareBy(rows, keyOf) {
  const counts = new Map();
  for (const r of rows) counts.set(keyOf(r), (counts.get(keyOf(r)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function oneLine(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 140 ? `${flat.slice(0, 137)}...` : flat;
}

function round(x) {
  return Math.round(x * 1000) / 1000;
}
