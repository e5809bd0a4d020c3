import { createHash } from "node:crypto";
import { getCountryDataList } from "countries-list";
import type { EventTaxonomy } from "../analyze/event-types/data.js";
import type {
  Event,
  EventActor,
  EventDate,
  EventField,
  EventPlace,
  Fatalities,
  SourcedValue,
} from "../model/index.js";
import type { AcledCodes } from "./codes.js";

/**
 * An event as one row of ACLED's layout, followed by Parallax's own columns: every source's value
 * of each field, the reasons behind the resolved values, and the ids to find the event again.
 */

/** ACLED's columns, in ACLED's order. */
export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
] as const;

/** Parallax's columns, after ACLED's. `*_values` cells read "outlet (article id): value; ...". */
export const PARALLAX_EVENT_COLUMNS = [
  "type_values",
  "date_values",
  "place_values",
  "actor1_values",
  "actor2_values",
  "associated_values",
  "fatalities_values",
  "type_reason",
  "date_reason",
  "place_reason",
  "actor1_reason",
  "actor2_reason",
  "fatalities_reason",
  "article_ids",
  "story_ids",
  "report_count",
  "confidence",
  "parallax_event_id",
  "parallax_type",
  "parallax_sub_type",
] as const;

export const EVENT_COLUMNS = [...ACLED_COLUMNS, ...PARALLAX_EVENT_COLUMNS] as const;

export type EventColumn = (typeof EVENT_COLUMNS)[number];

/** A cell: text, a number, or null when the event does not say (an empty CSV cell). */
export type Cell = string | number | null;

export type EventRow = Record<EventColumn, Cell>;

/** What the export needs to know of an article: whose it is. */
export interface ArticleInfo {
  outlet?: string;
}

export type EventRowMapper = (event: Event, articles?: ReadonlyMap<string, ArticleInfo>) => EventRow;

export interface EventRowOptions {
  taxonomy: EventTaxonomy;
  codes: AcledCodes;
}

/** Multi-valued cells (actors, sources, ids) are joined like ACLED joins its sources. */
const LIST_SEPARATOR = "; ";
/** ACLED gives coordinates with four decimals (about 11 m): more would claim a precision no source has. */
const COORDINATE_DECIMALS = 4;
/** Hex digits of the event id's hash in event_id_cnty: 48 bits keep collisions unlikely at millions of events. */
const ID_HASH_HEX_DIGITS = 12;
/** When the text gives no date, the article's date stands in: the event fell within some days before it. */
const PUBLISHED_DATE_MIN_TIME_PRECISION = 2;
/** ACLED codes a date known to the month in the middle of the month; to the year, in the middle of the year. */
const MID_MONTH_DAY = "15";
const MID_YEAR = "07-01";
/** ACLED codes a date known to the week in the middle of the week: Thursday of an ISO week (Monday is day 1). */
const MID_WEEK_DAY_OFFSET = 3;

interface Country {
  name: string;
  iso3: string;
}

export function createEventRowMapper(options: EventRowOptions): EventRowMapper {
  const labels = taxonomyLabels(options.taxonomy);
  const countries = new Map<string, Country>(
    getCountryDataList().map((c) => [c.iso2, { name: c.name, iso3: c.iso3 }]),
  );
  const { codes } = options;
  return (event, articles = new Map()) => {
    const outletOf = outletLookup(event, articles);
    const type = labels.get(event.subType) ?? { type: event.type, subType: event.subType };
    const place = event.fields.place.resolved;
    const date = event.fields.date.resolved;
    const country = place?.countryCode ? countries.get(place.countryCode.toUpperCase()) : undefined;
    const actors = actorColumns(event, codes);
    const outlets = unique(event.reports.map((r) => outletOf(r.articleId)));
    const row: EventRow = {
      event_id_cnty: eventIdCnty(event.id, country?.iso3 ?? codes.unknownCountryAlpha3),
      event_date: date ? acledDate(date.value) : null,
      year: date ? yearOf(date.value) : null,
      time_precision: date ? timePrecisionCode(date, codes) : null,
      event_type: type.type,
      sub_event_type: type.subType,
      ...actors,
      country: place?.country ?? country?.name ?? null,
      admin1: place?.admin1 ?? null,
      admin2: place?.admin2 ?? null,
      admin3: null,
      location: place?.name ?? null,
      latitude: place ? round(place.lat, COORDINATE_DECIMALS) : null,
      longitude: place ? round(place.lon, COORDINATE_DECIMALS) : null,
      geo_precision: place ? codes.geoPrecision[place.precision] : null,
      source: outlets.join(LIST_SEPARATOR) || null,
      // ACLED's scale of the source (local, national, international): nothing in an article tells it.
      source_scale: null,
      notes: notes(event, type.subType, outletOf),
      // ACLED writes 0 when no source gives a figure.
      fatalities: event.fields.fatalities.resolved?.count ?? 0,
      type_values: sourceValues(event.fields.subType, (v) => labels.get(v)?.subType ?? v, outletOf),
      date_values: sourceValues(event.fields.date, dateText, outletOf),
      place_values: sourceValues(event.fields.place, placeText, outletOf),
      actor1_values: sourceValues(event.fields.actor1, (a) => a.name, outletOf),
      actor2_values: sourceValues(event.fields.actor2, (a) => a.name, outletOf),
      associated_values: sourceValues(
        event.fields.associated,
        (list) => list.map((a) => a.name).join(", "),
        outletOf,
      ),
      fatalities_values: sourceValues(event.fields.fatalities, fatalitiesText, outletOf),
      type_reason: event.fields.subType.reason || null,
      date_reason: event.fields.date.reason || null,
      place_reason: event.fields.place.reason || null,
      actor1_reason: event.fields.actor1.reason || null,
      actor2_reason: event.fields.actor2.reason || null,
      fatalities_reason: event.fields.fatalities.reason || null,
      article_ids: unique(event.reports.map((r) => r.articleId)).join(LIST_SEPARATOR),
      story_ids: event.storyIds.join(LIST_SEPARATOR) || null,
      report_count: event.reports.length,
      confidence: event.confidence,
      parallax_event_id: event.id,
      parallax_type: event.type,
      parallax_sub_type: event.subType,
    };
    return row;
  };
}

