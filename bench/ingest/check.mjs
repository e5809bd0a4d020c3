#!/usr/bin/env node
// Self-check of the ingest corpus builder (small N, under /tmp/parallax-bench/check-*):
// the same seed builds the same bytes; corpus N is the prefix of corpus 2N; every WARC file
// parses record by record (gzip members, WARC headers, an HTTP 200 response with a URL); the
// units on disk add up to N in the manifest's format shares; and, when the build under test
// has src/sources (openSources), it reads back exactly N units without a diagnostic.
// Usage: node bench/ingest/check.mjs [--size 300]     exits 1 when a check fails.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { distModule, flagValue } from "../common.mjs";
import { BENCH_ROOT, buildCorpus, DEFAULT_SEED } from "./corpus.mjs";
import { loadSources } from "./sources.mjs";

const size = Number(flagValue("--size", "300"));
const seed = DEFAULT_SEED;
const sources = loadSources();
const dirs = ["a", "b", "c"].map((k) => join(BENCH_ROOT, `check-${process.pid}-${k}`));
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"}  ${what}`);
  if (!ok) failures.push(what);
};

try {
  const [a, b, double] = [
    await buildCorpus(size, seed, dirs[0], sources),
    await buildCorpus(size, seed, dirs[1], sources),
    await buildCorpus(2 * size, seed, dirs[2], sources),
  ];
  const [treeA, treeB, treeDouble] = dirs.map(tree);
  check(sameTree(treeA, treeB), `same seed, same bytes (${treeA.size} files)`);
  check(isPrefix(treeA, treeDouble), `corpus ${size} is the first ${size} units of corpus ${2 * size}`);
  const warc = [...treeA.keys()]
    .filter((f) => f.endsWith(".warc.gz"))
    .map((f) => parseWarc(join(dirs[0], f)));
  const responses = warc.reduce((n, w) => n + w.responses, 0);
  check(
    warc.every((w) => w.problems.length === 0),
    `WARC files parse (${
      warc
        .flatMap((w) => w.problems)
        .slice(0, 3)
        .join("; ") || "no problem"
    })`,
  );
  check(responses === a.formats.warc, `WARC responses ${responses} = manifest ${a.formats.warc}`);
  const onDisk = unitsOnDisk(dirs[0], treeA);
  check(onDisk === size, `units on disk ${onDisk} = ${size}`);
  const share = (f) => a.formats[f] / size;
  check(
    share("warc") > 0.35 && share("html") > 0.2 && share("jsonl") > 0.08 && share("txt") > 0.01,
    `format mix ${JSON.stringify(a.formats)}`,
  );
  check(
    a.kinds.refetch > 0 || size < 500,
    `re-fetches present (${a.kinds.refetch ?? 0}); reprints ${a.kinds.reprint ?? 0}; pages ${a.kinds.page ?? 0}`,
  );
  check(double.stories >= a.stories, `stories grow with N (${a.stories} -> ${double.stories})`);
  console.log(
    `writer: ${a.warcWriter}; mean text ${a.meanTextChars} chars; outlets ${a.outlets}; ${b.buildSeconds} s`,
  );
  await readBack(dirs[0], size);
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.log(`${failures.length} check(s) failed`);
  process.exitCode = 1;
}

/** Relative path -> sha256 of every file under dir. */
function tree(dir) {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files
      .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1))
      .sort()
      .map((f) => [
        f,
        createHash("sha256")
          .update(readFileSync(join(dir, f)))
          .digest("hex"),
      ]),
  );
}

function sameTree(x, y) {
  return x.size === y.size && [...x].every(([f, h]) => y.get(f) === h);
}

/** Whole files equal; the last WARC and JSONL file of the small corpus a byte prefix of the big one's. */
function isPrefix(small, big) {
  return [...small].every(([f, h]) => {
    if (big.get(f) === h) return true;
    if (!/\.(warc\.gz|jsonl)$/.test(f)) return false;
    const s = readFileSync(join(dirs[0], f));
    const l = readFileSync(join(dirs[2], f));
    return l.subarray(0, s.length).equals(s);
  });
}

/** Records of a .warc.gz: {responses, problems}. */
function parseWarc(path) {
  const data = gunzipSync(readFileSync(path));
  const problems = [];
  let responses = 0;
  let at = 0;
  while (at < data.length) {
    const headEnd = data.indexOf("\r\n\r\n", at);
    if (headEnd < 0) {
      problems.push(`${path}: truncated header at ${at}`);
      break;
    }
    const head = data.subarray(at, headEnd).toString("latin1").split("\r\n");
    const fields = new Map(
      head
        .slice(1)
        .map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
    );
    const length = Number(fields.get("content-length"));
    if (!head[0].startsWith("WARC/1.") || !Number.isFinite(length)) {
      problems.push(`${path}: bad record at ${at}`);
      break;
    }
    const block = data.subarray(headEnd + 4, headEnd + 4 + length);
    if (fields.get("warc-type") === "response") {
      responses++;
      if (
        !/^HTTP\/1\.1 200 /.test(block.subarray(0, 20).toString("latin1")) ||
        !fields.get("warc-target-uri")
      )
        problems.push(`${path}: response without 200 or URL at ${at}`);
    }
    at = headEnd + 4 + length + 4;
  }
  return { responses, problems };
}

function unitsOnDisk(dir, files) {
  let units = 0;
  for (const f of files.keys()) {
    if (f.endsWith(".warc.gz")) units += parseWarc(join(dir, f)).responses;
    else if (f.endsWith(".jsonl"))
      units += readFileSync(join(dir, f), "utf8").split("\n").filter(Boolean).length;
    else units++;
  }
  return units;
}

/** The build's own source reader (helper A's openSources) on the corpus, when the build has it. */
async function readBack(dir, expected) {
  let sourcesModule;
  try {
    sourcesModule = await import(distModule("sources/index.js"));
  } catch {
    console.log("skip  read-back: the build under test has no sources/index.js (set PARALLAX_DIST)");
    return;
  }
  let inputs = 0;
  const diagnostics = [];
  for await (const item of sourcesModule.openSources([dir])) {
    if ("input" in item) inputs++;
    else diagnostics.push(item.diagnostic.message);
  }
  check(
    inputs === expected && diagnostics.length === 0,
    `openSources reads ${inputs} units, ${diagnostics.length} diagnostics ${diagnostics.slice(0, 2).join("; ")}`,
  );
}
