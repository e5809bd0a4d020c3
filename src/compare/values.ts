import { dayRange, daysApart } from "../analyze/event-reports/index.js";
import type { ConflictKind, FactKind } from "../model/index.js";

/**
 * Whether two outlets' values for the same fact can both be true. A missing value (an outlet
 * names the event but not who did it) never conflicts: it is an omission, not a contradiction.
 */
export function valuesAgree(kind: FactKind, a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return true;
  switch (kind) {
    case "actor":
    case "target":
      return actorsAgree(a, b);
    case "date":
      return datesAgree(a, b);
    case "number":
    case "outcome":
      return rangesOverlap(a, b);
    case "place":
      return shareAlternative(a, b);
    case "framing":
      return sameTerms(a, b);
    default:
      return true;
  }
}

/** The kind of conflict disagreeing values of a fact make. */
export function conflictKindOf(kind: FactKind): ConflictKind | undefined {
  switch (kind) {
    case "actor":
    case "target":
      return "actor";
    case "date":
      return "date";
    case "number":
    case "outcome":
      return "number";
    case "place":
      return "place";
    default:
      return undefined;
  }
}

/** Prefix of an actor key that only names the words used ("gunmen"): words never contradict. */
export const NAME_KEY_PREFIX = "name:";

/**
 * Key of an actor that takes a side (a state body, an armed or ethnic group, a crowd, a demonym).
 * Only such actors can contradict each other in a role: a person against a party, or "Braley"
 * against "Bruce Braley", may well be one side the dictionary cannot see.
 */
export const SIDED_KEY = "sided";

/**
 * Actors are keyed by their dictionary id and their side ("side:state:SY"); two actors that both
 * take a side conflict only when they share no key. A key that is only words says too little.
 */
function actorsAgree(a: string, b: string): boolean {
  if (!alternatives(a).includes(SIDED_KEY) || !alternatives(b).includes(SIDED_KEY)) return true;
  const known = (v: string) =>
    alternatives(v).filter((x) => x !== SIDED_KEY && !x.startsWith(NAME_KEY_PREFIX));
  const [ka, kb] = [known(a), known(b)];
  if (ka.length === 0 || kb.length === 0) return true;
  return ka.some((x) => kb.includes(x));
}

function shareAlternative(a: string, b: string): boolean {
  return alternatives(a).some((x) => alternatives(b).includes(x));
}

/** "2017-11" and "2017-11-08" agree: the coarser date contains the finer one. So does a week. */
function datesAgree(a: string, b: string): boolean {
  return alternatives(a).some((x) =>
    alternatives(b).some((y) => {
      const [rx, ry] = [dayRange(x), dayRange(y)];
      if (rx && ry) return daysApart(rx, ry) === 0;
      return x.startsWith(y) || y.startsWith(x);
    }),
  );
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

/** "24-" is 24 or more, "-40" at most 40, "12-12" exactly 12. */
export function parseRange(value: string): { low: number; high: number } | undefined {
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
