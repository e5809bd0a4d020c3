import type { EntityType } from "../../model/index.js";
import type { ActorDictionary, ActorEntry, AliasEntry, ContextRule, Demonym } from "./dictionary.js";
import { type CaseRule, type Phrase, PhraseIndex, type PhraseMatch } from "./phrases.js";

/** What a dictionary alias resolves to. */
export interface ActorRef {
  id: string;
  canonical: string;
  type: EntityType;
  category: string;
  country?: string;
  /** Where the actor comes from: the dictionary files, or this document (a rule-found name). */
  source: "actors" | "demonyms" | "document";
}

export interface AliasValue {
  actor: ActorRef;
  acronym: boolean;
  requiresContext: ContextRule[];
}

export type DictionaryMatch = PhraseMatch<AliasValue>;

/** Every alias, acronym and demonym of the dictionary, ready to match. */
export function compileAliases(dictionary: ActorDictionary): PhraseIndex<AliasValue> {
  const phrases: Phrase<AliasValue>[] = [];
  for (const actor of dictionary.actors) phrases.push(...actorPhrases(actor));
  for (const group of demonymActors(dictionary.demonyms)) phrases.push(...group);
  return new PhraseIndex(phrases);
}

function actorPhrases(actor: ActorEntry): Phrase<AliasValue>[] {
  const ref: ActorRef = {
    id: actor.id,
    canonical: actor.canonical,
    type: actor.type,
    category: actor.category,
    ...(actor.country ? { country: actor.country } : {}),
    source: "actors",
  };
  const aliases = actor.aliases.map((a) => toPhrase(a, ref, false, actor.caseSensitive ?? false));
  const acronyms = (actor.acronyms ?? []).map((a) => toPhrase(a, ref, true, true));
  return [...aliases, ...acronyms];
}

function toPhrase(
  alias: AliasEntry,
  actor: ActorRef,
  acronym: boolean,
  entryCase: boolean,
): Phrase<AliasValue> {
  const spec = typeof alias === "string" ? { text: alias } : alias;
  const exact = acronym || entryCase || spec.caseSensitive === true || isOneWord(spec.text);
  const caseRule: CaseRule = exact ? "exact" : "capital-kept";
  return {
    text: spec.text,
    caseRule,
    value: { actor, acronym, requiresContext: spec.requiresContext ?? [] },
  };
}

/** One-word aliases match case-sensitively: "Labour" the party, not "labour" the work. */
function isOneWord(text: string): boolean {
  return !/\s/.test(text);
}

/**
 * Demonyms become NORP actors, one per country ("Syrian", "Syrians" -> norp:sy); the canonical
 * name is the country's first demonym in the file.
 */
function demonymActors(demonyms: readonly Demonym[]): Phrase<AliasValue>[][] {
  const canonicalOf = new Map<string, string>();
  for (const d of demonyms) if (!canonicalOf.has(d.country)) canonicalOf.set(d.country, d.demonym);
  return demonyms.map((d) => {
    const actor: ActorRef = {
      id: `norp:${d.country.toLowerCase()}`,
      canonical: canonicalOf.get(d.country) ?? d.demonym,
      type: "NORP",
      category: "demonym",
      country: d.country,
      source: "demonyms",
    };
    const value: AliasValue = { actor, acronym: false, requiresContext: [] };
    const forms = d.plural ? [d.demonym, d.plural] : [d.demonym];
    return forms.map((text) => ({ text, caseRule: "exact" as const, value }));
  });
}
