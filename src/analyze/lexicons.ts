import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { PlaceFeature } from "../model/index.js";

/**
 * Typed loaders for the word lists in `data/lexicons/`. Each `parse*` function checks a JSON
 * value and returns the typed lexicon (throwing on a malformed file: that is a packaging bug,
 * not a problem of the article); each `load*` function reads the shipped file.
 *
 * Words and phrases are matched on a token's lower-cased text or lemma; a phrase is a list of
 * space-separated words where "*" stands for a short gap.
 */

/** The folder of the shipped lexicons; `../../data` holds from both `src/analyze` and `dist/analyze`. */
export const DEFAULT_LEXICON_DIR = new URL("../../data/lexicons/", import.meta.url);

export interface SourcePhrase {
  /** Words before the source, e.g. "according to". */
  phrase: string;
  /** Cue recorded on the attribution, e.g. "according to". */
  cue: string;
}

export interface ReportingLexicon {
  /** Lemmas of verbs that introduce speech: "say", "tell", "declare". */
  speechVerbs: string[];
  /** Lemmas of verbs that cite a source of information when their subject is named: "report", "note". */
  attributionVerbs: string[];
  /** Phrases followed by a source: "according to", "told". */
  sourcePhrases: SourcePhrase[];
  /** Nouns that make a noun phrase a speaker's role: "spokesman", "minister". */
  roleNouns: string[];
  /** Words that may precede a name as a title: "general", "gen.", "president". */
  titles: string[];
  pronouns: string[];
}

export type EventTargetSlot = "after" | "gap" | "none";

export interface EventTrigger {
  /** Words of the trigger, e.g. "clean out", "declare * clear of". */
  pattern: string;
  /** Normalised action, e.g. "capture". */
  action: string;
  /** A verb trigger takes a subject; a noun trigger takes modifiers ("Russian air strikes"). */
  kind: "verb" | "noun";
  /** Where the target is read: after the trigger, inside its gap ("declared it clear"), or nowhere. */
  target?: EventTargetSlot;
  /** The target is a place: "the town" or "it" resolves to a place of the article. */
  placeTarget?: boolean;
  /** Drop the event when no target is found ("took" alone is too vague to be a capture). */
  requiresTarget?: boolean;
  /** The grammatical subject is the target, not the actor ("the town fell to X", "X died"). */
  subjectIsTarget?: boolean;
  /** The actor follows the trigger ("fell to the army"). */
  actorAfter?: boolean;
  /** A noun trigger that is an event on its own, without actor or target ("earthquake"). */
  standalone?: boolean;
  /** Only an event when a court noun is in the subject ("the court ruled"). */
  requiresCourt?: boolean;
  /** Words that, right after the trigger, mean another sense ("took off"). */
  notFollowedBy?: string[];
}

export interface EventLexicon {
  /**
   * Nouns that name a kind of place, with the place features they can refer to: "the town" with
   * no name points at the article's main city, "the province" at its main province.
   */
  placeNouns: Record<string, PlaceFeature[]>;
  /** Nouns that make a subject a court ("the court ruled"). */
  courtNouns: string[];
  triggers: EventTrigger[];
}

export interface FramingEntry {
  term: string;
  /** "pejorative-label", "delegitimising", "emotive", "partisan-label", "euphemism", ... */
  category: string;
  note: string;
}

export interface FramingLexicon {
  entries: FramingEntry[];
  /**
   * Weight of each category in a sentence's loaded score, in [0, 1]. A category without a
   * weight does not count toward the score (its words are still tagged).
   */
  weights: Record<string, number>;
}

/** What a label names: an actor ("regime", "terrorists") or an actor's deed ("liberation"). */
export type LabelKind = "actor" | "deed";

/** How a label standing alone finds its actor. */
export type LabelAntecedent = "main" | "recent";

export interface LabelEntry {
  /** The label's words, e.g. "regime", "freedom fighters", "liberation". */
  term: string;
  /** "pejorative", "neutral", "legitimising", "sympathetic". */
  category: string;
  kind: LabelKind;
  /** Actor-dictionary categories the label can name ("state", "armed-group"); empty for deeds. */
  actors: string[];
  /**
   * A label standing alone ("the regime", "the militants") names the most mentioned actor of a
   * fitting category ("main") or the last one named before it ("recent").
   */
  antecedent: LabelAntecedent;
  /** The group a label names when no dictionary actor fits ("rioters" and "protesters": "protesters"). */
  group?: string;
  /** A deed label counts only on an event trigger: "fall" is also a season. */
  requiresEvent: boolean;
  note: string;
}

export interface LabelLexicon {
  labels: LabelEntry[];
  /** Weight of each label category in a sentence's loaded score; "neutral" should weigh 0. */
  weights: Record<string, number>;
}

/** Environment variable naming a folder of user lexicons merged over the shipped ones. */
export const USER_LEXICONS_ENV = "PARALLAX_LEXICONS";

