import type { Span, TimePrecision, Token } from "../../model/index.js";
import type { NumberReader } from "../quantities/numbers.js";
import { alternation } from "../quantities/regex.js";
import {
  addDays,
  type Day,
  type Direction,
  formatWeek,
  isoWeekday,
  partOfYear,
  yearOfPart,
} from "./calendar.js";
import { type Candidate, PATTERN_PRIORITY, type SentenceContext } from "./candidate.js";
import type { TimeLexicon } from "./lexicon.js";
import { durationValue } from "./patterns.js";

/**
 * TIMEX3 expressions of business and general news that the older patterns leave out: quarters
 * and halves ("the third quarter" 1998-Q3, "the year-ago quarter"), fiscal years, seasons
 * ("last fall" 1998-FA), weekends (1998-W33-WE), durations with a modifier ("the past three
 * months" P3M, "recent years" PXY), vague adjectives ("current" PRESENT_REF), bare years
 * ("his 1996 campaign") and "a year earlier". Span conventions follow the TimeML guidelines: a
 * leading "the" and the modifier are inside, a preposition is outside.
 */

export interface PeriodReader {
  read(context: SentenceContext): Candidate[];
}

export interface PeriodOptions {
  /** Words before a number that make it a count ("about 2000"), not a year. */
  countCues: readonly string[];
}

/** Years news write bare, with no word before them; other four-digit numbers are counts or codes. */
const BARE_YEAR = "(?:19\\d\\d|20\\d\\d)";
const YEAR = "(?:1[5-9]\\d\\d|20\\d\\d)";
/** First month of each TIMEX3 season, for resolving "last fall" against the dateline. */
const SEASON_START_MONTH: Readonly<Record<string, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };
const MONTHS_PER_SEASON = 3;
/** Parts of a year are coarser than a month: their precision is the year they belong to. */
const PART_PRECISION: TimePrecision = "year";

