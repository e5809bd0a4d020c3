import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Place } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import type { Gazetteer } from "./gazetteer.js";
import { createPlaceResolver, isKnownPlace } from "./resolver.js";
import { articleWithEntities, builtGazetteer, type EntitySpec } from "./test-support.js";

const SEED_DIR = new URL("../../../examples/albu-kamal/", import.meta.url);
const seed = (file: string) => readFileSync(new URL(file, SEED_DIR), "utf8");

let gazetteer: Gazetteer;
let resolver: AnalysisComponent;
beforeAll(() => {
  gazetteer = builtGazetteer();
  resolver = createPlaceResolver({ gazetteer });
});

function resolve(text: string, specs: EntitySpec[]): Place[] {
  return resolver.run(articleWithEntities(text, specs)).places ?? [];
}

function placeFor(places: Place[], surface: string): Place {
  const place = places.find((p) => p.text === surface);
  if (!place) throw new Error(`no place for "${surface}"`);
  return place;
}

describe("the place resolver component", () => {
  it("declares what it needs and provides", () => {
    expect(resolver.name).toBe("places");
    expect(resolver.requires).toEqual(["entities"]);
    expect(resolver.provides).toEqual(["places"]);
  });

  it("keeps the entity's offsets, ignores non-place entities and unknown names, and changes nothing", () => {
    const text = "Paris Hilton flew from Narnia Heights to Paris.";
    const article = articleWithEntities(text, [
      ["Paris Hilton", "PERSON"],
      ["Narnia Heights", "GPE"],
      ["Paris", "GPE", 1],
    ]);
    const before = JSON.stringify(article);
    const places = resolver.run(article).places ?? [];
    expect(places).toHaveLength(1);
    const [paris] = places as [Place];
    expect(text.slice(paris.start, paris.end)).toBe("Paris");
    expect(paris.start).toBe(text.lastIndexOf("Paris"));
    expect(paris.entityActorId).toBe("gpe:paris");
    expect(paris.provenance).toMatchObject({ stage: "analyze", method: "gazetteer:geonames" });
    expect(JSON.stringify(article)).toBe(before);
  });
});

