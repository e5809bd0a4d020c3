import { isTag } from "domhandler";
import { findAll, textContent } from "domutils";
import { describe, expect, it } from "vitest";
import { parseHtml, stripDeepTags } from "./parse.js";

describe("parseHtml", () => {
  it("parses a normal page unchanged and without diagnostics", () => {
    const html = "<html><body><div><p>The council approved the budget.</p></div></body></html>";
    const { document, diagnostics, markup } = parseHtml(html);
    expect(markup).toBe(html);
    expect(diagnostics).toEqual([]);
    expect(textContent(document)).toBe("The council approved the budget.");
  });

  it("cuts a page longer than maxChars and says so", () => {
    const { diagnostics, markup } = parseHtml(
      "<p>" + "a".repeat(100) + "</p>",
      { maxChars: 20, maxDepth: 50 },
      "big.html",
    );
    expect(markup).toHaveLength(20);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", code: "extract/too-large", input: "big.html" }),
    ]);
  });

  it("flattens elements below maxDepth, keeping their text, and says so", () => {
    const html = `<body>${"<div>".repeat(30)}<p>Flood <b>waters</b> rose.</p>${"</div>".repeat(30)}</body>`;
    const { document, diagnostics } = parseHtml(html, { maxChars: 1e6, maxDepth: 10 });
    expect(diagnostics.map((d) => d.code)).toEqual(["extract/too-deep"]);
    expect(textContent(document).replace(/\s+/g, " ").trim()).toBe("Flood waters rose.");
    const depthOf = (node: { parent: unknown }): number => {
      let depth = 0;
      for (let n = node.parent as { parent: unknown } | null; n; n = n.parent as { parent: unknown } | null)
        depth++;
      return depth;
    };
    const deepest = Math.max(...findAll(() => true, document.children).map(depthOf));
    expect(deepest).toBeLessThanOrEqual(10);
  });

  it("never throws on garbage", () => {
    for (const junk of [
      "",
      "<",
      "</p></div>",
      "<<<>>>",
      "<div class='x",
      "\u0000\uFFFD<!--",
      "<script>if (a < b) {",
    ]) {
      expect(() => parseHtml(junk)).not.toThrow();
    }
  });
});

describe("stripDeepTags", () => {
  it("leaves shallow markup as the same string", () => {
    const html = "<div><p>One<p>Two<br><img src=x></div>";
    expect(stripDeepTags(html, 3).markup).toBe(html);
  });

  it("does not count tags inside scripts, comments or void elements", () => {
    const html = `<div><script>"${"<div>".repeat(10)}"</script><!-- ${"<div>".repeat(10)} -->${"<br>".repeat(10)}</div>`;
    expect(stripDeepTags(html, 2).stripped).toBe(0);
  });

  it("cuts both tags of every element below the cap", () => {
    const { markup, stripped } = stripDeepTags("<a1><a2><a3>text</a3></a2></a1>", 2);
    expect(stripped).toBe(2);
    expect(markup.replace(/\s+/g, "")).toBe("<a1><a2>text</a2></a1>");
    expect(findAll((e) => isTag(e), parseHtml(markup).document.children)).toHaveLength(2);
  });
});
