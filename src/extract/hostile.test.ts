import { describe, expect, it } from "vitest";
import { createIngester, type RawInput } from "../ingest/index.js";
import type { Article, Diagnostic } from "../model/index.js";
import { createExtractor } from "./index.js";

/**
 * Pages built to bring extraction down (issue 8): each must end, within seconds and without
 * throwing, in an article or in a diagnostic that names the input, as the pipeline builds them.
 */
const ingest = createIngester();
const extract = createExtractor();

/** Generous on a loaded machine: each case takes well under a second alone. */
const SECONDS = 10_000;
const DEPTH = 100_000;
const COURT = "The regional court upheld the ruling on Tuesday after a two-day hearing in the capital.";
const QUAKE =
  "A magnitude 6.1 earthquake struck the coast early on Monday, damaging roads and several bridges.";

function run(input: RawInput): { articles: Article[]; diagnostics: Diagnostic[] } {
  const ingested = ingest(input);
  const articles = ingested.documents.map((document) => extract(document));
  return { articles, diagnostics: [...ingested.diagnostics, ...articles.flatMap((a) => a.diagnostics)] };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const HEAD = "<html><head><title>A test page</title></head><body>";
const TAIL = "</body></html>";
const page = (body: string): string => `${HEAD}${body}${TAIL}`;
const codesOf = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => d.code);

function expectNamed(diagnostics: readonly Diagnostic[], locator: string): void {
  for (const diagnostic of diagnostics) expect(diagnostic.input).toBe(locator);
}

describe("hostile pages", () => {
  it(
    "reads the text under 100,000 nested <div>s and says the page was too deep",
    { timeout: SECONDS },
    () => {
      const html = page(`${"<div>".repeat(DEPTH)}<p>${COURT}</p>${"</div>".repeat(DEPTH)}`);
      const { articles, diagnostics } = run({ locator: "deep-divs.html", bytes: utf8(html) });
      expect(articles[0]?.text).toContain(COURT);
      expect(codesOf(diagnostics)).toContain("extract/too-deep");
      expectNamed(diagnostics, "deep-divs.html");
    },
  );

  it("reads a <p> holding 100,000 nested <b>s, closed or not", { timeout: SECONDS }, () => {
    for (const closers of ["", "</b>".repeat(DEPTH)]) {
      const html = page(`<p>${"<b>".repeat(DEPTH)}${QUAKE}${closers}</p>`);
      const { articles, diagnostics } = run({ locator: "deep-bold.html", bytes: utf8(html) });
      expect(articles[0]?.text).toContain(QUAKE);
      expect(codesOf(diagnostics)).toContain("extract/too-deep");
    }
  });

  it(
    "counts <div/> as an open <div>, as HTML does, so 100,000 of them are too deep",
    { timeout: SECONDS },
    () => {
      const html = page(`${"<div/>".repeat(DEPTH)}<p>${COURT}</p>`);
      const { articles, diagnostics } = run({ locator: "self-closed.html", bytes: utf8(html) });
      expect(articles[0]?.text).toContain(COURT);
      expect(codesOf(diagnostics)).toContain("extract/too-deep");
    },
  );

  it(
    "reads a page of 100,000 empty list items without the Readability fallback",
    { timeout: SECONDS },
    () => {
      const html = page(`<ul>${"<li>".repeat(DEPTH)}</ul><p>${QUAKE}</p>`);
      const { articles } = run({ locator: "many-items.html", bytes: utf8(html) });
      expect(articles[0]?.text).toContain(QUAKE);
      expect(articles[0]?.extractedBy.method).not.toBe("readability");
    },
  );

  it("reads a 5 MB page of one long line, cut at the character cap", { timeout: SECONDS }, () => {
    const line = `${COURT} `.repeat(Math.ceil(5_000_000 / (COURT.length + 1)));
    const html = page(`<p>${line}</p>`);
    expect(html.length).toBeGreaterThan(5_000_000);
    expect(html).not.toContain("\n");
    const { articles, diagnostics } = run({ locator: "one-line.html", bytes: utf8(html) });
    expect(articles[0]?.text.startsWith(COURT)).toBe(true);
    expect(codesOf(diagnostics)).toContain("extract/too-large");
    expectNamed(diagnostics, "one-line.html");
  });

  it("reads a page with invalid UTF-8 bytes under a UTF-8 label, and says the label was wrong", () => {
    const invalid = [0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc];
    const bytes = new Uint8Array([
      ...utf8(`${HEAD}<p>${COURT} `),
      ...invalid,
      ...utf8(` ${QUAKE}</p>${TAIL}`),
    ]);
    const { articles, diagnostics } = run({
      locator: "bad-utf8.html",
      bytes,
      contentType: "text/html; charset=utf-8",
    });
    expect(articles[0]?.text).toContain(COURT);
    expect(articles[0]?.text).toContain(QUAKE);
    expect(codesOf(diagnostics)).toContain("ingest/charset-mislabelled");
    expectNamed(diagnostics, "bad-utf8.html");
  });

  it("reads an unlabelled page with invalid UTF-8 bytes", () => {
    const bytes = new Uint8Array([
      ...utf8(`${HEAD}<p>${COURT}`),
      0xc3,
      0x28,
      0xff,
      ...utf8(`${QUAKE}</p>${TAIL}`),
    ]);
    const { articles } = run({ locator: "bad-utf8-unlabelled.html", bytes });
    expect(articles[0]?.text).toContain(COURT);
    expect(articles[0]?.text).toContain(QUAKE);
  });
});
