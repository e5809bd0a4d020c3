import { beforeAll, describe, expect, it } from "vitest";
import type { Place } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { loadProvinceAbbreviations, provinces } from "./abbreviations.js";
import type { Gazetteer } from "./gazetteer.js";
import { createPlaceResolver } from "./resolver.js";
import { articleWithEntities, builtGazetteer, type EntitySpec } from "./test-support.js";

let gazetteer: Gazetteer;
let resolver: AnalysisComponent;
beforeAll(() => {
  gazetteer = builtGazetteer();
  resolver = createPlaceResolver({ gazetteer });
});

function resolve(text: string, specs: EntitySpec[] = []): Place[] {
  return resolver.run(articleWithEntities(text, specs)).places ?? [];
}

const provincesOf = (places: Place[]) =>
  places.filter((p) => p.feature === "admin1").map((p) => `${p.text}=${p.name}/${p.countryCode}`);

describe("abbreviations data", () => {
  it("names only provinces the gazetteer has, each form once", () => {
    const all = loadProvinceAbbreviations();
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((a) => a.form)).size).toBe(all.length);
    for (const a of all) {
      for (const t of a.targets)
        expect(provinces(gazetteer, t.countryCode, t.admin1), a.form).toHaveLength(1);
    }
  });
});

describe("province abbreviations in text", () => {
  it("reads an AP-style state after a town, and the town in that state", () => {
    const places = resolve("Crews worked overnight in Lexington, Ky., after the storm.", [
      ["Lexington", "GPE"],
      ["Ky.", "LOC"],
    ]);
    expect(provincesOf(places)).toEqual(["Ky.=Kentucky/US"]);
    expect(places.find((p) => p.text === "Lexington")).toMatchObject({
      countryCode: "US",
      admin1: "Kentucky",
    });
  });

  it("finds abbreviations the recogniser missed or typed ORG, when they have no other reading", () => {
    const places = resolve("Floods cut roads in northern NSW and in Qld on Monday.", [["NSW", "ORG"]]);
    expect(provincesOf(places)).toEqual(["NSW=New South Wales/AU", "Qld=Queensland/AU"]);
  });

  it("matches only as written: 'In' and 'Me' are words, 'IN' needs a town before it", () => {
    expect(resolve("In the end, Me and my brother left. Ore was mined. IN THE NEWS: rain.")).toEqual([]);
    const places = resolve("The plant in Gary, IN closed.", [["Gary", "GPE"]]);
    expect(provincesOf(places)).toEqual(["IN=Indiana/US"]);
    expect(places.find((p) => p.text === "Gary")).toMatchObject({ admin1: "Indiana" });
  });

  it("takes a shared abbreviation for the province that holds the town before it", () => {
    const perth = resolve("Perth, WA, sweltered through the heatwave.", [
      ["Perth", "GPE"],
      ["WA", "GPE"],
    ]);
    expect(provincesOf(perth)).toEqual(["WA=Western Australia/AU"]);
    const seattle = resolve("Seattle, WA, had record rain.", [
      ["Seattle", "GPE"],
      ["WA", "GPE"],
    ]);
    expect(provincesOf(seattle)).toEqual(["WA=Washington/US"]);
  });

  it("reads a Canadian province the recogniser named, but not an era after a number", () => {
    expect(provincesOf(resolve("Smoke drifted over the B.C. coast.", [["B.C.", "MISC"]]))).toEqual([
      "B.C.=British Columbia/CA",
    ]);
    expect(resolve("The fort was built in 300 B.C. and fell later.", [["B.C.", "MISC"]])).toEqual([]);
  });

  it("an election story: results from several states", () => {
    const places = resolve("Polls closed in Columbus, Ohio, and in Charlotte, N.C., at 7:30 p.m.", [
      ["Columbus", "GPE"],
      ["Ohio", "GPE"],
      ["Charlotte", "GPE"],
    ]);
    expect(places.find((p) => p.text === "Charlotte")).toMatchObject({ admin1: "North Carolina" });
    expect(provincesOf(places)).toContain("N.C.=North Carolina/US");
  });
});
