import type { Token } from "../../model/index.js";

/**
 * Features of one sentence for the event-type classifier: its words (or lemmas) and word bigrams,
 * with the parts that do not generalise from one story to the next replaced by a class: numbers
 * become NUM and names become NAME, so the classifier learns "NAME troops recaptured NAME", not
 * which towns were recaptured in the training sentences.
 */

export const NUMBER_CLASS = "<num>";
export const NAME_CLASS = "<name>";
/** Marks the sentence start for bigrams, so "Police fired" differs from "fired police". */
const START = "<s>";

/** A word of the sentence as the feature extractor sees it. */
export interface FeatureWord {
  /** Lower-cased word or lemma, or NUMBER_CLASS / NAME_CLASS. */
  form: string;
  /** The word, lower-cased (what cue phrases match, with the lemma). */
  lower: string;
  /** Its lemma ("words" reader: the lower-cased word). */
  lemma: string;
  /** A function word (article, preposition, pronoun, auxiliary...): kept in bigrams only. */
  functional?: boolean;
}

/** Unigrams and bigrams of the words, each once (short sentences: presence matters, not counts). */
export function sentenceFeatures(words: readonly FeatureWord[]): string[] {
  const kept = words.filter((w, i) => !(w.form === NAME_CLASS && words[i - 1]?.form === NAME_CLASS));
  const forms = kept.map((w) => w.form);
  // Function words alone say nothing about the event; in a bigram ("fire on", "by police") they do.
  const features = new Set<string>(kept.filter((w) => w.functional !== true).map((w) => w.form));
  [START, ...forms].forEach((form, i, all) => {
    const next = all[i + 1];
    if (next !== undefined) features.add(`${form} ${next}`);
  });
  return [...features];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const POSSESSIVE = /['’]s$/u;

/**
 * Words by a plain split: lower-cased, possessives dropped, numbers as a class, and capitalised
 * words that do not open the sentence as names (news capitalises little else mid-sentence).
 */
export function plainWords(text: string): FeatureWord[] {
  const matches = [...sentenceCase(text).matchAll(WORD)].map((m) =>
    m[0].replace(/[.-]+$/u, "").replace(POSSESSIVE, ""),
  );
  return matches
    .filter((word) => word !== "")
    .map((word, i) => ({
      form: plainForm(word, i === 0),
      lower: word.toLowerCase(),
      lemma: word.toLowerCase(),
    }));
}

function plainForm(word: string, first: boolean): string {
  if (/^\p{N}/u.test(word)) return NUMBER_CLASS;
  if (!first && /^\p{Lu}/u.test(word)) return NAME_CLASS;
  return word.toLowerCase();
}

/** Parts of speech that carry no event meaning on their own. */
const SKIPPED_POS = new Set(["PUNCT", "SYM", "X", "SPACE"]);
/** Parts of speech of function words. */
const FUNCTION_POS = new Set(["DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PART"]);

/**
 * Words from the project's tokenizer: lemmas, with proper nouns as names and numerals as
 * numbers. A capitalised word that opens the sentence is a name only when tagged PROPN.
 */
export function lemmaWords(tokens: readonly Token[]): FeatureWord[] {
  return tokens
    .filter((t) => !SKIPPED_POS.has(t.pos))
    .map((t, i) => ({
      form: lemmaForm(t, i === 0),
      lower: t.text.toLowerCase().replace(POSSESSIVE, ""),
      lemma: t.lemma.replace(POSSESSIVE, ""),
      functional: FUNCTION_POS.has(t.pos),
    }));
}

function lemmaForm(token: Token, first: boolean): string {
  if (token.pos === "NUM" || /^\p{N}/u.test(token.text)) return NUMBER_CLASS;
  if (token.pos === "PROPN" || (!first && /^\p{Lu}/u.test(token.text))) return NAME_CLASS;
  return token.lemma.replace(POSSESSIVE, "");
}

/**
 * Share of capitalised content words above which a line without a final stop is a title-case
 * headline; a sentence full of names still ends with a stop, and sentence-case headlines stay below.
 */
const TITLE_CASE_SHARE = 0.8;
const SENTENCE_END = /[.!?]["”’']?\s*$/u;
/** Shorter lines are too short to tell title case from a sentence full of names. */
const TITLE_CASE_MIN_WORDS = 4;
/** Short function words that title case often leaves in lower case ("Town Held by ISIS"). */
const LOWER_IN_TITLES = /^(a|an|the|of|in|on|at|by|for|to|and|or|as|with|from|over)$/u;

/**
 * A headline in title case ("Army Takes Last Town Held By Rebels") would read as one long name:
 * such a line is lowered to sentence case, keeping acronyms ("UN", "NATO") as they are.
 */
export function sentenceCase(text: string): string {
  if (SENTENCE_END.test(text)) return text;
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const content = words.filter((w) => !LOWER_IN_TITLES.test(w.toLowerCase()));
  if (content.length < TITLE_CASE_MIN_WORDS) return text;
  const capitalised = content.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (capitalised / content.length < TITLE_CASE_SHARE) return text;
  return text.replace(/\p{L}[\p{L}'’-]*/gu, (word, offset: number) =>
    offset === firstLetter(text) || isAcronym(word) ? word : word.toLowerCase(),
  );
}

function firstLetter(text: string): number {
  return text.search(/\p{L}/u);
}

function isAcronym(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase();
}
