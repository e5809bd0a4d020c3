import { isTag } from "domhandler";
import { findAll, textContent } from "domutils";
import { describe, expect, it } from "vitest";
import { countElements, parseHtml, stripDeepTags } from "./parse.js";

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

  it("counts <div/> as an open <div> (HTML ignores the slash), but not <path/> inside <svg>", () => {
    expect(stripDeepTags(`${"<div/>".repeat(5)}text`, 3).stripped).toBe(2);
    const icons = `<div><svg>${"<path d='M0'/>".repeat(50)}</svg><svg/>${"<br/>".repeat(50)}</div>`;
    expect(stripDeepTags(icons, 2).stripped).toBe(0);
  });

  it("closes what an end tag leaves open, as the parser does, so stray tags do not pile up", () => {
    // 50 unclosed <span>s inside one <div>: each </div> closes them all.
    const html = `<div>${"<span>x".repeat(50)}</div>`.repeat(20);
    expect(stripDeepTags(html, 3).stripped).toBe(20 * 48);
    const wellFormed = `<div><span/><i class="icon"/><b>x</div>`.repeat(300);
    expect(stripDeepTags(wellFormed, 4).stripped).toBe(0);
    expect(stripDeepTags(`${"</span>".repeat(1000)}<div>x</div>`, 1).stripped).toBe(0);
  });

  it("does not nest what opens a sibling: <a> in <a>, <h2> in <h1>", () => {
    expect(stripDeepTags(`${"<a href=x>link ".repeat(500)}`, 2).stripped).toBe(0);
    expect(stripDeepTags(`<h1>One<h2>Two<h3>Three`, 1).stripped).toBe(0);
  });
});

describe("countElements", () => {
  it("counts elements without recursion and stops past the cap", () => {
    const { document } = parseHtml("<div><p>a</p><p>b<b>c</b></p></div><!-- x -->text");
    expect(countElements(document, 100)).toBe(4);
    expect(countElements(document, 1)).toBe(2);
  });
});
