import { endsLikeSentence, wordCount } from "./blocks.js";
import type { BlockRule } from "./data.js";
import { dateFromText } from "./dates.js";

/** A rule that matched a block, with the values its named groups read. */
export interface BlockMatch {
  rule: BlockRule;
  groups: Readonly<Record<string, string>>;
}

/**
 * Builds the pattern classifier: every rule of `data/boilerplate/blocks.json` that matches a
 * block, in file order. The caller takes the first match whose reading succeeds (a "By ..."
 * line that yields no name is not a byline), so all matches are returned.
 */
export function createBlockClassifier(rules: readonly BlockRule[]): (block: string) => BlockMatch[] {
  return function classifyBlock(block: string): BlockMatch[] {
    const words = wordCount(block);
    const matches: BlockMatch[] = [];
    for (const rule of rules) {
      if (rule.maxWords !== undefined && words > rule.maxWords) continue;
      const match = rule.pattern.exec(block);
      if (match) matches.push({ rule, groups: { ...match.groups } });
    }
    return matches;
  };
}

/**
 * A short block that does not end like a sentence: a menu entry, a widget heading, a label.
 * Body paragraphs end with punctuation; the few subheadings this drops carry no facts.
 */
export function isLabelLike(block: string, maxWords: number): boolean {
  return wordCount(block) <= maxWords && !endsLikeSentence(block);
}

export interface HeadlineLimits {
  titleMinWords: number;
  titleMaxWords: number;
}

