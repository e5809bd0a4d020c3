#!/usr/bin/env node
// `npm run bench:nlp`: the analysis stage measured on public data in ../shared/dev/, one part per
// script in bench/nlp/ (named entities, places, times, analysis speed), each in its own process so
// one part's memory or failure does not colour another. Each part prints its own table and ends
// with a line `RESULT {json}`; this runner collects those into one summary.
// Usage: npm run bench:nlp -- [--part ner|geo|time|speed] [--limit N]
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { flagValue } from "./common.mjs";

const here = new URL("./nlp/", import.meta.url);
const only = flagValue("--part", undefined);
const parts = readdirSync(here)
  .filter((f) => f.endsWith(".mjs") && !f.startsWith("_"))
  .map((f) => f.replace(/\.mjs$/, ""))
  .filter((part) => !only || part === only)
  .sort(byPreferredOrder);

const passOn = process.argv.slice(2).filter((_, i, all) => all[i] !== "--part" && all[i - 1] !== "--part");
const results = [];
let failed = 0;
for (const part of parts) {
  console.log(`\n--- nlp: ${part} ---`);
  const run = spawnSync(process.execPath, [new URL(`${part}.mjs`, here).pathname, ...passOn], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = (run.stdout ?? "").split("\n");
  for (const line of lines) if (!line.startsWith("RESULT ")) console.log(line);
  const result = lines.find((line) => line.startsWith("RESULT "));
  if (run.status !== 0) failed++;
  if (result) results.push({ part, ...JSON.parse(result.slice("RESULT ".length)) });
}

console.log("\n=== nlp summary ===");
for (const { part, ...figures } of results) console.log(`${part.padEnd(6)} ${JSON.stringify(figures)}`);
process.exitCode = failed > 0 ? 1 : 0;

function byPreferredOrder(a, b) {
  const order = ["ner", "geo", "time", "speed"];
  const rank = (p) => (order.includes(p) ? order.indexOf(p) : order.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}
