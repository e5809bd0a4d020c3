import { describe, expect, it } from "vitest";
import type { Article, BoilerplateKind, SourceDocument } from "../../model/index.js";
import { createExtractor } from "../index.js";

/**
 * One hand-written page per kind of boilerplate: the article's paragraphs stay in `text`, the
 * boilerplate leaves it and is listed in `removed` with its kind.
 */

const ELECTION = [
  "Polling stations across the northern province closed at eight on Sunday evening, and election officials began counting ballots under the watch of observers from three parties.",
  "Turnout reached sixty-one percent, the highest in two decades, according to preliminary figures released by the electoral commission shortly before midnight.",
  "The governing coalition said it expected to keep its majority, while the opposition leader told supporters in the capital that the result was still far too close to call.",
];

const COURT = [
  "The constitutional court ruled on Thursday that the new surveillance law breaches the right to privacy, striking down two of its central provisions with immediate effect.",
  "In a unanimous decision, the nine judges said the police may not collect location data without a warrant signed by an independent magistrate.",
  "The interior ministry said it would study the judgment carefully and present an amended bill to parliament before the summer recess.",
];

const STORM = [
  "A powerful storm swept across the coast overnight, tearing roofs from houses, uprooting trees and cutting power to more than forty thousand homes.",
  "Emergency services said they had answered over two thousand calls by dawn, most of them about flooded cellars and fallen branches blocking roads.",
  "Forecasters warned that a second band of heavy rain would reach the mountains by Wednesday afternoon and urged residents to avoid unnecessary travel.",
];

