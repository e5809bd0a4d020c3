import { beforeAll, describe, expect, it } from "vitest";
import { loadEventTaxonomy } from "../analyze/event-types/data.js";
import { type Article, articleFromText, type SourcedValue, type Story } from "../model/index.js";
import {
  ACLED_COLUMNS,
  acledDate,
  type AcledCodes,
  createEventRowMapper,
  createExporter,
  csvCell,
  EVENT_COLUMNS,
  type EventRowMapper,
  eventIdCnty,
  type Exporter,
  interactionCode,
  interCode,
  loadAcledCodes,
  parseAcledCodes,
  toCsv,
} from "./index.js";
import { BATTLE, buildEvent, PROTEST, QUAKE } from "./test-support.js";

let codes: AcledCodes;
let toRow: EventRowMapper;
let exporter: Exporter;

beforeAll(() => {
  const taxonomy = loadEventTaxonomy();
  codes = loadAcledCodes();
  toRow = createEventRowMapper({ taxonomy, codes });
  exporter = createExporter({ taxonomy, codes });
});

const outlets = new Map([
  ["a000", { outlet: "Outlet Zero" }],
  ["a001", { outlet: "Outlet One" }],
]);

describe("an event as an ACLED row", () => {
  it("starts with ACLED's 25 columns in ACLED's order, then Parallax's", () => {
    expect(EVENT_COLUMNS.slice(0, 25)).toEqual([...ACLED_COLUMNS]);
    expect(ACLED_COLUMNS[0]).toBe("event_id_cnty");
    expect(ACLED_COLUMNS[24]).toBe("fatalities");
    expect(Object.keys(toRow(BATTLE, outlets))).toEqual([...EVENT_COLUMNS]);
  });

  it("maps a battle: labels, actors, inter codes, place, date and every source's value", () => {
    const row = toRow(BATTLE, outlets);
    expect(row).toMatchObject({
      event_date: "2017-11-08",
      year: 2017,
      time_precision: 1,
      event_type: "Battles",
      sub_event_type: "Government regains territory",
      actor1: "Syrian Army",
      inter1: 1,
      actor2: "Islamic State",
      inter2: 2,
      interaction: 12,
      country: "Syria",
      admin1: "Deir ez-Zor",
      location: "Abu Kamal",
      latitude: 34.4536,
      longitude: 40.9187,
      geo_precision: 1,
      source: "Outlet Zero; Outlet One",
      fatalities: 0,
      date_values: "Outlet Zero (a000): 2017-11-08; Outlet One (a001): 2017-11-09",
      actor2_values: "Outlet One (a001): Islamic State",
      date_reason: "the earliest explicit date",
      article_ids: "a000; a001",
      report_count: 2,
      parallax_event_id: "a000#e1",
      parallax_sub_type: "government-regains-territory",
    });
    expect(row.event_id_cnty).toMatch(/^SYR\d+$/);
    expect(row.notes).toBe(
      "Government regains territory at Abu Kamal, Syria, on 2017-11-08: Syrian Army against Islamic State. " +
        "Sources: Outlet Zero (date 2017-11-08); Outlet One (date 2017-11-09).",
    );
  });

  it("keeps event_id_cnty stable for an event id, and apart for another", () => {
    expect(eventIdCnty("a000#e1", "SYR")).toBe(eventIdCnty("a000#e1", "SYR"));
    expect(eventIdCnty("a000#e1", "SYR")).not.toBe(eventIdCnty("a000#e2", "SYR"));
    expect(toRow(QUAKE).event_id_cnty).toMatch(/^XXX\d+$/);
  });

  it("codes state forces acting outside their own country as external forces (8)", () => {
    const abroad = { name: "Foreign Air Force", category: "armed-forces", countryCode: "RU" };
    expect(interCode(abroad, codes, "SY")).toBe(8);
    expect(interCode(abroad, codes, "RU")).toBe(1);
    expect(interCode(abroad, codes)).toBe(1);
    expect(interCode({ ...abroad, category: "armed-group" }, codes, "SY")).toBe(2);
    const event = {
      ...BATTLE,
      fields: { ...BATTLE.fields, actor1: { ...BATTLE.fields.actor1, resolved: abroad } },
    };
    expect(toRow(event)).toMatchObject({ inter1: 8, inter2: 2, interaction: 28 });
  });

  it("codes a single actor's interaction as its code times ten, with inter2 0", () => {
    const row = toRow(PROTEST);
    expect(row).toMatchObject({ inter1: 6, actor2: null, inter2: 0, interaction: 60 });
    expect(row.assoc_actor_1).toBe("Teachers' union");
  });

  it("puts the lower inter code first and leaves the interaction empty when a code is unknown", () => {
    expect(interactionCode(2, 1)).toBe(12);
    expect(interactionCode(7, 3)).toBe(37);
    expect(interactionCode(8, 8)).toBe(88);
    expect(interactionCode(null, 1)).toBeNull();
    expect(interactionCode(1, null)).toBeNull();
    const person = { name: "A minister", category: "person" };
    const event = buildEvent("x#e1", "battles", "armed-clash", ["x"], {
      actor1: { values: [], resolved: person, confidence: 0.5, reason: "" },
    });
    expect(toRow(event)).toMatchObject({ inter1: null, interaction: null });
  });

  it("codes time precision: day 1, week 2 (its Thursday), month 3 (its 15th); a publication date at least 2", () => {
    expect(toRow(PROTEST)).toMatchObject({ event_date: "2024-03-07", year: 2024, time_precision: 2 });
    expect(acledDate("2017-11")).toBe("2017-11-15");
    expect(acledDate("2020-W01")).toBe("2020-01-02");
    expect(acledDate("2017-11-08T09:52")).toBe("2017-11-08");
    expect(acledDate("XXXX-11-08")).toBeNull();
    expect(toRow(QUAKE)).toMatchObject({ event_date: "2024-03-02", time_precision: 2 });
    const monthly = buildEvent("m#e1", "elections", "election", ["m"], {
      date: {
        values: [],
        resolved: { value: "2024-05", precision: "month", basis: "explicit" },
        confidence: 1,
        reason: "",
      },
    });
    expect(toRow(monthly)).toMatchObject({ event_date: "2024-05-15", time_precision: 3 });
  });

  it("codes geo precision: exact 1, near 2, region and country 3", () => {
    expect(toRow(BATTLE).geo_precision).toBe(1);
    expect(toRow(PROTEST).geo_precision).toBe(2);
    for (const precision of ["region", "country"] as const) {
      const place = { ...BATTLE.fields.place.resolved!, precision };
      const event = {
        ...BATTLE,
        fields: { ...BATTLE.fields, place: { ...BATTLE.fields.place, resolved: place } },
      };
      expect(toRow(event).geo_precision).toBe(3);
    }
  });

  it("writes fatalities as the resolved figure, 0 when none, and every source's figure", () => {
    const row = toRow(QUAKE);
    expect(row.fatalities).toBe(40);
    expect(row.fatalities_values).toBe("q1: 40-50; q2: about 45");
    expect(row.date_values).toBe("q1: 2024-03-02 (publication date)");
    expect(row).toMatchObject({
      event_type: "Disasters",
      sub_event_type: "Natural disaster",
      location: null,
    });
  });
});

