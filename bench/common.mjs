// Helpers shared by the benchmark scripts: where the evaluation sets are, and how to report.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const DEV_DIR = new URL("../../shared/dev/", import.meta.url);

/** The path of an evaluation set, or undefined after saying clearly that it is missing. */
export function devSet(relative) {
  const url = new URL(relative, DEV_DIR);
  if (existsSync(url)) return url;
  console.log(
    `MISSING evaluation set: ${url.pathname} (expected beside the project, in ../shared/dev/); skipped.`,
  );
  return undefined;
}

export function printTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const row of rows) console.log(row.map((cell, c) => String(cell).padEnd(widths[c])).join("  "));
}

export function peakMemoryMb() {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * URL of a module of the build under test: dist/ by default, or PARALLAX_DIST (a folder relative
 * to the working directory, or absolute) to bench another build side by side.
 */
export function distModule(relative = "index.js") {
  const base = process.env.PARALLAX_DIST
    ? pathToFileURL(`${resolve(process.env.PARALLAX_DIST)}/`)
    : new URL("../dist/", import.meta.url);
  const url = new URL(relative, base);
  if (!existsSync(url))
    throw new Error(`no build at ${url.pathname}: run npm run build (or fix PARALLAX_DIST)`);
  return url;
}

/** The value after a command-line flag ("--limit 50"), or the fallback. */
export function flagValue(name, fallback) {
  const index = process.argv.indexOf(name);
  return index > 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback;
}

/** Entity-level precision, recall and F1 from counts, rounded to three places. */
export function prf(correct, predicted, gold) {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const round = (x) => Math.round(x * 1000) / 1000;
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}
