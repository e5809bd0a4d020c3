import * as chrono from "chrono-node";
import type { TimePrecision } from "../../model/index.js";
import { alternation } from "../quantities/regex.js";
import {
  addDays,
  compareDays,
  type Day,
  type Direction,
  formatDay,
  formatMonth,
  isoWeekday,
  isValidDay,
  resolveAgainst,
} from "./calendar.js";
import { type Candidate, CHRONO_PRIORITY, type SentenceContext } from "./candidate.js";
import type { TimeLexicon } from "./lexicon.js";

/**
 * Dates and clock times read by chrono-node, then normalised with a news past bias.
 *
 * chrono fills every component it is not told from its reference date. To know which parts the
 * text really gave, each sentence is parsed against two reference dates far apart: a component
 * chrono calls certain and that is the same under both was written in the text; one that
 * changes with the reference ("two years ago", "yesterday") is relative to the anchor.
 */

/** The second reference is this many days after the first: a different year, month, day and weekday. */
const PROBE_SHIFT_DAYS = 400;
/** ...and this many hours later, so relative clock times ("now") change too. */
const PROBE_SHIFT_HOURS = 5;
/** Reference days when the article has no date; only used to tell text from inference. */
const UNDATED_PROBE: Day = { year: 2001, month: 6, day: 15 };
/** chrono's reference hour: midday keeps the day the same in every time zone offset. */
const REFERENCE_HOUR = 12;

type Components = chrono.ParsedComponents;
const DATE_PARTS = ["year", "month", "day", "weekday"] as const;
const CLOCK_PARTS = ["hour", "minute"] as const;
/** A weekday written beside a yearless date names the year: the nearest one within this many years. */
const MAX_YEARS_FOR_WEEKDAY = 6;

export interface ChronoReader {
  read(context: SentenceContext): Candidate[];
}

