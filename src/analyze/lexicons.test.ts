import { describe, expect, it } from "vitest";
import {
  loadEventLexicon,
  loadReportingLexicon,
  parseEventLexicon,
  parseFramingLexicon,
  parseReportingLexicon,
} from "./lexicons.js";

describe("lexicon loaders", () => {
  it("load the shipped files", () => {
    expect(loadReportingLexicon().speechVerbs).toContain("say");
    const events = loadEventLexicon();
    expect(events.placeNouns.town).toEqual(["city"]);
    expect(events.triggers.some((t) => t.action === "declare-clear" && t.target === "gap")).toBe(true);
  });

  it("reject malformed files with the entry at fault", () => {
    expect(() => parseReportingLexicon({ speechVerbs: "say" })).toThrow(/speechVerbs/);
    expect(() =>
      parseEventLexicon({
        placeNouns: {},
        courtNouns: [],
        triggers: [{ pattern: "x", action: "y", kind: "adverb" }],
      }),
    ).toThrow(/"x".*kind/);
    expect(() =>
      parseEventLexicon({ placeNouns: { town: ["village"] }, courtNouns: [], triggers: [] }),
    ).toThrow(/village/);
    expect(() => parseFramingLexicon({ entries: [{ term: "regime", category: "delegitimising" }] })).toThrow(
      /note/,
    );
  });
});
