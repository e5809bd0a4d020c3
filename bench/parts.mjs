// Runs a capability's benchmark parts (bench/<capability>/<part>.mjs), each in its own process so
// one part's memory or failure does not colour another. Each part prints its own tables and ends
// with a line `RESULT {json}`; the runner collects those into one summary. `--part NAME` runs one;
// every other argument is passed on to each part (e.g. --limit N).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { flagValue } from "./common.mjs";

export function runParts(capability, order) {
  const here = new URL(`./${capability}/`, import.meta.url);
  const only = flagValue("--part", undefined);
  const rank = (p) => (order.includes(p) ? order.indexOf(p) : order.length);
  const parts = readdirSync(here)
    .filter((f) => f.endsWith(".mjs") && !f.startsWith("_"))
    .map((f) => f.replace(/\.mjs$/, ""))
    .filter((part) => !only || part === only)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

  const passOn = process.argv.slice(2).filter((_, i, all) => all[i] !== "--part" && all[i - 1] !== "--part");
  const results = [];
  let failed = 0;
  for (const part of parts) {
    console.log(`\n--- ${capability}: ${part} ---`);
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

  console.log(`\n=== ${capability} summary ===`);
  const width = Math.max(6, ...results.map((r) => r.part.length));
  for (const { part, ...figures } of results) console.log(`${part.padEnd(width)} ${JSON.stringify(figures)}`);
  process.exitCode = failed > 0 ? 1 : 0;
}