export function parseReportingLexicon(json: unknown): ReportingLexicon {
  const value = asObject(json, "reporting");
  return {
    speechVerbs: stringList(value, "speechVerbs", "reporting"),
    attributionVerbs: stringList(value, "attributionVerbs", "reporting"),
    sourcePhrases: objectList(value, "sourcePhrases", "reporting").map((entry) => ({
      phrase: stringField(entry, "phrase", "reporting.sourcePhrases"),
      cue: stringField(entry, "cue", "reporting.sourcePhrases"),
    })),
    roleNouns: stringList(value, "roleNouns", "reporting"),
    titles: stringList(value, "titles", "reporting"),
    pronouns: stringList(value, "pronouns", "reporting"),
  };
}

const TARGET_SLOTS: readonly EventTargetSlot[] = ["after", "gap", "none"];

export function parseEventLexicon(json: unknown): EventLexicon {
  const value = asObject(json, "events");
  return {
    placeNouns: placeNounMap(asObject(value.placeNouns, "events.placeNouns")),
    courtNouns: stringList(value, "courtNouns", "events"),
    triggers: objectList(value, "triggers", "events").map(parseTrigger),
  };
}

function parseTrigger(entry: Record<string, unknown>): EventTrigger {
  const where = `events.triggers "${String(entry.pattern)}"`;
  const kind = stringField(entry, "kind", where);
  if (kind !== "verb" && kind !== "noun") throw new Error(`lexicon ${where}: kind must be "verb" or "noun"`);
  const target = entry.target ?? "after";
  if (!TARGET_SLOTS.includes(target as EventTargetSlot)) {
    throw new Error(`lexicon ${where}: target must be one of ${TARGET_SLOTS.join(", ")}`);
  }
  return {
    pattern: stringField(entry, "pattern", where),
    action: stringField(entry, "action", where),
    kind,
    target: target as EventTargetSlot,
    placeTarget: entry.placeTarget === true,
    requiresTarget: entry.requiresTarget === true,
    subjectIsTarget: entry.subjectIsTarget === true,
    actorAfter: entry.actorAfter === true,
    standalone: entry.standalone === true,
    requiresCourt: entry.requiresCourt === true,
    notFollowedBy: entry.notFollowedBy === undefined ? [] : stringList(entry, "notFollowedBy", where),
  };
}

const PLACE_FEATURES: readonly PlaceFeature[] = [
  "country",
  "admin1",
  "admin2",
  "city",
  "region",
  "facility",
  "water",
  "other",
];

function placeNounMap(value: Record<string, unknown>): Record<string, PlaceFeature[]> {
  const map: Record<string, PlaceFeature[]> = {};
  for (const noun of Object.keys(value)) {
    const features = stringList(value, noun, "events.placeNouns");
    const unknown = features.filter((f) => !PLACE_FEATURES.includes(f as PlaceFeature));
    if (unknown.length > 0) {
      throw new Error(`lexicon events.placeNouns "${noun}": unknown features ${unknown.join(", ")}`);
    }
    map[noun.toLowerCase()] = features as PlaceFeature[];
  }
  return map;
}

export function parseFramingLexicon(json: unknown): FramingLexicon {
  const value = asObject(json, "framing");
  return {
    entries: objectList(value, "entries", "framing").map((entry) => ({
      term: stringField(entry, "term", "framing.entries"),
      category: stringField(entry, "category", "framing.entries"),
      note: stringField(entry, "note", "framing.entries"),
    })),
    weights: weightMap(value.weights, "framing.weights"),
  };
}

const LABEL_KINDS: readonly LabelKind[] = ["actor", "deed"];
const ANTECEDENTS: readonly LabelAntecedent[] = ["main", "recent"];

export function parseLabelLexicon(json: unknown): LabelLexicon {
  const value = asObject(json, "labels");
  return {
    labels: objectList(value, "labels", "labels").map(parseLabel),
    weights: weightMap(value.weights, "labels.weights"),
  };
}

function parseLabel(entry: Record<string, unknown>): LabelEntry {
  const where = `labels.labels "${String(entry.term)}"`;
  const kind = entry.kind ?? "actor";
  if (!LABEL_KINDS.includes(kind as LabelKind))
    throw new Error(`lexicon ${where}: kind must be "actor" or "deed"`);
  const antecedent = entry.antecedent ?? "main";
  if (!ANTECEDENTS.includes(antecedent as LabelAntecedent)) {
    throw new Error(`lexicon ${where}: antecedent must be "main" or "recent"`);
  }
  const actors = entry.actors === undefined ? [] : stringList(entry, "actors", where);
  if (kind === "actor" && actors.length === 0 && entry.group === undefined) {
    throw new Error(`lexicon ${where}: an actor label needs "actors" or a "group"`);
  }
  return {
    term: stringField(entry, "term", where),
    category: stringField(entry, "category", where),
    kind: kind as LabelKind,
    actors,
    antecedent: antecedent as LabelAntecedent,
    ...(entry.group === undefined ? {} : { group: stringField(entry, "group", where) }),
    requiresEvent: entry.requiresEvent === true,
    note: stringField(entry, "note", where),
  };
}

