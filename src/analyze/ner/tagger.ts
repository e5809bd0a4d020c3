import { decide, dynamicFeatures, labelIndices, recordHistory, score } from "./decode.js";
import {
  documentContext,
  memoised,
  type NerKnowledge,
  type PredictionHistory,
  shortShape,
  staticFeatures,
} from "./features.js";
import type { NerModel } from "./model.js";
import { OUTSIDE, TAG_COUNT, tagsToSpans } from "./tags.js";
import type { NerSpan, NerTagger } from "./types.js";

/**
 * A greedy left-to-right tagger over a model: each word gets the best tag the previous one
 * allows, and each sentence's tags feed the document's prediction history for the next.
 * `knowledge` must be what the model was trained with (see createNerKnowledge); without it a
 * model trained with knowledge still works, a little less well.
 */
export function createNerTagger(model: NerModel, knowledge?: NerKnowledge): NerTagger {
  const known = model.usesKnowledge ? knowledge : undefined;
  const rowsOf = (names: readonly string[], into: number[]) => {
    for (const name of names) {
      const row = model.features.get(name);
      if (row !== undefined) into.push(row);
    }
    return into;
  };

  return (document) => {
    const context = documentContext(document);
    const used = known ? memoised(known) : undefined;
    const history: PredictionHistory = new Map();
    const scores = new Float64Array(TAG_COUNT);
    return document.map((words, s): NerSpan[] => {
      const statics = staticFeatures(words, s, context, used).map((names) => rowsOf(names, []));
      const tags: number[] = [];
      const confidences: number[] = [];
      for (let i = 0; i < words.length; i++) {
        const previous = tags[i - 1] ?? OUTSIDE;
        const word = words[i] as string;
        const dynamic = dynamicFeatures(previous, tags[i - 2] ?? OUTSIDE, shortShape(word), history, word);
        score(model.weights, rowsOf(dynamic, [...(statics[i] as number[])]), scores);
        const best = decide(scores, previous, i === words.length - 1);
        if (i > 0) tags[i - 1] = best.previous;
        tags.push(best.tag);
        confidences.push(1 / (1 + Math.exp(-best.margin)));
      }
      recordHistory(history, words, labelIndices(tags));
      return tagsToSpans(tags, confidences);
    });
  };
}
