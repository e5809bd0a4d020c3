import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EntityType } from "../../model/index.js";

/** Names of the context checks an ambiguous alias may require; implemented in context.ts. */
export type ContextRule = "source" | "mixed-case";

/** An alias written as an object when it needs a case rule or a context check. */
export interface AliasSpec {
  text: string;
  caseSensitive?: boolean;
  requiresContext?: ContextRule[];
}

export type AliasEntry = string | AliasSpec;

/** One actor of data/actors/actors.json. */
export interface ActorEntry {
  id: string;
  canonical: string;
  type: EntityType;
  /** state, government, armed-forces, armed-group, party, agency, intl-body, court, media, person, ... */
  category: string;
  /** ISO 3166-1 alpha-2 code of the actor's country, when it has one. */
  country?: string;
  aliases: AliasEntry[];
  acronyms?: AliasEntry[];
  /** Applies to every alias of the entry. */
  caseSensitive?: boolean;
  /** Ids of actors allowed to share an alias with this one. */
  allowSharedWith?: string[];
  note?: string;
}

/** One row of data/actors/demonyms.json. */
export interface Demonym {
  demonym: string;
  plural?: string;
  country: string;
  countryName: string;
}

/** Word lists that type name candidates; data/actors/name-rules.json. */
export interface NameRules {
  personTitles: string[];
  orgHeads: string[];
  locHeads: string[];
  gpeHeads: string[];
  nameJoiners: string[];
  /** Joiners ("of", "for") that only join when the words before them end in an org or place head. */
  joinerNeedsHead: string[];
  namePrefixesWithHyphen: string[];
  nameParticles: string[];
  notNames: string[];
  sourceCuesBefore: string[];
  sourceCuesAfter: string[];
  appositiveRoles: string[];
  locativePrepositions: string[];
  possessiveSuffixes: string[];
}

export interface ActorDictionary {
  actors: ActorEntry[];
  demonyms: Demonym[];
  rules: NameRules;
}

/** data/actors/ at the package root, from src/analyze/entities/ or dist/analyze/entities/. */
export const DEFAULT_ACTORS_DIR = fileURLToPath(new URL("../../../data/actors/", import.meta.url));

const ENTITY_TYPES: readonly EntityType[] = ["PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"];

/** Reads actors.json, demonyms.json and name-rules.json; throws on a malformed file (a programmer error). */
export function loadActorDictionary(dir: string = DEFAULT_ACTORS_DIR): ActorDictionary {
  const actors = readJson<{ actors: ActorEntry[] }>(dir, "actors.json").actors;
  const demonyms = readJson<{ demonyms: Demonym[] }>(dir, "demonyms.json").demonyms;
  const rules = readJson<NameRules>(dir, "name-rules.json");
  actors.forEach(assertActor);
  return { actors, demonyms, rules };
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
}

function assertActor(actor: ActorEntry, index: number): void {
  const where = `actors.json entry ${index} (${actor.id ?? "no id"})`;
  if (!actor.id || !actor.canonical || !actor.category)
    throw new Error(`${where}: id, canonical and category are required`);
  if (!ENTITY_TYPES.includes(actor.type))
    throw new Error(`${where}: type must be one of ${ENTITY_TYPES.join(", ")}`);
  if (!Array.isArray(actor.aliases)) throw new Error(`${where}: aliases must be a list`);
}

export function aliasText(alias: AliasEntry): string {
  return typeof alias === "string" ? alias : alias.text;
}
