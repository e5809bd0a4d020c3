import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisComponent } from "../component.js";
import { loadEventLexicon } from "../lexicons.js";
import { createTokenizer } from "../tokens.js";
import { type EventConflictCues, loadEventConflictCues, parseEventConflictCues } from "./conflict.js";
import { createEventExtractor } from "./index.js";
import { articleOf, entities, places } from "./test-support.js";

let tokenizer: AnalysisComponent;
let extractor: AnalysisComponent;
let cues: EventConflictCues;

beforeAll(() => {
  tokenizer = createTokenizer();
  cues = loadEventConflictCues();
  extractor = createEventExtractor({ lexicon: loadEventLexicon(), conflict: cues });
});

function actionsOf(text: string, mentions: Parameters<typeof articleOf>[2] = {}): string[] {
  return (extractor.run(articleOf(tokenizer, text, mentions)).events ?? []).map((e) => e.action);
}

const VIOLENT = new Set([
  "capture",
  "enter",
  "declare-clear",
  "advance",
  "attack",
  "strike",
  "withdraw",
  "defend",
]);

describe("violent triggers in political news", () => {
  it.each([
    "Republicans hope to take control of the Senate in November.",
    "Democrats took control of the House after the vote.",
    "Republicans attacked the plan as a tax increase.",
    "The senator attacked his rival's record on immigration.",
    "The governor seized on the remarks at a rally in Ohio.",
    "She captured the nomination with a late surge.",
    "The campaign hit back at the report on Tuesday.",
    "The challenger stormed off the stage after the debate.",
    "Critics targeted the bill in a television advertisement.",
    "The mayor withdrew from the race on Friday.",
    "The minister defended himself against charges of corruption.",
    "The president struck a conciliatory tone in his speech.",
  ])("%s -> no violent event", (text) => {
    expect(actionsOf(text).filter((a) => VIOLENT.has(a))).toEqual([]);
  });

  it("reads no release in 'the free world' and no election in 'elected officials'", () => {
    expect(actionsOf("He spoke for the free world.")).toEqual([]);
    expect(actionsOf("Elected officials met the governor on Monday.")).toEqual([]);
    // The verb still counts.
    expect(actionsOf("The rebels freed two hostages on Monday.")).toContain("release");
    expect(actionsOf("Voters elected a new mayor on Sunday.")).toContain("elect");
  });

  it("drops a killing whose object is a figure of speech, keeps one of people", () => {
    expect(actionsOf("The committee killed the bill on Thursday.")).not.toContain("kill");
    expect(actionsOf("The storm killed 12 people in the north.")).toContain("kill");
  });
});

describe("violent triggers in conflict news", () => {
  it.each([
    ["Rebels captured the town of Kidal on Monday.", "capture"],
    ["Government troops took control of the airport after heavy fighting.", "capture"],
    ["Gunmen attacked a police station in the north.", "attack"],
    ["Militants stormed a hotel in the capital.", "attack"],
    ["An air strike on a market killed five people.", "strike"],
    ["Soldiers withdrew from the border crossing overnight.", "withdraw"],
  ])("%s -> %s", (text, action) => {
    expect(actionsOf(text)).toContain(action);
  });

  it("finds armed context in an armed actor of the dictionary, or in the sentence before", () => {
    const text = "The Lions Brigade entered Kidal on Monday.";
    const named = entities(text, [
      {
        needle: "The Lions Brigade",
        type: "ORG",
        canonical: "Lions",
        actorId: "lions",
        category: "armed-group",
      },
    ]);
    const kidal = places(text, [{ needle: "Kidal", name: "Kidal", feature: "city", geonameId: 1 }]);
    // "Brigade" is a word of arms too: the category alone must do, so test with a plain name.
    const plain = "The Lions entered Kidal on Monday.";
    const plainNamed = entities(plain, [
      { needle: "The Lions", type: "ORG", canonical: "Lions", actorId: "lions", category: "armed-group" },
    ]);
    const plainKidal = places(plain, [{ needle: "Kidal", name: "Kidal", feature: "city", geonameId: 1 }]);
    expect(actionsOf(text, { entities: named, places: kidal })).toContain("enter");
    expect(actionsOf(plain, { entities: plainNamed, places: plainKidal })).toContain("enter");
    const party = plain.replace("The Lions", "The Greens");
    const partyNamed = entities(party, [
      { needle: "The Greens", type: "ORG", canonical: "Greens", actorId: "greens", category: "party" },
    ]);
    expect(actionsOf(party, { entities: partyNamed, places: plainKidal })).not.toContain("enter");
    expect(actionsOf("Fighting raged for days. The rebels then captured the town.")).toContain("capture");
  });
});

describe("parseEventConflictCues", () => {
  it("reads the conflict section and names a missing part", () => {
    expect(cues.actions).toContain("capture");
    expect(cues.armedWords.length).toBeGreaterThan(20);
    expect(() => parseEventConflictCues({ conflict: { actions: [] } })).toThrow(/armedCategories/);
  });
});
