import { aliasText, type ActorDictionary } from "../entities/dictionary.js";
import { type Gazetteer, type GazetteerEntry, isAdminArea, isCountry } from "../places/gazetteer.js";
import type { NerKnowledge } from "./features.js";

/** The project's own knowledge the NER model reads as features; each part is optional. */
export interface NerKnowledgeSources {
  gazetteer?: Gazetteer;
  actors?: ActorDictionary;
}

/** Longest phrase looked up: "Bosnia and Herzegovina", "Democratic Republic of Congo" is 4 words. */
const MAX_PHRASE_WORDS = 4;

/** Population bands of towns: a big city's name is far more often a place than a hamlet's. */
const CITY_BANDS: readonly [number, string][] = [
  [1_000_000, "place:city1m"],
  [100_000, "place:city100k"],
  [10_000, "place:city10k"],
];

function placeClass(entry: GazetteerEntry): string {
  if (isCountry(entry)) return "place:country";
  if (isAdminArea(entry)) return entry.featureCode === "ADM1" ? "place:admin1" : "place:admin";
  if (entry.featureClass !== "P") return "place:other";
  for (const [population, name] of CITY_BANDS) if (entry.population >= population) return name;
  return "place:town";
}

/** A phrase's words joined by spaces, as its index key. */
function phraseKey(phrase: string): string {
  return phrase.toLowerCase();
}

/** Actor aliases and demonyms by lower-cased phrase, with the classes each one gives. */
function actorIndex(actors: ActorDictionary): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (surface: string, ...classes: string[]) => {
    const key = surface.toLowerCase();
    const set = index.get(key) ?? new Set<string>();
    for (const c of classes) set.add(c);
    index.set(key, set);
  };
  for (const actor of actors.actors) {
    for (const alias of actor.aliases)
      add(aliasText(alias), `actor:${actor.type}`, `actorcat:${actor.category}`);
    for (const acronym of actor.acronyms ?? [])
      add(aliasText(acronym), `actor:${actor.type}`, "actor:acronym");
  }
  for (const d of actors.demonyms) {
    add(d.demonym, "demonym");
    if (d.plural) add(d.plural, "demonym");
  }
  return index;
}

/**
 * Knowledge classes of phrases for the NER model: what kind of place the gazetteer knows by the
 * name (country, province, city by population band), which actor the dictionary knows by it,
 * whether it is a demonym. Phrases are whole words as tokenised; case is ignored.
 */
export function createNerKnowledge(sources: NerKnowledgeSources): NerKnowledge {
  const actors = sources.actors ? actorIndex(sources.actors) : new Map<string, Set<string>>();
  const gazetteer = sources.gazetteer;

  function classesOf(words: readonly string[]): readonly string[] {
    const phrase = words.join(" ");
    const out = new Set<string>(actors.get(phraseKey(phrase)));
    if (gazetteer) for (const entry of gazetteer.lookup(phrase)) out.add(placeClass(entry));
    return [...out];
  }

  return { classesOf, maxPhraseWords: MAX_PHRASE_WORDS };
}
