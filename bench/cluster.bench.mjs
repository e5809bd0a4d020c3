#!/usr/bin/env node
// Story clustering on ../shared/dev/bias/basil (50 events, each told by Fox News, The New York
// Times and HuffPost): the whole pipeline (extract, analyze, cluster) over the 150 articles, then
// B-cubed precision, recall and F1 of the stories against the events.
// Usage: npm run bench:cluster
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createDefaultStages, loadKnowledge } from "../dist/index.js";
import { devSet, peakMemoryMb, printTable } from "./common.mjs";

const dir = devSet("bias/basil/articles/");
if (dir) run(dir.pathname);

function run(root) {
  const records = readdirSync(root)
    .flatMap((year) => readdirSync(join(root, year)).map((file) => join(root, year, file)))
    .filter((path) => path.endsWith(".json"))
    .sort()
    .map((path) => JSON.parse(readFileSync(path, "utf8")));
  const gold = new Map(records.map((r) => [r.uuid, r["triplet-uuid"]]));
  const stages = createDefaultStages(loadKnowledge());
  const started = performance.now();
  const articles = records.flatMap((r) => {
    const line = JSON.stringify({
      id: r.uuid,
      outlet: r.source,
      title: r.title,
      published: r.date,
      text: r["body-paragraphs"].map((p) => p.join(" ")).join("\n\n"),
    });
    const { documents } = stages.ingest({
      locator: `${r.uuid}.jsonl`,
      bytes: new TextEncoder().encode(line),
    });
    return documents.map((d) => stages.analyze(stages.extract(d)));
  });
  const analysed = performance.now();
  const stories = stages.cluster(articles);
  const clustered = performance.now();
  const predicted = new Map(stories.flatMap((s) => s.articleIds.map((id) => [id, s.id])));
  const { precision, recall, f1 } = bcubed(gold, predicted);
  printTable([
    ["set", "articles", "events", "stories", "B3 precision", "B3 recall", "B3 F1", "analyze s", "cluster ms"],
    [
      "BASIL",
      articles.length,
      new Set(gold.values()).size,
      stories.length,
      precision.toFixed(3),
      recall.toFixed(3),
      f1.toFixed(3),
      ((analysed - started) / 1000).toFixed(1),
      (clustered - analysed).toFixed(0),
    ],
  ]);
  console.log(`peak memory: ${peakMemoryMb()} MB`);
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
