import { NER_LABELS, type NerLabel, type NerSpan } from "./types.js";

/**
 * BILOU tags (Begin, Inside, Last, Unit, Outside): Ratinov & Roth (2009) found them better than
 * IOB for a greedy tagger, since "Last" and "Unit" let the model see where a name ends.
 * Tag 0 is O; tag 1 + 4k + p is position p (B, I, L, U) of NER_LABELS[k].
 */
export const POSITIONS = ["B", "I", "L", "U"] as const;
export const TAG_COUNT = 1 + NER_LABELS.length * POSITIONS.length;
export const OUTSIDE = 0;

const B = 0;
const I = 1;
const L = 2;
const U = 3;

export function tagOf(label: NerLabel, position: number): number {
  return 1 + NER_LABELS.indexOf(label) * POSITIONS.length + position;
}

export function labelOfTag(tag: number): NerLabel | undefined {
  return tag === OUTSIDE ? undefined : NER_LABELS[Math.floor((tag - 1) / POSITIONS.length)];
}

export function positionOfTag(tag: number): number {
  return tag === OUTSIDE ? -1 : (tag - 1) % POSITIONS.length;
}

export function tagName(tag: number): string {
  const label = labelOfTag(tag);
  return label ? `${POSITIONS[positionOfTag(tag)]}-${label}` : "O";
}

/** BILOU tags of a sentence of `length` words holding these (non-overlapping) spans. */
export function spansToTags(spans: readonly NerSpan[], length: number): number[] {
  const tags = new Array<number>(length).fill(OUTSIDE);
  for (const { start, end, label } of spans) {
    if (end - start === 1) {
      tags[start] = tagOf(label, U);
      continue;
    }
    tags[start] = tagOf(label, B);
    for (let i = start + 1; i < end - 1; i++) tags[i] = tagOf(label, I);
    tags[end - 1] = tagOf(label, L);
  }
  return tags;
}

/** Spans of a BILOU sequence that the decoder kept valid; a run cut short still ends where it stops. */
export function tagsToSpans(tags: readonly number[], confidences?: readonly number[]): NerSpan[] {
  const spans: NerSpan[] = [];
  let start = -1;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as number;
    const position = positionOfTag(tag);
    if (position === B || position === U) start = i;
    if (position === L || position === U) {
      if (start >= 0) spans.push(makeSpan(tags, start, i + 1, confidences));
      start = -1;
    } else if (tag === OUTSIDE) start = -1;
  }
  return spans;
}

function makeSpan(tags: readonly number[], start: number, end: number, confidences?: readonly number[]) {
  let sum = 0;
  for (let i = start; i < end; i++) sum += confidences?.[i] ?? 1;
  return {
    start,
    end,
    label: labelOfTag(tags[start] as number) as NerLabel,
    confidence: sum / (end - start),
  };
}

/**
 * Whether `tag` may follow `previous` (OUTSIDE at a sentence start): after B or I only I or L of
 * the same type; elsewhere only O, B or U. `last` says the word ends the sentence, where a name
 * must close.
 */
export function allowed(previous: number, tag: number, last: boolean): boolean {
  const open = positionOfTag(previous) === B || positionOfTag(previous) === I;
  const position = positionOfTag(tag);
  const valid = open
    ? (position === I || position === L) && labelOfTag(tag) === labelOfTag(previous)
    : tag === OUTSIDE || position === B || position === U;
  return valid && !(last && (position === B || position === I));
}
