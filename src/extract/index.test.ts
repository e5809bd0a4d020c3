import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { emptyAnnotations, type SourceDocument } from "../model/index.js";
import { articleId, createExtractor } from "./index.js";

function textDocument(content: string, given: SourceDocument["given"] = {}): SourceDocument {
  return { origin: { locator: "stdin" }, format: "text", content, given };
}

describe("createExtractor, format text", () => {
  const extract = createExtractor();

  it("takes text as is: trimmed, \\n line endings, paragraphs joined by a blank line", () => {
    const content =
      "  The electoral commission confirmed the results on Sunday.\r\n\r\n\r\nTurnout was 61 percent.  \r\n";
    const article = extract(textDocument(content));
    expect(article.text).toBe(
      "The electoral commission confirmed the results on Sunday.\n\nTurnout was 61 percent.",
    );
    expect(article.contentHash).toBe(createHash("sha256").update(article.text).digest("hex"));
    expect(article.id).toBe(article.contentHash.slice(0, 16));
    expect(article.extractedBy).toEqual({ stage: "extract", method: "text" });
    expect(article.annotations).toEqual(emptyAnnotations());
    expect(article.removed).toEqual([]);
    expect(article.language).toEqual({ value: "en", source: "eld" });
  });

  it("uses the record's values with source 'record'", () => {
    const article = extract(
      textDocument("The court upheld the verdict on appeal.", {
        id: "case-42",
        url: "https://courts.example.org/2021/06/01/verdict",
        outlet: "Court News",
        title: "Verdict upheld",
        published: "2021-06-01T10:15:00Z",
        authors: ["Lee Chan"],
      }),
    );
    expect(article.id).toBe("case-42");
    expect(article.url).toBe("https://courts.example.org/2021/06/01/verdict");
    expect(article.outlet).toEqual({ value: "Court News", source: "record" });
    expect(article.title).toEqual({ value: "Verdict upheld", source: "record" });
    expect(article.published).toEqual({ value: "2021-06-01T10:15", precision: "minute", source: "record" });
    expect(article.authors).toEqual([{ value: "Lee Chan", source: "record" }]);
  });

  it("warns about a record date it cannot read and uses the URL's date", () => {
    const article = extract(
      textDocument("The court upheld the verdict.", {
        published: "sometime",
        url: "https://x.example/2021/06/01/a",
      }),
    );
    expect(article.published).toEqual({ value: "2021-06-01", precision: "day", source: "url" });
    expect(article.diagnostics.map((d) => d.code)).toEqual(["extract/bad-given-date"]);
  });

  it("reports an empty body as an error", () => {
    const article = extract(textDocument(" \n\n "));
    expect(article.text).toBe("");
    expect(article.language).toBeUndefined();
    expect(article.diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        stage: "extract",
        code: "extract/empty-body",
        input: "stdin",
      }),
    ]);
  });
});

describe("articleId", () => {
  const contentHash = "ab".repeat(32);

  it("prefers the given id, then the URL, then the content", () => {
    expect(articleId({ givenId: "x1", url: "https://a.example/p", contentHash })).toBe("x1");
    expect(articleId({ url: "https://a.example/p", contentHash })).toMatch(/^[0-9a-f]{16}$/);
    expect(articleId({ url: "https://a.example/p", contentHash })).not.toBe(contentHash.slice(0, 16));
    expect(articleId({ contentHash })).toBe(contentHash.slice(0, 16));
  });

  it("gives one id to spellings of the same URL", () => {
    const id = articleId({ url: "https://A.example/p/", contentHash });
    expect(articleId({ url: "https://a.example/p#comments", contentHash })).toBe(id);
    expect(articleId({ url: "https://a.example/q", contentHash })).not.toBe(id);
  });
});

describe("options", () => {
  it("rejects bad thresholds by name when the extractor is built", () => {
    expect(() => createExtractor({ shortBlockMaxWords: -1 })).toThrow(/shortBlockMaxWords/);
    expect(() => createExtractor({ titleMinWords: 30 })).toThrow(/titleMinWords/);
  });

  it("changes behaviour through options: a larger label limit drops a longer line", () => {
    const content =
      "The vote was close\n\nThe assembly passed the budget by a single vote after a long night of debate.";
    const raw: SourceDocument = { origin: { locator: "t" }, format: "raw", content, given: {} };
    const strict = createExtractor({ titleSearchBlocks: 0 })(raw);
    expect(strict.text).toBe("The assembly passed the budget by a single vote after a long night of debate.");
    const loose = createExtractor({ titleSearchBlocks: 0, shortBlockMaxWords: 2 })(raw);
    expect(loose.text).toBe(content);
  });
});
