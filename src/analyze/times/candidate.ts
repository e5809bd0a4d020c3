import type { Span, TimePrecision, TimexType } from "../../model/index.js";
import type { Day } from "./calendar.js";

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
}

/** What a reader knows about the sentence it reads. */
export interface SentenceContext {
  /** The whole article text; offsets are into it. */
  text: string;
  sentence: Span;
  /** The article's publication day, when known to the day. */
  anchor?: Day;
  /** The sentence speaks of the future ("will", "next week"): yearless dates look forward. */
  future: boolean;
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
