import { beforeAll, describe, expect, it } from "vitest";
import type { EventMention } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { type EventLexicon, loadEventLexicon } from "../lexicons.js";
import { createTokenizer } from "../tokens.js";
import { createEventExtractor } from "./index.js";
import { SEED_000, SEED_001, seedArticle } from "./seed-fixtures.js";
import { publishedOn } from "../test-support.js";
import { articleOf, entities, places, times } from "./test-support.js";

let tokenizer: AnalysisComponent;
let lexicon: EventLexicon;
let extractor: AnalysisComponent;

beforeAll(() => {
  tokenizer = createTokenizer();
  lexicon = loadEventLexicon();
  extractor = createEventExtractor({ lexicon });
});

function eventsOf(text: string, mentions: Parameters<typeof articleOf>[2] = {}): EventMention[] {
  return extractor.run(articleOf(tokenizer, text, mentions)).events ?? [];
}

function byTrigger(events: readonly EventMention[], trigger: string): EventMention {
  const event = events.find((e) => e.trigger.text === trigger);
  if (!event)
    throw new Error(`no event with trigger "${trigger}" in ${events.map((e) => e.trigger.text).join(", ")}`);
  return event;
}

describe("createEventExtractor", () => {
  it("declares what it needs and provides", () => {
    expect(extractor.name).toBe("events");
    expect(extractor.requires).toEqual(["tokens", "sentences", "entities", "places", "times"]);
    expect(extractor.provides).toEqual(["events"]);
  });

  it("reads the capture of the town by the Syrian military in seed 000, skipping the 'backed by' aside", () => {
    const article = seedArticle(tokenizer, SEED_000);
    const events = extractor.run(article).events ?? [];
    const cleaned = byTrigger(events, "cleaned out");
    expect(cleaned.action).toBe("capture");
    expect(cleaned.actor).toMatchObject({ text: "The Syrian military", id: "syrian-army" });
    expect(cleaned.target).toMatchObject({ text: "the town", canonical: "Abu Kamal", id: "geonames:170017" });
    // Passive voice: the subject "it" is the target, and means the town.
    const captured = byTrigger(events, "captured");
    expect(captured.action).toBe("capture");
    expect(captured.actor).toBeUndefined();
    expect(captured.target).toMatchObject({ text: "it", canonical: "Abu Kamal" });
    for (const event of events) expect(article.text.slice(event.start, event.end)).toBe(event.text);
  });

  it("reads entry on Nov. 8 and the clearing on Nov. 9 by the army in seed 001", () => {
    const events = extractor.run(seedArticle(tokenizer, SEED_001)).events ?? [];
    const entered = byTrigger(events, "entered");
    expect(entered).toMatchObject({ action: "enter", actor: { id: "syrian-army" } });
    expect(entered.target).toMatchObject({ text: "Albu Kamal", canonical: "Abu Kamal" });
    expect(entered.time).toMatchObject({ text: "Nov. 8", value: "2017-11-08" });
    expect(entered.place?.canonical).toBe("Abu Kamal");
    const cleared = byTrigger(events, "declared it to be clear of");
    expect(cleared.action).toBe("declare-clear");
    expect(cleared.actor?.id).toBe("syrian-army");
    expect(cleared.target).toMatchObject({ text: "it", canonical: "Abu Kamal" });
    expect(cleared.time?.value).toBe("2017-11-09");
    const took = byTrigger(events, "took");
    expect(took).toMatchObject({
      action: "capture",
      actor: { text: "Militants" },
      target: { text: "Al-Qa'im" },
    });
  });

  it("does not read 'took off' as a capture", () => {
    const events = eventsOf("The aircraft took off from a naval air station and flew close to the coast.");
    expect(events.filter((e) => e.action === "capture")).toEqual([]);
  });

  it("reads the actor after 'fell to' and the target before it", () => {
    const text = "The city of Mosul fell to the Iraqi army in July.";
    const events = eventsOf(text, {
      entities: entities(text, [
        { needle: "Iraqi army", type: "ORG", canonical: "Iraqi Army", actorId: "iraq-army" },
      ]),
      places: places(text, [{ needle: "Mosul", name: "Mosul", feature: "city", geonameId: 99072 }]),
    });
    expect(events[0]).toMatchObject({
      action: "capture",
      actor: { id: "iraq-army" },
      target: { canonical: "Mosul" },
    });
  });

  it("reads an election", () => {
    const text =
      "Voters elected Maria Lopez as mayor of Springfield on Sunday, and she won the election by a wide margin.";
    const events = eventsOf(text, {
      entities: entities(text, [
        { needle: "Maria Lopez", type: "PERSON", canonical: "Maria Lopez", actorId: "p:lopez" },
      ]),
      places: places(text, [{ needle: "Springfield", name: "Springfield", feature: "city" }]),
      times: times(text, [{ needle: "on Sunday", value: "2024-03-10" }]),
    });
    expect(byTrigger(events, "elected")).toMatchObject({
      action: "elect",
      actor: { text: "Voters" },
      target: { id: "p:lopez" },
      time: { value: "2024-03-10" },
    });
    // "she" is the person named just before.
    expect(byTrigger(events, "won the election")).toMatchObject({
      action: "win-election",
      actor: { id: "p:lopez" },
    });
  });

  it("reads a court ruling only when a court is the subject", () => {
    const text =
      "The Supreme Court ruled on Monday that the ban was unconstitutional. The party has ruled out a coalition.";
    const events = eventsOf(text, {
      entities: entities(text, [
        { needle: "Supreme Court", type: "ORG", canonical: "Supreme Court", actorId: "scotus" },
      ]),
    });
    expect(events.map((e) => e.action)).toEqual(["rule"]);
    expect(events[0]?.actor?.id).toBe("scotus");
    const struck = eventsOf("A federal judge struck down the law.");
    expect(struck[0]).toMatchObject({
      action: "rule",
      actor: { text: "A federal judge" },
      target: { text: "the law" },
    });
  });

  it("reads an earthquake with its place, and its deaths", () => {
    const text = "A magnitude 7.1 earthquake struck central Mexico on Tuesday, killing more than 200 people.";
    const events = eventsOf(text, {
      places: places(text, [{ needle: "Mexico", name: "Mexico", feature: "country", geonameId: 3996063 }]),
      times: times(text, [{ needle: "on Tuesday", value: "2017-09-19" }]),
    });
    const quake = byTrigger(events, "earthquake struck");
    expect(quake).toMatchObject({
      action: "quake",
      place: { canonical: "Mexico" },
      time: { value: "2017-09-19" },
    });
    expect(byTrigger(events, "killing").action).toBe("kill");
  });

  it("resolves 'the town' to the main town only when the lexicon marks the trigger as taking places", () => {
    const text = "Rebels surrounded Idlib. Government troops later captured the town.";
    const withPlaces = eventsOf(text, {
      places: places(text, [{ needle: "Idlib", name: "Idlib", feature: "city", geonameId: 169388 }]),
    });
    expect(byTrigger(withPlaces, "captured").target).toMatchObject({ text: "the town", canonical: "Idlib" });
    const flagless = createEventExtractor({
      lexicon: { ...lexicon, triggers: lexicon.triggers.map((t) => ({ ...t, placeTarget: false })) },
    });
    const article = articleOf(tokenizer, text, {
      places: places(text, [{ needle: "Idlib", name: "Idlib", feature: "city", geonameId: 169388 }]),
    });
    const plain = (flagless.run(article).events ?? []).find((e) => e.trigger.text === "captured");
    expect(plain?.target).toEqual({
      start: text.indexOf("the town"),
      end: text.indexOf("the town") + 8,
      text: "the town",
    });
  });
});

