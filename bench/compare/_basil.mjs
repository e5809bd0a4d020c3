// Reader of BASIL (../shared/dev/bias/basil/) for bench/compare.bench.mjs: articles with their
// sentences, gold bias spans placed on those sentences, and simple word tokens. It reads the dev
// set at run time only; nothing it reads is ever written into the project.
//
// Facts about BASIL's annotation offsets (checked on all 750 phrase spans of the 50-event set):
// - `start`/`end` are [start, end) string indices into ONE SENTENCE, i.e. one string
//   `body-paragraphs[p][s]`, not into the paragraph or the article. The span does not say which
//   sentence: it is found as the sentence where `sentence.slice(start, end) === txt` (748 spans
//   match exactly one sentence; 1 matches two identical sentences: the first is taken).
// - 1 span is on the headline (`title.slice(start, end) === txt`); the body text does not hold
//   the headline, so it is counted as unplaced and left out of the scores.
// - 1 span's `txt` has a trailing space its offsets leave out ("disdainful "): matching the
//   trimmed `txt` at `start` places it.
// - Spans never cross sentences. `bias` is "inf" (512 spans) or "lex" (238 spans).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Between sentences of a paragraph and between paragraphs, as bench/stories/_corpora.mjs joins them. */
const SENTENCE_JOINER = " ";
const PARAGRAPH_JOINER = "\n\n";

/**
 * A token is a run of letters or digits, with inner apostrophes, hyphens or dots kept ("don't",
 * "fund-raiser", "U.S"); punctuation and spaces are not tokens.
 */
const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/**
 * BASIL's events (triplets) in path order, each with its articles:
 * `{ event, articles: [{ id, outlet, title, published, text, sentences, unplaced }] }` where
 * `text` is the paragraphs joined (sentences by a space, paragraphs by a blank line) and each
 * sentence is `{ start, end, inf, lexSpans, tokens }` with offsets into `text`; `inf` says the
 * sentence holds an inf span, `lexSpans` are the lex spans in `text` offsets, `tokens` the word
 * spans in `text` offsets.
 */
export function basilEvents(root) {
  const byEvent = new Map();
  for (const year of readdirSync(join(root, "articles")).sort()) {
    for (const file of readdirSync(join(root, "articles", year)).sort()) {
      if (!file.endsWith(".json")) continue;
      const raw = JSON.parse(readFileSync(join(root, "articles", year, file), "utf8"));
      const annotationFile = join(root, "annotations", year, file.replace(/\.json$/, "_ann.json"));
      const spans = JSON.parse(readFileSync(annotationFile, "utf8"))["phrase-level-annotations"];
      const article = basilArticle(raw, spans);
      const event = raw["triplet-uuid"];
      byEvent.set(event, [...(byEvent.get(event) ?? []), article]);
    }
  }
  return [...byEvent.entries()].map(([event, articles]) => ({ event, articles }));
}

function basilArticle(raw, spans) {
  const sentences = [];
  let text = "";
  raw["body-paragraphs"].forEach((paragraph, p) => {
    if (p > 0) text += PARAGRAPH_JOINER;
    paragraph.forEach((sentence, s) => {
      if (s > 0) text += SENTENCE_JOINER;
      sentences.push({ start: text.length, end: text.length + sentence.length, text: sentence });
      text += sentence;
    });
  });
  const placed = sentences.map((s) => ({
    start: s.start,
    end: s.end,
    inf: false,
    lexSpans: [],
    tokens: [...s.text.matchAll(TOKEN)].map((m) => ({
      start: s.start + m.index,
      end: s.start + m.index + m[0].length,
    })),
  }));
  let unplaced = 0;
  for (const span of spans) {
    const index = sentenceOf(sentences, span);
    if (index < 0) {
      unplaced++;
      continue;
    }
    const sentence = placed[index];
    if (span.bias === "inf") sentence.inf = true;
    else if (span.bias === "lex")
      sentence.lexSpans.push({ start: sentence.start + span.start, end: sentence.start + span.end });
  }
  return {
    id: raw.uuid,
    outlet: String(raw.source).toLowerCase(),
    title: raw.title,
    published: raw.date,
    text,
    sentences: placed,
    unplaced,
  };
}

/** The index of the sentence a span's offsets point into, or -1 (see the header). */
function sentenceOf(sentences, span) {
  const exact = sentences.findIndex((s) => s.text.slice(span.start, span.end) === span.txt);
  if (exact >= 0) return exact;
  const trimmed = span.txt.trim();
  return sentences.findIndex((s) => s.text.slice(span.start, span.start + trimmed.length) === trimmed);
}

/**
 * Maps offsets in `derived` (the pipeline's article.text) to offsets in `source` (BASIL's joined
 * text) by pairing their non-space characters in order: extraction may change spacing but not
 * the words. Returns undefined when the non-space characters differ.
 */
export function offsetMapper(derived, source) {
  // Index by UTF-16 unit so offsets match JS string indices.
  const derivedSolid = [];
  const sourceSolid = [];
  for (let i = 0; i < derived.length; i++) if (!/\s/.test(derived[i])) derivedSolid.push(i);
  for (let i = 0; i < source.length; i++) if (!/\s/.test(source[i])) sourceSolid.push(i);
  if (derivedSolid.length !== sourceSolid.length) return undefined;
  if (derivedSolid.some((d, k) => derived[d] !== source[sourceSolid[k]])) return undefined;
  // For each derived index, the rank of the first non-space character at or after it.
  const rank = new Int32Array(derived.length + 1);
  let k = derivedSolid.length;
  rank[derived.length] = k;
  for (let i = derived.length - 1; i >= 0; i--) {
    if (!/\s/.test(derived[i])) k--;
    rank[i] = k;
  }
  /** A [start, end) span of `derived` as a span of `source` (trimmed to non-space ends). */
  return (start, end) => {
    const first = rank[start];
    const last = rank[end] - 1;
    if (last < first) return undefined;
    return { start: sourceSolid[first], end: sourceSolid[last] + 1 };
  };
}

export function overlaps(a, b) {
  return a.start < b.end && b.start < a.end;
}
