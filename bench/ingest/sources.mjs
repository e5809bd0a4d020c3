// The real texts the ingest corpus is made from, read at run time from ../shared/dev/ and
// examples/ (never copied into the project). Each set becomes "seeds": groups of texts about one
// event (a BASIL triplet, an ECB+ topic's event) or a single text, each text as
// {title, paragraphs, published?}. The trafilatura pages are kept whole (real HTML) with their URL.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { devSet } from "../common.mjs";
import { flattenHtml } from "../flatten.mjs";
import { basilArticles, decodeXml, ecbDocuments } from "../stories/_corpora.mjs";

const EXAMPLES = new URL("../../examples/", import.meta.url);
/** Sentences per paragraph when a set keeps no paragraphs (ECB+, CoNLL). */
const SENTENCES_PER_PARAGRAPH = 3;
/** A first sentence longer than this is body, not a headline. */
const MAX_HEADLINE_CHARS = 140;
/** Texts with fewer body characters cannot be varied into several articles. */
const MIN_TEXT_CHARS = 300;
/** Lines of a raw scraped text shorter than this are menus, captions or credits, not body. */
const MIN_BODY_LINE_CHARS = 80;

/**
 * Everything the corpus needs: `seeds` (groups of texts per event), `pages` (real HTML pages,
 * `{url, bytes}`), and `counts` per set. Throws when ../shared/dev is missing.
 */
export function loadSources() {
  if (!devSet("")) throw new Error("../shared/dev is missing: the ingest corpus is built from it");
  const sets = {
    basil: basilSeeds(),
    ecbplus: ecbSeeds(),
    tbaq: tbaqSeeds(),
    geo: geoSeeds(),
    conll: conllSeeds(),
    examples: exampleSeeds(),
  };
  const seeds = Object.entries(sets).flatMap(([set, list]) =>
    list.map((s) => ({ ...s, set, texts: s.texts.filter(usable) })).filter((s) => s.texts.length > 0),
  );
  const pages = trafilaturaPages();
  const counts = Object.fromEntries(
    Object.keys(sets).map((set) => [set, seeds.filter((s) => s.set === set).length]),
  );
  return { seeds, pages, counts: { ...counts, trafilatura: pages.length } };
}

function usable(text) {
  return text.paragraphs.join("").length >= MIN_TEXT_CHARS && text.title.length > 0;
}

function basilSeeds() {
  const dir = devSet("bias/basil/articles/");
  if (!dir) return [];
  const byEvent = new Map();
  for (const { line, event } of basilArticles(dir.pathname)) {
    const text = { title: line.title, paragraphs: line.text.split("\n\n"), published: line.published };
    byEvent.set(event, [...(byEvent.get(event) ?? []), text]);
  }
  return [...byEvent].map(([key, texts]) => ({ key: `basil/${key}`, texts }));
}

function ecbSeeds() {
  const dir = devSet("events/ecbplus/");
  if (!dir) return [];
  const byEvent = new Map();
  for (const doc of ecbDocuments(dir.pathname)) {
    byEvent.set(doc.event, [...(byEvent.get(doc.event) ?? []), headlineAndBody(doc.sentences)]);
  }
  return [...byEvent].map(([key, texts]) => ({ key: `ecbplus/${key}`, texts }));
}

function tbaqSeeds() {
  const dir = devSet("time/tbaq/");
  if (!dir) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".tml"))
    .sort()
    .map((file) => {
      const xml = readFileSync(join(dir.pathname, file), "utf8");
      const body = decodeXml(stripTags(xml.match(/<TEXT>([\s\S]*)<\/TEXT>/)?.[1] ?? "")).trim();
      const published = xml.match(/<DCT>[\s\S]*?value="([^"]+)"/)?.[1];
      const paragraphs = body
        .split(/\n\s*\n/)
        .map(oneLine)
        .filter(Boolean);
      const split = paragraphs.length > 1 ? paragraphs : group(sentences(body));
      const first = sentences(split[0])[0] ?? "";
      return { key: `tbaq/${file}`, texts: [{ title: headline(first), paragraphs: split, published }] };
    });
}

function geoSeeds() {
  const out = [];
  const virus = devSet("geo/GeoVirus.xml");
  if (virus) {
    const xml = readFileSync(virus, "utf8");
    for (const [, article] of xml.matchAll(/<article>([\s\S]*?)<\/article>/g)) {
      const source = tag(article, "source");
      const text = tag(article, "text");
      const slug = decodeURIComponent(source.split("/").pop() ?? "").replace(/_/g, " ");
      out.push({ key: `geovirus/${out.length}`, texts: [{ title: slug, paragraphs: paragraphsOf(text) }] });
    }
  }
  const trNews = devSet("geo/TR-News.xml");
  if (trNews) {
    const xml = readFileSync(trNews, "utf8");
    for (const [, article] of xml.matchAll(/<article[^>]*>([\s\S]*?)<\/article>/g)) {
      const text = { title: tag(article, "title"), paragraphs: paragraphsOf(tag(article, "text")) };
      out.push({ key: `trnews/${out.length}`, texts: [{ ...text, published: tag(article, "dltime") }] });
    }
  }
  return out;
}

