// Readers of the dev sets the stories benchmarks share (files starting with _ are not parts).
// They read ../shared/dev/ at run time only; nothing they read is ever written into the project.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * BASIL's articles, sorted by path, as pipeline records with the event (triplet) each tells:
 * `[{ line: {id, outlet, title, published, text}, event }]`.
 */
export function basilArticles(root) {
  return readdirSync(root)
    .flatMap((year) => readdirSync(join(root, year)).map((file) => join(root, year, file)))
    .filter((path) => path.endsWith(".json"))
    .sort()
    .map((path) => JSON.parse(readFileSync(path, "utf8")))
    .map((r) => ({
      line: {
        id: r.uuid,
        outlet: r.source,
        title: r.title,
        published: r.date,
        text: r["body-paragraphs"].map((p) => p.join(" ")).join("\n\n"),
      },
      event: r["triplet-uuid"],
    }));
}

/** Only the articles of the first `count` events (in path order). */
export function firstEvents(articles, count) {
  const kept = new Set([...new Set(articles.map((a) => a.event))].slice(0, count));
  return articles.filter((a) => kept.has(a.event));
}

/**
 * ECB+'s documents in topic order, each with its sentences rebuilt from the tokens and the event
 * it reports: in each topic, `*ecb.xml` documents tell one event and `*ecbplus.xml` another.
 */
export function ecbDocuments(root) {
  return readdirSync(root)
    .filter((t) => /^\d+$/.test(t))
    .sort((a, b) => Number(a) - Number(b))
    .flatMap((topic) =>
      readdirSync(join(root, topic))
        .filter((file) => file.endsWith(".xml"))
        .sort()
        .map((file) => ({
          topic,
          file,
          event: `${topic}/${file.endsWith("ecbplus.xml") ? "plus" : "ecb"}`,
          sentences: sentencesFromTokens(readFileSync(join(root, topic, file), "utf8")),
        })),
    );
}

const TOKEN = /<token [^>]*sentence="(\d+)"[^>]*>([^<]*)<\/token>/g;
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[([{$]$/;

/** A document's sentences from its tokens: spaces where English puts them, quotes made plain. */
function sentencesFromTokens(xml) {
  const sentences = new Map();
  for (const [, sentence, raw] of xml.matchAll(TOKEN)) {
    const token = decodeXml(raw).replace(/^(?:``|'')$/, '"');
    sentences.set(sentence, [...(sentences.get(sentence) ?? []), token]);
  }
  return [...sentences.values()].map(joinTokens);
}

function joinTokens(tokens) {
  let text = "";
  let quoteOpen = false;
  let glueNext = true;
  for (const token of tokens) {
    const isQuote = token === '"';
    const glue = glueNext || NO_SPACE_BEFORE.test(token) || (isQuote && quoteOpen);
    text += glue ? token : ` ${token}`;
    if (isQuote) quoteOpen = !quoteOpen;
    glueNext = NO_SPACE_AFTER.test(token) || (isQuote && quoteOpen);
  }
  return text;
}

export function decodeXml(s) {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