describe("the seed articles", () => {
  const text000 = seed("000_94ae060d2235aff0.txt");
  const text001 = seed("001_00835ee31e389aee.txt");
  let places000: Place[];
  let places001: Place[];
  beforeAll(() => {
    places000 = resolve(text000, [
      ["Albu Kamal", "GPE"],
      ["Syria", "GPE"],
      ["Iraq", "GPE"],
      ["Deir Ezzor", "GPE"],
      ["Raqqa", "GPE"],
      ["Nineveh", "GPE"],
      ["Anbar", "GPE"],
      ["Damascus", "GPE"],
      ["Hmeimim", "LOC"],
      ["Sicily", "LOC"],
      ["Lattakia", "GPE"],
    ]);
    places001 = resolve(text001, [
      ["Albu Kamal", "GPE"],
      ["Iraq", "GPE"],
      ["Al-Qa'im", "GPE"],
      ["Raqqa", "GPE"],
      ["Iran", "GPE"],
      ["Syria", "GPE", 1],
    ]);
  });

  it("puts Albu Kamal at the Syrian town on the Iraqi border", () => {
    for (const places of [places000, places001]) {
      const town = placeFor(places, "Albu Kamal");
      expect(town).toMatchObject({ geonameId: 174448, countryCode: "SY", feature: "city" });
      expect(town.lat).toBeCloseTo(34.45, 1);
      expect(town.lon).toBeCloseTo(40.92, 1);
      expect(town.confidence).toBeGreaterThan(0.5);
    }
  });

  it("resolves countries to countries and towns to towns", () => {
    expect(placeFor(places000, "Syria")).toMatchObject({ feature: "country", countryCode: "SY" });
    expect(placeFor(places000, "Iraq")).toMatchObject({ feature: "country", countryCode: "IQ" });
    expect(placeFor(places001, "Iran")).toMatchObject({ feature: "country", countryCode: "IR" });
    expect(placeFor(places000, "Raqqa")).toMatchObject({
      feature: "city",
      countryCode: "SY",
      featureCode: "PPLA",
    });
    expect(placeFor(places001, "Raqqa")).toMatchObject({ feature: "city", countryCode: "SY" });
    expect(placeFor(places000, "Damascus")).toMatchObject({
      feature: "city",
      countryCode: "SY",
      featureCode: "PPLC",
    });
    expect(placeFor(places001, "Al-Qa'im")).toMatchObject({ feature: "city", countryCode: "IQ" });
  });

  it("reads provinces as provinces ('Anbar province', 'province of Lattakia')", () => {
    expect(placeFor(places000, "Anbar")).toMatchObject({ feature: "admin1", countryCode: "IQ" });
    expect(placeFor(places000, "Nineveh")).toMatchObject({ feature: "admin1", countryCode: "IQ" });
    expect(placeFor(places000, "Lattakia")).toMatchObject({
      feature: "admin1",
      countryCode: "SY",
      name: "Latakia",
    });
    expect(placeFor(places000, "Deir Ezzor")).toMatchObject({ feature: "admin1", countryCode: "SY" });
    expect(placeFor(places000, "Sicily")).toMatchObject({ feature: "admin1", countryCode: "IT" });
  });

  it("finds the air base through the supplement", () => {
    const base = placeFor(places000, "Hmeimim");
    expect(base).toMatchObject({ feature: "facility", countryCode: "SY", featureCode: "AIRB" });
    expect(base.provenance.method).toBe("gazetteer:supplement");
    expect(base.lat).toBeCloseTo(35.4, 1);
  });

  it("gives every place a confidence in [0, 1] and keeps them in text order", () => {
    for (const places of [places000, places001]) {
      for (const p of places) expect(p.confidence).toBeGreaterThanOrEqual(0);
      for (const p of places) expect(p.confidence).toBeLessThanOrEqual(1);
      expect(places.map((p) => p.start)).toEqual([...places.map((p) => p.start)].sort((a, b) => a - b));
    }
  });
});

describe("disambiguation by the rest of the article", () => {
  it("takes Paris for the French capital when nothing says otherwise", () => {
    const [paris] = resolve("Talks resumed in Paris on Monday.", [["Paris", "GPE"]]);
    expect(paris).toMatchObject({ countryCode: "FR", featureCode: "PPLC" });
  });

  it("takes Paris, Texas when Texas is named", () => {
    const places = resolve("A tornado hit Paris, Texas, overnight.", [
      ["Paris", "GPE"],
      ["Texas", "GPE"],
    ]);
    expect(placeFor(places, "Paris")).toMatchObject({ countryCode: "US", admin1: "Texas" });
    expect(placeFor(places, "Texas")).toMatchObject({ feature: "admin1", countryCode: "US" });
  });

  it("does not move Paris to the United States just because the U.S. is named", () => {
    const places = resolve("U.S. and French officials met in Paris.", [
      ["U.S.", "GPE"],
      ["Paris", "GPE"],
    ]);
    expect(placeFor(places, "Paris").countryCode).toBe("FR");
    expect(placeFor(places, "U.S.")).toMatchObject({ feature: "country", countryCode: "US" });
  });

  it("reads 'province of X' and 'X province' around the mention as the province, a bare X as the town", () => {
    const [port] = resolve("Russian ships docked at Lattakia.", [["Lattakia", "GPE"]]);
    expect(port).toMatchObject({ feature: "city", name: "Latakia" });
    const [before] = resolve("Fighting spread across the province of Lattakia.", [["Lattakia", "GPE"]]);
    expect(before).toMatchObject({ feature: "admin1", name: "Latakia" });
    const [after] = resolve("Fighting spread across Raqqa province.", [["Raqqa", "GPE"]]);
    expect(after).toMatchObject({ feature: "admin1", name: "Raqqa" });
    const [inside] = resolve("Fighting spread across Raqqa province.", [["Raqqa province", "GPE"]]);
    expect(inside).toMatchObject({ feature: "admin1", name: "Raqqa", text: "Raqqa province" });
  });

  it("prefers a candidate in a country the article names (Tripoli)", () => {
    const alone = resolve("Clashes broke out in Tripoli.", [["Tripoli", "GPE"]]);
    expect(alone[0]?.countryCode).toBe("LY");
    const inLebanon = resolve("Clashes broke out in Tripoli, Lebanon's second city.", [
      ["Tripoli", "GPE"],
      ["Lebanon", "GPE"],
    ]);
    expect(placeFor(inLebanon, "Tripoli").countryCode).toBe("LB");
  });
});

