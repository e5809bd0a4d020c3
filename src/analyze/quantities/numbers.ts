import type { Span } from "../../model/index.js";
import type { NumberWords } from "./lexicon.js";

/**
 * Reads numbers written in digits ("2,500", "3.5 million", "3bn") and in words ("twenty-five",
 * "six and a half", "a dozen", "half a million", "hundreds of thousands") from plain text.
 * Shared by the quantity recognizer and by the time normalizer's duration patterns.
 */

export interface NumberPhrase extends Span {
  /** Exact value, when the phrase names one number. */
  value?: number;
  /** Lower bound, for vague plurals ("hundreds" means at least two hundred). */
  low?: number;
  /** Dozens, "several hundred": the number is an estimate. */
  approximate: boolean;
  /** Written in words ("twenty") rather than in digits. */
  inWords: boolean;
  /** Digits only, no separator, decimal or scale: "2014" (a year candidate) but not "2,014". */
  plainInteger: boolean;
}

export interface NumberReader {
  /** Every number phrase of the text, in order, not overlapping. */
  scan(text: string): NumberPhrase[];
}

interface Word extends Span {
  /** Lower-cased, with known misspellings corrected. */
  norm: string;
}

/** A vague plural names at least two of its unit: "hundreds" >= 200, "dozens" >= 24. */
const VAGUE_PLURAL_MINIMUM = 2;
/** Rounds away float noise such as 0.1 * 3 while keeping every digit news writes. */
const SIGNIFICANT_DIGITS = 12;

const WORD_PATTERN = /\d+(?:[.,]\d+)*|\p{L}+/gu;
const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Between two words of one number phrase: spaces or a hyphen, never punctuation or a line. */
const JOIN = /^(?:[ \t]+|[ \t]*-[ \t]*)$/;
const ARTICLES = new Set(["a", "an"]);
/** "half" stands alone as a number only before these ("half of", "half the", "half a million"). */
const AFTER_HALF = new Set(["of", "the", "a", "an"]);

