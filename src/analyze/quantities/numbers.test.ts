import { beforeAll, describe, expect, it } from "vitest";
import { loadQuantityLexicon, parseQuantityLexicon } from "./lexicon.js";
import { createNumberReader, type NumberReader } from "./numbers.js";

let reader: NumberReader;

beforeAll(() => {
  reader = createNumberReader(loadQuantityLexicon().numbers);
});

/** The first number phrase of a text, as [surface, value or low]. */
function first(text: string): [string, number | undefined] | undefined {
  const phrase = reader.scan(text)[0];
  return phrase && [text.slice(phrase.start, phrase.end), phrase.value ?? phrase.low];
}

describe("createNumberReader", () => {
  it("reads digits, separators, decimals and scales", () => {
    expect(first("some 2,500 men")).toEqual(["2,500", 2500]);
    expect(first("3.5 million voters")).toEqual(["3.5 million", 3_500_000]);
    expect(first("a $1.2bn loan")).toEqual(["1.2bn", 1_200_000_000]);
    expect(first("61.4 percent")).toEqual(["61.4", 61.4]);
  });

  it("reads numbers in words", () => {
    expect(first("twenty-five children")).toEqual(["twenty-five", 25]);
    expect(first("one hundred and twelve days")).toEqual(["one hundred and twelve", 112]);
    expect(first("six and a half years")).toEqual(["six and a half", 6.5]);
    expect(first("a dozen soldiers")).toEqual(["a dozen", 12]);
    expect(first("half a million people")).toEqual(["half a million", 500_000]);
    expect(first("two-thirds of voters")?.[1]).toBeCloseTo(2 / 3);
    expect(first("half of the country")).toEqual(["half", 0.5]);
  });

  it("reads vague plurals as lower bounds", () => {
    expect(first("Hundreds of thousands of people")).toEqual(["Hundreds of thousands", 200_000]);
    expect(first("Hunderds of thousands of people")).toEqual(["Hunderds of thousands", 200_000]);
    expect(first("dozens of civilians")).toEqual(["dozens", 24]);
    expect(first("several hundred protesters")).toEqual(["several hundred", 300]);
    const phrase = reader.scan("tens of thousands fled")[0];
    expect(phrase).toMatchObject({ low: 20_000, approximate: true });
    expect(phrase?.value).toBeUndefined();
  });

  it("skips codes, ordinals, clock times and words that only look like numbers", () => {
    for (const text of [
      "a P-8A plane",
      "Covid-19 cases",
      "F-16 jets",
      "the 3rd day",
      "at 9:52",
      "24/7",
      "the 1990s",
    ]) {
      expect(first(text), text).toBeUndefined();
    }
    expect(first("in the second half")).toBeUndefined();
    expect(first("test scores rose")).toBeUndefined();
    expect(first("one and two")).toEqual(["one", 1]);
  });

  it("marks bare integers, the year candidates", () => {
    expect(reader.scan("in 2014")[0]?.plainInteger).toBe(true);
    expect(reader.scan("2,014 people")[0]?.plainInteger).toBe(false);
  });
});

describe("parseQuantityLexicon", () => {
  it("names the bad entry", () => {
    expect(() => parseQuantityLexicon({ numbers: {}, quantities: {}, times: {} })).toThrow(/numbers\.units/);
    const broken = structuredClone(JSON.parse(JSON.stringify(loadQuantityLexicon())));
    broken.times.durationUnits.year.precision = "eon";
    expect(() => parseQuantityLexicon(broken)).toThrow(/durationUnits\.year\.precision/);
  });
});
