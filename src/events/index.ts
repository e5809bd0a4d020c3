import { createHash } from "node:crypto";
import {
  dayRange,
  daysApart,
  hasYear,
  isoWeekOf,
  PUBLISHED_DATE_PRECISION,
  reportDates,
  withYearFrom,
} from "../analyze/event-reports/index.js";
import { articleLabel, outletLabels } from "../common/labels.js";
import type {
  Article,
  Event,
  EventActor,
  EventDate,
  EventPlace,
  EventReport,
  Fatalities,
  SourcedValue,
  Story,
} from "../model/index.js";
import {
  placesFit,
  resolveActor,
  resolveAssociated,
  resolveDate,
  resolveFatalities,
  resolvePlace,
  resolveSubType,
} from "./resolve.js";

export { distanceKm, placesFit, sourceLabel } from "./resolve.js";

/**
 * The events stage: reports of the same happening, from every article, become one event with
 * each source's value of each field. Incremental like clustering: events passed in keep their
 * ids, and new reports join them or start new events.
 */
export type EventMerger = (
  articles: readonly Article[],
  stories: readonly Story[],
  existing?: readonly Event[],
) => Event[];

export interface EventMergerOptions {
  /** Two reports whose dates lie further apart than this many days are two events. */
  dateWindowDays?: number;
  /** Two named places closer than this are one site (a town and the base on its edge). */
  nearKm?: number;
  /** Evidence a pair needs (same place 2, dates agree 1, same sub-type 1 or type 0.5, same story 1). */
  minScore?: number;
}

export const DEFAULT_EVENT_MERGER_OPTIONS: Required<EventMergerOptions> = {
  // An assault and the capture it ends, or the entry and the all-clear, fall on successive days.
  dateWindowDays: 3,
  // A town and the airport or base on its edge; two towns of one district are usually further apart.
  nearKm: 25,
  // One place and either agreeing dates or one story: a place alone is not enough.
  minScore: 2.5,
};

/** A report as the merger sees it: its values already with the article's source. */
interface Entry {
  articleId: string;
  outlet?: string;
  report: EventReport;
  storyIds: string[];
  dates: SourcedValue<EventDate>[];
  /** Day range of the report's own date, when it has a year. */
  days?: [number, number];
  notes: string[];
}

interface Cluster {
  id: string;
  /** The stored event, when the cluster continues one. */
  stored?: Event;
  entries: Entry[];
  /** The stored event's resolved values, standing for its reports whose articles are not given. */
  probe?: Entry;
}

/** Bucket of the date index: a week, so a window of a few days needs the neighbouring buckets only. */
const DAYS_PER_BUCKET = 7;

