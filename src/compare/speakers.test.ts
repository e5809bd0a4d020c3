import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../cli/index.js";
import { loadActorDictionary } from "../analyze/entities/dictionary.js";
import { createActorLookup } from "../analyze/entities/lookup.js";
import { createSourcing } from "./sourcing.js";
import type { Article, ParallaxResult, Speaker } from "../model/index.js";
import {
  createSpeakerLookup,
  loadSpeakerKinds,
  SPEAKER_KINDS,
  type SpeakerLookup,
  speakerKind,
} from "./speakers.js";

let lookup: SpeakerLookup;
let categories: string[];
let dictionary: ReturnType<typeof loadActorDictionary>;

beforeAll(() => {
  dictionary = loadActorDictionary();
  categories = [...new Set(dictionary.actors.map((a) => a.category))];
  lookup = createSpeakerLookup(dictionary.actors, loadSpeakerKinds());
});

const SEEDS = new URL("../../examples/albu-kamal", import.meta.url).pathname;

/** The whole analyzer on the seed pages, as test/helpers.ts runs it (that file lies outside src/). */
async function analyzeSeeds(): Promise<ParallaxResult> {
  let stdout = "";
  const code = await main(["analyze", SEEDS, "--json", "--no-db"], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => {},
    columns: 140,
  });
  expect(code).toBe(0);
  return JSON.parse(stdout) as ParallaxResult;
}

/** A speaker as the quote finder writes it; offsets do not matter to the classifier. */
function speaker(text: string, more: Partial<Speaker> = {}): Speaker {
  return { start: 0, end: text.length, text, ...more };
}

const body = (text: string, actorId?: string) => ({ start: 0, end: text.length, text, actorId });

describe("speakerKind on hand-written speakers", () => {
  it.each([
    ["government", speaker("the Russian government", { actorId: "russian-government" })],
    [
      "government",
      speaker("Maria Lopez", {
        actorId: "person:maria-lopez",
        role: "a spokeswoman for the interior ministry",
      }),
    ],
    ["government", speaker("the mayor", { role: "the mayor" })],
    ["military", speaker("Colonel John Smith", { actorId: "person:john-smith" })],
    ["military", speaker("a spokesman for the air base", { role: "a spokesman for the air base" })],
    ["armed-group", speaker("Hezbollah", { actorId: "hezbollah" })],
    ["armed-group", speaker("a rebel commander", { role: "a rebel commander" })],
    ["opposition", speaker("Ana Ruiz", { actorId: "person:ana-ruiz", role: "the opposition leader" })],
    ["international", speaker("the United Nations", { actorId: "un" })],
    ["international", speaker("Jan Novak", { actorId: "person:jan-novak", role: "a U.N. envoy" })],
    ["civilian", speaker("Fatima", { actorId: "person:fatima", role: "a mother of three" })],
    ["civilian", speaker("residents", { role: "residents" })],
    ["civilian", speaker("one witness", { role: "one witness" })],
    ["expert", speaker("Li Wei", { actorId: "person:li-wei", role: "a professor of geology" })],
    ["expert", speaker("analysts", { role: "analysts" })],
    ["expert", speaker("Human Rights Watch", { actorId: "human-rights-watch" })],
    ["media", speaker("Reuters", { actorId: "reuters" })],
    ["unnamed", speaker("a source close to the talks", { role: "a source close to the talks" })],
    ["unnamed", speaker("officials", { role: "officials not authorized to speak publicly" })],
    ["unnamed", speaker("Officials", { role: "Officials" })],
    ["other", speaker("Jane Doe", { actorId: "person:jane-doe" })],
  ] as const)("%s: %s", (kind, s) => {
    expect(speakerKind(s, lookup)).toBe(kind);
  });

  it("calls a missing or empty speaker unnamed", () => {
    expect(speakerKind(undefined, lookup)).toBe("unnamed");
    expect(speakerKind(speaker(" "), lookup)).toBe("unnamed");
  });

  it("reads a description by the body it speaks for when its words say nothing", () => {
    const forNato = speaker("a spokesperson for NATO", {
      actorId: "nato",
      role: "a spokesperson for NATO",
      affiliation: body("NATO", "nato"),
    });
    expect(speakerKind(forNato, lookup)).toBe("international");
  });

  it("prefers a specific role to the body: an analyst at a ministry is an expert", () => {
    const analyst = speaker("an analyst at the ministry", { role: "an analyst at the ministry" });
    expect(speakerKind(analyst, lookup)).toBe("expert");
    expect(
      speakerKind(speaker("a defence ministry official", { role: "a defence ministry official" }), lookup),
    ).toBe("military");
  });

  it("never calls a named person unnamed, even with anonymous words in the role", () => {
    const named = speaker("Tom Hale", { actorId: "person:tom-hale", role: "an unnamed ministry's minister" });
    expect(speakerKind(named, lookup)).toBe("government");
  });

  it("classifies speakers of other news: an election, a court ruling, an earthquake", () => {
    expect(speakerKind(speaker("voters", { role: "voters in the capital" }), lookup)).toBe("civilian");
    expect(speakerKind(speaker("Jo Park", { actorId: "person:jo-park", role: "a pollster" }), lookup)).toBe(
      "expert",
    );
    expect(speakerKind(speaker("prosecutors", { role: "prosecutors" }), lookup)).toBe("government");
    expect(speakerKind(speaker("the court", { actorId: "us-supreme-court" }), lookup)).toBe("other");
    expect(
      speakerKind(speaker("a seismologist", { role: "a seismologist at the national institute" }), lookup),
    ).toBe("expert");
    expect(speakerKind(speaker("survivors", { role: "survivors" }), lookup)).toBe("civilian");
    // A role that names someone yet fits no kind is "other", not an anonymous source.
    expect(speakerKind(speaker("the judge", { role: "the judge" }), lookup)).toBe("other");
    expect(
      speakerKind(speaker("a justice ministry spokesman", { role: "a justice ministry spokesman" }), lookup),
    ).toBe("government");
    // A general of the law is no soldier: the longer role wins.
    const attorney = speaker("Kim Lee", { actorId: "person:kim-lee", role: "the state's attorney general" });
    expect(speakerKind(attorney, lookup)).toBe("government");
    expect(speakerKind(speaker("Ana Ruiz", { actorId: "person:ana-ruiz", role: "a general" }), lookup)).toBe(
      "military",
    );
  });

  it("does not match role words inside other words", () => {
    expect(speakerKind(speaker("Generally Speaking", { actorId: "person:x" }), lookup)).toBe("other");
  });
});

