import { readFileSync } from "node:fs";
import { numberRecord, objectAt, stringList, stringRecord } from "../data-shape.js";
import {
  durationUnits,
  type TimeWords,
  type VagueReference,
  vagueReferences,
} from "../quantities/lexicon.js";

/**
 * Typed loader for `data/lexicons/times.json`, the time normaliser's vocabulary: the words the
 * quantity lexicon also knows (duration units, weekdays, set words...) plus what TIMEX3 needs
 * beyond them (quarters, seasons, fiscal years, vague adjectives, tense cues). Read when a
 * component is created, never at import, and validated so a bad entry fails with its key.
 */

export interface YearPart {
  /** TIMEX3 letter: "Q" (quarter, 1998-Q3) or "H" (half, 1998-H1). */
  timex: string;
  /** How many of them make a year. */
  count: number;
}

export interface TimeLexicon extends TimeWords {
  /** Adjectives that are time expressions of their own: "current" PRESENT_REF, "recent" PAST_REF. */
  vagueAdjectives: Readonly<Record<string, VagueReference>>;
  /** Nouns after which such an adjective is no time ("current account", "current affairs"). */
  vagueAdjectiveBlockers: readonly string[];
  /** "third" -> 3, for quarters and halves. */
  ordinals: Readonly<Record<string, number>>;
  yearParts: Readonly<Record<string, YearPart>>;
  /** TIMEX3 season codes: "summer" -> "SU". */
  seasons: Readonly<Record<string, string>>;
  /** "the latest quarter", "the same period": a period named through the one last mentioned. */
  referencePeriodModifiers: readonly string[];
  referencePeriodNouns: readonly string[];
  /** "fiscal 1999" is the year 1999. */
  fiscalWords: readonly string[];
  /** "the past three months" (-1), "the next two weeks" (+1), "the first nine months" (0). */
  durationModifiers: Readonly<Record<string, number>>;
  /** Counts with no number: "the past few years" -> PXY. */
  vagueCounts: readonly string[];
  /** Lemmas before "to" + verb that point forward: "plans to leave on Monday". */
  intentionWords: readonly string[];
  /** Auxiliaries of a future verb group: "will", "would", "'ll". */
  futureAuxiliaries: readonly string[];
  /** Words right before a date that point it forward, whatever the verb: "payable Dec. 15", "until May". */
  forwardMarkers: readonly string[];
  /** Words right before a date that point it back: "since March". */
  backwardMarkers: readonly string[];
  /** Past auxiliaries, read before their participle: "was", "had". */
  pastAuxiliaries: readonly string[];
  /** "a 6-year-old": an age, not a duration. */
  ageWords: readonly string[];
  /** Weekday abbreviations chrono reads, kept only with a period or beside a date ("Sun" is a company). */
  weekdayAbbreviations: readonly string[];
  weekendWords: readonly string[];
  /** "a year earlier" (-1), "a week later" (+1): counted from the last date the text gave. */
  earlierWords: Readonly<Record<string, number>>;
  /** Capitalised month names: "May" is a month only so written ("last May"). */
  monthNames: Readonly<Record<string, number>>;
  /** "last May" (-1), "next May" (+1), "this May" (0): counted from the dateline's month. */
  monthModifiers: Readonly<Record<string, number>>;
  /** Named days and how each year places them, keyed by the name as written ("Thanksgiving Day"). */
  holidays: Readonly<Record<string, HolidayRule>>;
  /** "the next day", "later that year": counted from the last date the text named. */
  referenceShifts: Readonly<Record<string, ReferenceShift>>;
  /** "the previous Friday" (-1), "the following Monday" (+1): from the last day the text named. */
  referenceWeekdayModifiers: Readonly<Record<string, number>>;
  /** "two days later" (+1), "three weeks earlier" (-1): counted from the last date named. */
  referenceCountWords: Readonly<Record<string, number>>;
  /** "the full year": the whole of a year, a duration. */
  wholeYearWords: readonly string[];
  /** "the year ended Sept. 30": a twelve-month period, a duration. */
  periodEndWords: readonly string[];
  /** "by year-end": the last day of a year. */
  yearEndWords: readonly string[];
}

/**
 * How a named day falls in a year: a fixed day ("Christmas": 12-25), the first given weekday on or
 * after a day of the month (fourth Thursday of November: the Thursday on or after the 22nd), or a
 * number of days from Western Easter Sunday (Good Friday: -2).
 */
export type HolidayRule =
  | { month: number; day: number }
  | { month: number; weekday: number; onOrAfter: number }
  | { easterOffset: number };

export type ShiftUnit = "day" | "week" | "month" | "year";

export interface ReferenceShift {
  unit: ShiftUnit;
  /** Units after (+) or before (-) the reference date; 0 for the same one ("that year"). */
  amount: number;
}

export const DEFAULT_TIME_LEXICON = new URL("../../../data/lexicons/times.json", import.meta.url);

export function loadTimeLexicon(file: URL | string = DEFAULT_TIME_LEXICON): TimeLexicon {
  return parseTimeLexicon(JSON.parse(readFileSync(file, "utf8")), String(file));
}