export function createNumberReader(lexicon: NumberWords): NumberReader {
  const scales = new Map(Object.entries(lexicon.scales));
  const scalePlurals = new Map([...scales].map(([word, value]) => [`${word}s`, value]));
  const needOf = new Set(lexicon.vaguePluralsNeedingOf);
  const quantifiers = Object.entries(lexicon.vagueQuantifiers).map(
    ([phrase, value]) => [phrase.split(" "), value] as const,
  );
  const quantifierStarts = new Set(quantifiers.map(([words]) => words[0]));
  /** Words a number written in words can start with; a set, so "constructor" is not read off an object. */
  const openers = new Set([
    ...ARTICLES,
    ...Object.keys(lexicon.units),
    ...Object.keys(lexicon.tens),
    ...Object.keys(lexicon.scales),
    ...Object.keys(lexicon.groups),
    ...Object.keys(lexicon.fractions),
  ]);

  function wordsOf(text: string): Word[] {
    return [...text.matchAll(WORD_PATTERN)].map((m) => {
      const lower = m[0].toLowerCase();
      const start = m.index ?? 0;
      return { start, end: start + m[0].length, norm: lexicon.misspellings[lower] ?? lower };
    });
  }

  function scan(text: string): NumberPhrase[] {
    const words = wordsOf(text);
    const out: NumberPhrase[] = [];
    let i = 0;
    while (i < words.length) {
      const found = readDigits(text, words, i) ?? readVague(text, words, i) ?? readWords(text, words, i);
      if (found === undefined) {
        i++;
        continue;
      }
      out.push(found.phrase);
      i = found.next;
    }
    return out;
  }

  function readDigits(text: string, words: Word[], i: number): Found | undefined {
    const word = words[i] as Word;
    const raw = text.slice(word.start, word.end);
    if (!/^\d/.test(raw) || !DIGITS.test(raw) || isPartOfCode(text, word)) return undefined;
    let value = Number(raw.replaceAll(",", ""));
    let end = word.end;
    let next = i + 1;
    const glued = /^\p{L}+/u.exec(text.slice(word.end))?.[0].toLowerCase();
    if (glued !== undefined) {
      const abbreviation = lexicon.scaleAbbreviations[glued];
      if (abbreviation === undefined) return undefined; // "8A", "3rd", "1990s": a code, ordinal or decade
      value *= abbreviation;
      end += glued.length;
    } else {
      const scale = joinedWord(text, words, i)?.norm;
      const factor =
        scale === undefined ? undefined : (scales.get(scale) ?? lexicon.scaleAbbreviations[scale]);
      if (factor !== undefined) {
        value *= factor;
        end = (words[i + 1] as Word).end;
        next = i + 2;
      }
    }
    const plainInteger = /^\d+$/.test(raw) && end === word.end;
    return {
      phrase: {
        start: word.start,
        end,
        value: round(value),
        approximate: false,
        inWords: false,
        plainInteger,
      },
      next,
    };
  }

  /** "hundreds of thousands", "dozens", "several hundred", "a few dozen". */
  function readVague(text: string, words: Word[], i: number): Found | undefined {
    const first = words[i] as Word;
    const plural = lexicon.vaguePlurals[first.norm];
    if (plural !== undefined) {
      if (needOf.has(first.norm) && joinedWord(text, words, i)?.norm !== "of") return undefined;
      let low = VAGUE_PLURAL_MINIMUM * plural;
      let last = i;
      while (joinedWord(text, words, last)?.norm === "of") {
        const after = joinedWord(text, words, last + 1);
        const factor = after === undefined ? undefined : (scalePlurals.get(after.norm) ?? undefined);
        if (factor === undefined) break;
        low *= factor;
        last += 2;
      }
      return { phrase: vaguePhrase(first.start, (words[last] as Word).end, low), next: last + 1 };
    }
    if (!quantifierStarts.has(first.norm)) return undefined;
    for (const [phrase, multiplier] of quantifiers) {
      const last = i + phrase.length - 1;
      if (!phrase.every((w, k) => words[i + k]?.norm === w && (k === 0 || joined(text, words, i + k - 1))))
        continue;
      const unit = joinedWord(text, words, last)?.norm;
      const factor = unit === undefined ? undefined : (scales.get(unit) ?? lexicon.groups[unit]);
      if (factor === undefined) continue;
      return {
        phrase: vaguePhrase(first.start, (words[last + 1] as Word).end, multiplier * factor),
        next: last + 2,
      };
    }
    return undefined;
  }

  /** "twenty-five", "one hundred and twelve", "six and a half", "a dozen", "half a million", "two-thirds". */
  function readWords(text: string, words: Word[], i: number): Found | undefined {
    if (!openers.has((words[i] as Word).norm)) return undefined; // most words start no number
    const state = { total: 0, current: 0, numberWords: 0, approximate: false, last: "start" as Kind };
    let k = i;
    let end = -1;
    const peek = (offset: number) =>
      joinedRun(text, words, k, offset) ? words[k + offset]?.norm : undefined;
    while (k < words.length) {
      if (k > i && !joined(text, words, k - 1)) break;
      const step = stepWord((words[k] as Word).norm, state, peek);
      if (step === 0) break;
      k += step;
      end = (words[k - 1] as Word).end;
    }
    if (state.numberWords === 0 || end < 0) return undefined;
    if (state.last === "half-alone" && !AFTER_HALF.has(peekAt(text, words, k - 1) ?? "")) return undefined;
    const value = round(state.total + state.current);
    const phrase = { start: (words[i] as Word).start, end, value, approximate: state.approximate };
    return { phrase: { ...phrase, inWords: true, plainInteger: false }, next: k };
  }

  type Kind = "start" | "article" | "unit" | "tens" | "hundred" | "scale" | "and" | "fraction" | "half-alone";
  interface State {
    total: number;
    current: number;
    numberWords: number;
    approximate: boolean;
    last: Kind;
  }

  /** Consumes one word (or "and a half") into the running value; returns how many words, 0 to stop. */
  function stepWord(word: string, s: State, peek: (offset: number) => string | undefined): number {
    const unit = lexicon.units[word];
    const tens = lexicon.tens[word];
    const scale = scales.get(word);
    const group = lexicon.groups[word];
    const fraction = lexicon.fractions[word];
    const counted = (kind: Kind, steps = 1) => {
      s.numberWords++;
      s.last = kind;
      return steps;
    };
    if (ARTICLES.has(word)) {
      const next = peek(1) ?? "";
      const leads = scales.has(next) || next in lexicon.groups || next in lexicon.fractions;
      if ((s.last !== "start" && s.last !== "half-alone") || !leads) return 0;
      if (s.last === "start") s.current = 1;
      s.last = s.last === "half-alone" ? "half-alone" : "article";
      return 1;
    }
    if (unit !== undefined) {
      if (s.last === "start" || s.last === "scale") s.current = unit;
      else if ((s.last === "tens" && s.current % 10 === 0) || s.last === "hundred" || s.last === "and")
        s.current += unit;
      else return 0;
      return counted("unit");
    }
    if (tens !== undefined) {
      if (s.last === "start" || s.last === "scale") s.current = tens;
      else if (s.last === "hundred" || s.last === "and") s.current += tens;
      else return 0;
      return counted("tens");
    }
    if (scale !== undefined) {
      if (s.last === "scale" || s.last === "and") return 0;
      if (scale === 100) {
        s.current = (s.current || 1) * scale;
        return counted("hundred");
      }
      s.total += (s.current || 1) * scale;
      s.current = 0;
      return counted("scale");
    }
    if (group !== undefined) {
      if (s.last === "scale" || s.last === "and") return 0;
      s.current = (s.current || 1) * group;
      s.approximate = true; // "a dozen" is a round figure, seldom an exact count
      return counted("hundred");
    }
    if (word === "and" && peek(1) === "a" && peek(2) === "half" && s.numberWords > 0) {
      s.current += lexicon.fractions.half ?? 0.5;
      return counted("fraction", 3);
    }
    if (word === "and" && (s.last === "hundred" || s.last === "scale")) {
      const next = peek(1) ?? "";
      if (!(next in lexicon.units) && !(next in lexicon.tens)) return 0;
      s.last = "and";
      return 1;
    }
    if (fraction !== undefined) {
      if (s.last === "start" && word === "half") {
        s.current = fraction;
        return counted("half-alone");
      }
      if (s.last !== "unit" && s.last !== "article") return 0; // "third" alone is an ordinal
      s.current = (s.current || 1) * fraction;
      return counted("fraction");
    }
    return 0;
  }

  function vaguePhrase(start: number, end: number, low: number): NumberPhrase {
    return { start, end, low: round(low), approximate: true, inWords: true, plainInteger: false };
  }

  return { scan };
}