describe("CSV", () => {
  it("quotes per RFC 4180 and ends records with CRLF", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [{ a: "x,y", b: 2 }])).toBe('a,b\r\n"x,y",2\r\n');
  });

  it("neutralises text that a spreadsheet would run as a formula, but not our numbers", () => {
    for (const hostile of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx"])
      expect(csvCell(hostile)).toMatch(/^"?'/);
    expect(csvCell(-73.5)).toBe("-73.5");
    const csv = exporter("events", "csv", { events: [PROTEST], stories: [], articles: [] }).text;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Central, Square"")"`);
    expect(csv).toContain(",-73.5,");
  });

  it("has a header row and one record per event", () => {
    const csv = exporter("events", "csv", {
      events: [BATTLE, PROTEST, QUAKE],
      stories: [],
      articles: [],
    }).text;
    const [header] = csv.split("\r\n");
    expect(header).toBe(EVENT_COLUMNS.join(","));
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1 + 3);
  });
});

describe("sources", () => {
  it("names an article's outlet, else the host of its URL, else its file, never its id", () => {
    const articles = [
      articleFromText("x", { id: "a000", url: "https://www.wire.example/story" }),
      articleFromText("x", { id: "a001", origin: { locator: "pages/report-001.txt" } }),
    ];
    const unnamed = {
      ...BATTLE,
      fields: {
        ...BATTLE.fields,
        actor1: { ...BATTLE.fields.actor1, values: [] },
        actor2: { ...BATTLE.fields.actor2, values: [] },
      },
    };
    const plain = <T>(v: SourcedValue<T>): SourcedValue<T> => {
      const { outlet: _outlet, ...rest } = v;
      return rest;
    };
    const event = {
      ...unnamed,
      fields: {
        ...unnamed.fields,
        place: { ...unnamed.fields.place, values: unnamed.fields.place.values.map(plain) },
        date: { ...unnamed.fields.date, values: unnamed.fields.date.values.map(plain) },
      },
    };
    const doc = JSON.parse(exporter("events", "json", { events: [event], stories: [], articles }).text);
    expect(doc.events[0].source).toBe("wire.example; report-001");
  });
});

