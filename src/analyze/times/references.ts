import type { Span, TimePrecision } from "../../model/index.js";
import type { NumberReader } from "../quantities/numbers.js";
import { alternation } from "../quantities/regex.js";
import {
  addDays,
  addMonths,
  type Day,
  formatDay,
  formatMonth,
  formatWeek,
  resolveAgainst,
} from "./calendar.js";
import { type Candidate, type LastDateShift, PATTERN_PRIORITY, type SentenceContext } from "./candidate.js";
import { holidayNear } from "./holidays.js";
import type { TimeLexicon } from "./lexicon.js";
import { durationValue } from "./patterns.js";

/**
 * Dates named through the calendar or through the text rather than by number: holidays
 * ("Thanksgiving Day", Easter by the computus), "last May", "the year", "year-end", and the
 * expressions counted from the last date the text named ("the next day", "the following year",
 * "two days later", "the previous Friday"). The latter carry a `fromLastDate` shift that
 * `settleLastDates` resolves in document order; what they mean when no date came before is their
 * own value, read against the dateline.
 */

export interface ReferenceReader {
  read(context: SentenceContext): Candidate[];
}

const YEAR = "(?:1[5-9]\\d\\d|20\\d\\d)";

interface HolidaySpan extends Span {
  name: string;
  modifier?: string | undefined;
  written?: string | undefined;
}

