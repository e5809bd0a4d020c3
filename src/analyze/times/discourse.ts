import type { Day } from "./calendar.js";
import type { Candidate, LastDateShift } from "./candidate.js";
import { shiftFrom, shiftWeekday } from "./references.js";

/**
 * Business news compare periods: "net rose to $5 million from $3 million a year earlier" after
 * "the third quarter" means that quarter a year before (1988-Q3), and "the quarter" or "the
 * latest period" means the quarter last named. This pass walks the settled candidates in order
 * and rewrites those counted from the last quarter or half the text named.
 */

const PERIOD_VALUE = /^(\d{4})-([QH])(\d)$/;

export function settleLastPeriods<T extends Candidate>(candidates: readonly T[]): T[] {
  const out: T[] = [];
  // the last period named, however far back, as HeidelTime's UNDEF-REF: no distance to tune
  let last: { year: number; letter: string; n: number } | undefined;
  for (const c of candidates) {
    let settled: T | undefined = c;
    if (c.fromLastPeriod !== undefined) {
      if (last) {
        const year = (c.fromLastPeriod.year ?? last.year) + c.fromLastPeriod.years;
        const value = `${year}-${last.letter}${last.n}`;
        settled = { ...c, value, timexType: "DATE", precision: "year" };
      } else if (c.fromLastPeriod.required) {
        settled = undefined;
      }
    }
    if (settled === undefined) continue;
    out.push(settled);
    const period = PERIOD_VALUE.exec(settled.value);
    // a period counted from another one ("a year earlier") does not become the new reference
    if (period && c.fromLastPeriod === undefined) {
      last = { year: Number(period[1]), letter: period[2] ?? "Q", n: Number(period[3]) };
    }
  }
  return out;
}

/** The last date the text named, at each granularity it was named with. */
interface LastDates {
  year?: number;
  month?: Day;
  day?: Day;
}

const DATED_VALUE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T|$)/;

/**
 * "The bridge opened on March 3; the next day it closed": TimeML anchors relative expressions on
 * the dateline in news, but one counted from a named date ("the next day", "the following year",
 * "two days later") on the last date of the needed granularity the text named before it, as
 * HeidelTime's UNDEF-REF does, however far back it was. Without one, the candidate keeps its own
 * reading (or its fallback).
 */
export function settleLastDates<T extends Candidate>(candidates: readonly T[]): T[] {
  const out: T[] = [];
  let last: LastDates = {};
  for (const c of candidates) {
    const settled = c.fromLastDate === undefined ? c : fromLastDate(c, c.fromLastDate, last);
    out.push(settled);
    last = remember(last, settled.value);
  }
  return out;
}

function fromLastDate<T extends Candidate>(c: T, shift: LastDateShift, last: LastDates): T {
  const base = { ...c, timexType: "DATE" as const };
  if (shift.unit === "weekday" && last.day && shift.weekday !== undefined) {
    return { ...base, value: shiftWeekday(last.day, shift.weekday, shift.amount), precision: "day" };
  }
  if ((shift.unit === "day" || shift.unit === "week") && last.day) {
    const precision = shift.unit === "day" ? "day" : "week";
    return { ...base, value: shiftFrom(last.day, shift.unit, shift.amount), precision };
  }
  if (shift.unit === "month" && last.month) {
    return { ...base, value: shiftFrom(last.month, "month", shift.amount), precision: "month" };
  }
  if (shift.unit === "year" && last.year !== undefined) {
    return { ...base, value: String(last.year + shift.amount), precision: "year" };
  }
  return (shift.fallback as T | undefined) ?? c;
}

function remember(last: LastDates, value: string): LastDates {
  const m = DATED_VALUE.exec(value);
  if (!m) return last;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : { year, month: Number(m[2]), day: 1 };
  const day = month && m[3] !== undefined ? { ...month, day: Number(m[3]) } : undefined;
  return { year, month: month ?? last.month, day: day ?? last.day };
}
