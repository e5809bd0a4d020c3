import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "./markdown.js";
import { renderTable, wrap } from "./terminal.js";
import { stripControls } from "./text.js";

describe("reports treat scraped text as hostile", () => {
  it("strips terminal escape sequences and control characters", () => {
    expect(stripControls("ok\u001b[31mred\u001b[0m\u0007!")).toBe("okred!");
  });
  it("escapes Markdown and HTML", () => {
    expect(escapeMarkdown("<script>x</script> [a](b) | *c*")).toBe(
      "&lt;script&gt;x&lt;/script&gt; \\[a\\](b) \\| \\*c\\*",
    );
  });
});

describe("terminal table", () => {
  it("wraps words to the column width", () => {
    expect(wrap("the quick brown fox", 9)).toEqual(["the quick", "brown fox"]);
    expect(wrap("abcdefghijkl", 5)).toEqual(["abcde", "fghij", "kl"]);
  });
  it("draws rows of equal width", () => {
    const lines = renderTable(
      [
        ["a", "b"],
        ["long text here", "x"],
      ],
      [6, 3],
    ).split("\n");
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});