export function createPeriodReader(
  words: TimeLexicon,
  numbers: NumberReader,
  options: PeriodOptions,
): PeriodReader {
  const L = (s: string) => `(?<![\\p{L}\\d])${s}(?![\\p{L}])`;
  const units = Object.keys(words.durationUnits);
  const ordinals = alternation(Object.keys(words.ordinals));
  const parts = alternation(Object.keys(words.yearParts));
  const fiscal = alternation(words.fiscalWords);

  const modifiedDuration = new RegExp(
    L(
      `(the\\s+)?(${alternation(Object.keys(words.durationModifiers))})\\s+(?:(\\d+(?:\\.\\d+)?|${alternation(words.vagueCounts)}|\\p{L}+(?:-\\p{L}+)?)\\s+)?(${alternation(units)})s`,
    ),
    "giu",
  );
  const vagueDuration = new RegExp(
    L(`(?:${alternation(words.vagueCounts.filter((w) => w !== "some"))})\\s+(${alternation(units)})s`),
    "giu",
  );
  const quarter = new RegExp(
    L(
      `(the\\s+|(this|last|next)\\s+year['’]s\\s+)?(?:(${YEAR})\\s+)?(?:(?:${fiscal})\\s+)?(${ordinals})[\\s-]+(${parts})(?:\\s+of\\s+(?:(?:${fiscal})\\s+)?(${YEAR}))?`,
    ),
    "giu",
  );
  const referencePeriod = new RegExp(
    L(
      `(the|this)\\s+(?:(${YEAR})\\s+)?((?:(?:${alternation(words.referencePeriodModifiers)})\\s+){0,2})(${alternation(words.referencePeriodNouns)})(\\s+a\\s+year\\s+(?:ago|earlier))?`,
    ),
    "giu",
  );
  const fiscalYear = new RegExp(L(`(?:${fiscal})(?:\\s+year)?\\s*(${YEAR}|['’]\\d\\d)`), "giu");
  const season = new RegExp(
    L(
      `(?:(this|last|next|the|early|late)\\s+)(${alternation(Object.keys(words.seasons))})(?:\\s+(?:of\\s+)?(${YEAR}))?(?!\\s+(?:of|in)(?![\\p{L}]))`,
    ),
    "giu",
  );
  const weekend = new RegExp(L(`(this|last|next|the)\\s+(?:${alternation(words.weekendWords)})`), "giu");
  const vagueAdjective = new RegExp(
    L(`(${alternation(Object.keys(words.vagueAdjectives))})(?=\\s+(\\p{L}+))`),
    "giu",
  );
  const blockers = new Set(words.vagueAdjectiveBlockers.map((w) => w.toLowerCase()));
  const earlier = new RegExp(
    L(
      `(an?|one|\\d+|\\p{L}+)\\s+(year)s?\\s+(${alternation(Object.keys(words.earlierWords).filter((w) => (words.earlierWords[w] ?? 0) < 0 && w !== "ago"))})`,
    ),
    "giu",
  );
  const yearAdjective = /(?<![\p{L}-])year-(?:earlier|ago)(?![\p{L}-])/giu;
  const bareYear = new RegExp(
    `(?<![\\p{L}\\d$£€#.,/:'’-])(${BARE_YEAR})(?![\\d\\p{L}%]|[.,:/-]\\d|\\s*(?:per\\s*cent|percent))`,
    "gu",
  );
  const countCues = new Set(options.countCues.map((w) => w.toLowerCase()));
  const prepositions = new Set(words.leadingPrepositions.map((w) => w.toLowerCase()));

  function read(context: SentenceContext): Candidate[] {
    const sentenceText = context.text.slice(context.sentence.start, context.sentence.end);
    const at = (m: RegExpExecArray, skip = 0): Span => ({
      start: context.sentence.start + m.index + skip,
      end: context.sentence.start + m.index + m[0].length,
    });
    const all = (re: RegExp) => [...sentenceText.matchAll(re)] as RegExpExecArray[];
    return [
      ...all(modifiedDuration).flatMap((m) => modified(m, at(m))),
      ...all(vagueDuration).flatMap((m) => vagueCountDuration(m, at(m))),
      ...all(quarter).flatMap((m) => quarterCandidate(context, m, at(m))),
      ...all(referencePeriod).flatMap((m) => referenceCandidate(context, m, at(m))),
      ...all(fiscalYear).flatMap((m) => fiscalCandidate(context, m, at(m))),
      ...all(season).flatMap((m) => seasonCandidate(context, m, at(m))),
      ...all(weekend).flatMap((m) => weekendCandidate(context, m, at(m))),
      ...all(vagueAdjective).flatMap((m) => adjectiveCandidate(m, at(m))),
      ...all(earlier).flatMap((m) => earlierCandidate(context, m, at(m))),
      ...all(yearAdjective).flatMap((m) => earlierOne(context, at(m))),
      ...all(bareYear).flatMap((m) => bareYearCandidate(context, m, at(m))),
    ];
  }

  /** "the past three months" P3M, "the next two weeks" P2W, "recent years" PXY. */
  function modified(m: RegExpExecArray, span: Span): Candidate[] {
    const [, , , countWord, unitWord = ""] = m;
    const unit = words.durationUnits[unitWord.toLowerCase()];
    if (!unit) return [];
    const count = countWord === undefined ? undefined : countOf(countWord);
    if (count === null) return [];
    const value =
      count === undefined ? `P${unit.clock ? "T" : ""}X${unit.timex}` : durationValue(count, unit);
    return [make(span, "DURATION", value, unit.precision, "pattern:modified-duration")];
  }

  /** "a few days" PXD, "several years" PXY; "a couple of weeks" P2W. */
  function vagueCountDuration(m: RegExpExecArray, span: Span): Candidate[] {
    const unit = words.durationUnits[(m[1] ?? "").toLowerCase()];
    if (!unit) return [];
    const value = /couple/i.test(m[0]) ? durationValue(2, unit) : `P${unit.clock ? "T" : ""}X${unit.timex}`;
    return [make(span, "DURATION", value, unit.precision, "pattern:vague-duration")];
  }

  /** A number word or digits, or a vague count (undefined); null when the word is no count at all. */
  function countOf(word: string): number | undefined | null {
    const lower = word.toLowerCase().replace(/\s+/g, " ");
    if (words.vagueCounts.includes(lower)) return /couple/.test(lower) ? 2 : undefined;
    const phrase = numbers.scan(word)[0];
    if (phrase?.value === undefined || phrase.start !== 0 || phrase.end !== word.length) return null;
    return phrase.value;
  }

  /**
   * "the third quarter" -> 1998-Q3, "first-half 1999", "next year's first quarter". Without a
   * year, the latest such part begun by the dateline: results are reported for a period past.
   */
  function quarterCandidate(context: SentenceContext, m: RegExpExecArray, span: Span): Candidate[] {
    const [, , relativeYear, yearBefore, ordinal = "", partWord = "", yearAfter] = m;
    const part = words.yearParts[partWord.toLowerCase()];
    const n = words.ordinals[ordinal.toLowerCase()];
    if (!part || n === undefined || n > part.count) return [];
    const written = yearBefore ?? yearAfter;
    if (written !== undefined)
      return [make(span, "DATE", `${written}-${part.timex}${n}`, PART_PRECISION, "pattern:quarter")];
    if (!context.anchor)
      return [make(span, "DATE", `XXXX-${part.timex}${n}`, PART_PRECISION, "pattern:quarter")];
    const step =
      relativeYear === undefined ? undefined : (words.relativeModifiers[relativeYear.toLowerCase()] ?? 0);
    const year =
      step === undefined ? yearOfPart(n, part.count, context.anchor, "past") : context.anchor.year + step;
    return [
      {
        ...make(span, "DATE", `${year}-${part.timex}${n}`, PART_PRECISION, "pattern:quarter"),
        ...anchorOf(context),
      },
    ];
  }

  /**
   * "the quarter", "the latest period", "the year-ago quarter", "the 1988 period": the period last
   * named (a year back, or in the year written), settled in document order. "This quarter" and
   * "the current quarter" are the dateline's; a quarter or half with none named before is the
   * last one completed.
   */
  function referenceCandidate(context: SentenceContext, m: RegExpExecArray, span: Span): Candidate[] {
    const [, determiner = "", written, modifiers = "", noun = "", yearAgo] = m;
    const years = /year/i.test(modifiers) || yearAgo !== undefined ? -1 : 0;
    const current = determiner.toLowerCase() === "this" || /current/i.test(modifiers);
    const part = words.yearParts[noun.toLowerCase()];
    const base = make(span, "DATE", "XXXX", PART_PRECISION, "pattern:reference-period");
    const year = written === undefined ? undefined : Number(written);
    if (!part) {
      // "the period" alone, or "this period", is too often no time at all
      if (modifiers === "" && year === undefined) return [];
      return [
        { ...base, fromLastPeriod: { years, required: true, ...(year !== undefined ? { year } : {}) } },
      ];
    }
    if (!context.anchor) return [{ ...base, value: `XXXX-${part.timex}X` }];
    const now = partOfYear(context.anchor, part.count);
    if (current)
      return [{ ...base, value: `${context.anchor.year}-${part.timex}${now}`, ...anchorOf(context) }];
    const last =
      now === 1
        ? { year: context.anchor.year - 1, n: part.count }
        : { year: context.anchor.year, n: now - 1 };
    const value = `${(year ?? last.year) + years}-${part.timex}${last.n}`;
    return [
      {
        ...base,
        value,
        ...anchorOf(context),
        fromLastPeriod: { years, required: false, ...(year !== undefined ? { year } : {}) },
      },
    ];
  }

  /** "fiscal 1999" -> 1999, "fiscal '90" -> 1990 (the century of the dateline, or the 1900s). */
  function fiscalCandidate(context: SentenceContext, m: RegExpExecArray, span: Span): Candidate[] {
    const written = (m[1] ?? "").replace(/^['’]/, "");
    const century = context.anchor ? Math.floor(context.anchor.year / 100) * 100 : 1900;
    const year = written.length === 4 ? written : String(century + Number(written));
    return [make(span, "DATE", year, "year", "pattern:fiscal-year")];
  }

  /** "last fall" -> 1998-FA, "this summer" -> 1998-SU, "the winter of 1999" -> 1999-WI. */
  function seasonCandidate(context: SentenceContext, m: RegExpExecArray, span: Span): Candidate[] {
    const [, modifier = "", seasonWord = "", written] = m;
    const code = words.seasons[seasonWord.toLowerCase()];
    if (!code) return [];
    // "the fall in prices" is no season: after "the", one only counts after a preposition ("in the fall")
    const before = /(\p{L}+)\W*$/u.exec(context.text.slice(Math.max(0, span.start - 20), span.start))?.[1];
    const isBareThe = modifier.toLowerCase() === "the" && written === undefined;
    if (isBareThe && (before === undefined || !prepositions.has(before.toLowerCase()))) return [];
    const at = span;
    if (written !== undefined)
      return [make(at, "DATE", `${written}-${code}`, PART_PRECISION, "pattern:season")];
    if (!context.anchor) return [make(at, "DATE", `XXXX-${code}`, PART_PRECISION, "pattern:season")];
    const year = seasonYear(code, modifier.toLowerCase(), context.anchor, context.direction(span));
    return [
      { ...make(at, "DATE", `${year}-${code}`, PART_PRECISION, "pattern:season"), ...anchorOf(context) },
    ];
  }

  /** "last weekend" -> the week before the dateline's, with "-WE"; "the weekend" by the verb. */
  function weekendCandidate(context: SentenceContext, m: RegExpExecArray, span: Span): Candidate[] {
    if (!context.anchor) return [make(span, "DATE", "XXXX-WXX-WE", "week", "pattern:weekend")];
    const modifier = (m[1] ?? "").toLowerCase();
    const weekday = isoWeekday(context.anchor);
    const step = weekendStep(modifier, weekday, context.direction(span));
    const value = `${formatWeek(addDays(context.anchor, 7 * step))}-WE`;
    return [{ ...make(span, "DATE", value, "week", "pattern:weekend"), ...anchorOf(context) }];
  }

  /** "current leaders" PRESENT_REF, "recent attacks" PAST_REF; not "current account". */
  function adjectiveCandidate(m: RegExpExecArray, span: Span): Candidate[] {
    const [, word = "", next = ""] = m;
    if (blockers.has(next.toLowerCase())) return [];
    const value = words.vagueAdjectives[word.toLowerCase()];
    return value ? [make(span, "DATE", value, "vague", "pattern:vague")] : [];
  }

  /** "a year earlier": the year before the dateline's, or the period last named a year before. */
  function earlierCandidate(context: SentenceContext, m: RegExpExecArray, span: Span): Candidate[] {
    const count = /^(an?|one)$/i.test(m[1] ?? "") ? 1 : countOf(m[1] ?? "");
    if (count === null || count === undefined || !Number.isInteger(count)) return [];
    return yearsBefore(context, span, count);
  }

  function earlierOne(context: SentenceContext, span: Span): Candidate[] {
    return yearsBefore(context, span, 1);
  }

  function yearsBefore(context: SentenceContext, span: Span, count: number): Candidate[] {
    const value = context.anchor ? String(context.anchor.year - count) : "PAST_REF";
    const precision: TimePrecision = context.anchor ? "year" : "vague";
    return [
      {
        ...make(span, "DATE", value, precision, "pattern:earlier"),
        ...anchorOf(context),
        fromLastPeriod: { years: -count, required: false },
      },
    ];
  }

  /** "his 1996 campaign": a year with no word before it, unless it is a count ("about 2000 people"). */
  function bareYearCandidate(context: SentenceContext, m: RegExpExecArray, span: Span): Candidate[] {
    const before = /(\p{L}+)\W*$/u.exec(context.text.slice(Math.max(0, span.start - 20), span.start))?.[1];
    if (before !== undefined && countCues.has(before.toLowerCase())) return [];
    if (isCountOfThings(context.tokens, span)) return [];
    return [make(span, "DATE", m[1] ?? "", "year", "pattern:year")];
  }

  return { read };
}

/** "2000 people": a plural noun right after, with no determiner before, makes the number a count. */
function isCountOfThings(tokens: readonly Token[], span: Span): boolean {
  const i = tokens.findIndex((t) => t.start === span.start);
  if (i < 0) return false;
  const next = tokens[i + 1];
  const previous = tokens[i - 1];
  const pluralNoun = next !== undefined && next.pos === "NOUN" && next.text.toLowerCase() !== next.lemma;
  const determined = previous !== undefined && (previous.pos === "DET" || previous.pos === "PRON");
  return pluralNoun && !determined;
}

function seasonYear(code: string, modifier: string, anchor: Day, direction: Direction): number {
  const startMonth = SEASON_START_MONTH[code] ?? 1;
  // the season of year y runs from (y, startMonth) for three months; index months from year 0
  const anchorIndex = anchor.year * 12 + anchor.month - 1;
  const startIndex = (y: number) => y * 12 + startMonth - 1;
  const containing = [anchor.year - 1, anchor.year].find(
    (y) => startIndex(y) <= anchorIndex && anchorIndex < startIndex(y) + MONTHS_PER_SEASON,
  );
  if (modifier === "this") return containing ?? anchor.year;
  const lastEnded =
    startIndex(anchor.year) + MONTHS_PER_SEASON <= anchorIndex ? anchor.year : anchor.year - 1;
  const latestBegun = startIndex(anchor.year) <= anchorIndex ? anchor.year : anchor.year - 1;
  const nextBegins = startIndex(anchor.year) > anchorIndex ? anchor.year : anchor.year + 1;
  if (modifier === "last") return lastEnded;
  if (modifier === "next") return nextBegins;
  if (direction === "future") return containing ?? nextBegins;
  if (direction === "past") return latestBegun;
  return (
    containing ??
    (anchorIndex - (startIndex(latestBegun) + MONTHS_PER_SEASON) < startIndex(nextBegins) - anchorIndex
      ? latestBegun
      : nextBegins)
  );
}

/** Weeks from the dateline's week to the weekend meant. */
function weekendStep(modifier: string, weekday: number, direction: Direction): number {
  const SATURDAY = 6;
  /** Up to Wednesday, "the weekend" of a present-tense verb is the one just past. */
  const LAST_DAY_LOOKING_BACK = 3;
  if (modifier === "this") return 0;
  if (modifier === "last") return -1;
  if (modifier === "next") return 1;
  const inWeekend = weekday >= SATURDAY;
  if (direction === "past") return inWeekend ? 0 : -1;
  if (direction === "future") return 0;
  return weekday <= LAST_DAY_LOOKING_BACK ? -1 : 0;
}

function anchorOf(context: SentenceContext): { anchor?: string } {
  if (!context.anchor) return {};
  const d = context.anchor;
  return { anchor: `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}` };
}

function make(
  span: Span,
  timexType: Candidate["timexType"],
  value: string,
  precision: TimePrecision,
  method: string,
): Candidate {
  return {
    start: span.start,
    end: span.end,
    timexType,
    value,
    precision,
    method,
    priority: PATTERN_PRIORITY,
  };
}
