import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createIngester, type RawInput } from "./index.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const input = (locator: string, content: string | Uint8Array, contentType?: string): RawInput => ({
  locator,
  bytes: typeof content === "string" ? utf8(content) : content,
  ...(contentType ? { contentType } : {}),
});

/** Encodes text in a single-byte charset through the charset's table of 256 byte values. */
function encode(text: string, charset: string): Uint8Array {
  const decoder = new TextDecoder(charset);
  const byteOf = new Map<string, number>();
  for (let b = 255; b >= 0; b--) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((c) => byteOf.get(c) ?? 0x3f));
}
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

const ARABIC =
  "قضت المحكمة العليا يوم الثلاثاء بإلغاء نتائج الانتخابات في ثلاث دوائر، وأمرت بإعادة التصويت خلال شهر.";
const RUSSIAN =
  "Землетрясение магнитудой 6,4 произошло во вторник у побережья; спасатели эвакуировали жителей трёх сёл.";

const ingest = createIngester();

describe("createIngester: formats", () => {
  it("reads the seed articles as raw UTF-8 text, unchanged", () => {
    const path = "examples/albu-kamal/000_94ae060d2235aff0.txt";
    const bytes = readFileSync(path);
    const { documents, diagnostics } = ingest(input(path, bytes));
    expect(diagnostics).toEqual([]);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      origin: { locator: path },
      format: "raw",
      encoding: { value: "utf-8", source: "valid-utf-8" },
      given: {},
    });
    expect(documents[0]?.content).toBe(bytes.toString("utf8"));
  });

  it("takes the format from the extension", () => {
    expect(ingest(input("a/page.HTM", "<p>Polls closed at 8 pm.</p>")).documents[0]?.format).toBe("html");
    expect(ingest(input("https://x.org/a.html?id=3", "Polls closed.")).documents[0]?.format).toBe("html");
    expect(ingest(input("notes.txt", "<p>not markup: a txt file</p>")).documents[0]?.format).toBe("raw");
  });

  it("sniffs stdin and unknown extensions: JSON, JSONL, markup, raw", () => {
    const json = ingest(input("stdin", '{"title":"Quake","text":"A quake struck."}')).documents;
    expect(json).toMatchObject([{ format: "text", content: "A quake struck.", given: { title: "Quake" } }]);
    const jsonl = ingest(input("stdin", '{"raw":"one"}\n{"raw":"two"}\n')).documents;
    expect(jsonl.map((d) => [d.content, d.origin.record])).toEqual([
      ["one", 1],
      ["two", 2],
    ]);
    expect(ingest(input("stdin", "<!doctype html><p>The court ruled.</p>")).documents[0]?.format).toBe(
      "html",
    );
    expect(ingest(input("feed.dat", "Header\n<div>The court ruled.</div>")).documents[0]?.format).toBe(
      "html",
    );
    expect(ingest(input("stdin", "[Photo] The court ruled on Monday.")).documents[0]?.format).toBe("raw");
  });

  it("lets `as` override the content format of every document", () => {
    const asText = createIngester({ as: "text" });
    expect(asText(input("page.html", "Clean text")).documents[0]?.format).toBe("text");
    const records = asText(input("x.jsonl", '{"html":"<p>a</p>"}\n{"raw":"b"}')).documents;
    expect(records.map((d) => d.format)).toEqual(["text", "text"]);
  });

  it("refuses bad options when built, not when run", () => {
    expect(() => createIngester({ as: "pdf" as never })).toThrow(/html, raw, text/);
    expect(() => createIngester({ fallbackCharset: "nope" })).toThrow(/fallbackCharset/);
  });
});

describe("createIngester: records", () => {
  it("reads a JSON array of records, with their values in `given`", () => {
    const records = [
      {
        id: 42,
        url: "https://news.example/vote",
        outlet: "Example News",
        title: "Vote count ends",
        published: "2024-06-02",
        authors: ["A. Writer", " B. Writer "],
        html: "<p>The count ended.</p>",
      },
      { authors: "C. Writer", text: "Turnout was 61%." },
      { raw: "Scraped text" },
    ];
    const { documents, diagnostics } = ingest(input("batch.json", JSON.stringify(records)));
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => [d.format, d.origin.record])).toEqual([
      ["html", 0],
      ["text", 1],
      ["raw", 2],
    ]);
    expect(documents[0]?.given).toEqual({
      id: "42",
      url: "https://news.example/vote",
      outlet: "Example News",
      title: "Vote count ends",
      published: "2024-06-02",
      authors: ["A. Writer", "B. Writer"],
    });
    expect(documents[1]?.given).toEqual({ authors: ["C. Writer"] });
  });

  it("prefers clean text over html over raw in one record", () => {
    const doc = ingest(input("one.json", '{"raw":"r","html":"<p>h</p>","text":"t"}')).documents[0];
    expect(doc).toMatchObject({ format: "text", content: "t" });
  });

  it("reports a wrongly typed field and keeps the record", () => {
    const { documents, diagnostics } = ingest(input("one.json", '{"title":7,"text":"t"}'));
    expect(documents).toHaveLength(1);
    expect(diagnostics).toMatchObject([
      { code: "ingest/invalid-field", input: "one.json", severity: "warning" },
    ]);
  });
});