export function createEventMerger(options: EventMergerOptions = {}): EventMerger {
  const settings = { ...DEFAULT_EVENT_MERGER_OPTIONS, ...options };
  if (settings.dateWindowDays >= DAYS_PER_BUCKET)
    throw new Error("events: dateWindowDays must be under a week");

  return (articles, stories, existing = []) => {
    const entries = collectEntries(articles, stories);
    const byReport = new Map(entries.map((e) => [e.report.id, e]));
    const clusters: Cluster[] = existing.map((event) => ({
      id: event.id,
      stored: event,
      entries: event.reports.flatMap((r) => byReport.get(r.reportId) ?? []),
      probe: storedProbe(event),
    }));
    const taken = new Set(existing.flatMap((e) => e.reports.map((r) => r.reportId)));
    const index = new Map<string, Cluster[]>();
    for (const c of clusters) for (const e of probesOf(c)) register(index, e, c);
    for (const entry of entries) {
      if (taken.has(entry.report.id)) continue;
      const home = bestCluster(entry, candidates(index, entry));
      const cluster = home ?? { id: eventIdFor(entry.report.id), entries: [] };
      if (!home) clusters.push(cluster);
      cluster.entries.push(entry);
      register(index, entry, cluster);
    }
    return clusters.map((c) => (c.entries.length === 0 && c.stored ? c.stored : buildEvent(c)));
  };

  /** Keys under which a report is found: its country and type, by week; and each of its stories. */
  function keysOf(entry: Entry): string[] {
    const place = entry.report.place?.value;
    const block = `${place?.countryCode ?? "-"}|${entry.report.type}`;
    const week = entry.days ? Math.floor(entry.days[0] / DAYS_PER_BUCKET) : undefined;
    const lastWeek = entry.days ? Math.floor(entry.days[1] / DAYS_PER_BUCKET) : undefined;
    const weeks = week === undefined || lastWeek === undefined ? ["*"] : range(week, lastWeek).map(String);
    return [...weeks.map((w) => `${block}|${w}`), ...entry.storyIds.map((s) => `story|${s}`)];
  }

  function register(index: Map<string, Cluster[]>, entry: Entry, cluster: Cluster): void {
    for (const key of keysOf(entry)) {
      const list = index.get(key) ?? [];
      if (!list.includes(cluster)) index.set(key, [...list, cluster]);
    }
  }

  function candidates(index: Map<string, Cluster[]>, entry: Entry): Cluster[] {
    const place = entry.report.place?.value;
    const block = `${place?.countryCode ?? "-"}|${entry.report.type}`;
    const keys = entry.days
      ? range(
          Math.floor(entry.days[0] / DAYS_PER_BUCKET) - 1,
          Math.floor(entry.days[1] / DAYS_PER_BUCKET) + 1,
        ).map((w) => `${block}|${w}`)
      : [];
    keys.push(`${block}|*`, ...entry.storyIds.map((s) => `story|${s}`));
    return [...new Set(keys.flatMap((k) => index.get(k) ?? []))];
  }

  /** The cluster whose every report fits the new one, with the most evidence for the pair. */
  function bestCluster(entry: Entry, found: readonly Cluster[]): Cluster | undefined {
    let best: { cluster: Cluster; score: number } | undefined;
    for (const cluster of found) {
      // The reporter already told one article's happenings apart: an event holds one report per article.
      if (cluster.entries.some((other) => other.articleId === entry.articleId)) continue;
      if (cluster.stored?.reports.some((r) => r.articleId === entry.articleId)) continue;
      const scores = probesOf(cluster).map((other) => pairScore(entry, other));
      if (scores.length === 0 || scores.some((s) => s === undefined)) continue;
      const score = Math.max(...(scores as number[]));
      if (score >= settings.minScore && (!best || score > best.score)) best = { cluster, score };
    }
    return best?.cluster;
  }

  /** Evidence that two reports tell one event; undefined when something rules it out. */
  function pairScore(a: Entry, b: Entry): number | undefined {
    const sharedStory = a.storyIds.some((s) => b.storyIds.includes(s));
    let score = sharedStory ? 1 : 0;
    const pa = a.report.place?.value;
    const pb = b.report.place?.value;
    if (pa && pb) {
      if (!placesFit(pa, pb, settings.nearKm)) return undefined;
      score +=
        pa.precision === "exact" || pa.precision === "near"
          ? pb.precision === "country" || pb.precision === "region"
            ? 0.5
            : 2
          : 0.5;
    } else if (!sharedStory) {
      return undefined;
    }
    if (a.days && b.days) {
      if (daysApart(a.days, b.days) > settings.dateWindowDays) return undefined;
      score += 1;
    }
    if (a.report.subType === b.report.subType) score += 1;
    else if (a.report.type === b.report.type) score += 0.5;
    else return undefined;
    const actors = [a.report.actor1?.value.actorId, b.report.actor1?.value.actorId];
    if (actors[0] && actors[1] && actors[0] !== actors[1] && !sharedStory) return undefined;
    return score;
  }

  function buildEvent(cluster: Cluster): Event {
    const fresh = new Set(cluster.entries.map((e) => e.report.id));
    const kept = <T>(field: (e: Event) => SourcedValue<T>[]) =>
      cluster.stored ? field(cluster.stored).filter((v) => !fresh.has(v.reportId)) : [];
    const values = <T>(read: (e: Entry) => T | undefined, stored: (e: Event) => SourcedValue<T>[]) => [
      ...kept(stored),
      ...cluster.entries.flatMap((e) => {
        const v = read(e);
        return v === undefined ? [] : [sourced(e, v, evidenceFor(e, read))];
      }),
    ];
    const subTypes = values(
      (e) => e.report.subType,
      (s) => s.fields.subType.values,
    );
    const confidences = subTypes.map(
      (v) =>
        cluster.entries.find((e) => e.report.id === v.reportId)?.report.typeConfidence ??
        cluster.stored?.fields.subType.confidence ??
        0,
    );
    const subType = resolveSubType(subTypes, confidences);
    const reports = [
      ...(cluster.stored?.reports ?? []),
      ...cluster.entries
        .filter((e) => !cluster.stored?.reports.some((r) => r.reportId === e.report.id))
        .map((e) => ({ articleId: e.articleId, reportId: e.report.id })),
    ];
    const fields: Event["fields"] = {
      subType,
      actor1: resolveActor(
        values<EventActor>(
          (e) => e.report.actor1?.value,
          (s) => s.fields.actor1.values,
        ),
      ),
      actor2: resolveActor(
        values<EventActor>(
          (e) => e.report.actor2?.value,
          (s) => s.fields.actor2.values,
        ),
      ),
      associated: resolveAssociated(
        values<EventActor[]>(
          (e) => (e.report.associated.length > 0 ? e.report.associated.map((a) => a.value) : undefined),
          (s) => s.fields.associated.values,
        ),
      ),
      place: resolvePlace(
        values<EventPlace>(
          (e) => e.report.place?.value,
          (s) => s.fields.place.values,
        ),
        settings,
      ),
      date: resolveDate(
        [...kept((s) => s.fields.date.values), ...cluster.entries.flatMap((e) => e.dates)],
        settings,
        [...new Set(cluster.entries.flatMap((e) => e.notes))],
      ),
      fatalities: resolveFatalities(
        values<Fatalities>(
          (e) => e.report.fatalities?.value,
          (s) => s.fields.fatalities.values,
        ),
      ),
    };
    const resolvedSubType =
      subType.resolved ?? cluster.entries[0]?.report.subType ?? cluster.stored?.subType ?? "";
    const type =
      cluster.entries.find((e) => e.report.subType === resolvedSubType)?.report.type ??
      cluster.stored?.type ??
      "";
    const storyIds = [
      ...new Set([...(cluster.stored?.storyIds ?? []), ...cluster.entries.flatMap((e) => e.storyIds)]),
    ];
    return {
      id: cluster.id,
      type,
      subType: resolvedSubType,
      storyIds,
      reports,
      fields,
      confidence: overallConfidence(fields),
    };
  }
}

