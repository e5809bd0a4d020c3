import { createTokenizer } from "../tokens.js";
import type { EventDescription } from "./data.js";
import { type FeatureWord, lemmaWords, plainWords, sentenceFeatures } from "./features.js";

/**
 * A multinomial naive Bayes classifier of event sentences into sub-types, trained when it is
 * built from the labelled descriptions (a few hundred sentences: milliseconds, so no model file).
 * Each sentence counts each of its features once ("binarised" naive Bayes, which suits short
 * texts better than raw counts).
 */

export interface RankedSubType {
  subType: string;
  /** Posterior probability of the sub-type given the sentence, between 0 and 1. */
  score: number;
}

export interface EventTypeClassification {
  subType: string;
  type: string;
  /** Posterior probability of the chosen sub-type. */
  confidence: number;
  /** Every sub-type, best first (ties by id). */
  ranked: RankedSubType[];
}

export interface EventTypeClassifier {
  classify(sentence: string): EventTypeClassification;
  /** The sub-types it can choose, in the order it learned them. */
  readonly subTypes: readonly string[];
}

export type EventFeatureWords = "words" | "lemmas";

export interface EventTypeClassifierOptions {
  /**
   * "words": a plain lower-case split (fast, no model); "lemmas": the project's tokenizer
   * (wink-nlp lemmas and part-of-speech tags; loads its model once when the classifier is built).
   */
  words?: EventFeatureWords;
  /** Additive (Laplace) smoothing of feature counts; below 1 trusts rare words more. */
  smoothing?: number;
}

export const DEFAULT_EVENT_TYPE_OPTIONS: Required<EventTypeClassifierOptions> = {
  // Lemmas and proper-noun tags beat a plain split on the held-out fifth (0.36 vs 0.31 sub-type accuracy).
  words: "lemmas",
  // Laplace: 0.5-2 differ by less than the noise of 99 held-out sentences; below 0.5 is worse.
  smoothing: 1,
};

interface SubTypeModel {
  subType: string;
  type: string;
  logPrior: number;
  /** log P(feature | sub-type) for features seen with it. */
  logLikelihood: Map<string, number>;
  /** log P(feature | sub-type) for a feature of the vocabulary never seen with it. */
  logUnseen: number;
}

export function trainEventTypeClassifier(
  descriptions: readonly EventDescription[],
  options: EventTypeClassifierOptions = {},
): EventTypeClassifier {
  const settings = { ...DEFAULT_EVENT_TYPE_OPTIONS, ...options };
  if (!(settings.smoothing > 0)) throw new Error("event-types: smoothing must be a positive number");
  if (descriptions.length === 0) throw new Error("event-types: no descriptions to learn from");
  const featuresOf = createFeatureReader(settings.words);
  const examples = descriptions.map((d) => ({ description: d, features: featuresOf(d.text) }));
  const vocabulary = new Set(examples.flatMap((e) => e.features));
  const models = groupBySubType(examples).map((group) =>
    subTypeModel(group, examples.length, vocabulary.size, settings.smoothing),
  );

  function classify(sentence: string): EventTypeClassification {
    const features = featuresOf(sentence).filter((f) => vocabulary.has(f));
    const scored = models.map((m) => ({ model: m, logScore: logScore(m, features) }));
    const posteriors = softmax(scored.map((s) => s.logScore));
    const ranked = scored
      .map((s, i) => ({ subType: s.model.subType, score: posteriors[i] ?? 0 }))
      .sort((a, b) => b.score - a.score || a.subType.localeCompare(b.subType));
    const best = ranked[0] as RankedSubType;
    const type = models.find((m) => m.subType === best.subType)?.type ?? "";
    return { subType: best.subType, type, confidence: best.score, ranked };
  }

  return { classify, subTypes: models.map((m) => m.subType) };
}

function createFeatureReader(words: EventFeatureWords): (text: string) => string[] {
  if (words === "words") return (text) => sentenceFeatures(plainWords(text));
  const tokenizer = createTokenizer();
  return (text) => {
    const { tokens = [] } = tokenizer.run({ text } as Parameters<typeof tokenizer.run>[0]);
    return sentenceFeatures(lemmaWords(tokens) satisfies FeatureWord[]);
  };
}

interface Example {
  description: EventDescription;
  features: string[];
}

/** Groups in order of first appearance, so the model does not depend on a Map's hash order. */
function groupBySubType(examples: readonly Example[]): Example[][] {
  const groups = new Map<string, Example[]>();
  for (const e of examples)
    groups.set(e.description.subType, [...(groups.get(e.description.subType) ?? []), e]);
  return [...groups.values()];
}

function subTypeModel(
  group: readonly Example[],
  total: number,
  vocabularySize: number,
  alpha: number,
): SubTypeModel {
  const first = (group[0] as Example).description;
  const counts = new Map<string, number>();
  for (const feature of group.flatMap((e) => e.features)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const featureTotal = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const denominator = Math.log(featureTotal + alpha * vocabularySize);
  const logLikelihood = new Map([...counts].map(([f, n]) => [f, Math.log(n + alpha) - denominator] as const));
  return {
    subType: first.subType,
    type: first.type,
    logPrior: Math.log(group.length / total),
    logLikelihood,
    logUnseen: Math.log(alpha) - denominator,
  };
}

function logScore(model: SubTypeModel, features: readonly string[]): number {
  return features.reduce((sum, f) => sum + (model.logLikelihood.get(f) ?? model.logUnseen), model.logPrior);
}

function softmax(logScores: readonly number[]): number[] {
  const max = Math.max(...logScores);
  const exps = logScores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
