import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Quantity } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { publishedOn, tokenizedArticle } from "../test-support.js";
import { createTimeNormalizer } from "../times/index.js";
import { createTokenizer } from "../tokens.js";
import { createQuantityRecognizer } from "./index.js";

const seed = (name: string) =>
  readFileSync(new URL(`../../../examples/albu-kamal/${name}`, import.meta.url), "utf8");

let tokenizer: AnalysisComponent;
let times: AnalysisComponent;
let recognizer: AnalysisComponent;

beforeAll(() => {
  tokenizer = createTokenizer();
  times = createTimeNormalizer();
  recognizer = createQuantityRecognizer();
});

/** Runs tokens, times and quantities on a hand-made article. */
function quantitiesOf(text: string, published = "2024-03-11"): Quantity[] {
  let article = tokenizedArticle(tokenizer, text, publishedOn(published));
  for (const component of [times]) {
    article = { ...article, annotations: { ...article.annotations, ...component.run(article) } };
  }
  return recognizer.run(article).quantities ?? [];
}

function find(quantities: Quantity[], text: string): Quantity {
  const found = quantities.find((q) => q.text === text);
  if (!found) throw new Error(`no quantity "${text}" in ${JSON.stringify(quantities.map((q) => q.text))}`);
  return found;
}

