import { describe, expect, it } from "vitest";
import type { ArticleFeatures } from "./features.js";
import { createDenseDot, createVocabulary, keyFactors } from "./vector.js";

const boosts = { person: 1, actor: 1, place: 1, region: 0.5, day: 1 };

function features(terms: [string, number][]): ArticleFeatures {
  return { id: "x", terms: new Map(terms), actors: new Set(), persons: [], places: new Set(), years: [] };
}

describe("createVocabulary", () => {
  it("numbers keys in first-seen order and counts the articles holding each", () => {
    const vocabulary = createVocabulary(2);
    vocabulary.add(
      features([
        ["w:earthqu", 3],
        ["p:g1", 1],
      ]),
    );
    vocabulary.add(
      features([
        ["w:verdict", 1],
        ["w:earthqu", 1],
      ]),
    );
    expect(vocabulary.keys).toEqual(["w:earthqu", "p:g1", "w:verdict"]);
    expect([...vocabulary.documentFrequency()]).toEqual([2, 1, 1]);
    expect([...vocabulary.bagIds(1)]).toEqual([2, 0]);
  });

  it("keeps a million distinct keys apart as its table and buffers grow past their first size", () => {
    const vocabulary = createVocabulary(1);
    const many = 1_000_000;
    vocabulary.add(features(Array.from({ length: many }, (_, k): [string, number] => [`w:${k}`, 1])));
    vocabulary.add(
      features([
        ["w:999999", 1],
        ["w:0", 2],
      ]),
    );
    expect(vocabulary.keys.length).toBe(many);
    const df = vocabulary.documentFrequency();
    expect([df[0], df[1], df[many - 1]]).toEqual([2, 1, 2]);
    expect([...vocabulary.bagIds(1)]).toEqual([many - 1, 0]);
  });

  it("weighs unit vectors, ids ascending, whose dot product is their cosine", () => {
    const vocabulary = createVocabulary(3);
    vocabulary.add(
      features([
        ["w:ballot", 2],
        ["w:turnout", 1],
      ]),
    );
    vocabulary.add(
      features([
        ["w:turnout", 1],
        ["w:ballot", 2],
      ]),
    );
    vocabulary.add(features([["w:magnitu", 1]]));
    const store = vocabulary.vectors(keyFactors(vocabulary, 3, boosts));
    const first = store.weights.subarray(store.offsets[0], store.offsets[1]);
    expect(first.reduce((sum, w) => sum + w * w, 0)).toBeCloseTo(1, 12);
    expect([...store.ids.subarray(store.offsets[1], store.offsets[2])]).toEqual([0, 1]);
    const cosine = createDenseDot(store, vocabulary.keys.length);
    cosine.load(0);
    expect(cosine.dot(1)).toBeCloseTo(1, 12);
    expect(cosine.dot(2)).toBe(0);
    cosine.unload(0);
    cosine.load(2);
    expect(cosine.dot(0)).toBe(0);
  });
});
