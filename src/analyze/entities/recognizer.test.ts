import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Article, Entity } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { tokenizedArticle } from "../test-support.js";
import { createTokenizer } from "../tokens.js";
import { type ActorDictionary, loadActorDictionary } from "./dictionary.js";
import { createNerKnowledge } from "../ner/knowledge.js";
import { loadNerModel } from "../ner/model.js";
import { createNerTagger } from "../ner/tagger.js";
import type { NerTagger } from "../ner/types.js";
import { isKnownPlace } from "../places/gazetteer.js";
import { builtGazetteer } from "../places/test-support.js";
import { createEntityRecognizer } from "./recognizer.js";

/** A stand-in for the gazetteer another stage provides. */
const FAKE_PLACES = new Set([
  "Albu Kamal",
  "Raqqa",
  "Damascus",
  "Sicily",
  "Hmeimim",
  "Lattakia",
  "Velmora",
  "Kathmandu",
]);
const isPlaceName = (surface: string) => FAKE_PLACES.has(surface);

/** The article body of a seed page: the lines from `first` to `last`, boilerplate around them left out. */
function seedBody(file: string, first: string, last: string): string {
  const lines = readFileSync(new URL(`../../../examples/albu-kamal/${file}`, import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const from = lines.findIndex((l) => l.startsWith(first));
  const to = lines.findIndex((l) => l.startsWith(last));
  return lines.slice(from, to + 1).join("\n\n");
}

let tokenizer: AnalysisComponent;
let actors: ActorDictionary;
let recognizer: AnalysisComponent;

beforeAll(() => {
  tokenizer = createTokenizer();
  actors = loadActorDictionary();
  recognizer = createEntityRecognizer({ actors, isPlaceName });
});

function article(text: string): Article {
  return tokenizedArticle(tokenizer, text);
}

function entitiesOf(text: string, component = recognizer): Entity[] {
  return component.run(article(text)).entities ?? [];
}

function find(entities: Entity[], text: string): Entity[] {
  return entities.filter((e) => e.text === text);
}

function one(entities: Entity[], text: string): Entity {
  const found = find(entities, text);
  expect(found.length, `mentions of "${text}"`).toBeGreaterThan(0);
  return found[0] as Entity;
}

function expectWellFormed(text: string, entities: Entity[]): void {
  let previousEnd = 0;
  for (const e of entities) {
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.start).toBeGreaterThanOrEqual(previousEnd);
    expect(e.provenance.stage).toBe("analyze");
    previousEnd = e.end;
  }
}

describe("seed 000 (partisan outlet)", () => {
  let text: string;
  let entities: Entity[];
  beforeAll(() => {
    text = seedBody("000_94ae060d2235aff0.txt", "The Syrian Army declared victory", "Hunderds of thousands");
    entities = entitiesOf(text);
  });

  it("returns sorted, non-overlapping mentions whose text is the slice", () => {
    expectWellFormed(text, entities);
  });

  it("merges ISIS and Islamic State, and links the acronym to its expansion", () => {
    expect(one(entities, "Islamic State").actorId).toBe("isis");
    const isis = one(entities, "ISIS");
    expect(isis).toMatchObject({
      actorId: "isis",
      canonical: "Islamic State",
      type: "ORG",
      expansion: "Islamic State",
    });
  });

  it("merges Syrian Army, SAA, Syrian military and Syrian forces", () => {
    for (const name of ["Syrian Army", "SAA", "Syrian military", "Syrian forces"]) {
      expect(one(entities, name).actorId, name).toBe("syrian-arab-army");
    }
    expect(one(entities, "SAA").canonical).toBe("Syrian Arab Army");
  });

  it("finds people, without titles or possessives", () => {
    expect(one(entities, "Bashar al-Assad")).toMatchObject({
      type: "PERSON",
      actorId: "person:bashar-al-assad",
    });
    expect(one(entities, "Alexander Ivanov")).toMatchObject({
      type: "PERSON",
      actorId: "person:alexander-ivanov",
    });
    expect(find(entities, "Syria’s")).toHaveLength(0);
    expect(find(entities, "Syria").length).toBeGreaterThan(2);
  });

  it("types media, organisations found by head words, places and demonyms", () => {
    expect(one(entities, "The Times of Malta")).toMatchObject({ type: "ORG", category: "media" });
    expect(one(entities, "Russian Coordination Center").type).toBe("ORG");
    expect(one(entities, "Naval Air Station Sigonella").type).toBe("LOC");
    expect(one(entities, "Sicily").type).toBe("GPE");
    expect(one(entities, "Italian")).toMatchObject({ type: "NORP", country: "IT" });
    expect(one(entities, "Shia").type).toBe("NORP");
  });
});

describe("seed 001 (wire-based rewrite)", () => {
  let text: string;
  let entities: Entity[];
  beforeAll(() => {
    text = seedBody(
      "001_00835ee31e389aee.txt",
      "The Syrian army has captured",
      "While the U.S. has provided",
    );
    entities = entitiesOf(text);
  });

  it("returns sorted, non-overlapping mentions", () => {
    expectWellFormed(text, entities);
  });

  it("reads the spokesman's name without his rank", () => {
    expect(one(entities, "Ali Mayhoub")).toMatchObject({ type: "PERSON", actorId: "person:ali-mayhoub" });
    expect(entities.some((e) => e.text.includes("General"))).toBe(false);
    expect(one(entities, "Syrian army").actorId).toBe("syrian-arab-army");
    expect(one(entities, "Syrian government troops").actorId).toBe("syrian-arab-army");
  });

  it("merges Assad forms under one actor and leaves the title out", () => {
    const ids = new Set([one(entities, "Bashar Assad").actorId, one(entities, "Assad").actorId]);
    expect([...ids]).toEqual(["person:bashar-al-assad"]);
    expect(one(entities, "Assad").canonical).toBe("Bashar al-Assad");
    expect(find(entities, "President")).toHaveLength(0);
  });

  it("finds Hezbollah, the Lebanese demonym and the Syrian Democratic Forces", () => {
    expect(one(entities, "Hezbollah")).toMatchObject({ type: "ORG", category: "armed-group" });
    expect(one(entities, "Lebanese")).toMatchObject({ type: "NORP", country: "LB" });
    expect(one(entities, "SDF")).toMatchObject({ actorId: "sdf", expansion: "Syrian Democratic Forces" });
    expect(one(entities, "al-Baghdadi").actorId).toBe("person:abu-bakr-al-baghdadi");
  });

  it("finds the cited media: The Associated Press, AP, Newsweek and Time", () => {
    for (const name of ["The Associated Press", "AP", "Newsweek", "Time"]) {
      expect(one(entities, name), name).toMatchObject({ type: "ORG", category: "media" });
    }
    expect(one(entities, "AP").actorId).toBe(one(entities, "The Associated Press").actorId);
  });
});

describe("people within a document", () => {
  it("merges every form of a dictionary person, titles left out", () => {
    const text =
      "President Assad spoke on Monday. Syrian President Bashar Assad later met envoys, and Bashar al-Assad’s office confirmed it. Assad left.";
    const entities = entitiesOf(text);
    const people = entities.filter((e) => e.type === "PERSON");
    expect(people.map((e) => e.text)).toEqual(["Assad", "Bashar Assad", "Bashar al-Assad", "Assad"]);
    expect(new Set(people.map((e) => e.actorId))).toEqual(new Set(["person:bashar-al-assad"]));
    expect(one(entities, "Syrian")).toMatchObject({ type: "NORP", country: "SY" });
  });

  it("merges an unknown person's surname, even at the start of a sentence", () => {
    const entities = entitiesOf("Gen. Omar Haddad led the assault. Haddad said the town was clear.");
    expect(one(entities, "Omar Haddad").type).toBe("PERSON");
    expect(one(entities, "Haddad")).toMatchObject({
      type: "PERSON",
      actorId: "person:omar-haddad",
      canonical: "Omar Haddad",
    });
  });
});

describe("ambiguous short names", () => {
  it("reads Time as a magazine only when it is cited", () => {
    expect(find(entitiesOf("It is time to act. Time is running out, officials said."), "Time")).toHaveLength(
      0,
    );
    expect(one(entitiesOf("The minister told Time that talks would resume."), "Time").actorId).toBe("time");
    expect(one(entitiesOf("The deal was first reported by Time magazine."), "Time magazine").actorId).toBe(
      "time",
    );
  });

  it("reads IS as the Islamic State in mixed-case text, not in a line of capitals", () => {
    expect(one(entitiesOf("Fighters loyal to IS fled the town."), "IS").actorId).toBe("isis");
    expect(find(entitiesOf("ARMY TAKES LAST TOWN HELD BY IS."), "IS")).toHaveLength(0);
    expect(find(entitiesOf("What it is, is a mess."), "is")).toHaveLength(0);
  });

  it("does not read a sentence-initial capital alone as a name", () => {
    const entities = entitiesOf("Officials said the talks failed. Residents fled.");
    expect(entities).toHaveLength(0);
  });
});

describe("news about other subjects", () => {
  it("types an election's people, parties and agencies by the rules", () => {
    const text =
      "Voters in Velmora went to the polls on Sunday, and the ruling Progressive Unity Party of Prime Minister Elena Varga claimed victory over the opposition Freedom Alliance led by Tomas Brandt. " +
      "The National Electoral Commission (NEC) said turnout was 64 percent. Varga thanked supporters. Brandt's campaign conceded on Monday, NEC officials said.";
    const entities = entitiesOf(text);
    expectWellFormed(text, entities);
    expect(one(entities, "Velmora").type).toBe("GPE");
    expect(one(entities, "Progressive Unity Party").type).toBe("ORG");
    expect(one(entities, "Freedom Alliance").type).toBe("ORG");
    expect(one(entities, "Elena Varga")).toMatchObject({ type: "PERSON", actorId: "person:elena-varga" });
    expect(one(entities, "Varga")).toMatchObject({
      type: "PERSON",
      actorId: "person:elena-varga",
      canonical: "Elena Varga",
    });
    expect(one(entities, "Tomas Brandt").type).toBe("PERSON");
    expect(one(entities, "Brandt")).toMatchObject({
      type: "PERSON",
      actorId: one(entities, "Tomas Brandt").actorId,
    });
    const nec = find(entities, "NEC");
    expect(nec).toHaveLength(2);
    for (const m of nec) {
      expect(m).toMatchObject({ type: "ORG", expansion: "National Electoral Commission" });
      expect(m.actorId).toBe(one(entities, "National Electoral Commission").actorId);
    }
    expect(find(entities, "Sunday")).toHaveLength(0);
    expect(find(entities, "Monday")).toHaveLength(0);
  });

  it("types a court ruling's court, ministry, judge and union", () => {
    const text =
      "The Supreme Court of Elbonia ruled on Tuesday that the Ministry of Interior had acted unlawfully. " +
      "Chief Justice Miriam Okafor wrote for the majority, and lawyers for the Civil Liberties Union welcomed the ruling.";
    const entities = entitiesOf(text);
    expectWellFormed(text, entities);
    expect(one(entities, "Supreme Court of Elbonia").type).toBe("ORG");
    expect(one(entities, "Ministry of Interior").type).toBe("ORG");
    expect(one(entities, "Miriam Okafor").type).toBe("PERSON");
    expect(one(entities, "Civil Liberties Union").type).toBe("ORG");
  });

  it("types an earthquake report's agencies, scientist and places", () => {
    const text =
      "A magnitude 7.1 earthquake struck near Kathmandu early on Friday, the U.S. Geological Survey said. " +
      "Dr. Hiroshi Tanaka, a seismologist at Kyoto University, said aftershocks were likely. " +
      "The Nepalese Red Cross Society sent teams to the Teral Valley, and Nepalese troops cleared roads.";
    const entities = entitiesOf(text);
    expectWellFormed(text, entities);
    expect(one(entities, "Kathmandu").type).toBe("GPE");
    expect(one(entities, "U.S. Geological Survey")).toMatchObject({ actorId: "usgs", category: "agency" });
    expect(one(entities, "Hiroshi Tanaka").type).toBe("PERSON");
    expect(one(entities, "Kyoto University").type).toBe("ORG");
    expect(one(entities, "Nepalese Red Cross Society").type).toBe("ORG");
    expect(one(entities, "Teral Valley").type).toBe("LOC");
    expect(one(entities, "Nepalese")).toMatchObject({ type: "NORP", country: "NP" });
  });

  it("leaves a dictionary name inside a longer name to the rules", () => {
    const entities = entitiesOf("Storms hit New Mexico on Sunday, and the National Security Council met.");
    expect(one(entities, "New Mexico").type).toBe("GPE");
    expect(one(entities, "National Security Council").type).toBe("ORG");
    expect(find(entities, "Mexico")).toHaveLength(0);
  });

  it("works without a gazetteer, guessing places after locative prepositions", () => {
    const plain = createEntityRecognizer({ actors });
    expect(one(entitiesOf("Protesters gathered in Velmora on Sunday.", plain), "Velmora")).toMatchObject({
      type: "GPE",
      provenance: { method: "rule:locative" },
    });
  });
});

describe("with the trained NER model", () => {
  let withModel: AnalysisComponent;
  beforeAll(() => {
    const gazetteer = builtGazetteer();
    const ner = createNerTagger(loadNerModel(), createNerKnowledge({ gazetteer, actors }));
    withModel = createEntityRecognizer({
      actors,
      ner,
      isPlaceName: (s) => isKnownPlace(gazetteer, s, { minPopulation: 1_000 }),
    });
  });

  it("takes names from the model, not a capitalised sentence opener", () => {
    const text = "Police said the road was closed. Assad said the army would stay.";
    const entities = entitiesOf(text, withModel);
    expectWellFormed(text, entities);
    expect(find(entities, "Police")).toHaveLength(0);
    expect(one(entities, "Assad")).toMatchObject({ type: "PERSON", actorId: "person:bashar-al-assad" });
  });

  it("reads names with Abu and al- whole, without titles", () => {
    const text =
      "Abu Mohammad al-Julani spoke in Idlib. President Ahmed al-Sharaa met Hamid al-Khatib, a trader.";
    const entities = entitiesOf(text, withModel);
    expectWellFormed(text, entities);
    expect(one(entities, "Abu Mohammad al-Julani").type).toBe("PERSON");
    expect(one(entities, "Ahmed al-Sharaa").type).toBe("PERSON");
    expect(one(entities, "Hamid al-Khatib")).toMatchObject({
      type: "PERSON",
      provenance: { method: "model:ner" },
    });
    expect(one(entities, "Idlib").type).toBe("GPE");
  });

  it("gives the model only articles in its language, or of unknown language", () => {
    const text = "Hamid al-Khatib met Laila Haddad in Beirut on Monday.";
    const methods = (language?: string) =>
      (
        withModel.run({
          ...article(text),
          ...(language ? { language: { value: language, source: "eld" } } : {}),
        }).entities ?? []
      )
        .map((e) => e.provenance.method)
        .filter((m) => m.startsWith("model:"));
    expect(methods("en-GB").length).toBeGreaterThan(0);
    expect(methods(undefined).length).toBeGreaterThan(0);
    expect(methods("de")).toEqual([]);
  });

  it("tells Jordan the country from Michael Jordan", () => {
    const text = "Michael Jordan flew to Amman, the capital of Jordan, on Monday.";
    const entities = entitiesOf(text, withModel);
    expect(one(entities, "Michael Jordan").type).toBe("PERSON");
    expect(one(entities, "Jordan")).toMatchObject({ type: "GPE", actorId: "jordan" });
    expect(one(entities, "Amman").type).toBe("GPE");
  });

  it("finds an election's people, parties and commission, and links the acronym", () => {
    const text =
      "Voters in Velmora went to the polls on Sunday, and the ruling Progressive Unity Party of Prime Minister Elena Varga claimed victory over the opposition Freedom Alliance led by Tomas Brandt. " +
      "The National Electoral Commission (NEC) said turnout was 64 percent. Varga thanked supporters.";
    const entities = entitiesOf(text, withModel);
    expectWellFormed(text, entities);
    expect(one(entities, "Progressive Unity Party").type).toBe("ORG");
    expect(one(entities, "Freedom Alliance").type).toBe("ORG");
    expect(one(entities, "Elena Varga").type).toBe("PERSON");
    expect(one(entities, "Varga")).toMatchObject({ type: "PERSON", canonical: "Elena Varga" });
    expect(one(entities, "Tomas Brandt").type).toBe("PERSON");
    expect(one(entities, "NEC")).toMatchObject({ type: "ORG", expansion: "National Electoral Commission" });
    expect(find(entities, "Sunday")).toHaveLength(0);
  });

  it("finds a court ruling's court, ministry, judge (without the title) and union", () => {
    const text =
      "The Supreme Court of Elbonia ruled on Tuesday that the Ministry of Interior had acted unlawfully. " +
      "Chief Justice Miriam Okafor wrote for the majority, and lawyers for the Civil Liberties Union welcomed the ruling.";
    const entities = entitiesOf(text, withModel);
    expectWellFormed(text, entities);
    expect(one(entities, "Supreme Court of Elbonia").type).toBe("ORG");
    expect(one(entities, "Ministry of Interior").type).toBe("ORG");
    expect(one(entities, "Miriam Okafor").type).toBe("PERSON");
    expect(one(entities, "Civil Liberties Union").type).toBe("ORG");
  });

  it("gives dictionary actors and demonyms their ids on a seed article", () => {
    const text = seedBody("001_00835ee31e389aee.txt", "Syrian Army Takes", "Popular Video");
    const entities = entitiesOf(text, withModel);
    expectWellFormed(text, entities);
    expect(one(entities, "Hezbollah")).toMatchObject({
      type: "ORG",
      provenance: { method: "dictionary:actors+model" },
    });
    expect(one(entities, "Lebanese")).toMatchObject({ type: "NORP", country: "LB" });
    expect(one(entities, "Ali Mayhoub").type).toBe("PERSON");
    expect(find(entities, "SDF").every((m) => m.canonical === "Syrian Democratic Forces")).toBe(true);
    expect(find(entities, "Takes")).toHaveLength(0); // a Title Case headline is not a run of names
  });
});

describe("one type per name within an article (model path)", () => {
  /** A stand-in model that tags "Tall Rifat" LOC in the first sentence and ORG in every other one. */
  const tagger: NerTagger = (document) =>
    document.map((words, s) => {
      const at = words.indexOf("Tall");
      return at < 0 ? [] : [{ start: at, end: at + 2, label: s === 0 ? "LOC" : "ORG", confidence: 0.9 }];
    });
  const text = "Troops entered Tall Rifat on Monday. Tall Rifat was quiet. Tall Rifat had no power.";

  it("reads a name the gazetteer knows as a place everywhere once the model saw it as a place", () => {
    const component = createEntityRecognizer({ actors, ner: tagger, isPlaceName: (s) => s === "Tall Rifat" });
    const types = entitiesOf(text, component)
      .filter((e) => e.text === "Tall Rifat")
      .map((e) => e.type);
    expect(types).toEqual(["GPE", "GPE", "GPE"]);
  });

  it("otherwise gives every mention the type the name has most often", () => {
    const component = createEntityRecognizer({ actors, ner: tagger, isPlaceName: () => false });
    const types = entitiesOf(text, component)
      .filter((e) => e.text === "Tall Rifat")
      .map((e) => e.type);
    expect(types).toEqual(["ORG", "ORG", "ORG"]);
  });
});
