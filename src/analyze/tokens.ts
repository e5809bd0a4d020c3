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

    const raw: Omit<Token, "sentence">[] = [];
    const rawSentence: number[] = [];
    let offset = 0;
    for (let i = 0; i < values.length; i++) {
      offset += (spaces[i] ?? "").length;
      const value = values[i] ?? "";
      const start = text.startsWith(value, offset) ? offset : text.indexOf(value, offset);
      if (start < 0) continue; // wink normalised this token; skip it rather than lie about offsets
      offset = start + value.length;
      if (value.trim() === "") continue;
      raw.push({
        start,
        end: offset,
        text: value,
        pos: tags[i] ?? "X",
        lemma: (lemmas[i] ?? value).toLowerCase(),
      });
      rawSentence.push(sentenceOfToken[i] ?? 0);
    }
    return splitAtParagraphs(text, raw, rawSentence);
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

/** Renumbers sentences so that a paragraph break always starts a new one. */
function splitAtParagraphs(
  text: string,
  tokens: Omit<Token, "sentence">[],
  winkSentence: number[],
): { tokens: Token[]; sentences: Span[] } {
  const out: Token[] = [];
  const sentences: Span[] = [];
  let previous: Omit<Token, "sentence"> | undefined;
  tokens.forEach((token, i) => {
    const newSentence =
      previous === undefined ||
      winkSentence[i] !== winkSentence[i - 1] ||
      text.slice(previous.end, token.start).includes("\n\n");
    if (newSentence) sentences.push({ start: token.start, end: token.end });
    const current = sentences[sentences.length - 1] as Span;
    current.end = token.end;
    out.push({ ...token, sentence: sentences.length - 1 });
    previous = token;
  });
  return { tokens: out, sentences };
}

/** Tokens of one sentence, for components that work sentence by sentence. */
export function tokensOfSentence(tokens: readonly Token[], sentence: number): Token[] {
  return tokens.filter((t) => t.sentence === sentence);
}
