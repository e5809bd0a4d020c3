import { beforeAll, describe, expect, it } from "vitest";
import type { Article, Quote } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { articleOf } from "../events/test-support.js";
import { type FramingLexicon, type LabelLexicon, loadFramingLexicon, loadLabelLexicon } from "../lexicons.js";
import { createTokenizer } from "../tokens.js";
import {
  createFramingTagger,
  createHeadlineScorer,
  createLoadScorer,
  type HeadlineScorer,
  mergeDrivers,
  saturate,
} from "./index.js";

let tokenizer: AnalysisComponent;
let framing: FramingLexicon;
let labels: LabelLexicon;
let tagger: AnalysisComponent;
let headline: HeadlineScorer;

beforeAll(() => {
  tokenizer = createTokenizer();
  framing = loadFramingLexicon();
  labels = loadLabelLexicon();
  tagger = createFramingTagger({ lexicon: framing });
  headline = createHeadlineScorer({ framing, labels, tokenizer });
});

/** An article with real tokens and framing terms (no actors: labels are tested on their own). */
function tagged(text: string, quotes: Quote[] = []): Article {
  const base = articleOf(tokenizer, text);
  const withQuotes = { ...base, annotations: { ...base.annotations, quotes } };
  return { ...withQuotes, annotations: { ...withQuotes.annotations, ...tagger.run(withQuotes) } };
}

function directQuote(text: string, quoted: string): Quote {
  const start = text.indexOf(quoted) - 1;
  return {
    start,
    end: start + quoted.length + 2,
    text: text.slice(start, start + quoted.length + 2),
    content: quoted,
    direct: true,
    provenance: { stage: "analyze", method: "test" },
  };
}

describe("saturate", () => {
  it("stays in [0, 1] and never falls when a word is added", () => {
    expect(saturate([])).toBe(0);
    expect(saturate([0.7])).toBe(0.7);
    expect(saturate([0.7, 0.5])).toBe(0.85);
    expect(saturate([0.7, 0.5])).toBeGreaterThan(saturate([0.7]));
    expect(saturate([1, 1, 1])).toBe(1);
    expect(saturate([2, -1])).toBe(1);
  });
});

describe("mergeDrivers", () => {
  it("keeps the heavier of two words on the same span and drops weightless ones", () => {
    const drivers = mergeDrivers([
      { start: 0, end: 10, text: "terrorists", category: "pejorative-label", weight: 0.7 },
      { start: 0, end: 10, text: "terrorists", category: "pejorative", weight: 0.6 },
      { start: 11, end: 20, text: "militants", category: "neutral", weight: 0 },
    ]);
    expect(drivers).toEqual([
      { start: 0, end: 10, text: "terrorists", category: "pejorative-label", weight: 0.7 },
    ]);
  });
});

describe("createLoadScorer", () => {
  it("scores a sentence by its loaded words, in [0, 1], more loaded words scoring higher", () => {
    const scorer = createLoadScorer({ framing, labels });
    const a = tagged(
      "The senator slammed the plan. The senator slammed the outrageous, draconian plan. The senator criticised the plan.",
    );
    const loads = scorer.run(a).loadedSentences ?? [];
    expect(loads.map((l) => l.sentence)).toEqual([0, 1]);
    const [one, three] = loads;
    expect(one?.drivers.map((d) => d.text)).toEqual(["slammed"]);
    expect(three?.drivers.map((d) => d.text)).toEqual(["slammed", "outrageous", "draconian"]);
    expect(three?.score).toBeGreaterThan(one?.score ?? 1);
    for (const load of loads) {
      expect(load.score).toBeGreaterThan(0);
      expect(load.score).toBeLessThanOrEqual(1);
      for (const d of load.drivers) expect(a.text.slice(d.start, d.end)).toBe(d.text);
    }
  });

  it("leaves out a sentence below the floor (a lone hedge) and keeps it with no floor", () => {
    const a = tagged("The minister reportedly resigned on Tuesday.");
    expect(createLoadScorer({ framing, labels }).run(a).loadedSentences).toEqual([]);
    const open = createLoadScorer({ framing, labels, minScore: 0 }).run(a).loadedSentences ?? [];
    expect(open.map((l) => l.drivers[0]?.category)).toEqual(["hedge"]);
  });

  it("counts words inside direct quotes by the quoted factor", () => {
    const text = 'The mayor said: "This is a disgraceful, shameless cover-up."';
    const a = tagged(text, [directQuote(text, "This is a disgraceful, shameless cover-up.")]);
    const counted = createLoadScorer({ framing, labels }).run(a).loadedSentences ?? [];
    const skipped = createLoadScorer({ framing, labels, quotedFactor: 0 }).run(a).loadedSentences ?? [];
    expect(counted[0]?.score).toBeGreaterThan(0.45);
    expect(skipped).toEqual([]);
  });

  it("finds nothing loaded in plain reports on other subjects", () => {
    const a = tagged(
      "The court ruled on Monday. A magnitude 6.1 earthquake struck the coast. Turnout was 61 percent.",
    );
    expect(createLoadScorer({ framing, labels }).run(a).loadedSentences).toEqual([]);
  });
});

describe("createHeadlineScorer", () => {
  it("scores a plain title with drivers whose offsets point into the title", () => {
    const title = "Senator slams 'shameful' bill as terrorists strike";
    const scored = headline(title);
    expect(scored.text).toBe(title);
    expect(scored.score).toBeGreaterThan(0.7);
    expect(scored.score).toBeLessThanOrEqual(1);
    for (const d of scored.drivers) expect(title.slice(d.start, d.end)).toBe(d.text);
    expect(scored.drivers.map((d) => d.text)).toEqual(
      expect.arrayContaining(["slams", "shameful", "terrorists"]),
    );
  });

  it("scores a plain headline 0 with no drivers", () => {
    expect(headline("Election results due on Tuesday")).toEqual({
      text: "Election results due on Tuesday",
      score: 0,
      drivers: [],
    });
  });
});