/** What a cluster is matched by: its reports at hand, else the stored event's resolved values. */
function probesOf(cluster: Cluster): Entry[] {
  return cluster.entries.length > 0 || !cluster.probe ? cluster.entries : [cluster.probe];
}

/** A stored event as one report of its resolved values, for matching new reports against it. */
function storedProbe(event: Event): Entry {
  const place = event.fields.place.resolved;
  const actor1 = event.fields.actor1.resolved;
  const date = event.fields.date.resolved;
  const days = date && hasYear(date.value) ? dayRange(date.value) : undefined;
  const report: EventReport = {
    start: 0,
    end: 0,
    text: "",
    provenance: { stage: "events", method: "stored" },
    id: event.reports[0]?.reportId ?? event.id,
    type: event.type,
    subType: event.subType,
    typeConfidence: event.fields.subType.confidence,
    ...(actor1 ? { actor1: { value: actor1, evidence: [] } } : {}),
    associated: [],
    ...(place ? { place: { value: place, evidence: [] } } : {}),
    mentions: [],
    sentences: [],
  };
  return { articleId: "", report, storyIds: event.storyIds, dates: [], ...(days ? { days } : {}), notes: [] };
}

/** The words of the report a field was read from. */
function evidenceFor<T>(entry: Entry, read: (e: Entry) => T | undefined): SourcedValue<T>["evidence"] {
  const r = entry.report;
  const value = read(entry) as unknown;
  if (value === r.actor1?.value) return r.actor1?.evidence ?? [];
  if (value === r.actor2?.value) return r.actor2?.evidence ?? [];
  if (value === r.place?.value) return r.place?.evidence ?? [];
  if (value === r.fatalities?.value) return r.fatalities?.evidence ?? [];
  if (Array.isArray(value)) return r.associated.flatMap((a) => a.evidence);
  // The sub-type is read from the report's sentences: its first one stands for them.
  return [{ start: r.start, end: r.end, text: r.text, sentence: r.sentences[0] ?? 0 }];
}

