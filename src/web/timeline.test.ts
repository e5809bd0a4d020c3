import { describe, expect, it } from "vitest";
import type { Event, EventDate, EventField, SourcedValue } from "../model/index.js";
import { dayLabel, dayNumber, dayRange, timelineRows } from "./timeline.js";

function field<T>(values: SourcedValue<T>[], resolved?: T): EventField<T> {
  return { values, ...(resolved ? { resolved } : {}), confidence: values.length > 0 ? 1 : 0, reason: "" };
}

function dated(id: string, dates: [string, string][]): Event {
  const values = dates.map(([outlet, value], i) => ({
    value: { value, precision: "day", basis: "explicit" } as EventDate,
    articleId: `a${i}`,
    outlet,
    reportId: `a${i}#e1`,
    evidence: [{ start: 0, end: 5, text: "x", sentence: 0 }],
  }));
  return {
    id,
    type: "disasters",
    subType: "earthquake",
    storyIds: ["s"],
    reports: [],
    fields: {
      subType: field([]),
      actor1: field([]),
      actor2: field([]),
      associated: field([]),
      place: field([]),
      date: field(values),
      fatalities: field([]),
    },
    confidence: 1,
  };
}

describe("timeline", () => {
  it("reads days, months, years and ISO weeks", () => {
    expect(dayLabel(dayNumber("2023-02-07")!)).toBe("2023-02-07");
    expect(dayLabel(dayNumber("2023-02")!)).toBe("2023-02-01");
    expect(dayLabel(dayNumber("2023")!)).toBe("2023-01-01");
    expect(dayLabel(dayNumber("2023-W06")!)).toBe("2023-02-06");
    expect(dayNumber("XXXX-11-08")).toBeUndefined();
  });

  it("marks events whose sources give different dates", () => {
    const rows = timelineRows([
      dated("e1", [
        ["Wire", "2023-02-07"],
        ["Regional", "2023-02-06"],
      ]),
      dated("e2", [
        ["Wire", "2023-02-07"],
        ["Regional", "2023-02-07"],
      ]),
      dated("e3", []),
    ]);
    expect(rows.map((r) => [r.eventId, r.disagree])).toEqual([
      ["e1", true],
      ["e2", false],
    ]);
    expect(rows[0]!.values.map((v) => v.outlet)).toEqual(["Wire", "Regional"]);
    expect(dayRange(rows)!.map(dayLabel)).toEqual(["2023-02-06", "2023-02-07"]);
  });
});