/** Validates the JSON shape and returns it typed; throws with the path of the first bad entry. */
export function parseTimeLexicon(json: unknown, where = "times.json"): TimeLexicon {
  const t = objectAt(json, where);
  const at = (key: string) => `${where}#${key}`;
  const list = (key: string) => stringList(t[key], at(key));
  const strings = (key: string) => stringRecord(t[key], at(key));
  const numbers = (key: string) => numberRecord(t[key], at(key));
  return {
    durationUnits: durationUnits(t.durationUnits, at("durationUnits")),
    durationOpeners: list("durationOpeners"),
    setAdverbs: strings("setAdverbs"),
    setQuantifiers: list("setQuantifiers"),
    weekdays: numbers("weekdays"),
    relativeModifiers: numbers("relativeModifiers"),
    periods: list("periods"),
    futureCues: list("futureCues"),
    vagueReferences: vagueReferences(t.vagueReferences, at("vagueReferences")),
    yearContext: list("yearContext"),
    monthContext: list("monthContext"),
    eventRelative: list("eventRelative"),
    anaphoricDays: list("anaphoricDays"),
    anaphoricClauseOpeners: list("anaphoricClauseOpeners"),
    leadingPrepositions: list("leadingPrepositions"),
    partsOfDay: strings("partsOfDay"),
    standalonePartsOfDay: list("standalonePartsOfDay"),
    clockWords: list("clockWords"),
    vagueAdjectives: vagueReferences(t.vagueAdjectives, at("vagueAdjectives")),
    vagueAdjectiveBlockers: list("vagueAdjectiveBlockers"),
    ordinals: numbers("ordinals"),
    yearParts: yearParts(t.yearParts, at("yearParts")),
    seasons: strings("seasons"),
    referencePeriodModifiers: list("referencePeriodModifiers"),
    referencePeriodNouns: list("referencePeriodNouns"),
    fiscalWords: list("fiscalWords"),
    durationModifiers: numbers("durationModifiers"),
    vagueCounts: list("vagueCounts"),
    intentionWords: list("intentionWords"),
    futureAuxiliaries: list("futureAuxiliaries"),
    forwardMarkers: list("forwardMarkers"),
    backwardMarkers: list("backwardMarkers"),
    pastAuxiliaries: list("pastAuxiliaries"),
    ageWords: list("ageWords"),
    weekdayAbbreviations: list("weekdayAbbreviations"),
    weekendWords: list("weekendWords"),
    earlierWords: numbers("earlierWords"),
    monthNames: numbers("monthNames"),
    monthModifiers: numbers("monthModifiers"),
    holidays: holidays(t.holidays, at("holidays")),
    referenceShifts: referenceShifts(t.referenceShifts, at("referenceShifts")),
    referenceWeekdayModifiers: numbers("referenceWeekdayModifiers"),
    referenceCountWords: numbers("referenceCountWords"),
    wholeYearWords: list("wholeYearWords"),
    periodEndWords: list("periodEndWords"),
    yearEndWords: list("yearEndWords"),
  };
}

function yearParts(value: unknown, where: string): Record<string, YearPart> {
  const record = objectAt(value, where);
  const out: Record<string, YearPart> = {};
  for (const [key, raw] of Object.entries(record)) {
    const entry = objectAt(raw, `${where}.${key}`);
    if (typeof entry.timex !== "string" || !/^[A-Z]$/.test(entry.timex))
      throw new Error(`${where}.${key}.timex: expected one letter`);
    if (typeof entry.count !== "number" || !Number.isInteger(entry.count) || entry.count < 2) {
      throw new Error(`${where}.${key}.count: expected an integer of at least 2`);
    }
    out[key] = { timex: entry.timex, count: entry.count };
  }
  return out;
}

const SHIFT_UNITS: readonly ShiftUnit[] = ["day", "week", "month", "year"];

function holidays(value: unknown, where: string): Record<string, HolidayRule> {
  const record = objectAt(value, where);
  const out: Record<string, HolidayRule> = {};
  for (const [key, raw] of Object.entries(record)) {
    const e = numberRecord(raw, `${where}.${key}`);
    const int = (n: number | undefined, low: number, high: number) =>
      n !== undefined && Number.isInteger(n) && n >= low && n <= high;
    if (int(e.easterOffset, -60, 60)) out[key] = { easterOffset: e.easterOffset as number };
    else if (int(e.month, 1, 12) && int(e.day, 1, 31))
      out[key] = { month: e.month as number, day: e.day as number };
    else if (int(e.month, 1, 12) && int(e.weekday, 1, 7) && int(e.onOrAfter, 1, 31)) {
      out[key] = { month: e.month as number, weekday: e.weekday as number, onOrAfter: e.onOrAfter as number };
    } else {
      throw new Error(
        `${where}.${key}: expected {month, day}, {month, weekday, onOrAfter} or {easterOffset}`,
      );
    }
  }
  return out;
}

function referenceShifts(value: unknown, where: string): Record<string, ReferenceShift> {
  const record = objectAt(value, where);
  const out: Record<string, ReferenceShift> = {};
  for (const [key, raw] of Object.entries(record)) {
    const entry = objectAt(raw, `${where}.${key}`);
    if (!SHIFT_UNITS.includes(entry.unit as ShiftUnit))
      throw new Error(`${where}.${key}.unit: use one of ${SHIFT_UNITS.join(", ")}`);
    if (typeof entry.amount !== "number" || !Number.isInteger(entry.amount))
      throw new Error(`${where}.${key}.amount: expected an integer`);
    out[key] = { unit: entry.unit as ShiftUnit, amount: entry.amount };
  }
  return out;
}
