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
}

/** Unigrams and bigrams of the words, each once (short sentences: presence matters, not counts). */
export function sentenceFeatures(words: readonly FeatureWord[]): string[] {
  const forms = collapseClasses(words.map((w) => w.form));
  const features = new Set<string>(forms);
  [START, ...forms].forEach((form, i, all) => {
    const next = all[i + 1];
    if (next !== undefined) features.add(`${form} ${next}`);
  });
  return [...features];
}

/** "NAME NAME NAME" (a multi-word name) counts as one name. */
function collapseClasses(forms: readonly string[]): string[] {
  return forms.filter((form, i) => !(form === NAME_CLASS && forms[i - 1] === NAME_CLASS));
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const POSSESSIVE = /['’]s$/u;

/**
 * Words by a plain split: lower-cased, possessives dropped, numbers as a class, and capitalised
 * words that do not open the sentence as names (news capitalises little else mid-sentence).
 */
export function plainWords(text: string): FeatureWord[] {
  const matches = [...text.matchAll(WORD)].map((m) => m[0].replace(/[.-]+$/u, "").replace(POSSESSIVE, ""));
  return matches.filter((word) => word !== "").map((word, i) => ({ form: plainForm(word, i === 0) }));
}

function plainForm(word: string, first: boolean): string {
  if (/^\p{N}/u.test(word)) return NUMBER_CLASS;
  if (!first && /^\p{Lu}/u.test(word)) return NAME_CLASS;
  return word.toLowerCase();
}

/** Parts of speech that carry no event meaning on their own. */
const SKIPPED_POS = new Set(["PUNCT", "SYM", "X", "SPACE"]);

/**
 * Words from the project's tokenizer: lemmas, with proper nouns as names and numerals as
 * numbers. A capitalised word that opens the sentence is a name only when tagged PROPN.
 */
export function lemmaWords(tokens: readonly Token[]): FeatureWord[] {
  return tokens.filter((t) => !SKIPPED_POS.has(t.pos)).map((t, i) => ({ form: lemmaForm(t, i === 0) }));
}

function lemmaForm(token: Token, first: boolean): string {
  if (token.pos === "NUM" || /^\p{N}/u.test(token.text)) return NUMBER_CLASS;
  if (token.pos === "PROPN" || (!first && /^\p{Lu}/u.test(token.text))) return NAME_CLASS;
  return token.lemma.replace(POSSESSIVE, "");
}
