#!/usr/bin/env node
// Copy detection (dedupe) on synthetic corpora of 10k, 30k and 100k articles: texts are sentences
// of words drawn from a seeded generator (Zipf-like word frequencies, topic names shared between
// articles of one topic, stock sentences shared by many), with planted exact copies and near
// copies (new intro, wire dateline, byline, footer, trimmed ending, tracking junk, edited words)
// and short captions that must not group. Times detection only, and scores the pairs of articles
// put in one group against the planted pairs (each original with all its copies).
// Usage: npm run bench:dedupe -- [--limit N] [--sizes 10000,30000]
// Each size runs in a child process of its own, so that peak memory is that size's; "MB before"
// is the memory in use once the corpus is built, so the stage's own share is the difference.
// PARALLAX_DIST=dir runs another build of Parallax (default: ../dist).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { distModule, peakMemoryMb, printTable } from "./common.mjs";

const { mulberry32: uint32Generator } = await import(distModule("common/random.js"));
/** The project's seeded generator, as floats in [0, 1). */
const mulberry32 = (seed) => {
  const next = uint32Generator(seed);
  return () => next() / 2 ** 32;
};
const argument = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SIZES = [10_000, 30_000, 100_000];
/** Share of articles that are planted exact copies, near copies, and short captions. */
const EXACT_RATE = 0.05;
const NEAR_RATE = 0.1;
const SHORT_RATE = 0.01;
const SEED = 20240506;

const one = argument("--size");
if (one) await run(Number(one));
else compare();

function compare() {
  const limit = Number(argument("--limit") ?? Number.POSITIVE_INFINITY);
  const asked = argument("--sizes")?.split(",").map(Number) ?? SIZES;
  const sizes = [...new Set(asked.map((s) => Math.min(s, limit)))];
  const rows = [
    [
      "articles",
      "detect s",
      "articles/s",
      "groups",
      "planted pairs",
      "found pairs",
      "precision",
      "recall",
      "MB before",
      "peak MB",
    ],
  ];
  for (const size of sizes) {
    const args = [new URL(import.meta.url).pathname, "--size", String(size)];
    const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24 });
    if (child.status !== 0) {
      rows.push([size, `FAILED: ${child.stderr.trim().split("\n").slice(-3).join(" | ")}`]);
      continue;
    }
    rows.push(JSON.parse(child.stdout.trim().split("\n").pop()).row);
  }
  printTable(rows);
}

async function run(size) {
  const { articleFromText } = await import(distModule("model/index.js"));
  const { createCopyDetector } = await import(distModule("dedupe/index.js"));
  const { articles, family } = generateCorpus(size, articleFromText);
  const detect = createCopyDetector();
  const corpusMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  const started = performance.now();
  const out = detect(articles);
  const seconds = (performance.now() - started) / 1000;
  const score = scorePairs(out, family);
  console.log(
    JSON.stringify({
      row: [
        size,
        seconds.toFixed(2),
        Math.round(size / seconds),
        score.groups,
        score.planted,
        score.found,
        score.precision.toFixed(4),
        score.recall.toFixed(4),
        corpusMb,
        peakMemoryMb(),
      ],
    }),
  );
}

/** Pairs in one predicted group that are in one planted family, over predicted and planted pairs. */
function scorePairs(articles, family) {
  const pairs = (n) => (n * (n - 1)) / 2;
  const groups = new Map();
  for (const a of articles) {
    if (!a.copyGroup) continue;
    const counts = groups.get(a.copyGroup.id) ?? new Map();
    const f = family.get(a.id);
    counts.set(f, (counts.get(f) ?? 0) + 1);
    groups.set(a.copyGroup.id, counts);
  }
  let found = 0;
  let correct = 0;
  for (const counts of groups.values()) {
    found += pairs([...counts.values()].reduce((s, n) => s + n, 0));
    for (const n of counts.values()) correct += pairs(n);
  }
  const families = new Map();
  for (const f of family.values()) if (f !== undefined) families.set(f, (families.get(f) ?? 0) + 1);
  const planted = [...families.values()].reduce((s, n) => s + pairs(n), 0);
  return {
    groups: groups.size,
    planted,
    found,
    precision: found ? correct / found : 1,
    recall: planted ? correct / planted : 1,
  };
}