/** Sub-type id -> ACLED's event type and sub-event labels (Parallax's own kinds use their labels). */
function taxonomyLabels(taxonomy: EventTaxonomy): Map<string, { type: string; subType: string }> {
  return new Map(
    taxonomy.types.flatMap((t) =>
      t.subTypes.map((s) => [s.id, { type: t.label, subType: s.acledLabel ?? s.label }] as const),
    ),
  );
}

/** The outlet that published an article: the stored article's, else the one a field value names. */
function outletLookup(
  event: Event,
  articles: ReadonlyMap<string, ArticleInfo>,
): (articleId: string) => string {
  const named = new Map<string, string>();
  for (const field of Object.values(event.fields) as EventField<unknown>[]) {
    for (const v of field.values) if (v.outlet && !named.has(v.articleId)) named.set(v.articleId, v.outlet);
  }
  return (articleId) => articles.get(articleId)?.outlet ?? named.get(articleId) ?? articleId;
}

type ActorColumns = Pick<
  EventRow,
  "actor1" | "assoc_actor_1" | "inter1" | "actor2" | "assoc_actor_2" | "inter2" | "interaction"
>;

function actorColumns(event: Event, codes: AcledCodes): ActorColumns {
  const actor1 = event.fields.actor1.resolved;
  const actor2 = event.fields.actor2.resolved;
  const where = event.fields.place.resolved?.countryCode;
  const inter1 = actor1 ? interCode(actor1, codes, where) : null;
  const inter2 = actor2 ? interCode(actor2, codes, where) : codes.noActorInter;
  const [side1, side2] = sidesOfAssociated(
    event.fields.associated.resolved ?? [],
    inter1,
    actor2 ? inter2 : null,
    (actor) => interCode(actor, codes, where),
  );
  return {
    actor1: actor1?.name ?? null,
    assoc_actor_1: side1.join(LIST_SEPARATOR) || null,
    inter1,
    actor2: actor2?.name ?? null,
    assoc_actor_2: side2.join(LIST_SEPARATOR) || null,
    inter2,
    interaction: interactionCode(inter1, actor2 ? inter2 : undefined),
  };
}

/** State forces' inter code; ACLED gives it only to forces acting in their own country. */
const STATE_FORCES = 1;

/**
 * ACLED's inter code of an actor, from its dictionary category; null when the category says
 * nothing. State forces acting in another country than their own (`eventCountry`) are external.
 */
export function interCode(actor: EventActor, codes: AcledCodes, eventCountry?: string): number | null {
  const inter = actor.category === undefined ? null : (codes.categoryInter[actor.category] ?? null);
  const abroad =
    actor.countryCode !== undefined &&
    eventCountry !== undefined &&
    actor.countryCode.toUpperCase() !== eventCountry.toUpperCase();
  return inter === STATE_FORCES && abroad ? codes.foreignStateForces : inter;
}

/**
 * ACLED's interaction: the two inter codes, lower first (12: state forces against rebels), or the
 * single code times ten when there is no second actor (60: protesters alone). Null when a code
 * is unknown; `inter2` undefined means there is no second actor.
 */
export function interactionCode(inter1: number | null, inter2: number | null | undefined): number | null {
  if (inter1 === null) return null;
  if (inter2 === undefined) return inter1 * 10;
  if (inter2 === null) return null;
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
}

/**
 * The model does not say whose side an associated actor is on; one of the same actor type as
 * actor2 (and not of actor1's) goes with actor2, any other with actor1.
 */
