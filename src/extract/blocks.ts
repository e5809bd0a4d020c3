/** Small text helpers shared by the text, raw and HTML readers. */

export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** Collapses runs of white space (including non-breaking spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

/** Characters a sentence (or a quoted sentence) ends with. */
const SENTENCE_END = /[.!?…:;"'”’»)\]。！？」』]$/;

export function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text.trim());
}

/**
 * Splits plain text into paragraphs at blank lines, trimming each line; a paragraph keeps its
 * inner line breaks. Used for `format: "text"`, which is taken as is.
 */
export function textParagraphs(content: string): string[] {
  return normaliseLineEndings(content)
    .split(/\n[ \t\u00a0]*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "")
        .join("\n"),
    )
    .filter((paragraph) => paragraph !== "");
}

/**
 * Splits scraped text into blocks: at blank lines when there are any, else one block per line
 * (some scrapers flatten a page to one line per element). A block's lines are joined with a
 * space, since a line break inside a scraped paragraph is layout, not meaning.
 */
export function rawBlocks(content: string): string[] {
  const text = normaliseLineEndings(content);
  const hasBlankLines = /\n[ \t\u00a0]*\n/.test(text.trim());
  const pieces = hasBlankLines ? text.split(/\n[ \t\u00a0]*\n/) : text.split("\n");
  return pieces.map(collapseWhitespace).filter((block) => block !== "");
}

/** Compares two short strings the way a reader would: case, spacing and end punctuation aside. */
export function sameLine(a: string, b: string): boolean {
  return comparableLine(a) === comparableLine(b) && comparableLine(a) !== "";
}

/** The form two lines are compared in: lower case, spacing collapsed, no end punctuation. */
export function comparableLine(text: string): string {
  return collapseWhitespace(text)
    .toLowerCase()
    .replace(/[\s.:;,!?]+$/, "");
}
