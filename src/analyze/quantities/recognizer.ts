import type { Article, Provenance, Quantity, Span, Token } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { createCasualtyReader } from "./casualties.js";
import { countedAfter } from "./counted.js";
import { loadQuantityLexicon, type QuantityLexicon } from "./lexicon.js";
import { createNumberReader, type NumberPhrase } from "./numbers.js";
import { alternation } from "./regex.js";

/**
 * Quantities: numbers in digits and words, ranges, bounds, estimates, percentages and money,
 * with the noun they count. Numbers inside time mentions (years, days, durations) and inside
 * names or codes ("F-16", "Covid-19") are not quantities.
 */

export interface QuantityOptions {
  lexicon: QuantityLexicon;
  /** A bare four-digit integer in this range, without other cues, is a year, not a count. */
  yearRange: readonly [number, number];
}

/** News writes years as bare four-digit numbers and counts of 1,000 and more with a comma. */
const DEFAULT_YEAR_RANGE: readonly [number, number] = [1800, 2100];
const PROVENANCE: Provenance = { stage: "analyze", method: "pattern:quantity" };

interface Context {
  /** Where the quantity's text starts once modifiers and currency are included. */
  start: number;
  low?: "lower" | "upper";
  approximate: boolean;
  opener?: string;
  currency?: string;
  prefixUnit?: string;
}

interface Reading {
  start: number;
  /** End of the numbers (and percent word), before the counted phrase. */
  end: number;
  value?: number;
  low?: number;
  high?: number;
  approximate: boolean;
  unit?: string;
  tally: boolean;
  /** Index of the last number phrase used, so a range's second number is not read again. */
  lastPhrase: number;
}

