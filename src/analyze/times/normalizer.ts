import type { Article, Span, TimeMention } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { loadQuantityLexicon, type QuantityLexicon } from "../quantities/lexicon.js";
import { createNumberReader } from "../quantities/numbers.js";
import { alternation } from "../quantities/regex.js";
import { parseDay } from "./calendar.js";
import { type Candidate, type SentenceContext, settleOverlaps } from "./candidate.js";
import { createChronoReader } from "./chrono-dates.js";
import { createPatternReader } from "./patterns.js";

/**
 * Time expressions as TIMEX3-style values, resolved against the article's publication date
 * with a past bias: news mostly report what has happened, so "on Sunday" or "Nov. 9" without a
 * year is the latest such day on or before publication. A sentence that speaks of the future
 * ("will", "next week", "is scheduled") looks forward instead. Without a publication date
 * nothing is invented: unknown parts stay "X" ("XXXX-11-08") and relative expressions are vague.
 */

export interface TimeOptions {
  lexicon: QuantityLexicon;
  /** Let a future cue in the sentence resolve yearless dates forward; false: always look back. */
  futureCues: boolean;
}

export function createTimeNormalizer(options: Partial<TimeOptions> = {}): AnalysisComponent {
  const lexicon = options.lexicon ?? loadQuantityLexicon();
  const useFutureCues = options.futureCues ?? true;
  const numbers = createNumberReader(lexicon.numbers);
  const chronoReader = createChronoReader(lexicon.times);
  const patternReader = createPatternReader(lexicon.times, numbers);
  const futureCue = cuePattern(lexicon.times.futureCues);

  function run(article: Article): { times: TimeMention[] } {
    const { text } = article;
    const anchor = article.published ? parseDay(article.published.value) : undefined;
    const phrases = numbers.scan(text);
    const sentences =
      article.annotations.sentences.length > 0 ? article.annotations.sentences : [wholeText(text)];
    const candidates = sentences.flatMap((sentence) => {
      const sentenceText = text.slice(sentence.start, sentence.end);
      const context: SentenceContext = {
        text,
        sentence,
        ...(anchor ? { anchor } : {}),
        future: useFutureCues && futureCue.test(sentenceText),
      };
      return [...patternReader.read(context, phrases), ...chronoReader.read(context)];
    });
    return { times: settleOverlaps(candidates).map((c) => toMention(text, c)) };
  }

  return { name: "times", requires: ["sentences"], provides: ["times"], run };
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

/** Cues are words ("will") or clitics ("'ll"); a word cue must not sit inside a longer word. */
function cuePattern(cues: readonly string[]): RegExp {
  const parts = cues.map((c) =>
    /^\p{L}/u.test(c) ? `(?<![\\p{L}])(?:${alternation([c])})` : alternation([c]),
  );
  return new RegExp(`(?:${parts.join("|")})(?![\\p{L}])`, "iu");
}
