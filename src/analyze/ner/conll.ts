import type { NerLabel, NerSpan } from "./types.js";

/** One sentence of a CoNLL file: its words and their IOB2 tags (e.g. "B-PER", "I-PER", "O"). */
export interface ConllSentence {
  words: string[];
  tags: string[];
}

/** One document: the sentences between two `-DOCSTART-` lines. */
export type ConllDocument = ConllSentence[];

const DOC_START = "-DOCSTART-";

/**
 * Reads CoNLL-2003 columns (`token POS chunk NER`, one token a line, blank lines between
 * sentences, `-DOCSTART-` between documents). Only the first and last columns are kept: the
 * pipeline has no Penn tags, so the model must not learn from them.
 */
export function readConll(text: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let document: ConllDocument = [];
  let sentence: ConllSentence = { words: [], tags: [] };
  const endSentence = () => {
    if (sentence.words.length > 0) document.push(sentence);
    sentence = { words: [], tags: [] };
  };
  const endDocument = () => {
    endSentence();
    if (document.length > 0) documents.push(document);
    document = [];
  };
  for (const line of text.split("\n")) {
    const columns = line.trim().split(/\s+/);
    const word = columns[0] ?? "";
    if (word === "") endSentence();
    else if (word === DOC_START) endDocument();
    else {
      sentence.words.push(word);
      sentence.tags.push(columns[columns.length - 1] ?? "O");
    }
  }
  endDocument();
  return documents;
}

const LABELS: ReadonlySet<string> = new Set<NerLabel>(["PER", "ORG", "LOC", "MISC"]);

/**
 * Chunks of an IOB tag sequence by conlleval's rules: a chunk starts at B-, and also at an I-
 * that follows O or a chunk of another type; it ends before anything that is not a matching I-.
 */
export function spansFromIob(tags: readonly string[]): NerSpan[] {
  const spans: NerSpan[] = [];
  let open: { start: number; label: string } | undefined;
  const close = (end: number) => {
    if (open && LABELS.has(open.label))
      spans.push({ start: open.start, end, label: open.label as NerLabel, confidence: 1 });
    open = undefined;
  };
  tags.forEach((tag, i) => {
    const [prefix, label = ""] = tag.split("-", 2) as [string, string?];
    const continues = prefix === "I" && open?.label === label;
    if (continues) return;
    close(i);
    if (prefix === "B" || prefix === "I") open = { start: i, label };
  });
  close(tags.length);
  return spans;
}