function page(title: string, body: readonly string[], inside: string, outside = ""): string {
  const [first, ...rest] = body.map((p) => `<p>${p}</p>`);
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body>
    <header class="site-header"><a href="/">Front page</a> <a href="/news">News</a> <a href="/sport">Sport</a></header>
    ${outside}
    <main><article><h1>${title}</h1>
      <div class="article-body">${first}${inside}${rest.join("")}</div>
    </article></main>
    <footer><p>© 2024 The Example Courier</p></footer>
  </body></html>`;
}

function read(content: string): Article {
  const doc: SourceDocument = { origin: { locator: "fixture.html" }, format: "html", content, given: {} };
  return createExtractor()(doc);
}

interface Case {
  name: string;
  kind: BoilerplateKind;
  body: readonly string[];
  /** A phrase of the boilerplate that must leave the text. */
  phrase: string;
  inside?: string;
  outside?: string;
}

const CASES: Case[] = [
  {
    name: "cookie banner",
    kind: "cookie-notice",
    body: ELECTION,
    phrase: "We use cookies to improve your experience",
    outside: `<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience on our site and to show you relevant advertising.</p><a href="/privacy">Learn more</a></div>`,
  },
  {
    name: "share bar",
    kind: "share-bar",
    body: COURT,
    phrase: "Share this story",
    inside: `<div class="social-share-bar"><span>Share this story</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>`,
  },
  {
    name: "newsletter box",
    kind: "newsletter",
    body: STORM,
    phrase: "Get the morning briefing",
    inside: `<aside class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up to receive the top stories of the day in your inbox every weekday morning.</p><input type="email"></aside>`,
  },
  {
    name: "read-more list",
    kind: "related-widget",
    body: ELECTION,
    phrase: "How the new voting machines work",
    inside: `<div class="related-articles"><h4>Related coverage</h4><ul><li><a href="/a">How the new voting machines work and why officials trust them</a></li><li><a href="/b">Five things to watch on election night in the province</a></li></ul></div>`,
  },
  {
    name: "comment thread",
    kind: "comments",
    body: COURT,
    phrase: "judges finally stood up",
    inside: `<section id="comments" class="comments-area"><h3>3 comments</h3><div class="comment"><p>Good to see the judges finally stood up for our privacy, this law was wrong from the start.</p></div><div class="comment"><p>The police need these powers to fight crime, the court has made everybody less safe today.</p></div></section>`,
  },
  {
    name: "author bio",
    kind: "author-bio",
    body: STORM,
    phrase: "covers weather and climate",
    inside: `<div class="author-bio"><p>Dana Whitfield covers weather and climate for the Courier and has reported from four hurricane seasons on the coast.</p></div>`,
  },
  {
    name: "tag list",
    kind: "tags",
    body: ELECTION,
    phrase: "Provincial politics",
    inside: `<ul class="post-tags"><li><a href="/t/elections">Elections</a></li><li><a href="/t/province">Provincial politics</a></li></ul>`,
  },
  {
    name: "breadcrumbs",
    kind: "breadcrumb",
    body: COURT,
    phrase: "Home › Justice › Courts",
    outside: `<nav class="breadcrumbs">Home › Justice › Courts</nav>`,
  },
  {
    name: "paywall notice",
    kind: "paywall",
    body: STORM,
    phrase: "Subscribers get unlimited access",
    inside: `<div class="paywall-prompt"><p>Subscribers get unlimited access to our reporting for less than a coffee a week. Already a subscriber? Log in.</p></div>`,
  },
  {
    name: "live-blog timestamp",
    kind: "timestamp",
    body: ELECTION,
    phrase: "21:47 CET",
    inside: `<div class="live-entry"><span class="entry-timestamp">21:47 CET</span><p>The first results from the rural districts show the governing coalition ahead by four points, officials said.</p></div>`,
  },
  {
    name: "advertisement label",
    kind: "advertisement",
    body: COURT,
    phrase: "Sponsored content",
    inside: `<div class="ad-slot ad-slot--inline"><span>Sponsored content</span><p>Refinance your home today with rates starting at an amazing low level for new customers.</p></div>`,
  },
];

describe("HTML boilerplate, one page per kind", () => {
  for (const c of CASES) {
    it(`removes a ${c.name} (${c.kind}) and keeps the article`, () => {
      const article = read(page("Page title for the fixture", c.body, c.inside ?? "", c.outside ?? ""));
      for (const paragraph of c.body) expect(article.text).toContain(paragraph);
      expect(article.text).not.toContain(c.phrase);
      const entry = article.removed.find((r) => r.text.includes(c.phrase));
      expect(entry?.kind).toBe(c.kind);
    });
  }

  it("keeps the article when a wrapper's class names furniture (has-sidebar, comments-open)", () => {
    const content = `<html><body class="single has-sidebar comments-open">
      <div class="site-content has-sidebar"><div class="post-wrap">${STORM.map((p) => `<p>${p}</p>`).join("")}</div>
      <div class="sidebar"><a href="/1">Most read today</a> <a href="/2">Weather warnings</a></div></div></body></html>`;
    const article = read(content);
    expect(article.text).toBe(STORM.join("\n\n"));
    expect(article.removed.some((r) => r.kind === "related-widget" && r.text.includes("Most read"))).toBe(
      true,
    );
  });
});

describe("HTML that breaks naive readers", () => {
  it("reads a page nested 100,000 elements deep without overflowing the stack", () => {
    const depth = 100_000;
    const content = `<html><body><article>${"<div>".repeat(depth)}${STORM.map((p) => `<p>${p}</p>`).join("")}${"</div>".repeat(depth)}</article></body></html>`;
    const article = read(content);
    for (const paragraph of STORM) expect(article.text).toContain(paragraph);
    expect(article.diagnostics.map((d) => d.code)).toContain("extract/too-deep");
  });

  it("reads malformed HTML: unclosed tags, stray closers, garbage bytes", () => {
    const content = `<html><body><div class="article-body"><p>${COURT[0]}<p>${COURT[1]}</span></b>
      <p>${COURT[2]} <b>unclosed bold</div></td>\u0000\uFFFD<<>><!-- never closed`;
    const article = read(content);
    for (const paragraph of COURT) expect(article.text).toContain(paragraph);
  });

  it("reads a fragment without html or body elements", () => {
    const article = read(ELECTION.map((p) => `<p>${p}</p>`).join("\n"));
    expect(article.text).toBe(ELECTION.join("\n\n"));
  });
});
