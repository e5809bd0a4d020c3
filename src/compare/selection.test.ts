import { beforeAll, describe, expect, it } from "vitest";
import type { Article, CopyGroup, Quote, TimeMention } from "../model/index.js";
import type { AnalysisComponent } from "../analyze/component.js";
import { createTokenizer } from "../analyze/tokens.js";
import { tokenizedArticle } from "../analyze/test-support.js";
import { outletLabels } from "../common/labels.js";
import {
  createPassageSelector,
  loadSelectionLexicon,
  parseSelectionLexicon,
  type PassageSelector,
  type SelectionLexicon,
} from "./selection.js";

let tokenizer: AnalysisComponent;
let lexicon: SelectionLexicon;
let selector: PassageSelector;

beforeAll(() => {
  tokenizer = createTokenizer();
  lexicon = loadSelectionLexicon();
  selector = createPassageSelector({ lexicon });
});

function article(id: string, outlet: string, text: string, fields: Partial<Article> = {}): Article {
  return tokenizedArticle(tokenizer, text, {
    id,
    outlet: { value: outlet, source: "test" },
    published: { value: "2021-03-09", precision: "day", source: "test" },
    ...fields,
  });
}

/** The sentence of `a` that contains `words`, with its measurements. */
function featuresOf(articles: Article[], a: Article, words: string) {
  const all = selector.features(articles, outletLabels(articles));
  const found = all.find((f) => f.articleId === a.id && a.text.slice(f.start, f.end).includes(words));
  if (!found) throw new Error(`no sentence with "${words}"`);
  return { ...found, ...selector.score(found) };
}

const QUAKE_A = [
  "A magnitude 6.1 earthquake struck the coastal city of Port Selma on Tuesday morning.",
  "At least 40 people were killed and hundreds were injured in the collapse of apartment blocks.",
  "Insurers could face a bill that may signal deeper trouble for the regional economy.",
  "The city has long been known for cheap housing built since a construction boom in 1998.",
].join(" ");
const QUAKE_B = [
  "An earthquake of magnitude 6.1 struck the coastal city of Port Selma on Tuesday.",
  "At least 40 people were killed when apartment blocks collapsed, officials said.",
  "Rescue teams with dogs searched the rubble through the night.",
].join(" ");
const QUAKE_C = [
  "The magnitude 6.1 earthquake hit Port Selma, a coastal city, on Tuesday morning.",
  "Officials said at least 40 people were killed as apartment blocks collapsed.",
  "The mayor thanked volunteers who brought water and blankets.",
].join(" ");

describe("selectPassages: an earthquake told by three outlets", () => {
  it("a sentence every outlet tells is not exclusive; one no one else tells is", () => {
    const stories = [
      article("a", "Alpha", QUAKE_A),
      article("b", "Beta", QUAKE_B),
      article("c", "Gamma", QUAKE_C),
    ];
    const [a] = stories as [Article];
    const shared = featuresOf(stories, a, "struck the coastal city");
    expect(shared.nearest).toBeGreaterThan(0.5);
    expect(shared.cues).not.toContain("exclusive");
    const alone = featuresOf(stories, a, "Insurers could");
    expect(alone.nearest).toBeLessThan(0.15);
    expect(alone.cues).toContain("exclusive");
  });

  it("marks speculation and background by their cue words", () => {
    const stories = [article("a", "Alpha", QUAKE_A), article("b", "Beta", QUAKE_B)];
    const [a] = stories as [Article];
    expect(featuresOf(stories, a, "Insurers could").cues).toContain("speculation");
    expect(featuresOf(stories, a, "has long been").cues).toContain("background");
    expect(featuresOf(stories, a, "At least 40").cues).not.toContain("speculation");
    expect(featuresOf(stories, a, "At least 40").cues).not.toContain("background");
  });

  it("does not read the month May as speculation", () => {
    const text = "Voters went to the polls in May after a long campaign across the country.";
    const stories = [article("a", "Alpha", text), article("b", "Beta", QUAKE_B)];
    expect(featuresOf(stories, stories[0] as Article, "polls").speculation).toBe(0);
  });

  it("returns passages with the model's fields, strongest cues selected", () => {
    const stories = [
      article("a", "Alpha", QUAKE_A),
      article("b", "Beta", QUAKE_B),
      article("c", "Gamma", QUAKE_C),
    ];
    const passages = selector.select(stories, outletLabels(stories));
    const insurers = passages.find((p) => QUAKE_A.slice(p.start, p.end).startsWith("Insurers"));
    expect(insurers).toMatchObject({ articleId: "a", outlet: "Alpha", sentence: 2 });
    expect(insurers?.score).toBeGreaterThanOrEqual(0.4);
    expect(insurers?.score).toBeLessThanOrEqual(1);
    expect(passages.some((p) => p.articleId === "a" && p.sentence === 0)).toBe(false);
  });

  it("gives a lone article no exclusive cue: there is nothing to compare it with", () => {
    const alone = [article("a", "Alpha", QUAKE_A)];
    expect(featuresOf(alone, alone[0] as Article, "Insurers").cues).not.toContain("exclusive");
  });
});

