import { readFileSync } from "node:fs";
import { numberRecord, objectAt, stringList } from "../data-shape.js";

/**
 * Typed loader for data/events/actions.json: how the event reporter reads each action of the
 * trigger lexicon (which mentions tell one happening, which side the actor is on, which
 * sub-types the action makes likely). A malformed file throws naming its place: a packaging bug.
 */

export const DEFAULT_ACTIONS_FILE = new URL("../../../data/events/actions.json", import.meta.url);

/** The mention's actor is the one who acts (actor1) or the one acted upon (actor2: defenders, those who withdraw). */
export type ActorRole = "actor1" | "actor2";

export interface EventAction {
  /** Mentions of one happening share a group: "entered", "captured", "declared it clear" are "territory". */
  group: string;
  /** A killing or a death joins a report of any group told in the same sentence or at the same place and time. */
  joinsAny: boolean;
  role: ActorRole;
  /** Likely sub-types and their weights. */
  subTypes: Record<string, number>;
  /** The same, per side of the actor ("state", "non-state"), when the side changes the sub-type. */
  bySide: Record<string, Record<string, number>>;
  /** The same, per category of the one acted upon: an attack on protesters is excessive force. */
  byTarget: Record<string, Record<string, number>>;
  /** The happening has no actors (an earthquake, a train crash): ACLED gives a disaster none. */
  noActors: boolean;
  /** Name of the crowd (actorWords.crowds) that acts when no one is named: "thousands marched" are Protesters. */
  crowd?: string;
}

/** A crowd ACLED names by what it does, after the event's country: "Protesters (Kenya)". */
export interface CrowdWords {
  name: string;
  category: string;
  /** Nouns that name it: "protesters", "demonstrators". */
  words: string[];
}

/** Which words name no actor, and how victims named only by words are called (ACLED: civilians). */
export interface ActorWords {
  /** Determiners, pronouns, quantifiers and number words: a phrase of these alone names nobody. */
  notActors: string[];
  /** Nouns naming the happening itself ("earthquake", "explosion"): never its actor. */
  eventNouns: string[];
  /** Nouns naming people in general ("people", "residents"): as victims, civilians. */
  peopleNouns: string[];
  /** Name and dictionary category given to such victims; the event's country is added to the name. */
  civilians: { name: string; category: string };
  /** Weapons and munitions ("a car bomb", "artillery"): a weapon is no actor. */
  instrumentNouns: string[];
  /** Crowds named by what they do. */
  crowds: CrowdWords[];
}

export interface EventActions {
  /** Side name -> actor dictionary categories on that side. */
  sides: Record<string, string[]>;
  /** Actions that make allies, not events ("backed by"). */
  associationActions: string[];
  /** Words before an ally's name: "backed by", "aligned with". */
  allyCues: string[];
  /** Words before a place that make the place approximate: "near", "outskirts of". */
  nearCues: string[];
  actorWords: ActorWords;
  actions: Record<string, EventAction>;
}

const NO_ACTOR_WORDS: ActorWords = {
  notActors: [],
  eventNouns: [],
  peopleNouns: [],
  civilians: { name: "Civilians", category: "civilians" },
  instrumentNouns: [],
  crowds: [],
};

export function loadEventActions(file: URL = DEFAULT_ACTIONS_FILE): EventActions {
  return parseEventActions(JSON.parse(readFileSync(file, "utf8")) as unknown);
}

export function parseEventActions(value: unknown, where = "actions.json"): EventActions {
  const root = objectAt(value, where);
  const sides = objectAt(root.sides, `${where}.sides`);
  const actions = objectAt(root.actions, `${where}.actions`);
  return {
    sides: Object.fromEntries(
      Object.entries(sides).map(([side, list]) => [side, stringList(list, `${where}.sides.${side}`)]),
    ),
    associationActions: stringList(root.associationActions, `${where}.associationActions`),
    allyCues: stringList(root.allyCues, `${where}.allyCues`),
    nearCues: stringList(root.nearCues, `${where}.nearCues`),
    actorWords:
      root.actorWords === undefined
        ? NO_ACTOR_WORDS
        : parseActorWords(root.actorWords, `${where}.actorWords`),
    actions: Object.fromEntries(
      Object.entries(actions).map(([name, a]) => [name, parseAction(a, `${where}.actions.${name}`)]),
    ),
  };
}

