import type { Token } from "../../model/index.js";
import { createTokenizer } from "../tokens.js";
import { type CueMatcher, createCueMatcher, type EventCues, loadEventCues } from "./cues.js";
import type { EventDescription } from "./data.js";
import { type FeatureWord, lemmaWords, plainWords, sentenceCase, sentenceFeatures } from "./features.js";
import { trainLogistic, type LinearModel } from "./logistic.js";

/**
 * A classifier of event sentences into sub-types, trained when it is built from the labelled
 * descriptions (a few hundred sentences: tens of milliseconds, so no model file). The default is
 * a multinomial logistic regression over lemma unigrams and bigrams plus one feature per sub-type
 * whose cue phrases (data/events/cues.json) occur in the sentence; a binarised naive Bayes over
 * the same features is kept as a baseline for the bench.
 */

export interface RankedSubType {
  subType: string;
  /** Probability of the sub-type given the sentence, between 0 and 1. */
  score: number;
}

export interface EventTypeClassification {
  subType: string;
  type: string;
  /** Probability of the chosen sub-type. */
  confidence: number;
  /** Every sub-type, best first (ties by id). */
  ranked: RankedSubType[];
}

/** What an event report knows: its sentences (the first is the one with the trigger) and trigger words. */
export interface EventEvidence {
  sentences: readonly string[];
  /** Trigger words or phrases of the event ("captured", "air strikes"), if known. */
  triggers?: readonly string[];
}

/** Sentences already tokenized by the project's tokenizer, with their text. */
export interface TokenizedSentences {
  /** The tokens of the sentences, in order (Token.lemma and Token.pos are read). */
  tokens: readonly Token[];
  /** The same sentences' text, joined by a space: what `classify` would be given. */
  text: string;
}

export interface EventTypeClassifier {
  classify(sentence: string): EventTypeClassification;
  /**
   * The same classification as `classify(input.text)`, from tokens the article already has
   * (no second tokenizer run): the same features when the tokens are the tokenizer's own.
   */
  classifyTokens(input: TokenizedSentences): EventTypeClassification;
  /** Classifies an event from all its sentences and trigger words together. */
  classifyEvent(evidence: EventEvidence): EventTypeClassification;
  /** The sub-types it can choose, in the order it learned them. */
  readonly subTypes: readonly string[];
}

export type EventFeatureWords = "words" | "lemmas";
export type EventModelKind = "logistic" | "bayes";

/** The part of the project's tokenizer the classifier uses; pass one to share its loaded model. */
export interface SentenceTokenizer {
  run(article: { text: string }): { tokens?: Token[] };
}

export interface EventTypeClassifierOptions {
  /**
   * "words": a plain lower-case split (fast, no model); "lemmas": the project's tokenizer
   * (wink-nlp lemmas and part-of-speech tags; loads its model once when the classifier is built).
   */
  words?: EventFeatureWords;
  model?: EventModelKind;
  /** Cue phrases per sub-type; `false` for none. Default: data/events/cues.json. */
  cues?: EventCues | false;
  /** An already built tokenizer for the "lemmas" reader (else one is created). */
  tokenizer?: SentenceTokenizer;
  /** Naive Bayes: additive (Laplace) smoothing of feature counts. */
  smoothing?: number;
  /** Logistic regression: passes of stochastic gradient descent over the training set. */
  epochs?: number;
  /** Logistic regression: step size of the first epoch (it decays as 1 / (1 + epoch / 4)). */
  learningRate?: number;
  /** Logistic regression: L2 penalty on the weights. */
  l2?: number;
  /** Logistic regression: value of a cue feature against 1 for a word; above 1 trusts cues more. */
  cueWeight?: number;
  /** Logistic regression: learn a bias per sub-type (a prior); off keeps frequent sub-types from winning ties. */
  bias?: boolean;
}

