import { readFileSync } from "node:fs";
import { objectAt, stringList } from "../data-shape.js";
import { DEFAULT_EVENT_DATA_DIR } from "./data.js";

/**
 * Cue phrases per sub-type (data/events/cues.json): how news usually words each kind of event
 * ("air strike", "tear gas", "polls opened"). The classifier turns "a cue of sub-type S occurs"
 * into one feature per sub-type, so a cue the training sentences never used still counts as
 * evidence for its sub-type.
 */

export interface EventCues {
  version: number;
  /** Sub-type id -> cue phrases, lower case, words separated by spaces. */
  cues: Record<string, string[]>;
}

export function loadEventCues(dir: URL = DEFAULT_EVENT_DATA_DIR): EventCues {
  return parseEventCues(JSON.parse(readFileSync(new URL("cues.json", dir), "utf8")) as unknown);
}

export function parseEventCues(value: unknown, where = "cues.json"): EventCues {
  const root = objectAt(value, where);
  if (typeof root.version !== "number") throw new Error(`${where}: expected a numeric version`);
  const byType = objectAt(root.cues, `${where}.cues`);
  const cues = Object.fromEntries(
    Object.entries(byType).map(([subType, list]) => [subType, stringList(list, `${where}.cues.${subType}`)]),
  );
  return { version: root.version, cues };
}

/** Sub-types of cues.json that the taxonomy does not know. */
export function checkCuesAgainst(subTypes: readonly string[], cues: EventCues): string[] {
  const known = new Set(subTypes);
  return Object.keys(cues.cues)
    .filter((s) => !known.has(s))
    .map((s) => `cues.json: sub-type ${s} is not in the taxonomy`);
}

/** One word of a sentence or a cue, in the forms a cue may match: the word itself and its lemma. */
export interface CueWord {
  lower: string;
  lemma: string;
}

export interface CueMatch {
  subType: string;
  cue: string;
  /** Index of the first matched word in the sentence's words. */
  at: number;
}

/** Finds the cues of a sentence, given its words; the cues are read once by the same reader. */
export type CueMatcher = (words: readonly CueWord[]) => CueMatch[];

interface CompiledCue {
  subType: string;
  cue: string;
  words: CueWord[];
}

export function createCueMatcher(cues: EventCues, read: (phrase: string) => CueWord[]): CueMatcher {
  const compiled: CompiledCue[] = Object.entries(cues.cues).flatMap(([subType, phrases]) =>
    phrases.map((cue) => ({ subType, cue, words: read(cue) })).filter((c) => c.words.length > 0),
  );
  const byFirst = groupByFirstForms(compiled);
  return (words) =>
    words.flatMap((_, at) =>
      candidatesAt(byFirst, words[at] as CueWord)
        .filter((c) => matchesAt(c.words, words, at))
        .map((c) => ({ subType: c.subType, cue: c.cue, at })),
    );
}

/** Index of cues by both forms of their first word, so matching a sentence is one lookup a word. */
function groupByFirstForms(compiled: readonly CompiledCue[]): Map<string, CompiledCue[]> {
  const index = new Map<string, CompiledCue[]>();
  for (const cue of compiled) {
    const first = cue.words[0] as CueWord;
    for (const form of new Set([first.lower, first.lemma]))
      index.set(form, [...(index.get(form) ?? []), cue]);
  }
  return index;
}

function candidatesAt(index: Map<string, CompiledCue[]>, word: CueWord): CompiledCue[] {
  const found = [...(index.get(word.lower) ?? []), ...(index.get(word.lemma) ?? [])];
  return [...new Set(found)];
}

function matchesAt(cue: readonly CueWord[], words: readonly CueWord[], at: number): boolean {
  return cue.every((c, i) => {
    const w = words[at + i];
    return w !== undefined && sameWord(c, w);
  });
}

/** A cue word matches a sentence word when either form of one equals either form of the other. */
function sameWord(a: CueWord, b: CueWord): boolean {
  return a.lower === b.lower || a.lemma === b.lemma || a.lower === b.lemma || a.lemma === b.lower;
}
