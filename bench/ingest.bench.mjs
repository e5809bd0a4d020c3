#!/usr/bin/env node
// Ingestion at scale (issue 8): the whole pipeline (read, extract, analyze, cluster, store) run by
// the CLI on a realistic corpus (bench/ingest/corpus.mjs: news stories retold by several outlets,
// as WARC.gz, HTML folders, JSONL and flattened text, built from ../shared/dev and examples/ into
// /tmp/parallax-bench/ and cached). Each run is a child process on a fresh database:
//   node bin/parallax.js ingest <corpus> --db <tmp db> --jobs J --log json
// whose last stdout line is {"summary": RunSummary}. Runs: the smallest size with every --jobs
// value (1 core, all cores), the larger sizes with the most jobs. Prints a table (seconds,
// articles/s, peak memory by the summary and by the child's maxRSS, which is the one process with
// all its worker threads), the 100k/10k time ratio and the targets: >= 100 articles/s on 2 cores,
// < 2 GB peak at 100k, 100k time <= 11x 10k. The last line is RESULT {json}.
// Usage: npm run bench:ingest -- [--sizes 10000,100000] [--jobs-list 1,2] [--quick] [--seed N]
//        [--keep-db] [--cli FILE]   (--quick: sizes 2000,10000). The corpus of a smaller size is the first N
//        units of the larger one (same seed), so growth is measured on like data.
import { clearInterval, setInterval } from "node:timers";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { flagValue, printTable } from "./common.mjs";
import { BENCH_ROOT, DEFAULT_SEED, ensureCorpus } from "./ingest/corpus.mjs";
import { loadSources } from "./ingest/sources.mjs";

const ROOT = new URL("../", import.meta.url).pathname;
/** --cli: another entry point speaking the same contract (a build elsewhere, or a stub in a test). */
const CLI = flagValue("--cli", join(ROOT, "bin/parallax.js"));
const PROBE = new URL("./ingest/rss-probe.mjs", import.meta.url).href;
const DEFAULT_SIZES = "10000,100000";
const QUICK_SIZES = "2000,10000";
/** Targets of the issue. */
const TARGET_RATE = 100;
const TARGET_RATE_CORES = 2;
const TARGET_PEAK_MB = 2048;
const TARGET_PEAK_AT = 100_000;
/** Time may grow 1.1x faster than size: 11x for 10x the articles. */
const TARGET_GROWTH = 1.1;
/** How often a run still going says so on stderr. */
const HEARTBEAT_MS = 30_000;

const cores = availableParallelism();
const quick = process.argv.includes("--quick");
const sizes = numbers(quick ? QUICK_SIZES : flagValue("--sizes", DEFAULT_SIZES)).sort((a, b) => a - b);
const jobsList = [...new Set(numbers(flagValue("--jobs-list", `1,${cores}`)))].sort((a, b) => a - b);
const seed = Number(flagValue("--seed", String(DEFAULT_SEED)));
const keepDb = process.argv.includes("--keep-db");

await main();

async function main() {
  const missing = ingestMissing();
  if (missing) {
    console.log(`MISSING: ${missing}`);
    console.log(`RESULT ${JSON.stringify({ error: missing })}`);
    process.exitCode = 1;
    return;
  }
  const sources = once(loadSources);
  const corpora = new Map();
  for (const size of sizes) corpora.set(size, await ensureCorpus(size, seed, sources));
  printMakeUp(corpora);

  const plan = [
    ...jobsList.map((jobs) => ({ size: sizes[0], jobs })),
    ...sizes.slice(1).map((size) => ({ size, jobs: jobsList[jobsList.length - 1] })),
  ];
  const runs = [];
  for (const { size, jobs } of plan) {
    const corpus = corpora.get(size);
    console.log(`ingest ${size} units with --jobs ${jobs} ...`);
    const run = await runIngest(corpus, size, jobs);
    runs.push(run);
    console.log(
      `  ${run.seconds.toFixed(1)} s, ${run.rate.toFixed(1)} articles/s, exit ${run.exitCode}` +
        (run.summary
          ? `, ${run.summary.articles} articles stored, ${run.summary.failed} failed`
          : `: ${run.error}`),
    );
  }
  printRuns(runs);
  const growth = growthOf(runs);
  const targets = judge(runs, growth);
  console.log("");
  for (const t of Object.values(targets)) console.log(`target ${t.name}: ${t.verdict}`);
  console.log(
    `RESULT ${JSON.stringify({
      cores,
      seed,
      runs: runs.map(({ summary, ...r }) => ({ ...r, failures: summary?.failures.slice(0, 5) })),
      growth,
      targets,
      corpora: Object.fromEntries([...corpora].map(([size, c]) => [size, makeUp(c.manifest)])),
    })}`,
  );
}

