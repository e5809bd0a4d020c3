import { beforeAll, describe, expect, it } from "vitest";
import { createHtmlBodyReader, type HtmlBodyReader, trimLabels } from "./extract.js";
import { parseHtml } from "./parse.js";
import { loadHtmlPatterns } from "./patterns.js";

const QUAKE = [
  "A magnitude 6.1 earthquake struck the mountain region before dawn on Monday, damaging dozens of old stone houses in three villages.",
  "Rescue teams pulled two people alive from the rubble of a collapsed bakery, the regional civil protection agency said in a statement.",
  "Schools will stay closed for the rest of the week while engineers inspect public buildings for cracks and other structural damage.",
];
const paragraphs = (texts: readonly string[]): string => texts.map((t) => `<p>${t}</p>`).join("");

describe("HTML body reader", () => {
  let reader: HtmlBodyReader;
  const read = (html: string) => reader.read(parseHtml(html).document);
  beforeAll(() => {
    reader = createHtmlBodyReader(loadHtmlPatterns());
  });

  it("takes the hinted body block and leaves the page around it", () => {
    const body =
      read(`<body><div class="promo-box"><p>${"Win a holiday for two in our big summer draw, enter today and good luck. ".repeat(3)}</p></div>
      <div class="story"><div class="entry-content">${paragraphs(QUAKE)}</div></div></body>`);
    expect(body.paragraphs).toEqual(QUAKE);
    expect(body.found).toBe("hint:content/article-body");
  });

  it("reads the lede set before the body block, in the same header", () => {
    const lede =
      "Dozens of homes were damaged and two people were rescued alive after the strongest quake in the region for forty years.";
    const body = read(`<body><div class="wrap"><header><p class="article-lead">${lede}</p></header>
      <div class="article-body">${paragraphs(QUAKE)}</div></div>
      <div class="more"><p class="summary">${"Another story summary that must stay out of this article. ".repeat(2)}</p></div></body>`);
    expect(body.paragraphs).toEqual([lede, ...QUAKE]);
  });

  it("reads the main column when article elements are only teasers of equal weight", () => {
    const teaser = (n: number) =>
      `<article><p>Teaser number ${n} about another story, with enough words to count as a sentence of prose.</p></article>`;
    const body = read(`<body><main>${teaser(1)}${teaser(2)}${teaser(3)}</main></body>`);
    expect(body.found).toBe("hint:main");
    expect(body.paragraphs).toHaveLength(3);
  });

  it("removes a narrow side column beside the wider main one", () => {
    const side =
      "Contact our newsroom by phone or e-mail at any time of the day or night, we answer quickly.";
    const body = read(`<body><main><div class="row"><div class="col-md-8">${paragraphs(QUAKE)}</div>
      <div class="col-md-4"><p>${side}</p></div></div></main></body>`);
    expect(body.paragraphs).toEqual(QUAKE);
    expect(body.removed).toContainEqual({ kind: "related-widget", text: side, rule: "html/side-column" });
  });

  it("removes link lists and link-only lines inside the body, keeps prose with a few links", () => {
    const body = read(`<body><div class="article-body">${paragraphs(QUAKE.slice(0, 2))}
      <ul><li><a href="/1">Earlier quakes in the region</a></li><li><a href="/2">How to prepare a go-bag</a></li></ul>
      <p>Officials urged residents to follow <a href="/advice">the official advice</a> and to stay out of damaged buildings until they are checked.</p>
      <p><a href="/live">Follow our live coverage</a></p></div></body>`);
    expect(body.paragraphs).toHaveLength(3);
    expect(body.removed.map((r) => r.rule)).toEqual(["html/link-list", "html/link-block"]);
  });

  it("reads the whole page, filtered, when no hint says where the article is", () => {
    const body = read(`<body><div id="x"><div class="menu"><a href="/">Home</a> <a href="/n">News</a></div>
      <div>${paragraphs(QUAKE)}</div><div class="footer-links"><a href="/a">About us</a></div></div></body>`);
    expect(body.found).toBe("body");
    expect(body.paragraphs).toEqual(QUAKE);
  });
});

describe("trimLabels", () => {
  const options = { leadingLabelMaxWords: 6, trailingLabelMaxWords: 6, proseMinChars: 40 };

  it("drops kickers before the first and labels after the last paragraph of prose", () => {
    const { kept, removed } = trimLabels(
      ["World", "5 min read", ...QUAKE, "Sources:", "Share this article"],
      options,
    );
    expect(kept).toEqual(QUAKE);
    expect(removed.map((r) => r.text)).toEqual(["World", "5 min read", "Sources:", "Share this article"]);
  });

  it("keeps subheadings between paragraphs and short sentences at the edges", () => {
    const lines = ["It was 4.32 am.", QUAKE[0] as string, "Rescue work", QUAKE[1] as string, "Nobody died."];
    expect(trimLabels(lines, options).kept).toEqual(lines);
  });
});
