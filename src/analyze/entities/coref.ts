import type { ActorRef } from "./matcher.js";
import type { Mention } from "./mention.js";
import { normaliseApostrophes, slug, type TokenizedText } from "./text.js";

interface PersonCluster {
  actor: ActorRef;
  parts: Set<string>;
  last: string;
  /** Surfaces of full names seen, for choosing the canonical name of a document-local person. */
  names: string[];
  dictionary: boolean;
}

/** Name parts for matching: "Bashar al-Assad" and "Bashar Assad" are both {bashar, assad}. */
export function nameParts(surface: string, particles: ReadonlySet<string>): string[] {
  return normaliseApostrophes(surface)
    .toLowerCase()
    .split(/[\s-]+/)
    .map((p) => p.replace(/[^\p{L}\p{N}']/gu, ""))
    .filter((p) => p.length > 0 && !particles.has(p));
}

/**
 * Merges the people of one document: full names make clusters, and shorter forms ("Assad",
 * "President Assad") join the cluster whose name they are part of. Weak or untyped single
 * words that are a known surname become PERSON too.
 */
export function mergePeople(
  doc: TokenizedText,
  mentions: readonly Mention[],
  particles: ReadonlySet<string>,
): Mention[] {
  const surface = (m: Mention) => doc.text.slice(m.start, m.end);
  const clusters: PersonCluster[] = [];
  const isPersonish = (m: Mention) => m.type === "PERSON";
  const byLength = mentions
    .filter(isPersonish)
    .sort(
      (a, b) =>
        nameParts(surface(b), particles).length - nameParts(surface(a), particles).length ||
        a.start - b.start,
    );
  const clusterOf = new Map<Mention, PersonCluster>();
  for (const m of byLength) clusterOf.set(m, joinOrCreate(clusters, m, surface(m), particles));
  return mentions.map((m) => {
    const cluster = clusterOf.get(m) ?? surnameCluster(clusters, m, surface(m), particles);
    if (!cluster) return m;
    const canonical = cluster.dictionary ? cluster.actor.canonical : longestName(cluster.names);
    const actor = { ...cluster.actor, canonical };
    if (m.type === "PERSON") return { ...m, actor };
    return { ...m, type: "PERSON", actor, method: "coref:name-part", weak: false };
  });
}

function joinOrCreate(
  clusters: PersonCluster[],
  m: Mention,
  name: string,
  particles: ReadonlySet<string>,
): PersonCluster {
  const parts = nameParts(name, particles);
  const last = parts[parts.length - 1] ?? "";
  const existing =
    (m.actor && clusters.find((c) => c.actor.id === m.actor?.id)) ??
    (!m.actor ? clusters.find((c) => c.last === last && parts.every((p) => c.parts.has(p))) : undefined);
  if (existing) {
    if (parts.length > 1) existing.names.push(name);
    for (const p of parts) existing.parts.add(p);
    return existing;
  }
  const actor: ActorRef = m.actor ?? {
    id: `person:${slug(name)}`,
    canonical: name,
    type: "PERSON",
    category: "person",
    source: "document",
  };
  const dictionary = m.actor !== undefined;
  const canonicalParts = dictionary ? nameParts(actor.canonical, particles) : parts;
  const cluster: PersonCluster = {
    actor,
    parts: new Set([...canonicalParts, ...parts]),
    last: canonicalParts[canonicalParts.length - 1] ?? last,
    names: [name],
    dictionary,
  };
  clusters.push(cluster);
  return cluster;
}

/** An untyped single capitalised word equal to a known person's surname ("Smith said ..."). */
function surnameCluster(
  clusters: readonly PersonCluster[],
  m: Mention,
  name: string,
  particles: ReadonlySet<string>,
): PersonCluster | undefined {
  if (m.actor || m.firstToken !== m.lastToken || !(m.type === "MISC" || m.weak)) return undefined;
  const parts = nameParts(name, particles);
  if (parts.length !== 1) return undefined;
  return clusters.find((c) => c.last === parts[0]);
}

function longestName(names: readonly string[]): string {
  return names.reduce((best, n) =>
    n.split(/\s+/).length > best.split(/\s+/).length ||
    (n.split(/\s+/).length === best.split(/\s+/).length && n.length > best.length)
      ? n
      : best,
  );
}

/**
 * Links acronyms to their expansion in this document: "National Electoral Council (CNE)", an
 * acronym whose letters are the initials of an organisation named in the text, or a dictionary
 * acronym whose actor is also named in full.
 */
export function linkAcronyms(
  doc: TokenizedText,
  mentions: readonly Mention[],
  stopWords: ReadonlySet<string>,
): Mention[] {
  const surface = (m: Mention) => doc.text.slice(m.start, m.end);
  const expansions = mentions.filter((m) => !m.acronym && m.type === "ORG" && m.firstToken < m.lastToken);
  const namedInFull = new Set(mentions.filter((m) => !m.acronym && m.actor).map((m) => m.actor?.id));
  const linked = new Map<string, Mention>();
  for (const m of mentions) {
    if (!m.acronym || m.actor?.source === "actors") continue;
    const target =
      parenthesisedAfter(doc, expansions, m) ??
      expansions.find((e) => initials(surface(e), stopWords) === letters(surface(m)));
    if (target) linked.set(surface(m), target);
  }
  return mentions.map((m) => {
    if (!m.acronym) return m;
    if (m.actor?.source === "actors")
      return namedInFull.has(m.actor.id) ? { ...m, expansion: m.actor.canonical } : m;
    const target = linked.get(surface(m));
    if (!target) return m;
    const actor = target.actor ?? localActor(target, surface(target));
    return { ...m, type: target.type, actor, expansion: actor.canonical, method: "rule:acronym-expansion" };
  });
}

/** The organisation written just before "(ACR)". */
function parenthesisedAfter(
  doc: TokenizedText,
  expansions: readonly Mention[],
  acronym: Mention,
): Mention | undefined {
  const open = doc.tokens[acronym.firstToken - 1];
  if (open?.text !== "(") return undefined;
  return expansions.find((e) => e.lastToken === acronym.firstToken - 2);
}

function initials(name: string, stopWords: ReadonlySet<string>): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w.length > 0 && !stopWords.has(w.toLowerCase()))
    .map((w) => w.charAt(0).toUpperCase())
    .join("");
}

function letters(acronym: string): string {
  return acronym.replace(/[^\p{L}]/gu, "").toUpperCase();
}

/** The actor a rule-typed mention stands for in this document: "org:national-electoral-council". */
export function localActor(m: Mention, name: string): ActorRef {
  const prefix = { PERSON: "person", ORG: "org", GPE: "place", LOC: "place", NORP: "norp", MISC: "misc" }[
    m.type
  ];
  return {
    id: `${prefix}:${slug(name)}`,
    canonical: name,
    type: m.type,
    category: "unknown",
    source: "document",
  };
}