describe("selectPassages: copies of one text are one voice", () => {
  const WIRE = [
    "The court ruled on Monday that the new voting law breaks the constitution.",
    "Judges said the rules on postal ballots denied thousands of voters a fair chance.",
  ].join(" ");
  const OTHER = [
    "A court struck down the voting law on Monday, ruling that it breaks the constitution.",
    "The governor said he would appeal to the supreme court.",
  ].join(" ");
  const group: CopyGroup = { id: "w", match: "exact", similarity: 1, members: ["w", "r"] };

  it("a sentence shared only by a wire story and its reprint is still exclusive", () => {
    const stories = [
      article("w", "Wire", WIRE, { copyGroup: group }),
      article("r", "Reprint", WIRE, { copyGroup: group }),
      article("x", "Other", OTHER),
    ];
    const [w, r] = stories as [Article, Article];
    for (const copy of [w, r]) {
      const postal = featuresOf(stories, copy, "postal ballots");
      expect(postal.cues).toContain("exclusive");
      expect(postal.nearest).toBeLessThan(0.2);
      expect(featuresOf(stories, copy, "court ruled").cues).not.toContain("exclusive");
    }
  });

  it("the same sentence from an independent outlet is no longer exclusive", () => {
    const stories = [article("w", "Wire", WIRE), article("r", "Reprint", WIRE), article("x", "Other", OTHER)];
    expect(featuresOf(stories, stories[0] as Article, "postal ballots").nearest).toBeGreaterThan(0.9);
  });
});

describe("selectPassages: whose words, and when", () => {
  const ELECTION_A =
    'The opposition leader said the count was "rigged from the start" by the ruling party. The ruling party won 54 percent of the vote.';
  const ELECTION_B =
    'Election officials said "the count was fair and open". The ruling party won 54 percent of the vote on Sunday.';

  function quote(text: string, words: string, actorId: string): Quote {
    const start = text.indexOf(words);
    return {
      start,
      end: start + words.length,
      text: words,
      content: words.replace(/"/g, ""),
      direct: true,
      provenance: { stage: "analyze", method: "test" },
      speaker: { start: 0, end: 3, text: actorId, actorId },
    };
  }

  function withQuotes(a: Article, quotes: Quote[]): Article {
    return { ...a, annotations: { ...a.annotations, quotes } };
  }

  it("a quote from a speaker no other outlet quotes is one-sided; a shared speaker is not", () => {
    const a = withQuotes(article("a", "Alpha", ELECTION_A), [
      quote(ELECTION_A, '"rigged from the start"', "person:opposition-leader"),
    ]);
    const b = withQuotes(article("b", "Beta", ELECTION_B), [
      quote(ELECTION_B, '"the count was fair and open"', "org:election-commission"),
    ]);
    expect(featuresOf([a, b], a, "rigged").cues).toContain("one-sided");
    const c = withQuotes(article("c", "Gamma", ELECTION_B), [
      quote(ELECTION_B, '"the count was fair and open"', "person:opposition-leader"),
    ]);
    expect(featuresOf([a, c], a, "rigged").cues).not.toContain("one-sided");
    expect(featuresOf([a, b], a, "54 percent").cues).not.toContain("one-sided");
  });

  it("a date a month or more before publication makes background; a recent one does not", () => {
    const text = "The law was first passed in 2012. The vote was held on Sunday.";
    const time = (words: string, value: string): TimeMention => {
      const start = text.indexOf(words);
      return {
        start,
        end: start + words.length,
        text: words,
        timexType: "DATE",
        value,
        precision: "day",
        provenance: { stage: "analyze", method: "test" },
      };
    };
    const base = article("a", "Alpha", text);
    const a = {
      ...base,
      annotations: { ...base.annotations, times: [time("2012", "2012"), time("Sunday", "2021-03-07")] },
    };
    const stories = [a, article("b", "Beta", ELECTION_B)];
    expect(featuresOf(stories, a, "2012").background).toBeGreaterThan(0);
    expect(featuresOf(stories, a, "Sunday").background).toBe(0);
  });
});

describe("selection lexicon", () => {
  it("names the entry at fault", () => {
    expect(() => parseSelectionLexicon({ speculation: [{ phrase: "could" }], background: [] })).toThrow(
      /speculation\[0\].*note/,
    );
    expect(() => parseSelectionLexicon({ speculation: [] })).toThrow(/background/);
  });

  it("ships both lists, each entry with a note", () => {
    expect(lexicon.speculation.length).toBeGreaterThan(10);
    expect(lexicon.background.length).toBeGreaterThan(10);
  });
});
