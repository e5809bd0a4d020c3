// The pool the synthetic corpus of bench/stories/scale.mjs is made from: a few hundred real
// articles, analysed once per run by the project's own pipeline and cut into templates (sentences
// with the entity and place mentions inside them, offsets relative to the sentence). Sources: the
// examples/ (always there), BASIL articles and ECB+ documents rebuilt from their tokens (each when
// present in ../shared/dev/). Nothing read from ../shared/dev is written to disk: templates live
// in memory and go to the child processes over IPC.
import { readdirSync, readFileSync } from "node:fs";
import { devSet } from "../common.mjs";
import { basilArticles, ecbDocuments } from "./_corpora.mjs";

const EXAMPLES = new URL("../../examples/", import.meta.url);
/** Sentences shorter than this are headings, bylines or fragments: no use as article body. */
const MIN_SENTENCE_CHARS = 25;
/** Templates with fewer sentences cannot be cut into several different-looking articles. */
const MIN_TEMPLATE_SENTENCES = 4;

/**
 * Real articles for the pool, at most `limit`: every example, then BASIL and ECB+ shared half
 * and half (ECB+ spread over its topics). Returns {records, counts}: records are {locator, bytes}
 * ready for the ingest stage; counts says how many came from each set (0 when missing).
 */
export function poolRecords(limit) {
  const examples = exampleRecords();
  const share = Math.max(0, Math.ceil((limit - examples.length) / 2));
  const basil = basilRecords().slice(0, share);
  const ecb = spread(ecbRecords(), limit - examples.length - basil.length);
  const records = [...examples, ...basil, ...ecb].slice(0, limit);
  return { records, counts: { examples: examples.length, basil: basil.length, ecbplus: ecb.length } };
}

/** Ingest, extract and analyse the records; returns the analysed articles. */
export function analysePool(records, stages) {
  return records.flatMap((record) =>
    stages.ingest(record).documents.map((d) => stages.analyze(stages.extract(d))),
  );
}

/**
 * An analysed article cut into its sentences, each with the entity and place mentions wholly
 * inside it (offsets made relative to the sentence). Mentions across a sentence end are dropped.
 */
export function toTemplate(article) {
  const { sentences, entities, places } = article.annotations;
  const inside = (span, m) => m.start >= span.start && m.end <= span.end;
  const relative = (span, m) => ({ ...m, start: m.start - span.start, end: m.end - span.start });
  const cut = sentences
    .map((span) => ({
      text: article.text.slice(span.start, span.end),
      entities: entities.filter((e) => inside(span, e)).map((e) => relative(span, compactEntity(e))),
      places: places.filter((p) => inside(span, p)).map((p) => relative(span, compactPlace(p))),
    }))
    .filter((s) => s.text.length >= MIN_SENTENCE_CHARS && !s.text.includes("\n"));
  return { id: article.id, sentences: cut };
}

export function usableTemplates(articles) {
  return articles.map(toTemplate).filter((t) => t.sentences.length >= MIN_TEMPLATE_SENTENCES);
}

/** The fields clustering and the model need; provenance is rebuilt by the synthesiser. */
function compactEntity(e) {
  return { start: e.start, end: e.end, type: e.type, actorId: e.actorId, category: e.category };
}

function compactPlace(p) {
  return {
    start: p.start,
    end: p.end,
    feature: p.feature,
    countryCode: p.countryCode,
    lat: p.lat,
    lon: p.lon,
    geonameId: p.geonameId,
  };
}

function exampleRecords() {
  return readdirSync(EXAMPLES, { recursive: true })
    .map(String)
    .filter((file) => /\.(txt|html|jsonl)$/.test(file))
    .sort()
    .map((file) => {
      const url = new URL(file, EXAMPLES);
      return { locator: url.pathname, bytes: readFileSync(url) };
    });
}

function basilRecords() {
  const dir = devSet("bias/basil/articles/");
  return dir ? basilArticles(dir.pathname).map((a) => jsonRecord(a.line)) : [];
}

/** ECB+ documents in paragraphs of a few sentences (its XML keeps no paragraphs). */
function ecbRecords() {
  const dir = devSet("events/ecbplus/");
  if (!dir) return [];
  return ecbDocuments(dir.pathname).map((d) =>
    jsonRecord({ id: `ecb-${d.topic}-${d.file.replace(/\W+/g, "-")}`, text: paragraphs(d.sentences) }),
  );
}

function jsonRecord(record) {
  return { locator: `${record.id}.jsonl`, bytes: new TextEncoder().encode(JSON.stringify(record)) };
}

/** Every n-th item so that `count` items cover the whole list (all topics, not the first few). */
function spread(items, count) {
  if (count <= 0) return [];
  if (items.length <= count) return items;
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]);
}

/** Sentences per paragraph of a rebuilt ECB+ document. */
const ECB_SENTENCES_PER_PARAGRAPH = 3;

function paragraphs(sentences) {
  const out = [];
  for (let i = 0; i < sentences.length; i += ECB_SENTENCES_PER_PARAGRAPH)
    out.push(sentences.slice(i, i + ECB_SENTENCES_PER_PARAGRAPH).join(" "));
  return out.join("\n\n");
}