export function createReferenceReader(words: TimeLexicon, numbers: NumberReader): ReferenceReader {
  const holidayNames = Object.keys(words.holidays);
  const byFolded = new Map(holidayNames.map((n) => [fold(n), n]));
  // the name opens the pattern so the regex engine can skip ahead to it; the modifier is read before
  const holiday = new RegExp(
    `(?<![\\p{L}])(${apostrophes(alternation(holidayNames))})(?:,?\\s+(${YEAR}))?(?![\\p{L}\\d])`,
    "gu",
  );
  const modifierBefore = new RegExp(`(?<![\\p{L}])(${either(Object.keys(words.monthModifiers))})\\s+$`, "u");
  // month names are matched as written: "last May", never "last may" (a verb)
  const month = new RegExp(
    `(?<![\\p{L}])(${either(Object.keys(words.monthModifiers))})\\s+(${alternation(Object.keys(words.monthNames))})(?![\\p{L}]|\\s+\\d)`,
    "gu",
  );
  const shift = new RegExp(
    `(?<![\\p{L}])(${alternation(Object.keys(words.referenceShifts))})(?![\\p{L}])`,
    "giu",
  );
  // case-sensitive (weekday names are capitalised): an "i" flag makes this scan several times slower
  const weekdayShift = new RegExp(
    `(?<![\\p{L}])[Tt]he\\s+(${alternation(Object.keys(words.referenceWeekdayModifiers))})\\s+(${capitalised(Object.keys(words.weekdays))})(?![\\p{L}])`,
    "gu",
  );

  // the count opens with any word, which is slow to try everywhere: only sentences with the cue are read
  const countCue = new RegExp(`(?:${alternation(Object.keys(words.referenceCountWords))})`, "iu");
  const countShift = new RegExp(
    `(?<![\\p{L}])(\\d+|\\p{L}+(?:-\\p{L}+)?)\\s+(day|week|month)s?\\s+(${alternation(Object.keys(words.referenceCountWords))})(?![\\p{L}])`,
    "giud",
  );
  const theYear = new RegExp(
    `(?<![\\p{L}])[Tt]he\\s+(?:(${alternation(words.wholeYearWords)})\\s+)?year(?![\\p{L}\\d'’-]|\\s+\\d)(?:\\s+(\\p{L}+))?`,
    "gu",
  );
  const periodEnd = new Set(words.periodEndWords.map((w) => w.toLowerCase()));
  const yearEnd = new RegExp(`(?<![\\p{L}-])(?:${alternation(words.yearEndWords)})(?![\\p{L}-])`, "giu");

  function read(context: SentenceContext): Candidate[] {
    const sentenceText = context.text.slice(context.sentence.start, context.sentence.end);
    const all = (re: RegExp) => [...sentenceText.matchAll(re)] as RegExpExecArray[];
    const at = (m: RegExpExecArray, length = m[0].length): Span => ({
      start: context.sentence.start + m.index,
      end: context.sentence.start + m.index + length,
    });
    return [
      ...all(holiday).flatMap((m) => holidayCandidate(context, withModifier(sentenceText, m, at(m)))),
      ...all(month).flatMap((m) => monthCandidate(context, m, at(m))),
      ...all(shift).flatMap((m) => shiftCandidate(context, m, at(m))),
      ...all(weekdayShift).flatMap((m) => weekdayCandidate(context, m, at(m))),
      ...(countCue.test(sentenceText) ? all(countShift) : []).flatMap((m) =>
        countCandidate(context, m, at(m)),
      ),
      ...all(theYear).flatMap((m) => yearCandidate(context, m)),
      ...all(yearEnd).flatMap((m) => yearEndCandidate(context, at(m))),
    ];
  }

  /** A holiday's span and the "last", "this" or "next" right before it, which belongs to it. */
  function withModifier(sentenceText: string, m: RegExpExecArray, span: Span): HolidaySpan {
    const MODIFIER_REACH = 8; // "next" and a few spaces
    const before = modifierBefore.exec(sentenceText.slice(Math.max(0, m.index - MODIFIER_REACH), m.index));
    if (!before) return { ...span, name: m[1] ?? "", written: m[2] };
    const start = span.start - before[0].length;
    return { start, end: span.end, modifier: before[1], name: m[1] ?? "", written: m[2] };
  }

  /** "Thanksgiving Day" 1999-11-25; "Christmas 2016"; "last Easter". */
  function holidayCandidate(context: SentenceContext, found: HolidaySpan): Candidate[] {
    const { modifier, name, written } = found;
    const span = { start: found.start, end: found.end };
    const rule = words.holidays[byFolded.get(fold(name)) ?? name];
    if (rule === undefined) return [];
    const method = "pattern:holiday";
    if (written !== undefined) {
      const day = holidayNear(rule, { year: Number(written), month: 1, day: 1 }, 0, "past");
      return day ? [make(span, formatDay(day), "day", method)] : [];
    }
    if (context.anchor === undefined) return [];
    const step = modifier === undefined ? undefined : words.monthModifiers[modifier.toLowerCase()];
    const day = holidayNear(rule, context.anchor, step, context.direction(span));
    return day ? [{ ...make(span, formatDay(day), "day", method), anchor: formatDay(context.anchor) }] : [];
  }

  /** "last May": the latest May before the dateline's month; "next May" the first after it. */
  function monthCandidate(context: SentenceContext, m: RegExpExecArray, span: Span): Candidate[] {
    const step = words.monthModifiers[(m[1] ?? "").toLowerCase()];
    const number = words.monthNames[m[2] ?? ""];
    if (step === undefined || number === undefined || context.anchor === undefined) return [];
    const { year, month: current } = context.anchor;
    const y =
      step < 0
        ? number < current
          ? year
          : year - 1
        : step > 0
          ? number > current
            ? year
            : year + 1
          : year;
    return [
      { ...make(span, formatMonth(y, number), "month", "pattern:month"), anchor: formatDay(context.anchor) },
    ];
  }

  /** "the next day", "later that year": from the last date named; alone, from the dateline. */
  function shiftCandidate(context: SentenceContext, m: RegExpExecArray, span: Span): Candidate[] {
    const entry = words.referenceShifts[(m[1] ?? "").toLowerCase().replace(/\s+/g, " ")];
    if (entry === undefined) return [];
    const own = ownValue(context.anchor, entry.unit, entry.amount);
    const base = make(span, own.value, own.precision, "pattern:reference");
    return [{ ...base, fromLastDate: { unit: entry.unit, amount: entry.amount } }];
  }

  /** "the previous Friday": the Friday before the last day named (or the dateline). */
  function weekdayCandidate(context: SentenceContext, m: RegExpExecArray, span: Span): Candidate[] {
    const amount = words.referenceWeekdayModifiers[(m[1] ?? "").toLowerCase()];
    const weekday = words.weekdays[(m[2] ?? "").toLowerCase()];
    if (amount === undefined || weekday === undefined) return [];
    const generic = `XXXX-WXX-${weekday}`;
    const value = context.anchor ? shiftWeekday(context.anchor, weekday, amount) : generic;
    const base = make(span, value, "day", "pattern:reference");
    return [{ ...base, fromLastDate: { unit: "weekday", amount, weekday } }];
  }

  /**
   * "two days later": a date counted from the last date named. TimeML marks "two days" alone, as a
   * duration, when no date came before to count from: that is the fallback.
   */
  function countCandidate(context: SentenceContext, m: RegExpExecArray, span: Span): Candidate[] {
    const [, countWord = "", unitWord = "", direction = ""] = m;
    const amount = /^(?:an?|one)$/i.test(countWord) ? 1 : wholeNumber(countWord);
    const sign = words.referenceCountWords[direction.toLowerCase()];
    const unit = words.durationUnits[unitWord.toLowerCase()];
    if (amount === undefined || !Number.isInteger(amount) || sign === undefined || !unit) return [];
    const durationSpan = { start: span.start, end: durationEnd(m, context.sentence.start) };
    const fallback: Candidate = {
      ...make(durationSpan, durationValue(amount, unit), unit.precision, "pattern:duration"),
      timexType: "DURATION",
    };
    const shiftUnit = unitWord.toLowerCase() as LastDateShift["unit"];
    return [
      {
        ...make(span, fallback.value, unit.precision, "pattern:reference"),
        timexType: "DURATION",
        fromLastDate: { unit: shiftUnit, amount: sign * amount, fallback },
      },
    ];
  }

  /**
   * "the year": the dateline's year, as HeidelTime reads it in news; "the full year" and "the
   * year ended Sept. 30" are a twelve-month period, a duration.
   */
  function yearCandidate(context: SentenceContext, m: RegExpExecArray): Candidate[] {
    const [whole, wholeWord, next] = m;
    // the word after "year" is only looked at, not kept in the span
    const end = whole.slice(0, whole.length - (next?.length ?? 0)).trimEnd().length;
    const span = { start: context.sentence.start + m.index, end: context.sentence.start + m.index + end };
    if (wholeWord !== undefined || (next !== undefined && periodEnd.has(next.toLowerCase()))) {
      return [{ ...make(span, "P1Y", "year", "pattern:the-year"), timexType: "DURATION" }];
    }
    if (context.anchor === undefined) return [];
    return [
      {
        ...make(span, String(context.anchor.year), "year", "pattern:the-year"),
        anchor: formatDay(context.anchor),
      },
    ];
  }

  /** "by year-end": the last day of the dateline's year, or of the year before when looking back. */
  function yearEndCandidate(context: SentenceContext, span: Span): Candidate[] {
    if (context.anchor === undefined) return [make(span, "XXXX-12-31", "day", "pattern:year-end")];
    const { year, month, day } = context.anchor;
    const isLastDay = month === 12 && day === 31;
    const back = context.direction(span) === "past" && !isLastDay;
    const value = `${back ? year - 1 : year}-12-31`;
    return [{ ...make(span, value, "day", "pattern:year-end"), anchor: formatDay(context.anchor) }];
  }

  /** The number a word spells, when the whole word is one ("two", "twenty-one", "13"). */
  function wholeNumber(word: string): number | undefined {
    const phrase = numbers.scan(word)[0];
    return phrase !== undefined && phrase.start === 0 && phrase.end === word.length
      ? phrase.value
      : undefined;
  }

  return { read };
}

