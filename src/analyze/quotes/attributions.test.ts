import { beforeAll, describe, expect, it } from "vitest";
import type { Attribution } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { SEED_000, SEED_001, seedArticle } from "../events/seed-fixtures.js";
import { articleOf, entities } from "../events/test-support.js";
import { loadReportingLexicon } from "../lexicons.js";
import { createTokenizer } from "../tokens.js";
import { createAttributionFinder, creditChain } from "./attributions.js";

let tokenizer: AnalysisComponent;
let finder: AnalysisComponent;

beforeAll(() => {
  tokenizer = createTokenizer();
  finder = createAttributionFinder({ lexicon: loadReportingLexicon() });
});

const sources = (found: readonly Attribution[]) =>
  found.map((a) => `${a.cue}:${a.source.canonical ?? a.source.text}`);

describe("createAttributionFinder", () => {
  it("declares what it needs and provides", () => {
    expect(finder).toMatchObject({
      name: "attributions",
      requires: ["tokens", "sentences", "entities"],
      provides: ["attributions"],
    });
  });

  it("finds The Times of Malta in seed 000", () => {
    const article = seedArticle(tokenizer, SEED_000);
    const found = finder.run(article).attributions ?? [];
    const malta = found.find((a) => a.source.actorId === "times-of-malta");
    expect(malta).toMatchObject({ cue: "reported", text: "The Times of Malta reported" });
    for (const a of found) expect(article.text.slice(a.start, a.end)).toBe(a.text);
  });

  it("finds AP, Newsweek, Time and the other cited sources of seed 001", () => {
    const found = finder.run(seedArticle(tokenizer, SEED_001)).attributions ?? [];
    const list = sources(found);
    expect(list.filter((s) => s === "according to:Associated Press")).toHaveLength(2);
    expect(list).toContain("reported:Associated Press");
    expect(list).toContain("reported:Newsweek");
    expect(list).toContain("told:Time");
    expect(list).toContain("reports from:Hezbollah");
    expect(list).toContain("noted:Syrian Observatory for Human Rights");
    expect(list).toContain("contradicted:the U.S.-led coalition");
    expect(found.find((a) => a.source.actorId === "hezbollah")?.source.text).toBe("Hezbollah");
  });

  it("counts a source cited twice in one sentence once, and skips unnamed addressees", () => {
    const text =
      "Reuters reported the vote count, according to Reuters. The minister told reporters the court would rule soon.";
    const found =
      finder.run(
        articleOf(tokenizer, text, {
          entities: entities(text, [
            { needle: "Reuters", type: "ORG", canonical: "Reuters", actorId: "reuters", category: "media" },
          ]),
        }),
      ).attributions ?? [];
    expect(sources(found)).toEqual(["reported:Reuters"]);
  });

  it("reads a court ruling cited through a wire and a seismic agency on another subject", () => {
    const text =
      "The ruling was confirmed by the court, according to the Associated Press. The U.S. Geological Survey said the quake had a magnitude of 6.4, and the agency reported no tsunami.";
    const found = finder.run(articleOf(tokenizer, text)).attributions ?? [];
    expect(sources(found)).toContain("according to:the Associated Press");
    expect(sources(found)).toContain("reported:the agency");
  });

  it("chains a source's own source: article -> Reuters -> military sources", () => {
    const text =
      "Reuters, citing two military sources, reported that the border was closed. The court ruled, according to AFP, citing a lawyer for the family.";
    const found =
      finder.run(
        articleOf(tokenizer, text, {
          entities: entities(text, [
            { needle: "Reuters", type: "ORG", canonical: "Reuters", actorId: "reuters", category: "media" },
            {
              needle: "AFP",
              type: "ORG",
              canonical: "Agence France-Presse",
              actorId: "afp",
              category: "media",
            },
          ]),
        }),
      ).attributions ?? [];
    expect(found.map((a) => [a.source.actorId, a.cue, a.citing?.text])).toEqual([
      ["reuters", "reported", "two military sources"],
      ["afp", "according to", "a lawyer"],
    ]);
  });
});

describe("creditChain", () => {
  it("reads 'X via Y' as the outlet first, then its source", () => {
    expect(creditChain("AP via Independent")).toEqual(["Independent", "AP"]);
    expect(creditChain("Newsweek")).toEqual(["Newsweek"]);
  });
});