export function createQuantityRecognizer(options: Partial<QuantityOptions> = {}): AnalysisComponent {
  const lexicon = options.lexicon ?? loadQuantityLexicon();
  const [yearMin, yearMax] = options.yearRange ?? DEFAULT_YEAR_RANGE;
  const reader = createNumberReader(lexicon.numbers);
  const words = lexicon.quantities;
  const currencies = alternation(Object.keys(words.currencies));
  const currencyBefore = new RegExp(`(${currencies})\\s?$`, "du");
  const phraseBefore = (list: readonly string[]) =>
    new RegExp(`(?:^|[^\\p{L}])(${alternation(list)})\\s+$`, "diu");
  const lowerBefore = phraseBefore(words.lowerBounds);
  const upperBefore = phraseBefore(words.upperBounds);
  const approxBefore = phraseBefore(words.approximators);
  const openerBefore = phraseBefore(words.rangePairs.map((p) => p[0]));
  const prefixBefore = phraseBefore(words.prefixUnits);
  const joiner = new RegExp(`^\\s*(?:${alternation(words.rangeJoiners)})\\s*(?:${currencies})?$`, "iu");
  const closers = new Map(
    words.rangePairs.map(([open, close]) => [
      open.toLowerCase(),
      new RegExp(`^\\s+${alternation([close])}\\s+(?:${currencies})?$`, "iu"),
    ]),
  );
  const unitSuffix = new RegExp(`^-(${alternation(words.prefixUnits)})(?![\\p{L}])`, "iu");
  const percentAfter = new RegExp(`^\\s*(${alternation(Object.keys(words.percentWords))})(?![\\p{L}])`, "iu");
  const headless = new Set(words.headlessWordNumbers);
  const casualties = createCasualtyReader(words);
  const fractionWord = new RegExp(
    `(?:^|[^\\p{L}])(?:${alternation(Object.keys(lexicon.numbers.fractions))})$`,
    "iu",
  );
  /** Units that are not people: a percentage, money or a magnitude is never a casualty count. */
  const nonCountUnits = new Set([
    ...Object.values(words.percentWords),
    ...Object.values(words.currencies),
    ...words.prefixUnits,
  ]);

  /** Currency, unit, range opener, bound or estimate written before the number, nearest first. */
  function contextBefore(text: string, from: number, floor: number, withOpener = true): Context {
    const context: Context = { start: from, approximate: false };
    const take = (pattern: RegExp): string | undefined => {
      const m = pattern.exec(text.slice(floor, context.start));
      const at = m?.indices?.[1];
      if (!m?.[1] || at === undefined) return undefined;
      context.start = floor + at[0];
      return m[1].toLowerCase().replace(/\s+/g, " ");
    };
    const currency = take(currencyBefore);
    if (currency !== undefined)
      context.currency = words.currencies[currency.toUpperCase()] ?? words.currencies[currency];
    const prefix = take(prefixBefore);
    if (prefix !== undefined) context.prefixUnit = prefix;
    const opener = withOpener ? take(openerBefore) : undefined;
    if (opener !== undefined) context.opener = opener;
    else if (take(lowerBefore) !== undefined) context.low = "lower";
    else if (take(upperBefore) !== undefined) context.low = "upper";
    else if (take(approxBefore) !== undefined) context.approximate = true;
    return context;
  }

  function read(text: string, phrases: NumberPhrase[], i: number, floor: number): Reading {
    const first = phrases[i] as NumberPhrase;
    let context = contextBefore(text, first.start, floor);
    const second = rangeEnd(text, phrases, i, context.opener);
    // "up from 58%": "from" opens no range here, so look again for a bound or an estimate
    if (second === undefined && context.opener !== undefined)
      context = contextBefore(text, first.start, floor, false);
    const reading: Reading = {
      start: context.start,
      end: (second ?? first).end,
      approximate: first.approximate || context.approximate,
      tally: false,
      lastPhrase: second ? i + 1 : i,
      ...(context.currency ? { unit: context.currency } : {}),
      ...(context.prefixUnit ? { unit: context.prefixUnit } : {}),
    };
    if (second) fillRange(text, reading, first, second, context.opener !== undefined);
    else fillSingle(reading, first, context);
    const suffix = unitSuffix.exec(text.slice(reading.end));
    if (suffix?.[1]) {
      reading.unit = suffix[1].toLowerCase(); // "a 7.8-magnitude quake" reads as "magnitude 7.8"
      reading.end += suffix[0].length;
    }
    const percent = percentAfter.exec(text.slice(reading.end));
    if (percent?.[1]) {
      reading.unit = words.percentWords[percent[1].toLowerCase().replace(/\s+/g, " ")];
      reading.end += percent[0].length;
    }
    return reading;
  }

  /** The number that closes a range after phrase i: "2,500-3,500", "between 2,500 and 3,500". */
  function rangeEnd(
    text: string,
    phrases: NumberPhrase[],
    i: number,
    opener?: string,
  ): NumberPhrase | undefined {
    const first = phrases[i] as NumberPhrase;
    const next = phrases[i + 1];
    if (next === undefined) return undefined;
    const gap = text.slice(first.end, next.start);
    const closer = opener === undefined ? undefined : closers.get(opener);
    if (closer?.test(gap)) return next;
    return joiner.test(gap) ? next : undefined;
  }

  function fillRange(
    text: string,
    reading: Reading,
    first: NumberPhrase,
    second: NumberPhrase,
    opened: boolean,
  ): void {
    const high = second.value ?? second.low;
    let low = first.value ?? first.low;
    if (low === undefined || high === undefined) return;
    const scale = trailingScale(text, second);
    if (scale !== undefined && trailingScale(text, first) === undefined && low * scale <= high) low *= scale;
    if (!opened && first.plainInteger && second.plainInteger && low >= high) {
      reading.tally = true; // "5-4", "6 to 3": a vote or a score, not a range
      return;
    }
    reading.low = low;
    reading.high = high;
  }

  /** "3 to 4 million": the scale written once applies to both ends. */
  function trailingScale(text: string, phrase: NumberPhrase): number | undefined {
    const last = /\p{L}+$/u.exec(text.slice(phrase.start, phrase.end))?.[0].toLowerCase();
    return last === undefined ? undefined : lexicon.numbers.scales[last];
  }

  function fillSingle(reading: Reading, phrase: NumberPhrase, context: Context): void {
    const value = phrase.value ?? phrase.low;
    if (value === undefined) return;
    if (phrase.value === undefined) reading.low = value;
    else if (context.low === "lower") reading.low = value;
    else if (context.low === "upper") reading.high = value;
    else reading.value = value;
  }

  function isYear(phrase: NumberPhrase, reading: Reading): boolean {
    const value = phrase.value ?? 0;
    const plainYear =
      phrase.plainInteger && phrase.end - phrase.start === 4 && value >= yearMin && value <= yearMax;
    return plainYear && reading.unit === undefined && reading.start === phrase.start;
  }

  function quantityOf(
    text: string,
    tokens: readonly Token[],
    reading: Reading,
    phrase: NumberPhrase,
  ): Quantity | undefined {
    const counted = countedAfter(tokens, reading.end);
    const isPercent = reading.unit !== undefined && Object.values(words.percentWords).includes(reading.unit);
    const usable = counted !== undefined && (!isPercent || counted.viaOf);
    if (phrase.inWords && !reading.tally && phrase.value !== undefined) {
      const word = text.slice(phrase.start, phrase.end).toLowerCase();
      if (!usable || (headless.has(word) && counted.viaOf)) return undefined; // "one of them", "the two"
    }
    const end = usable ? counted.end : reading.end;
    const unit = reading.unit ?? (usable ? counted.unit : undefined);
    const span = { start: reading.start, end };
    const casualty =
      reading.unit !== undefined && nonCountUnits.has(reading.unit)
        ? undefined
        : casualties.casualtyOf(tokens, span, unit);
    // "half of Syria's landmass", "two-thirds of the vote": a share of what is counted
    const fraction =
      usable &&
      counted.viaOf &&
      reading.value !== undefined &&
      reading.value < 1 &&
      fractionWord.test(text.slice(phrase.start, phrase.end));
    return {
      start: reading.start,
      end,
      text: text.slice(reading.start, end),
      provenance: PROVENANCE,
      ...(reading.value !== undefined ? { value: reading.value } : {}),
      ...(reading.low !== undefined ? { low: reading.low } : {}),
      ...(reading.high !== undefined ? { high: reading.high } : {}),
      approximate: reading.approximate,
      ...(unit !== undefined ? { unit } : {}),
      ...(usable ? { counted: text.slice(counted.start, counted.end) } : {}),
      ...(casualty !== undefined ? { casualty } : {}),
      ...(fraction ? { fraction: true } : {}),
    };
  }

  function run(article: Article): { quantities: Quantity[] } {
    const { text, annotations } = article;
    const phrases = reader.scan(text);
    const out: Quantity[] = [];
    for (let i = 0; i < phrases.length; i++) {
      const phrase = phrases[i] as NumberPhrase;
      if (overlapsAny(phrase, annotations.times)) continue;
      const reading = read(text, phrases, i, sentenceStart(annotations.sentences, phrase.start));
      if (overlapsAny(reading, annotations.times) || isYear(phrase, reading)) continue;
      const quantity = quantityOf(text, annotations.tokens, reading, phrase);
      if (quantity) out.push(quantity);
      i = reading.lastPhrase;
    }
    return { quantities: out };
  }

  return { name: "quantities", requires: ["tokens", "sentences", "times"], provides: ["quantities"], run };
}

function overlapsAny(span: Span, others: readonly Span[]): boolean {
  return others.some((o) => o.start < span.end && span.start < o.end);
}

function sentenceStart(sentences: readonly Span[], offset: number): number {
  const sentence = sentences.find((s) => s.start <= offset && offset < s.end);
  return sentence?.start ?? 0;
}
