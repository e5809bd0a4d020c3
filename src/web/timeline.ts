/**
 * The timeline's data: per event, the date each source gives, and whether the sources disagree.
 * Dates are ISO as far as known ("2017-11-08", "2017-11", "2017", "2017-W45").
 */
import type { Event } from "../model/index.js";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the first day a date value names, or undefined when it names none. */
export function dayNumber(value: string): number | undefined {
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (week) {
    // ISO week 1 holds January 4th; weeks start on Monday.
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
    return Math.floor((jan4 - weekday * DAY_MS) / DAY_MS) + (Number(week[2]) - 1) * 7;
  }
  const date = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!date) return undefined;
  const ms = Date.UTC(Number(date[1]), Number(date[2] ?? "1") - 1, Number(date[3] ?? "1"));
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : undefined;
}

export interface TimelineValue {
  outlet: string;
  articleId: string;
  value: string;
  day: number;
  evidence?: { start: number; end: number };
}

export interface TimelineRow {
  eventId: string;
  label: string;
  resolved?: string;
  values: TimelineValue[];
  /** Sources give different dates for the event. */
  disagree: boolean;
}

/** One row per event that any source dates, in the events' order. */
export function timelineRows(events: readonly Event[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const event of events) {
    const values: TimelineValue[] = [];
    const seen = new Set<string>();
    for (const source of event.fields.date.values) {
      const day = dayNumber(source.value.value);
      const key = `${source.articleId}|${source.value.value}`;
      if (day === undefined || seen.has(key)) continue;
      seen.add(key);
      const evidence = source.evidence[0];
      values.push({
        outlet: source.outlet ?? source.articleId,
        articleId: source.articleId,
        value: source.value.value,
        day,
        ...(evidence ? { evidence: { start: evidence.start, end: evidence.end } } : {}),
      });
    }
    if (values.length === 0) continue;
    const place = event.fields.place.resolved?.name;
    const label = `${event.subType.replace(/-/g, " ")}${place ? ` at ${place}` : ""}`;
    rows.push({
      eventId: event.id,
      label,
      ...(event.fields.date.resolved ? { resolved: event.fields.date.resolved.value } : {}),
      values,
      disagree: new Set(values.map((v) => v.value)).size > 1,
    });
  }
  return rows;
}

/** The first and last day of the rows, widened so that a single day still has a span. */
export function dayRange(rows: readonly TimelineRow[]): [number, number] | undefined {
  const days = rows.flatMap((row) => row.values.map((v) => v.day));
  if (days.length === 0) return undefined;
  const first = Math.min(...days);
  const last = Math.max(...days);
  return first === last ? [first - 1, last + 1] : [first, last];
}

/** ISO date of a day number. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