function parseActorWords(value: unknown, where: string): ActorWords {
  const node = objectAt(value, where);
  const civilians = objectAt(node.civilians, `${where}.civilians`);
  if (typeof civilians.name !== "string" || typeof civilians.category !== "string")
    throw new Error(`${where}.civilians: expected a name and a category`);
  const lower = (list: string[]) => list.map((w) => w.toLowerCase());
  return {
    notActors: lower(stringList(node.notActors, `${where}.notActors`)),
    eventNouns: lower(stringList(node.eventNouns, `${where}.eventNouns`)),
    peopleNouns: lower(stringList(node.peopleNouns, `${where}.peopleNouns`)),
    civilians: { name: civilians.name, category: civilians.category },
    instrumentNouns:
      node.instrumentNouns === undefined
        ? []
        : lower(stringList(node.instrumentNouns, `${where}.instrumentNouns`)),
    crowds: node.crowds === undefined ? [] : parseCrowds(node.crowds, `${where}.crowds`),
  };
}

function parseCrowds(value: unknown, where: string): CrowdWords[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list`);
  return value.map((item, i) => {
    const node = objectAt(item, `${where}[${i}]`);
    if (typeof node.name !== "string" || typeof node.category !== "string")
      throw new Error(`${where}[${i}]: expected a name and a category`);
    const words = stringList(node.words, `${where}[${i}].words`).map((w) => w.toLowerCase());
    return { name: node.name, category: node.category, words };
  });
}

function parseAction(value: unknown, where: string): EventAction {
  const node = objectAt(value, where);
  if (typeof node.group !== "string" || node.group === "") throw new Error(`${where}.group: expected a name`);
  const role = node.role ?? "actor1";
  if (role !== "actor1" && role !== "actor2") throw new Error(`${where}.role: expected actor1 or actor2`);
  const bySide = node.bySide === undefined ? {} : objectAt(node.bySide, `${where}.bySide`);
  const byTarget = node.byTarget === undefined ? {} : objectAt(node.byTarget, `${where}.byTarget`);
  if (node.crowd !== undefined && typeof node.crowd !== "string")
    throw new Error(`${where}.crowd: expected a name`);
  return {
    group: node.group,
    joinsAny: node.joinsAny === true,
    role,
    subTypes: numberRecord(node.subTypes, `${where}.subTypes`),
    bySide: Object.fromEntries(
      Object.entries(bySide).map(([side, w]) => [side, numberRecord(w, `${where}.bySide.${side}`)]),
    ),
    byTarget: Object.fromEntries(
      Object.entries(byTarget).map(([cat, w]) => [cat, numberRecord(w, `${where}.byTarget.${cat}`)]),
    ),
    noActors: node.noActors === true,
    ...(typeof node.crowd === "string" ? { crowd: node.crowd } : {}),
  };
}

/** Problems of the actions file against the taxonomy's sub-type ids and its own side names. */
export function checkActionsAgainst(actions: EventActions, subTypeIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const [name, action] of Object.entries(actions.actions)) {
    for (const id of Object.keys(action.subTypes))
      if (!subTypeIds.has(id)) problems.push(`${name}: unknown sub-type ${id}`);
    for (const [side, weights] of Object.entries(action.bySide)) {
      if (!(side in actions.sides)) problems.push(`${name}: unknown side ${side}`);
      for (const id of Object.keys(weights))
        if (!subTypeIds.has(id)) problems.push(`${name}.${side}: unknown sub-type ${id}`);
    }
    for (const [category, weights] of Object.entries(action.byTarget))
      for (const id of Object.keys(weights))
        if (!subTypeIds.has(id)) problems.push(`${name}.byTarget.${category}: unknown sub-type ${id}`);
    if (action.crowd && !actions.actorWords.crowds.some((c) => c.name === action.crowd))
      problems.push(`${name}: unknown crowd ${action.crowd}`);
  }
  return problems;
}
