import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActorDictionary } from "../entities/dictionary.js";
import { builtGazetteer } from "../places/test-support.js";
import { tokenizedArticle } from "../test-support.js";
import { createTokenizer } from "../tokens.js";
import { decide, dynamicFeatures, labelIndices, recordHistory, score } from "./decode.js";
import {
  documentContext,
  memoised,
  type NerKnowledge,
  type PredictionHistory,
  shortShape,
  staticFeatures,
} from "./features.js";
import { createNerKnowledge } from "./knowledge.js";
import { loadNerModel, type NerModel } from "./model.js";
import { OUTSIDE, TAG_COUNT, tagsToSpans } from "./tags.js";
import { createNerTagger } from "./tagger.js";
import type { NerSpan } from "./types.js";
import { wordsBySentence } from "./words.js";

/**
 * The tagger by feature names, as the trainer sees them: the plain form the fast tagger (rows
 * found once per word of a document) must match exactly, confidences included.
 */
function taggedByNames(model: NerModel, knowledge: NerKnowledge, document: string[][]): NerSpan[][] {
  const rowsOf = (names: readonly string[]) =>
    names.flatMap((name) => {
      const row = model.features.get(name);
      return row === undefined ? [] : [row];
    });
  const context = documentContext(document);
  const used = memoised(knowledge);
  const history: PredictionHistory = new Map();
  const scores = new Float64Array(TAG_COUNT);
  return document.map((words, s) => {
    const statics = staticFeatures(words, s, context, used).map(rowsOf);
    const tags: number[] = [];
    const confidences: number[] = [];
    words.forEach((word, i) => {
      const previous = tags[i - 1] ?? OUTSIDE;
      const dynamic = dynamicFeatures(previous, tags[i - 2] ?? OUTSIDE, shortShape(word), history, word);
      score(model.weights, [...(statics[i] as number[]), ...rowsOf(dynamic)], scores);
      const best = decide(scores, previous, i === words.length - 1);
      if (i > 0) tags[i - 1] = best.previous;
      tags.push(best.tag);
      confidences.push(1 / (1 + Math.exp(-best.margin)));
    });
    recordHistory(history, words, labelIndices(tags));
    return tagsToSpans(tags, confidences);
  });
}

const SEEDS = ["000_94ae060d2235aff0.txt", "001_00835ee31e389aee.txt"].map((file) =>
  readFileSync(new URL(`../../../examples/albu-kamal/${file}`, import.meta.url), "utf8"),
);

/** Other news, written for this test: an election, a court ruling, an earthquake, a headline in capitals. */
const OTHER_NEWS = [
  "Maria Okafor won the mayoral election in Lagos on Sunday, the Independent National Electoral Commission said. Okafor, 52, took 61% of the vote.",
  "The Supreme Court ruled 6-3 on Friday that the state of Ohio may not bar the Green Party from the ballot. Justice Elena Ruiz wrote for the court; Ruiz said the law was vague.",
  "A magnitude 6.8 earthquake struck southern Turkey near Gaziantep early on Monday, the U.S. Geological Survey reported. AFAD, Turkey's disaster agency, said 14 people died.",
  "QUAKE HITS TURKEY\n\nRescue teams from Germany and Japan arrived in Kahramanmaras on Tuesday.",
  "Results | Lyon 2|1 Porto, Ajax 0 | 0 Celtic: ||| Lyon coach Anna Berg said the win mattered.",
];

describe("the tagger's feature rows", () => {
  let model: NerModel;
  let knowledge: NerKnowledge;
  let documents: string[][][];
  beforeAll(() => {
    model = loadNerModel();
    knowledge = createNerKnowledge({ gazetteer: builtGazetteer(), actors: loadActorDictionary() });
    const tokenizer = createTokenizer();
    documents = [...SEEDS, ...OTHER_NEWS].map((text) => {
      const article = tokenizedArticle(tokenizer, text);
      return wordsBySentence(text, article.annotations.tokens).map((words) => words.map((w) => w.text));
    });
  });

  it("tag exactly as the features by name do, confidences included", () => {
    const tag = createNerTagger(model, knowledge);
    for (const document of documents) {
      const fast = tag(document);
      expect(fast).toEqual(taggedByNames(model, knowledge, document));
    }
    expect(tag(documents[2] as string[][]).flat().length).toBeGreaterThan(2);
  });

  it("give the same tags to a document tagged twice by one tagger", () => {
    const tag = createNerTagger(model, knowledge);
    const document = documents[0] as string[][];
    expect(tag(document)).toEqual(tag(document));
  });
});
