import type { TimePrecision } from "../../model/index.js";
import type { DurationUnit } from "../quantities/lexicon.js";
import type { NumberPhrase, NumberReader } from "../quantities/numbers.js";
import { alternation } from "../quantities/regex.js";
import { addDays, addMonths, type Day, formatDay, formatMonth, formatWeek } from "./calendar.js";
import { type Candidate, PATTERN_PRIORITY, type SentenceContext } from "./candidate.js";
import type { TimeLexicon } from "./lexicon.js";

/**
 * The time expressions chrono does not read, or reads without the granularity TIMEX3 wants:
 * "this week" (2017-W45), "in 2014", "the 1990s", "two years ago" (2015), durations ("six and a
 * half years", "for weeks"), sets ("every Sunday", "daily") and vague references ("now").
 */

export interface PatternReader {
  read(context: SentenceContext, numbers: readonly NumberPhrase[]): Candidate[];
}

/** Years news write as bare numbers; outside this range a four-digit number is a count or a code. */
/** The clause after "the same day" that names the other happening; longer runs are rarely one clause. */
const MAX_ANAPHORIC_CLAUSE_CHARS = 60;
const YEAR_PATTERN = "(?:1[5-9]\\d\\d|20\\d\\d)";
const PERIOD_PRECISION: Readonly<Record<string, TimePrecision>> = {
  week: "week",
  month: "month",
  year: "year",
};