describe("createEventExtractor: what did not happen, and tallies", () => {
  const triggersOf = (text: string, mentions: Parameters<typeof articleOf>[2] = {}) =>
    eventsOf(text, mentions).map((e) => e.trigger.text);

  it("drops triggers that were only sought, threatened, possible or conditional", () => {
    expect(
      triggersOf("Allied forces have sought to capture the town before the government could do so."),
    ).toEqual([]);
    expect(triggersOf("The rebels threatened to attack the capital.")).toEqual([]);
    expect(triggersOf("If the army enters the city, residents will flee.")).toEqual([]);
    expect(triggersOf("The party could win the election, polls suggest.")).toEqual([]);
    expect(triggersOf("Rebels threatened to launch an attack on the city.")).toEqual([]);
    expect(triggersOf("Rebels tried to enter and capture the town.")).toEqual([]);
  });

  it("keeps negated or denied triggers, marked denied, for the cross-check", () => {
    const denied = (text: string) =>
      eventsOf(text, {}).map((e) => [e.trigger.text, e.denied === true] as const);
    expect(denied("The ministry denied that its jets bombed the market.")).toEqual([["bombed", true]]);
    expect(denied("The militia did not attack the convoy.")).toEqual([["attack", true]]);
    expect(denied("The militia attacked the convoy.")).toEqual([["attacked", false]]);
    // "Could not" is possibility, not a denial: dropped.
    expect(denied("The militia could not attack the convoy.")).toEqual([]);
  });

  it("keeps what happened, even next to an attempt in another clause", () => {
    const text = "The jihadists had tried to defend the town, but it was captured on the same day.";
    expect(triggersOf(text)).toEqual(["captured"]);
    expect(triggersOf("Gunmen attacked a police station in May.")).toEqual(["attacked"]);
    // "will" governs "visit", not the capture told in the clause after it.
    expect(triggersOf("The mayor will visit the town the army captured last week.")).toContain("captured");
    expect(triggersOf("The opposition won the election on Sunday.")).toContain("won the election");
  });

  it("drops a war's toll but keeps a count since a recent day", () => {
    const war = "Hundreds of thousands of people have been killed since the conflict began in March 2011.";
    const warArticle = {
      ...articleOf(tokenizer, war, { times: times(war, [{ needle: "March 2011", value: "2011-03" }]) }),
      ...publishedOn("2017-11-10"),
    };
    expect(extractor.run(warArticle).events).toEqual([]);
    expect(triggersOf("The earthquake has killed 41 people so far.")).not.toContain("killed");
    const recent = "At least 40 people have been killed since Monday in clashes in the north.";
    const recentArticle = {
      ...articleOf(tokenizer, recent, { times: times(recent, [{ needle: "Monday", value: "2024-03-11" }]) }),
      ...publishedOn("2024-03-13"),
    };
    expect((extractor.run(recentArticle).events ?? []).map((e) => e.trigger.text)).toContain("killed");
  });
});
