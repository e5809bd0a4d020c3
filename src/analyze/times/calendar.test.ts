import { describe, expect, it } from "vitest";
import {
  formatWeek,
  isoWeek,
  isoWeekday,
  parseDay,
  partOfYear,
  resolveAgainst,
  yearOfPart,
} from "./calendar.js";

describe("resolveAgainst", () => {
  it("fills a yearless day with the latest such day on or before the anchor", () => {
    expect(resolveAgainst("XXXX-11-08", "2017-11-10")).toBe("2017-11-08");
    expect(resolveAgainst("XXXX-11-10", "2017-11-10T09:52")).toBe("2017-11-10");
    expect(resolveAgainst("XXXX-11-11", "2017-11-10")).toBe("2016-11-11");
    expect(resolveAgainst("XXXX-03-12", "2024-03-11")).toBe("2023-03-12");
  });

  it("looks forward when asked", () => {
    expect(resolveAgainst("XXXX-03-12", "2024-03-11", "future")).toBe("2024-03-12");
    expect(resolveAgainst("XXXX-03-10", "2024-03-11", "future")).toBe("2025-03-10");
    expect(resolveAgainst("XXXX-WXX-7", "2024-03-11", "future")).toBe("2024-03-17");
  });

  it("resolves months, weekdays and clock times", () => {
    expect(resolveAgainst("XXXX-10", "2017-11-10")).toBe("2017-10");
    expect(resolveAgainst("XXXX-12", "2017-11-10")).toBe("2016-12");
    expect(resolveAgainst("XXXX-WXX-7", "2024-03-11")).toBe("2024-03-10"); // Sunday before Monday 11th
    expect(resolveAgainst("XXXX-WXX-1", "2024-03-11")).toBe("2024-03-11"); // the anchor's own weekday
    expect(resolveAgainst("XXXX-XX-XXT03:17", "2024-03-11")).toBe("2024-03-11T03:17");
    expect(resolveAgainst("XXXX-11-08T15:00", "2017-11-10")).toBe("2017-11-08T15:00");
  });

  it("finds the last 29 February", () => {
    expect(resolveAgainst("XXXX-02-29", "2023-06-01")).toBe("2020-02-29");
  });

  it("leaves known values and unusable anchors alone", () => {
    expect(resolveAgainst("2014", "2017-11-10")).toBe("2014");
    expect(resolveAgainst("PAST_REF", "2017-11-10")).toBe("PAST_REF");
    expect(resolveAgainst("XXXX-11-08", "XXXX-11-10")).toBe("XXXX-11-08");
    expect(resolveAgainst("XXXX-11-08", "not a date")).toBe("XXXX-11-08");
  });

  it("treats a month or year anchor as its last day", () => {
    expect(resolveAgainst("XXXX-11-08", "2017-11")).toBe("2017-11-08");
    expect(resolveAgainst("XXXX-12-24", "2017")).toBe("2017-12-24");
  });
});

describe("ISO weeks", () => {
  it("numbers weeks and weekdays as ISO 8601 does", () => {
    const friday = parseDay("2017-11-10") ?? { year: 0, month: 0, day: 0 };
    expect(isoWeekday(friday)).toBe(5);
    expect(isoWeek(friday)).toEqual({ year: 2017, week: 45 });
    expect(formatWeek({ year: 2021, month: 1, day: 1 })).toBe("2020-W53");
    expect(formatWeek({ year: 2024, month: 12, day: 30 })).toBe("2025-W01");
  });

  it("rejects impossible days", () => {
    expect(parseDay("2017-02-30")).toBeUndefined();
  });
});

describe("the nearest reading", () => {
  it("takes the closer weekday either side", () => {
    expect(resolveAgainst("XXXX-WXX-3", "2024-03-11", "nearest")).toBe("2024-03-13");
    expect(resolveAgainst("XXXX-WXX-5", "2024-03-11", "nearest")).toBe("2024-03-08");
  });

  it("takes the closer date either side, a tie going to the past", () => {
    expect(resolveAgainst("XXXX-01-24", "2000-01-13", "nearest")).toBe("2000-01-24");
    expect(resolveAgainst("XXXX-03", "1989-10-30", "nearest")).toBe("1990-03");
    expect(resolveAgainst("XXXX-05", "1989-10-30", "nearest")).toBe("1989-05");
    expect(resolveAgainst("XXXX-12", "1989-10-30", "nearest")).toBe("1989-12");
    expect(resolveAgainst("XXXX-05-01", "2019-02-01", "nearest")).toBe("2019-05-01");
  });
});

describe("parts of a year", () => {
  it("finds the year of a quarter named without one", () => {
    const october = { year: 1989, month: 10, day: 26 };
    expect(partOfYear(october, 4)).toBe(4);
    expect(yearOfPart(3, 4, october, "past")).toBe(1989);
    expect(yearOfPart(1, 4, october, "future")).toBe(1990);
    expect(yearOfPart(1, 4, october, "nearest")).toBe(1990);
    expect(yearOfPart(2, 4, october, "nearest")).toBe(1989);
  });
});
