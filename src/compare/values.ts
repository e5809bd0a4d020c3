import type { FactKind } from "../model/index.js";

/**
 * Whether two outlets' values for the same fact can both be true. A missing value (an outlet
 * names the event but not who did it) never conflicts: it is an omission, not a contradiction.
 */
export function valuesAgree(kind: FactKind, a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return true;
  switch (kind) {
    case "event":
      return sameActor(a, b);
    case "date":
      return datesAgree(a, b);
    case "number":
      return rangesOverlap(a, b);
    case "framing":
      return sameTerms(a, b);
    default:
      return true;
  }
}

function sameActor(a: string, b: string): boolean {
  return alternatives(a).some((x) => alternatives(b).includes(x));
}

/** "2017-11" and "2017-11-08" agree: the coarser date contains the finer one. */
function datesAgree(a: string, b: string): boolean {
  return alternatives(a).some((x) => alternatives(b).some((y) => x.startsWith(y) || y.startsWith(x)));
}

/** Outlets frame alike only when they use the same loaded words, not merely words of one category. */
function sameTerms(a: string, b: string): boolean {
  const terms = (v: string) => [...new Set(alternatives(v.toLowerCase()))].sort().join("\n");
  return terms(a) === terms(b);
}

function rangesOverlap(a: string, b: string): boolean {
  const ra = parseRange(a);
  const rb = parseRange(b);
  if (!ra || !rb) return true;
  return ra.low <= rb.high && rb.low <= ra.high;
}

function parseRange(value: string): { low: number; high: number } | undefined {
  const ranges = alternatives(value).map((v) => {
    const [low, high] = v.split("-").map((n) => (n === "" ? Number.NaN : Number(n)));
    return {
      low: Number.isNaN(low as number) ? -Infinity : (low as number),
      high: Number.isNaN(high as number) ? Infinity : (high as number),
    };
  });
  if (ranges.length === 0) return undefined;
  return { low: Math.min(...ranges.map((r) => r.low)), high: Math.max(...ranges.map((r) => r.high)) };
}

/** An outlet that states a fact twice with different values keeps both, joined by " | ". */
function alternatives(value: string): string[] {
  return value.split(" | ");
}
