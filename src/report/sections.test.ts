import { describe, expect, it } from "vitest";
import {
  type Article,
  articleFromText,
  type Fact,
  type FactCell,
  type OutletProfile,
  type ParallaxResult,
  SCHEMA_VERSION,
  type Story,
} from "../model/index.js";
import { renderMarkdown, renderOutletProfilesMarkdown } from "./markdown.js";
import { renderOutletProfiles, renderTerminal } from "./terminal.js";

const ZERO = "The regime shelled the town. Rebels said 40 died. Analysts fear a long siege.";
const ONE = "Government forces entered the town. Officials denied any shelling.";

const articles: Article[] = [
  articleFromText(ZERO, {
    id: "a0",
    outlet: { value: "Zero News", source: "record" },
    title: { value: "Regime butchers town", source: "record" },
    annotations: { ...articleFromText("").annotations, sentences: [{ start: 0, end: 28 }] },
  }),
  articleFromText(ONE, { id: "a1", outlet: { value: "One Daily", source: "record" } }),
];

const cell = (articleId: string, outlet: string, more: Partial<FactCell> = {}): FactCell => ({
  articleId,
  outlet,
  status: "agree",
  wording: [],
  ...more,
});

const facts: Fact[] = [
  {
    id: "deaths",
    kind: "number",
    label: "number of people killed",
    cells: [
      cell("a0", "Zero News", { status: "conflict", value: "40-40" }),
      cell("a1", "One Daily", { status: "conflict", value: "3-3" }),
    ],
    independentSources: 2,
    conflict: "number",
    note: "40 against 3",
  },
  {
    id: "shelling",
    kind: "event",
    label: "shelling of the town",
    cells: [
      cell("a0", "Zero News", {
        status: "conflict",
        wording: [{ start: 0, end: 28, field: "text", text: ZERO.slice(0, 28) }],
      }),
      cell("a1", "One Daily", { status: "conflict", denied: true }),
    ],
    independentSources: 2,
    conflict: "denial",
    note: "One Daily denies what Zero News affirms",
  },
  {
    id: "entry",
    kind: "event",
    label: "entry into the town",
    cells: [cell("a0", "Zero News", { status: "absent" }), cell("a1", "One Daily", { status: "only" })],
    independentSources: 1,
    omittedBy: ["Zero News"],
  },
];

const story: Story = {
  id: "story-x",
  title: "Town shelled",
  articleIds: ["a0", "a1"],
  comparison: {
    outlets: ["Zero News", "One Daily"],
    facts,
    sourcing: [
      {
        articleId: "a0",
        outlet: "Zero News",
        speakers: [
          { name: "Rebels", kind: "armed-group", quotes: 1, direct: 0, wording: [] },
          { name: "Analysts", kind: "expert", quotes: 3, direct: 1, wording: [] },
        ],
        quoteShare: { "armed-group": 0.25, expert: 0.75 },
        citations: [
          {
            name: "Newsweek",
            actorId: "newsweek",
            kind: "media",
            cues: ["reported", "credit-line"],
            citing: ["The Associated Press"],
            wording: [],
          },
        ],
      },
      { articleId: "a1", outlet: "One Daily", speakers: [], quoteShare: {}, citations: [] },
    ],
    framing: [
      {
        articleId: "a0",
        outlet: "Zero News",
        labels: [
          {
            actor: "Syrian government",
            actorId: "gov",
            label: "regime",
            category: "pejorative",
            count: 2,
            wording: [],
          },
        ],
        loadedWords: [
          { entry: "butcher", category: "emotive", count: 1, wording: [] },
          { entry: "regime", category: "pejorative", count: 2, wording: [] },
        ],
        headline: {
          text: "Regime butchers town",
          score: 0.8,
          drivers: [{ start: 7, end: 15, text: "butchers", category: "emotive", weight: 1 }],
        },
        bodyScore: 0.25,
        loadedShare: 0.5,
        mostLoaded: [
          {
            start: 0,
            end: 28,
            sentence: 0,
            score: 0.6,
            drivers: [{ start: 4, end: 10, text: "regime", category: "pejorative", weight: 0.6 }],
          },
        ],
      },
      {
        articleId: "a1",
        outlet: "One Daily",
        labels: [
          {
            actor: "Syrian government",
            actorId: "gov",
            label: "government",
            category: "neutral",
            count: 1,
            wording: [],
          },
        ],
        loadedWords: [],
        bodyScore: 0,
        loadedShare: 0,
        mostLoaded: [],
      },
    ],
    selected: [
      {
        articleId: "a0",
        outlet: "Zero News",
        sentence: 2,
        start: 50,
        end: 77,
        score: 0.7,
        cues: ["speculation"],
        nearest: 0.1,
      },
      {
        articleId: "a0",
        outlet: "Zero News",
        sentence: 1,
        start: 29,
        end: 49,
        score: 0.9,
        cues: ["exclusive", "one-sided"],
        nearest: 0,
      },
    ],
  },
};

