import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  loadEventLexicon,
  loadFramingLexicon,
  loadLabelLexicon,
  loadReportingLexicon,
  mergeFramingLexicons,
  parseEventLexicon,
  parseFramingLexicon,
  parseReportingLexicon,
  userLexiconDir,
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

describe("user lexicons merged over ours", () => {
  it("replace an entry of the same term, add new ones and override weights", () => {
    const base = parseFramingLexicon({
      weights: { emotive: 0.5, hedge: 0.2 },
      entries: [
        { term: "Slammed", category: "loaded-verb", note: "ours" },
        { term: "fury", category: "emotive", note: "ours" },
      ],
    });
    const extra = parseFramingLexicon({
      weights: { hedge: 0 },
      entries: [
        { term: "slammed", category: "emotive", note: "theirs" },
        { term: "rampage", category: "emotive", note: "theirs" },
      ],
    });
    const merged = mergeFramingLexicons(base, extra);
    expect(merged.entries.map((e) => `${e.term}:${e.note}`)).toEqual([
      "fury:ours",
      "slammed:theirs",
      "rampage:theirs",
    ]);
    expect(merged.weights).toEqual({ emotive: 0.5, hedge: 0 });
  });

  it("are read from the folder PARALLAX_LEXICONS names, when it has the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "parallax-lexicons-"));
    writeFileSync(
      join(dir, "labels.json"),
      JSON.stringify({
        labels: [{ term: "regime", category: "neutral", actors: ["state"], note: "a user's choice" }],
      }),
    );
    const userDir = userLexiconDir(dir);
    expect(userLexiconDir(undefined)).toBeUndefined();
    const labels = loadLabelLexicon(undefined, userDir);
    expect(labels.labels.filter((l) => l.term === "regime").map((l) => l.category)).toEqual(["neutral"]);
    expect(labels.labels.length).toBe(loadLabelLexicon().labels.length);
    // No framing.json in the user's folder: the shipped lexicon as it is.
    expect(loadFramingLexicon(undefined, userDir).entries.length).toBe(loadFramingLexicon().entries.length);
  });
});