describe("speaker-kinds.json", () => {
  it("lists ten kinds and maps every dictionary category but person", () => {
    const table = loadSpeakerKinds();
    expect(SPEAKER_KINDS).toHaveLength(10);
    const unmapped = categories.filter((c) => c !== "person" && !table.categories.has(c));
    expect(unmapped).toEqual([]);
  });
});

describe("speakerKind on the seeds, read by the real analyzer", () => {
  let result: ParallaxResult;
  const article = (part: string) => result.articles.find((a) => a.origin.locator.includes(part)) as Article;
  const kindsOf = (a: Article) =>
    new Map((a.annotations.quotes ?? []).map((q) => [q.speaker?.text ?? "", speakerKind(q.speaker, lookup)]));

  beforeAll(async () => {
    result = await analyzeSeeds();
  }, 120_000);

  it("000's air base spokesman is military", () => {
    const quote = (article("000_").annotations.quotes ?? []).find((q) =>
      /air base/.test(q.speaker?.role ?? ""),
    );
    expect(quote?.speaker?.role).toMatch(/spokesman/);
    expect(speakerKind(quote?.speaker, lookup)).toBe("military");
  });

  it("001's army spokesman general is military, AP is media, and officials are unnamed", () => {
    const quotes = article("001_").annotations.quotes ?? [];
    const general = quotes.find((q) => /army spokesman/.test(q.speaker?.role ?? ""));
    expect(speakerKind(general?.speaker, lookup)).toBe("military");
    const kinds = kindsOf(article("001_"));
    expect(kinds.get("AP")).toBe("media");
    expect(kinds.get("Officials")).toBe("unnamed");
    expect(kinds.get("The Syrian Observatory for Human Rights")).toBe("expert");
  });

  it("sourcing: each outlet's speakers by kind, and 001 cites AP, Newsweek and Time", () => {
    const sourcing = createSourcing(lookup, { resolveSource: createActorLookup(dictionary) });
    const zero = sourcing(article("000_"), "000");
    expect(zero.quoteShare.military).toBeGreaterThan(0.5);
    expect(zero.speakers.find((s) => s.name === "Alexander Ivanov")?.kind).toBe("military");
    const one = sourcing(article("001_"), "001");
    expect(one.speakers.some((s) => s.name === "Estimates")).toBe(false);
    const cited = new Map(one.citations.map((c) => [c.actorId, c]));
    for (const id of ["ap", "newsweek", "time"]) expect(cited.get(id)?.kind).toBe("media");
    expect(cited.get("newsweek")?.cues).toContain("credit-line");
    expect(cited.get("the-independent")?.citing).toEqual(["The Associated Press"]);
  });
});
