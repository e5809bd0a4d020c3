import type { Span, TimePrecision, TimexType, Token } from "../../model/index.js";
import type { Day, Direction } from "./calendar.js";

/** A time expression found by one reader, before overlapping finds are settled. */
export interface Candidate extends Span {
  timexType: TimexType;
  value: string;
  precision: TimePrecision;
  anchor?: string;
  /** Provenance method, e.g. "chrono", "pattern:duration". */
  method: string;
  /** On equal length, the lower number wins: the small patterns know their cases better. */
  priority: number;
  /**
   * Counted from the last period the text named, not from the dateline: "a year earlier" after
   * "the third quarter" is the same quarter a year before. Settled in document order.
   */
  fromLastPeriod?: LastPeriodShift;
  /**
   * Counted from the last date the text named, not from the dateline: "the next day" after
   * "March 3" is March 4 (HeidelTime's UNDEF-REF). Settled in document order.
   */
  fromLastDate?: LastDateShift;
}

export interface LastDateShift {
  /** The unit counted; "weekday": the given weekday before (-1) or after (+1) the reference day. */
  unit: "day" | "week" | "month" | "year" | "weekday";
  amount: number;
  /** ISO weekday, for unit "weekday". */
  weekday?: number;
  /** What stands when the text named no such date before: the candidate itself when absent. */
  fallback?: Candidate;
}

export interface LastPeriodShift {
  /** Years to add to the last quarter or half named ("the year-ago quarter": -1). */
  years: number;
  /** "the 1988 quarter": the part last named, in this year (then `years` counts from it). */
  year?: number;
  /** Without such a period before it, the candidate is dropped rather than guessed. */
  required: boolean;
}

/** What a reader knows about the sentence it reads. */
export interface SentenceContext {
  /** The whole article text; offsets are into it. */
  text: string;
  sentence: Span;
  /** The article's publication day, when known to the day. */
  anchor?: Day;
  /** The sentence's tokens, in order; empty when the article has none. */
  tokens: readonly Token[];
  /** Which way a yearless date at this span looks from the anchor, read from its verb (and, for a date, "until"). */
  direction(span: Span, markers?: boolean): Direction;
}

export const PATTERN_PRIORITY = 0;
export const CHRONO_PRIORITY = 1;

/**
 * Keeps the longest candidates that do not overlap (on a tie, the lower priority number, then the
 * earlier one), sorted by start.
 */
export function settleOverlaps<T extends Candidate>(candidates: readonly T[]): T[] {
  const ranked = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start,
  );
  const kept: T[] = [];
  for (const c of ranked) {
    if (kept.every((k) => k.end <= c.start || c.end <= k.start)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
