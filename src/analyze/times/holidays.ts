import { addDays, type Day, type Direction, compareDays, isoWeekday, isValidDay } from "./calendar.js";
import type { HolidayRule } from "./lexicon.js";

/**
 * Where a named day falls in a given year, and which year a name without one means. Pure
 * arithmetic on the rules of `data/lexicons/times.json#holidays`.
 */

/** Western Easter Sunday (Gregorian computus, the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The day a holiday falls on in `year`; undefined when the rule names no real day. */
export function holidayIn(rule: HolidayRule, year: number): Day | undefined {
  if ("easterOffset" in rule) return addDays(easterSunday(year), rule.easterOffset);
  if ("day" in rule) {
    const d = { year, month: rule.month, day: rule.day };
    return isValidDay(d) ? d : undefined;
  }
  const first = { year, month: rule.month, day: rule.onOrAfter };
  if (!isValidDay(first)) return undefined;
  return addDays(first, (rule.weekday - isoWeekday(first) + 7) % 7);
}

/**
 * The occurrence a name without a year means: "last" the latest one before the anchor, "next" the
 * first one after it, "this" the one of the anchor's year; otherwise the verb's direction (on or
 * before the anchor, on or after it, or the nearer of the two, a tie going to the past).
 */
export function holidayNear(
  rule: HolidayRule,
  anchor: Day,
  step: number | undefined,
  direction: Direction,
): Day | undefined {
  const here = holidayIn(rule, anchor.year);
  if (here === undefined) return undefined;
  if (step === 0) return here;
  const order = compareDays(here, anchor);
  const before = order < 0 || (order === 0 && step === undefined) ? here : holidayIn(rule, anchor.year - 1);
  const after = order > 0 || (order === 0 && step === undefined) ? here : holidayIn(rule, anchor.year + 1);
  if (step !== undefined) return step < 0 ? before : after;
  if (direction === "past" || after === undefined) return before;
  if (direction === "future" || before === undefined) return after;
  return daysBetween(after, anchor) < daysBetween(anchor, before) ? after : before;
}

function daysBetween(later: Day, earlier: Day): number {
  const DAY_MS = 86_400_000;
  return (
    (Date.UTC(later.year, later.month - 1, later.day) -
      Date.UTC(earlier.year, earlier.month - 1, earlier.day)) /
    DAY_MS
  );
}
