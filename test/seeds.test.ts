import { beforeAll, describe, expect, it } from "vitest";
import type { Article, Fact, ParallaxResult, Story } from "../src/model/index.js";
import { analyzeJson, EXAMPLES, factMatching, storyWith } from "./helpers.js";

// The whole pipeline on the two seed pages: the facts the product was conceived to cross-check.
let result: ParallaxResult;
let story: Story;
let partisan: Article;
let wire: Article;

/** GeoNames writes the town "Ālbū Kamāl"; tests read labels without diacritics. */
const plain = (label: string) => label.normalize("NFD").replace(/\p{M}/gu, "");
const statusOf = (fact: Fact | undefined, article: Article) =>
  fact?.cells.find((c) => c.articleId === article.id)?.status;
const wordingOf = (fact: Fact | undefined, article: Article) =>
  fact?.cells
    .find((c) => c.articleId === article.id)
    ?.wording.map((w) => w.text)
    .join(" / ") ?? "";

beforeAll(async () => {
  const { run, result: r } = await analyzeJson([`${EXAMPLES}albu-kamal`]);
  expect(run.code).toBe(0);
  result = r;
  story = storyWith(result, "000_");
  partisan = result.articles.find((a) => a.origin.locator.includes("000_")) as Article;
  wire = result.articles.find((a) => a.origin.locator.includes("001_")) as Article;
});

describe("the seed story", () => {
  it("groups both seeds into one story", () => {
    expect(result.stories).toHaveLength(1);
    expect(story.articleIds.sort()).toEqual([partisan.id, wire.id].sort());
  });

  it("both report the army's capture of the town", () => {
    const capture = story.comparison?.facts.find(
      (f) => f.kind === "event" && /^capture of A(l)?bu ?Kamal/i.test(plain(f.label)),
    );
    expect(capture, JSON.stringify(story.comparison?.facts.map((f) => f.label))).toBeDefined();
    expect(statusOf(capture, partisan)).toBe("agree");
    expect(statusOf(capture, wire)).toBe("agree");
    expect(capture?.cells.map((c) => c.value)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Syrian Arab Army/)]),
    );
  });

  it("one fact per happening: the town is the same place in every sentence of both outlets", () => {
    const town = (article: Article) =>
      article.annotations.entities.filter((e) => e.text === "Albu Kamal").map((e) => e.type);
    expect(new Set([...town(partisan), ...town(wire)])).toEqual(new Set(["GPE"]));
    const advances = story.comparison?.facts.filter((f) => f.kind === "event" && /^advance of/.test(f.label));
    expect(advances?.map((f) => f.cells.map((c) => c.status).sort())).toEqual([["agree", "agree"]]);
  });

  it("entry on Nov. 8 and clearance on Nov. 9 are only in the wire story", () => {
    const entry = factMatching(story, "date", /^date of enter/);
    const clear = factMatching(story, "date", /^date of declare-clear/);
    expect(entry?.cells.find((c) => c.articleId === wire.id)).toMatchObject({
      status: "only",
      value: "2017-11-08",
    });
    expect(statusOf(entry, partisan)).toBe("absent");
    expect(clear?.cells.find((c) => c.articleId === wire.id)).toMatchObject({
      status: "only",
      value: "2017-11-09",
    });
  });

  it("the partisan outlet says the town fell the day the assault began", () => {
    const captureDate = factMatching(story, "date", /^date of capture/);
    expect(statusOf(captureDate, partisan)).toBe("only");
    expect(wordingOf(captureDate, partisan)).toMatch(/same day/);
  });

  it("the 2,500-3,500 fighters estimate is only in the wire story", () => {
    const fighters = factMatching(story, "number", /fighter/);
    expect(fighters?.cells.find((c) => c.articleId === wire.id)).toMatchObject({
      status: "only",
      value: "2500-3500",
    });
    expect(statusOf(fighters, partisan)).toBe("absent");
  });

  it("each outlet quotes a different spokesman", () => {
    const ivanov = factMatching(story, "quote", /Alexander Ivanov/);
    const mayhoub = factMatching(story, "quote", /Ali Mayhoub/);
    expect(statusOf(ivanov, partisan)).toBe("only");
    expect(statusOf(ivanov, wire)).toBe("absent");
    expect(statusOf(mayhoub, wire)).toBe("only");
    expect(statusOf(mayhoub, partisan)).toBe("absent");
    expect(ivanov?.label).toMatch(/spokesman/);
  });

  it("the wire story cites AP, Newsweek and Time", () => {
    for (const source of [/Associated Press/, /Newsweek/, /^cites Time$/]) {
      const cite = factMatching(story, "citation", source);
      expect(statusOf(cite, wire), String(source)).toBe("only");
    }
  });

  it("the partisan outlet uses loaded wording", () => {
    const loaded = story.comparison?.facts
      .filter((f) => f.kind === "framing")
      .map((f) => wordingOf(f, partisan))
      .join(" / ");
    expect(loaded).toMatch(/US-sponsored terror/);
    expect(loaded).toMatch(/cowardice/);
  });

  it("reads the partisan outlet's name and dateline into metadata", () => {
    expect(partisan.outlet?.value).toBe("FreeWestMedia");
    expect(partisan.published).toMatchObject({ value: "2017-11-10T09:52", precision: "minute" });
    expect(partisan.title?.value).toBe("Syrian Army declares victory over ISIS");
  });
});
