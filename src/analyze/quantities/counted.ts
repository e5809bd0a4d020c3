import type { Token } from "../../model/index.js";
import { firstTokenFrom } from "./casualties.js";

/**
 * Finds what a number counts: the head noun that follows it, skipping "of", determiners after
 * "of", adjectives, proper nouns and possessives ("3,500 rebel fighters", "half of France's
 * landmass", "hundreds of thousands of people").
 */

export interface Counted {
  /** Singular lemma of the head word: "fighter". */
  unit: string;
  /** Offsets of the counted phrase, from its first kept token to the head. */
  start: number;
  end: number;
  /** The phrase was reached through "of" ("one of the soldiers"): a part, not a count. */
  viaOf: boolean;
}

/** How far after the number the head may be: "2,500 heavily armed foreign rebel fighters" fits. */
export const MAX_COUNTED_TOKENS = 6;

const MODIFIER_TAGS = new Set(["ADJ", "PROPN", "PART"]);
const SKIPPED_AFTER_OF = new Set(["DET"]);

/** The counted phrase after `from` (a text offset), within the sentence of the first token. */
export function countedAfter(tokens: readonly Token[], from: number): Counted | undefined {
  const first = firstTokenFrom(tokens, from);
  if (first < 0) return undefined;
  const sentence = (tokens[first] as Token).sentence;
  const kept: Token[] = [];
  let viaOf = false;
  let head: Token | undefined;
  for (let i = first; i < tokens.length && i < first + MAX_COUNTED_TOKENS; i++) {
    const token = tokens[i] as Token;
    if (token.sentence !== sentence) break;
    if (token.pos === "NOUN") {
      head = token;
      kept.push(token);
      if (tokens[i + 1]?.pos !== "NOUN") break; // compound nouns: the last noun is the head
      continue;
    }
    if (head !== undefined) break;
    if (kept.length === 0 && token.lemma === "of") {
      viaOf = true;
      continue;
    }
    if (kept.length === 0 && viaOf && SKIPPED_AFTER_OF.has(token.pos)) continue;
    if (!MODIFIER_TAGS.has(token.pos)) break;
    kept.push(token);
  }
  const start = kept[0]?.start;
  if (start === undefined) return undefined;
  if (head !== undefined) return { unit: head.lemma, start, end: head.end, viaOf };
  return fallbackHead(kept, start, viaOf);
}

/**
 * Without a noun: a plural proper noun ("3,000 Americans") or a lone adjective used as a noun
 * ("12 dead") is what is counted.
 */
function fallbackHead(kept: readonly Token[], start: number, viaOf: boolean): Counted | undefined {
  const last = kept[kept.length - 1] as Token;
  const pluralName = last.pos === "PROPN" && /^\p{Lu}\p{L}+s$/u.test(last.text);
  const loneAdjective = kept.length === 1 && last.pos === "ADJ";
  if (!pluralName && !loneAdjective) return undefined;
  return { unit: last.lemma, start, end: last.end, viaOf };
}