export function createPatternReader(words: TimeLexicon, numbers: NumberReader): PatternReader {
  const units = Object.keys(words.durationUnits);
  const unitAlt = `(${alternation(units)})s?`;
  const relativePeriod = new RegExp(
    `(?<![\\p{L}])(the\\s+)?(${alternation(Object.keys(words.relativeModifiers))})\\s+(${alternation(words.periods)})(?![\\p{L}])`,
    "giu",
  );
  const year = new RegExp(
    `(?<=(?:(?<![\\p{L}])(?:${alternation(words.yearContext)})[\\s-]+|\\d{4}\\s*[-–]\\s*))(${YEAR_PATTERN})(?![\\d\\p{L}]|[.,]\\d|\\s*(?:%|per\\s*cent))`,
    "giu",
  );
  const decade = /(?<![\p{L}\d])((?:1[5-9]|20)\d)0s(?![\p{L}])/giu;
  const unitAfterNumber = new RegExp(`^[\\s-]+${unitAlt}(?![\\p{L}])(\\s+ago(?![\\p{L}]))?`, "iu");
  // "a 6-year-old": an age, which TimeML does not mark as a duration
  const ageAfter = new RegExp(`^[\\s-]+(?:${alternation(words.ageWords)})(?![\\p{L}])`, "iu");
  const articleUnit = new RegExp(
    `(?<![\\p{L}])(?:(${alternation(words.durationOpeners)})\\s+)?((?:an?|one)\\s+${unitAlt}(?![\\p{L}])(\\s+ago(?![\\p{L}]))?)`,
    "giud",
  );
  const openUnit = new RegExp(
    `(?<![\\p{L}])(?:${alternation(words.durationOpeners)})\\s+((${alternation(units)})s|centuries)(?![\\p{L}])`,
    "giud",
  );
  const weekdays = Object.keys(words.weekdays);
  const setQuantified = new RegExp(
    `(?<![\\p{L}])(?:${alternation(words.setQuantifiers)})\\s+(?:(\\d+|\\p{L}+)\\s+)?(${alternation([...units, ...weekdays])})s?(?![\\p{L}])`,
    "giu",
  );
  const setAdverb = new RegExp(
    `(?<![\\p{L}])(${alternation(Object.keys(words.setAdverbs))})(?![\\p{L}])`,
    "giu",
  );
  // "as recently as two years ago" names no time of its own
  const vague = new RegExp(
    `(?<![\\p{L}])(?<!\\bas\\s+)(${alternation(Object.keys(words.vagueReferences))})(?![\\p{L}])`,
    "giu",
  );

  // "the same day the assault began": a day known only through another happening. The clause that
  // names it is kept in the span (up to the next punctuation) because it is what the day means.
  const anaphoricDay = new RegExp(
    `(?<![\\p{L}])(${alternation(words.anaphoricDays)})(?:\\s+(?:${alternation(words.anaphoricClauseOpeners)})\\s+[^.,;:!?()"“”]{1,${MAX_ANAPHORIC_CLAUSE_CHARS}}?(?=[.,;:!?()"“”]|$))?`,
    "giu",
  );

  function read(context: SentenceContext, phrases: readonly NumberPhrase[]): Candidate[] {
    const sentenceText = context.text.slice(context.sentence.start, context.sentence.end);
    const offset = context.sentence.start;
    const inSentence = phrases.filter((p) => p.start >= offset && p.end <= context.sentence.end);
    return [
      ...matchAll(relativePeriod, sentenceText).map((m) => periodCandidate(context, m, offset)),
      ...matchAll(year, sentenceText).map((m) => yearCandidate(m, offset)),
      ...matchAll(decade, sentenceText).map((m) => decadeCandidate(m, offset)),
      ...inSentence.flatMap((p) => numberedDuration(context, p)),
      ...matchAll(articleUnit, sentenceText).flatMap((m) => articleDuration(context, m, offset)),
      ...matchAll(openUnit, sentenceText).flatMap((m) => unknownDuration(m, offset)),
      ...matchAll(setQuantified, sentenceText).flatMap((m) => quantifiedSet(m, offset)),
      ...matchAll(setAdverb, sentenceText).map((m) => adverbSet(m, offset)),
      ...matchAll(vague, sentenceText).map((m) => vagueCandidate(m, offset)),
      ...matchAll(anaphoricDay, sentenceText).map((m) => anaphoricCandidate(m, offset)),
    ];
  }

  /** "this week" -> 2017-W45, "last month" -> 2017-10; "the past week" is a duration. */
  function periodCandidate(context: SentenceContext, m: RegExpExecArray, offset: number): Candidate {
    const [, the, modifier = "", period = ""] = m;
    const step = words.relativeModifiers[modifier.toLowerCase()] ?? 0;
    const unit = period.toLowerCase();
    const precision = PERIOD_PRECISION[unit] ?? "vague";
    const durationUnit = words.durationUnits[unit];
    const isDuration = the !== undefined && step < 0 && durationUnit !== undefined;
    // TimeML keeps "the" inside a duration ("the past week") but not before a date
    const start = offset + m.index + (isDuration ? 0 : (the?.length ?? 0));
    const base = {
      start,
      end: offset + m.index + m[0].length,
      method: "pattern:relative-period",
      priority: PATTERN_PRIORITY,
    };
    if (isDuration) {
      return { ...base, timexType: "DURATION", value: durationValue(1, durationUnit), precision };
    }
    if (context.anchor === undefined) {
      return { ...base, timexType: "DATE", value: vagueOfStep(step), precision: "vague" };
    }
    return {
      ...base,
      timexType: "DATE",
      value: shiftPeriod(context.anchor, unit, step),
      precision,
      anchor: formatDay(context.anchor),
    };
  }

  /** "two years ago" -> 2015 against 2017-11-10; "six and a half years" -> P6.5Y. */
  function numberedDuration(context: SentenceContext, phrase: NumberPhrase): Candidate[] {
    const m = unitAfterNumber.exec(context.text.slice(phrase.end));
    const unit = m?.[1] === undefined ? undefined : words.durationUnits[m[1].toLowerCase()];
    if (!m || !unit || phrase.value === undefined) return [];
    const span = { start: phrase.start, end: phrase.end + m[0].length };
    if (ageAfter.test(context.text.slice(span.end))) return [];
    return [timedCandidate(context, span, phrase.value, m[1]?.toLowerCase() ?? "", unit, m[2] !== undefined)];
  }

  /** "for a week", "a year ago". */
  function articleDuration(context: SentenceContext, m: RegExpExecArray, offset: number): Candidate[] {
    const [, opener, , unitWord = "", ago] = m;
    const unit = words.durationUnits[unitWord.toLowerCase()];
    const at = m.indices?.[2];
    if (!unit || at === undefined || (opener === undefined && ago === undefined)) return []; // "a day" alone is too often not a time
    const span = { start: offset + at[0], end: offset + at[1] };
    if (ageAfter.test(context.text.slice(span.end))) return [];
    return [timedCandidate(context, span, 1, unitWord.toLowerCase(), unit, ago !== undefined)];
  }

  function timedCandidate(
    context: SentenceContext,
    span: { start: number; end: number },
    amount: number,
    unitWord: string,
    unit: DurationUnit,
    ago: boolean,
  ): Candidate {
    const base = { ...span, priority: PATTERN_PRIORITY };
    if (!ago) {
      return {
        ...base,
        method: "pattern:duration",
        timexType: "DURATION",
        value: durationValue(amount, unit),
        precision: unit.precision,
      };
    }
    if (context.anchor === undefined || !Number.isInteger(amount)) {
      return { ...base, method: "pattern:ago", timexType: "DATE", value: "PAST_REF", precision: "vague" };
    }
    const value = agoValue(context.anchor, amount, unitWord);
    const precision =
      value === undefined ? "vague" : (PERIOD_PRECISION[unitWord] ?? (unit.clock ? "day" : unit.precision));
    return {
      ...base,
      method: "pattern:ago",
      timexType: "DATE",
      value: value ?? "PAST_REF",
      precision,
      anchor: formatDay(context.anchor),
      // "up from $10 million a year ago" after "the third quarter" compares quarters
      ...(unitWord === "year" ? { fromLastPeriod: { years: -amount, required: false } } : {}),
    };
  }

  /** "for weeks" -> PXW. */
  function unknownDuration(m: RegExpExecArray, offset: number): Candidate[] {
    const unitWord = (m[2] ?? "century").toLowerCase();
    const unit = words.durationUnits[unitWord];
    const at = m.indices?.[1];
    if (!unit || at === undefined) return [];
    const value = `P${unit.clock ? "T" : ""}X${unit.timex}`;
    const span = { start: offset + at[0], end: offset + at[1] };
    return [
      {
        ...span,
        timexType: "DURATION",
        value,
        precision: unit.precision,
        method: "pattern:duration",
        priority: PATTERN_PRIORITY,
      },
    ];
  }

  /** "every Sunday" -> XXXX-WXX-7, "every two weeks" -> P2W. */
  function quantifiedSet(m: RegExpExecArray, offset: number): Candidate[] {
    const [, countWord, unitWord = ""] = m;
    const base = { start: offset + m.index, end: offset + m.index + m[0].length, timexType: "SET" as const };
    const rest = { method: "pattern:set", priority: PATTERN_PRIORITY };
    const weekday = words.weekdays[unitWord.toLowerCase()];
    if (weekday !== undefined && countWord === undefined) {
      return [{ ...base, ...rest, value: `XXXX-WXX-${weekday}`, precision: "day" }];
    }
    const unit = words.durationUnits[unitWord.toLowerCase()];
    const count = countWord === undefined ? 1 : numberOf(countWord);
    if (!unit || count === undefined) return [];
    return [{ ...base, ...rest, value: durationValue(count, unit), precision: unit.precision }];
  }

  function numberOf(word: string): number | undefined {
    return numbers.scan(word)[0]?.value;
  }

  function adverbSet(m: RegExpExecArray, offset: number): Candidate {
    const value = words.setAdverbs[(m[1] ?? "").toLowerCase()] ?? "";
    const start = offset + m.index;
    return {
      start,
      end: start + m[0].length,
      timexType: "SET",
      value,
      precision: setPrecision(value),
      method: "pattern:set",
      priority: PATTERN_PRIORITY,
    };
  }

  /** A day that cannot be dated without the other happening: value unknown, precision vague. */
  function anaphoricCandidate(m: RegExpExecArray, offset: number): Candidate {
    const start = offset + m.index;
    return {
      start,
      end: start + m[0].trimEnd().length,
      timexType: "DATE",
      value: "XXXX-XX-XX",
      precision: "vague",
      method: "pattern:anaphoric-day",
      priority: PATTERN_PRIORITY,
    };
  }

  function vagueCandidate(m: RegExpExecArray, offset: number): Candidate {
    const value = words.vagueReferences[(m[1] ?? "").toLowerCase().replace(/\s+/g, " ")] ?? "PRESENT_REF";
    const start = offset + m.index;
    return {
      start,
      end: start + m[0].length,
      timexType: "DATE",
      value,
      precision: "vague",
      method: "pattern:vague",
      priority: PATTERN_PRIORITY,
    };
  }

  return { read };
}

