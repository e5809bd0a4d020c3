import type {
  Event,
  EventActor,
  EventDate,
  EventField,
  EventPlace,
  Fatalities,
  SourcedValue,
} from "../model/index.js";

/** Hand-built events for the export, store and report tests: one field at a time, every source's value. */

export function sourced<T>(value: T, articleId: string, outlet?: string): SourcedValue<T> {
  return {
    value,
    articleId,
    ...(outlet ? { outlet } : {}),
    reportId: `${articleId}#e1`,
    evidence: [{ start: 0, end: 4, text: "text", sentence: 0 }],
  };
}

export function field<T>(values: SourcedValue<T>[], resolved?: T, reason = ""): EventField<T> {
  return {
    values,
    ...(resolved !== undefined ? { resolved } : {}),
    confidence: resolved === undefined ? 0 : 0.8,
    reason,
  };
}

const empty = <T>(): EventField<T> => field<T>([], undefined, "no source gives it");

export function buildEvent(
  id: string,
  type: string,
  subType: string,
  articleIds: string[],
  fields: Partial<Event["fields"]>,
  extra: Partial<Event> = {},
): Event {
  return {
    id,
    type,
    subType,
    storyIds: ["story-1"],
    reports: articleIds.map((articleId) => ({ articleId, reportId: `${articleId}#e1` })),
    fields: {
      subType: field(
        articleIds.map((a) => sourced(subType, a)),
        subType,
        "every source gives it",
      ),
      actor1: empty<EventActor>(),
      actor2: empty<EventActor>(),
      associated: empty<EventActor[]>(),
      place: empty<EventPlace>(),
      date: empty<EventDate>(),
      fatalities: empty<Fatalities>(),
      ...fields,
    },
    confidence: 0.7,
    ...extra,
  };
}

const army: EventActor = {
  name: "Syrian Army",
  actorId: "syrian-army",
  category: "armed-forces",
  countryCode: "SY",
};
const isis: EventActor = { name: "Islamic State", actorId: "isis", category: "armed-group" };
const town: EventPlace = {
  name: "Abu Kamal",
  geonameId: 172515,
  lat: 34.453_612_3,
  lon: 40.918_711_9,
  countryCode: "SY",
  country: "Syria",
  admin1: "Deir ez-Zor",
  precision: "exact",
};

/** A battle told by two outlets that give different dates: 12 (state forces against rebels), exact place. */
export const BATTLE: Event = buildEvent(
  "a000#e1",
  "battles",
  "government-regains-territory",
  ["a000", "a001"],
  {
    actor1: field(
      [sourced(army, "a000", "Outlet Zero"), sourced(army, "a001", "Outlet One")],
      army,
      "both agree",
    ),
    actor2: field([sourced(isis, "a001", "Outlet One")], isis, "only one source names it"),
    place: field(
      [sourced(town, "a000", "Outlet Zero"), sourced(town, "a001", "Outlet One")],
      town,
      "both agree",
    ),
    date: field(
      [
        sourced<EventDate>(
          { value: "2017-11-08", precision: "day", basis: "explicit" },
          "a000",
          "Outlet Zero",
        ),
        sourced<EventDate>(
          { value: "2017-11-09", precision: "day", basis: "explicit" },
          "a001",
          "Outlet One",
        ),
      ],
      { value: "2017-11-08", precision: "day", basis: "explicit" },
      "the earliest explicit date",
    ),
  },
);

const marchers: EventActor = { name: "Protesters", category: "protesters" };
const square: EventPlace = {
  name: '=HYPERLINK("http://evil.example","Central, Square")',
  lat: -33.8688,
  lon: -73.5,
  countryCode: "CL",
  precision: "near",
};

/** A protest with no second actor (60), known to the week, near a place whose name is hostile text. */
export const PROTEST: Event = buildEvent("p1#e1", "protests", "peaceful-protest", ["p1"], {
  actor1: field([sourced(marchers, "p1")], marchers, "one source"),
  associated: field(
    [sourced([{ name: "Teachers' union", category: "civilians" }], "p1")],
    [{ name: "Teachers' union", category: "civilians" }],
    "one source",
  ),
  place: field([sourced(square, "p1")], square, "one source"),
  date: field(
    [sourced<EventDate>({ value: "2024-W10", precision: "week", basis: "relative" }, "p1")],
    { value: "2024-W10", precision: "week", basis: "relative" },
    "one source",
  ),
});

/** An earthquake: no actors, no place, a range of fatalities, dated only by publication. */
export const QUAKE: Event = buildEvent("q1#e1", "disasters", "natural-disaster", ["q1", "q2"], {
  fatalities: field(
    [
      sourced<Fatalities>({ count: 40, low: 40, high: 50, approximate: false }, "q1"),
      sourced<Fatalities>({ count: 45, approximate: true }, "q2"),
    ],
    { count: 40, low: 40, high: 50, approximate: false },
    "the lowest figure, as ACLED keeps",
  ),
  date: field(
    [sourced<EventDate>({ value: "2024-03-02", precision: "day", basis: "published" }, "q1")],
    { value: "2024-03-02", precision: "day", basis: "published" },
    "only the publication date",
  ),
});
