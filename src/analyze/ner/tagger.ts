import { decide, labelIndices, recordHistory } from "./decode.js";
import { documentContext, type NerKnowledge, type PredictionHistory } from "./features.js";
import type { NerModel } from "./model.js";
import { documentRows, modelRows } from "./rows.js";
import { OUTSIDE, TAG_COUNT, tagsToSpans } from "./tags.js";
import type { NerSpan, NerTagger } from "./types.js";

/**
 * A greedy left-to-right tagger over a model: each word gets the best tag the previous one
 * allows, and each sentence's tags feed the document's prediction history for the next.
 * `knowledge` must be what the model was trained with (see createNerKnowledge); without it a
 * model trained with knowledge still works, a little less well. Features reach the model as
 * rows found once per distinct word of a document (rows.ts), the same features the trainer
 * names (features.ts, decode.ts).
 */
export function createNerTagger(model: NerModel, knowledge?: NerKnowledge): NerTagger {
  const known = model.usesKnowledge ? knowledge : undefined;
  const fixed = modelRows(model);

  return (document) => {
    // documentRows looks each phrase up once per document, as memoised() would
    const rows = documentRows(fixed, model.weights, documentContext(document), known);
    const history: PredictionHistory = new Map();
    const scores = new Float64Array(TAG_COUNT);
    return document.map((words, s): NerSpan[] => {
      const statics = rows.staticScores(words, s);
      const tags: number[] = [];
      const confidences: number[] = [];
      for (let i = 0; i < words.length; i++) {
        const previous = tags[i - 1] ?? OUTSIDE;
        for (let t = 0; t < TAG_COUNT; t++) scores[t] = statics[i * TAG_COUNT + t] as number;
        rows.addDynamic(scores, words[i] as string, previous, tags[i - 2] ?? OUTSIDE, history);
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
