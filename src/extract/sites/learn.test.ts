import { describe, expect, it } from "vitest";
import type { SourceDocument } from "../../model/index.js";
import { comparableLine } from "../blocks.js";
import { createExtractor } from "../index.js";
import { learnSiteBoilerplate, siteLinesOf, siteOf } from "./learn.js";

function page(
  url: string,
  lines: readonly string[],
  format: SourceDocument["format"] = "raw",
): SourceDocument {
  return { origin: { locator: url }, format, content: lines.join("\n"), given: { url } };
}

// Three stories of one site, each framed by the same masthead and footer lines.
const FRAME_TOP = ["The Valley Courier", "Local news since 1921", "Weather: 14°C, light rain"];
const FRAME_BOTTOM = ["Send us your tips: newsroom@courier.example", "Valley Courier Media Group"];
const STORIES = [
  [
    "Council approves new flood barrier",
    "The town council voted seven to two on Tuesday to build a flood barrier along the river, after two winters of damage to homes in the lower town.",
    "Work is due to start in spring and to take eighteen months, the mayor said.",
  ],
  [
    "Mayor wins second term",
    "The mayor won a second term on Sunday with 58 percent of the vote, ahead of two challengers who had campaigned on housing costs.",
    "Turnout was 47 percent, the highest in a local election since 2004.",
  ],
  [
    "Court halts quarry expansion",
    "A regional court on Friday halted the expansion of the quarry north of the town until the operator files a new assessment of its effect on ground water.",
    "The operator said it would comply and expected to file within three months.",
  ],
];
const COURIER = STORIES.map((story, i) =>
  page(`https://www.courier.example/news/${i}`, [...FRAME_TOP, ...story, ...FRAME_BOTTOM]),
);

describe("learnSiteBoilerplate", () => {
  it("learns the lines a site repeats on its pages, and nothing else", () => {
    const sites = learnSiteBoilerplate(COURIER);
    expect(Object.keys(sites.sites)).toEqual(["courier.example"]);
    expect(sites.sites["courier.example"]).toEqual(
      [...FRAME_TOP, ...FRAME_BOTTOM].map((line) => line.toLowerCase()).sort(),
    );
  });

  it("is a plain value: the same after a JSON round trip, the same for the same input", () => {
    const sites = learnSiteBoilerplate(COURIER);
    expect(JSON.parse(JSON.stringify(sites))).toEqual(sites);
    expect(learnSiteBoilerplate([...COURIER].reverse())).toEqual(sites);
  });

  it("learns nothing from a site with too few pages or from HTML pages", () => {
    expect(learnSiteBoilerplate(COURIER.slice(0, 2)).sites).toEqual({});
    const html = COURIER.map((doc) => ({ ...doc, format: "html" as const }));
    expect(learnSiteBoilerplate(html).sites).toEqual({});
  });

  it("counts versions of one story once, so their shared paragraphs stay body", () => {
    const story = STORIES[0] ?? [];
    const versions = [0, 1, 2].map((i) =>
      page(`https://www.courier.example/news/flood-${i}`, [...story, `Updated ${i + 1} times.`]),
    );
    const sites = learnSiteBoilerplate([...versions, ...COURIER]);
    const learned = sites.sites["courier.example"] ?? [];
    expect(learned).toContain("local news since 1921");
    expect(learned).not.toContain(comparableLine(story[1] ?? ""));
    expect(learned).not.toContain(comparableLine(story[2] ?? ""));
  });

  it("follows the share and page-count thresholds it is given", () => {
    const fourth = page("https://www.courier.example/news/3", ["Only here", ...FRAME_BOTTOM]);
    const strict = learnSiteBoilerplate([...COURIER, fourth], { minShare: 1 });
    expect(strict.sites["courier.example"]).toEqual(FRAME_BOTTOM.map((l) => l.toLowerCase()).sort());
    expect(() => learnSiteBoilerplate(COURIER, { minShare: 2 })).toThrow(/minShare/);
  });
});

describe("siteOf", () => {
  it("takes the URL's host, else the record's outlet, else the locator's folder", () => {
    const doc = page("https://www.courier.example/a", ["x"]);
    expect(siteOf(doc)).toBe("courier.example");
    expect(siteOf({ ...doc, given: { outlet: "The Courier" } })).toBe("outlet:the courier");
    expect(siteOf({ ...doc, given: {}, origin: { locator: "scrapes/courier/17.txt" } })).toBe(
      "folder:scrapes/courier",
    );
    expect(siteOf({ ...doc, given: {}, origin: { locator: "17.txt" } })).toBeUndefined();
  });

  it("gives no lines to a document whose site was not learned", () => {
    const sites = learnSiteBoilerplate(COURIER);
    expect(siteLinesOf(sites, page("https://other.example/a", ["x"])).size).toBe(0);
    expect(siteLinesOf(undefined, COURIER[0] as SourceDocument).size).toBe(0);
  });
});

describe("extract with learned site boilerplate", () => {
  const extract = createExtractor();
  const sites = learnSiteBoilerplate(COURIER);
  const doc = COURIER[1] as SourceDocument;

  it("removes the site's repeated lines as site/repeated-line and keeps the story", () => {
    const article = extract(doc, sites);
    expect(article.text).toBe((STORIES[1] ?? []).slice(1).join("\n\n"));
    const learned = article.removed.filter((r) => r.rule === "site/repeated-line").map((r) => r.text);
    expect(learned).toEqual([...FRAME_TOP, ...FRAME_BOTTOM]);
    expect(article.title?.value).toBe("Mayor wins second term");
  });

  it("reads the same document alone without the learned lines", () => {
    const alone = extract(doc);
    expect(alone.removed.some((r) => r.rule === "site/repeated-line")).toBe(false);
    expect(alone.text).toContain("The mayor won a second term");
  });
});