/** Category weights in [0, 1]; absent means none. */
function weightMap(json: unknown, where: string): Record<string, number> {
  if (json === undefined) return {};
  const value = asObject(json, where);
  const weights: Record<string, number> = {};
  for (const [category, weight] of Object.entries(value)) {
    if (category.startsWith("$")) continue;
    if (typeof weight !== "number" || weight < 0 || weight > 1) {
      throw new Error(`lexicon ${where} "${category}": a weight must be a number in [0, 1]`);
    }
    weights[category] = weight;
  }
  return weights;
}

/**
 * A user's lexicon merged over ours: an entry with the same term (any case) replaces ours, new
 * terms are added, and the user's weights replace ours category by category.
 */
export function mergeFramingLexicons(base: FramingLexicon, extra: FramingLexicon): FramingLexicon {
  return {
    entries: mergeByTerm(base.entries, extra.entries),
    weights: { ...base.weights, ...extra.weights },
  };
}

export function mergeLabelLexicons(base: LabelLexicon, extra: LabelLexicon): LabelLexicon {
  return { labels: mergeByTerm(base.labels, extra.labels), weights: { ...base.weights, ...extra.weights } };
}

function mergeByTerm<T extends { term: string }>(base: readonly T[], extra: readonly T[]): T[] {
  const replaced = new Set(extra.map((entry) => entry.term.toLowerCase()));
  return [...base.filter((entry) => !replaced.has(entry.term.toLowerCase())), ...extra];
}

/** A user lexicon folder (`--lexicons DIR` or $PARALLAX_LEXICONS) as a URL; none for an empty path. */
export function userLexiconDir(path: string | undefined): URL | undefined {
  const dir = path?.trim();
  if (!dir) return undefined;
  const url = pathToFileURL(resolve(dir));
  return new URL(`${url.href}/`);
}

export function loadReportingLexicon(dir: URL = DEFAULT_LEXICON_DIR): ReportingLexicon {
  return parseReportingLexicon(readJson(dir, "reporting.json"));
}

export function loadEventLexicon(dir: URL = DEFAULT_LEXICON_DIR): EventLexicon {
  return parseEventLexicon(readJson(dir, "events.json"));
}

/**
 * The shipped framing lexicon; with `userDir`, its framing.json (when there is one) is merged
 * over ours (see mergeFramingLexicons).
 */
export function loadFramingLexicon(dir: URL = DEFAULT_LEXICON_DIR, userDir?: URL): FramingLexicon {
  const base = parseFramingLexicon(readJson(dir, "framing.json"));
  const extra = userDir && readOptionalJson(userDir, "framing.json");
  return extra === undefined ? base : mergeFramingLexicons(base, parseFramingLexicon(extra));
}

/** The shipped actor-label lexicon, with a user's labels.json merged over it when `userDir` has one. */
export function loadLabelLexicon(dir: URL = DEFAULT_LEXICON_DIR, userDir?: URL): LabelLexicon {
  const base = parseLabelLexicon(readJson(dir, "labels.json"));
  const extra = userDir && readOptionalJson(userDir, "labels.json");
  return extra === undefined ? base : mergeLabelLexicons(base, parseLabelLexicon(extra));
}

function readJson(dir: URL, file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, dir), "utf8"));
}

function readOptionalJson(dir: URL, file: string): unknown {
  const url = new URL(file, dir);
  return existsSync(url) ? JSON.parse(readFileSync(url, "utf8")) : undefined;
}

function asObject(json: unknown, where: string): Record<string, unknown> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new Error(`lexicon ${where}: expected a JSON object`);
  }
  return json as Record<string, unknown>;
}

function stringField(value: Record<string, unknown>, key: string, where: string): string {
  const field = value[key];
  if (typeof field !== "string" || field.trim() === "") {
    throw new Error(`lexicon ${where}: "${key}" must be a non-empty string`);
  }
  return field;
}

function stringList(value: Record<string, unknown>, key: string, where: string): string[] {
  const list = value[key];
  if (!Array.isArray(list) || list.some((item) => typeof item !== "string" || item.trim() === "")) {
    throw new Error(`lexicon ${where}: "${key}" must be a list of non-empty strings`);
  }
  return list.map((item: string) => item.toLowerCase());
}

function objectList(value: Record<string, unknown>, key: string, where: string): Record<string, unknown>[] {
  const list = value[key];
  if (!Array.isArray(list)) throw new Error(`lexicon ${where}: "${key}" must be a list`);
  return list.map((item) => asObject(item, `${where}.${key}`));
}
