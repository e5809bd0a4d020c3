import type { Token } from "../../model/index.js";

/** A word as the NER model sees it: one or more tokens, e.g. "al" "-" "Julani" read as "al-Julani". */
export interface TokenWord {
  text: string;
  firstToken: number;
  lastToken: number;
}

const HYPHENS = new Set(["-", "\u2010", "\u2011"]);

/**
 * The tokens of a text as sentences of words, the way CoNLL's Reuters text is tokenised: the
 * tokenizer splits "al-Julani" and "Guinea-Bissau" at the hyphen, the model was trained on them
 * whole, so tokens joined by a hyphen with no space either side become one word.
 */
export function wordsBySentence(text: string, tokens: readonly Token[]): TokenWord[][] {
  const sentences: TokenWord[][] = [];
  let current: TokenWord[] = [];
  let sentence: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.sentence !== sentence) {
      if (current.length > 0) sentences.push(current);
      current = [];
      sentence = token.sentence;
    }
    let last = i;
    while (joinsNext(tokens, last)) last += 2;
    current.push({
      text: text.slice(token.start, (tokens[last] as Token).end),
      firstToken: i,
      lastToken: last,
    });
    i = last;
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

/** Token i + 1 is a hyphen touching token i and token i + 2 in the same sentence. */
function joinsNext(tokens: readonly Token[], i: number): boolean {
  const [left, hyphen, right] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (!left || !hyphen || !right || !HYPHENS.has(hyphen.text)) return false;
  if (hyphen.sentence !== left.sentence || right.sentence !== left.sentence) return false;
  return left.end === hyphen.start && hyphen.end === right.start && /\p{L}|\d/u.test(right.text);
}
