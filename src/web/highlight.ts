/**
 * Splits an article's text into runs for highlighting: mentions overlap and nest (a place inside
 * a quote, an entity across a time), so the text is cut at every mention boundary and each run
 * carries the kinds of every mention covering it. The renderer nests one <mark> per kind.
 */

/** Mention kinds the article view highlights, outermost first. */
export const MARK_KINDS = ["quote", "entity", "place", "time", "quantity"] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export interface MarkSpan {
  start: number;
  end: number;
  kind: MarkKind;
}

/** A run of text [start, end) and the kinds of mention covering all of it, in MARK_KINDS order. */
export interface Run {
  start: number;
  end: number;
  kinds: MarkKind[];
}

/** Spans clipped to [from, to), empty ones dropped. */
function clip(spans: readonly MarkSpan[], from: number, to: number): MarkSpan[] {
  const clipped: MarkSpan[] = [];
  for (const span of spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (Number.isInteger(start) && Number.isInteger(end) && start < end)
      clipped.push({ start, end, kind: span.kind });
  }
  return clipped;
}

/** Runs covering [from, to) exactly, cut at every boundary of a span. */
export function runs(spans: readonly MarkSpan[], from: number, to: number): Run[] {
  if (to <= from) return [];
  const inside = clip(spans, from, to);
  const cuts = new Set<number>([from, to]);
  for (const span of inside) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = new Set(
      inside.filter((span) => span.start <= start && span.end >= end).map((span) => span.kind),
    );
    result.push({ start, end, kinds: MARK_KINDS.filter((kind) => covering.has(kind)) });
  }
  return result;
}

/** The text cut in three around a passage to single out (before, passage, after), each as runs. */
export interface Layout {
  before: Run[];
  passage: Run[];
  after: Run[];
}

/**
 * Runs of the whole text, split around `passage` (clamped to the text) so that the passage can
 * sit in one element of its own however many mentions cross its edges.
 */
export function layout(
  textLength: number,
  spans: readonly MarkSpan[],
  passage?: { start: number; end: number },
): Layout {
  const start = passage ? Math.min(Math.max(passage.start, 0), textLength) : textLength;
  const end = passage ? Math.min(Math.max(passage.end, start), textLength) : textLength;
  return {
    before: runs(spans, 0, start),
    passage: runs(spans, start, end),
    after: runs(spans, end, textLength),
  };
}
