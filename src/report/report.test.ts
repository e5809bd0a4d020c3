import { describe, expect, it } from "vitest";
import { BATTLE } from "../export/test-support.js";
import { articleFromText, type ParallaxResult, SCHEMA_VERSION, type Story } from "../model/index.js";
import { escapeLineStart, escapeMarkdown, renderMarkdown } from "./markdown.js";
import { renderTable, renderTerminal, wrap } from "./terminal.js";
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
    expect(factTitle(fact)).toBe("12 people killed\n3 outlets, 2 independent texts");
  });
  it("count the independent texts when every outlet wrote its own, and nothing for one outlet", () => {
    const fact = {
      id: "f",
      kind: "number" as const,
      label: "12",
      cells: [cell("a"), cell("b")],
      independentSources: 2,
    };
    expect(factTitle(fact)).toBe("12\n2 independent texts");
    expect(factTitle({ ...fact, cells: [cell("a"), { ...cell("b"), status: "absent" as const }] })).toBe(
      "12",
    );
  });
});

describe("events in reports", () => {
  const articles = [
    articleFromText("x", { id: "a000", outlet: { value: "Outlet Zero", source: "record" } }),
    articleFromText("x", { id: "a001", outlet: { value: "Outlet <b>One</b>", source: "record" } }),
  ];
  const story: Story = {
    id: "story-1",
    title: "Town retaken",
    articleIds: ["a000", "a001"],
    eventIds: [BATTLE.id],
    comparison: { outlets: ["Outlet Zero", "Outlet <b>One</b>"], facts: [] },
  };
  const result: ParallaxResult = {
    schemaVersion: SCHEMA_VERSION,
    generatedBy: "test",
    articles,
    stories: [story],
    events: [BATTLE],
    diagnostics: [],
  };

  it("the terminal lists a story's events with place, resolved date and each source's date", () => {
    const text = renderTerminal(result);
    expect(text).toContain("  Events:");
    expect(text).toContain(
      "    - government regains territory at Abu Kamal, Syria, 2017-11-08 (dates: Outlet Zero: 2017-11-08; Outlet <b>One</b>: 2017-11-09)",
    );
  });

  it("lists every distinct date one source gives, once each", () => {
    const dates = BATTLE.fields.date;
    const second = { ...(dates.values[0] as (typeof dates.values)[number]) };
    const twice = {
      ...BATTLE,
      fields: {
        ...BATTLE.fields,
        date: {
          ...dates,
          values: [
            ...dates.values,
            { ...second, value: { ...second.value, value: "2017-11-10" } },
            { ...second, reportId: "again" },
          ],
        },
      },
    };
    const text = renderTerminal({ ...result, events: [twice] });
    expect(text).toContain("(dates: Outlet Zero: 2017-11-08, 2017-11-10; Outlet <b>One</b>: 2017-11-09)");
  });

  it("the terminal shortens a long list", () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ...BATTLE, id: `e${i}` }));
    const text = renderTerminal(
      { ...result, events: many, stories: [{ ...story, eventIds: many.map((e) => e.id) }] },
      { maxEvents: 5 },
    );
    expect(text.match(/^ {4}- /gm)).toHaveLength(5);
    expect(text).toContain("(+2 more)");
  });

  it("Markdown lists them escaped, and a line start cannot open a heading or a list", () => {
    const md = renderMarkdown(result);
    expect(md).toContain("**Events**");
    expect(md).toContain("Outlet &lt;b&gt;One&lt;/b&gt;: 2017-11-09");
    expect(escapeLineStart("# heading")).toBe("\\# heading");
    expect(escapeLineStart("1. item")).toBe("1\\. item");
    const hostile = { ...BATTLE, id: "h", subType: "1.-x" };
    const md2 = renderMarkdown({ ...result, events: [hostile], stories: [{ ...story, eventIds: ["h"] }] });
    expect(md2).toContain("- 1\\. x at Abu Kamal");
  });

  it("say nothing of events when a story has none", () => {
    const quiet = { ...result, events: [], stories: [{ ...story, eventIds: [] }] };
    expect(renderTerminal(quiet)).not.toContain("Events:");
    expect(renderMarkdown(quiet)).not.toContain("**Events**");
  });
});
