import type { Token } from "../../model/index.js";
import { firstWordKey, normaliseApostrophes, type TokenizedText } from "./text.js";

/** A phrase to find at token starts: a name, an alias, a title, a cue. */
export interface Phrase<T> {
  text: string;
  /** "exact"; "capital-kept": any case, but a capital first letter must stay capital; "any". */
  caseRule: CaseRule;
  value: T;
}

export type CaseRule = "exact" | "capital-kept" | "any";

export interface PhraseMatch<T> {
  phrase: Phrase<T>;
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
}

/**
 * Phrases indexed by their first word, matched on the text itself (not on tokens) so that the
 * tokenizer's way of splitting "U.S.-led" or "al-Assad" does not matter; a match must start at a
 * token start and end at a token end.
 */
export class PhraseIndex<T> {
  private readonly byKey = new Map<string, Phrase<T>[]>();

  constructor(phrases: Iterable<Phrase<T>>) {
    for (const phrase of phrases) {
      const normalised = { ...phrase, text: normaliseApostrophes(phrase.text) };
      const key = firstWordKey(normalised.text);
      const list = this.byKey.get(key) ?? [];
      list.push(normalised);
      this.byKey.set(key, list);
    }
    for (const list of this.byKey.values()) list.sort((a, b) => b.text.length - a.text.length);
  }

  /** Every phrase matching at token `i`, longest first. */
  matchesAt(doc: TokenizedText, ends: Map<number, number>, i: number): PhraseMatch<T>[] {
    const token = doc.tokens[i] as Token;
    const candidates = this.byKey.get(firstWordKey(token.text)) ?? [];
    const out: PhraseMatch<T>[] = [];
    for (const phrase of candidates) {
      const end = token.start + phrase.text.length;
      const lastToken = ends.get(end);
      if (lastToken === undefined || lastToken < i) continue;
      const surface = normaliseApostrophes(doc.text.slice(token.start, end));
      if (!sameText(surface, phrase)) continue;
      out.push({ phrase, start: token.start, end, firstToken: i, lastToken });
    }
    return out;
  }

  /** The longest phrase matching at token `i`, if any. */
  longestAt(doc: TokenizedText, ends: Map<number, number>, i: number): PhraseMatch<T> | undefined {
    return this.matchesAt(doc, ends, i)[0];
  }
}

function sameText(surface: string, phrase: Phrase<unknown>): boolean {
  if (phrase.caseRule === "exact") return surface === phrase.text;
  if (surface.toLowerCase() !== phrase.text.toLowerCase()) return false;
  if (phrase.caseRule === "any") return true;
  const first = phrase.text.charAt(0);
  return first === first.toLowerCase() || surface.charAt(0) === first;
}

/** A case-insensitive set of plain phrases (titles, cues), for "does a phrase start here". */
export function plainPhrases(words: readonly string[]): PhraseIndex<string> {
  return new PhraseIndex(words.map((w) => ({ text: w, caseRule: "any" as const, value: w })));
}
