#!/usr/bin/env node
/**
 * Trains the named-entity model (src/analyze/ner/) on CoNLL-2003 English train and writes
 * data/models/ner/model.json.gz: weights only, no text of the corpus.
 *
 * Usage (after a build; `npm run train:ner` builds first):
 *   node scripts/train-ner.mjs [--iterations N] [--out PATH] [--seed N] [--limit DOCS] [--no-knowledge]
 * PARALLAX_DIST=<folder> trains with another build than dist/. The shuffle is seeded, so the
 * same build, data and options give the same model.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TRAIN_FILE = resolve(ROOT, "../shared/dev/ner/conll2003-train.txt.gz");
const DEFAULT_OUT = join(ROOT, "data/models/ner/model.json.gz");
/** Passes over the data: chosen on the validation set from 5 to 15 (see data/models/README.md). */
const DEFAULT_ITERATIONS = 10;
const DEFAULT_SEED = 2003;

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function distModule(relative) {
  const base = process.env.PARALLAX_DIST ? resolve(process.env.PARALLAX_DIST) : join(ROOT, "dist");
  const path = join(base, relative);
  if (!existsSync(path)) throw new Error(`no build at ${path}: run npm run build (or fix PARALLAX_DIST)`);
  return pathToFileURL(path).href;
}

if (!existsSync(TRAIN_FILE)) {
  console.error(
    `MISSING training set: ${TRAIN_FILE} (CoNLL-2003 English train, expected in ../shared/dev/ner/).`,
  );
  process.exit(1);
}

const iterations = Number(flag("--iterations", DEFAULT_ITERATIONS));
const seed = Number(flag("--seed", DEFAULT_SEED));
const limit = Number(flag("--limit", Infinity));
const out = resolve(flag("--out", DEFAULT_OUT));
const withKnowledge = !process.argv.includes("--no-knowledge");

const ner = await import(distModule("analyze/ner/index.js"));
const started = Date.now();
let knowledge;
if (withKnowledge) {
  const { loadGazetteer, loadPlaceDesignators } = await import(distModule("analyze/places/gazetteer.js"));
  const { loadActorDictionary } = await import(distModule("analyze/entities/dictionary.js"));
  knowledge = ner.createNerKnowledge({
    gazetteer: loadGazetteer(join(ROOT, "data/gazetteer/build/gazetteer.json"), {
      designators: loadPlaceDesignators(join(ROOT, "data/gazetteer/designators.json")),
    }),
    actors: loadActorDictionary(join(ROOT, "data/actors/")),
  });
  console.log(`knowledge loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const documents = ner.readConll(gunzipSync(readFileSync(TRAIN_FILE)).toString("utf8")).slice(0, limit);
const words = documents.reduce((n, d) => n + d.reduce((m, s) => m + s.words.length, 0), 0);
console.log(
  `training on ${documents.length} documents, ${words} words, ${iterations} iterations, seed ${seed}`,
);
const trainStart = Date.now();
let lastAccuracy = 0;
const model = ner.trainNerModel(documents, {
  iterations,
  seed,
  knowledge,
  info: { data: "CoNLL-2003 English train", documents: documents.length, words },
  onIteration: ({ iteration, accuracy, features, seconds }) => {
    lastAccuracy = accuracy;
    console.log(
      `iteration ${iteration}: train word accuracy ${accuracy.toFixed(4)}, ${features} features, ${seconds.toFixed(1)} s`,
    );
  },
});
const trainSeconds = (Date.now() - trainStart) / 1000;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, ner.serializeNerModel({ ...model, info: { ...model.info, trainAccuracy: lastAccuracy } }));
console.log(
  `trained in ${trainSeconds.toFixed(0)} s; last-pass word accuracy ${lastAccuracy.toFixed(4)}; ` +
    `wrote ${out} (${(statSync(out).size / 1e6).toFixed(2)} MB)`,
);
