import { describe, expect, it } from "vitest";
import { loadTimeLexicon, parseTimeLexicon } from "./lexicon.js";

describe("the time lexicon", () => {
  it("loads the project's file", () => {
    const words = loadTimeLexicon();
    expect(words.yearParts.quarter).toEqual({ timex: "Q", count: 4 });
    expect(words.seasons.fall).toBe("FA");
    expect(words.vagueReferences.now).toBe("PRESENT_REF");
    expect(words.holidays["Thanksgiving Day"]).toEqual({ month: 11, weekday: 4, onOrAfter: 22 });
    expect(words.referenceShifts["the next day"]).toEqual({ unit: "day", amount: 1 });
  });

  it("names the entry at fault", () => {
    const json = JSON.parse(JSON.stringify(loadTimeLexicon())) as Record<string, unknown>;
    expect(() => parseTimeLexicon({ ...json, vagueAdjectives: { current: "NOW" } })).toThrow(
      /vagueAdjectives\.current/,
    );
    expect(() => parseTimeLexicon({ ...json, yearParts: { quarter: { timex: "Q", count: 1 } } })).toThrow(
      /yearParts\.quarter\.count/,
    );
    expect(() => parseTimeLexicon({ ...json, holidays: { Christmas: { month: 13, day: 25 } } })).toThrow(
      /holidays\.Christmas/,
    );
    expect(() =>
      parseTimeLexicon({ ...json, referenceShifts: { "the next day": { unit: "fortnight", amount: 1 } } }),
    ).toThrow(/referenceShifts\.the next day\.unit/);
  });
});
