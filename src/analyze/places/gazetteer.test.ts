import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createGazetteer,
  entryKeyer,
  foldPlaceKey,
  type Gazetteer,
  type GazetteerEntry,
  loadGazetteer,
  keyRules,
  loadPlaceDesignators,
  type PlaceDesignators,
  withoutAdminDesignator,
  withoutParticle,
} from "./gazetteer.js";
import { builtGazetteer } from "./test-support.js";

describe("foldPlaceKey", () => {
  it("lower-cases, removes diacritics and drops spaces, hyphens and apostrophes", () => {
    expect(foldPlaceKey("Ālbū Kamāl")).toBe("albukamal");
    expect(foldPlaceKey("Al-Bukamal")).toBe("albukamal");
    expect(foldPlaceKey("Al Bu Kamal")).toBe("albukamal");
    expect(foldPlaceKey("Al Qā’im")).toBe("alqaim");
    expect(foldPlaceKey("Latʻakia")).toBe("latakia");
    expect(foldPlaceKey("U.S.")).toBe("us");
  });

  it("folds letters Unicode does not decompose (Turkish dotless i, ø, ß)", () => {
    expect(foldPlaceKey("Şanlıurfa")).toBe("sanliurfa");
    expect(foldPlaceKey("Kahramanmaraş")).toBe("kahramanmaras");
    expect(foldPlaceKey("Tromsø")).toBe("tromso");
    expect(foldPlaceKey("Gießen")).toBe("giessen");
  });

  it("keeps Arabic and Cyrillic letters, without vowel marks", () => {
    expect(foldPlaceKey("Ар-Ракка")).toBe("арракка");
    expect(foldPlaceKey("الرَّقَّة")).toBe(foldPlaceKey("الرقه"));
  });
});

describe("name variants", () => {
  const designators = loadPlaceDesignators();
  const particles = new Set(designators.particles);

  it("strips a leading Arabic article written apart from the name", () => {
    expect(withoutParticle("Ar Raqqah", particles)).toBe("Raqqah");
    expect(withoutParticle("al-Bukamal", particles)).toBe("Bukamal");
    expect(withoutParticle("Ash Shaddadi", particles)).toBe("Shaddadi");
    expect(withoutParticle("Alabama", particles)).toBeUndefined();
    expect(withoutParticle("Almaty City", particles)).toBeUndefined();
  });

  it("strips administrative designators before or after a name", () => {
    expect(withoutAdminDesignator("Anbar province", designators)).toBe("Anbar");
    expect(withoutAdminDesignator("Damascus Governorate", designators)).toBe("Damascus");
    expect(withoutAdminDesignator("province of Idlib", designators)).toBe("Idlib");
    expect(withoutAdminDesignator("Province", designators)).toBeUndefined();
    expect(withoutAdminDesignator("Mexico City", designators)).toBeUndefined();
  });
});

describe("createGazetteer (tiny data)", () => {
  const town: GazetteerEntry = {
    geonameId: 1,
    name: "Ar Rastan",
    lat: 34.9,
    lon: 36.7,
    countryCode: "SY",
    admin1: "Homs",
    featureClass: "P",
    featureCode: "PPLA2",
    population: 50000,
    source: "geonames",
    alternateNames: ["Rastan", "الرستن"],
  };
  const province: GazetteerEntry = {
    name: "Homs Governorate",
    lat: 34.6,
    lon: 37.8,
    countryCode: "SY",
    featureClass: "A",
    featureCode: "ADM1",
    population: 800000,
    source: "geonames",
  };
  const country: GazetteerEntry = {
    name: "Netherlands",
    lat: 52.2,
    lon: 5.5,
    countryCode: "NL",
    featureClass: "A",
    featureCode: "PCLI",
    population: 17000000,
    source: "supplement",
    alternateNames: ["Holland"],
  };
  const g = createGazetteer([town, province, country]);

  it("finds entries by name and alternate names in any script", () => {
    expect(g.lookup("Rastan")).toEqual([expect.objectContaining({ geonameId: 1 })]);
    expect(g.lookup("al-Rastan")[0]?.geonameId).toBe(1);
    expect(g.lookup("الرستن")[0]?.geonameId).toBe(1);
    expect(g.lookup("Holland")[0]?.name).toBe("Netherlands");
  });

  it("tries looser forms: leading 'the', possessive, designators", () => {
    expect(g.lookup("the Netherlands")[0]?.countryCode).toBe("NL");
    expect(g.lookup("Netherlands’s")[0]?.countryCode).toBe("NL");
    expect(g.lookup("Homs")[0]?.featureCode).toBe("ADM1");
    expect(g.lookup("Homs province")[0]?.featureCode).toBe("ADM1");
  });

  it("returns nothing for unknown names, and counts and finds countries", () => {
    expect(g.lookup("Atlantis")).toEqual([]);
    expect(g.lookup("")).toEqual([]);
    expect(g.size).toBe(3);
    expect(g.countryByCode("nl")?.name).toBe("Netherlands");
    expect(g.countryByCode("SY")).toBeUndefined();
  });

  it("does not freeze or change the entries it is given", () => {
    expect(Object.isFrozen(town)).toBe(false);
    expect(g.lookup("Rastan")[0]).not.toBe(town);
  });
});

