// Helpers shared by the benchmark scripts: where the evaluation sets are, and how to report.
import { existsSync } from "node:fs";

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