function sidesOfAssociated(
  associated: readonly EventActor[],
  inter1: number | null,
  inter2: number | null,
  interOf: (actor: EventActor) => number | null,
): [string[], string[]] {
  const side1: string[] = [];
  const side2: string[] = [];
  for (const actor of associated) {
    const inter = interOf(actor);
    const withActor2 = inter !== null && inter === inter2 && inter !== inter1;
    (withActor2 ? side2 : side1).push(actor.name);
  }
  return [unique(side1), unique(side2)];
}

/** `event_id_cnty`: the country's ISO alpha-3 and a number that stays the same for the same event id. */
export function eventIdCnty(eventId: string, alpha3: string): string {
  const hash = createHash("sha256").update(eventId).digest("hex").slice(0, ID_HASH_HEX_DIGITS);
  return `${alpha3}${Number.parseInt(hash, 16)}`;
}

/**
 * The model's date as ACLED writes it, YYYY-MM-DD: a week is its middle (Thursday), a month its
 * 15th, a year its 1 July; null when the year is unknown ("XXXX-11-08") or the value unreadable.
 */
export function acledDate(value: string): string | null {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (day) return day[1] ?? null;
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (week) return isoWeekDay(Number(week[1]), Number(week[2]), MID_WEEK_DAY_OFFSET);
  const month = /^(\d{4}-\d{2})$/.exec(value);
  if (month) return `${month[1]}-${MID_MONTH_DAY}`;
  const year = /^(\d{4})$/.exec(value);
  if (year) return `${year[1]}-${MID_YEAR}`;
  return null;
}

/** The date `offset` days after Monday of ISO week `week` of `year`. */
function isoWeekDay(year: number, week: number, offset: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4)); // 4 January is always in week 1
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  const day = new Date(mondayOfWeek1 + ((week - 1) * 7 + offset) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function yearOf(value: string): number | null {
  const year = /^(\d{4})/.exec(value);
  return year ? Number(year[1]) : null;
}

/** ACLED's time_precision: 1 the day, 2 the week, 3 the month or coarser. */
export function timePrecisionCode(date: EventDate, codes: AcledCodes): number {
  const code = codes.timePrecision[date.precision];
  return date.basis === "published" ? Math.max(code, PUBLISHED_DATE_MIN_TIME_PRECISION) : code;
}

/** "outlet (article id): value; ..." for every source that gives the field. */
function sourceValues<T>(
  field: EventField<T>,
  render: (value: T) => string,
  outletOf: (articleId: string) => string,
): string | null {
  const cells = field.values.map((v: SourcedValue<T>) => {
    const outlet = v.outlet ?? outletOf(v.articleId);
    const who = outlet === v.articleId ? v.articleId : `${outlet} (${v.articleId})`;
    return `${who}: ${render(v.value)}`;
  });
  return cells.join(LIST_SEPARATOR) || null;
}

function dateText(date: EventDate): string {
  return date.basis === "published" ? `${date.value} (publication date)` : date.value;
}

function placeText(place: EventPlace): string {
  return place.precision === "exact" ? place.name : `${place.name} (${place.precision})`;
}

function fatalitiesText(f: Fatalities): string {
  const figure = f.low !== undefined && f.high !== undefined ? `${f.low}-${f.high}` : String(f.count);
  return f.approximate ? `about ${figure}` : figure;
}

/**
 * A short sentence of what happened, where and when, and who reported it with which date:
 * "Government regains territory at Abu Kamal, Syria, on 2017-11-08: Syrian Army against
 * Islamic State. Sources: A (date 2017-11-08); B (date 2017-11-09)."
 */
function notes(event: Event, subLabel: string, outletOf: (articleId: string) => string): string {
  const place = event.fields.place.resolved;
  const date = event.fields.date.resolved;
  const actor1 = event.fields.actor1.resolved;
  const actor2 = event.fields.actor2.resolved;
  // A place that is itself the country is named once.
  const where = place
    ? ` at ${place.country && place.country !== place.name ? `${place.name}, ${place.country}` : place.name}`
    : "";
  const when = date ? `${where ? "," : ""} on ${date.value}` : "";
  const who = actor1 ? `: ${actor1.name}${actor2 ? ` against ${actor2.name}` : ""}` : "";
  const fatalities = event.fields.fatalities.resolved;
  const dead = fatalities ? ` ${fatalitiesText(fatalities)} killed.` : "";
  const dates = new Map<string, string>();
  for (const v of event.fields.date.values)
    if (!dates.has(v.articleId)) dates.set(v.articleId, v.value.value);
  const sources = unique(event.reports.map((r) => r.articleId)).map((id) => {
    const d = dates.get(id);
    return `${outletOf(id)} (${d ? `date ${d}` : "no date"})`;
  });
  return oneLine(`${subLabel}${where}${when}${who}.${dead} Sources: ${sources.join(LIST_SEPARATOR)}.`);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
