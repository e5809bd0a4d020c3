// The bench's database: made once per (size, seed, schema, corpus version) and kept in the system's
// temporary folder, so a rerun starts timing at once. Written through the store's own API
// (upsertArticles in batches, then replaceStories and replaceEvents), as `parallax analyze` does.
import { fork } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { distModule } from "../common.mjs";
import { seedTemplates, synthesize } from "./corpus.mjs";

/** Bump when corpus.mjs changes what it makes: older cached databases are then rebuilt. */
const CORPUS_VERSION = 1;
/** Articles per upsert transaction: big enough to amortise the commit, small enough for memory. */
const BATCH = 1_000;
const SEEDS = fileURLToPath(new URL("../../examples/", import.meta.url));
/**
 * Heap of the building child: at 100k articles every story and event waits in memory for
 * replaceStories/replaceEvents (~1.5 GB of JSON), more than Node's default heap holds as objects.
 */
const BUILD_HEAP_MB = 8_192;

if (process.argv.includes("--build-child")) process.once("message", buildChild);

/**
 * The path of a database of `size` synthetic articles and what building it cost:
 * { path, seconds, mb, counts, cached }. `rebuild` ignores a cached copy.
 */
export async function benchDatabase({ size, seed, rebuild = false, dir = join(tmpdir(), "parallax-bench") }) {
  const { MIGRATIONS } = await import(distModule("store/index.js"));
  const key = `serve-v${CORPUS_VERSION}-m${MIGRATIONS.length}-n${size}-s${seed}`;
  const path = join(dir, `${key}.db`);
  const metaPath = join(dir, `${key}.json`);
  if (!rebuild && existsSync(path) && existsSync(metaPath))
    return { ...JSON.parse(readFileSync(metaPath, "utf8")), path, cached: true };

  mkdirSync(dir, { recursive: true });
  const partial = `${path}.partial`;
  for (const file of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true });
  const started = performance.now();
  const { counts, peakMb } = await buildInChild({ path: partial, size, seed });
  renameSync(partial, path);
  const meta = {
    seconds: Math.round((performance.now() - started) / 100) / 10,
    mb: Math.round(statSync(path).size / 2 ** 20),
    peakMb,
    counts,
  };
  writeFileSync(metaPath, JSON.stringify(meta));
  return { ...meta, path, cached: false };
}

/** Builds in a child process: its own heap, and the timing process stays small. */
function buildInChild(job) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ["--build-child"], {
      execArgv: [`--max-old-space-size=${BUILD_HEAP_MB}`],
    });
    let result;
    child.once("message", (message) => (result = message));
    child.once("error", reject);
    child.once("exit", (code) =>
      result ? resolve(result) : reject(new Error(`building the bench database failed (exit ${code})`)),
    );
    child.send(job);
  });
}

async function buildChild({ path, size, seed }) {
  const { openSqliteStore } = await import(distModule("store/index.js"));
  const counts = await build(path, size, seed, openSqliteStore);
  process.send({ counts, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) });
  process.disconnect();
}

async function build(path, size, seed, openSqliteStore) {
  const parallax = await import(distModule("index.js"));
  const { readInputs } = await import(distModule("io/read-inputs.js"));
  const { mulberry32 } = await import(distModule("common/random.js"));
  const templates = await seedTemplates(parallax, readInputs, [SEEDS]);
  const store = openSqliteStore(path);
  try {
    // Stories and events wait as JSON text (far smaller than objects) until every article is in.
    const stories = [];
    const events = [];
    let batch = [];
    synthesize(templates, size, mulberry32(seed), (copy) => {
      batch.push(...copy.articles);
      stories.push(JSON.stringify(copy.story));
      for (const event of copy.events) events.push(JSON.stringify(event));
      if (batch.length >= BATCH) {
        store.upsertArticles(batch);
        batch = [];
      }
    });
    if (batch.length > 0) store.upsertArticles(batch);
    store.replaceStories(parseAll(stories));
    store.replaceEvents(parseAll(events));
    return store.counts();
  } finally {
    store.close();
  }
}

/** Parses in place, emptying the list of texts as it goes, so text and objects are not both held. */
function parseAll(texts) {
  const values = new Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    values[i] = JSON.parse(texts[i]);
    texts[i] = "";
  }
  return values;
}
