#!/usr/bin/env node
// Story clustering (issue 5) through the whole pipeline (ingest, extract, analyze, cluster), scored
// with B-cubed precision, recall and F1 against gold events:
// - ECB+ (../shared/dev/events/ecbplus/): every topic folder holds two real events of the same kind;
//   `*ecb.xml` documents report one, `*ecbplus.xml` the other. All documents are clustered together
//   (the clusterer is not told the topics). They have no publication dates.
// - BASIL (../shared/dev/bias/basil/): 50 events, each told by three outlets, with dates.
// Usage: node bench/stories/clustering.mjs [--limit N topics/events] [--cache DIR] [--options JSON]
//   --cache DIR keeps the analysed articles in DIR (e.g. scratch/) to tune the clusterer quickly;
//   --options JSON overrides ClusterOptions (e.g. '{"joinThreshold":0.2}').
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { devSet, distModule, flagValue, peakMemoryMb, printTable } from "../common.mjs";
import { basilArticles, ecbDocuments, firstEvents } from "./_corpora.mjs";

const limit = Number(flagValue("--limit", "0")) || Infinity;
const cacheDir = flagValue("--cache", undefined);
const overrides = JSON.parse(flagValue("--options", "{}"));

const { createDefaultStages, loadKnowledge } = await import(distModule("index.js"));
const { createClusterer } = await import(distModule("cluster/index.js"));
const knowledge = loadKnowledge();
const stages = createDefaultStages(knowledge);
const cluster = createClusterer({ stopwords: knowledge.stopwords, ...overrides });

const result = {};
const ecbDir = devSet("events/ecbplus/");
if (ecbDir) Object.assign(result, prefixed("ecb", measure("ECB+", ecbRecords(ecbDir.pathname))));
const basilDir = devSet("bias/basil/articles/");
if (basilDir)
  Object.assign(
    result,
    prefixed("basil", measure("BASIL", firstEvents(basilArticles(basilDir.pathname), limit))),
  );
console.log(`peak memory: ${peakMemoryMb()} MB`);
console.log(`RESULT ${JSON.stringify({ ...result, peakMb: peakMemoryMb() })}`);

/** Analyses (or reads back from the cache) the records, clusters them and prints one table. */
function measure(name, records) {
  const gold = new Map(records.map((r) => [r.line.id, r.event]));
  const started = performance.now();
  const articles = analysed(name, records);
  const analysedAt = performance.now();
  const stories = cluster(articles);
  const clusteredAt = performance.now();
  const predicted = new Map(stories.flatMap((s) => s.articleIds.map((id) => [id, s.id])));
  const { precision, recall, f1 } = bcubed(gold, predicted);
  const round = (x) => Math.round(x * 1000) / 1000;
  const figures = {
    B3F1: round(f1),
    P: round(precision),
    R: round(recall),
    articles: articles.length,
    events: new Set(gold.values()).size,
    stories: stories.length,
    analyzeS: Math.round((analysedAt - started) / 100) / 10,
    clusterMs: Math.round(clusteredAt - analysedAt),
  };
  console.log(`\n${name}`);
  printTable([
    ["set", "articles", "events", "stories", "B3 precision", "B3 recall", "B3 F1", "analyze s", "cluster ms"],
    [
      name,
      figures.articles,
      figures.events,
      figures.stories,
      precision.toFixed(3),
      recall.toFixed(3),
      f1.toFixed(3),
      figures.analyzeS.toFixed(1),
      figures.clusterMs,
    ],
  ]);
  return figures;
}

function analysed(name, records) {
  const cacheFile =
    cacheDir && join(cacheDir, `clustering-${name.replace(/\W/g, "")}-${records.length}.json`);
  if (cacheFile && existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, "utf8"));
  const articles = records.flatMap(({ line }) => {
    const { documents } = stages.ingest({
      locator: `${line.id}.jsonl`,
      bytes: new TextEncoder().encode(JSON.stringify(line)),
    });
    return documents.map((d) => stages.analyze(stages.extract(d)));
  });
  if (cacheFile) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(articles));
  }
  return articles;
}

/** ECB+ documents as JSONL records (one paragraph per sentence), the first `limit` topics. */
function ecbRecords(root) {
  const topics = new Set([...new Set(ecbDocuments(root).map((d) => d.topic))].slice(0, limit));
  return ecbDocuments(root)
    .filter((d) => topics.has(d.topic))
    .map((d) => ({
      line: { id: d.file, title: d.sentences[0], text: d.sentences.join("\n\n") },
      event: d.event,
    }));
}

function prefixed(prefix, figures) {
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** B-cubed: for each item, the share of its predicted cluster that is in its gold cluster, and back. */
function bcubed(gold, predicted) {
  const members = (labels) => {
    const groups = new Map();
    for (const [item, label] of labels) groups.set(label, [...(groups.get(label) ?? []), item]);
    return groups;
  };
  const goldGroups = members(gold);
  const predictedGroups = members(predicted);
  let precision = 0;
  let recall = 0;
  for (const [item, goldLabel] of gold) {
    const inPredicted = predictedGroups.get(predicted.get(item)) ?? [item];
    const inGold = goldGroups.get(goldLabel);
    const shared = inPredicted.filter((other) => gold.get(other) === goldLabel).length;
    precision += shared / inPredicted.length;
    recall += shared / inGold.length;
  }
  precision /= gold.size;
  recall /= gold.size;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