describe("the seed articles", () => {
  it("reads the fighters estimate of 001 as a range with what it counts", () => {
    const quantities = quantitiesOf(seed("001_00835ee31e389aee.txt"), "2017-11-10");
    const fighters = find(quantities, "between 2,500 and 3,500 ISIS fighters");
    expect(fighters).toMatchObject({
      low: 2500,
      high: 3500,
      approximate: false,
      unit: "fighter",
      counted: "ISIS fighters",
    });
    expect(fighters.value).toBeUndefined();
    // "Nov. 8" and "Nov. 9" are dates, not counts
    expect(quantities.some((q) => /\b[89]\b/.test(q.text))).toBe(false);
  });

  it("reads 000, skipping years, durations and codes", () => {
    const text = seed("000_94ae060d2235aff0.txt");
    const quantities = quantitiesOf(text, "2017-11-10");
    expect(find(quantities, "Hunderds of thousands of people")).toMatchObject({
      low: 200_000,
      approximate: true,
      unit: "people",
      counted: "people",
    });
    expect(find(quantities, "half of Syria’s landmass")).toMatchObject({ value: 0.5, unit: "landmass" });
    const texts = quantities.map((q) => q.text).join(" | ");
    for (const skipped of ["2014", "2011", "2017", "six", "two", "8A", "9:52"])
      expect(texts).not.toContain(skipped);
    for (const q of quantities) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe("other news", () => {
  it("reads an election report", () => {
    const quantities = quantitiesOf(
      "Turnout was 61.4 percent, up from 58% in 2019, and the party won 3.5 million votes, nearly 300 more seats than " +
        "forecast and two-thirds of the vote in twenty-five districts.",
    );
    expect(find(quantities, "61.4 percent")).toMatchObject({
      value: 61.4,
      unit: "percent",
      approximate: false,
    });
    expect(find(quantities, "58%")).toMatchObject({ value: 58, unit: "percent" });
    expect(find(quantities, "3.5 million votes")).toMatchObject({ value: 3_500_000, unit: "vote" });
    expect(find(quantities, "nearly 300 more seats")).toMatchObject({
      value: 300,
      approximate: true,
      unit: "seat",
    });
    expect(find(quantities, "two-thirds of the vote").unit).toBe("vote");
    expect(find(quantities, "twenty-five districts")).toMatchObject({ value: 25, unit: "district" });
    expect(quantities.some((q) => q.text.includes("2019"))).toBe(false);
  });

  it("reads a court ruling: a 5-4 vote is a tally, not a range", () => {
    const quantities = quantitiesOf(
      "The Supreme Court ruled 5-4 on Thursday, and one of the justices wrote a dissent.",
    );
    const tally = find(quantities, "5-4");
    expect(tally.low).toBeUndefined();
    expect(tally.high).toBeUndefined();
    expect(tally.value).toBeUndefined();
    expect(quantities.some((q) => q.text.startsWith("one"))).toBe(false);
  });

  it("reads an earthquake report", () => {
    const quantities = quantitiesOf(
      "A magnitude 7.8 earthquake killed at least 12 people, injured more than 100 and left up to 40 villagers " +
        "missing; between 2,500-3,500 homes and from 10 to 12 schools collapsed, and $3 million in aid arrived. " +
        "A dozen soldiers and dozens of volunteers helped.",
    );
    expect(find(quantities, "magnitude 7.8 earthquake")).toMatchObject({ value: 7.8, unit: "magnitude" });
    expect(find(quantities, "at least 12 people")).toMatchObject({ low: 12, unit: "people" });
    expect(find(quantities, "more than 100")).toMatchObject({ low: 100 });
    expect(find(quantities, "up to 40 villagers")).toMatchObject({ high: 40, unit: "villager" });
    expect(find(quantities, "between 2,500-3,500 homes")).toMatchObject({
      low: 2500,
      high: 3500,
      unit: "home",
    });
    expect(find(quantities, "from 10 to 12 schools")).toMatchObject({ low: 10, high: 12, unit: "school" });
    expect(find(quantities, "$3 million")).toMatchObject({ value: 3_000_000, unit: "dollar" });
    expect(find(quantities, "A dozen soldiers")).toMatchObject({
      value: 12,
      approximate: true,
      unit: "soldier",
    });
    expect(find(quantities, "dozens of volunteers")).toMatchObject({
      low: 24,
      approximate: true,
      unit: "volunteer",
    });
  });

  it("reads a unit written before the number or hyphenated after it", () => {
    const quantities = quantitiesOf("A 6.1-magnitude aftershock followed the magnitude 7.8 quake.");
    expect(find(quantities, "6.1-magnitude aftershock")).toMatchObject({
      value: 6.1,
      unit: "magnitude",
      counted: "aftershock",
    });
    expect(find(quantities, "magnitude 7.8 quake")).toMatchObject({ value: 7.8, unit: "magnitude" });
  });

  it("skips numbers in names and codes", () => {
    const quantities = quantitiesOf("F-16 jets and a P-8A plane flew over Covid-19 wards at 9:52 on Nov. 9.");
    expect(quantities).toEqual([]);
  });
});

describe("casualties, fractions and what is not a quantity", () => {
  it("reads 2,500 as a count of fighters, not a year, and ties it to their death", () => {
    const quantities = quantitiesOf("About 2,500 fighters were killed and 40 wounded in 2017.", "2017-11-10");
    expect(find(quantities, "About 2,500 fighters")).toMatchObject({
      value: 2500,
      approximate: true,
      unit: "fighter",
      casualty: "killed",
    });
    expect(find(quantities, "40 wounded")).toMatchObject({ value: 40, casualty: "wounded" });
    expect(quantities.some((q) => q.text.includes("2017"))).toBe(false);
  });

  it("ties counts to killed, wounded, captured, displaced and missing on other subjects", () => {
    const quantities = quantitiesOf(
      "The earthquake killed at least 120 people and displaced 3,000 families. Some 300 residents remain missing. " +
        "Police arrested 45 protesters after the election. The death toll rose to 85 on Tuesday.",
    );
    expect(find(quantities, "at least 120 people")).toMatchObject({ low: 120, casualty: "killed" });
    expect(find(quantities, "3,000 families")).toMatchObject({ casualty: "displaced" });
    expect(find(quantities, "Some 300 residents")).toMatchObject({ approximate: true, casualty: "missing" });
    expect(find(quantities, "45 protesters")).toMatchObject({ casualty: "captured" });
    expect(find(quantities, "85")).toMatchObject({ value: 85, casualty: "killed" });
  });

  it("reads a toll whose subject names the happening at length, but not past another figure", () => {
    const quantities = quantitiesOf(
      "The death toll from Tuesday's flooding in the northern province rose to 58 on Wednesday. " +
        "The death toll from the storm in 12 villages on the coast climbed to 30.",
    );
    expect(find(quantities, "58")).toMatchObject({ value: 58, casualty: "killed" });
    expect(find(quantities, "30")).toMatchObject({ value: 30, casualty: "killed" });
    expect(find(quantities, "12 villages").casualty).toBeUndefined();
    const far = quantitiesOf(
      "The death toll was not known, and the company said its shares rose to 58 cents.",
    );
    expect(find(far, "58 cents").casualty).toBeUndefined();
  });

  it("does not make the doers of a killing its victims, nor money or shares casualties", () => {
    const quantities = quantitiesOf(
      "50 militants killed 12 soldiers. The court fined the firm $3 million for the deaths.",
    );
    expect(find(quantities, "50 militants").casualty).toBeUndefined();
    expect(find(quantities, "12 soldiers").casualty).toBe("killed");
    expect(find(quantities, "$3 million").casualty).toBeUndefined();
  });

  it("reads fractions of what is counted and vague large numbers", () => {
    const quantities = quantitiesOf(
      "The army holds half of Syria's landmass. Hundreds of thousands of people fled. Two-thirds of the voters backed him.",
    );
    expect(find(quantities, "half of Syria's landmass")).toMatchObject({
      value: 0.5,
      fraction: true,
      counted: "Syria's landmass",
    });
    expect(find(quantities, "Hundreds of thousands of people")).toMatchObject({
      low: 200_000,
      approximate: true,
      casualty: "displaced",
    });
    expect(find(quantities, "Two-thirds of the voters").fraction).toBe(true);
    expect(find(quantities, "half of Syria's landmass").unit).toBe("landmass");
  });

  it("keeps ordinals and years out", () => {
    const quantities = quantitiesOf(
      "It was the third attack since 2015 and the 21st ruling of the court this year.",
    );
    expect(quantities).toEqual([]);
  });
});
