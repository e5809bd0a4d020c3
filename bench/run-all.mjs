#!/usr/bin/env node
// `npm run bench`: runs every capability's benchmark in turn. Each script reads its evaluation set
// from ../shared/dev/ and says clearly when the set is missing; they measure the built package (dist/).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const here = new URL(".", import.meta.url);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs"))
  .sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n=== ${script} ===`);
  const run = spawnSync(process.execPath, [new URL(script, here).pathname, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  if (run.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
