import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { Span, Token } from "../model/index.js";
import type { AnalysisComponent } from "./component.js";

/**
 * Tokens, part-of-speech tags and sentences from wink-nlp, with offsets into the clean text.
 * Sentences never cross a paragraph break ("\n\n"), whatever wink decides, because extraction
 * joins paragraphs that were separate blocks on the page.
 */
export function createTokenizer(): AnalysisComponent {
  const nlp = winkNLP(model);
  const its = nlp.its;

  function run(article: { text: string }): { tokens: Token[]; sentences: Span[] } {
    const text = article.text;
    const doc = nlp.readDoc(text);
    // wink's typings do not accept every `its` helper in `out`; the values are plain arrays.
    const tokensOut = doc.tokens().out as unknown as (f: unknown) => string[];
    const values = tokensOut(its.value);
    const spaces = tokensOut(its.precedingSpaces);
    const tags = tokensOut(its.pos);
    const lemmas = tokensOut(its.lemma);
    const spans = (doc.sentences().out as unknown as (f: unknown) => [number, number][])(its.span);
    const sentenceOfToken = sentenceIndexOfTokens(spans, values.length);

    const tokens: Token[] = [];
    const sentences: Span[] = [];
    let offset = 0;
    let previousEnd = -1; // -1: no token yet
    let previousWinkSentence = -1;
    for (let i = 0; i < values.length; i++) {
      offset += (spaces[i] ?? "").length;
      const value = values[i] ?? "";
      const start = text.startsWith(value, offset) ? offset : text.indexOf(value, offset);
      if (start < 0) continue; // wink normalised this token; skip it rather than lie about offsets
      offset = start + value.length;
      if (value.trim() === "") continue;
      const winkSentence = sentenceOfToken[i] ?? 0;
      if (startsSentence(text, previousEnd, start, winkSentence !== previousWinkSentence))
        sentences.push({ start, end: offset });
      (sentences[sentences.length - 1] as Span).end = offset;
      tokens.push({
        start,
        end: offset,
        text: value,
        pos: tags[i] ?? "X",
        lemma: (lemmas[i] ?? value).toLowerCase(),
        sentence: sentences.length - 1,
      });
      previousEnd = offset;
      previousWinkSentence = winkSentence;
    }
    return { tokens, sentences };
  }

  return { name: "tokens", requires: [], provides: ["tokens", "sentences"], run };
}

function sentenceIndexOfTokens(spans: [number, number][], tokenCount: number): number[] {
  const index = new Array<number>(tokenCount).fill(0);
  spans.forEach(([first, last], s) => {
    for (let t = first; t <= last && t < tokenCount; t++) index[t] = s;
  });
  return index;
}

const PARAGRAPH_BREAK = "\n\n";

/**
 * A token starts a sentence when it is the first, when wink starts one there, or when a
 * paragraph break lies between it and the token before, so that a paragraph break always
 * starts a new sentence.
 */
function startsSentence(text: string, previousEnd: number, start: number, winkStarts: boolean): boolean {
  if (previousEnd < 0 || winkStarts) return true;
  if (start - previousEnd < PARAGRAPH_BREAK.length) return false; // most gaps: none or one space
  return text.slice(previousEnd, start).includes(PARAGRAPH_BREAK);
}

/** Tokens of one sentence, for components that work sentence by sentence. */
export function tokensOfSentence(tokens: readonly Token[], sentence: number): Token[] {
  return tokens.filter((t) => t.sentence === sentence);
}
