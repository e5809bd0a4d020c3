import * as chrono from "chrono-node";
import type { DateValue, TimePrecision } from "../model/index.js";

/**
 * Reading publication dates: machine values (JSON-LD, meta tags, `<time datetime>`) with a strict
 * ISO pattern, human datelines ("Published: November 10, 2017, 9:52 am") with chrono's strict
 * parser, and dates in URL paths. Times are kept as the page wrote them (the outlet's local
 * time); the offset, when there is one, is dropped, since the model's values have none.
 */

/**
 * chrono needs a reference date to fill in parts a text leaves out. Only parts chrono marks as
 * certain are used, so any fixed date will do; a fixed one keeps results free of the clock.
 */
const CHRONO_REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** chrono's tag on dates counted from the reference date ("two days ago", "in 2 weeks"). */
const RELATIVE_DATE_TAG = "result/relativeDate";

/** Years outside this range are ids or counters (in URL paths) or typos: news on the web starts in the 1990s. */
const YEAR_MIN = 1990;
const YEAR_MAX = 2100;

const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2}))?(?::\d{2}(?:\.\d+)?)?)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Parses an ISO 8601 date or datetime ("2017-11-10", "2017-11-10T09:52:00+01:00"). */
export function dateFromIso(value: string, source: string): DateValue | undefined {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match;
  if (!validParts(Number(year), month, day)) return undefined;
  // CMSs write a date without time as midnight; a real 00:00 publication is rare enough to lose.
  const midnightMeansDateOnly = hour === "00" && (minute === undefined || minute === "00");
  if (hour !== undefined && !midnightMeansDateOnly) {
    return minute === undefined
      ? { value: `${year}-${month}-${day}T${hour}`, precision: "hour", source }
      : { value: `${year}-${month}-${day}T${hour}:${minute}`, precision: "minute", source };
  }
  if (day !== undefined) return { value: `${year}-${month}-${day}`, precision: "day", source };
  if (month !== undefined) return { value: `${year}-${month}`, precision: "month", source };
  return { value: `${year}`, precision: "year", source };
}

/** A timestamp that states UTC: "…Z", "…+00:00", "… GMT". */
const UTC_STAMP = /\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|GMT|UTC)$/i;

/**
 * A UTC timestamp as the clock read in `zone` (an IANA name): "2019-10-18T22:04:00Z" in
 * Europe/Vienna is "2019-10-19T00:04". Sites write UTC in their markup but show, and date, their
 * stories in their own time. Undefined when the value is not a UTC timestamp.
 */
export function dateInZone(value: string, zone: string, source: string): DateValue | undefined {
  const trimmed = value.trim();
  if (!UTC_STAMP.test(trimmed)) return undefined;
  const instant = new Date(trimmed.replace(/^(\d{4}-\d{2}-\d{2}) /, "$1T"));
  if (Number.isNaN(instant.getTime())) return undefined;
  // Midnight UTC is how CMSs write a bare day: shifting it west would move the day itself.
  if (instant.getUTCHours() === 0 && instant.getUTCMinutes() === 0) return undefined;
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  if (!validParts(Number(part("year")), part("month"), part("day"))) return undefined;
  return {
    value: `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`,
    precision: "minute",
    source,
  };
}

export interface DateInText {
  date: DateValue;
  /** Where the date was found in the text, to judge whether a line is only a date. */
  index: number;
  length: number;
}

/** chrono's strict parsers by ISO 639-1 code; other languages are read with the English one. */
const CHRONO_BY_LANGUAGE: Readonly<Record<string, chrono.Chrono>> = {
  de: chrono.de.strict,
  es: chrono.es.strict,
  fi: chrono.fi.strict,
  fr: chrono.fr.strict,
  it: chrono.it.strict,
  ja: chrono.ja.strict,
  nl: chrono.nl.strict,
  pt: chrono.pt.strict,
  ru: chrono.ru.strict,
  sv: chrono.sv.strict,
  uk: chrono.uk.strict,
  zh: chrono.zh.strict,
};

