import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "./markdown.js";
import { renderTable, wrap } from "./terminal.js";
import { factTitle, stripControls } from "./text.js";

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

describe("fact titles", () => {
  const cell = (articleId: string, copyGroup?: string) => ({
    articleId,
    outlet: articleId,
    status: "agree" as const,
    wording: [],
    ...(copyGroup ? { copyGroup } : {}),
  });
  it("say how many independent texts stand behind outlets that republish one wire story", () => {
    const fact = {
      id: "f",
      kind: "number" as const,
      label: "12 people killed",
      cells: [cell("a", "a"), cell("b", "a"), cell("c")],
      independentSources: 2,
    };
    expect(factTitle(fact)).toBe("12 people killed (3 outlets, 2 independent texts)");
  });
  it("say nothing more when every outlet wrote its own text", () => {
    const fact = {
      id: "f",
      kind: "number" as const,
      label: "12",
      cells: [cell("a"), cell("b")],
      independentSources: 2,
    };
    expect(factTitle(fact)).toBe("12");
  });
});