export function createChronoReader(words: TimeLexicon): ChronoReader {
  const parser = chrono.casual.clone();
  const monthContext = new Set(words.monthContext.map((w) => w.toLowerCase()));
  const modifiers = new RegExp(
    `(?<![\\p{L}])(?:${alternation(Object.keys(words.relativeModifiers))})(?![\\p{L}])`,
    "iu",
  );
  const partsOfDay = Object.entries(words.partsOfDay).map(
    ([word, code]) => [new RegExp(`(?<![\\p{L}])${alternation([word])}(?![\\p{L}])`, "iu"), code] as const,
  );
  const clockWritten = new RegExp(
    `\\d:\\d\\d|(?<![\\p{L}])(?:${alternation(words.clockWords)})(?![\\p{L}])`,
    "iu",
  );
  const standalone = new Set(words.standalonePartsOfDay);
  const eventRelative = new RegExp(`(?<![\\p{L}])(?:${alternation(words.eventRelative)})$`, "iu");
  const durationOpener = new RegExp(`^(?:${alternation(words.durationOpeners)})(?![\\p{L}])`, "iu");
  const leading = new RegExp(`^(?:(?:${alternation(words.leadingPrepositions)})\\s+)+`, "i");
  // "Sun Microsystems", "Wed": a weekday abbreviation is a date only with its period or a date beside it
  const bareAbbreviation = new RegExp(`^(?:${alternation(words.weekdayAbbreviations)})$`, "i");

  function read(context: SentenceContext): Candidate[] {
    const sentenceText = context.text.slice(context.sentence.start, context.sentence.end);
    const firstDay = context.anchor ?? UNDATED_PROBE;
    const first = parser.parse(sentenceText, reference(firstDay, 0));
    // most sentences hold no date: the second probe only matters for what the first one found
    if (first.length === 0) return [];
    const second = parser.parse(
      sentenceText,
      reference(addDays(firstDay, PROBE_SHIFT_DAYS), PROBE_SHIFT_HOURS),
    );
    const out: Candidate[] = [];
    for (const result of first) {
      const twin = second.find((r) => r.index === result.index && r.text === result.text);
      const candidate = normalise(context, sentenceText, result, twin?.start);
      if (candidate) out.push(candidate);
    }
    return out;
  }

  function normalise(
    context: SentenceContext,
    sentenceText: string,
    result: chrono.ParsedResult,
    twin: Components | undefined,
  ): Candidate | undefined {
    const span = trimSpan(context.sentence.start + result.index, result.text);
    const surface = context.text.slice(span.start, span.end);
    const textual = (c: chrono.Component) =>
      result.start.isCertain(c) && twin?.isCertain(c) === true && twin.get(c) === result.start.get(c);
    const certainParts = [...DATE_PARTS, ...CLOCK_PARTS].filter((c) => result.start.isCertain(c));
    const relative =
      modifiers.test(surface) || certainParts.some((c) => !textual(c)) || certainParts.length === 0;
    if (isNoise(result, sentenceText, surface, textual, relative)) return undefined;
    // "two days later" counts from another event, "for three days" is a duration: the patterns read them
    if (relative && (eventRelative.test(surface) || durationOpener.test(result.text))) return undefined;
    const partOfDay = partsOfDay.find(([pattern]) => pattern.test(surface))?.[1];
    const base = { ...span, method: "chrono", priority: CHRONO_PRIORITY };
    if (relative) return relativeValue(context, result.start, partOfDay, base);
    return writtenValue(context, result.start, textual, surface, partOfDay, base);
  }

  /** "on Sunday" -> "Sunday", "October," -> "October": TIMEX3 spans leave out prepositions. */
  function trimSpan(start: number, raw: string): { start: number; end: number } {
    const lead = leading.exec(raw)?.[0].length ?? 0;
    const trail = /[\s,;:]+$/.exec(raw)?.[0].length ?? 0;
    return { start: start + lead, end: start + raw.length - trail };
  }

  /** chrono's casual mode also reads "24/7", "at 9" and "May he rest" as dates. */
  function isNoise(
    result: chrono.ParsedResult,
    sentenceText: string,
    surface: string,
    textual: (c: chrono.Component) => boolean,
    relative: boolean,
  ): boolean {
    if (result.tags().has("parser/SlashDateFormatParser") && !textual("year")) return true;
    if (bareAbbreviation.test(surface) && sentenceText[result.index + result.text.length] !== ".")
      return true;
    const hasDate = DATE_PARTS.some((c) => result.start.isCertain(c));
    if (!hasDate && !relative && !clockWritten.test(surface)) return true;
    const bareMonth = textual("month") && !textual("day") && !textual("year");
    const word = surface.toLowerCase();
    if (Object.hasOwn(words.partsOfDay, word) && !standalone.has(word)) return true; // "through the night" names no day
    if (bareMonth && !relative) {
      const before = /(\p{L}+)[^\p{L}]*$/u.exec(sentenceText.slice(0, result.index))?.[1]?.toLowerCase();
      return before === undefined || !monthContext.has(before);
    }
    return false;
  }

  return { read };
}

type Base = Pick<Candidate, "start" | "end" | "method" | "priority">;

/** A date the text spells out, with unknown parts as "X" and, given an anchor, resolved. */
function writtenValue(
  context: SentenceContext,
  c: Components,
  textual: (c: chrono.Component) => boolean,
  surface: string,
  partOfDay: string | undefined,
  base: Base,
): Candidate {
  const year = textual("year") ? String(c.get("year")).padStart(4, "0") : "XXXX";
  const month = c.get("month") ?? 1;
  let date: string;
  let precision: TimePrecision;
  if (textual("month") && textual("day"))
    [date, precision] = [`${year}-${pad(month)}-${pad(c.get("day") ?? 1)}`, "day"];
  else if (textual("month")) [date, precision] = [`${year}-${pad(month)}`, "month"];
  else if (textual("year")) [date, precision] = [year, "year"];
  else if (textual("weekday")) [date, precision] = [`XXXX-WXX-${isoWeekdayOf(c.get("weekday") ?? 0)}`, "day"];
  else [date, precision] = ["XXXX-XX-XX", "day"];
  const clock = clockOf(c, textual, surface, partOfDay);
  const value = clock ? `${date}T${clock.value}` : date;
  const type = clock ? "TIME" : "DATE";
  const finalPrecision = clock ? clock.precision : precision;
  if (!value.includes("X") || context.anchor === undefined) {
    return { ...base, timexType: type, value, precision: finalPrecision };
  }
  const anchor = formatDay(context.anchor);
  const direction = context.direction(base, !value.startsWith("XXXX-WXX"));
  const weekday = textual("weekday") && /^XXXX-\d\d-\d\d/.test(value) ? c.get("weekday") : undefined;
  const resolved =
    weekday !== undefined && weekday !== null
      ? (yearOfWeekday(value, isoWeekdayOf(weekday), context.anchor, direction) ??
        resolveAgainst(value, anchor, direction))
      : resolveAgainst(value, anchor, direction);
  return { ...base, timexType: type, value: resolved, precision: finalPrecision, anchor };
}

