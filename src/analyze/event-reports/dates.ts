import type {
  Article,
  EventDate,
  EventMention,
  Evidence,
  Reported,
  TimeMention,
  TimePrecision,
} from "../../model/index.js";
import { resolveAgainst } from "../times/index.js";

/**
 * Event dates: what a report's mentions and sentences say about when it happened, as EventDate
 * values with the words they were read from; and day ranges to tell whether two dates can be
 * one happening. Shared by the reporter and the merger.
 */

const DAY_MS = 86_400_000;

/**
 * How precisely a date stands in when the text gives none and the article's own date is used:
 * news tells what happened in the last days, rarely on the very day, so a week is honest.
 */
export const PUBLISHED_DATE_PRECISION: TimePrecision = "week";

/** Finer first: the order in which a more precise date wins. */
const PRECISION_RANK: Record<TimePrecision, number> = {
  minute: 0,
  hour: 1,
  day: 2,
  week: 3,
  month: 4,
  year: 5,
  decade: 6,
  vague: 7,
};

export function precisionRank(p: TimePrecision): number {
  return PRECISION_RANK[p];
}

/** A date with a known year ("2017-11-08", "2017-W45", "2017-11", "2017", "2017-11-08T09:52"). */
const DATED = /^\d{4}(-W\d{2}|-\d{2}(-\d{2})?)?(T.*)?$/;
/** A day or month with the year unknown ("XXXX-11-08"): the year may come from the article or the story. */
const YEARLESS = /^XXXX-\d{2}(-\d{2})?$/;

/** True when the value names a day, week, month or year (possibly without its year), not "PAST_REF" or "P2Y". */
export function isCalendarValue(value: string): boolean {
  return DATED.test(value) || YEARLESS.test(value);
}

export function hasYear(value: string): boolean {
  return DATED.test(value);
}

/** The value with an unknown year filled in from an anchor date (the most recent such day before it). */
export function withYearFrom(value: string, anchor: string | undefined): string {
  return anchor && YEARLESS.test(value) ? resolveAgainst(value, anchor) : value;
}

/** [first, last] day numbers (days since 1970) a date value covers; undefined without a year. */
export function dayRange(value: string): [number, number] | undefined {
  const week = /^(\d{4})-W(\d{2})/.exec(value);
  if (week) {
    const monday = isoWeekMonday(Number(week[1]), Number(week[2]));
    return [monday, monday + 6];
  }
  const date = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!date) return undefined;
  const year = Number(date[1]);
  if (date[3]) {
    const day = Date.UTC(year, Number(date[2]) - 1, Number(date[3])) / DAY_MS;
    return [day, day];
  }
  if (date[2]) {
    const month = Number(date[2]) - 1;
    return [Date.UTC(year, month, 1) / DAY_MS, Date.UTC(year, month + 1, 0) / DAY_MS];
  }
  return [Date.UTC(year, 0, 1) / DAY_MS, Date.UTC(year, 11, 31) / DAY_MS];
}

/** Days between two ranges: 0 when they overlap. */
export function daysApart(a: [number, number], b: [number, number]): number {
  return Math.max(0, a[0] - b[1], b[0] - a[1]);
}

function isoWeekMonday(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
  const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
  return jan4 - weekday + (week - 1) * 7;
}

/** "2017-W45" for a day "2017-11-10". */
export function isoWeekOf(day: string): string | undefined {
  const range = dayRange(day.slice(0, 10));
  if (!range) return undefined;
  const date = new Date(range[0] * DAY_MS);
  const thursday = range[0] - ((date.getUTCDay() + 6) % 7) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export function evidenceOf(
  article: Article,
  span: { start: number; end: number },
  sentence: number,
): Evidence {
  return { start: span.start, end: span.end, text: article.text.slice(span.start, span.end), sentence };
}

/** The article's own date, standing in for an event date the text does not give. */
export function publishedDate(article: Article): EventDate | undefined {
  const day = article.published?.value.slice(0, 10);
  const week = day && hasYear(day) ? isoWeekOf(day) : undefined;
  return week ? { value: week, precision: PUBLISHED_DATE_PRECISION, basis: "published" } : undefined;
}

/**
 * The date a time mention gives: a calendar value (its year filled in from the dateline when the
 * text leaves it out) is "explicit", or "relative" when it was resolved against the dateline
 * ("on Wednesday", "this week"). A phrase with no calendar value ("the same day the assault
 * began") gives the article's date, with the phrase kept as evidence.
 */
export function dateOfTime(
  article: Article,
  time: TimeMention | EventMention["time"],
  sentence: number,
): Reported<EventDate> | undefined {
  if (!time) return undefined;
  const evidence = [evidenceOf(article, time, sentence)];
  if (isCalendarValue(time.value)) {
    const anchored = "anchor" in time && time.anchor !== undefined;
    const value = withYearFrom(time.value, article.published?.value);
    return {
      value: { value, precision: time.precision, basis: anchored ? "relative" : "explicit" },
      evidence,
    };
  }
  const published = publishedDate(article);
  return published ? { value: published, evidence } : undefined;
}

/** Most precise first, then the earliest: the date a report settles on among its own. */
export function byPrecisionThenDay(a: Reported<EventDate>, b: Reported<EventDate>): number {
  const basis = (d: EventDate) => (d.basis === "published" ? 1 : 0);
  return (
    basis(a.value) - basis(b.value) ||
    precisionRank(a.value.precision) - precisionRank(b.value.precision) ||
    (dayRange(a.value.value)?.[0] ?? Infinity) - (dayRange(b.value.value)?.[0] ?? Infinity) ||
    a.value.value.localeCompare(b.value.value)
  );
}

/**
 * Every date a report's words give, in text order, same values merged: the time phrase of each
 * of its mentions ("entered ... on Nov. 8", "declared it clear Nov. 9"); when none of them names
 * a date, the times of its sentences; when the text gives none, the article's own date.
 */
export function reportDates(
  article: Article,
  report: { mentions: readonly number[]; sentences: readonly number[] },
): Reported<EventDate>[] {
  const { events, times, sentences } = article.annotations;
  const fromMentions = report.mentions.flatMap((i) => {
    const mention = events[i];
    if (!mention?.time) return [];
    const full = times.find((t) => t.start === mention.time?.start && t.end === mention.time.end);
    const date = dateOfTime(article, full ?? mention.time, mention.sentence);
    return date ? [date] : [];
  });
  if (fromMentions.some((d) => d.value.basis !== "published")) return mergeSame(fromMentions);
  const fromSentences = report.sentences.flatMap((s) => {
    const span = sentences[s];
    if (!span) return [];
    return times
      .filter((t) => t.timexType === "DATE" && t.start >= span.start && t.end <= span.end)
      .filter((t) => isCalendarValue(t.value))
      .flatMap((t) => dateOfTime(article, t, s) ?? []);
  });
  const all = mergeSame([...fromSentences, ...fromMentions]);
  if (all.length > 0) return all;
  const published = publishedDate(article);
  return published ? [{ value: published, evidence: [] }] : [];
}

function mergeSame(dates: readonly Reported<EventDate>[]): Reported<EventDate>[] {
  const byKey = new Map<string, Reported<EventDate>>();
  for (const d of dates) {
    const key = `${d.value.value}|${d.value.basis}`;
    const seen = byKey.get(key);
    const fresh = d.evidence.filter((e) => !seen?.evidence.some((o) => o.start === e.start));
    byKey.set(key, seen ? { value: seen.value, evidence: [...seen.evidence, ...fresh] } : d);
  }
  return [...byKey.values()];
}