interface Found {
  phrase: NumberPhrase;
  next: number;
}

/** True when word i and word i+1 are joined by spaces or a hyphen only. */
function joined(text: string, words: Word[], i: number): boolean {
  const a = words[i];
  const b = words[i + 1];
  return a !== undefined && b !== undefined && JOIN.test(text.slice(a.end, b.start));
}

function joinedRun(text: string, words: Word[], from: number, count: number): boolean {
  for (let k = from; k < from + count; k++) if (!joined(text, words, k)) return false;
  return true;
}

function joinedWord(text: string, words: Word[], i: number): Word | undefined {
  return joined(text, words, i) ? words[i + 1] : undefined;
}

function peekAt(text: string, words: Word[], i: number): string | undefined {
  return joinedWord(text, words, i)?.norm;
}

/** "Covid-19", "F-16", "P-8A", "9:52", "24/7": digits glued to letters or other digits are a name or code. */
function isPartOfCode(text: string, word: Span): boolean {
  const before = text.slice(Math.max(0, word.start - 2), word.start);
  const after = text.slice(word.end, word.end + 2);
  if (/\p{L}$/u.test(before) || /\p{L}-$/u.test(before)) return true;
  return /\d[:/]$/.test(before) || /^[:/]\d/.test(after);
}

function round(value: number): number {
  return Number(value.toPrecision(SIGNIFICANT_DIGITS));
}