/** Where the count and unit end in a "two days later" match (group 2 is the unit). */
function durationEnd(m: RegExpExecArray, sentenceStart: number): number {
  const unitEnd = m.indices?.[2]?.[1] ?? m.index + m[0].length;
  // the unit may carry a plural "s" the group left out
  const plural = m[0].slice(unitEnd - m.index).startsWith("s") ? 1 : 0;
  return sentenceStart + unitEnd + plural;
}

/** A shift read against the dateline, for when the text named no date before it. */
function ownValue(
  anchor: Day | undefined,
  unit: string,
  amount: number,
): { value: string; precision: TimePrecision } {
  if (unit === "day") return { value: "XXXX-XX-XX", precision: "vague" }; // "the next day" alone: after what?
  if (anchor === undefined)
    return { value: amount < 0 ? "PAST_REF" : amount > 0 ? "FUTURE_REF" : "PRESENT_REF", precision: "vague" };
  return {
    value: shiftFrom(anchor, unit, amount),
    precision: unit === "week" ? "week" : unit === "month" ? "month" : "year",
  };
}

/** `amount` units from a day, at the unit's granularity. */
export function shiftFrom(day: Day, unit: string, amount: number): string {
  if (unit === "day") return formatDay(addDays(day, amount));
  if (unit === "week") return formatWeek(addDays(day, 7 * amount));
  if (unit === "month") {
    const d = addMonths(day, amount);
    return formatMonth(d.year, d.month);
  }
  return String(day.year + amount);
}

/** The given weekday strictly before (amount < 0) or after a day. */
export function shiftWeekday(day: Day, weekday: number, amount: number): string {
  const direction = amount < 0 ? "past" : "future";
  const from = addDays(day, amount < 0 ? -1 : 1);
  return resolveAgainst(`XXXX-WXX-${weekday}`, formatDay(from), direction);
}

/** "last|Last", "next|Next": a modifier may open a sentence; the name after it stays as written. */
function either(words: readonly string[]): string {
  return alternation(words.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]));
}

function capitalised(words: readonly string[]): string {
  return alternation(words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)));
}

/** A data key's apostrophe matches a typographic one too. */
function apostrophes(pattern: string): string {
  return pattern.replace(/'/g, "['’]");
}

function fold(name: string): string {
  return name.replace(/’/g, "'").replace(/\s+/g, " ");
}

function make(span: Span, value: string, precision: TimePrecision, method: string): Candidate {
  return { ...span, timexType: "DATE", value, precision, method, priority: PATTERN_PRIORITY };
}
