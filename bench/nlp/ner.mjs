#!/usr/bin/env node
// Named entities on CoNLL-2003 English validation (../shared/dev/ner/), scored by conlleval's
// rules: chunks from IOB2 tags (an I- after O or another type starts a chunk), a prediction is
// right only with the exact span and type. The model tags the gold tokens, one document at a time.
// Usage: node bench/nlp/ner.mjs [--limit DOCS] [--model PATH] [--no-knowledge]
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { devSet, distModule, flagValue, peakMemoryMb, printTable, prf } from "../common.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LABELS = ["PER", "ORG", "LOC", "MISC"];

const file = devSet("ner/conll2003-valid.txt.gz");
if (!file) {
  console.log(`RESULT ${JSON.stringify({ missing: "ner/conll2003-valid.txt.gz" })}`);
  process.exit(0);
}
const limit = Number(flagValue("--limit", Infinity));
const ner = await import(distModule("analyze/ner/index.js"));
const documents = ner.readConll(gunzipSync(readFileSync(file)).toString("utf8")).slice(0, limit);

const loadStart = performance.now();
const model = ner.loadNerModel(flagValue("--model", `${ROOT}data/models/ner/model.json.gz`));
const modelSeconds = (performance.now() - loadStart) / 1000;
const knowledgeStart = performance.now();
const knowledge =
  model.usesKnowledge && !process.argv.includes("--no-knowledge") ? await loadKnowledge() : undefined;
const knowledgeSeconds = (performance.now() - knowledgeStart) / 1000;
const tagger = ner.createNerTagger(model, knowledge);

const counts = Object.fromEntries([...LABELS, "all"].map((l) => [l, { correct: 0, predicted: 0, gold: 0 }]));
let words = 0;
const tagStart = performance.now();
const predictions = documents.map((document) => tagger(document.map((s) => s.words)));
const tagSeconds = (performance.now() - tagStart) / 1000;

documents.forEach((document, d) => {
  document.forEach((sentence, s) => {
    words += sentence.words.length;
    const gold = ner.spansFromIob(sentence.tags);
    const predicted = predictions[d][s];
    const key = (x) => `${x.start}:${x.end}:${x.label}`;
    const goldKeys = new Set(gold.map(key));
    for (const g of gold) count(g.label, "gold");
    for (const p of predicted) {
      count(p.label, "predicted");
      if (goldKeys.has(key(p))) count(p.label, "correct");
    }
  });
});

function count(label, field) {
  counts[label][field]++;
  counts.all[field]++;
}

const rows = [["type", "precision", "recall", "F1", "gold"]];
for (const label of [...LABELS, "all"]) {
  const { correct, predicted, gold } = counts[label];
  const { precision, recall, f1 } = prf(correct, predicted, gold);
  rows.push([label, precision, recall, f1, gold]);
}
console.log(
  `CoNLL-2003 validation: ${documents.length} documents, ${words} tokens; model ${modelSeconds.toFixed(2)} s to load` +
    (knowledge ? `, knowledge ${knowledgeSeconds.toFixed(1)} s` : ", no knowledge"),
);
printTable(rows);
const tokensPerSecond = Math.round(words / tagSeconds);
console.log(`tagging: ${tokensPerSecond} tokens/s; peak ${peakMemoryMb()} MB`);
const all = prf(counts.all.correct, counts.all.predicted, counts.all.gold);
console.log(
  `RESULT ${JSON.stringify({ ...all, tokensPerSecond, modelLoadSeconds: Math.round(modelSeconds * 100) / 100 })}`,
);

async function loadKnowledge() {
  const { loadGazetteer, loadPlaceDesignators } = await import(distModule("analyze/places/gazetteer.js"));
  const { loadActorDictionary } = await import(distModule("analyze/entities/dictionary.js"));
  return ner.createNerKnowledge({
    gazetteer: loadGazetteer(`${ROOT}data/gazetteer/build/gazetteer.json`, {
      designators: loadPlaceDesignators(`${ROOT}data/gazetteer/designators.json`),
    }),
    actors: loadActorDictionary(`${ROOT}data/actors/`),
  });
}
