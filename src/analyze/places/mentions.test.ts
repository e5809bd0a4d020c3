import { beforeAll, describe, expect, it } from "vitest";
import type { Article, Place } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { createTokenizer } from "../tokens.js";
import type { Gazetteer } from "./gazetteer.js";
import { createPlaceResolver } from "./resolver.js";
import { articleWithEntities, builtGazetteer, type EntitySpec } from "./test-support.js";

let gazetteer: Gazetteer;
let resolver: AnalysisComponent;
const tokenizer = createTokenizer();

beforeAll(() => {
  gazetteer = builtGazetteer();
  resolver = createPlaceResolver({ gazetteer });
});

/** Hand-made entities over real tokens, as the pipeline gives them to the resolver. */
function tokenized(text: string, specs: EntitySpec[]): Article {
  const article = articleWithEntities(text, specs);
  return { ...article, annotations: { ...article.annotations, ...tokenizer.run(article) } };
}

function places(text: string, specs: EntitySpec[]): Place[] {
  return resolver.run(tokenized(text, specs)).places ?? [];
}

describe("widening a mention to the whole name", () => {
  it("joins a demonym the recogniser split off ('British' + 'Columbia')", () => {
    const found = places("Wildfires spread across British Columbia on Sunday.", [
      ["British", "NORP"],
      ["Columbia", "GPE"],
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: "British Columbia", feature: "admin1", countryCode: "CA" });
  });

  it("joins two halves over 'of the' into one place", () => {
    const found = places("Aid reached the Democratic Republic of the Congo by road.", [
      ["Democratic Republic", "GPE"],
      ["Congo", "GPE"],
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      text: "Democratic Republic of the Congo",
      feature: "country",
      countryCode: "CD",
    });
  });

  it("does not widen over a line break or into words that make no known place", () => {
    const found = places("Votes were counted in Ohio\nResults follow.", [["Ohio", "GPE"]]);
    expect(found[0]).toMatchObject({ text: "Ohio", countryCode: "US" });
    const court = places("The Supreme Court in Brazil ruled.", [["Brazil", "GPE"]]);
    expect(court[0]).toMatchObject({ text: "Brazil", feature: "country" });
  });
});

describe("places inside and outside place-typed entities", () => {
  it("finds a strong place inside a name the gazetteer lacks", () => {
    const [queensland] = places("Floods hit Far North Queensland overnight.", [
      ["Far North Queensland", "GPE"],
    ]);
    expect(queensland).toMatchObject({ text: "Queensland", feature: "admin1", countryCode: "AU" });
  });

  it("reads a province or country typed ORG as a place, with less confidence", () => {
    const found = places("Kentucky State Police closed the road, and the U.S. sent help.", [
      ["Kentucky State Police", "ORG"],
      ["U.S.", "ORG"],
    ]);
    expect(found.map((p) => p.text)).toEqual(["Kentucky", "U.S."]);
    expect(found[0]).toMatchObject({ feature: "admin1", countryCode: "US", name: "Kentucky" });
    expect(found[0]?.confidence).toBeLessThanOrEqual(0.8);
    expect(found[1]).toMatchObject({ feature: "country", countryCode: "US" });
  });

  it("does not turn organisations named like villages into places", () => {
    const found = places("Apple and Police Scotland said nothing.", [
      ["Apple", "ORG"],
      ["Police", "ORG"],
    ]);
    expect(found).toEqual([]);
  });

  it("leaves people named like places alone", () => {
    const found = places("Chad Smith said Jordan Peterson would speak; Georgia May Jagger did not.", [
      ["Chad Smith", "PERSON"],
      ["Jordan Peterson", "PERSON"],
      ["Georgia May Jagger", "PERSON"],
    ]);
    expect(found).toEqual([]);
    const [chad] = places("Chad Smith sent troops to Chad.", [
      ["Chad Smith", "PERSON"],
      ["Chad", "GPE", 1],
    ]);
    expect(chad).toMatchObject({ feature: "country", countryCode: "TD", start: 26 });
  });

  it("takes seas and continents for what they are, not for villages named after a word of them", () => {
    const found = places("The ship crossed the Indian Ocean from Africa to Asia.", [
      ["Indian Ocean", "LOC"],
      ["Africa", "LOC"],
      ["Asia", "LOC"],
    ]);
    expect(found.map((p) => [p.text, p.feature, p.featureCode])).toEqual([
      ["Indian Ocean", "water", "OCN"],
      ["Africa", "region", "CONT"],
      ["Asia", "region", "CONT"],
    ]);
  });
});

describe("place names inside organisation names", () => {
  it("takes the whole county in a sheriff's office, not a capital named like its first word", () => {
    const found = places("Deputies from the Plymouth County Sheriff's Office searched the river.", [
      ["Plymouth County Sheriff's Office", "ORG"],
    ]);
    expect(found.map((p) => [p.text, p.featureCode, p.countryCode])).toEqual([
      ["Plymouth County", "ADM2", "US"],
    ]);
  });
});
