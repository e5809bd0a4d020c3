import type { Span, Token } from "../../model/index.js";
import type { Direction } from "./calendar.js";
import type { TimeLexicon } from "./lexicon.js";

/**
 * Which way a date without a year looks from the dateline, read from the verb that governs it, as
 * HeidelTime does for news: "met on Sunday" looks back, "will meet on Sunday" and "plans to leave
 * on Sunday" look forward, "Congress reconvenes Jan. 24" takes the nearest such day. The governing
 * verb is the nearest one before the expression in its sentence, else the first one after it.
 */

export interface TenseReader {
  /**
   * `tokens` are the sentence's tokens in order; `span` is the time expression. `markers`: let
   * "until", "payable" before it decide (for dates; a weekday "by Wednesday" is as often past).
   */
  directionAt(tokens: readonly Token[], span: Span, markers?: boolean): Direction;
}

const VERB_TAGS = new Set(["VERB", "AUX"]);
/** Tokens that belong to a verb group: "would not have been", "plans to leave". */
const GROUP_TAGS = new Set(["VERB", "AUX", "PART", "ADV"]);

export function createTenseReader(words: TimeLexicon): TenseReader {
  const future = new Set(words.futureAuxiliaries.map((w) => w.toLowerCase()));
  const pastAuxiliaries = new Set(words.pastAuxiliaries.map((w) => w.toLowerCase()));
  const intention = new Set(words.intentionWords.map((w) => w.toLowerCase()));
  const forward = new Set(words.forwardMarkers.map((w) => w.toLowerCase()));
  const backward = new Set(words.backwardMarkers.map((w) => w.toLowerCase()));

  function directionAt(tokens: readonly Token[], span: Span, markers = true): Direction {
    if (isPossessive(tokens, span)) return "past";
    const marker = markers ? markerBefore(tokens, span) : undefined;
    if (marker !== undefined && forward.has(marker)) return "future";
    if (marker !== undefined && backward.has(marker)) return "past";
    const verb = governingVerb(tokens, span);
    if (verb === undefined) return "nearest";
    const group = verbGroup(tokens, verb);
    if (group.some((i) => isFutureMarker(tokens, i))) return "future";
    // a perfect ("has scheduled") reports either way: only a finite past form looks back
    return isPast(tokens[group[0] ?? verb] as Token) ? "past" : "nearest";
  }

  /** "will", "'ll", "would"; or "to" after a word of intention: "plans to", "is set to", "due to". */
  function isFutureMarker(tokens: readonly Token[], i: number): boolean {
    const token = tokens[i] as Token;
    if (future.has(token.lemma) || future.has(token.text.toLowerCase())) return true;
    if (token.lemma !== "to") return false;
    const before = tokens[i - 1];
    return before !== undefined && (intention.has(before.lemma) || intention.has(before.text.toLowerCase()));
  }

  /** A finite past form: "was", "said", "met" (its text differs from its lemma and is no -ing or -s form). */
  function isPast(token: Token): boolean {
    const text = token.text.toLowerCase();
    if (pastAuxiliaries.has(text)) return true;
    return text !== token.lemma && !text.endsWith("ing") && !text.endsWith("s") && !text.startsWith("'");
  }

  return { directionAt };
}

/** "Thursday's closing price", "Wednesday's ruling": news name a day by what already happened on it. */
function isPossessive(tokens: readonly Token[], span: Span): boolean {
  const next = tokens.find((t) => t.start >= span.end);
  return next !== undefined && next.start === span.end && /^['’]s$/i.test(next.text);
}

/** The word right before the expression, skipping "on" and "the": "payable [on] Dec. 15". */
function markerBefore(tokens: readonly Token[], span: Span): string | undefined {
  const SKIPPED = new Set(["on", "the", "mid", "early", "late", "-"]);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] as Token;
    if (t.end > span.start) continue;
    const word = t.text.toLowerCase();
    if (!SKIPPED.has(word)) return word;
  }
  return undefined;
}

function governingVerb(tokens: readonly Token[], span: Span): number | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] as Token;
    if (t.end <= span.start && VERB_TAGS.has(t.pos)) return i;
  }
  const after = tokens.findIndex((t) => t.start >= span.end && VERB_TAGS.has(t.pos));
  return after < 0 ? undefined : after;
}

/** Indices of the verb group ending at `verb`, walking back over auxiliaries, "to", "not", adverbs. */
function verbGroup(tokens: readonly Token[], verb: number): number[] {
  const group = [verb];
  for (let i = verb - 1; i >= 0 && GROUP_TAGS.has((tokens[i] as Token).pos); i--) group.unshift(i);
  // the group starts at its first verb: a leading adverb ("then said") is no part of its tense
  while (group.length > 1 && !VERB_TAGS.has((tokens[group[0] as number] as Token).pos)) {
    if ((tokens[group[0] as number] as Token).lemma === "to") break;
    group.shift();
  }
  return group;
}
