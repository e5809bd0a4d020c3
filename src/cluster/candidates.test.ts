import { describe, expect, it } from "vitest";
import { buildCandidateIndex, type Indexed } from "./candidates.js";

const options = { maxDaysApart: 7, maxWindowPostings: 3, maxPostings: 2, maxCandidates: 50 };

describe("buildCandidateIndex", () => {
  it("finds articles sharing a key within the window and never those far outside it", () => {
    const articles: Indexed[] = [
      { keys: ["p:valencia", "w:flood"], day: 100 },
      { keys: ["p:valencia", "w:flood"], day: 105 }, // inside the week
      { keys: ["p:valencia", "w:flood"], day: 400 }, // a year later
      { keys: ["w:verdict"], day: 101 }, // nothing shared
    ];
    const index = buildCandidateIndex(articles, options);
    expect(index.candidates(0)).toEqual([1]);
    expect(index.candidates(2)).toEqual([]);
  });

  it("skips a key held by more articles in the window than the cap, like a stopword", () => {
    const crowd = [100, 101, 102, 103].map((day) => ({ keys: ["a:country-x"], day }));
    const index = buildCandidateIndex([...crowd, { keys: ["a:country-x", "w:ballot"], day: 102 }], options);
    expect(index.candidates(4)).toEqual([]);
    // Far enough along, the window holds few of them again.
    const later = buildCandidateIndex([...crowd, { keys: ["a:country-x"], day: 109 }], options);
    expect(later.candidates(4)).toEqual([2, 3]);
  });

  it("ranks candidates by shared keys and caps them", () => {
    const articles: Indexed[] = [
      { keys: ["a", "b", "c"], day: 10 },
      { keys: ["a"], day: 10 },
      { keys: ["a", "b", "c"], day: 11 },
      { keys: ["a", "b"], day: 12 },
    ];
    const index = buildCandidateIndex(articles, { ...options, maxWindowPostings: 10, maxCandidates: 2 });
    expect(index.candidates(0)).toEqual([2, 3]);
  });

  it("bounds undated articles by how common a key is among them, and uses the text's day for dated ones", () => {
    const articles: Indexed[] = [
      { keys: ["w:quake", "w:rare"] },
      { keys: ["w:quake", "w:rare"] },
      { keys: ["w:quake"] },
      { keys: ["w:rare"], day: 50 }, // dated near the text's day of the last one
      { keys: ["w:rare"], textDay: 52 },
    ];
    const index = buildCandidateIndex(articles, options);
    // Both keys are held by three undated articles (more than maxPostings): no undated partner is
    // scanned; the one dated article holding "w:rare" still is, few holding it.
    expect(index.candidates(0)).toEqual([3]);
    // The article dated 50 is found through the window around the text's day.
    expect(index.candidates(4)).toEqual([3]);
  });
});
