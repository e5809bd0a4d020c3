import type { Article, FactKind, Span, Wording } from "../model/index.js";

/** One article's statement of a fact, before it is set against the other outlets. */
export interface Claim {
  /** Facts with the same key are the same fact told by different outlets. */
  key: string;
  kind: FactKind;
  label: string;
  /** Normalised value compared across outlets; absent when only presence matters. */
  value?: string;
  wording: Wording[];
}

/** Reads one kind of claim out of an analysed article. */
export type ClaimReader = (article: Article, context: ClaimContext) => Claim[];

export interface ClaimContext {
  /** Fills the unknown parts of a partial date ("XXXX-11-08") from the story's dates. */
  resolveDate(value: string): string;
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
function shorten(passage: string): string {
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
    for (const w of claim.wording)
      if (!seen.wording.some((s) => s.start === w.start && s.field === w.field)) seen.wording.push(w);
    if (claim.value && seen.value !== claim.value) {
      const values = new Set([...(seen.value?.split(" | ") ?? []), claim.value]);
      seen.value = [...values].join(" | ");
    }
  }
  return [...byKey.values()];
}