describe("a place written with the area that holds it ('Town, Area')", () => {
  it("reads Georgia as the US state after Atlanta and as the country after Tbilisi", () => {
    const us = resolve("Storms hit Atlanta, Georgia on Monday.", [
      ["Atlanta", "GPE"],
      ["Georgia", "GPE"],
    ]);
    expect(placeFor(us, "Georgia")).toMatchObject({ feature: "admin1", countryCode: "US" });
    const caucasus = resolve("Talks were held in Tbilisi, Georgia on Monday.", [
      ["Tbilisi", "GPE"],
      ["Georgia", "GPE"],
    ]);
    expect(placeFor(caucasus, "Georgia")).toMatchObject({ feature: "country", countryCode: "GE" });
  });

  it("resolves Tripoli by the country written after it", () => {
    const lebanon = resolve("Protesters in Tripoli, Lebanon clashed with troops.", [
      ["Tripoli", "GPE"],
      ["Lebanon", "GPE"],
    ]);
    expect(placeFor(lebanon, "Tripoli")).toMatchObject({ countryCode: "LB" });
    const libya = resolve("Fighting in Tripoli, Libya killed ten.", [
      ["Tripoli", "GPE"],
      ["Libya", "GPE"],
    ]);
    expect(placeFor(libya, "Tripoli")).toMatchObject({ countryCode: "LY", featureCode: "PPLC" });
  });

  it("needs the comma: 'Tripoli and Lebanon' is two places, not one held by the other", () => {
    const two = resolve("Envoys flew to Tripoli and then to Lebanon.", [
      ["Tripoli", "GPE"],
      ["Lebanon", "GPE"],
    ]);
    expect(placeFor(two, "Lebanon").countryCode).toBe("LB");
    expect(placeFor(two, "Tripoli").confidence).toBeLessThan(0.99);
  });
});

describe("spellings", () => {
  it("folds apostrophes and 'al-'/'el-' particles to one town", () => {
    const text = "Al-Qa'im, Al Qaim, al-Qaim and Al-Qa\u2019im; El-Arish, al-Arish and Arish.";
    const specs: EntitySpec[] = [
      "Al-Qa'im",
      "Al Qaim",
      "al-Qaim",
      "Al-Qa\u2019im",
      "El-Arish",
      "al-Arish",
    ].map((s) => [s, "GPE"]);
    specs.push(["Arish", "GPE", 2]);
    const places = resolve(text, specs);
    const ids = (names: string[]) => names.map((n) => placeFor(places, n).geonameId);
    const qaim = ids(["Al-Qa'im", "Al Qaim", "al-Qaim", "Al-Qa\u2019im"]);
    expect(new Set(qaim).size).toBe(1);
    expect(placeFor(places, "Al Qaim")).toMatchObject({ countryCode: "IQ", feature: "city" });
    expect(placeFor(places, "El-Arish")).toMatchObject({ countryCode: "EG", feature: "city" });
    expect(placeFor(places, "al-Arish").geonameId).toBe(placeFor(places, "El-Arish").geonameId);
  });

  it("does not let a town that borrows a state's name take it (Yuma, 'Arizona')", () => {
    const [arizona] = resolve("Wildfires burned across Arizona.", [["Arizona", "GPE"]]);
    expect(arizona).toMatchObject({ feature: "admin1", countryCode: "US", name: "Arizona" });
  });

  it("knows continents and big regions", () => {
    const places = resolve("Leaders from Europe, Africa and the Middle East met.", [
      ["Europe", "LOC"],
      ["Africa", "LOC"],
      ["Middle East", "LOC"],
    ]);
    expect(placeFor(places, "Europe")).toMatchObject({ featureCode: "CONT", feature: "region" });
    expect(placeFor(places, "Africa")).toMatchObject({ featureCode: "CONT" });
    expect(placeFor(places, "Middle East")).toMatchObject({ featureCode: "RGN" });
  });
});

