import { beforeAll, describe, expect, it } from "vitest";
import { createActorLookup, loadActorDictionary } from "../analyze/entities/index.js";
import { type Article, articleFromText, type Attribution, type Quote, type Speaker } from "../model/index.js";
import { createSourcing, isSpokenQuote, quoteShare, type Sourcer } from "./sourcing.js";
import { createSpeakerLookup, loadSpeakerKinds } from "./speakers.js";

let sourcing: Sourcer;

beforeAll(() => {
  const dictionary = loadActorDictionary();
  sourcing = createSourcing(createSpeakerLookup(dictionary.actors, loadSpeakerKinds()), {
    resolveSource: createActorLookup(dictionary),
  });
});

const PROVENANCE = { stage: "analyze" as const, method: "test" };

/** A mention of `part` in `text` (its first occurrence after `from`). */
function at(text: string, part: string, from = 0) {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return { start, end: start + part.length, text: part };
}

function quote(text: string, whole: string, speaker: Speaker | undefined, direct: boolean): Quote {
  return {
    ...at(text, whole),
    provenance: PROVENANCE,
    content: whole,
    direct,
    ...(speaker ? { speaker } : {}),
  };
}

function speaker(text: string, name: string, more: Partial<Speaker> = {}): Speaker {
  return { ...at(text, name), ...more };
}

function citation(text: string, whole: string, source: Speaker, cue: string, citing?: Speaker): Attribution {
  return { ...at(text, whole), provenance: PROVENANCE, source, cue, ...(citing ? { citing } : {}) };
}

/** A war report with a general, a ministry spokesman, an unnamed official, an expert and an estimate. */
function warReport(): Article {
  const text = [
    '"We hold the bridge," General Tom Hale said.',
    '"The talks go on," said Ana Ruiz, a spokeswoman for the foreign ministry.',
    '"No comment," Hale added.',
    "An official, who asked not to be named, said the convoy had left.",
    "Estimates suggested that 300 people fled.",
    "Dr Li Wei, a professor of history, said the town had changed hands four times.",
    "Newsweek, citing the Associated Press, reported that the bridge was hit.",
  ].join(" ");
  const hale = speaker(text, "General Tom Hale", { actorId: "person:tom-hale", canonical: "Tom Hale" });
  const haleAgain = speaker(text, "Hale", { actorId: "person:tom-hale", canonical: "Tom Hale" });
  const ruiz = speaker(text, "Ana Ruiz", {
    actorId: "person:ana-ruiz",
    role: "a spokeswoman for the foreign ministry",
  });
  const official = speaker(text, "An official", { role: "An official, who asked not to be named" });
  const estimates = speaker(text, "Estimates");
  const expert = speaker(text, "Dr Li Wei", { actorId: "person:li-wei", role: "a professor of history" });
  const newsweek = speaker(text, "Newsweek", { actorId: "newsweek", canonical: "Newsweek" });
  const ap = speaker(text, "the Associated Press", { actorId: "ap", canonical: "The Associated Press" });
  return articleFromText(text, {
    id: "war",
    credits: [
      { kind: "sources", text: "Sources: AP, Newsweek", names: ["AP", "Newsweek"] },
      { kind: "image", text: "Photo: Reuters", names: ["Reuters"] },
    ],
    annotations: {
      ...articleFromText("").annotations,
      quotes: [
        quote(text, '"We hold the bridge," General Tom Hale said.', hale, true),
        quote(text, '"The talks go on," said Ana Ruiz', ruiz, true),
        quote(text, '"No comment," Hale added.', haleAgain, true),
        quote(text, "An official, who asked not to be named, said the convoy had left.", official, false),
        quote(text, "Estimates suggested that 300 people fled.", estimates, false),
        quote(text, "Dr Li Wei, a professor of history, said the town", expert, false),
      ],
      attributions: [
        citation(text, "Newsweek, citing the Associated Press, reported", newsweek, "reported", ap),
      ],
    },
  });
}

