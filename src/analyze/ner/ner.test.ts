import { beforeAll, describe, expect, it } from "vitest";
import type { Token } from "../../model/index.js";
import { loadActorDictionary } from "../entities/dictionary.js";
import { builtGazetteer } from "../places/test-support.js";
import { readConll, spansFromIob } from "./conll.js";
import { capitalisedRuns, type NerKnowledge, shortShape, wordShape } from "./features.js";
import { createNerKnowledge } from "./knowledge.js";
import { deserializeNerModel, loadNerModel, type NerModel, serializeNerModel } from "./model.js";
import { spansToTags, tagName, tagsToSpans } from "./tags.js";
import { createNerTagger } from "./tagger.js";
import { trainNerModel } from "./train.js";
import { wordsBySentence } from "./words.js";

/** A tiny CoNLL text written for the tests (not from the CoNLL corpus). */
const SAMPLE = `-DOCSTART- -X- -X- O

Mara NNP B-NP B-PER
Lind NNP I-NP I-PER
visited VBD B-VP O
Velmora NNP B-NP B-LOC
. . O O

-DOCSTART- -X- -X- O

The DT B-NP O
Unity NNP I-NP I-ORG
Party NNP I-NP I-ORG
won VBD B-VP O
`;

describe("CoNLL reading and conlleval chunks", () => {
  it("reads documents and sentences, keeping only words and NER tags", () => {
    const docs = readConll(SAMPLE);
    expect(docs).toHaveLength(2);
    expect(docs[0]?.[0]?.words).toEqual(["Mara", "Lind", "visited", "Velmora", "."]);
    expect(docs[1]?.[0]?.tags).toEqual(["O", "I-ORG", "I-ORG", "O"]);
  });

  it("starts a chunk at an I- after O or after another type, as conlleval does", () => {
    expect(spansFromIob(["O", "I-ORG", "I-ORG", "O"])).toMatchObject([{ start: 1, end: 3, label: "ORG" }]);
    expect(spansFromIob(["B-PER", "I-LOC", "B-LOC", "I-LOC"])).toMatchObject([
      { start: 0, end: 1, label: "PER" },
      { start: 1, end: 2, label: "LOC" },
      { start: 2, end: 4, label: "LOC" },
    ]);
  });

  it("round-trips spans through BILOU tags", () => {
    const spans = spansFromIob(["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-MISC"]);
    const tags = spansToTags(spans, 6);
    expect(tags.map(tagName)).toEqual(["B-PER", "I-PER", "L-PER", "O", "U-LOC", "U-MISC"]);
    expect(tagsToSpans(tags)).toEqual(spans);
  });
});

describe("word features", () => {
  it("gives word shapes with runs cut short", () => {
    expect(wordShape("Velmora")).toBe("Xxxxx");
    expect(wordShape("1996-08-22")).toBe("dddd-dd-dd");
    expect(shortShape("U.S.")).toBe("X.X.");
  });

  it("places each word in its run of capitalised words", () => {
    expect(capitalisedRuns(["the", "New", "York", "Times", "said", "Lind"])).toEqual([
      "",
      "B3",
      "I3",
      "L3",
      "",
      "U1",
    ]);
  });

  it("joins tokens split at a hyphen into one word, as CoNLL writes them", () => {
    const text = "Ahmed al-Sharaa spoke.";
    const tokens: Token[] = [
      [0, 5],
      [6, 8],
      [8, 9],
      [9, 15],
      [16, 21],
      [21, 22],
    ].map(([start, end]) => ({
      start: start as number,
      end: end as number,
      text: text.slice(start, end),
      pos: "X",
      lemma: "",
      sentence: 0,
    }));
    const words = wordsBySentence(text, tokens)[0] ?? [];
    expect(words.map((w) => w.text)).toEqual(["Ahmed", "al-Sharaa", "spoke", "."]);
    expect(words[1]).toMatchObject({ firstToken: 1, lastToken: 3 });
  });
});

describe("training, saving and loading", () => {
  it("learns a tiny set and tags the same after a save and a load", () => {
    const docs = readConll(SAMPLE);
    const model = trainNerModel(docs, { iterations: 5, seed: 1 });
    const loaded = deserializeNerModel(serializeNerModel(model));
    const input = [["Mara", "Lind", "visited", "Velmora", "."]];
    const expected = [
      [
        { start: 0, end: 2, label: "PER" },
        { start: 3, end: 4, label: "LOC" },
      ],
    ];
    expect(createNerTagger(model)(input)).toMatchObject(expected);
    expect(createNerTagger(loaded)(input)).toMatchObject(expected);
  });

  it("trains the same model twice from the same seed", () => {
    const docs = readConll(SAMPLE);
    const a = serializeNerModel(trainNerModel(docs, { iterations: 3, seed: 7 }));
    const b = serializeNerModel(trainNerModel(docs, { iterations: 3, seed: 7 }));
    expect(a.equals(b)).toBe(true);
  });
});

describe("the committed model, with the project's knowledge", () => {
  let model: NerModel;
  let knowledge: NerKnowledge;
  beforeAll(() => {
    model = loadNerModel();
    knowledge = createNerKnowledge({ gazetteer: builtGazetteer(), actors: loadActorDictionary() });
  });

  it("reads knowledge classes of phrases", () => {
    expect(knowledge.classesOf(["Jordan"])).toContain("place:country");
    expect(knowledge.classesOf(["Lebanese"])).toContain("demonym");
  });

  it("tags names of people, places and organisations in news sentences", () => {
    const tag = createNerTagger(model, knowledge);
    const [first, second] = tag([
      "Michael Jordan flew to Amman , the capital of Jordan , on Monday .".split(" "),
      "The European Commission fined the company , officials in Brussels said .".split(" "),
    ]);
    expect(first).toMatchObject([
      { start: 0, end: 2, label: "PER" },
      { start: 4, end: 5, label: "LOC" },
      { start: 9, end: 10, label: "LOC" },
    ]);
    expect(second?.map((s) => [s.start, s.end, s.label])).toEqual([
      [1, 3, "ORG"],
      [9, 10, "LOC"],
    ]);
    for (const span of [...(first ?? []), ...(second ?? [])]) {
      expect(span.confidence).toBeGreaterThan(0);
      expect(span.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("does not take a capitalised sentence opener for a name", () => {
    const [spans] = createNerTagger(model, knowledge)(["Police said the road was closed .".split(" ")]);
    expect(spans).toEqual([]);
  });
});