/** CoNLL-2003 documents: tokens joined into sentences; the first sentence is the headline. */
function conllSeeds() {
  return ["ner/conll2003-train.txt.gz", "ner/conll2003-valid.txt.gz"].flatMap((file) => {
    const path = devSet(file);
    if (!path) return [];
    const lines = gunzipSync(readFileSync(path)).toString("utf8").split("\n");
    const docs = [];
    let sentence = [];
    let doc;
    const endSentence = () => {
      if (doc && sentence.length > 0) doc.push(joinTokens(sentence));
      sentence = [];
    };
    for (const line of lines) {
      if (line.startsWith("-DOCSTART-")) {
        endSentence();
        doc = [];
        docs.push(doc);
      } else if (line.trim() === "") endSentence();
      else sentence.push(line.split(" ")[0]);
    }
    endSentence();
    return docs.map((d, i) => ({ key: `${file}#${i}`, texts: [headlineAndBody(d)] }));
  });
}

/** Every example: raw texts by their long lines, HTML by its visible text, JSONL per record. */
function exampleSeeds() {
  return readdirSync(EXAMPLES, { recursive: true })
    .map(String)
    .filter((file) => /\.(txt|html|jsonl)$/.test(file))
    .sort()
    .flatMap((file) => {
      const content = readFileSync(new URL(file, EXAMPLES), "utf8");
      if (file.endsWith(".jsonl"))
        return content
          .split("\n")
          .filter((l) => l.trim())
          .map((l, i) => {
            const r = JSON.parse(l);
            return {
              key: `examples/${file}#${i}`,
              texts: [
                { title: r.title ?? "", paragraphs: paragraphsOf(r.text ?? ""), published: r.published },
              ],
            };
          });
      const text = file.endsWith(".html")
        ? flattenHtml(content)
        : file.endsWith(".txt")
          ? content
          : undefined;
      if (text === undefined) return [];
      const lines = text.split("\n").map(oneLine).filter(Boolean);
      const body = lines.filter((l) => l.length >= MIN_BODY_LINE_CHARS);
      // The headline: the last short line above the first body line (captions come before it).
      const firstBody = lines.indexOf(body[0]);
      const title = lines
        .slice(0, Math.max(0, firstBody))
        .findLast((l) => l.length > 20 && l.length < MAX_HEADLINE_CHARS);
      return [
        { key: `examples/${file}`, texts: [{ title: title ?? headline(body[0] ?? ""), paragraphs: body }] },
      ];
    });
}

/** The trafilatura benchmark's pages, whole, with the URL evaldata.json gives each, sorted by URL. */
function trafilaturaPages() {
  const index = devSet("extraction/evaldata.json");
  if (!index) return [];
  const dir = new URL("html/", index);
  return Object.entries(JSON.parse(readFileSync(index, "utf8")))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([url, { file }]) => {
      try {
        return [{ url, bytes: gunzipSync(readFileSync(new URL(`${file}.gz`, dir))) }];
      } catch {
        return [];
      }
    });
}

/** A headline needs this many words; shorter first lines are datelines or section labels. */
const MIN_HEADLINE_WORDS = 3;

function headlineAndBody(sents) {
  const [first, ...rest] = sents;
  const words = (first ?? "").split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (first && words < MIN_HEADLINE_WORDS && rest.length > 0)
    return { title: headline(rest[0]), paragraphs: group(sents) };
  if (first && first.length <= MAX_HEADLINE_CHARS && rest.length > 0)
    return { title: first.replace(/\s*[.]$/, ""), paragraphs: group(rest) };
  return { title: headline(first ?? ""), paragraphs: group(sents) };
}

/** A headline made from a sentence: its first clause, at most ~12 words. */
export function headline(sentence) {
  const clause = sentence.split(/[,;:]\s/)[0].replace(/[.!?]+$/, "");
  const words = clause.split(/\s+/).filter(Boolean);
  return words.slice(0, 12).join(" ");
}

function paragraphsOf(text) {
  const lines = text.split(/\n/).map(oneLine).filter(Boolean);
  return lines.length > 1 ? lines : group(sentences(text));
}

function group(sents) {
  const out = [];
  for (let i = 0; i < sents.length; i += SENTENCES_PER_PARAGRAPH)
    out.push(sents.slice(i, i + SENTENCES_PER_PARAGRAPH).join(" "));
  return out;
}

/** Sentences by a plain rule (end mark, space, capital or quote): good enough to vary texts. */
export function sentences(text) {
  return oneLine(text)
    .split(/(?<=[.!?]["”’]?)\s+(?=["“‘(]?[A-Z0-9])/)
    .filter(Boolean);
}

function oneLine(s) {
  return s.replace(/\s+/g, " ").trim();
}

function tag(xml, name) {
  const raw = xml.match(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`))?.[1] ?? "";
  return decodeXml(
    raw.replace(/^<!\[CDATA\[|\]\]>$/g, "").replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1"),
  ).trim();
}

function stripTags(s) {
  return s.replace(/<[^>]+>/g, "");
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[([{$]$/;

/** CoNLL tokens joined with spaces where English puts them. */
function joinTokens(tokens) {
  let text = "";
  for (const [i, token] of tokens.entries()) {
    const glue = i === 0 || NO_SPACE_BEFORE.test(token) || NO_SPACE_AFTER.test(tokens[i - 1]);
    text += glue ? token : ` ${token}`;
  }
  return text;
}
