import type { Token } from "../../model/index.js";

/**
 * Finds lexicon phrases in a run of tokens, on lower-cased text or lemma. Hyphenated words are
 * compared word by word, because wink keeps some compounds whole ("pro-democracy") and splits
 * others ("US - sponsored"): "US-sponsored terror" matches either way.
 */

/** Stands in a phrase for a short gap: "declare * clear of" matches "declared it to be clear of". */
export const GAP = "*";

/** Longest gap "*" may cover: enough for "declared the whole town clear", short enough to stay in one clause. */
export const DEFAULT_MAX_GAP = 4;

export interface PhraseEntry<T> {
  phrase: string;
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  /** Index of the first matched token in the token list given. */
  first: number;
  /** Index after the last matched token. */
  end: number;
  /** Tokens covered by the "*" gap, when the phrase has one and it matched something. */
  gap?: { first: number; end: number };
}

export interface PhraseMatcher<T> {
  /** Every phrase that matches starting at token `index`, longest first. */
  matchAt(tokens: readonly Token[], index: number): PhraseMatch<T>[];
  /** Non-overlapping matches, left to right, the longest winning at each position. */
  findAll(tokens: readonly Token[]): PhraseMatch<T>[];
}

interface Compiled<T> {
  words: string[];
  value: T;
}

/** A token seen as one or more words: "re-elect" is ["re", "-", "elect"]. */
interface Word {
  text: string;
  lemma?: string;
  token: number;
  /** First or last word of its token: a match must start and end on token edges. */
  opens: boolean;
  closes: boolean;
}

/** Punctuation a gap may not cross: it would leave the clause. */
const GAP_STOPPERS = new Set([".", ",", ";", ":", "!", "?", '"', "“", "”", "(", ")"]);

export function createPhraseMatcher<T>(
  entries: readonly PhraseEntry<T>[],
  options: { maxGap?: number } = {},
): PhraseMatcher<T> {
  const maxGap = options.maxGap ?? DEFAULT_MAX_GAP;
  const byFirstWord = new Map<string, Compiled<T>[]>();
  for (const entry of entries) {
    const words = phraseWords(entry.phrase);
    const head = words[0];
    if (head === undefined || head === GAP) continue;
    const list = byFirstWord.get(head) ?? [];
    list.push({ words, value: entry.value });
    byFirstWord.set(head, list);
  }

  function matchAt(tokens: readonly Token[], index: number): PhraseMatch<T>[] {
    // Most tokens start no phrase: their first word alone says so, before the lookahead is read.
    const opening = wordsOf(tokens, index, index + 1);
    if (opening.length > 0 && !startsAny(opening[0] as Word)) return [];
    const words = wordsOf(tokens, index, index + LOOKAHEAD_TOKENS);
    const first = words[0];
    if (first === undefined) return [];
    const candidates = new Set<Compiled<T>>();
    for (const key of keysOf(first)) for (const c of byFirstWord.get(key) ?? []) candidates.add(c);
    const matches: PhraseMatch<T>[] = [];
    for (const candidate of candidates) {
      const match = matchWords(candidate, words, maxGap);
      if (match) matches.push({ ...match, value: candidate.value });
    }
    return matches.sort((a, b) => b.end - a.end);
  }

  function startsAny(word: Word): boolean {
    return keysOf(word).some((key) => byFirstWord.has(key));
  }

  function findAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const best = matchAt(tokens, i)[0];
      if (best) {
        found.push(best);
        i = best.end;
      } else {
        i += 1;
      }
    }
    return found;
  }

  return { matchAt, findAll };
}

/** Lower-cased words of a phrase, hyphens as words of their own. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/\s+/)
    .filter((w) => w !== "")
    .flatMap(splitHyphens);
}

function splitHyphens(word: string): string[] {
  if (word === "-" || !word.includes("-")) return [word];
  return word.split(/(-)/).filter((w) => w !== "");
}

/** The words of tokens from `index` on; enough of them for any phrase (a phrase is short). */
const LOOKAHEAD_TOKENS = 16;

/** The words of tokens [index, end). */
function wordsOf(tokens: readonly Token[], index: number, end: number): Word[] {
  const words: Word[] = [];
  const stop = Math.min(tokens.length, end);
  for (let t = index; t < stop; t++) {
    const token = tokens[t] as Token;
    const parts = splitHyphens(normalise(token.text));
    parts.forEach((text, p) => {
      words.push({
        text,
        lemma: parts.length === 1 ? normalise(token.lemma) : undefined,
        token: t,
        opens: p === 0,
        closes: p === parts.length - 1,
      });
    });
  }
  return words;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'");
}

/** The forms under which a word may be looked up: text, lemma, singular of a plain plural. */
function keysOf(word: Word): string[] {
  const keys = [word.text];
  if (word.lemma && word.lemma !== word.text) keys.push(word.lemma);
  if (word.text.endsWith("es")) keys.push(word.text.slice(0, -2));
  if (word.text.endsWith("s")) keys.push(word.text.slice(0, -1));
  return keys;
}

export function wordMatches(word: { text: string; lemma?: string }, expected: string): boolean {
  return keysOf({
    text: normalise(word.text),
    lemma: word.lemma,
    token: 0,
    opens: true,
    closes: true,
  }).includes(expected);
}

function matchWords<T>(
  phrase: Compiled<T>,
  words: readonly Word[],
  maxGap: number,
): Omit<PhraseMatch<T>, "value"> | undefined {
  if (!words[0]?.opens) return undefined;
  let w = 0;
  let gap: { first: number; end: number } | undefined;
  for (let p = 0; p < phrase.words.length; p++) {
    const expected = phrase.words[p] as string;
    if (expected === GAP) {
      const next = phrase.words[p + 1];
      const skipped = skipGap(words, w, next, maxGap);
      if (skipped === undefined) return undefined;
      if (skipped > w) gap = { first: (words[w] as Word).token, end: (words[skipped - 1] as Word).token + 1 };
      w = skipped;
      continue;
    }
    const word = words[w];
    if (!word || !keysOf(word).includes(expected)) return undefined;
    w += 1;
  }
  const last = words[w - 1];
  if (!last?.closes) return undefined;
  return { first: (words[0] as Word).token, end: last.token + 1, ...(gap ? { gap } : {}) };
}

/** Index of the first word after the gap, where `next` matches; undefined when none is in reach. */
function skipGap(
  words: readonly Word[],
  from: number,
  next: string | undefined,
  maxGap: number,
): number | undefined {
  for (let w = from; w <= from + maxGap && w < words.length; w++) {
    const word = words[w] as Word;
    if (next === undefined || keysOf(word).includes(next)) return w;
    if (GAP_STOPPERS.has(word.text)) return undefined;
  }
  return undefined;
}
