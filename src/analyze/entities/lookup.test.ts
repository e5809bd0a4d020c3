import { describe, expect, it } from "vitest";
import { loadActorDictionary } from "./dictionary.js";
import { createActorLookup } from "./lookup.js";

describe("createActorLookup", () => {
  const lookup = createActorLookup(loadActorDictionary());

  it("finds actors by canonical name, alias and acronym", () => {
    expect(lookup("Newsweek")?.canonical).toBe("Newsweek");
    expect(lookup("the associated press")?.actorId).toBe(lookup("AP")?.actorId);
    expect(lookup("Islamic State")?.actorId).toBe(lookup("ISIS")?.actorId);
  });

  it("keeps case-sensitive aliases exact", () => {
    expect(lookup("Time")).toBeDefined();
    expect(lookup("time")).toBeUndefined();
  });

  it("returns nothing for unknown names", () => {
    expect(lookup("Weekly Gazette of Nowhere")).toBeUndefined();
  });
});