function yearCandidate(m: RegExpExecArray, offset: number): Candidate {
  const start = offset + m.index;
  return {
    start,
    end: start + m[0].length,
    timexType: "DATE",
    value: m[0],
    precision: "year",
    method: "pattern:year",
    priority: PATTERN_PRIORITY,
  };
}

/** "the 1990s" -> "199" (TIMEX3 writes a decade as its first three digits). */
function decadeCandidate(m: RegExpExecArray, offset: number): Candidate {
  const start = offset + m.index;
  const value = m[1] ?? "";
  return {
    start,
    end: start + m[0].length,
    timexType: "DATE",
    value,
    precision: "decade",
    method: "pattern:year",
    priority: PATTERN_PRIORITY,
  };
}

/** TIMEX3 duration: P2Y, P6.5Y, PT3H. */
export function durationValue(amount: number, unit: DurationUnit): string {
  return `P${unit.clock ? "T" : ""}${amount}${unit.timex}`;
}

function shiftPeriod(anchor: Day, unit: string, step: number): string {
  if (unit === "week") return formatWeek(addDays(anchor, 7 * step));
  if (unit === "month") {
    const d = addMonths(anchor, step);
    return formatMonth(d.year, d.month);
  }
  return String(anchor.year + step);
}

/** The date `amount` units before the anchor, at the unit's granularity; undefined for clock units. */
function agoValue(anchor: Day, amount: number, unit: string): string | undefined {
  switch (unit) {
    case "year":
      return String(anchor.year - amount);
    case "decade":
      return String(anchor.year - 10 * amount);
    case "month": {
      const d = addMonths(anchor, -amount);
      return formatMonth(d.year, d.month);
    }
    case "week":
      return formatWeek(addDays(anchor, -7 * amount));
    case "day":
      return formatDay(addDays(anchor, -amount));
    default:
      return formatDay(anchor); // "three hours ago": the anchor's day is the best we know
  }
}

function vagueOfStep(step: number): string {
  return step < 0 ? "PAST_REF" : step > 0 ? "FUTURE_REF" : "PRESENT_REF";
}

function setPrecision(value: string): TimePrecision {
  if (value.endsWith("H")) return "hour";
  if (value.endsWith("W")) return "week";
  if (value.endsWith("M")) return "month";
  if (value.endsWith("Y")) return "year";
  return "day";
}

function matchAll(pattern: RegExp, text: string): RegExpExecArray[] {
  return [...text.matchAll(pattern)] as RegExpExecArray[];
}