/** Languages whose date wordings `dateFromText` reads, English first. */
export const DATE_LANGUAGES: readonly string[] = ["en", ...Object.keys(CHRONO_BY_LANGUAGE)];

/**
 * A day-first numeric date with dots ("05.01.2020", "5. 1. 2020"): the European and Russian
 * spelling. Dots are never month-first, but chrono's English parser reads them so.
 */
const DOTTED_DATE =
  /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?![\d.]\d)(?:,?\s+(?:um\s+|à\s+|в\s+)?(\d{1,2})[:.h](\d{2}))?/;

/**
 * Finds the first full date (day known) in a human-written text; `language` (ISO 639-1, e.g.
 * from the page's `lang`) picks the month names and wordings ("5. Januar 2020", "22 novembre").
 */
export function dateFromText(text: string, source: string, language?: string): DateInText | undefined {
  const iso = dateFromIso(text, source);
  if (iso) return { date: iso, index: 0, length: text.trim().length };
  const dotted = dottedDate(text, source);
  if (dotted) return dotted;
  const parser = CHRONO_BY_LANGUAGE[language?.slice(0, 2).toLowerCase() ?? ""] ?? chrono.strict;
  for (const result of parser.parse(text, CHRONO_REFERENCE)) {
    const start = result.start;
    // "two days ago" is certain only relative to the (fixed, meaningless) reference date.
    if (result.tags().has(RELATIVE_DATE_TAG)) continue;
    if (!start.isCertain("day") || !start.isCertain("month")) continue;
    const year = start.isCertain("year") ? pad(start.get("year") ?? 0, 4) : "XXXX";
    const day = `${year}-${pad(start.get("month") ?? 0, 2)}-${pad(start.get("day") ?? 0, 2)}`;
    return { date: withTime(day, start, source), index: result.index, length: result.text.length };
  }
  return undefined;
}

function dottedDate(text: string, source: string): DateInText | undefined {
  const match = DOTTED_DATE.exec(text);
  if (!match) return undefined;
  const [whole, day = "", month = "", year = "", hour, minute] = match;
  if (!validParts(Number(year), month.padStart(2, "0"), day.padStart(2, "0"))) return undefined;
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const timed = hour !== undefined && minute !== undefined && Number(hour) < 24 && Number(minute) < 60;
  return {
    date: timed
      ? { value: `${date}T${hour.padStart(2, "0")}:${minute}`, precision: "minute", source }
      : { value: date, precision: "day", source },
    index: match.index,
    length: whole.length,
  };
}

function withTime(day: string, start: chrono.ParsedComponents, source: string): DateValue {
  const hour = start.isCertain("hour") ? start.get("hour") : null;
  if (hour === null || hour === undefined) return { value: day, precision: "day", source };
  const minute = start.isCertain("minute") ? start.get("minute") : null;
  const precision: TimePrecision = minute === null || minute === undefined ? "hour" : "minute";
  const time = precision === "minute" ? `${pad(hour, 2)}:${pad(minute ?? 0, 2)}` : pad(hour, 2);
  return { value: `${day}T${time}`, precision, source };
}

/** A date in a URL path: "/2017/11/10/slug" (day), "/2017-11-10-slug" (day), "/2017/11/slug" (month). */
export function dateFromUrl(url: string): DateValue | undefined {
  const path = pathOf(url);
  const day = /\/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?=[/_-]|\.html?|$)/.exec(path);
  if (day && validParts(Number(day[1]), day[2], day[3])) {
    return { value: `${day[1]}-${day[2]}-${day[3]}`, precision: "day", source: "url" };
  }
  const month = /\/((?:19|20)\d{2})\/(\d{2})\//.exec(path);
  if (month && validParts(Number(month[1]), month[2], undefined)) {
    return { value: `${month[1]}-${month[2]}`, precision: "month", source: "url" };
  }
  return undefined;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function validParts(year: number, month: string | undefined, day: string | undefined): boolean {
  if (year < YEAR_MIN || year > YEAR_MAX) return false;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return false;
  return day === undefined || (Number(day) >= 1 && Number(day) <= 31);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
