import type { Article, FactKind, Span, Wording } from "../model/index.js";

/** One article's statement of a fact, before it is set against the other outlets. */
export interface Claim {
  /** Facts with the same key are the same fact told by different outlets. */
  key: string;
  kind: FactKind;
  label: string;
  /** Normalised value shown and compared across outlets; absent when only presence matters. */
  value?: string;
  /**
   * What the comparison sets against other outlets when it differs from the shown value: an
   * actor's id and side, a place's happening. Alternatives are joined by " | ".
   */
  match?: string;
  /** How the value reads in a conflict note, e.g. `"dozens of people" (24-)`. */
  display?: string;
  /** The outlet tells the fact as denied ("no evidence that"), not as having happened. */
  denied?: boolean;
  /** The merged event the claim comes from. */
  eventId?: string;
  /** Rank of the happening the claim belongs to, for ordering event facts together. */
  happening?: number;
  wording: Wording[];
}

/** Reads one kind of claim out of an analysed article. */
export type ClaimReader = (article: Article, context: ClaimContext) => Claim[];

export interface ClaimContext {
  /** Fills the unknown parts of a partial date ("XXXX-11-08") from the story's dates. */
  resolveDate(value: string): string;
  /** Whether a span lies in a sentence one of the story's events was read from. */
  coveredByEvent(article: Article, span: Span): boolean;
}

const MAX_WORDING_LENGTH = 160;

export function wordingOf(article: Article, span: Span): Wording {
  return {
    start: span.start,
    end: span.end,
    field: "text",
    text: shorten(article.text.slice(span.start, span.end)),
  };
}

/** Whitespace folded and long passages cut, for display; the offsets still cover the whole passage. */
export function shorten(passage: string): string {
  const text = passage.replace(/\s+/g, " ").trim();
  return text.length > MAX_WORDING_LENGTH ? `${text.slice(0, MAX_WORDING_LENGTH - 1)}…` : text;
}

/** Joins claims an article makes several times (the same source cited twice) into one. */
export function mergeClaims(claims: Claim[]): Claim[] {
  const byKey = new Map<string, Claim>();
  for (const claim of claims) {
    const seen = byKey.get(claim.key);
    if (!seen) {
      byKey.set(claim.key, { ...claim, wording: [...claim.wording] });
      continue;
    }
    // An outlet that tells a deed and also reports a denial of it tells the deed: the denial is
    // a detail of its own account, not its version of the fact.
    if (seen.denied && !claim.denied) {
      byKey.set(claim.key, { ...claim, wording: [...claim.wording] });
      continue;
    }
    if (claim.denied && !seen.denied) continue;
    for (const w of claim.wording)
      if (!seen.wording.some((s) => s.start === w.start && s.field === w.field)) seen.wording.push(w);
    seen.value = joinAlternatives(seen.value, claim.value);
    seen.match = joinAlternatives(seen.match, claim.match);
    if (claim.display && seen.display !== claim.display)
      seen.display = seen.display ? `${seen.display}, ${claim.display}` : claim.display;
  }
  return [...byKey.values()];
}

function joinAlternatives(a: string | undefined, b: string | undefined): string | undefined {
  if (!b || a === b) return a;
  if (!a) return b;
  return [...new Set([...a.split(" | "), ...b.split(" | ")])].join(" | ");
}
