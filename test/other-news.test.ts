import { beforeAll, describe, expect, it } from "vitest";
import type { Article, ParallaxResult } from "../src/model/index.js";
import { outletLabels } from "../src/compare/index.js";
import { analyzeJson, EXAMPLES, factMatching, storyWith } from "./helpers.js";

// The pipeline knows more than one story: an earthquake told by two outlets (a page and raw
// scraped text), an election (HTML inside a JSONL record) and a court ruling (clean text record),
// analysed together with the seeds.
let result: ParallaxResult;
const byLocator = (part: string) => result.articles.find((a) => a.origin.locator.includes(part)) as Article;
const byTitle = (part: RegExp) => result.articles.find((a) => part.test(a.title?.value ?? "")) as Article;

beforeAll(async () => {
  const { run, result: r } = await analyzeJson([EXAMPLES]);
  expect(run.stderr).toMatch(/0 error/);
  result = r;
});

describe("other news", () => {
  it("keeps stories apart: seeds, earthquake, election and court ruling", () => {
    expect(result.articles).toHaveLength(7);
    expect(result.stories).toHaveLength(4);
    const quake = storyWith(result, "quake-wire");
    expect(quake.articleIds).toContain(byLocator("quake-regional").id);
    expect(quake.articleIds).not.toContain(byLocator("000_").id);
    const election = byTitle(/Runoff/);
    const court = byTitle(/Supreme Court/);
    const storyOf = (a: Article) => result.stories.find((s) => s.articleIds.includes(a.id))?.id;
    expect(new Set([storyOf(election), storyOf(court), quake.id, storyWith(result, "000_").id]).size).toBe(4);
  });

  it("recognises a reprint of the wire text as one copy group, counted once per fact", () => {
    const wire = byLocator("quake-wire");
    const reprint = byLocator("quake-reprint");
    expect(reprint.outlet?.value).toBe("Northern Courier");
    expect(reprint.text).not.toMatch(/cookie|Share on|newsletter/i);
    expect(wire.copyGroup).toMatchObject({ id: wire.id, match: "exact" });
    expect(reprint.copyGroup).toMatchObject({ id: wire.id, match: "near", members: [wire.id, reprint.id] });
    expect(byLocator("quake-regional").copyGroup).toBeUndefined();
    const quake = storyWith(result, "quake-wire");
    expect(quake.articleIds).toContain(reprint.id);
    const told = (fact: { cells: { status: string }[] }) =>
      fact.cells.filter((c) => c.status !== "absent").length;
    const byAll = quake.comparison?.facts.find((f) => told(f) === 3);
    expect(byAll?.independentSources).toBe(2);
  });

  it("labels each column with the outlet of the article the reports list there", () => {
    for (const story of result.stories) {
      const members = story.articleIds.map((id) => result.articles.find((a) => a.id === id) as Article);
      const labels = outletLabels(members);
      expect(story.comparison?.outlets).toEqual(members.map((a) => labels.get(a.id)));
      for (const fact of story.comparison?.facts ?? [])
        expect(fact.cells.map((c) => c.articleId)).toEqual(story.articleIds);
    }
  });

  it("extracts the earthquake page without navigation, caption or comments", () => {
    const page = byLocator("quake-wire");
    expect(page.outlet?.value).toBe("Daily Meridian");
    expect(page.published).toMatchObject({ value: expect.stringMatching(/^2024-03-12T08:40/) });
    expect(page.authors.map((a) => a.value)).toEqual(["Leyla Aydin"]);
    expect(page.text).toMatch(/^A magnitude 6\.8 earthquake struck/);
    expect(page.text).not.toMatch(/Subscribe|Most read|Comments are closed|Rescue workers search/);
  });

  it("cleans the raw regional report and reads its date", () => {
    const raw = byLocator("quake-regional");
    expect(raw.title?.value).toBe("Death toll in Malatya quake rises to 58");
    expect(raw.published?.value).toBe("2024-03-12");
    expect(raw.text).not.toMatch(/Share this article|Advertisement|Read more|©/);
  });

  it("compares the two earthquake reports fact by fact", () => {
    const quake = storyWith(result, "quake-wire");
    const yerlikaya = factMatching(quake, "quote", /Yerlikaya/);
    expect(yerlikaya?.cells.every((c) => c.status === "agree")).toBe(true);
    const malatya = factMatching(quake, "place", /Malatya/);
    expect(malatya?.cells.every((c) => c.status === "agree")).toBe(true);
    const killed = quake.comparison?.facts
      .filter((f) => f.kind === "number")
      .map((f) => f.label)
      .join(", ");
    expect(killed).toMatch(/people|building/);
  });

  it("finds who, where and when in the court ruling and the election", () => {
    const court = byTitle(/Supreme Court/);
    const names = court.annotations.entities.map((e) => `${e.type}:${e.canonical}`);
    expect(names).toEqual(expect.arrayContaining(["PERSON:Brett Kavanaugh", "PERSON:Neil Gorsuch"]));
    expect(court.annotations.entities.find((e) => /Supreme Court/.test(e.text))?.type).toBe("ORG");
    expect(court.annotations.places.map((p) => p.name)).toEqual(
      expect.arrayContaining(["Phoenix", "Tucson"]),
    );
    expect(court.annotations.quotes.find((q) => q.speaker?.canonical === "Neil Gorsuch")).toBeDefined();

    const election = byTitle(/Runoff/);
    expect(election.annotations.times.find((t) => t.text.includes("October 27"))?.value).toBe("2024-10-27");
    expect(election.annotations.quantities.find((q) => q.value === 29.5)?.unit).toMatch(/percent/);
    expect(election.annotations.entities.find((e) => /Bolsonaro/.test(e.text))?.type).toBe("PERSON");
  });
});
