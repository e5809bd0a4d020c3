// How one real text becomes the versions of a story: a story renames some of its names (so two
// stories made from one text differ), and each outlet's version drops, reorders and trims
// paragraphs, swaps a few numbers and names for others of the same text (outlets disagree), and
// gets its own headline. Every choice comes from the seeded `rng` passed in.
import { headline, sentences } from "./sources.mjs";

/** Share of a text's names a story renames, the same way in all its versions. */
const STORY_RENAME = 0.5;
/** Share of paragraphs a later version drops (outlets cut different parts). */
const DROP_PARAGRAPH = 0.2;
/** Paragraphs every version keeps, at least (the lead and one more). */
const MIN_PARAGRAPHS = 2;
/** Adjacent-paragraph swaps per later version. */
const PARAGRAPH_SWAPS = 2;
/** Share of paragraphs that lose their last sentence in a later version. */
const TRIM_SENTENCE = 0.15;
/** Share of number occurrences a later version replaces with another number of the text. */
const SWAP_NUMBER = 0.08;
/** Share of name occurrences a later version replaces with another name of the text. */
const SWAP_NAME = 0.03;

/** Capitalised words after a lower-case word or a comma: names, not sentence starts. */
const NAME = /(?<=[a-z0-9,;:] )[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}/g;
/** Counts and amounts; four-digit years are left alone so dates stay coherent. */
const NUMBER = /(?<![\d.,])(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\d,]*\d)/g;

/** Capitalised words that are not names: days, months and the like stay as they are. */
const NOT_NAMES = new Set(
  (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June " +
    "July August September October November December The A An In On At He She It They We I"
  ).split(" "),
);

/** The distinct names of some texts, in order of first appearance. */
export function namesOf(texts) {
  const names = new Set();
  for (const t of texts)
    for (const p of t.paragraphs)
      for (const [n] of p.matchAll(NAME)) if (!n.split(" ").some((w) => NOT_NAMES.has(w))) names.add(n);
  return [...names];
}

/** The corpus pool of names, grouped by word count (renaming keeps a name's shape). */
export function namePool(names) {
  const byWords = {};
  for (const n of names) (byWords[n.split(" ").length] ??= []).push(n);
  return Object.assign(names.slice(), { byWords });
}

/** The story's renaming: a share of the texts' names mapped to names from the corpus pool. */
export function storyRenaming(names, pool, rng) {
  const mapping = new Map();
  for (const name of names) {
    if (rng() >= STORY_RENAME || pool.length === 0) continue;
    // A name of as many words: a person for a person, a one-word place for a one-word place, mostly.
    const words = name.split(" ").length;
    const candidates = pool.byWords?.[words] ?? pool;
    const other = candidates[Math.floor(rng() * candidates.length)];
    if (other !== name) mapping.set(name, other);
  }
  return mapping;
}

/** A text with the story's names in place of its own (whole words only, longest first). */
export function renameText(text, mapping) {
  if (mapping.size === 0) return text;
  const pattern = new RegExp(
    `\\b(?:${[...mapping.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join("|")})\\b`,
    "g",
  );
  const swap = (s) => s.replace(pattern, (m) => mapping.get(m) ?? m);
  return { ...text, title: swap(text.title), paragraphs: text.paragraphs.map(swap) };
}

/**
 * One outlet's version of a (renamed) text. Version 0 is the text as it came; later versions
 * are cut, reordered, trimmed and retold with a few different figures and a new headline.
 */
export function varyText(text, version, rng) {
  if (version === 0) return text;
  const numbers = [...new Set(text.paragraphs.flatMap((p) => p.match(NUMBER) ?? []))];
  const names = namesOf([text]);
  const swapFrom = (pool, share) => (m) =>
    pool.length > 1 && rng() < share ? pool[Math.floor(rng() * pool.length)] : m;
  let paragraphs = text.paragraphs.filter((_, i) => i === 0 || rng() >= DROP_PARAGRAPH);
  if (paragraphs.length < MIN_PARAGRAPHS) paragraphs = text.paragraphs.slice(0, MIN_PARAGRAPHS);
  for (let i = 0; i < PARAGRAPH_SWAPS && paragraphs.length > 2; i++) {
    const at = 1 + Math.floor(rng() * (paragraphs.length - 2));
    [paragraphs[at], paragraphs[at + 1]] = [paragraphs[at + 1], paragraphs[at]];
  }
  paragraphs = paragraphs
    .map((p) => (rng() < TRIM_SENTENCE ? trimLastSentence(p) : p))
    .map((p) => p.replace(NUMBER, swapFrom(numbers, SWAP_NUMBER)).replace(NAME, swapFrom(names, SWAP_NAME)));
  return { ...text, title: newHeadline(text.title, paragraphs, rng), paragraphs };
}

/** Ways outlets retitle a story: the lead's first clause, a tag before the headline, and so on. */
const HEADLINE_STYLES = [
  (title, lead) => headline(lead),
  (title) => `UPDATE: ${title}`,
  (title) => `${title}, officials say`,
  (title) => title.replace(/^(?:[A-Z]+ - )/, ""),
  (title, lead) => `${headline(lead)} - report`,
  (title) => `What we know: ${title}`,
];

function newHeadline(title, paragraphs, rng) {
  const lead = sentences(paragraphs[0])[0] ?? title;
  const style = HEADLINE_STYLES[Math.floor(rng() * HEADLINE_STYLES.length)];
  const result = style(title, lead).trim();
  return result.length > 0 ? result : title;
}

function trimLastSentence(paragraph) {
  const parts = sentences(paragraph);
  return parts.length > 1 ? parts.slice(0, -1).join(" ") : paragraph;
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
