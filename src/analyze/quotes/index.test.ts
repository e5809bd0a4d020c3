import { beforeAll, describe, expect, it } from "vitest";
import type { Quote } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { SEED_000, SEED_001, seedArticle } from "../events/seed-fixtures.js";
import { articleOf, entities } from "../events/test-support.js";
import { loadReportingLexicon } from "../lexicons.js";
import { createTokenizer } from "../tokens.js";
import { createQuoteFinder, quotedStretches } from "./index.js";

let tokenizer: AnalysisComponent;
let finder: AnalysisComponent;

beforeAll(() => {
  tokenizer = createTokenizer();
  finder = createQuoteFinder({ lexicon: loadReportingLexicon() });
});

function quotesOf(text: string, people: Parameters<typeof entities>[1] = []): Quote[] {
  return finder.run(articleOf(tokenizer, text, { entities: entities(text, people) })).quotes ?? [];
}

describe("createQuoteFinder", () => {
  it("declares what it needs and provides", () => {
    expect(finder).toMatchObject({
      name: "quotes",
      requires: ["tokens", "sentences", "entities"],
      provides: ["quotes"],
    });
  });

  it("finds Ivanov's curly-quoted warning with his role in seed 000", () => {
    const article = seedArticle(tokenizer, SEED_000);
    const quotes = finder.run(article).quotes ?? [];
    const ivanov = quotes.find((q) => q.direct && q.speaker?.actorId === "person:alexander-ivanov");
    expect(ivanov).toMatchObject({
      cue: "said",
      speaker: {
        text: "Alexander Ivanov",
        canonical: "Alexander Ivanov",
        role: "a spokesman for Hmeimim air base",
      },
    });
    expect(ivanov?.content).toMatch(/^These provocative acts .* cowardice of the American side$/);
    expect(ivanov && article.text.slice(ivanov.start, ivanov.end)).toBe(ivanov?.text);
    expect(ivanov?.text.startsWith("“")).toBe(true);
  });

  it("finds Mayhoub's quote with the role before his name in seed 001, and no scare quote", () => {
    const quotes = finder.run(seedArticle(tokenizer, SEED_001)).quotes ?? [];
    const mayhoub = quotes.find((q) => q.direct && q.speaker?.actorId === "person:ali-mayhoub");
    expect(mayhoub).toMatchObject({ cue: "declared", speaker: { role: "Syrian army spokesman" } });
    expect(mayhoub?.content.startsWith("The liberation of Albu Kamal is of great importance")).toBe(true);
    expect(quotes.some((q) => q.content === "deconfliction")).toBe(false);
    // Indirect speech: the coalition "saying there was no evidence".
    const coalition = quotes.find((q) => !q.direct && q.cue === "saying");
    expect(coalition?.speaker?.text).toBe("the U.S.-led coalition");
    expect(coalition?.content).toBe("there was no evidence to suggest al-Baghdadi was in Albu Kamal");
  });

  it("reads X said: \"...\" and a quote split by 'he said'", () => {
    const people = [{ needle: "Jane Doe", type: "PERSON" as const, canonical: "Jane Doe", actorId: "p:doe" }];
    const before = quotesOf('The mayor, Jane Doe, said: "We will rebuild every school in the city."', people);
    expect(before[0]).toMatchObject({
      direct: true,
      cue: "said",
      content: "We will rebuild every school in the city.",
    });
    expect(before[0]?.speaker?.text).toBe("Jane Doe");
    const text =
      'Jane Doe spoke on Monday. "The count is not over," she said, "and every vote will be counted."';
    const split = quotesOf(text, people);
    expect(split).toHaveLength(1);
    expect(split[0]).toMatchObject({
      content: "The count is not over and every vote will be counted.",
      speaker: { text: "she", canonical: "Jane Doe" },
    });
    expect(split[0]?.text).toBe('"The count is not over," she said, "and every vote will be counted."');
  });

  it("reads '\"...\" X told Y' and indirect 'X said that'", () => {
    const quotes = quotesOf(
      '"The court has spoken and we accept its ruling," the party leader told reporters. The prime minister said that the election would be held in May.',
    );
    expect(quotes[0]).toMatchObject({ direct: true, cue: "told", speaker: { text: "the party leader" } });
    expect(quotes[1]).toMatchObject({
      direct: false,
      cue: "said",
      speaker: { text: "The prime minister" },
      content: "the election would be held in May",
    });
  });

  it("keeps scare quotes and infinitives out", () => {
    expect(quotesOf('Officials hope to expand "deconfliction" areas and the "safe zone" plan.')).toEqual([]);
    expect(quotesOf("There was no evidence to suggest the leader was in the town.")).toEqual([]);
  });
});

describe("quotedStretches", () => {
  it("pairs straight and curly marks within a paragraph and leaves an unclosed mark alone", () => {
    const text = 'He said "one two three" and “four five six”.\n\n"unclosed words here';
    expect(quotedStretches(text).map((q) => q.content)).toEqual(["one two three", "four five six"]);
  });
});
