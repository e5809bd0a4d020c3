import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Article, TimeMention } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { publishedOn, tokenizedArticle } from "../test-support.js";
import { createTokenizer } from "../tokens.js";
import { createTimeNormalizer } from "./index.js";

const seed = (name: string) =>
  readFileSync(new URL(`../../../examples/albu-kamal/${name}`, import.meta.url), "utf8");

let tokenizer: AnalysisComponent;
let normalizer: AnalysisComponent;

beforeAll(() => {
  tokenizer = createTokenizer();
  normalizer = createTimeNormalizer();
});

/** A hand-made article: text, an optional publication day, and real sentences from the tokenizer. */
function article(text: string, published?: string): Article {
  return tokenizedArticle(tokenizer, text, published ? publishedOn(published) : {});
}

function timesOf(text: string, published?: string): TimeMention[] {
  return normalizer.run(article(text, published)).times ?? [];
}

function find(times: TimeMention[], text: string): TimeMention {
  const found = times.find((t) => t.text === text);
  if (!found) throw new Error(`no time mention "${text}" in ${JSON.stringify(times.map((t) => t.text))}`);
  return found;
}

describe("the seed articles", () => {
  it("reads 000 against its publication date", () => {
    const times = timesOf(seed("000_94ae060d2235aff0.txt"), "2017-11-10T09:52");
    expect(find(times, "this week")).toMatchObject({
      timexType: "DATE",
      value: "2017-W45",
      precision: "week",
      anchor: "2017-11-10",
    });
    expect(find(times, "2014")).toMatchObject({ timexType: "DATE", value: "2014", precision: "year" });
    expect(find(times, "two years ago")).toMatchObject({
      value: "2015",
      precision: "year",
      anchor: "2017-11-10",
    });
    expect(find(times, "six and a half years")).toMatchObject({
      timexType: "DURATION",
      value: "P6.5Y",
      precision: "year",
    });
    expect(find(times, "weeks")).toMatchObject({ timexType: "DURATION", value: "PXW" });
    expect(find(times, "March 2011")).toMatchObject({
      timexType: "DATE",
      value: "2011-03",
      precision: "month",
    });
    expect(find(times, "November 10, 2017, 9:52 am")).toMatchObject({
      timexType: "TIME",
      value: "2017-11-10T09:52",
      precision: "minute",
    });
  });

  it("reads 001 against 2017-11-10", () => {
    const times = timesOf(seed("001_00835ee31e389aee.txt"), "2017-11-10");
    expect(times.filter((t) => t.text === "Nov. 8").map((t) => t.value)).toEqual(["2017-11-08"]);
    expect(times.filter((t) => t.text === "Nov. 9").map((t) => t.value)).toEqual([
      "2017-11-09",
      "2017-11-09",
    ]);
    expect(find(times, "October")).toMatchObject({
      value: "2017-10",
      precision: "month",
      anchor: "2017-11-10",
    });
  });

  it("keeps what 001 says when it has no date, inventing no year", () => {
    const times = timesOf(seed("001_00835ee31e389aee.txt"));
    expect(find(times, "Nov. 8")).toMatchObject({ value: "XXXX-11-08", precision: "day" });
    expect(find(times, "October")).toMatchObject({ value: "XXXX-10", precision: "month" });
    expect(times.every((t) => t.anchor === undefined)).toBe(true);
  });

  it("gives offsets into the text", () => {
    const text = seed("000_94ae060d2235aff0.txt");
    for (const t of timesOf(text, "2017-11-10")) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe("the past bias (anchor Monday 2024-03-11)", () => {
  const anchor = "2024-03-11";

  it("puts a weekday or a yearless date on or before the anchor", () => {
    expect(find(timesOf("The president spoke on Sunday.", anchor), "Sunday")).toMatchObject({
      value: "2024-03-10",
      precision: "day",
      anchor,
    });
    expect(find(timesOf("Protesters gathered on March 12.", anchor), "March 12").value).toBe("2023-03-12");
    expect(find(timesOf("Talks ended on March 10.", anchor), "March 10").value).toBe("2024-03-10");
    expect(find(timesOf("The election commission met Monday.", anchor), "Monday").value).toBe(anchor);
  });

  it("looks forward in a sentence about the future", () => {
    expect(find(timesOf("Parliament will vote on March 12.", anchor), "March 12").value).toBe("2024-03-12");
    expect(find(timesOf("The ruling is set to take effect on Sunday.", anchor), "Sunday").value).toBe(
      "2024-03-17",
    );
    expect(find(timesOf("Voters go to the polls next week.", anchor), "next week").value).toBe("2024-W12");
  });

  it("can be told to ignore future cues", () => {
    const strict = createTimeNormalizer({ futureCues: false });
    const times = strict.run(article("Parliament will vote on March 12.", anchor)).times ?? [];
    expect(find(times, "March 12").value).toBe("2023-03-12");
  });

  it("resolves relative expressions against the anchor", () => {
    const times = timesOf(
      "Yesterday the minister resigned. Last month prices rose; this year they fell.",
      anchor,
    );
    expect(find(times, "Yesterday")).toMatchObject({ value: "2024-03-10", precision: "day", anchor });
    expect(find(times, "Last month")).toMatchObject({ value: "2024-02", precision: "month" });
    expect(find(times, "this year")).toMatchObject({ value: "2024", precision: "year" });
  });
});

describe("other news", () => {
  it("reads an election report", () => {
    const text =
      "Voters went to the polls on Sunday and turnout reached 61.4 percent, the electoral commission said Monday. " +
      "The runoff will be held on April 7. The party has governed since 1998 and lost in the 1990s only once.";
    const times = timesOf(text, "2024-03-11");
    expect(find(times, "Sunday").value).toBe("2024-03-10");
    expect(find(times, "Monday").value).toBe("2024-03-11");
    expect(find(times, "April 7").value).toBe("2024-04-07");
    expect(find(times, "1998")).toMatchObject({ value: "1998", precision: "year" });
    expect(find(times, "1990s")).toMatchObject({ value: "199", precision: "decade" });
    expect(times.some((t) => t.text.includes("61.4"))).toBe(false);
  });

  it("reads a court ruling", () => {
    const text =
      "The Supreme Court ruled 5-4 on June 26, 2015, that the law, passed in 2010, was constitutional.";
    const times = timesOf(text, "2015-06-27");
    expect(find(times, "June 26, 2015")).toMatchObject({ value: "2015-06-26", precision: "day" });
    expect(find(times, "2010").value).toBe("2010");
    expect(times.some((t) => t.text.includes("5-4"))).toBe(false);
  });

  it("reads an earthquake report with a clock time", () => {
    const text =
      "The earthquake struck at 3:17 a.m. local time, and aftershocks continued for hours. " +
      "Rescue teams work in shifts every day; the agency publishes figures daily.";
    const times = timesOf(text, "2023-02-06");
    expect(find(times, "3:17 a.m.")).toMatchObject({
      timexType: "TIME",
      value: "2023-02-06T03:17",
      precision: "minute",
    });
    expect(find(times, "hours")).toMatchObject({ timexType: "DURATION", value: "PTXH", precision: "hour" });
    expect(find(times, "every day")).toMatchObject({ timexType: "SET", value: "P1D" });
    expect(find(times, "daily")).toMatchObject({ timexType: "SET", value: "P1D" });
  });

  it('reads an hour with a.m./p.m. but not a bare number after "at"', () => {
    const times = timesOf("Results were announced at 11 p.m. after counting at 9 sites.", "2024-03-11");
    expect(find(times, "11 p.m.")).toMatchObject({
      timexType: "TIME",
      value: "2024-03-11T23:00",
      precision: "hour",
    });
    expect(times).toHaveLength(1);
  });

  it("reads sets and durations", () => {
    const times = timesOf(
      "The council meets every Sunday. The siege lasted two years and the talks 36 hours.",
      "2024-03-11",
    );
    expect(find(times, "every Sunday")).toMatchObject({ timexType: "SET", value: "XXXX-WXX-7" });
    expect(find(times, "two years")).toMatchObject({ timexType: "DURATION", value: "P2Y" });
    expect(find(times, "36 hours")).toMatchObject({ timexType: "DURATION", value: "PT36H" });
  });

  it("is vague, not invented, when a relative expression has no anchor", () => {
    const times = timesOf("Yesterday the minister resigned; two years ago he won. Talks resume next week.");
    expect(find(times, "Yesterday")).toMatchObject({ value: "PAST_REF", precision: "vague" });
    expect(find(times, "two years ago")).toMatchObject({ value: "PAST_REF", precision: "vague" });
    expect(find(times, "next week")).toMatchObject({ value: "FUTURE_REF", precision: "vague" });
    expect(times.every((t) => t.anchor === undefined)).toBe(true);
  });

  it("does not read names, slashes or bare numbers as dates", () => {
    const times = timesOf(
      "Theresa May said the 24/7 coverage of 3,500 voters at 9 sites was fine.",
      "2024-03-11",
    );
    expect(times).toEqual([]);
  });
});

describe("days named through another happening", () => {
  it("keeps 'the same day the assault began' as one vague day", () => {
    const times = timesOf(
      "The town was captured on the same day the assault began. Talks resumed the next day.",
      "2017-11-10",
    );
    expect(times.map((t) => [t.text, t.value, t.precision])).toEqual([
      ["the same day the assault began", "XXXX-XX-XX", "vague"],
      ["the next day", "XXXX-XX-XX", "vague"],
    ]);
  });
});

describe("TimeML values against a dateline (Friday 2017-11-10)", () => {
  const friday = "2017-11-10";

  it("pins the issue's cases", () => {
    const text =
      "Voters went to the polls last week. The siege lasted for the past two years. " +
      "The council meets every Monday. Prices are now high and currently rising. " +
      "Turnout was higher in the 1990s. The minister resigned this morning. The court ruled Nov. 9.";
    const times = timesOf(text, friday);
    expect(find(times, "last week")).toMatchObject({ timexType: "DATE", value: "2017-W44" });
    expect(find(times, "the past two years")).toMatchObject({ timexType: "DURATION", value: "P2Y" });
    expect(find(times, "every Monday")).toMatchObject({ timexType: "SET", value: "XXXX-WXX-1" });
    expect(find(times, "now")).toMatchObject({ value: "PRESENT_REF" });
    expect(find(times, "currently")).toMatchObject({ value: "PRESENT_REF" });
    expect(find(times, "1990s").value).toBe("199");
    expect(find(times, "this morning")).toMatchObject({ timexType: "TIME", value: "2017-11-10TMO" });
    expect(find(times, "Nov. 9").value).toBe("2017-11-09");
  });

  it("counts back from the dateline and tells years from counts", () => {
    const times = timesOf(
      "Two years ago about 2,500 fighters and some 2000 civilians fled; his 1996 campaign failed.",
      friday,
    );
    expect(find(times, "Two years ago")).toMatchObject({ value: "2015", precision: "year" });
    expect(find(times, "1996")).toMatchObject({ value: "1996", precision: "year" });
    expect(times.some((t) => t.text.includes("2,500") || t.text.includes("2000"))).toBe(false);
  });

  it("does not take a company or an age for a time", () => {
    const times = timesOf("Sun Microsystems hired a 44-year-old engineer.", friday);
    expect(times).toEqual([]);
  });
});

describe("which way a yearless date looks (anchor Monday 2024-03-11)", () => {
  const monday = "2024-03-11";
  const valueOf = (text: string, expression: string) => find(timesOf(text, monday), expression).value;

  it("reads the verb that governs the date", () => {
    expect(valueOf("The council meets Sunday.", "Sunday")).toBe("2024-03-10");
    expect(valueOf("The minister said he will resign on Thursday.", "Thursday")).toBe("2024-03-14");
    expect(valueOf("The team plans to leave on Thursday.", "Thursday")).toBe("2024-03-14");
    expect(valueOf("The minister resigned on Thursday.", "Thursday")).toBe("2024-03-07");
    expect(valueOf("Parliament reconvenes March 25.", "March 25")).toBe("2024-03-25");
  });

  it("lets a preposition or a possessive decide", () => {
    expect(valueOf("The firm declared a dividend payable April 2.", "April 2")).toBe("2024-04-02");
    expect(valueOf("The offer was extended until April 2.", "April 2")).toBe("2024-04-02");
    expect(valueOf("Shares rose above Friday's close.", "Friday")).toBe("2024-03-08");
  });

  it("uses a written weekday to choose the year", () => {
    expect(valueOf("An editorial said on Saturday, April 25: enough.", "Saturday, April 25")).toBe(
      "2020-04-25",
    );
  });
});

describe("business periods, seasons and weekends", () => {
  it("reads quarters and counts comparisons from the quarter last named", () => {
    const text =
      "Net income in the third quarter rose to $5 million from $3 million a year earlier. " +
      "In the year-ago quarter, sales fell. The company expects fiscal 1999 to be better.";
    const times = timesOf(text, "1998-10-20");
    expect(find(times, "the third quarter")).toMatchObject({ timexType: "DATE", value: "1998-Q3" });
    expect(find(times, "a year earlier").value).toBe("1997-Q3");
    expect(find(times, "the year-ago quarter").value).toBe("1997-Q3");
    expect(find(times, "fiscal 1999").value).toBe("1999");
  });

  it("gives a year-earlier without a quarter the dateline's year before", () => {
    expect(
      find(timesOf("Wages were 3.8 percent higher than a year earlier.", "1998-02-06"), "a year earlier")
        .value,
    ).toBe("1997");
  });

  it("reads seasons, weekends and vague durations", () => {
    const text =
      "The talks collapsed last fall. Protests grew over the weekend. " +
      "Prices have risen in recent years and fell for several days.";
    const times = timesOf(text, "1999-02-10");
    expect(find(times, "last fall").value).toBe("1998-FA");
    expect(find(times, "the weekend").value).toBe("1999-W05-WE");
    expect(find(times, "recent years")).toMatchObject({ timexType: "DURATION", value: "PXY" });
    expect(find(times, "several days")).toMatchObject({ timexType: "DURATION", value: "PXD" });
  });

  it("does not read a fall in prices as a season", () => {
    const times = timesOf("The fall in prices worried the bank.", "1999-02-10");
    expect(times).toEqual([]);
  });
});

describe("dates named through the calendar and through the text", () => {
  const rows = (times: TimeMention[]) => times.map((t) => [t.text, t.timexType, t.value]);

  it("dates holidays against the dateline and the verb", () => {
    const times = timesOf(
      "The boy was found on Thanksgiving Day. Shops will close on Christmas Eve, and the parade " +
        "returns next Easter. Sales fell after Christmas 2016.",
      "2017-11-10",
    );
    expect(rows(times)).toEqual([
      ["Thanksgiving Day", "DATE", "2016-11-24"],
      ["Christmas Eve", "DATE", "2017-12-24"],
      ["next Easter", "DATE", "2018-04-01"],
      ["Christmas 2016", "DATE", "2016-12-25"],
    ]);
  });

  it("reads 'last May' and 'next March' from the dateline's month", () => {
    const times = timesOf("The treaty signed last May takes effect next March.", "1998-02-27");
    expect(rows(times)).toEqual([
      ["last May", "DATE", "1997-05"],
      ["next March", "DATE", "1998-03"],
    ]);
    // "may" the verb is no month
    expect(timesOf("Whatever comes next may surprise us.", "1998-02-27")).toEqual([]);
  });

  it("counts 'the next day' and 'two days later' from the last date named (an earthquake)", () => {
    const times = timesOf(
      "A magnitude 7.1 earthquake struck the region on Sept. 19. Rescuers pulled survivors from " +
        "the rubble the next day, and two days later the death toll passed 200. The previous " +
        "Friday, a smaller quake had shaken the coast.",
      "2017-09-25",
    );
    expect(rows(times)).toEqual([
      ["Sept. 19", "DATE", "2017-09-19"],
      ["the next day", "DATE", "2017-09-20"],
      ["two days later", "DATE", "2017-09-22"],
      ["The previous Friday", "DATE", "2017-09-15"],
    ]);
  });

  it("counts 'the following year' from the last year named (an election)", () => {
    const times = timesOf(
      "She first won the seat in the 2010 election. The following year she led the party, and " +
        "later that year she was named minister. Polls close at 8 p.m. on Election Day.",
      "2016-10-20",
    );
    expect(rows(times)).toEqual([
      ["2010", "DATE", "2010"],
      ["The following year", "DATE", "2011"],
      ["later that year", "DATE", "2011"],
      ["8 p.m.", "TIME", "2016-10-20T20:00"],
      ["Election Day", "DATE", "2016-11-08"],
    ]);
  });

  it("keeps 'two days later' a duration when no date came before, and 'the next day' unknown", () => {
    const times = timesOf("The court adjourned and two days later it ruled.", "2019-06-05");
    expect(rows(times)).toEqual([["two days", "DURATION", "P2D"]]);
  });

  it("reads 'the year', 'the full year' and 'year-end' (a court ruling, business news)", () => {
    const times = timesOf(
      "For the year, profit was flat. Revenue for the full year rose 4%. Sales for the year " +
        "ended June 30 fell. The court expects to rule by year-end.",
      "2019-10-02",
    );
    expect(rows(times).filter(([text]) => text !== "June 30")).toEqual([
      ["the year", "DATE", "2019"],
      ["the full year", "DURATION", "P1Y"],
      ["the year", "DURATION", "P1Y"],
      ["year-end", "DATE", "2019-12-31"],
    ]);
    expect(find(timesOf("Shares have risen 12% since year-end.", "2019-10-02"), "year-end").value).toBe(
      "2018-12-31",
    );
  });
});
