import { describe, expect, it } from "vitest";
import { type Article, articleFromText, emptyAnnotations, type Story } from "../model/index.js";
import { createComparer } from "./index.js";

function article(
  id: string,
  outlet: string,
  text: string,
  quantities: Article["annotations"]["quantities"] = [],
): Article {
  return articleFromText(text, {
    id,
    origin: { locator: `${id}.txt` },
    outlet: { value: outlet, source: "record" },
    annotations: { ...emptyAnnotations(), quantities },
  });
}

const count = (text: string, start: number, low: number, high: number, counted?: string) => ({
  start,
  end: start + text.length,
  text,
  low,
  high,
  approximate: false,
  unit: "people",
  ...(counted ? { counted } : {}),
  provenance: { stage: "analyze" as const, method: "test" },
});

describe("createComparer", () => {
  const comparer = createComparer({ resolveDate: (v) => v });

  it("marks non-overlapping numbers as conflicting and names both", () => {
    const a = article("a", "Wire", "12 local people marched", [
      count("12 local people", 0, 12, 12, "local people"),
    ]);
    const b = article("b", "Daily", "dozens of local people marched", [
      count("dozens of local people", 0, 24, 99, "local people"),
    ]);
    const story: Story = { id: "s", title: "t", articleIds: ["a", "b"] };
    const [fact] = comparer(story, [a, b], []).facts;
    expect(fact?.cells.map((c) => c.status)).toEqual(["conflict", "conflict"]);
    expect(fact?.conflict).toBe("number");
    expect(fact?.note).toBe("Wire: 12-12; Daily: 24-99");
  });

  it("never sets bare-unit figures or an outlet's several figures of one unit against others", () => {
    const bare = comparer(
      { id: "s", title: "t", articleIds: ["a", "b"] },
      [
        article("a", "Wire", "12 people came", [count("12 people", 0, 12, 12, "people")]),
        article("b", "Daily", "400 people came", [count("400 people", 0, 400, 400, "people")]),
      ],
      [],
    ).facts[0];
    expect(bare?.cells.map((c) => c.status)).toEqual(["agree", "agree"]);
    const several = comparer(
      { id: "s", title: "t", articleIds: ["a", "b"] },
      [
        article("a", "Wire", "12 local people, then 30 local people", [
          count("12 local people", 0, 12, 12, "local people"),
          count("30 local people", 20, 30, 30, "local people"),
        ]),
        article("b", "Daily", "400 local people", [count("400 local people", 0, 400, 400, "local people")]),
      ],
      [],
    ).facts[0];
    expect(several?.conflict).toBeUndefined();
  });

  it("marks a fact one outlet alone gives as only there, absent elsewhere", () => {
    const a = article("a", "Wire", "12 people died", [count("12 people", 0, 12, 12)]);
    const b = article("b", "Daily", "a storm hit");
    const comparison = comparer({ id: "s", title: "t", articleIds: ["a", "b"] }, [a, b], []);
    expect(comparison.outlets).toEqual(["Wire", "Daily"]);
    expect(comparison.facts[0]?.cells.map((c) => c.status)).toEqual(["only", "absent"]);
  });

  it("ignores articles outside the story", () => {
    const a = article("a", "Wire", "12 people died", [count("12 people", 0, 12, 12)]);
    const c = article("c", "Other", "99 people died", [count("99 people", 0, 99, 99)]);
    const comparison = comparer({ id: "s", title: "t", articleIds: ["a"] }, [a, c], []);
    expect(comparison.outlets).toEqual(["Wire"]);
  });

  it("counts outlets that republish one wire text as one independent source", () => {
    const wire = { id: "w", match: "exact" as const, similarity: 1, members: ["w", "x"] };
    const text = "12 people died";
    const quantities = [count("12 people", 0, 12, 12)];
    const w = { ...article("w", "Wire", text, quantities), copyGroup: wire };
    const x = { ...article("x", "Reprint", text, quantities), copyGroup: wire };
    const y = article("y", "Daily", text, quantities);
    const [fact] = comparer({ id: "s", title: "t", articleIds: ["w", "x", "y"] }, [w, x, y], []).facts;
    expect(fact?.cells.map((c) => c.status)).toEqual(["agree", "agree", "agree"]);
    expect(fact?.cells.map((c) => c.copyGroup)).toEqual(["w", "w", undefined]);
    expect(fact?.independentSources).toBe(2);
  });

  it("orders outlets as the story lists its articles, whatever the order of the articles given", () => {
    const a = article("a", "Wire", "12 people died", [count("12 people", 0, 12, 12)]);
    const b = article("b", "Daily", "12 people died", [count("12 people", 0, 12, 12)]);
    const comparison = comparer({ id: "s", title: "t", articleIds: ["b", "a"] }, [a, b], []);
    expect(comparison.outlets).toEqual(["Daily", "Wire"]);
    expect(comparison.facts[0]?.cells.map((c) => c.articleId)).toEqual(["b", "a"]);
  });
});
