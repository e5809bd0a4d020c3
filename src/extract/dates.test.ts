import { describe, expect, it } from "vitest";
import { dateFromIso, dateFromText, dateFromUrl, dateInZone } from "./dates.js";

describe("dateFromIso", () => {
  it.each([
    ["2017-11-10T09:52:00+01:00", "2017-11-10T09:52", "minute"],
    ["2017-11-10T09:52Z", "2017-11-10T09:52", "minute"],
    ["2017-11-10T09", "2017-11-10T09", "hour"],
    ["2017-11-10", "2017-11-10", "day"],
    ["2017-11-10T00:00:00Z", "2017-11-10", "day"], // a CMS's midnight means "no time given"
    ["2017-11", "2017-11", "month"],
    ["2017", "2017", "year"],
  ])("%s -> %s (%s)", (input, value, precision) => {
    expect(dateFromIso(input, "test")).toEqual({ value, precision, source: "test" });
  });

  it("rejects what is not a date", () => {
    expect(dateFromIso("2017-13-10", "test")).toBeUndefined();
    expect(dateFromIso("yesterday", "test")).toBeUndefined();
    expect(dateFromIso("1234", "test")).toBeUndefined();
  });
});

describe("dateFromText", () => {
  it.each([
    ["November 10, 2017, 9:52 am", "2017-11-10T09:52", "minute"],
    ["10 Nov 2017", "2017-11-10", "day"],
    ["Nov. 10, 2017", "2017-11-10", "day"],
    ["2017-11-10", "2017-11-10", "day"],
    ["Updated 12 Mar 2024, 08:15", "2024-03-12T08:15", "minute"],
    ["Nov 10", "XXXX-11-10", "day"],
  ])("%s -> %s (%s)", (input, value, precision) => {
    expect(dateFromText(input, "dateline")?.date).toEqual({ value, precision, source: "dateline" });
  });

  it("ignores relative and partial dates", () => {
    expect(dateFromText("two days ago", "dateline")).toBeUndefined();
    expect(dateFromText("March 2011", "dateline")).toBeUndefined();
  });
});

describe("dateFromUrl", () => {
  it("reads day and month paths", () => {
    expect(dateFromUrl("https://example.com/2017/11/10/army-takes-town")).toEqual({
      value: "2017-11-10",
      precision: "day",
      source: "url",
    });
    expect(dateFromUrl("https://example.com/news/2024-03-05-court-ruling.html")?.value).toBe("2024-03-05");
    expect(dateFromUrl("https://example.com/2017/11/army-takes-town")).toEqual({
      value: "2017-11",
      precision: "month",
      source: "url",
    });
  });

  it("ignores numbers that are not dates", () => {
    expect(dateFromUrl("https://example.com/story/123456/5678")).toBeUndefined();
    expect(dateFromUrl("https://example.com/2017/13/40/x")).toBeUndefined();
  });
});

describe("dateFromText in other languages and spellings", () => {
  it.each([
    ["05.01.2020", undefined, "2020-01-05", "day"], // dots are day-first, whatever the language
    ["am 05.01.2020 um 10:30", undefined, "2020-01-05T10:30", "minute"],
    ["Veröffentlicht am 5. Januar 2020", "de", "2020-01-05", "day"],
    ["Publié le 22 novembre 2011", "fr", "2011-11-22", "day"],
    ["Publicado el 3 de marzo de 2021", "es", "2021-03-03", "day"],
  ])("%s (%s) -> %s", (input, language, value, precision) => {
    expect(dateFromText(input, "dateline", language)?.date).toEqual({ value, precision, source: "dateline" });
  });

  it("rejects impossible dotted dates", () => {
    expect(dateFromText("32.13.2020", "dateline")).toBeUndefined();
    expect(dateFromText("Heft 10.2020", "dateline")).toBeUndefined();
  });
});

describe("dateInZone", () => {
  it("reads a UTC timestamp on the clock of a zone", () => {
    expect(dateInZone("2019-10-18T22:04:00Z", "Europe/Vienna", "t")).toEqual({
      value: "2019-10-19T00:04",
      precision: "minute",
      source: "t",
    });
    expect(dateInZone("Wed, 04 May 2022 00:25:56 GMT", "America/Argentina/Buenos_Aires", "t")?.value).toBe(
      "2022-05-03T21:25",
    );
  });

  it("leaves local times, bare days and midnight UTC alone", () => {
    expect(dateInZone("2019-10-18T22:04:00+02:00", "Europe/Vienna", "t")).toBeUndefined();
    expect(dateInZone("2019-10-18", "Europe/Vienna", "t")).toBeUndefined();
    expect(dateInZone("2019-10-18T00:00:00Z", "America/Lima", "t")).toBeUndefined();
  });
});
