import type { ActorDictionary, AliasEntry } from "./dictionary.js";

export interface ActorRef {
  actorId: string;
  canonical: string;
}

/**
 * Finds the actor a bare name stands for, outside running text (a credit line, a record's outlet
 * field): an exact match on the canonical name, an alias or an acronym. Case-sensitive aliases
 * ("AP", "Time") must match exactly; there is no context here to tell them apart from words.
 */
export function createActorLookup(dictionary: ActorDictionary): (name: string) => ActorRef | undefined {
  const exact = new Map<string, ActorRef>();
  const folded = new Map<string, ActorRef>();
  for (const actor of dictionary.actors) {
    const ref = { actorId: actor.id, canonical: actor.canonical };
    const listed: AliasEntry[] = [...actor.aliases, ...(actor.acronyms ?? [])];
    // The canonical name follows the case rule of the alias that spells it, when there is one.
    const canonicalListed = listed.some((e) => (typeof e === "string" ? e : e.text) === actor.canonical);
    const entries = canonicalListed ? listed : [actor.canonical, ...listed];
    for (const entry of entries) {
      const text = typeof entry === "string" ? entry : entry.text;
      const caseSensitive = actor.caseSensitive || (typeof entry !== "string" && entry.caseSensitive);
      if (!exact.has(text)) exact.set(text, ref);
      if (!caseSensitive && !folded.has(fold(text))) folded.set(fold(text), ref);
    }
  }
  return (name) => {
    const trimmed = name.trim();
    return (
      exact.get(trimmed) ?? folded.get(fold(trimmed)) ?? folded.get(fold(trimmed.replace(/^the\s+/i, "")))
    );
  };
}

function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ");
}
