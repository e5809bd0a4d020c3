import { describe, expect, it } from "vitest";
import { formatDay } from "./calendar.js";
import { easterSunday, holidayIn, holidayNear } from "./holidays.js";

const day = (s: string) => {
  const [year = 0, month = 0, d = 0] = s.split("-").map(Number);
  return { year, month, day: d };
};

describe("holiday calendar", () => {
  it("computes Western Easter", () => {
    expect(formatDay(easterSunday(2017))).toBe("2017-04-16");
    expect(formatDay(easterSunday(2019))).toBe("2019-04-21");
    expect(formatDay(easterSunday(2000))).toBe("2000-04-23");
    expect(formatDay(easterSunday(2024))).toBe("2024-03-31");
  });

  it("places fixed, nth-weekday and Easter-relative days", () => {
    expect(formatDay(holidayIn({ month: 12, day: 25 }, 2017) ?? day("0-0-0"))).toBe("2017-12-25");
    // fourth Thursday of November: the Thursday on or after the 22nd
    expect(formatDay(holidayIn({ month: 11, weekday: 4, onOrAfter: 22 }, 1999) ?? day("0-0-0"))).toBe(
      "1999-11-25",
    );
    expect(formatDay(holidayIn({ month: 11, weekday: 4, onOrAfter: 22 }, 2017) ?? day("0-0-0"))).toBe(
      "2017-11-23",
    );
    expect(formatDay(holidayIn({ easterOffset: -2 }, 2017) ?? day("0-0-0"))).toBe("2017-04-14");
    expect(holidayIn({ month: 2, day: 30 }, 2017)).toBeUndefined();
  });

  it("chooses the occurrence by modifier, then by direction", () => {
    const christmas = { month: 12, day: 25 };
    const nov10 = day("2017-11-10");
    expect(formatDay(holidayNear(christmas, nov10, -1, "nearest") ?? nov10)).toBe("2016-12-25");
    expect(formatDay(holidayNear(christmas, nov10, 1, "past") ?? nov10)).toBe("2017-12-25");
    expect(formatDay(holidayNear(christmas, nov10, undefined, "past") ?? nov10)).toBe("2016-12-25");
    expect(formatDay(holidayNear(christmas, nov10, undefined, "future") ?? nov10)).toBe("2017-12-25");
    expect(formatDay(holidayNear(christmas, nov10, undefined, "nearest") ?? nov10)).toBe("2017-12-25");
    // on the day itself, "last Christmas" is the year before
    const dec25 = day("2017-12-25");
    expect(formatDay(holidayNear(christmas, dec25, -1, "past") ?? dec25)).toBe("2016-12-25");
    expect(formatDay(holidayNear(christmas, dec25, undefined, "past") ?? dec25)).toBe("2017-12-25");
  });
});
