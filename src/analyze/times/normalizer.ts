import type { Article, Span, TimeMention, Token } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { loadQuantityLexicon, type QuantityLexicon } from "../quantities/lexicon.js";
import { createNumberReader } from "../quantities/numbers.js";
import { parseDay } from "./calendar.js";
import { type Candidate, type SentenceContext, settleOverlaps } from "./candidate.js";
import { createChronoReader } from "./chrono-dates.js";
import { settleLastDates, settleLastPeriods } from "./discourse.js";
import { loadTimeLexicon, type TimeLexicon } from "./lexicon.js";
import { createPatternReader } from "./patterns.js";
import { createPeriodReader } from "./periods.js";
import { createReferenceReader } from "./references.js";
import { createTenseReader } from "./tense.js";

/**
 * Time expressions as TIMEX3-style values, resolved against the article's publication date
 * with a news past bias. Which way a yearless date looks is read from the verb that governs it,
 * as HeidelTime does: "met on Sunday" looks back, "will meet on Sunday" forward, a present tense
 * ("Congress reconvenes Jan. 24") takes the nearest such day. Without a publication date nothing
 * is invented: unknown parts stay "X" ("XXXX-11-08") and relative expressions are vague.
 */

export interface TimeOptions {
  /** Number words (for "six and a half years") and count cues (for "about 2000", not a year). */
  lexicon: QuantityLexicon;
  /** The time vocabulary: `data/lexicons/times.json` by default. */
  words: TimeLexicon;
  /** Let the verb of a sentence resolve yearless dates forward or to the nearest; false: always look back. */
  futureCues: boolean;
}

export function createTimeNormalizer(options: Partial<TimeOptions> = {}): AnalysisComponent {
  const lexicon = options.lexicon ?? loadQuantityLexicon();
  const words = options.words ?? loadTimeLexicon();
  const useTense = options.futureCues ?? true;
  const numbers = createNumberReader(lexicon.numbers);
  const chronoReader = createChronoReader(words);
  const patternReader = createPatternReader(words, numbers);
  const periodReader = createPeriodReader(words, numbers, {
    countCues: [
      ...lexicon.quantities.approximators,
      ...lexicon.quantities.lowerBounds,
      ...lexicon.quantities.upperBounds,
    ],
  });
  const referenceReader = createReferenceReader(words, numbers);
  const tense = createTenseReader(words);

  function run(article: Article): { times: TimeMention[] } {
    const { text } = article;
    const anchor = article.published ? parseDay(article.published.value) : undefined;
    const phrases = numbers.scan(text);
    const { sentences: annotated, tokens } = article.annotations;
    const sentences = annotated.length > 0 ? annotated : [wholeText(text)];
    const tokensOf = tokensBySentence(tokens, sentences.length);
    const candidates = sentences.flatMap((sentence, i) => {
      const sentenceTokens = tokensOf[i] ?? [];
      const context: SentenceContext = {
        text,
        sentence,
        ...(anchor ? { anchor } : {}),
        tokens: sentenceTokens,
        direction: (span: Span, markers?: boolean) =>
          useTense ? tense.directionAt(sentenceTokens, span, markers) : "past",
      };
      // first, so that on an equal span "the next day" is counted from the last date named
      return [
        ...referenceReader.read(context),
        ...patternReader.read(context, phrases),
        ...periodReader.read(context),
        ...chronoReader.read(context),
      ];
    });
    const settled = settleLastDates(settleLastPeriods(settleOverlaps(candidates)));
    return { times: settled.map((c) => toMention(text, c)) };
  }

  return { name: "times", requires: ["sentences", "tokens"], provides: ["times"], run };
}

function tokensBySentence(tokens: readonly Token[], count: number): Token[][] {
  const out: Token[][] = Array.from({ length: count }, () => []);
  for (const token of tokens) out[token.sentence]?.push(token);
  return out;
}

function toMention(text: string, c: Candidate): TimeMention {
  return {
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    provenance: { stage: "analyze", method: c.method },
    timexType: c.timexType,
    value: c.value,
    precision: c.precision,
    ...(c.anchor !== undefined ? { anchor: c.anchor } : {}),
  };
}

function wholeText(text: string): Span {
  return { start: 0, end: text.length };
}