describe("createIngester: problems become diagnostics and processing goes on", () => {
  it("empty file", () => {
    for (const bytes of [new Uint8Array(0), utf8("  \n\t\n")]) {
      const result = ingest(input("empty.txt", bytes));
      expect(result.documents).toEqual([]);
      expect(result.diagnostics).toMatchObject([{ code: "ingest/empty", input: "empty.txt" }]);
    }
    expect(ingest(input("none.json", "[]")).diagnostics).toMatchObject([{ code: "ingest/empty" }]);
  });

  it("binary file", () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48);
    const result = ingest(input("photo.html", png));
    expect(result.documents).toEqual([]);
    expect(result.diagnostics).toMatchObject([{ code: "ingest/binary", input: "photo.html" }]);
  });

  it("invalid JSON line: the other lines still come through", () => {
    const lines = ['{"text":"Line one."}', '{"text": broken', "", '{"text":"Line four."}'].join("\n");
    const { documents, diagnostics } = ingest(input("feed.jsonl", lines));
    expect(documents.map((d) => d.content)).toEqual(["Line one.", "Line four."]);
    expect(documents.map((d) => d.origin.record)).toEqual([1, 4]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: "ingest/invalid-json",
      input: "feed.jsonl#line 2",
      stage: "ingest",
    });
    expect(diagnostics[0]?.message).not.toContain("\n");
  });

  it("invalid JSON file", () => {
    const { documents, diagnostics } = ingest(input("bad.json", '{"text": '));
    expect(documents).toEqual([]);
    expect(diagnostics).toMatchObject([
      { code: "ingest/invalid-json", input: "bad.json", severity: "error" },
    ]);
  });

  it("record without text, html or raw; record that is not an object", () => {
    const lines = '{"title":"No body"}\n"just a string"\n{"raw":"ok"}';
    const { documents, diagnostics } = ingest(input("feed.jsonl", lines));
    expect(documents).toHaveLength(1);
    expect(diagnostics).toMatchObject([
      { code: "ingest/no-content", input: "feed.jsonl#line 1" },
      { code: "ingest/invalid-record", input: "feed.jsonl#line 2" },
    ]);
    const array = ingest(input("a.json", '[{"text":"ok"},{"html":"  "}]'));
    expect(array.diagnostics).toMatchObject([{ code: "ingest/no-content", input: "a.json#index 1" }]);
  });

  it("unknown declared charset is reported, the text still decoded", () => {
    const result = ingest(input("stdin", "Election results", "text/plain; charset=bogus-8"));
    expect(result.documents[0]?.content).toBe("Election results");
    expect(result.diagnostics).toMatchObject([{ code: "ingest/unknown-charset", input: "stdin" }]);
  });
});

describe("createIngester: charsets of whole pages", () => {
  const arabicPage = (head: string) =>
    join(
      utf8(`<html><head>${head}<title>`),
      encode("حكم قضائي", "windows-1256"),
      utf8("</title></head><body><p>"),
      encode(ARABIC, "windows-1256"),
      utf8("</p></body></html>"),
    );
  const russianPage = (head: string) =>
    join(
      utf8(`<html><head>${head}</head><body><article><p>`),
      encode(RUSSIAN, "windows-1251"),
      utf8("</p></article></body></html>"),
    );

  it("windows-1256 Arabic page, undeclared and declared", () => {
    const undeclared = ingest(input("ar.html", arabicPage(""))).documents[0];
    expect(undeclared?.content).toContain(ARABIC);
    expect(undeclared?.encoding).toEqual({ value: "windows-1256", source: "sniff:byte-frequency" });
    const declared = ingest(input("ar.html", arabicPage('<meta charset="windows-1256">'))).documents[0];
    expect(declared?.content).toContain(ARABIC);
    expect(declared?.encoding).toEqual({ value: "windows-1256", source: "meta" });
    const byHttp = ingest(input("https://x.example/ar", arabicPage(""), "text/html; charset=windows-1256"));
    expect(byHttp.documents[0]?.encoding).toEqual({ value: "windows-1256", source: "content-type" });
  });

  it("windows-1251 Russian page, undeclared and declared", () => {
    const undeclared = ingest(input("ru.html", russianPage(""))).documents[0];
    expect(undeclared?.content).toContain(RUSSIAN);
    expect(undeclared?.encoding).toEqual({ value: "windows-1251", source: "sniff:byte-frequency" });
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">';
    const declared = ingest(input("ru.html", russianPage(head))).documents[0];
    expect(declared?.content).toContain(RUSSIAN);
    expect(declared?.encoding).toEqual({ value: "windows-1251", source: "meta" });
  });

  it("an undeclared Russian page from stdin is sniffed as markup and decoded", () => {
    const doc = ingest(input("stdin", russianPage(""))).documents[0];
    expect(doc).toMatchObject({ format: "html", encoding: { value: "windows-1251" } });
    expect(doc?.content).toContain(RUSSIAN);
  });
});

describe("input size cap", () => {
  it("refuses an input over maxInputBytes with one error naming it and its size", () => {
    const small = createIngester({ maxInputBytes: 100 });
    const result = small(input("big.html", `<p>${"x".repeat(200)}</p>`));
    expect(result.documents).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      severity: "error",
      code: "ingest/too-large",
      input: "big.html",
    });
    expect(result.diagnostics[0]?.message).toMatch(/^big\.html is 207 bytes, over the 100-byte limit/);
    expect(small(input("ok.html", "<p>short</p>")).documents).toHaveLength(1);
  });

  it("rejects a bad limit when the ingester is built", () => {
    expect(() => createIngester({ maxInputBytes: 0 })).toThrow(/maxInputBytes/);
  });

  it("reports a mislabelled charset and records where the charset came from", () => {
    const page = join(utf8('<meta charset="utf-8"><p>'), encode(RUSSIAN, "windows-1251"), utf8("</p>"));
    const result = ingest(input("ru.html", page));
    expect(result.documents[0]?.encoding).toEqual({ value: "windows-1251", source: "sniff:byte-frequency" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ingest/charset-mislabelled"]);
  });
});