describe("loadGazetteer", () => {
  it("fails clearly when the gazetteer has not been built", () => {
    expect(() => loadGazetteer("/nonexistent/gazetteer.json")).toThrow(/not built.*build-gazetteer\.mjs/);
  });
});

describe("the built gazetteer", () => {
  let g: Gazetteer;
  beforeAll(() => {
    g = builtGazetteer();
  });

  it("holds GeoNames towns, provinces, countries and the supplement", () => {
    expect(g.size).toBeGreaterThan(200_000);
    expect(g.countryByCode("SY")?.name).toBe("Syria");
    expect(g.countryByCode("IQ")?.lat).toBeCloseTo(33.2, 0);
    expect(g.lookup("Hmeimim")[0]).toMatchObject({
      source: "supplement",
      countryCode: "SY",
      featureCode: "AIRB",
    });
  });

  it.each(["Albu Kamal", "Al Bu Kamal", "Abu Kamal", "Al-Bukamal", "Abu Kemal", "البو كمال", "Абу-Камаль"])(
    "reaches the Syrian border town from %s",
    (surface) => {
      const town = g.lookup(surface).find((e) => e.geonameId === 174448);
      expect(town).toMatchObject({ countryCode: "SY", featureClass: "P" });
      expect(town?.lat).toBeCloseTo(34.45, 1);
      expect(town?.lon).toBeCloseTo(40.92, 1);
    },
  );

  it("gives provinces the spellings of the seat they are named after", () => {
    const province = g.lookup("Lattakia").find((e) => e.featureCode === "ADM1");
    expect(province).toMatchObject({ name: "Latakia", countryCode: "SY" });
  });

  it("keeps only Latin, Arabic and Cyrillic alternate names", () => {
    const paris = g.lookup("Paris").find((e) => e.featureCode === "PPLC");
    const names = paris?.alternateNames ?? [];
    expect(names.length).toBeGreaterThan(10);
    expect(names.some((n) => /[\p{Script=Han}\p{Script=Greek}\p{Script=Hebrew}]/u.test(n))).toBe(false);
  });
});

describe("the built gazetteer's points and names", () => {
  let g: Gazetteer;
  beforeAll(() => {
    g = builtGazetteer();
  });

  it("puts countries at their conventional centre point, not at the capital", () => {
    const canada = g.countryByCode("CA");
    expect(canada?.lat).toBeCloseTo(60, 0);
    expect(canada?.lon).toBeCloseTo(-95, 0);
    const russia = g.countryByCode("RU");
    expect([russia?.lat, russia?.lon]).toEqual([60, 100]);
  });

  it("puts a province at the middle of its towns' extent, not their mean", () => {
    // Alberta's towns crowd the south; its middle lies near 54 N (the mean is near 52 N).
    const alberta = g.lookup("Alberta").find((e) => e.featureCode === "ADM1");
    expect(alberta?.lat).toBeGreaterThan(53.5);
    expect(alberta?.lat).toBeLessThan(55.5);
  });

  it("drops province names that GeoNames lends to unrelated towns", () => {
    expect(g.lookup("Arizona").every((e) => e.featureClass === "A" || e.name.startsWith("Arizona"))).toBe(
      true,
    );
    const yuma = g.lookup("Yuma").find((e) => e.countryCode === "US" && e.admin1 === "Arizona");
    expect(yuma?.alternateNames ?? []).not.toContain("Arizona");
  });

  it("knows continents, regions and seas from the supplement", () => {
    const africa = g.lookup("Africa");
    expect(africa.find((e) => e.featureCode === "CONT")).toMatchObject({ source: "supplement" });
    expect(africa.some((e) => e.featureClass === "A")).toBe(false); // no province borrows it
    expect(g.lookup("the Mediterranean")[0]).toMatchObject({ featureClass: "H" });
    expect(g.lookup("Ближний Восток")[0]).toMatchObject({ name: "Middle East" });
  });
});

describe("generic admin names", () => {
  it("does not take a compass adjective for a province, but knows the full name", () => {
    const designators = loadPlaceDesignators();
    const entry = (name: string, alternateNames: string[] = []) => ({
      name,
      alternateNames,
      lat: 0,
      lon: 0,
      countryCode: "GH",
      featureClass: "A",
      featureCode: "ADM1",
      population: 1,
      source: "geonames" as const,
    });
    const g = createGazetteer([entry("Western", ["Western Region"]), entry("Ashanti", ["Ashanti Region"])], {
      designators,
    });
    expect(g.lookup("Western")).toEqual([]);
    expect(g.lookup("Western Region").map((e) => e.name)).toEqual(["Western"]);
    expect(g.lookup("Ashanti").map((e) => e.name)).toEqual(["Ashanti"]);
  });
});

