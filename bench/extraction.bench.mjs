#!/usr/bin/env node
// Main-content extraction on ../shared/dev/extraction (trafilatura's benchmark, 990 pages):
// per page, each `with` segment found in the output is a true positive, each one missed a false
// negative, and each `without` segment found a false positive. Prints Parallax's HTML extractor and
// plain @mozilla/readability + linkedom on the same pages, in the same run. Each system runs in a
// child process of its own, so neither pays for the other's garbage.
// Usage: npm run bench:extract -- [--limit N]
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { createExtractor, createIngester } from "../dist/index.js";
import { devSet, peakMemoryMb, printTable } from "./common.mjs";

const limitIndex = process.argv.indexOf("--limit");
const limit = limitIndex > 0 ? Number(process.argv[limitIndex + 1]) : Number.POSITIVE_INFINITY;
const systemIndex = process.argv.indexOf("--system");
const only = systemIndex > 0 ? process.argv[systemIndex + 1] : undefined;
const SYSTEMS = ["parallax (html)", "readability+linkedom"];
const dir = devSet("extraction/");
if (dir && only) run(dir, only);
else if (dir) compare();

/** Runs each system in a child process and prints one table. */
function compare() {
  const rows = [["system", "precision", "recall", "F1", "pages/s", "pages", "peak MB"]];
  for (const system of SYSTEMS) {
    const child = spawnSync(
      process.execPath,
      [new URL(import.meta.url).pathname, ...process.argv.slice(2), "--system", system],
      {
        encoding: "utf8",
      },
    );
    if (child.status !== 0) throw new Error(`${system} failed: ${child.stderr}`);
    rows.push(JSON.parse(child.stdout.trim().split("\n").pop()));
  }
  printTable(rows);
}

function run(dir, only) {
  const evaldata = JSON.parse(readFileSync(new URL("evaldata.json", dir), "utf8"));
  const pages = Object.entries(evaldata)
    .slice(0, limit)
    .map(([url, entry]) => ({
      url,
      entry,
      bytes: gunzipSync(readFileSync(new URL(`html/${entry.file}.gz`, dir))),
    }));
  const ingest = createIngester({ as: "html" });
  const extract = createExtractor();
  const parallax = (page) => {
    const { documents } = ingest({ locator: page.url, bytes: page.bytes });
    return documents.map((d) => extract({ ...d, given: { ...d.given, url: page.url } }).text).join("\n");
  };
  const readability = (page) => {
    const html = new TextDecoder().decode(page.bytes);
    const { document } = parseHTML(html);
    return new Readability(document).parse()?.textContent ?? "";
  };
  const system = { [SYSTEMS[0]]: parallax, [SYSTEMS[1]]: readability }[only];
  if (!system) throw new Error(`unknown system "${only}"; one of ${SYSTEMS.join(", ")}`);
  console.log(JSON.stringify([...score(only, system, pages), peakMemoryMb()]));
}

function score(name, system, pages) {
  const counts = { tp: 0, fn: 0, fp: 0 };
  const started = performance.now();
  for (const page of pages) {
    let text = "";
    try {
      text = normalise(system(page));
    } catch {
      text = "";
    }
    for (const segment of page.entry.with) {
      if (text.includes(normalise(segment))) counts.tp++;
      else counts.fn++;
    }
    for (const segment of page.entry.without) if (text.includes(normalise(segment))) counts.fp++;
  }
  const seconds = (performance.now() - started) / 1000;
  const precision = counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp / (counts.tp + counts.fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  return [
    name,
    precision.toFixed(3),
    recall.toFixed(3),
    f1.toFixed(3),
    (pages.length / seconds).toFixed(1),
    pages.length,
  ];
}

function normalise(text) {
  return text.replace(/\s+/g, " ").trim();
}
