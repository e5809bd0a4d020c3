/** The four CoNLL-2003 entity types the model tags. */
export type NerLabel = "PER" | "ORG" | "LOC" | "MISC";

export const NER_LABELS: readonly NerLabel[] = ["PER", "ORG", "LOC", "MISC"];

/** A named entity over word indices of one sentence: [start, end), end exclusive. */
export interface NerSpan {
  start: number;
  end: number;
  label: NerLabel;
  /** In [0, 1]: how far the model preferred its tags over the next best, averaged over the span. */
  confidence: number;
}

/** Tags a whole document (sentences of words) so that document-level features can work. */
export type NerTagger = (document: readonly (readonly string[])[]) => NerSpan[][];