/** Why the CLI cannot be benched (no build, no ingest command), or undefined. */
function ingestMissing() {
  if (!process.argv.includes("--cli") && !existsSync(join(ROOT, "dist/cli/index.js")))
    return "no build in dist/: run npm run build";
  const help = spawnSync(process.execPath, [CLI, "ingest", "--help"], { cwd: ROOT, encoding: "utf8" });
  const text = `${help.stdout}${help.stderr}`;
  if (help.status !== 0 || !/--jobs/.test(text))
    return `the CLI has no "parallax ingest" with --jobs yet (exit ${help.status}: ${text.trim().split("\n")[0]})`;
  return undefined;
}

/** One ingest in a child on a fresh database: {size, jobs, seconds, rate, summary, maxRssMb, ...}. */
async function runIngest(corpus, size, jobs) {
  const db = join(BENCH_ROOT, `bench-${process.pid}-n${size}-j${jobs}.db`);
  const rssFile = `${db}.rss`;
  removeDb(db);
  const args = [
    "--import",
    PROBE,
    CLI,
    "ingest",
    corpus.dir,
    "--db",
    db,
    "--jobs",
    String(jobs),
    "--log",
    "json",
  ];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PARALLAX_RSS_FILE: rssFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = lineTail(child.stdout);
  const err = lineTail(child.stderr);
  const heartbeat = setInterval(
    () =>
      console.error(`  ... ${((performance.now() - started) / 1000).toFixed(0)} s, ${out.lines()} log lines`),
    HEARTBEAT_MS,
  );
  const exitCode = await new Promise((resolve) =>
    child.on("close", (code, signal) => resolve(code ?? signal)),
  );
  clearInterval(heartbeat);
  const seconds = (performance.now() - started) / 1000;
  const summary = parseSummary(out.last());
  const maxRssMb = existsSync(rssFile) ? Math.round(Number(readFileSync(rssFile, "utf8")) / 1024) : undefined;
  if (!keepDb) removeDb(db);
  rmSync(rssFile, { force: true });
  return {
    size,
    jobs,
    expected: corpus.manifest.expectedArticles,
    seconds: round(seconds, 2),
    rate: round(size / seconds, 1),
    exitCode,
    summary,
    maxRssMb,
    error: summary ? undefined : `no summary line; stderr: ${err.recent().slice(-3).join(" | ")}`,
  };
}

function parseSummary(line) {
  try {
    return JSON.parse(line ?? "").summary;
  } catch {
    return undefined;
  }
}

/** Keeps a stream's last line and its last few lines of output, and counts lines, without holding it all. */
function lineTail(stream) {
  let pending = "";
  let count = 0;
  const recent = [];
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    const parts = (pending + chunk).split("\n");
    pending = parts.pop();
    for (const line of parts) {
      if (line.trim() === "") continue;
      count++;
      recent.push(line);
      if (recent.length > 20) recent.shift();
    }
  });
  return {
    lines: () => count,
    recent: () => (pending.trim() ? [...recent, pending] : recent),
    last: () => (pending.trim() ? pending : recent[recent.length - 1]),
  };
}