describe("index keys folded at build time", () => {
  const designators = loadPlaceDesignators();
  const entry = (name: string, alternateNames: string[], featureCode = "PPL"): GazetteerEntry => ({
    name,
    alternateNames,
    lat: 1,
    lon: 2,
    countryCode: "SY",
    featureClass: featureCode.startsWith("ADM") ? "A" : "P",
    featureCode,
    population: 10,
    source: "geonames",
  });
  // Names that exercise every folding path: diacritics, undecomposed letters, Arabic and
  // Cyrillic, apostrophes and ʿayn signs, particles, designators, generic bare names.
  const tricky = [
    entry("Ālbū Kamāl", ["Al-Bukamal", "البو كمال", "Абу-Камаль", "Al Qā’im", "Latʻakia"]),
    entry("Şanlıurfa", ["Tromsø", "Gießen", "Łódź", "Þórshöfn", "الرَّقَّة", "Ar Raqqah"]),
    entry("Damascus Governorate", ["province of Idlib", "Western Region", "Western", "ash-Sham"], "ADM1"),
    entry("U.S.", ["St. John's", "Bosnia-Herzegovina", "  spaced  "]),
  ];
  let script: {
    placeKeyer: (d: PlaceDesignators) => (e: GazetteerEntry) => string[];
    keyRules: (d: PlaceDesignators) => string;
  };
  beforeAll(async () => {
    const url = new URL("../../../scripts/build-gazetteer.mjs", import.meta.url).href;
    script = (await import(url)) as typeof script;
  });

  it("gives the same keys in the build script as in the loader", () => {
    const built = script.placeKeyer(designators);
    const loaded = entryKeyer(designators);
    for (const e of tricky) expect(built(e)).toEqual([...loaded(e)]);
    expect(script.keyRules(designators)).toBe(keyRules(designators));
  });

  it("uses the stored keys when their rules match, and folds again when they do not", () => {
    const dir = mkdtempSync(join(tmpdir(), "gazetteer-"));
    const write = (version: number, rules: string | undefined, keys: string[]) => {
      const path = join(dir, `g${version}-${keys.join("")}.json`);
      const fields = [...FIELDS_V1, ...(version === 2 ? ["keys"] : [])];
      const row = [
        7,
        "Kamal",
        1,
        2,
        "SY",
        null,
        "P",
        "PPL",
        5,
        "geonames",
        [],
        ...(version === 2 ? [keys] : []),
      ];
      const file = { format: "parallax-gazetteer", version, fields, keyRules: rules, entries: [row] };
      writeFileSync(path, JSON.stringify(file));
      return path;
    };
    const rules = keyRules(designators);
    // Matching rules: the stored key ("stored") is the index, as written.
    const fast = loadGazetteer(write(2, rules, ["stored"]), { designators });
    expect(fast.lookup("Stored").map((e) => e.geonameId)).toEqual([7]);
    expect(fast.lookup("Kamal")).toEqual([]);
    // Other rules, or a version 1 file: keys are folded again from the names.
    const stale = loadGazetteer(write(2, "other rules", ["stored"]), { designators });
    expect(stale.lookup("Kamal").map((e) => e.geonameId)).toEqual([7]);
    expect(stale.lookup("Stored")).toEqual([]);
    const v1 = loadGazetteer(write(1, undefined, []), { designators });
    expect(v1.lookup("Kamal").map((e) => e.geonameId)).toEqual([7]);
  });
});

const FIELDS_V1 = [
  "geonameId",
  "name",
  "lat",
  "lon",
  "countryCode",
  "admin1",
  "featureClass",
  "featureCode",
  "population",
  "source",
  "alternateNames",
];

describe("the built gazetteer's regions (supplement)", () => {
  let g: Gazetteer;
  beforeAll(() => {
    g = builtGazetteer();
  });

  it.each([
    ["Darfur", "SD", 13.5, 24],
    ["the Sahara", undefined, 23.4, 13],
    ["the Alps", undefined, 46.5, 10],
    ["Bekaa Valley", "LB", 33.85, 35.9],
    ["Korean Peninsula", undefined, 37.5, 127.5],
    ["Sumatra", "ID", -0.6, 101.3],
    ["the Midwest", "US", 41, -90],
  ])("knows %s", (surface, countryCode, lat, lon) => {
    const hit = g.lookup(surface).find((e) => e.source === "supplement");
    expect(hit?.countryCode).toBe(countryCode);
    expect(hit?.lat).toBeCloseTo(lat, 1);
    expect(hit?.lon).toBeCloseTo(lon, 1);
  });
});
