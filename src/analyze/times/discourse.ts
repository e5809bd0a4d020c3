import type { Candidate } from "./candidate.js";

/**
 * Business news compare periods: "net rose to $5 million from $3 million a year earlier" after
 * "the third quarter" means that quarter a year before (1988-Q3), and "the quarter" or "the
 * latest period" means the quarter last named. This pass walks the settled candidates in order
 * and rewrites those counted from the last quarter or half the text named.
 */

/** A comparison refers back a few sentences at most; a period named further back is forgotten. */
const MAX_PERIOD_DISTANCE_CHARS = 1_200;
const PERIOD_VALUE = /^(\d{4})-([QH])(\d)$/;

export function settleLastPeriods<T extends Candidate>(candidates: readonly T[]): T[] {
  const out: T[] = [];
  let last: { year: number; letter: string; n: number; end: number } | undefined;
  for (const c of candidates) {
    const recent = last !== undefined && c.start - last.end <= MAX_PERIOD_DISTANCE_CHARS ? last : undefined;
    let settled: T | undefined = c;
    if (c.fromLastPeriod !== undefined) {
      if (recent) {
        const year = (c.fromLastPeriod.year ?? recent.year) + c.fromLastPeriod.years;
        const value = `${year}-${recent.letter}${recent.n}`;
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
      last = { year: Number(period[1]), letter: period[2] ?? "Q", n: Number(period[3]), end: c.end };
    }
  }
  return out;
}