const result: ParallaxResult = {
  schemaVersion: SCHEMA_VERSION,
  generatedBy: "test",
  articles,
  stories: [story],
  events: [],
  diagnostics: [],
};

const profile: OutletProfile = {
  outlet: "Zero News",
  articles: 2,
  stories: 2,
  comparedStories: 1,
  quoteShare: { expert: 0.75, "armed-group": 0.25 },
  topSpeakers: [{ name: "Analysts", kind: "expert", quotes: 3, stories: 1 }],
  topCitations: [{ name: "Newsweek", kind: "media", articles: 1 }],
  labels: [{ actor: "Syrian government", label: "regime", category: "pejorative", count: 2 }],
  loadedCategories: { emotive: 1 },
  meanLoad: 0.25,
  factsTold: 4,
  onlyFacts: 1,
  conflictFacts: 2,
  omittedFacts: 1,
  onlyRate: 0.25,
  conflictRate: 0.5,
  omissionRate: 0.2,
};

describe("the fact table", () => {
  const text = renderTerminal(result, { width: 200 });
  it("names the kind of each conflict with its note", () => {
    expect(text).toContain("≠ conflict: number");
    expect(text).toContain("≠ number: 40 against 3");
    expect(text).toContain("≠ denial: One Daily denies what");
  });
  it("marks a denied cell, an omission and the count of independent texts", () => {
    expect(text).toContain("✗ denied");
    expect(text).toContain("· left out");
    expect(text).toContain("left out by Zero News");
    expect(text).toContain("2 independent texts");
  });
});

describe("conflicts and blind spots", () => {
  const text = renderTerminal(result, { width: 200 });
  it("lists every conflict with its kind, then what each outlet leaves out and who tells it", () => {
    expect(text).toContain("  Conflicts and blind spots:\n    [Conflicts (2)]");
    expect(text).toContain("number: number of people killed — 40 against 3");
    expect(text).toContain("denial: shelling of the town — One Daily denies what Zero News affirms");
    expect(text).toContain("    [Zero News leaves out (1)]\n      entry into the town (told by One Daily)");
    expect(text).not.toContain("One Daily leaves out");
  });
  it("is in the Markdown report too", () => {
    expect(renderMarkdown(result)).toContain("**Conflicts and blind spots**");
  });
});