describe("places from other news", () => {
  it("an earthquake in Turkey", () => {
    const text =
      "A magnitude 7.8 earthquake struck southern Turkey near Gaziantep before dawn, and a second quake hit " +
      "Kahramanmaras province hours later. Buildings also collapsed in Hatay and in Aleppo in northern Syria.";
    const places = resolve(text, [
      ["Turkey", "GPE"],
      ["Gaziantep", "GPE"],
      ["Kahramanmaras", "GPE"],
      ["Hatay", "GPE"],
      ["Aleppo", "GPE"],
      ["Syria", "GPE"],
    ]);
    expect(placeFor(places, "Turkey")).toMatchObject({ feature: "country", countryCode: "TR" });
    expect(placeFor(places, "Gaziantep")).toMatchObject({ feature: "city", countryCode: "TR" });
    expect(placeFor(places, "Kahramanmaras")).toMatchObject({ feature: "admin1", countryCode: "TR" });
    expect(placeFor(places, "Hatay")).toMatchObject({ countryCode: "TR" });
    expect(placeFor(places, "Aleppo")).toMatchObject({ feature: "city", countryCode: "SY" });
  });

  it("takes a bare Kahramanmaras for the city", () => {
    const [city] = resolve("Rescuers in Kahramanmaras pulled a child from the rubble.", [
      ["Kahramanmaras", "GPE"],
    ]);
    expect(city).toMatchObject({ feature: "city", countryCode: "TR", featureCode: "PPLA" });
  });

  it("an election in Brazil", () => {
    const text =
      "Brazil went to the polls on Sunday. Turnout was high in Sao Paulo and Rio de Janeiro, and the result " +
      "was announced in Brasilia; the governor of Minas Gerais conceded.";
    const places = resolve(text, [
      ["Brazil", "GPE"],
      ["Sao Paulo", "GPE"],
      ["Rio de Janeiro", "GPE"],
      ["Brasilia", "GPE"],
      ["Minas Gerais", "GPE"],
    ]);
    expect(placeFor(places, "Brazil")).toMatchObject({ feature: "country", countryCode: "BR" });
    expect(placeFor(places, "Sao Paulo")).toMatchObject({ feature: "city", countryCode: "BR" });
    expect(placeFor(places, "Rio de Janeiro")).toMatchObject({ feature: "city", countryCode: "BR" });
    expect(placeFor(places, "Brasilia")).toMatchObject({
      feature: "city",
      countryCode: "BR",
      featureCode: "PPLC",
    });
    expect(placeFor(places, "Minas Gerais")).toMatchObject({ feature: "admin1", countryCode: "BR" });
  });

  it("a court ruling", () => {
    const text = "The European Court of Human Rights in Strasbourg ruled against Russia on Tuesday.";
    const places = resolve(text, [
      ["European Court of Human Rights", "ORG"],
      ["Strasbourg", "GPE"],
      ["Russia", "GPE"],
    ]);
    expect(places).toHaveLength(2);
    expect(placeFor(places, "Strasbourg")).toMatchObject({ feature: "city", countryCode: "FR" });
    expect(placeFor(places, "Russia")).toMatchObject({ feature: "country", countryCode: "RU" });
  });
});

