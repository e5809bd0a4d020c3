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

/** A block that is only a date ("10 Nov 2017", "Friday 10 November 2017 09.52 GMT"). */
export function dateOnlyBlock(block: string, limits: DateLineLimits) {
  if (wordCount(block) > limits.dateOnlyMaxWords) return undefined;
  const found = dateFromText(block, "dateline");
  if (!found || found.length < block.length * limits.dateOnlyCoverage) return undefined;
  return found.date;
}
