import type { Article, LoadDriver, Quote, SentenceLoad, Span } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import type { FramingLexicon, LabelLexicon } from "../lexicons.js";

/**
 * The per-sentence loaded score: each loaded word of a sentence (a framing-lexicon term, or an
 * actor label whose category is not neutral) weighs what its category weighs in the lexicon,
 * and the weights saturate: score = 1 - prod(1 - w). One strong word makes a sentence loaded;
 * more words push it towards 1 without passing it.
 */

export interface LoadScorerOptions {
  framing: FramingLexicon;
  labels: LabelLexicon;
  /**
   * How much a word inside a direct quote counts, in [0, 1]: the outlet chose to quote it, but
   * it is the speaker's word. 1 counts it fully, 0 leaves it out.
   */
  quotedFactor?: number;
  /** Sentences scoring below this are not reported as loaded (a lone hedge is not framing). */
  minScore?: number;
}

/**
 * Quoted words count fully: on BASIL's lexical-bias spans (token level, aggregate only) words
 * inside direct quotes are marked as often as words outside (precision 0.083 against 0.081),
 * and leaving them out costs recall (loaded-word F1 0.127 counted, 0.097 left out).
 */
export const DEFAULT_QUOTED_FACTOR = 1;

/**
 * A sentence needs one word of a strong category (a loaded verb weighs 0.45) or two weak ones
 * (a hedge, an intensifier, a partisan tag) to count as loaded: a lone "reportedly" is not
 * framing. On BASIL this floor lifts loaded-word precision from 0.082 to 0.109 (F1 0.110 -> 0.127).
 */
export const DEFAULT_MIN_SCORE = 0.45;

/** A loaded word before it is placed in a sentence. */
export interface WeightedWord extends Span {
  text: string;
  category: string;
  weight: number;
}

/** 1 - prod(1 - w): in [0, 1], never lower when a word is added. */
export function saturate(weights: readonly number[]): number {
  const kept = weights.reduce((rest, w) => rest * (1 - clamp01(w)), 1);
  return round(1 - kept);
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Scores are shown, not summed further: three decimals are plenty. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Where a framing term and a label cover the same words ("terrorists" is both), one driver
 * stands for them: the heavier. Weightless words are dropped.
 */
export function mergeDrivers(words: readonly WeightedWord[]): LoadDriver[] {
  const sorted = [...words]
    .filter((w) => w.weight > 0)
    .sort((a, b) => a.start - b.start || b.weight - a.weight);
  const kept: LoadDriver[] = [];
  for (const word of sorted) {
    const previous = kept[kept.length - 1];
    if (previous && word.start < previous.end) {
      if (word.weight > previous.weight) kept[kept.length - 1] = driver(word);
      continue;
    }
    kept.push(driver(word));
  }
  return kept;
}

function driver(word: WeightedWord): LoadDriver {
  return { start: word.start, end: word.end, text: word.text, category: word.category, weight: word.weight };
}

/** The loaded words of an article, weighted, with quoted words scaled by `quotedFactor`. */
export function weightedWords(
  article: Article,
  weights: { framing: Record<string, number>; labels: Record<string, number> },
  quotedFactor: number,
): WeightedWord[] {
  const quoted = directQuoteSpans(article.annotations.quotes);
  const inQuote = (span: Span) => quoted.some((q) => q.start <= span.start && span.end <= q.end);
  const scale = (span: Span, weight: number) => (inQuote(span) ? round(weight * quotedFactor) : weight);
  const framing = article.annotations.framing.map((term) => ({
    start: term.start,
    end: term.end,
    text: term.text,
    category: term.category,
    weight: scale(term, weights.framing[term.category] ?? 0),
  }));
  const labels = (article.annotations.actorLabels ?? []).map((label) => ({
    start: label.start,
    end: label.end,
    text: label.text,
    category: label.category,
    weight: scale(label, weights.labels[label.category] ?? 0),
  }));
  return [...framing, ...labels];
}

function directQuoteSpans(quotes: readonly Quote[]): Span[] {
  return quotes.filter((q) => q.direct).map((q) => ({ start: q.start, end: q.end }));
}

/** Each sentence's score from the words inside it; sentences below `minScore` are left out. */
export function scoreSentences(
  sentences: readonly Span[],
  words: readonly WeightedWord[],
  minScore: number,
): SentenceLoad[] {
  const drivers = mergeDrivers(words);
  const loads: SentenceLoad[] = [];
  let d = 0;
  sentences.forEach((sentence, index) => {
    while (d < drivers.length && (drivers[d] as LoadDriver).start < sentence.start) d++;
    const inside: LoadDriver[] = [];
    for (let k = d; k < drivers.length && (drivers[k] as LoadDriver).start < sentence.end; k++) {
      inside.push(drivers[k] as LoadDriver);
    }
    const score = saturate(inside.map((w) => w.weight));
    if (inside.length > 0 && score > 0 && score >= minScore) {
      loads.push({ start: sentence.start, end: sentence.end, sentence: index, score, drivers: inside });
    }
  });
  return loads;
}

export function createLoadScorer(opts: LoadScorerOptions): AnalysisComponent {
  const quotedFactor = clamp01(opts.quotedFactor ?? DEFAULT_QUOTED_FACTOR);
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
  const weights = { framing: opts.framing.weights, labels: opts.labels.weights };

  function run(article: Article): { loadedSentences: SentenceLoad[] } {
    const words = weightedWords(article, weights, quotedFactor);
    return { loadedSentences: scoreSentences(article.annotations.sentences, words, minScore) };
  }

  // Reads "actorLabels" too (run after the actor labeler); the model's MentionKind does not list it yet.
  return {
    name: "loaded-sentences",
    requires: ["sentences", "framing", "quotes", "actorLabels"],
    provides: ["loadedSentences"],
    run,
  };
}