function sourced<T>(entry: Entry, value: T, evidence: SourcedValue<T>["evidence"]): SourcedValue<T> {
  return {
    value,
    articleId: entry.articleId,
    ...(entry.outlet ? { outlet: entry.outlet } : {}),
    reportId: entry.report.id,
    evidence,
  };
}

/** How sure the record is: the mean confidence of the fields that say what and where and when. */
function overallConfidence(fields: Event["fields"]): number {
  const parts = [fields.subType.confidence, fields.place.confidence, fields.date.confidence];
  return Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 1000) / 1000;
}

/** A stable id named after the first report, like a story's. */
function eventIdFor(firstReportId: string): string {
  return `event-${createHash("sha256").update(firstReportId).digest("hex").slice(0, 12)}`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/**
 * Every report of the articles, earliest article first (then by id), so the first report of an
 * event does not depend on the order articles are given in. Dates without a year take it from
 * the article's date, else from its story's.
 */
function collectEntries(articles: readonly Article[], stories: readonly Story[]): Entry[] {
  const storiesOf = new Map<string, string[]>();
  const storyDate = new Map<string, string>();
  for (const s of stories) {
    for (const id of s.articleIds) storiesOf.set(id, [...(storiesOf.get(id) ?? []), s.id]);
    const date = s.firstPublished ?? s.lastPublished;
    if (date) storyDate.set(s.id, date);
  }
  const labels = sourceLabels(articles, stories);
  const ordered = [...articles].sort(
    (a, b) =>
      (a.published?.value ?? "~").localeCompare(b.published?.value ?? "~") || a.id.localeCompare(b.id),
  );
  return ordered.flatMap((article) =>
    (article.annotations.eventReports ?? []).map((report) => {
      const storyIds = storiesOf.get(article.id) ?? [];
      const storyAnchor = storyIds.map((s) => storyDate.get(s)).find((d) => d !== undefined);
      return entryOf(
        article,
        labels.get(article.id) ?? articleLabel(article),
        report,
        storyIds,
        article.published?.value ?? storyAnchor,
        article.published ? undefined : storyAnchor,
      );
    }),
  );
}

/**
 * Each article's name as the story reports name it (its outlet, else its site or file; made
 * unique within its story), so an event's sources read the same as the comparison's columns.
 */
function sourceLabels(articles: readonly Article[], stories: readonly Story[]): Map<string, string> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const labels = new Map<string, string>();
  for (const story of stories) {
    const members = story.articleIds.flatMap((id) => byId.get(id) ?? []);
    for (const [id, label] of outletLabels(members)) if (!labels.has(id)) labels.set(id, label);
  }
  return labels;
}

function entryOf(
  article: Article,
  outlet: string,
  report: EventReport,
  storyIds: string[],
  anchor: string | undefined,
  storyAnchor: string | undefined,
): Entry {
  const notes: string[] = [];
  const dates = reportDates(article, report).map((d): SourcedValue<EventDate> => {
    const value = withYearFrom(d.value.value, anchor);
    if (value !== d.value.value && storyAnchor)
      notes.push(
        `years missing from ${outlet}'s dates are taken from its story's date ${storyAnchor.slice(0, 10)}`,
      );
    return {
      value: { ...d.value, value },
      articleId: article.id,
      outlet,
      reportId: report.id,
      evidence: d.evidence,
    };
  });
  const week = dates.length === 0 && storyAnchor ? isoWeekOf(storyAnchor) : undefined;
  if (week) {
    // The article has no date and its text names none: its story's first date stands in.
    dates.push({
      value: { value: week, precision: PUBLISHED_DATE_PRECISION, basis: "published" },
      articleId: article.id,
      outlet,
      reportId: report.id,
      evidence: [],
    });
    notes.push(`${outlet} has no date: its story's date ${storyAnchor?.slice(0, 10)} stands in`);
  }
  const own = report.date ? withYearFrom(report.date.value.value, anchor) : week;
  const days = own && hasYear(own) ? dayRange(own) : undefined;
  return {
    articleId: article.id,
    outlet,
    report,
    storyIds,
    dates,
    ...(days ? { days } : {}),
    notes,
  };
}
