import { describe, expect, it } from "vitest";
import { layout, runs, type MarkSpan, type Run } from "./highlight.js";

const text = "Officials said 40 people died in Malatya on Tuesday.";
const slice = (r: Run) => text.slice(r.start, r.end);

describe("runs", () => {
  it("cuts at every boundary and covers the text exactly", () => {
    const spans: MarkSpan[] = [
      { start: 15, end: 24, kind: "quantity" }, // "40 people"
      { start: 33, end: 40, kind: "place" }, // "Malatya"
    ];
    const result = runs(spans, 0, text.length);
    expect(result.map(slice).join("")).toBe(text);
    expect(result.filter((r) => r.kinds.length > 0).map((r) => [slice(r), r.kinds])).toEqual([
      ["40 people", ["quantity"]],
      ["Malatya", ["place"]],
    ]);
  });

  it("nests a mention inside another and splits overlapping ones", () => {
    const spans: MarkSpan[] = [
      { start: 15, end: 51, kind: "quote" }, // "40 people died in Malatya on Tuesday"
      { start: 33, end: 40, kind: "place" }, // "Malatya" inside the quote
      { start: 38, end: 51, kind: "time" }, // "ya on Tuesday": overlaps the place's end
    ];
    const result = runs(spans, 0, text.length).map((r) => [slice(r), r.kinds]);
    expect(result).toEqual([
      ["Officials said ", []],
      ["40 people died in ", ["quote"]],
      ["Malat", ["quote", "place"]],
      ["ya", ["quote", "place", "time"]],
      [" on Tuesday", ["quote", "time"]],
      [".", []],
    ]);
  });

  it("drops empty, inverted and out-of-range spans", () => {
    const spans: MarkSpan[] = [
      { start: 5, end: 5, kind: "entity" },
      { start: 9, end: 3, kind: "entity" },
      { start: -10, end: 4, kind: "time" },
      { start: 50, end: 999, kind: "place" },
    ];
    const result = runs(spans, 0, text.length);
    expect(result.map(slice).join("")).toBe(text);
    expect(result.filter((r) => r.kinds.length > 0).map(slice)).toEqual(["Offi", "y."]);
  });
});

describe("layout", () => {
  it("splits the mentions crossing the passage's edges", () => {
    const spans: MarkSpan[] = [{ start: 10, end: 24, kind: "quote" }];
    const parts = layout(text.length, spans, { start: 15, end: 30 });
    expect(parts.before.map(slice)).toEqual(["Officials ", "said "]);
    expect(parts.passage.map((r) => [slice(r), r.kinds])).toEqual([
      ["40 people", ["quote"]],
      [" died ", []],
    ]);
    expect(parts.after.map(slice).join("")).toBe(text.slice(30));
  });

  it("clamps a passage past the end and works without one", () => {
    expect(layout(text.length, [], { start: 40, end: 500 }).passage.map(slice)).toEqual([text.slice(40)]);
    const whole = layout(text.length, []);
    expect(whole.before.map(slice)).toEqual([text]);
    expect(whole.passage).toEqual([]);
    expect(whole.after).toEqual([]);
  });
});
