import { describe, expect, it } from "vitest";
import { valuesAgree } from "./values.js";

describe("valuesAgree", () => {
  it("treats a missing value as an omission, not a conflict", () => {
    expect(valuesAgree("actor", undefined, "syrian-arab-army")).toBe(true);
  });
  it("compares actors in a role by id and side; bare words and actors of no side never conflict", () => {
    expect(
      valuesAgree("actor", "syrian-arab-army | side:state:SY | sided", "sdf | side:group:SY | sided"),
    ).toBe(false);
    expect(
      valuesAgree(
        "actor",
        "syrian-arab-army | side:state:SY | sided",
        "syrian-government | side:state:SY | sided",
      ),
    ).toBe(true);
    expect(valuesAgree("actor", "person:bruce-braley", "person:braley")).toBe(true);
    expect(valuesAgree("actor", "republican-party", "person:donald-trump")).toBe(true);
    expect(valuesAgree("target", "name:gunmen", "name:bandits")).toBe(true);
    expect(valuesAgree("actor", "name:gunmen", "isis")).toBe(true);
  });
  it("lets a week contain its days", () => {
    expect(valuesAgree("date", "2017-W45", "2017-11-08")).toBe(true);
    expect(valuesAgree("date", "2017-W45", "2017-11-20")).toBe(false);
  });
  it("lets a coarse date contain a finer one, but not another day", () => {
    expect(valuesAgree("date", "2017-11", "2017-11-08")).toBe(true);
    expect(valuesAgree("date", "2017-11-08", "2017-11-09")).toBe(false);
  });
  it("compares numbers as ranges", () => {
    expect(valuesAgree("number", "2500-3500", "3000-3000")).toBe(true);
    expect(valuesAgree("number", "2500-3500", "12-12")).toBe(false);
    expect(valuesAgree("number", "41-", "58-58")).toBe(true); // "at least 41" does not contradict 58
    expect(valuesAgree("number", "-40", "58-58")).toBe(false); // "up to 40" does
  });
  it("keeps every value an outlet gives", () => {
    expect(valuesAgree("date", "2017-11-08 | 2017-11-09", "2017-11-09")).toBe(true);
  });
});

describe("valuesAgree on loaded wording", () => {
  it("agrees only on the same terms", () => {
    expect(valuesAgree("framing", "regime | terror", "terror | regime")).toBe(true);
    expect(valuesAgree("framing", "regime", "government")).toBe(false);
  });
});
