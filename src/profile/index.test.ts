import { describe, expect, it } from "vitest";
import {
  type Article,
  articleFromText,
  type Fact,
  type FactCell,
  type FactStatus,
  type OutletFraming,
  type OutletSourcing,
  type Story,
} from "../model/index.js";
import { createOutletProfiler, profiledArticle } from "./index.js";

const article = (id: string, outlet: string, sentences = 2): Article =>
  articleFromText("x", {
    id,
    outlet: { value: outlet, source: "record" },
    annotations: {
      ...articleFromText("").annotations,
      sentences: Array.from({ length: sentences }, (_, i) => ({ start: i, end: i + 1 })),
    },
  });

const cell = (articleId: string, outlet: string, status: FactStatus): FactCell => ({
  articleId,
  outlet,
  status,
  wording: [],
});

function fact(id: string, statuses: [FactStatus, FactStatus], more: Partial<Fact> = {}): Fact {
  return {
    id,
    kind: "number",
    label: id,
    cells: [cell("a1", "Alpha", statuses[0]), cell("b1", "Beta", statuses[1])],
    independentSources: statuses.filter((s) => s !== "absent").length,
    ...more,
  };
}

function sourcing(articleId: string, outlet: string, speakers: [string, "military" | "civilian", number][]) {
  return {
    articleId,
    outlet,
    speakers: speakers.map(([name, kind, quotes]) => ({ name, kind, quotes, direct: 0, wording: [] })),
    quoteShare: {},
    citations: [
      { name: "Wire", actorId: "wire", kind: "media" as const, cues: ["according to"], wording: [] },
    ],
  } satisfies OutletSourcing;
}

function framing(articleId: string, outlet: string, label: string, bodyScore: number): OutletFraming {
  return {
    articleId,
    outlet,
    labels: [{ actor: "Government", actorId: "gov", label, category: "c", count: 2, wording: [] }],
    loadedWords: [{ entry: "brutal", category: "emotive", count: 3, wording: [] }],
    bodyScore,
    loadedShare: 0.5,
    mostLoaded: [],
  };
}

/** Alpha and Beta share a story; Alpha alone tells a second one, which has no comparison. */
function stories(): { stories: Story[]; articles: Article[] } {
  const shared: Story = {
    id: "s1",
    title: "Shared",
    articleIds: ["a1", "b1"],
    comparison: {
      outlets: ["Alpha", "Beta"],
      facts: [
        fact("agreed", ["agree", "agree"]),
        fact("alpha-only", ["only", "absent"]),
        fact("disputed", ["conflict", "conflict"], { conflict: "number" }),
        fact("beta-only", ["absent", "only"]),
        fact("omitted", ["absent", "agree"], { omittedBy: ["Alpha"] }),
        fact("wording", ["only", "absent"], { kind: "framing" }),
        fact("aside", ["only", "absent"], { kind: "place" }),
        fact("scene", ["agree", "agree"], { kind: "place", eventId: "event-1" }),
      ],
      sourcing: [
        sourcing("a1", "Alpha", [
          ["General", "military", 3],
          ["Resident", "civilian", 1],
        ]),
        sourcing("b1", "Beta", [["Resident", "civilian", 2]]),
      ],
      framing: [framing("a1", "Alpha", "regime", 0.6), framing("b1", "Beta", "government", 0)],
    },
  };
  const alone: Story = { id: "s2", title: "Alone", articleIds: ["a2"] };
  return {
    stories: [alone, shared],
    articles: [article("a1", "Alpha", 3), article("b1", "Beta"), article("a2", "Alpha", 1)],
  };
}

describe("outlet profiles", () => {
  const profiler = createOutletProfiler();
  const profile = (stories: Story[], articles: Article[]) => profiler(stories, articles.map(profiledArticle));

  it("lists outlets by articles, then name, with their stories", () => {
    const { stories: s, articles } = stories();
    const profiles = profile(s, articles);
    expect(profiles.map((p) => [p.outlet, p.articles, p.stories, p.comparedStories])).toEqual([
      ["Alpha", 2, 2, 1],
      ["Beta", 1, 1, 1],
    ]);
  });

  it("counts facts told, told alone, in conflict and left out, but not wording nor places named in passing", () => {
    const { stories: s, articles } = stories();
    const [alpha, beta] = profile(s, articles);
    expect(alpha).toMatchObject({ factsTold: 4, onlyFacts: 1, conflictFacts: 1, omittedFacts: 1 });
    expect(alpha?.onlyRate).toBeCloseTo(1 / 4);
    expect(alpha?.conflictRate).toBeCloseTo(1 / 4);
    expect(alpha?.omissionRate).toBeCloseTo(1 / 5);
    expect(beta).toMatchObject({ factsTold: 5, onlyFacts: 1, conflictFacts: 1, omittedFacts: 0 });
    expect(beta?.omissionRate).toBe(0);
  });

  it("gathers whom each outlet quotes and cites", () => {
    const { stories: s, articles } = stories();
    const [alpha, beta] = profile(s, articles);
    expect(alpha?.quoteShare).toEqual({ military: 0.75, civilian: 0.25 });
    expect(alpha?.topSpeakers.map((t) => [t.name, t.quotes, t.stories])).toEqual([
      ["General", 3, 1],
      ["Resident", 1, 1],
    ]);
    expect(beta?.quoteShare).toEqual({ civilian: 1 });
    expect(alpha?.topCitations).toEqual([{ name: "Wire", actorId: "wire", kind: "media", articles: 1 }]);
  });

  it("gathers labels, loaded categories and the mean load per sentence", () => {
    const { stories: s, articles } = stories();
    const [alpha, beta] = profile(s, articles);
    expect(alpha?.labels).toEqual([
      { actor: "Government", actorId: "gov", label: "regime", category: "c", count: 2 },
    ]);
    expect(beta?.labels[0]?.label).toBe("government");
    expect(alpha?.loadedCategories).toEqual({ emotive: 3 });
    expect(alpha?.meanLoad).toBeCloseTo(0.6);
    expect(beta?.meanLoad).toBe(0);
  });

  it("names two articles of one outlet in a story as one outlet, not 'Alpha (2)'", () => {
    const story: Story = {
      id: "s",
      title: "t",
      articleIds: ["a1", "a3", "b1"],
      comparison: {
        outlets: ["Alpha", "Alpha (2)", "Beta"],
        facts: [
          {
            id: "f",
            kind: "date",
            label: "f",
            cells: [
              cell("a1", "Alpha", "absent"),
              cell("a3", "Alpha (2)", "only"),
              cell("b1", "Beta", "absent"),
            ],
            independentSources: 1,
          },
        ],
      },
    };
    const profiles = profile(
      [story],
      [article("a1", "Alpha"), article("a3", "Alpha"), article("b1", "Beta")],
    );
    expect(profiles.map((p) => [p.outlet, p.articles, p.onlyFacts, p.factsTold])).toEqual([
      ["Alpha", 2, 1, 1],
      ["Beta", 1, 0, 0],
    ]);
  });

  it("is empty with no stories, and zero rates never divide by zero", () => {
    expect(profile([], [])).toEqual([]);
    const lone = profile([{ id: "s", title: "t", articleIds: ["a1"] }], [article("a1", "Alpha")]);
    expect(lone[0]).toMatchObject({
      comparedStories: 0,
      factsTold: 0,
      onlyRate: 0,
      omissionRate: 0,
      meanLoad: 0,
    });
  });
});
