import type { Token } from "../../model/index.js";

/** The text and tokens every entity helper reads. */
export interface TokenizedText {
  text: string;
  tokens: readonly Token[];
}

const LETTER = /\p{L}/u;
const UPPER_START = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}\p{N}.&-]*\p{Lu}[\p{Lu}\p{N}.&-]*$/u;

export function isWord(token: Token): boolean {
  return LETTER.test(token.text);
}

export function isCapitalised(token: Token): boolean {
  return UPPER_START.test(token.text);
}

export function isAllCaps(token: Token): boolean {
  return ALL_CAPS.test(token.text) && token.text.replace(/[^\p{L}]/gu, "").length > 1;
}

/** Curly apostrophes compare equal to straight ones; the replacement keeps string length. */
export function normaliseApostrophes(s: string): string {
  return s.replace(/[’‘`]/g, "'");
}

/** Lower-cased first run of letters or digits: the key under which phrases are indexed. */
export function firstWordKey(s: string): string {
  const match = /[\p{L}\p{N}]+/u.exec(normaliseApostrophes(s));
  return (match ? match[0] : s.slice(0, 1)).toLowerCase();
}

export function slug(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** True when no word token of the same sentence comes before token `i`. */
export function isSentenceInitial(tokens: readonly Token[], i: number): boolean {
  const sentence = tokens[i]?.sentence;
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    if (t.sentence !== sentence) return true;
    if (isWord(t)) return false;
  }
  return true;
}

/** Index of the token ending exactly at `end`, for checking that a phrase ends on a token boundary. */
export function tokenEndIndex(tokens: readonly Token[]): Map<number, number> {
  return new Map(tokens.map((t, i) => [t.end, i]));
}

/** Whether whitespace separates two tokens: "al-Assad" is one name, "al - Assad" is not. */
export function touches(text: string, left: Token, right: Token): boolean {
  return left.end === right.start && text.slice(left.end, right.start) === "";
}