/** A line that reads like a headline: a few words, capitalised, not a full stop at its end. */
export function looksLikeHeadline(block: string, limits: HeadlineLimits): boolean {
  const words = wordCount(block);
  if (words < limits.titleMinWords || words > limits.titleMaxWords) return false;
  if (/[.,;:]$/.test(block)) return false; // headlines end bare, or with "?" / "!" / a quote
  return /^["'“‘]?[\p{Lu}\p{N}]/u.test(block);
}

export interface DateLineLimits {
  dateOnlyCoverage: number;
  dateOnlyMaxWords: number;
}

/**
 * A block that is only a date ("10 Nov 2017", "Friday 10 November 2017 09.52 GMT"); month
 * names are read in the page's language when it is known ("5. Januar 2020").
 */
export function dateOnlyBlock(block: string, limits: DateLineLimits, language?: string) {
  if (wordCount(block) > limits.dateOnlyMaxWords) return undefined;
  const found = dateFromText(block, "dateline", language);
  if (!found || found.length < block.length * limits.dateOnlyCoverage) return undefined;
  return found.date;
}

/**
 * How a block reads as text, before its neighbours are looked at (the classes of jusText,
 * Pomikálek 2011): "good" is running prose, "near-good" prose that is short or thin,
 * "short" too short to tell, "bad" a list, a menu or a line of names and numbers.
 */
export type TextClass = "good" | "near-good" | "short" | "bad";

export interface TextClassLimits {
  /** Blocks shorter than this many characters are "short": 70, jusText's LENGTH_LOW. */
  shortMaxChars: number;
  /**
   * Prose of at least this many characters is "good": 140. jusText's LENGTH_HIGH is 200, for
   * paragraphs; a news paragraph is often one sentence of some 25 words, about 140 characters.
   */
  longMinChars: number;
  /**
   * Share of stopwords under which a block is "bad": 0.2. jusText uses 0.30 with lists of
   * several hundred words; our lists hold the ~100-200 most frequent ones, which cover a
   * little less of running text.
   */
  stopwordsLow: number;
  /** Share of stopwords from which a long block is "good": 0.26, for the same reason. */
  stopwordsHigh: number;
  /**
   * A block with at least this many list separators ("|", "•", "·", "»") is a row of links:
   * 2, since prose hardly ever holds two of them.
   */
  separatorsForList: number;
}

export const DEFAULT_TEXT_CLASS_LIMITS: Readonly<TextClassLimits> = Object.freeze({
  shortMaxChars: 70,
  longMinChars: 140,
  stopwordsLow: 0.2,
  stopwordsHigh: 0.26,
  separatorsForList: 2,
});

/** The words of a block for stopword counting: runs of letters, lower case. */
export function wordsOf(block: string): string[] {
  return block.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/** Share of a block's words that are stopwords of the page's language. */
export function stopwordDensity(block: string, stopwords: ReadonlySet<string>): number {
  const words = wordsOf(block);
  if (words.length === 0) return 0;
  return words.filter((word) => stopwords.has(word)).length / words.length;
}

/**
 * The language of a page: the stopword list that covers most of its words, when it covers at
 * least `minShare` of them (prose in any listed language is far above 0.1; a page in a
 * language we have no list for, or a page of names and numbers, is below).
 */
export function pageLanguage(
  blocks: readonly string[],
  lists: ReadonlyMap<string, ReadonlySet<string>>,
  minShare = 0.1,
): string | undefined {
  const words = blocks.flatMap(wordsOf);
  if (words.length === 0) return undefined;
  let best: { language: string; share: number } | undefined;
  for (const [language, stopwords] of lists) {
    const share = words.filter((word) => stopwords.has(word)).length / words.length;
    if (share >= minShare && (!best || share > best.share)) best = { language, share };
  }
  return best?.language;
}

/**
 * The class of a block from its own features: length, stopword density (in the best of the
 * given lists, the page's language first) and whether it is a row of links. When the page is in
 * no language we have a list for, prose is told by its length and its final punctuation.
 */
export function textClass(
  block: string,
  stopwords: readonly ReadonlySet<string>[],
  limits: TextClassLimits = DEFAULT_TEXT_CLASS_LIMITS,
): TextClass {
  const separators = listSeparators(block);
  if (separators >= limits.separatorsForList) return "bad";
  if (block.length < limits.shortMaxChars) return "short";
  const long = block.length >= limits.longMinChars;
  if (stopwords.length === 0) {
    if (!endsLikeSentence(block)) return long ? "near-good" : "short";
    return long ? "good" : "near-good";
  }
  // A quote or a paragraph in another language than the page's is still prose.
  const density = Math.max(...stopwords.map((list) => stopwordDensity(block, list)));
  if (density < limits.stopwordsLow) return "bad";
  if (density < limits.stopwordsHigh) return "near-good";
  return long ? "good" : "near-good";
}

/**
 * How many list separators ("|", "•", "·", "»" between spaces) a block holds. A French or German
 * quotation in guillemets ("« le langage »") is taken out first: its closing "»" is no separator.
 */
export function listSeparators(block: string): number {
  const unquoted = block.replace(/«[^«»]*»|»[^«»]*«/g, " ");
  return unquoted.match(/\s[|•·»]\s|\s[|•·»]$|^[|•·»]\s/g)?.length ?? 0;
}

/**
 * jusText's context step: a short block takes the class of its good or bad neighbours (a
 * subheading between paragraphs is body, a label between menu entries is not); a near-good
 * block is body unless both neighbours are bad. The edges of the sequence count as `edge`:
 * bad for a whole page, good for the main run, whose ends are body by construction.
 */
export function reviseByContext(
  classes: readonly TextClass[],
  edge: "good" | "bad" = "bad",
): ("good" | "bad")[] {
  const shortsRevised = classes.map((c, i) => (c === "short" ? reviseShort(classes, i, edge) : c));
  return shortsRevised.map((c, i) => {
    if (c !== "near-good") return c === "good" ? "good" : "bad";
    const previous = neighbour(shortsRevised, i, -1, true, edge);
    const next = neighbour(shortsRevised, i, 1, true, edge);
    return previous === "bad" && next === "bad" ? "bad" : "good";
  });
}

function reviseShort(classes: readonly TextClass[], i: number, edge: "good" | "bad"): "good" | "bad" {
  const previous = neighbour(classes, i, -1, true, edge);
  const next = neighbour(classes, i, 1, true, edge);
  if (previous === next) return previous === "good" ? "good" : "bad";
  // Between body and junk: body when a near-good block stands between it and the junk.
  const nearGoodBeside =
    (previous === "bad" && neighbour(classes, i, -1, false, edge) === "near-good") ||
    (next === "bad" && neighbour(classes, i, 1, false, edge) === "near-good");
  return nearGoodBeside ? "good" : "bad";
}

/** The class of the nearest good or bad block (or near-good, unless skipped), else the edge's. */
function neighbour(
  classes: readonly TextClass[],
  i: number,
  step: 1 | -1,
  skipNearGood: boolean,
  edge: "good" | "bad",
): TextClass {
  for (let j = i + step; j >= 0 && j < classes.length; j += step) {
    const c = classes[j];
    if (c === "good" || c === "bad" || (c === "near-good" && !skipNearGood)) return c;
  }
  return edge;
}
