import { Element } from "domhandler";
import { beforeAll, describe, expect, it } from "vitest";
import {
  gridWidthOf,
  type HtmlPatterns,
  loadHtmlPatterns,
  marksOf,
  normaliseToken,
  parseHtmlPatterns,
} from "./patterns.js";

function element(name: string, attribs: Record<string, string>): Element {
  return new Element(name, attribs);
}

describe("html.json patterns", () => {
  let patterns: HtmlPatterns;
  beforeAll(() => {
    patterns = loadHtmlPatterns();
  });

  it("splits tokens into words at dashes, underscores and camelCase humps", () => {
    expect(normaliseToken("socialShareBar")).toBe("social-share-bar");
    expect(normaliseToken("article__body")).toBe("article-body");
    expect(normaliseToken("Post_Content")).toBe("post-content");
  });

  it("matches words inside a token, never parts of a word", () => {
    expect(marksOf(element("div", { class: "social-share-bar" }), patterns).boilerplate?.kind).toBe(
      "share-bar",
    );
    expect(marksOf(element("div", { class: "shareholder-report" }), patterns).boilerplate).toBeUndefined();
    expect(marksOf(element("div", { class: "headline" }), patterns).boilerplate).toBeUndefined();
    expect(marksOf(element("div", { id: "comments" }), patterns).boilerplate?.kind).toBe("comments");
  });

  it("prefers the longest word sequence: author-bio over author", () => {
    expect(marksOf(element("div", { class: "author-bio" }), patterns).boilerplate?.kind).toBe("author-bio");
    expect(marksOf(element("span", { class: "author" }), patterns).boilerplate?.kind).toBe("metadata");
  });

  it("reads class before role before the element name", () => {
    expect(marksOf(element("nav", { class: "breadcrumbs" }), patterns).boilerplate?.kind).toBe("breadcrumb");
    expect(marksOf(element("div", { role: "navigation" }), patterns).boilerplate?.kind).toBe("navigation");
    expect(marksOf(element("footer", {}), patterns).boilerplate?.kind).toBe("navigation");
  });

  it("reads content hints by tier", () => {
    expect(marksOf(element("div", { class: "entry-content" }), patterns).content?.tier).toBe(1);
    expect(marksOf(element("div", { itemprop: "articleBody" }), patterns).content?.tier).toBe(1);
    expect(marksOf(element("article", {}), patterns).content?.tier).toBe(2);
    expect(marksOf(element("main", {}), patterns).content?.tier).toBe(3);
    // "content" is a tier-3 hint only as a whole token.
    expect(marksOf(element("div", { class: "content-teaser" }), patterns).content).toBeUndefined();
  });

  it("ignores the category and tag tokens of a post's class list", () => {
    const post = element("article", { class: "post-42 post category-social-media tag-comments" });
    expect(marksOf(post, patterns).boilerplate).toBeUndefined();
    const list = element("div", { class: "category-social-media" });
    expect(marksOf(list, patterns).boilerplate?.kind).toBe("share-bar");
  });

  it("reads the narrowest grid width of an element", () => {
    expect(gridWidthOf(element("div", { class: "col-xs-12 col-md-4" }), patterns)).toBe(4);
    expect(gridWidthOf(element("div", { class: "large-8 columns" }), patterns)).toBe(8);
    expect(gridWidthOf(element("div", { class: "column-wide" }), patterns)).toBeUndefined();
  });

  it("rejects an unknown kind and a bad tier by file and id", () => {
    const base = { gridColumn: "^col-(\\d+)$", taxonomyPrefixes: [], content: [] };
    expect(() =>
      parseHtmlPatterns({ ...base, boilerplate: [{ id: "x/y", kind: "nonsense", words: ["a"] }] }, "t.json"),
    ).toThrow(/t\.json#x\/y: unknown kind "nonsense"/);
    expect(() =>
      parseHtmlPatterns({ ...base, boilerplate: [], content: [{ id: "c", tier: 7 }] }, "t.json"),
    ).toThrow(/tier must be 1, 2 or 3/);
  });
});
