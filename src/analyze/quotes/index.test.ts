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

describe("speakers, descriptions and nested quotes", () => {
  const hassan = [
    {
      needle: "Ahmed Hassan",
      type: "PERSON" as const,
      canonical: "Ahmed Hassan",
      actorId: "person:ahmed-hassan",
    },
  ];

  it("reads a speaker named only after the quote, with the role in an aside", () => {
    const [quote] = quotesOf('"We will not leave," said Ahmed Hassan, a local official.', hassan);
    expect(quote).toMatchObject({
      direct: true,
      cue: "said",
      content: "We will not leave",
      speaker: { text: "Ahmed Hassan", actorId: "person:ahmed-hassan", role: "a local official" },
    });
  });

  it('resolves "he said" to the last person named, across a sentence about someone else\'s words', () => {
    const text =
      'Ahmed Hassan toured the flooded district on Monday. "Every family will be housed by winter," he said. "The dams held."';
    const [quote] = quotesOf(text, hassan);
    expect(quote?.speaker).toMatchObject({
      text: "he",
      canonical: "Ahmed Hassan",
      actorId: "person:ahmed-hassan",
    });
  });

  it("takes the speaker before an unmarked quote that ends its sentence, not the next sentence's subject", () => {
    const text =
      'Ahmed Hassan spoke first. He said "the court must rule before the election." The judge Jane Doe said nothing.';
    const quote = quotesOf(text, hassan).find((q) => q.direct);
    expect(quote?.speaker).toMatchObject({ text: "He", canonical: "Ahmed Hassan" });
  });

  it('resolves "a spokesman for X" to the entity of X, before or after the quote', () => {
    const un = [
      { needle: "United Nations", type: "ORG" as const, canonical: "United Nations", actorId: "un" },
    ];
    const [after] = quotesOf(
      '"Aid convoys are ready to cross," a spokeswoman for the United Nations said.',
      un,
    );
    expect(after?.speaker).toMatchObject({
      text: "a spokeswoman",
      role: "a spokeswoman for the United Nations",
      canonical: "United Nations",
      actorId: "un",
      affiliation: { text: "United Nations", actorId: "un" },
    });
    const ministry = [
      {
        needle: "Health Ministry",
        type: "ORG" as const,
        canonical: "Ministry of Health",
        actorId: "org:health",
      },
    ];
    const [indirect] = quotesOf(
      "A spokesman for the Health Ministry said that 40 people were wounded in the quake.",
      ministry,
    );
    expect(indirect).toMatchObject({ direct: false, content: "40 people were wounded in the quake" });
    expect(indirect?.speaker).toMatchObject({
      actorId: "org:health",
      affiliation: { actorId: "org:health" },
    });
  });

  it("gives a named speaker the body of the role around the name", () => {
    const specs = [
      { needle: "Jane Doe", type: "PERSON" as const, canonical: "Jane Doe", actorId: "person:jane-doe" },
      {
        needle: "Electoral Commission",
        type: "ORG" as const,
        canonical: "Electoral Commission",
        actorId: "org:ec",
      },
    ];
    const [quote] = quotesOf(
      '"The count will resume at dawn," said Jane Doe, a spokeswoman for the Electoral Commission.',
      specs,
    );
    expect(quote?.speaker).toMatchObject({
      actorId: "person:jane-doe",
      role: "a spokeswoman for the Electoral Commission",
      affiliation: { actorId: "org:ec" },
    });
  });

  it("keeps a quote inside a quote whole in the outer one, and gives it to its own speaker when one is named", () => {
    const text =
      "“The commander told us: “Nobody leaves the town tonight,” and we stayed in the cellar,” said Ahmed Hassan.";
    const quotes = quotesOf(text, hassan);
    const outer = quotes.find((q) => q.speaker?.actorId === "person:ahmed-hassan");
    expect(outer?.text).toBe(text.slice(0, text.indexOf(" said")));
    expect(outer?.content).toContain("“Nobody leaves the town tonight,” and we stayed in the cellar");
    const inner = quotes.find((q) => q.content === "Nobody leaves the town tonight");
    expect(inner).toMatchObject({
      speaker: { text: "The commander" },
      provenance: { method: "pattern:nested-quote" },
    });
    // Without a named inner speaker the inner words stay only in the outer quote: no broken span.
    const plain = quotesOf("“They shouted “go home now” at us for an hour,” said Ahmed Hassan.", hassan);
    expect(plain).toHaveLength(1);
    expect(plain[0]?.content).toBe("They shouted “go home now” at us for an hour");
    for (const q of [...quotes, ...plain]) expect(q.text.startsWith("“")).toBe(true);
  });
});

describe("quotedStretches", () => {
  it("nests a quote in a quote instead of closing the outer one at the inner mark", () => {
    const text = "“He said “we will win the vote” and smiled,” she recalled.";
    const stretches = quotedStretches(text);
    expect(stretches.map((q) => [q.content, q.depth])).toEqual([
      ["He said “we will win the vote” and smiled,", 0],
      ["we will win the vote", 1],
    ]);
  });

  it("drops a paragraph's quotes when its outer mark never closes", () => {
    expect(quotedStretches("“He said “we will win” and then the text ends")).toEqual([]);
  });

  it("pairs straight and curly marks within a paragraph and leaves an unclosed mark alone", () => {
    const text = 'He said "one two three" and “four five six”.\n\n"unclosed words here';
    expect(quotedStretches(text).map((q) => q.content)).toEqual(["one two three", "four five six"]);
  });
});