describe("sourcing of one article", () => {
  it("gathers each speaker's quotes with their kind, and leaves out an estimate nobody spoke", () => {
    const result = sourcing(warReport(), "Daily Planet");
    expect(result.outlet).toBe("Daily Planet");
    expect(result.speakers.map((s) => [s.name, s.kind, s.quotes, s.direct])).toEqual([
      ["Tom Hale", "military", 2, 2],
      ["Ana Ruiz", "government", 1, 1],
      ["An official", "unnamed", 1, 0],
      ["Dr Li Wei", "expert", 1, 0],
    ]);
    expect(result.speakers[0]?.wording).toHaveLength(2);
    expect(result.speakers.some((s) => s.name === "Estimates")).toBe(false);
  });

  it("shares quotes by kind of speaker, summing to 1", () => {
    const share = sourcing(warReport(), "x").quoteShare;
    expect(share).toEqual({ military: 0.4, government: 0.2, unnamed: 0.2, expert: 0.2 });
    expect(Object.values(share).reduce((a, b) => a + (b ?? 0), 0)).toBeCloseTo(1);
    expect(quoteShare([])).toEqual({});
  });

  it("cites the text's sources and the credit line's, merged per source, never picture credits", () => {
    const citations = sourcing(warReport(), "x").citations;
    expect(citations.map((c) => [c.name, c.kind, c.cues])).toEqual([
      ["Newsweek", "media", ["reported", "credit-line"]],
      ["The Associated Press", "media", ["credit-line"]],
    ]);
    const newsweek = citations[0];
    expect(newsweek?.citing).toEqual(["The Associated Press"]);
    expect(newsweek?.wording.map((w) => w.field)).toEqual(["text", "credits"]);
    const ap = citations[1]?.wording[0];
    expect(ap).toEqual({ start: 9, end: 11, field: "credits", credit: 0, text: "AP" });
    expect(citations.some((c) => c.name === "Reuters")).toBe(false);
  });

  it("reads a credit chain: the outlet that carried the story cites the wire behind it", () => {
    const article = articleFromText("Text.", {
      credits: [
        {
          kind: "sources",
          text: "Sources: AP via Independent, Gazette of Nowhere",
          names: ["AP via Independent", "Gazette of Nowhere"],
        },
      ],
    });
    const [independent, gazette] = sourcing(article, "x").citations;
    expect(independent).toMatchObject({
      name: "The Independent",
      actorId: "the-independent",
      kind: "media",
      citing: ["The Associated Press"],
    });
    // Unknown to the dictionary: a name in a credit line of sources is taken for media.
    expect(gazette).toMatchObject({ name: "Gazette of Nowhere", kind: "media" });
    expect(gazette?.actorId).toBeUndefined();
  });

  it("marks the copy group, so syndicated copies can be counted once", () => {
    const copy = {
      ...warReport(),
      copyGroup: { id: "wire", match: "exact" as const, similarity: 1, members: ["wire", "war"] },
    };
    expect(sourcing(copy, "x").copyGroup).toBe("wire");
    expect(sourcing(warReport(), "x").copyGroup).toBeUndefined();
  });

  it("works on other news: a court ruling's judge and lawyers, an earthquake's survivors", () => {
    const text = '"The law stands," the judge said. Survivors said the ground shook for a minute.';
    const judge = speaker(text, "the judge", { role: "the judge" });
    const survivors = speaker(text, "Survivors", { role: "Survivors" });
    const article = articleFromText(text, {
      annotations: {
        ...articleFromText("").annotations,
        quotes: [
          quote(text, '"The law stands," the judge said.', judge, true),
          quote(text, "Survivors said the ground shook for a minute.", survivors, false),
        ],
      },
    });
    const result = sourcing(article, "x");
    expect(result.speakers.map((s) => s.kind)).toEqual(["other", "civilian"]);
    expect(result.citations).toEqual([]);
  });

  it("takes reported speech as someone's only from an actor or a described person", () => {
    const text = "Estimates suggested more.";
    const base = { start: 0, end: 9, text: "Estimates" };
    const reported = (s: Speaker): Quote => ({
      ...base,
      provenance: PROVENANCE,
      content: "",
      direct: false,
      speaker: s,
    });
    expect(isSpokenQuote(reported({ ...base }))).toBe(false);
    expect(isSpokenQuote(reported({ ...base, role: "Estimates" }))).toBe(true);
    expect(isSpokenQuote({ ...reported({ ...base }), direct: true })).toBe(true);
    expect(text).toContain("Estimates");
  });
});
