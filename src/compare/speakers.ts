import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_ACTORS_DIR } from "../analyze/entities/dictionary.js";
import { SPEAKER_KINDS, type Speaker, type SpeakerKind } from "../model/index.js";

export { SPEAKER_KINDS, type SpeakerKind } from "../model/index.js";

/** data/actors/speaker-kinds.json, with its phrases split into lower-case words. */
export interface SpeakerKindTable {
  /** Actor dictionary category -> kind; a category not listed (e.g. "person") says nothing. */
  categories: ReadonlyMap<string, SpeakerKind>;
  /** Phrases that make a description of an unnamed speaker "unnamed": "a source", "not authorized". */
  anonymityMarkers: readonly (readonly string[])[];
  /** Role words, each with its kind. */
  roleWords: readonly { words: readonly string[]; kind: SpeakerKind }[];
}

/** What the classifier needs to know: the table, and the dictionary category of an actor id. */
export interface SpeakerLookup {
  kinds: SpeakerKindTable;
  categoryOf: (actorId: string) => string | undefined;
}

interface SpeakerKindsFile {
  kinds: string[];
  categories: Record<string, string>;
  anonymityMarkers: string[];
  roleWords: Record<string, string[]>;
}

/** Reads speaker-kinds.json; throws on a kind that is not a SpeakerKind (a programmer error). */
export function loadSpeakerKinds(dir: string = DEFAULT_ACTORS_DIR): SpeakerKindTable {
  const file = JSON.parse(readFileSync(join(dir, "speaker-kinds.json"), "utf8")) as SpeakerKindsFile;
  file.kinds.forEach(asKind);
  const categories = new Map(
    Object.entries(file.categories).map(([category, kind]) => [category, asKind(kind)]),
  );
  const roleWords = Object.entries(file.roleWords).flatMap(([kind, phrases]) =>
    phrases.map((phrase) => ({ words: wordsOf(phrase), kind: asKind(kind) })),
  );
  return { categories, anonymityMarkers: file.anonymityMarkers.map(wordsOf), roleWords };
}

function asKind(value: string): SpeakerKind {
  const kind = SPEAKER_KINDS.find((k) => k === value);
  if (!kind) throw new Error(`speaker-kinds.json: "${value}" is not a speaker kind`);
  return kind;
}

/** A lookup over the actor dictionary's entries (`loadActorDictionary().actors`). */
export function createSpeakerLookup(
  actors: readonly { id: string; category: string }[],
  kinds: SpeakerKindTable,
): SpeakerLookup {
  const categories = new Map(actors.map((actor) => [actor.id, actor.category]));
  return { kinds, categoryOf: (actorId) => categories.get(actorId) };
}

/**
 * The kind of a quoted or cited speaker. In order: no speaker is "unnamed"; a description with a
 * mark of anonymity ("a source close to", "not authorized to speak") is "unnamed"; a named actor
 * takes its dictionary category's kind; then the words of its role and text ("army spokesman",
 * "General ..."), the longest match winning; then the category of the body it speaks for
 * ("a spokesman for the UN"). What is still unknown is "unnamed" for a description and "other"
 * for a name.
 */
export function speakerKind(speaker: Speaker | undefined, lookup: SpeakerLookup): SpeakerKind {
  if (!speaker || speaker.text.trim() === "") return "unnamed";
  const named = isNamedSpeaker(speaker);
  const words = [...wordsOf(speaker.role ?? ""), "|", ...wordsOf(speaker.text)];
  if (!named && lookup.kinds.anonymityMarkers.some((marker) => containsPhrase(words, marker)))
    return "unnamed";
  return (
    (named ? kindOfActor(speaker.actorId, lookup) : undefined) ??
    kindOfRole(words, lookup.kinds) ??
    kindOfActor(speaker.affiliation?.actorId, lookup) ??
    (named ? "other" : "unnamed")
  );
}

/**
 * A speaker with a name of its own: a description ("a spokesman for the air base") takes its
 * body's actor id, so an id equal to the affiliation's, or none, marks a description.
 */
export function isNamedSpeaker(speaker: Speaker): boolean {
  return speaker.actorId !== undefined && speaker.actorId !== speaker.affiliation?.actorId;
}

/**
 * The kind a bare name says by itself (a credit line's "Newsweek", "UN OCHA"): its actor's
 * category, else its role words; undefined when neither tells.
 */
export function kindOfName(
  name: string,
  actorId: string | undefined,
  lookup: SpeakerLookup,
): SpeakerKind | undefined {
  return kindOfActor(actorId, lookup) ?? kindOfRole(wordsOf(name), lookup.kinds);
}

function kindOfActor(actorId: string | undefined, lookup: SpeakerLookup): SpeakerKind | undefined {
  const category = actorId === undefined ? undefined : lookup.categoryOf(actorId);
  return category === undefined ? undefined : lookup.kinds.categories.get(category);
}

/**
 * The kind of the longest role phrase found; on a tie, the earliest one, since a role's head
 * comes first ("an analyst at the ministry" is an analyst).
 */
function kindOfRole(words: readonly string[], table: SpeakerKindTable): SpeakerKind | undefined {
  let best: { length: number; at: number; kind: SpeakerKind } | undefined;
  for (const entry of table.roleWords) {
    const at = phraseIndex(words, entry.words);
    if (at < 0) continue;
    const length = entry.words.length;
    if (!best || length > best.length || (length === best.length && at < best.at))
      best = { length, at, kind: entry.kind };
  }
  return best?.kind;
}

/** Lower-case words; dots inside acronyms go ("U.N." -> "un", "U.S.-led" -> "us", "led"). */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\./g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  return phraseIndex(words, phrase) >= 0;
}

/** Where the phrase first occurs as whole words (-1 if not); its last word may take a plural -s or -es. */
function phraseIndex(words: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0) return -1;
  const last = phrase.length - 1;
  const matchesAt = (start: number) =>
    phrase.every((word, i) => {
      const found = words[start + i];
      return found === word || (i === last && (found === `${word}s` || found === `${word}es`));
    });
  for (let start = 0; start + phrase.length <= words.length; start++) if (matchesAt(start)) return start;
  return -1;
}
