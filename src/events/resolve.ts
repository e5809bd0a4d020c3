import { dayRange, daysApart, geoPrecisionRank, precisionRank } from "../analyze/event-reports/index.js";
import type {
  EventActor,
  EventDate,
  EventField,
  EventPlace,
  Fatalities,
  SourcedValue,
} from "../model/index.js";

/**
 * Settling each field of a merged event: every source's value stays; the resolved value, its
 * confidence and a one-line reason follow a rule per field (the majority type, the most
 * precise date, the most specific place, the lowest death toll as ACLED does).
 */

export interface ResolveOptions {
  dateWindowDays: number;
  nearKm: number;
}

/** A source's name in a reason: its outlet, else its article id. */
export function sourceLabel(v: SourcedValue<unknown>): string {
  return v.outlet ?? v.articleId;
}

function sourcesOf(values: readonly SourcedValue<unknown>[]): string[] {
  return [...new Set(values.map(sourceLabel))];
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

function none<T>(): EventField<T> {
  return { values: [], confidence: 0, reason: "no source gives it" };
}

/** The value most values share (by key), the first seen on a tie; how many share it. */
function majority<T>(values: readonly SourcedValue<T>[], key: (v: T) => string): { value: T; count: number } {
  const counts = new Map<string, { value: T; count: number }>();
  for (const v of values) {
    const k = key(v.value);
    counts.set(k, { value: counts.get(k)?.value ?? v.value, count: (counts.get(k)?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0] as { value: T; count: number };
}

function agreement(count: number, total: number, sources: number): string {
  if (total === 1) return "one source gives it";
  if (count === total)
    return sources > 1 ? `all ${sources} sources agree` : "every report of the one source agrees";
  return `${count} of ${total} values agree`;
}

export function resolveSubType(
  values: readonly SourcedValue<string>[],
  confidences: readonly number[],
): EventField<string> {
  if (values.length === 0) return none();
  const weight = new Map<string, number>();
  values.forEach((v, i) =>
    weight.set(v.value, (weight.get(v.value) ?? 0) + Math.max(confidences[i] ?? 0, 0.01)),
  );
  const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [best, w] = ranked[0] as [string, number];
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  const count = values.filter((v) => v.value === best).length;
  const reason =
    ranked.length === 1
      ? agreement(count, values.length, sourcesOf(values).length)
      : `the majority type, weighted by the classifier's confidence (${count} of ${values.length} reports)`;
  return { values: [...values], resolved: best, confidence: share(w, total), reason };
}

const actorKey = (a: EventActor) => a.actorId ?? a.name.toLowerCase();

export function resolveActor(values: readonly SourcedValue<EventActor>[]): EventField<EventActor> {
  if (values.length === 0) return none();
  const known = values.filter((v) => v.value.actorId);
  const { value, count } = majority(known.length > 0 ? known : values, actorKey);
  const reason =
    known.length > 0 && known.length < values.length
      ? `${agreement(count, known.length, sourcesOf(known).length)}; a known actor before words alone`
      : agreement(count, values.length, sourcesOf(values).length);
  return { values: [...values], resolved: value, confidence: share(count, values.length), reason };
}

export function resolveAssociated(values: readonly SourcedValue<EventActor[]>[]): EventField<EventActor[]> {
  if (values.length === 0) return none();
  const all = new Map<string, { actor: EventActor; count: number }>();
  for (const v of values)
    for (const a of v.value)
      all.set(actorKey(a), { actor: a, count: (all.get(actorKey(a))?.count ?? 0) + 1 });
  const most = Math.max(...[...all.values()].map((a) => a.count));
  return {
    values: [...values],
    resolved: [...all.values()].map((a) => a.actor),
    confidence: share(most, values.length),
    reason: `every ally any source names (${all.size} from ${values.length} report${values.length > 1 ? "s" : ""})`,
  };
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Whether a place value fits another: one site (same id or close), or a coarse place holding it. */
export function placesFit(a: EventPlace, b: EventPlace, nearKm: number): boolean {
  if (a.geonameId !== undefined && a.geonameId === b.geonameId) return true;
  if (a.countryCode && b.countryCode && a.countryCode !== b.countryCode) return false;
  const coarse = (p: EventPlace) => p.precision === "region" || p.precision === "country";
  if (coarse(a) || coarse(b)) return a.countryCode !== undefined && a.countryCode === b.countryCode;
  // Two towns the gazetteer tells apart are two places, however close; distance only joins a
  // site it has no id for (a base, a crossing) to the town beside it.
  if (a.geonameId !== undefined && b.geonameId !== undefined) return false;
  return a.name === b.name || distanceKm(a, b) <= nearKm;
}

export function resolvePlace(
  values: readonly SourcedValue<EventPlace>[],
  options: ResolveOptions,
): EventField<EventPlace> {
  if (values.length === 0) return none();
  const finest = Math.min(...values.map((v) => geoPrecisionRank(v.value.precision)));
  const specific = values.filter((v) => geoPrecisionRank(v.value.precision) === finest);
  const { value } = majority(specific, (p) => String(p.geonameId ?? p.name));
  const fitting = values.filter((v) => placesFit(v.value, value, options.nearKm)).length;
  const sources = sourcesOf(values).length;
  const reason =
    fitting === values.length && specific.length === values.length
      ? agreement(values.length, values.length, sources)
      : `the most specific place (${value.precision}); ${fitting} of ${values.length} values fit it`;
  return { values: [...values], resolved: value, confidence: share(fitting, values.length), reason };
}

/** Trusted dates first (named in the text), then the most precise, then the earliest day. */
function dateOrder(a: EventDate, b: EventDate): number {
  const basis = (d: EventDate) => (d.basis === "published" ? 1 : 0);
  return (
    basis(a) - basis(b) ||
    precisionRank(a.precision) - precisionRank(b.precision) ||
    (dayRange(a.value)?.[0] ?? Infinity) - (dayRange(b.value)?.[0] ?? Infinity)
  );
}

/** A date stood in by the article's own date counts half: the text did not say it. */
const PUBLISHED_BASIS_FACTOR = 0.5;

export function resolveDate(
  values: readonly SourcedValue<EventDate>[],
  options: ResolveOptions,
  notes: readonly string[] = [],
): EventField<EventDate> {
  if (values.length === 0) return none();
  const best = [...values].sort((a, b) => dateOrder(a.value, b.value))[0] as SourcedValue<EventDate>;
  const range = dayRange(best.value.value);
  const fits = values.filter((v) => {
    const other = dayRange(v.value.value);
    return range && other
      ? daysApart(range, other) <= options.dateWindowDays
      : v.value.value === best.value.value;
  });
  const words = best.evidence.map((e) => `"${e.text}"`).join(", ");
  const others = [
    ...new Set(values.filter((v) => v !== best).map((v) => `${v.value.value} (${sourceLabel(v)})`)),
  ];
  const head =
    best.value.basis === "published"
      ? `no source names a date; the article's date stands in (${best.value.precision})`
      : `the most precise date named (${best.value.precision}): ${best.value.value}${words ? ` ${words}` : ""}, ${sourceLabel(best)}`;
  const tail =
    others.length === 0
      ? ""
      : fits.length === values.length
        ? `; the others fit it: ${others.join(", ")}`
        : `; ${fits.length} of ${values.length} values fit it: ${others.join(", ")}`;
  const factor = best.value.basis === "published" ? PUBLISHED_BASIS_FACTOR : 1;
  return {
    values: [...values],
    resolved: best.value,
    confidence: share(fits.length * factor, values.length),
    reason: `${head}${tail}${notes.length > 0 ? `; ${notes.join("; ")}` : ""}`,
  };
}

export function resolveFatalities(values: readonly SourcedValue<Fatalities>[]): EventField<Fatalities> {
  if (values.length === 0) return none();
  const lowest = [...values].sort((a, b) => a.value.count - b.value.count)[0] as SourcedValue<Fatalities>;
  const agreeing = values.filter((v) => v.value.count === lowest.value.count).length;
  const reason =
    agreeing === values.length
      ? agreement(agreeing, values.length, sourcesOf(values).length)
      : `the lowest figure, as ACLED codes it: ${lowest.value.count} (${sourceLabel(lowest)}); others give ${values
          .filter((v) => v.value.count !== lowest.value.count)
          .map((v) => `${v.value.count} (${sourceLabel(v)})`)
          .join(", ")}`;
  return { values: [...values], resolved: lowest.value, confidence: share(agreeing, values.length), reason };
}
