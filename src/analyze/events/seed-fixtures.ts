import { readFileSync } from "node:fs";
import type { Article } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { articleOf, type EntitySpec, entities, type PlaceSpec, places, times } from "./test-support.js";

/**
 * Test fixtures only: the two seed pages with the entity, place and time mentions the other
 * analysis components are expected to find, written by hand so that these tests do not depend
 * on them. Story names live here and in tests, never in program logic.
 */

export const SEED_DIR = new URL("../../../examples/albu-kamal/", import.meta.url);

/** A seed page as clean-ish text: lines trimmed, paragraphs joined by a blank line, as extraction does. */
export function seedText(file: string): string {
  return readFileSync(new URL(file, SEED_DIR), "utf8")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

export const SEED_000 = "000_94ae060d2235aff0.txt";
export const SEED_001 = "001_00835ee31e389aee.txt";

const ENTITIES: EntitySpec[] = [
  { needle: "Syrian Army", type: "ORG", canonical: "Syrian Arab Army", actorId: "syrian-army" },
  { needle: "Syrian army", type: "ORG", canonical: "Syrian Arab Army", actorId: "syrian-army" },
  { needle: "Syrian military", type: "ORG", canonical: "Syrian Arab Army", actorId: "syrian-army" },
  { needle: "Army", type: "ORG", canonical: "Syrian Arab Army", actorId: "syrian-army" },
  { needle: "SAA", type: "ORG", canonical: "Syrian Arab Army", actorId: "syrian-army" },
  { needle: "Islamic State", type: "ORG", canonical: "Islamic State", actorId: "isis" },
  { needle: "ISIS", type: "ORG", canonical: "Islamic State", actorId: "isis" },
  { needle: "Shia", type: "NORP", canonical: "Shia", actorId: "norp:shia" },
  { needle: "Syrian", type: "NORP", canonical: "Syria", actorId: "syria" },
  { needle: "Russian", type: "NORP", canonical: "Russia", actorId: "russia" },
  { needle: "Iraqi", type: "NORP", canonical: "Iraq", actorId: "iraq" },
  {
    needle: "Alexander Ivanov",
    type: "PERSON",
    canonical: "Alexander Ivanov",
    actorId: "person:alexander-ivanov",
  },
  { needle: "Ali Mayhoub", type: "PERSON", canonical: "Ali Mayhoub", actorId: "person:ali-mayhoub" },
  { needle: "Abu Bakr al-Baghdadi", type: "PERSON", canonical: "Abu Bakr al-Baghdadi", actorId: "baghdadi" },
  { needle: "Bashar Assad", type: "PERSON", canonical: "Bashar al-Assad", actorId: "assad" },
  { needle: "Bashar al-Assad", type: "PERSON", canonical: "Bashar al-Assad", actorId: "assad" },
  {
    needle: "The Times of Malta",
    type: "ORG",
    canonical: "Times of Malta",
    actorId: "times-of-malta",
    category: "media",
  },
  {
    needle: "The Associated Press",
    type: "ORG",
    canonical: "Associated Press",
    actorId: "ap",
    category: "media",
  },
  { needle: "AP", type: "ORG", canonical: "Associated Press", actorId: "ap", category: "media" },
  { needle: "Newsweek", type: "ORG", canonical: "Newsweek", actorId: "newsweek", category: "media" },
  { needle: "Time", type: "ORG", canonical: "Time", actorId: "time-magazine", category: "media" },
  {
    needle: "Syrian Observatory for Human Rights",
    type: "ORG",
    canonical: "Syrian Observatory for Human Rights",
    actorId: "sohr",
  },
  { needle: "Hezbollah", type: "ORG", canonical: "Hezbollah", actorId: "hezbollah" },
  { needle: "SDF", type: "ORG", canonical: "Syrian Democratic Forces", actorId: "sdf" },
  { needle: "Syrian Democratic Forces", type: "ORG", canonical: "Syrian Democratic Forces", actorId: "sdf" },
  { needle: "U.S.", type: "GPE", canonical: "United States", actorId: "usa" },
  { needle: "US", type: "GPE", canonical: "United States", actorId: "usa" },
];

const PLACES: PlaceSpec[] = [
  { needle: "Albu Kamal", name: "Abu Kamal", feature: "city", geonameId: 170017 },
  { needle: "Syria", name: "Syria", feature: "country", geonameId: 163843 },
  { needle: "Iraq", name: "Iraq", feature: "country", geonameId: 99237 },
  { needle: "Raqqa", name: "Ar Raqqah", feature: "city", geonameId: 172955 },
  { needle: "Al-Qa'im", name: "Al Qa'im", feature: "city", geonameId: 99131 },
  { needle: "Deir Ezzor", name: "Deir ez-Zor", feature: "city", geonameId: 170794 },
  { needle: "Damascus", name: "Damascus", feature: "city", geonameId: 170654 },
  { needle: "Hmeimim", name: "Hmeimim Air Base", feature: "facility" },
];

const TIMES = [
  { needle: "Nov. 8", value: "2017-11-08" },
  { needle: "Nov. 9", value: "2017-11-09" },
  { needle: "In October", value: "2017-10" },
  { needle: "this week", value: "2017-W45" },
];

/** A seed page with its hand-made entity, place and time mentions. */
export function seedArticle(tokenizer: AnalysisComponent, file: string): Article {
  const text = seedText(file);
  // Longer names first win: "Syrian Army" over "Army"; drop mentions inside a longer one.
  const all = entities(text, ENTITIES);
  const kept = all.filter(
    (e) =>
      !all.some((o) => o !== e && o.start <= e.start && e.end <= o.end && o.end - o.start > e.end - e.start),
  );
  return articleOf(tokenizer, text, {
    entities: kept,
    places: places(text, PLACES),
    times: times(text, TIMES),
  });
}
