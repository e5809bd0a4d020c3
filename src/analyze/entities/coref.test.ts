import { beforeAll, describe, expect, it } from "vitest";
import type { Entity } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { tokenizedArticle } from "../test-support.js";
import { createTokenizer } from "../tokens.js";
import { loadActorDictionary } from "./dictionary.js";
import { createEntityRecognizer } from "./recognizer.js";

let tokenizer: AnalysisComponent;
let recognizer: AnalysisComponent;

beforeAll(() => {
  tokenizer = createTokenizer();
  recognizer = createEntityRecognizer({ actors: loadActorDictionary() });
});

function entitiesOf(text: string): Entity[] {
  return recognizer.run(tokenizedArticle(tokenizer, text)).entities ?? [];
}

const idsOf = (found: readonly Entity[], surface: string) =>
  found.filter((e) => e.text === surface).map((e) => e.actorId);

describe("one id per person within a document", () => {
  it('merges "Bashar al-Assad", "Assad", "President Assad" and "al-Assad"', () => {
    const found = entitiesOf(
      "Syrian President Bashar al-Assad met the envoys. Assad said little. President Assad later left, and al-Assad's aides stayed.",
    );
    const ids = new Set([
      ...idsOf(found, "Bashar al-Assad"),
      ...idsOf(found, "Assad"),
      ...idsOf(found, "al-Assad"),
    ]);
    expect(ids).toEqual(new Set(["person:bashar-al-assad"]));
    expect(idsOf(found, "Assad")).toHaveLength(2); // the title stays out of the mention
  });

  it('merges a person outside the dictionary named with "Abu" and "al-"', () => {
    const found = entitiesOf(
      "Abu Mohammed al-Adnani, a senior commander, was seen in the town. Later al-Adnani fled and Adnani was not found.",
    );
    const ids = new Set([
      ...idsOf(found, "Abu Mohammed al-Adnani"),
      ...idsOf(found, "al-Adnani"),
      ...idsOf(found, "Adnani"),
    ]);
    expect(ids).toEqual(new Set(["person:abu-mohammed-al-adnani"]));
    expect(found.find((e) => e.text === "Adnani")?.canonical).toBe("Abu Mohammed al-Adnani");
  });

  it("keeps two people who share a surname apart by their first names, on another subject", () => {
    const found = entitiesOf(
      "Judge Maria Lopez ruled on Monday. Her brother Carlos Lopez, a candidate in the election, appealed.",
    );
    expect(idsOf(found, "Maria Lopez")).toEqual(["person:maria-lopez"]);
    expect(idsOf(found, "Carlos Lopez")).toEqual(["person:carlos-lopez"]);
  });
});

describe("aliases, acronyms and transliterations", () => {
  it("gives every spelling of an armed group one id", () => {
    const found = entitiesOf(
      "Daesh, ISIL and Hizbullah fighters clashed with Ansar Allah, al-Qaida and Hizballah units near the border.",
    );
    expect(idsOf(found, "Daesh")).toEqual(["isis"]);
    expect(idsOf(found, "ISIL")).toEqual(["isis"]);
    expect(idsOf(found, "Hizbullah")).toEqual(["hezbollah"]);
    expect(idsOf(found, "Hizballah")).toEqual(["hezbollah"]);
    expect(idsOf(found, "Ansar Allah")).toEqual(["houthis"]);
    expect(idsOf(found, "al-Qaida")).toEqual(["al-qaeda"]);
  });
});