/** The corpus and, for each article id, the original it was copied from (undefined for captions). */
function generateCorpus(size, articleFromText) {
  const random = mulberry32(SEED);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const between = (low, high) => low + Math.floor(random() * (high - low + 1));
  const vocabulary = makeVocabulary(random, 20_000);
  // Zipf-like: small indices (frequent words) are drawn far more often than large ones.
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)];
  const topics = Array.from({ length: 2_000 }, () =>
    Array.from({ length: 8 }, () => capitalise(pick(vocabulary))),
  );
  const stock = Array.from({ length: 300 }, () => sentence(random, word, [], between(6, 12)));
  const captions = [
    "Photo: AP",
    "Image: Reuters",
    "Video: AFP",
    "Photo: Getty Images via AP",
    "Watch the video",
  ];

  const articles = [];
  const family = new Map();
  const originals = [];
  const published = (i) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  for (let i = 0; i < size; i++) {
    const id = `a${String(i).padStart(6, "0")}`;
    const roll = random();
    let sentences;
    if (roll < SHORT_RATE) {
      sentences = [pick(captions)];
    } else if (roll < SHORT_RATE + EXACT_RATE && originals.length > 0) {
      const source = pick(originals);
      sentences = source.sentences;
      family.set(id, source.family);
    } else if (roll < SHORT_RATE + EXACT_RATE + NEAR_RATE && originals.length > 0) {
      const source = pick(originals);
      sentences = nearCopy(source.sentences, random, word, pick, between);
      family.set(id, source.family);
    } else {
      const names = pick(topics);
      sentences = Array.from({ length: between(8, 25) }, () =>
        random() < 0.08 ? pick(stock) : sentence(random, word, names, between(10, 30)),
      );
      originals.push({ sentences, family: id });
      family.set(id, id);
    }
    const text = paragraphs(sentences, random);
    articles.push(
      articleFromText(text, {
        id,
        origin: { locator: id },
        contentHash: createHash("sha256").update(text).digest("hex"),
        published: { value: published(i), precision: "minute", source: "record" },
      }),
    );
  }
  return { articles, family };
}

/** A reprint as outlets make them: each change with its own probability. */
function nearCopy(original, random, word, pick, between) {
  let sentences = [...original];
  if (random() < 0.5) sentences[0] = sentence(random, word, [], between(10, 25));
  if (random() < 0.4)
    sentences = sentences.slice(0, Math.max(3, Math.ceil(sentences.length * (1 - 0.25 * random()))));
  if (random() < 0.5) sentences = sentences.map((s) => (random() < 0.1 ? editWord(s, word, random) : s));
  if (random() < 0.5)
    sentences[0] = `${pick(["LONDON (Reuters) -", "(AP) —", "WASHINGTON, May 6 (AFP) -"])} ${sentences[0]}`;
  if (random() < 0.3) sentences.unshift(`By ${capitalise(word())} ${capitalise(word())}`);
  if (random() < 0.5)
    sentences.push(
      `Reporting by ${capitalise(word())} ${capitalise(word())}; Editing by ${capitalise(word())} ${capitalise(word())}`,
    );
  if (random() < 0.2)
    sentences.push(`https://example.com/story?utm_source=twitter&utm_medium=social&utm_campaign=${word()}`);
  return sentences;
}

function editWord(s, word, random) {
  const words = s.split(" ");
  words[Math.floor(random() * words.length)] = word();
  return words.join(" ");
}

function sentence(random, word, names, length) {
  const words = Array.from({ length }, () =>
    names.length > 0 && random() < 0.12 ? names[Math.floor(random() * names.length)] : word(),
  );
  return `${capitalise(words.join(" "))}.`;
}

function paragraphs(sentences, random) {
  const out = [];
  let current = [];
  for (const s of sentences) {
    current.push(s);
    if (random() < 0.4) {
      out.push(current.join(" "));
      current = [];
    }
  }
  if (current.length > 0) out.push(current.join(" "));
  return out.join("\n\n");
}

function makeVocabulary(random, size) {
  const syllables = [
    "ka",
    "lo",
    "mi",
    "ren",
    "sa",
    "to",
    "vel",
    "un",
    "dor",
    "pi",
    "the",
    "an",
    "ost",
    "ri",
    "em",
    "bu",
    "nal",
    "fe",
    "gor",
    "ish",
  ];
  const words = new Set();
  while (words.size < size) {
    const n = 1 + Math.floor(random() * 4);
    words.add(Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join(""));
  }
  return [...words];
}

function capitalise(w) {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