/** A date relative to the anchor ("yesterday", "two years ago"): computed, or vague without one. */
function relativeValue(
  context: SentenceContext,
  c: Components,
  partOfDay: string | undefined,
  base: Base,
): Candidate {
  const day: Day = { year: c.get("year") ?? 0, month: c.get("month") ?? 1, day: c.get("day") ?? 1 };
  if (context.anchor === undefined) {
    const order = compareDays(day, UNDATED_PROBE);
    const value = order < 0 ? "PAST_REF" : order > 0 ? "FUTURE_REF" : "PRESENT_REF";
    return { ...base, timexType: "DATE", value, precision: "vague" };
  }
  const anchor = formatDay(context.anchor);
  const dayKnown = c.isCertain("day") || c.isCertain("weekday");
  if (c.isCertain("hour") || partOfDay !== undefined) {
    const clock =
      partOfDay !== undefined && !c.isCertain("hour")
        ? partOfDay
        : `${pad(c.get("hour") ?? 0)}:${pad(c.get("minute") ?? 0)}`;
    const precision: TimePrecision =
      c.isCertain("minute") && (c.get("minute") ?? 0) !== 0 ? "minute" : "hour";
    return { ...base, timexType: "TIME", value: `${formatDay(day)}T${clock}`, precision, anchor };
  }
  if (dayKnown) return { ...base, timexType: "DATE", value: formatDay(day), precision: "day", anchor };
  if (c.isCertain("month"))
    return {
      ...base,
      timexType: "DATE",
      value: formatMonth(day.year, day.month),
      precision: "month",
      anchor,
    };
  return { ...base, timexType: "DATE", value: String(day.year), precision: "year", anchor };
}

/**
 * "Saturday, April 25" without a year: the year in which April 25 is a Saturday, searched from the
 * anchor's year in the direction the verb gives (both ways, alternating, for "nearest").
 */
function yearOfWeekday(
  value: string,
  weekday: number,
  anchor: Day,
  direction: Direction,
): string | undefined {
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const offsets = Array.from({ length: MAX_YEARS_FOR_WEEKDAY }, (_, i) => i + 1);
  const back = offsets.map((k) => -k);
  const ordered =
    direction === "past"
      ? [0, ...back, ...offsets]
      : direction === "future"
        ? [0, ...offsets, ...back]
        : [0, ...offsets.flatMap((k) => [-k, k])];
  for (const k of ordered) {
    const candidate = { year: anchor.year + k, month, day };
    if (isValidDay(candidate) && isoWeekday(candidate) === weekday)
      return `${formatDay(candidate)}${value.slice(10)}`;
  }
  return undefined;
}

function clockOf(
  c: Components,
  textual: (c: chrono.Component) => boolean,
  surface: string,
  partOfDay: string | undefined,
): { value: string; precision: TimePrecision } | undefined {
  if (textual("hour")) {
    const minuteWritten = /\d:\d\d/.test(surface);
    const value = `${pad(c.get("hour") ?? 0)}:${pad(minuteWritten ? (c.get("minute") ?? 0) : 0)}`;
    return { value, precision: minuteWritten ? "minute" : "hour" };
  }
  return partOfDay === undefined ? undefined : { value: partOfDay, precision: "hour" };
}

function reference(day: Day, extraHours: number): chrono.ParsingReference {
  const instant = new Date(Date.UTC(day.year, day.month - 1, day.day, REFERENCE_HOUR + extraHours));
  return { instant, timezone: 0 };
}

/** chrono numbers weekdays from Sunday = 0; TIMEX3 (ISO) from Monday = 1 to Sunday = 7. */
function isoWeekdayOf(chronoWeekday: number): number {
  return chronoWeekday === 0 ? 7 : chronoWeekday;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