describe("sourcing, framing and selected passages", () => {
  const text = renderTerminal(result, { width: 200 });
  it("gives each outlet's quotes by kind, its speakers and its citations with their chain", () => {
    expect(text).toContain("  Sourcing:\n    [Zero News]");
    expect(text).toContain("quotes by kind: expert 75%, armed-group 25% (4 quotes from 2 speakers)");
    expect(text).toContain("speakers: Analysts (expert, 3 quotes, 1 direct); Rebels (armed-group, 1 quote)");
    expect(text).toContain("cites: Newsweek, citing The Associated Press (media; reported, credit-line)");
    expect(text).toContain("    [One Daily]\n      quotes: none\n      cites: nobody");
  });
  it("sets each actor's labels side by side and lists loaded words by category", () => {
    expect(text).toContain("Syrian government: regime ×2 (Zero News) | government (One Daily)");
    expect(text).toContain("loaded words: pejorative: regime ×2; emotive: butcher");
    expect(text).toContain("headline 0.80 (butchers) vs body 0.25, 50% of sentences loaded");
    expect(text).toContain("most loaded (0.60): “The regime shelled the town.” (regime)");
    expect(text).toContain("headline: none; body 0.00, 0% of sentences loaded");
  });
  it("shows selected passages, highest score first", () => {
    const at = text.indexOf("Selected passages:");
    expect(at).toBeGreaterThan(0);
    const after = text.slice(at);
    expect(after.indexOf("0.90 exclusive, one-sided: “Rebels said 40 died.”")).toBeLessThan(
      after.indexOf("0.70 speculation: “Analysts fear a long siege.”"),
    );
  });
  it("the Markdown report has every section", () => {
    const md = renderMarkdown(result);
    for (const title of ["**Sourcing**", "**Framing**", "**Selected passages**"]) expect(md).toContain(title);
    expect(md).toContain("≠ conflict: denial<br>✗ denied");
    expect(md).toContain("  - Syrian government: regime ×2 (Zero News) \\| government (One Daily)");
  });
  it("a story with no sourcing or framing shows neither", () => {
    const bare = {
      ...result,
      stories: [{ ...story, comparison: { outlets: story.comparison?.outlets ?? [], facts } }],
    };
    expect(renderTerminal(bare)).not.toContain("Sourcing:");
    expect(renderMarkdown(bare)).not.toContain("**Framing**");
  });
});

describe("outlet profiles", () => {
  it("are shown across several stories, not for one", () => {
    const two = { ...result, stories: [story, { ...story, id: "story-y" }], outlets: [profile] };
    expect(renderTerminal(two, { width: 160 })).toContain("OUTLET PROFILES");
    expect(renderMarkdown(two)).toContain("## Outlet profiles");
    expect(renderTerminal({ ...result, outlets: [profile] })).not.toContain("OUTLET PROFILES");
  });
  it("give quotes by kind, speakers, labels, rates and load", () => {
    const table = renderOutletProfiles([profile], { width: 200 });
    for (const part of [
      "Zero News",
      "expert 75%",
      "Analysts (expert, 3)",
      "Syrian government: regime ×2",
      "25% / 50% / 20% of 4 facts",
      "0.25",
    ])
      expect(table).toContain(part);
    expect(renderOutletProfilesMarkdown([profile])).toContain("| Zero News | 2 | 2 (1) |");
    expect(renderOutletProfiles([])).toContain("no outlets");
  });
});

describe("hostile text in the new sections", () => {
  const evil = "\u001b[31mEvil\u0007 <img src=x onerror=alert(1)> [link](http://x) | # head";
  const hostile: ParallaxResult = {
    ...result,
    articles: result.articles.map((a) => ({ ...a, text: `${evil} ${a.text}` })),
    stories: [
      {
        ...story,
        comparison: {
          ...(story.comparison as NonNullable<Story["comparison"]>),
          outlets: [evil, "One Daily"],
          facts: [{ ...(facts[2] as Fact), omittedBy: [evil], note: evil }],
          sourcing: story.comparison?.sourcing?.map((s) => ({
            ...s,
            outlet: evil,
            speakers: s.speakers.map((p) => ({ ...p, name: evil })),
          })),
          framing: story.comparison?.framing?.map((f) => ({
            ...f,
            labels: f.labels.map((l) => ({ ...l, actor: evil, label: evil })),
          })),
        },
      },
    ],
    outlets: [{ ...profile, outlet: evil }],
  };
  it("never reaches the terminal with control characters", () => {
    const text = renderTerminal({ ...hostile, stories: [...hostile.stories, { ...story, id: "y" }] });
    const controls = [...text].filter((ch) => ch < " " && ch !== "\n" && ch !== "\t");
    expect(controls).toEqual([]);
    expect(text).toContain("Evil <img");
  });
  it("is escaped in Markdown: no raw HTML, links or table pipes", () => {
    const md = renderMarkdown({ ...hostile, stories: [...hostile.stories, { ...story, id: "y" }] });
    expect(md).not.toContain("<img");
    expect(md).not.toMatch(/[^\\]\]\(http/);
    expect(md).toContain("\\[link\\](http");
    expect(md).toContain("&lt;img");
    expect(md).not.toMatch(/[^\\]\| # head/);
    expect(md).not.toContain("\u001b");
  });
});