describe("JSON and GeoJSON", () => {
  it("JSON holds the rows in column order with the whole event under parallax", () => {
    const doc = JSON.parse(exporter("events", "json", { events: [BATTLE], stories: [], articles: [] }).text);
    expect(doc.schemaVersion).toMatch(/^2\./);
    expect(Object.keys(doc.events[0])).toEqual([...EVENT_COLUMNS, "parallax"]);
    expect(doc.events[0].parallax).toEqual(BATTLE);
  });

  it("GeoJSON has Points as [longitude, latitude] and leaves out events without a place, with a warning", () => {
    const out = exporter("events", "geojson", {
      events: [BATTLE, PROTEST, QUAKE],
      stories: [],
      articles: [],
    });
    const doc = JSON.parse(out.text);
    expect(doc.type).toBe("FeatureCollection");
    expect(doc.features).toHaveLength(2);
    expect(doc.features[0].geometry).toEqual({ type: "Point", coordinates: [40.9187, 34.4536] });
    expect(doc.features[0].id).toBe("a000#e1");
    expect(doc.features[0].properties.sub_event_type).toBe("Government regains territory");
    expect(out.warnings).toEqual([expect.stringMatching(/^1 of 3 event\(s\) have no coordinates/)]);
  });

  it("refuses GeoJSON for stories", () => {
    expect(() => exporter("stories", "geojson", { events: [], stories: [], articles: [] })).toThrow(
      /geojson/,
    );
  });
});

describe("stories export", () => {
  const articles: Article[] = [
    articleFromText("x", { id: "a000", outlet: { value: "Outlet Zero", source: "record" } }),
    articleFromText("x", { id: "a001", outlet: { value: "Outlet One", source: "record" } }),
  ];
  const story: Story = {
    id: "story-1",
    title: "Town retaken, =cmd",
    articleIds: ["a000", "a001"],
    firstPublished: "2017-11-09",
    lastPublished: "2017-11-10",
    eventIds: ["a000#e1"],
  };

  it("writes one row per story with its outlets, events and places", () => {
    const csv = exporter("stories", "csv", { events: [BATTLE], stories: [story], articles }).text;
    const [header, row] = csv.split("\r\n");
    expect(header).toBe(
      "story_id,title,first_published,last_published,article_count,outlets,article_ids,event_ids,places,countries",
    );
    expect(row).toBe(
      'story-1,"Town retaken, =cmd",2017-11-09,2017-11-10,2,Outlet Zero; Outlet One,a000; a001,a000#e1,Abu Kamal,Syria',
    );
    const doc = JSON.parse(
      exporter("stories", "json", { events: [BATTLE], stories: [story], articles }).text,
    );
    expect(doc.stories[0]).toMatchObject({ story_id: "story-1", article_count: 2, parallax: story });
  });

  it("places a story without events by the places its articles mention most", () => {
    const place = (name: string, start: number) => ({
      start,
      end: start + 1,
      text: "x",
      provenance: { stage: "analyze" as const, method: "test" },
      name,
      lat: 0,
      lon: 0,
      countryCode: "CL",
      feature: "city" as const,
      confidence: 1,
    });
    const quiet = articles.map((a) => ({
      ...a,
      annotations: {
        ...a.annotations,
        places: [place("Valparaiso", 0), place("Santiago", 2), place("Santiago", 4)],
      },
    }));
    const csv = exporter("stories", "csv", {
      events: [],
      stories: [{ ...story, eventIds: [] }],
      articles: quiet,
    }).text;
    expect(csv).toContain(",Santiago; Valparaiso,Chile\r\n");
  });
});

describe("data/export/acled.json", () => {
  it("maps the dictionary's armed categories to ACLED's state forces and rebels", () => {
    expect(codes.categoryInter["armed-forces"]).toBe(1);
    expect(codes.categoryInter["armed-group"]).toBe(2);
    expect(codes.categoryInter.person).toBeUndefined();
  });

  it("refuses an entry without a reason or with an unknown code", () => {
    const base = {
      interCodes: { "1": "State forces" },
      foreignStateForces: { inter: 1, reason: "r" },
      timePrecision: {},
      geoPrecision: {},
      noActorInter: 0,
      unknownCountryAlpha3: "XXX",
    };
    expect(() => parseAcledCodes({ ...base, categoryInter: { army: { inter: 1 } } })).toThrow(/army\.reason/);
    expect(() => parseAcledCodes({ ...base, categoryInter: { army: { inter: 9, reason: "r" } } })).toThrow(
      /army\.inter/,
    );
    expect(() => parseAcledCodes({ ...base, categoryInter: {} })).toThrow(/timePrecision: missing/);
  });
});