describe("isKnownPlace", () => {
  it("knows gazetteer names and nothing else", () => {
    expect(isKnownPlace(gazetteer, "Gaziantep")).toBe(true);
    expect(isKnownPlace(gazetteer, "Anbar province")).toBe(true);
    expect(isKnownPlace(gazetteer, "Qwertyville")).toBe(false);
  });

  it("can ignore villages below a population, but never countries, provinces, seats or the supplement", () => {
    expect(isKnownPlace(gazetteer, "Police")).toBe(true);
    expect(isKnownPlace(gazetteer, "Police", { minPopulation: 100_000 })).toBe(false);
    expect(isKnownPlace(gazetteer, "Gaziantep", { minPopulation: 100_000 })).toBe(true);
    expect(isKnownPlace(gazetteer, "Anbar", { minPopulation: 100_000_000 })).toBe(true);
    expect(isKnownPlace(gazetteer, "Hmeimim", { minPopulation: 100_000_000 })).toBe(true);
    expect(isKnownPlace(gazetteer, "Al-Qa'im", { minPopulation: 1_000 })).toBe(true); // a district seat, population unknown
  });
});

describe("context from the places around a name", () => {
  it("takes London in Ontario when the article names Ontario, and the British capital otherwise", () => {
    const ontario = resolve("The mayor of London said Ontario had not called.", [
      ["London", "GPE"],
      ["Ontario", "GPE"],
    ]);
    expect(placeFor(ontario, "London")).toMatchObject({ countryCode: "CA", admin1: "Ontario" });
    const alone = resolve("The mayor of London said the budget was tight.", [["London", "GPE"]]);
    expect(placeFor(alone, "London")).toMatchObject({ countryCode: "GB", featureCode: "PPLC" });
  });

  it("reads a repeated name as the place its 'Town, Area' mention fixed", () => {
    const places = resolve(
      "LONDON, Ky. -- The council met on Tuesday. London officials said the road reopens.",
      [
        ["LONDON", "GPE"],
        ["Ky.", "LOC"],
        ["London", "GPE"],
      ],
    );
    expect(places.filter((p) => /london/i.test(p.text)).map((p) => p.admin1)).toEqual([
      "Kentucky",
      "Kentucky",
    ]);
  });

  it("reads a name among a country's provinces as one of them (Georgia, Oregon)", () => {
    const text = "Storms hit Alabama, Georgia, Texas, Ohio and Oregon on Friday.";
    const places = resolve(
      text,
      ["Alabama", "Georgia", "Texas", "Ohio", "Oregon"].map((s): EntitySpec => [s, "GPE"]),
    );
    for (const state of ["Georgia", "Oregon"]) {
      expect(placeFor(places, state)).toMatchObject({ feature: "admin1", countryCode: "US" });
    }
    const country = resolve("Georgia and Armenia signed a trade deal.", [
      ["Georgia", "GPE"],
      ["Armenia", "GPE"],
    ]);
    expect(placeFor(country, "Georgia")).toMatchObject({ feature: "country", countryCode: "GE" });
  });

  it("prefers the namesake near the other towns the article names (Edmonton by Enfield)", () => {
    const places = resolve("Firefighters from Edmonton and Enfield fought the blaze.", [
      ["Edmonton", "GPE"],
      ["Enfield", "GPE"],
    ]);
    expect(placeFor(places, "Edmonton").countryCode).toBe("GB");
    const alone = resolve("Firefighters from Edmonton fought the blaze.", [["Edmonton", "GPE"]]);
    expect(placeFor(alone, "Edmonton").countryCode).toBe("CA");
  });

  it("reads New York as the city unless the text says state", () => {
    const [city] = resolve("Prices rose in New York last month.", [["New York", "GPE"]]);
    expect(city).toMatchObject({ feature: "city", countryCode: "US" });
    const [state] = resolve("Voters across New York state went to the polls.", [["New York", "GPE"]]);
    expect(state).toMatchObject({ feature: "admin1", countryCode: "US" });
  });
});

describe("regions the gazetteer lacks (supplement)", () => {
  it("resolves historical and geographic regions of the news", () => {
    const places = resolve("Aid reached Darfur, while dust from the Sahara drifted over the Alps.", [
      ["Darfur", "LOC"],
      ["Sahara", "LOC"],
      ["Alps", "LOC"],
    ]);
    expect(placeFor(places, "Darfur")).toMatchObject({ countryCode: "SD", feature: "region" });
    expect(placeFor(places, "Sahara").lat).toBeCloseTo(23.4, 0);
    expect(placeFor(places, "Alps").lat).toBeCloseTo(46.5, 0);
  });
});
