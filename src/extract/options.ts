import type { BoilerplateData } from "./data.js";

/** Every threshold the extractor uses, with the reason for its default. */
export interface ExtractOptions {
  /**
   * A block of at most this many words that does not end like a sentence is a label (a menu
   * entry, a widget heading, a subheading), not body text. 8: real sentences are longer, and
   * labels such as "Consider donating to support our work" are shorter.
   */
  shortBlockMaxWords: number;
  /** The headline is looked for among the first blocks only: 8 covers skip links, captions and a kicker. */
  titleSearchBlocks: number;
  /** A headline has at least this many words: 3, so "In Short" or "Menu" never become the title. */
  titleMinWords: number;
  /** A headline has at most this many words: 25, longer lines are ledes or body sentences. */
  titleMaxWords: number;
  /**
   * An end marker (donation appeal, comment policy, copyright) only ends the article after at
   * least this many body blocks: 1, so an appeal above the story does not swallow it.
   */
  minBodyBlocksBeforeEnd: number;
  /** A block that holds only a date is a dateline when the date covers this share of it (0.6). */
  dateOnlyCoverage: number;
  /** A block that is only a date has at most this many words: 10 ("Friday 10 November 2017 09.52 GMT"). */
  dateOnlyMaxWords: number;
  /** An author name has at most this many words: 5 ("Maria del Carmen Lopez Garcia"); longer is a phrase. */
  authorMaxWords: number;
  /** Texts shorter than this many characters are not given to the language detector: it guesses. */
  languageMinChars: number;
  /** Boilerplate patterns and word lists; loaded from `data/boilerplate/` when absent. */
  data?: BoilerplateData;
}

export const DEFAULT_EXTRACT_OPTIONS: Readonly<Required<Omit<ExtractOptions, "data">>> = Object.freeze({
  shortBlockMaxWords: 8,
  titleSearchBlocks: 8,
  titleMinWords: 3,
  titleMaxWords: 25,
  minBodyBlocksBeforeEnd: 1,
  dateOnlyCoverage: 0.6,
  dateOnlyMaxWords: 10,
  authorMaxWords: 5,
  languageMinChars: 20,
});

export type ResolvedExtractOptions = Required<Omit<ExtractOptions, "data">> & { data: BoilerplateData };

/** Checks numeric options when the extractor is built, so a bad value fails early and by name. */
export function validateOptions(options: Required<Omit<ExtractOptions, "data">>): void {
  for (const [name, value] of Object.entries(options)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new Error(`extract option "${name}" must be a non-negative number, got ${String(value)}`);
    }
  }
  if (options.dateOnlyCoverage > 1) throw new Error(`extract option "dateOnlyCoverage" must be at most 1`);
  if (options.titleMinWords > options.titleMaxWords) {
    throw new Error(`extract option "titleMinWords" must not exceed "titleMaxWords"`);
  }
}