function removeDb(db) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${db}${suffix}`, { force: true });
}

function printMakeUp(corpora) {
  console.log("corpus make-up (units: a page, a JSONL record, a WARC response or a text file)");
  const rows = [
    [
      "size",
      "warc",
      "html",
      "jsonl",
      "txt",
      "stories",
      "outlets",
      "mean chars",
      "reprints",
      "refetches",
      "real pages",
      "days",
      "MB",
      "cached",
    ],
  ];
  for (const [size, { manifest: m, cached }] of corpora)
    rows.push([
      size,
      m.formats.warc,
      m.formats.html,
      m.formats.jsonl,
      m.formats.txt,
      m.stories,
      m.outlets,
      m.meanTextChars,
      m.kinds.reprint ?? 0,
      m.kinds.refetch ?? 0,
      m.kinds.page ?? 0,
      m.spanDays,
      Math.round(m.bytes / 1e6),
      cached ? "yes" : "no",
    ]);
  printTable(rows);
  const first = corpora.values().next().value.manifest;
  console.log(
    `texts from: ${JSON.stringify(first.fromSets)}; WARC writer: ${first.warcWriter}; ${corpora.values().next().value.dir}`,
  );
  console.log("");
}

function printRuns(runs) {
  console.log("");
  const rows = [
    [
      "size",
      "jobs",
      "seconds",
      "articles/s",
      "stored",
      "expected",
      "failed",
      "stories",
      "peak MB (summary)",
      "maxRSS MB (process)",
      "exit",
    ],
  ];
  for (const r of runs)
    rows.push([
      r.size,
      r.jobs,
      r.seconds,
      r.rate,
      r.summary?.articles ?? "-",
      r.expected,
      r.summary?.failed ?? "-",
      r.summary?.stories ?? "-",
      r.summary?.peakRssMb ?? "-",
      r.maxRssMb ?? "-",
      r.exitCode,
    ]);
  printTable(rows);
  console.log(
    "articles/s = corpus units / wall-clock seconds of the child (start-up included); expected = units minus re-fetches of a URL.",
  );
}

/** Time of the largest size over the smallest, at the most jobs. */
function growthOf(runs) {
  const most = jobsList[jobsList.length - 1];
  const small = runs.find((r) => r.size === sizes[0] && r.jobs === most);
  const large = runs.find((r) => r.size === sizes[sizes.length - 1] && r.jobs === most);
  if (!small || !large || small === large) return undefined;
  const sizeRatio = large.size / small.size;
  return {
    from: small.size,
    to: large.size,
    sizeRatio,
    timeRatio: round(large.seconds / small.seconds, 2),
    allowed: round(sizeRatio * TARGET_GROWTH, 2),
  };
}

function judge(runs, growth) {
  const all = runs.filter((r) => r.jobs === jobsList[jobsList.length - 1]);
  const slowest = all.reduce((a, b) => (b.rate < a.rate ? b : a), all[0]);
  const largest = runs
    .filter((r) => r.size === sizes[sizes.length - 1])
    .reduce((a, b) => (peakOf(b) > peakOf(a) ? b : a));
  const peak = peakOf(largest);
  const coreNote =
    cores === TARGET_RATE_CORES
      ? ""
      : ` (this machine has ${cores} cores; the target is for ${TARGET_RATE_CORES})`;
  const sizeNote =
    largest.size === TARGET_PEAK_AT
      ? ""
      : ` (measured at ${largest.size}, the target is for ${TARGET_PEAK_AT})`;
  return {
    rate: verdict(
      "rate",
      `>= ${TARGET_RATE} articles/s on ${TARGET_RATE_CORES} cores`,
      slowest.rate,
      TARGET_RATE,
      "atLeast",
      "articles/s",
      `--jobs ${slowest.jobs}, ${slowest.size} articles${coreNote}`,
    ),
    memory: verdict(
      "memory",
      `< ${TARGET_PEAK_MB} MB peak at ${TARGET_PEAK_AT}`,
      peak,
      TARGET_PEAK_MB,
      "below",
      "MB",
      `${largest.size} articles${sizeNote}`,
    ),
    growth: growth
      ? verdict(
          "growth",
          `time for ${growth.to} <= ${growth.allowed}x time for ${growth.from}`,
          growth.timeRatio,
          growth.allowed,
          "atMost",
          "x",
          "",
        )
      : { name: "growth", verdict: "not measured (needs two sizes)" },
  };
}

function peakOf(run) {
  return Math.max(run.summary?.peakRssMb ?? 0, run.maxRssMb ?? 0);
}

function verdict(name, target, value, limit, sense, unit, context) {
  const met = sense === "atLeast" ? value >= limit : sense === "below" ? value < limit : value <= limit;
  const gap = round(Math.abs(value - limit), 2);
  const text = met ? `met (${value} ${unit})` : `missed by ${gap} ${unit} (${value} ${unit})`;
  return { name, target, value, met, verdict: `${target}: ${text}${context ? `; ${context}` : ""}` };
}

function makeUp(m) {
  const { formats, kinds, stories, outlets, meanTextChars, spanDays, expectedArticles: expected, bytes } = m;
  return { formats, kinds, stories, outlets, meanTextChars, spanDays, expectedArticles: expected, bytes };
}

function numbers(list) {
  return list
    .split(",")
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
}

function round(x, places) {
  return Math.round(x * 10 ** places) / 10 ** places;
}

function once(load) {
  let value;
  return () => (value ??= load());
}
