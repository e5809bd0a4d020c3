import type { Token } from "../../model/index.js";
import type { ContextRule, NameRules } from "./dictionary.js";
import { plainPhrases } from "./phrases.js";
import { isWord, type TokenizedText } from "./text.js";

/** A word in capitals only ("IS" in "HELD BY IS"); "P-8A" or "F-16" are model names, not shouting. */
const SHOUTED = /^\p{Lu}{2,}$/u;

/** The checks an ambiguous alias can require before it counts as a mention ("told Time", not "it is time"). */
export interface ContextChecker {
  passes(
    rule: ContextRule,
    doc: TokenizedText,
    ends: Map<number, number>,
    firstToken: number,
    lastToken: number,
  ): boolean;
}

/** How far back a source cue may end before the mention: "according to" is two tokens. */
const MAX_CUE_TOKENS = 3;

export function createContextChecker(rules: NameRules): ContextChecker {
  const before = rules.sourceCuesBefore.map((cue) => cue.toLowerCase());
  const after = plainPhrases(rules.sourceCuesAfter);

  function cueBefore(doc: TokenizedText, firstToken: number): boolean {
    const sentence = doc.tokens[firstToken]?.sentence;
    const from = Math.max(0, firstToken - MAX_CUE_TOKENS);
    const window = doc.tokens.slice(from, firstToken).filter((t) => t.sentence === sentence);
    const start = window[0]?.start;
    const last = window[window.length - 1];
    if (start === undefined || last === undefined) return false;
    const preceding = doc.text.slice(start, last.end).toLowerCase().replace(/\s+/g, " ");
    return before.some((cue) => preceding === cue || preceding.endsWith(` ${cue}`));
  }

  function cueAfter(doc: TokenizedText, lastToken: number, ends: Map<number, number>): boolean {
    const next = doc.tokens[lastToken + 1];
    if (!next || next.sentence !== doc.tokens[lastToken]?.sentence) return false;
    return after.longestAt(doc, ends, lastToken + 1) !== undefined;
  }

  function mixedCase(doc: TokenizedText, firstToken: number, lastToken: number): boolean {
    const neighbours = [nearestWord(doc.tokens, firstToken, -1), nearestWord(doc.tokens, lastToken, 1)];
    return !neighbours.some((t) => t !== undefined && SHOUTED.test(t.text));
  }

  return {
    passes(rule, doc, ends, firstToken, lastToken) {
      if (rule === "mixed-case") return mixedCase(doc, firstToken, lastToken);
      return cueBefore(doc, firstToken) || cueAfter(doc, lastToken, ends);
    },
  };
}

/** The nearest word token in the same sentence, going `step` tokens at a time. */
function nearestWord(tokens: readonly Token[], from: number, step: 1 | -1): Token | undefined {
  const sentence = tokens[from]?.sentence;
  for (let k = from + step; k >= 0 && k < tokens.length; k += step) {
    const t = tokens[k] as Token;
    if (t.sentence !== sentence) return undefined;
    if (isWord(t)) return t;
  }
  return undefined;
}
