import { readFileSync } from "node:fs";
import { objectAt } from "../data-shape.js";

/**
 * Typed loaders for `data/events/`: the event taxonomy (ACLED's types and sub-events plus
 * Parallax's own) and the labelled one-sentence descriptions the event-type classifier learns
 * from. A malformed file throws naming its place (`taxonomy.json: types[2].subTypes[0]`,
 * `descriptions.jsonl:17`): that is a packaging bug, not a problem of an article.
 */

/** The folder of the shipped event data; `../../../data` holds from both `src/` and `dist/`. */
export const DEFAULT_EVENT_DATA_DIR = new URL("../../../data/events/", import.meta.url);

export interface EventSubType {
  id: string;
  label: string;
  /** ACLED's sub-event label, on sub-types of ACLED's own types. */
  acledLabel?: string;
  definition: string;
}

export interface EventType {
  id: string;
  label: string;
  /** "acled" for ACLED's six event types, "parallax" for the kinds only news reports. */
  origin: "acled" | "parallax";
  definition: string;
  subTypes: EventSubType[];
}

export interface EventTaxonomy {
  version: number;
  types: EventType[];
}

export interface EventDescription {
  /** `<subType>-NNN`, numbered from 001 within each sub-type. */
  id: string;
  text: string;
  type: string;
  subType: string;
}

const ORIGINS = ["acled", "parallax"] as const;
const DESCRIPTION_ID = /^([a-z0-9-]+)-(\d{3})$/;
/** Held-out rule of data/events/README.md: every fifth description of each sub-type. */
const HELD_OUT_EVERY = 5;

/** True when the description with this id belongs to the held-out fifth (its number is a multiple of 5). */
export function isHeldOut(id: string): boolean {
  const match = DESCRIPTION_ID.exec(id);
  return match !== null && Number(match[2]) % HELD_OUT_EVERY === 0;
}

export function loadEventTaxonomy(dir: URL = DEFAULT_EVENT_DATA_DIR): EventTaxonomy {
  const text = readFileSync(new URL("taxonomy.json", dir), "utf8");
  return parseEventTaxonomy(JSON.parse(text) as unknown);
}

export function loadEventDescriptions(dir: URL = DEFAULT_EVENT_DATA_DIR): EventDescription[] {
  return parseEventDescriptions(readFileSync(new URL("descriptions.jsonl", dir), "utf8"));
}

export function parseEventTaxonomy(value: unknown, where = "taxonomy.json"): EventTaxonomy {
  const root = objectAt(value, where);
  if (typeof root.version !== "number") throw new Error(`${where}: expected a numeric version`);
  if (!Array.isArray(root.types) || root.types.length === 0)
    throw new Error(`${where}.types: expected a non-empty list`);
  const types = root.types.map((t, i) => parseType(t, `${where}: types[${i}]`));
  checkUniqueSubTypes(types, where);
  return { version: root.version, types };
}

function parseType(value: unknown, where: string): EventType {
  const node = objectAt(value, where);
  const origin = node.origin;
  if (!ORIGINS.includes(origin as EventType["origin"]))
    throw new Error(`${where}.origin: expected one of ${ORIGINS.join(", ")}`);
  if (!Array.isArray(node.subTypes) || node.subTypes.length === 0)
    throw new Error(`${where}.subTypes: expected a non-empty list`);
  return {
    id: text(node.id, `${where}.id`),
    label: text(node.label, `${where}.label`),
    origin: origin as EventType["origin"],
    definition: text(node.definition, `${where}.definition`),
    subTypes: node.subTypes.map((s, i) => parseSubType(s, `${where}.subTypes[${i}]`)),
  };
}

function parseSubType(value: unknown, where: string): EventSubType {
  const node = objectAt(value, where);
  const sub: EventSubType = {
    id: text(node.id, `${where}.id`),
    label: text(node.label, `${where}.label`),
    definition: text(node.definition, `${where}.definition`),
  };
  return node.acledLabel === undefined
    ? sub
    : { ...sub, acledLabel: text(node.acledLabel, `${where}.acledLabel`) };
}

function checkUniqueSubTypes(types: readonly EventType[], where: string): void {
  const seen = new Set<string>();
  for (const sub of types.flatMap((t) => t.subTypes)) {
    if (seen.has(sub.id)) throw new Error(`${where}: sub-type ${sub.id} appears twice`);
    seen.add(sub.id);
  }
}

/** One JSON object a line; blank lines are skipped; errors name the line number. */
export function parseEventDescriptions(jsonl: string, where = "descriptions.jsonl"): EventDescription[] {
  const descriptions: EventDescription[] = [];
  jsonl.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const at = `${where}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${at}: invalid JSON: ${(error as Error).message}`);
    }
    descriptions.push(parseDescription(value, at));
  });
  return descriptions;
}

function parseDescription(value: unknown, where: string): EventDescription {
  const node = objectAt(value, where);
  const description = {
    id: text(node.id, `${where}.id`),
    text: text(node.text, `${where}.text`),
    type: text(node.type, `${where}.type`),
    subType: text(node.subType, `${where}.subType`),
  };
  if (DESCRIPTION_ID.exec(description.id)?.[1] !== description.subType)
    throw new Error(`${where}.id: expected <subType>-NNN, got ${description.id}`);
  return description;
}

function text(value: unknown, where: string): string {
  if (typeof value !== "string" || value.trim() === "")
    throw new Error(`${where}: expected a non-empty string`);
  return value;
}

/** Descriptions whose type or sub-type the taxonomy does not know, or puts under another type. */
export function checkDescriptionsAgainst(
  taxonomy: EventTaxonomy,
  descriptions: readonly EventDescription[],
): string[] {
  const parentOf = new Map(taxonomy.types.flatMap((t) => t.subTypes.map((s) => [s.id, t.id] as const)));
  return descriptions
    .filter((d) => parentOf.get(d.subType) !== d.type)
    .map((d) => `${d.id}: sub-type ${d.subType} is not under type ${d.type} in the taxonomy`);
}