export const DEFAULT_EVENT_TYPE_OPTIONS: Required<Omit<EventTypeClassifierOptions, "cues" | "tokenizer">> = {
  // Lemmas and plain words score within noise on the held-out fifth; lemmas do better on the seeds.
  words: "lemmas",
  // Logistic regression beats naive Bayes by 6 points of held-out sub-type accuracy (bench).
  model: "logistic",
  // Naive Bayes only: 0.5-2 differ by less than the noise of the held-out fifth.
  smoothing: 1,
  // 15 passes score as well as 30 or 50 and keep training near 100 ms.
  epochs: 15,
  // 2-10 differ by less than the noise of the held-out fifth; 5 gives confident, well-ranked scores.
  learningRate: 5,
  // 1e-3 to 1e-5 are within noise on the held-out fifth; 1e-3 generalises better to the seeds.
  l2: 1e-3,
  // Heavier cue weights (2-5) do not help the held-out fifth and hurt the seeds.
  cueWeight: 1,
  // Descriptions are balanced; a learned prior only lets frequent-looking sub-types win ties.
  bias: false,
};

/** Prefix of the feature "a cue of this sub-type occurs", and of "a cue of a sub-type of this type occurs". */
const CUE_FEATURE = "cue=";
const CUE_TYPE_FEATURE = "cuetype=";
/** Weight of the trigger sentence against each other sentence of an event (it says what happened). */
const TRIGGER_SENTENCE_WEIGHT = 2;
/** Feature of a sentence that quotes someone's words: news quotes people to report what they said. */
const QUOTE_FEATURE = "<quote>";
/** Quoted speech: three or more words between quotation marks (shorter quotes are scare quotes). */
const QUOTED_SPEECH = /["“][^"”]*\s[^"”]*\s[^"”]*["”]/u;

export function trainEventTypeClassifier(
  descriptions: readonly EventDescription[],
  options: EventTypeClassifierOptions = {},
): EventTypeClassifier {
  const settings = { ...DEFAULT_EVENT_TYPE_OPTIONS, ...options };
  if (!(settings.smoothing > 0)) throw new Error("event-types: smoothing must be a positive number");
  if (descriptions.length === 0) throw new Error("event-types: no descriptions to learn from");
  const typeOf = new Map(descriptions.map((d) => [d.subType, d.type] as const));
  const cues = options.cues === undefined ? loadEventCues() : options.cues;
  const reader = createFeatureReader(settings.words, cues, typeOf, options.tokenizer);
  const featuresOf = reader.fromText;
  // Sorted by id so that the model does not depend on the order of the input.
  const sorted = [...descriptions].sort((a, b) => a.id.localeCompare(b.id));
  const examples = sorted.map((d) => ({ label: d.subType, features: featuresOf(d.text) }));
  const model =
    settings.model === "bayes"
      ? trainBayes(examples, settings.smoothing)
      : trainLogistic(examples, {
          epochs: settings.epochs,
          learningRate: settings.learningRate,
          l2: settings.l2,
          bias: settings.bias,
          valueOf: (f) =>
            f.startsWith(CUE_FEATURE) || f.startsWith(CUE_TYPE_FEATURE) ? settings.cueWeight : 1,
        });

  function rank(logScores: readonly number[]): EventTypeClassification {
    const posteriors = softmax(logScores);
    const ranked = model.labels
      .map((subType, i) => ({ subType, score: posteriors[i] ?? 0 }))
      .sort((a, b) => b.score - a.score || a.subType.localeCompare(b.subType));
    const best = ranked[0] as RankedSubType;
    return { subType: best.subType, type: typeOf.get(best.subType) ?? "", confidence: best.score, ranked };
  }

  function classifyEvent(evidence: EventEvidence): EventTypeClassification {
    const sentences = evidence.sentences.filter((s) => s.trim() !== "");
    const triggers = (evidence.triggers ?? []).filter((t) => t.trim() !== "");
    if (sentences.length === 0 && triggers.length === 0) return rank(model.scores([]));
    const parts = [
      ...sentences.map((s, i) => ({
        features: featuresOf(s),
        weight: i === 0 ? TRIGGER_SENTENCE_WEIGHT : 1,
      })),
      ...triggers.map((t) => ({ features: featuresOf(t), weight: 1 })),
    ];
    const total = parts.reduce((sum, p) => sum + p.weight, 0);
    const mean = model.labels.map(() => 0);
    for (const part of parts)
      model.scores(part.features).forEach((s, c) => (mean[c] = (mean[c] ?? 0) + (s * part.weight) / total));
    return rank(mean);
  }

  return {
    classify: (sentence) => rank(model.scores(featuresOf(sentence))),
    classifyTokens: (input) => rank(model.scores(reader.fromTokens(input))),
    classifyEvent,
    subTypes: model.labels,
  };
}

function createFeatureReader(
  words: EventFeatureWords,
  cues: EventCues | false,
  typeOf: ReadonlyMap<string, string>,
  shared: SentenceTokenizer | undefined,
): { fromText: (text: string) => string[]; fromTokens: (input: TokenizedSentences) => string[] } {
  const read = words === "words" ? plainWords : lemmaReader(shared ?? createTokenizer());
  const matchCues: CueMatcher = cues === false ? () => [] : createCueMatcher(cues, read);
  const fromText = (text: string) => featuresOfWords(read(text), text);
  // The text path lowers a title-case headline before tagging it; its tokens were tagged as
  // written, so such a line (and the plain-word reader, which needs no tagging) goes by text.
  const fromTokens = (input: TokenizedSentences) =>
    words === "words" || sentenceCase(input.text) !== input.text
      ? fromText(input.text)
      : featuresOfWords(lemmaWords(input.tokens), input.text);
  return { fromText, fromTokens };

  function featuresOfWords(sentenceWords: readonly FeatureWord[], text: string): string[] {
    const cueSubTypes = new Set(matchCues(sentenceWords).map((m) => m.subType));
    const cueTypes = new Set([...cueSubTypes].map((s) => typeOf.get(s) ?? s));
    return [
      ...sentenceFeatures(sentenceWords),
      ...(QUOTED_SPEECH.test(text) ? [QUOTE_FEATURE] : []),
      ...[...cueSubTypes].map((s) => CUE_FEATURE + s),
      ...[...cueTypes].map((t) => CUE_TYPE_FEATURE + t),
    ];
  }
}

function lemmaReader(tokenizer: SentenceTokenizer): (text: string) => FeatureWord[] {
  return (text) => lemmaWords(tokenizer.run({ text: sentenceCase(text) }).tokens ?? []);
}

interface Example {
  label: string;
  features: string[];
}

/** Naive Bayes as a linear model: log prior plus log likelihood of each known feature. */
function trainBayes(examples: readonly Example[], alpha: number): LinearModel {
  const labels = [...new Set(examples.map((e) => e.label))];
  const vocabulary = new Set(examples.flatMap((e) => e.features));
  const perLabel = labels.map((label) => {
    const group = examples.filter((e) => e.label === label);
    const counts = new Map<string, number>();
    for (const feature of group.flatMap((e) => e.features))
      counts.set(feature, (counts.get(feature) ?? 0) + 1);
    const featureTotal = [...counts.values()].reduce((sum, n) => sum + n, 0);
    const denominator = Math.log(featureTotal + alpha * vocabulary.size);
    return {
      logPrior: Math.log(group.length / examples.length),
      logLikelihood: new Map([...counts].map(([f, n]) => [f, Math.log(n + alpha) - denominator] as const)),
      logUnseen: Math.log(alpha) - denominator,
    };
  });
  return {
    labels,
    scores: (features) => {
      const known = features.filter((f) => vocabulary.has(f));
      return perLabel.map((m) =>
        known.reduce((sum, f) => sum + (m.logLikelihood.get(f) ?? m.logUnseen), m.logPrior),
      );
    },
  };
}

function softmax(logScores: readonly number[]): number[] {
  const max = Math.max(...logScores);
  const exps = logScores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
