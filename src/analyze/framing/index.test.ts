import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedTerm } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { SEED_000, SEED_001, seedArticle } from "../events/seed-fixtures.js";
import { articleOf } from "../events/test-support.js";
import { type FramingLexicon, loadFramingLexicon } from "../lexicons.js";
import { createTokenizer } from "../tokens.js";
import { createFramingTagger } from "./index.js";

let tokenizer: AnalysisComponent;
let lexicon: FramingLexicon;
let tagger: AnalysisComponent;

beforeAll(() => {
  tokenizer = createTokenizer();
  lexicon = loadFramingLexicon();
  tagger = createFramingTagger({ lexicon });
});

const termsOf = (text: string): LoadedTerm[] => tagger.run(articleOf(tokenizer, text)).framing ?? [];

describe("createFramingTagger", () => {
  it("declares what it needs and provides, and ships at least 150 entries with a category and note", () => {
    expect(tagger).toMatchObject({ name: "framing", requires: ["tokens"], provides: ["framing"] });
    expect(lexicon.entries.length).toBeGreaterThanOrEqual(1000);
    for (const entry of lexicon.entries) expect(entry.note.length).toBeGreaterThan(5);
  });

  it("tags the loaded wording of seed 000, the longest entry winning", () => {
    const article = seedArticle(tokenizer, SEED_000);
    const found = tagger.run(article).framing ?? [];
    const byEntry = new Map(found.map((t) => [t.entry, t]));
    expect(byEntry.get("US-sponsored terror")).toMatchObject({
      text: "US-sponsored terror",
      category: "pejorative-label",
    });
    expect(byEntry.get("cowardice")?.category).toBe("emotive");
    expect(byEntry.get("provocative")?.category).toBe("emotive");
    expect(byEntry.get("jihadists")?.category).toBe("pejorative-label");
    expect(byEntry.get("fake news")?.category).toBe("delegitimising");
    // "terror" inside "US-sponsored terror" is not tagged a second time.
    expect(found.filter((t) => t.entry === "terror")).toEqual([]);
    for (const t of found) expect(article.text.slice(t.start, t.end)).toBe(t.text);
  });

  it("tags partisan and neutral labels in seed 001", () => {
    const found = tagger.run(seedArticle(tokenizer, SEED_001)).framing ?? [];
    const entries = found.map((t) => `${t.category}:${t.text}`);
    expect(entries).toContain("partisan-label:liberation");
    expect(entries).toContain("partisan-label:liberated");
    expect(entries).toContain("delegitimising:regime");
    expect(entries).toContain("neutral-label:Militants");
  });

  it("matches on lemmas and lower case, on other subjects", () => {
    const found = termsOf(
      "Protesters called the vote a sham election. Police said thugs slaughtered three people.",
    );
    expect(found.map((t) => `${t.entry}:${t.text}`)).toEqual([
      "sham election:sham election",
      "thugs:thugs",
      "slaughtered:slaughtered",
    ]);
    expect(termsOf("The court ruled on the appeal after an earthquake struck the region.")).toEqual([]);
  });

  it("tags loaded verbs of saying, hedges and evaluatives in political news, on their lemmas", () => {
    const found = termsOf(
      "The embattled governor lashed out at reporters and reportedly insisted that the audit was a partisan witch hunt. " +
        "Critics say the disastrous plan was rammed through.",
    );
    expect(found.map((t) => `${t.category}:${t.text}`)).toEqual([
      "evaluative:embattled",
      "loaded-verb:lashed out",
      "hedge:reportedly",
      "loaded-verb:insisted that",
      "delegitimising:partisan witch hunt",
      "hedge:Critics say",
      "evaluative:disastrous",
      "loaded-verb:rammed through",
    ]);
  });

  it("leaves the plain senses of ambiguous words alone", () => {
    // "blast", "snap election", "conceded defeat", "admitted to hospital" and "Amnesty" are plain news wording.
    const plain =
      "A blast damaged the station. Voters went to the polls in a snap election, and the loser conceded defeat. " +
      "Hospitals admitted dozens of injured people, Amnesty International said.";
    expect(termsOf(plain)).toEqual([]);
    expect(
      termsOf("The senator blasted the bill and conceded that it would pass.").map((t) => t.entry),
    ).toEqual(["blasted", "conceded that"]);
  });

  it("gives every entry a known, weighted category and lists no term twice", () => {
    const categories = new Set([
      "dehumanising",
      "pejorative-label",
      "delegitimising",
      "emotive",
      "partisan-label",
      "euphemism",
      "intensifier",
      "conspiracy",
      "neutral-label",
      "loaded-verb",
      "hedge",
      "evaluative",
    ]);
    for (const entry of lexicon.entries) expect(categories, entry.term).toContain(entry.category);
    for (const category of categories) expect(lexicon.weights[category], category).toBeTypeOf("number");
    // The spec's order of how much a category loads a sentence.
    const w = lexicon.weights as Record<string, number>;
    expect(w.dehumanising).toBeGreaterThan(w["pejorative-label"] as number);
    expect(w["pejorative-label"]).toBeGreaterThan(w.emotive as number);
    expect(w.emotive).toBeGreaterThan(w["loaded-verb"] as number);
    expect(w["loaded-verb"]).toBeGreaterThan(w.hedge as number);
    expect(w["neutral-label"]).toBe(0);
    const terms = lexicon.entries.map((e) => e.term.toLowerCase());
    expect(terms.filter((t, i) => terms.indexOf(t) !== i)).toEqual([]);
  });
});
