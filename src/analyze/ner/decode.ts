import { historyFeatures, type PredictionHistory, recordHistory } from "./features.js";
import { allowed, labelOfTag, OUTSIDE, positionOfTag, TAG_COUNT, tagName } from "./tags.js";
import { NER_LABELS } from "./types.js";

/** Features that depend on the tags chosen so far: the previous tags, and the document's history. */
export function dynamicFeatures(
  previous: number,
  beforePrevious: number,
  shortShape: string,
  history: PredictionHistory,
  word: string,
): string[] {
  const p1 = tagName(previous);
  return [
    `p1=${p1}`,
    `p2p1=${tagName(beforePrevious)}|${p1}`,
    `p1|ssh=${p1}|${shortShape}`,
    ...historyFeatures(history, word),
  ];
}

/** Adds the weight rows of `rows` into `scores` (one score per tag). */
export function score(weights: Float32Array, rows: readonly number[], scores: Float64Array): void {
  scores.fill(0);
  for (const row of rows) {
    const base = row * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) scores[t] = (scores[t] as number) + (weights[base + t] as number);
  }
}

/** A tag chosen for a word, and what it means for the word before. */
export interface Decision {
  tag: number;
  /** The previous word's tag rewritten to close its name (B -> U, I -> L), when the model ended it here. */
  previous: number;
  /** How far the chosen tag beats the runner-up. */
  margin: number;
}

/**
 * The model's best tag for a word, kept valid without trapping a name open: when the previous
 * word opened a name (B or I) and the model prefers to start afresh (O, B, U), the previous tag
 * is closed (to U or L) rather than the name dragged on to the end of the sentence, as a strict
 * greedy BILOU decoder would. At the last word an open tag is closed (B -> U, I -> L).
 */
export function decide(scores: Float64Array, previous: number, last: boolean): Decision {
  let tag = -1;
  let second = -Infinity;
  for (let t = 0; t < TAG_COUNT; t++) {
    if (!allowed(previous, t, false) && !allowed(OUTSIDE, t, false)) continue;
    const s = scores[t] as number;
    if (tag < 0 || s > (scores[tag] as number)) {
      if (tag >= 0) second = scores[tag] as number;
      tag = t;
    } else if (s > second) second = s;
  }
  const margin = second === -Infinity ? Infinity : (scores[tag] as number) - second;
  const closed = allowed(previous, tag, false) ? previous : closeTag(previous);
  return { tag: last ? closeTag(tag) : tag, previous: closed, margin };
}

/** B -> U and I -> L of the same type; other tags unchanged. */
function closeTag(tag: number): number {
  const position = positionOfTag(tag);
  if (position === 0) return tag + 3;
  if (position === 1) return tag + 1;
  return tag;
}

/** Label indices (into NER_LABELS, -1 for O) of a tag sequence, for the prediction history. */
export function labelIndices(tags: readonly number[]): number[] {
  return tags.map((t) =>
    t === OUTSIDE ? -1 : NER_LABELS.indexOf(labelOfTag(t) as (typeof NER_LABELS)[number]),
  );
}

export { recordHistory };
