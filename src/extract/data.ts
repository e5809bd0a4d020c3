import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { BOILERPLATE_KINDS, type BoilerplateKind } from "../model/index.js";

/**
 * Typed loader for `data/boilerplate/*.json`. The files are read once, when an extractor is
 * created, and validated here so that a bad pattern fails at start-up with the file and rule id.
 */

/** How the extractor reads a block that a rule matched, beyond removing it. */
export type BlockRole =
  "dateline-published" | "dateline-updated" | "byline" | "credit" | "caption-credit" | "title-echo";

export interface BlockRule {
  id: string;
  kind: BoilerplateKind;
  pattern: RegExp;
  /** The rule applies only to blocks of at most this many words. */
  maxWords?: number;
  /** What follows a block matched by this rule is not body. */
  endsArticle: boolean;
  role?: BlockRole;
}

export interface OutletRule {
  id: string;
  /** Has a named group `outlet`. */
  pattern: RegExp;
}

export interface MetadataLexicon {
  /** Lower-case values that are never author names. */
  authorJunk: ReadonlySet<string>;
  /** schema.org types of a JSON-LD object that describes the article. */
  articleTypes: ReadonlySet<string>;
  /** Lower-case labels that open a credit segment, e.g. "sources", "featured image". */
  creditLabels: readonly string[];
  /** Lower-case credit labels that name the sources of the text, not of its pictures. */
  sourceCreditLabels: ReadonlySet<string>;
  /** Lower-case words allowed inside a personal name: "del", "von", "al". */
  nameParticles: ReadonlySet<string>;
}

export interface BoilerplateData {
  blocks: readonly BlockRule[];
  outlets: readonly OutletRule[];
  metadata: MetadataLexicon;
  /** Language code -> its stopwords (lower case), for the text-density classifier of raw text. */
  stopwords: ReadonlyMap<string, ReadonlySet<string>>;
}

const ROLES: readonly BlockRole[] = [
  "dateline-published",
  "dateline-updated",
  "byline",
  "credit",
  "caption-credit",
  "title-echo",
];

/** The project's own `data/boilerplate/` folder, from `src/extract/` or `dist/extract/`. */
export const DEFAULT_BOILERPLATE_DIR = new URL("../../data/boilerplate/", import.meta.url);

export function loadBoilerplateData(dir: URL | string = DEFAULT_BOILERPLATE_DIR): BoilerplateData {
  const base = typeof dir === "string" ? pathToFileURL(dir.endsWith("/") ? dir : `${dir}/`) : dir;
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, base), "utf8"));
  return {
    blocks: parseBlockRules(read("blocks.json"), "blocks.json"),
    outlets: parseOutletRules(read("outlets.json"), "outlets.json"),
    metadata: parseMetadata(read("metadata.json"), "metadata.json"),
    stopwords: parseStopwords(read("stopwords.json"), "stopwords.json"),
  };
}

function parseStopwords(json: unknown, file: string): Map<string, ReadonlySet<string>> {
  const languages = (json as { languages?: unknown } | null)?.languages;
  if (typeof languages !== "object" || languages === null) {
    throw new Error(`${file}: expected an object with a "languages" object`);
  }
  const lists = new Map<string, ReadonlySet<string>>();
  for (const [language, words] of Object.entries(languages)) {
    if (!Array.isArray(words) || !words.every((w) => typeof w === "string" && w !== "")) {
      throw new Error(`${file}: "${language}" must be an array of non-empty strings`);
    }
    lists.set(language, new Set(words.map((w) => w.toLowerCase())));
  }
  return lists;
}

function parseBlockRules(json: unknown, file: string): BlockRule[] {
  return rulesOf(json, file).map((raw) => {
    const id = stringField(raw, "id", file);
    const where = `${file}#${id}`;
    const kind = stringField(raw, "kind", where) as BoilerplateKind;
    if (!(BOILERPLATE_KINDS as readonly string[]).includes(kind))
      throw new Error(`${where}: unknown kind "${kind}"; use one of ${BOILERPLATE_KINDS.join(", ")}`);
    const role = raw.role === undefined ? undefined : (stringField(raw, "role", where) as BlockRole);
    if (role !== undefined && !ROLES.includes(role)) {
      throw new Error(`${where}: unknown role "${role}"; use one of ${ROLES.join(", ")}`);
    }
    const maxWords = raw.maxWords;
    if (maxWords !== undefined && (typeof maxWords !== "number" || maxWords < 1)) {
      throw new Error(`${where}: maxWords must be a positive number`);
    }
    return {
      id,
      kind,
      pattern: compile(raw, "i", where),
      endsArticle: raw.endsArticle === true,
      ...(maxWords === undefined ? {} : { maxWords }),
      ...(role === undefined ? {} : { role }),
    };
  });
}

function parseOutletRules(json: unknown, file: string): OutletRule[] {
  return rulesOf(json, file).map((raw) => {
    const id = stringField(raw, "id", file);
    const pattern = compile(raw, "", `${file}#${id}`);
    if (!pattern.source.includes("(?<outlet>"))
      throw new Error(`${file}#${id}: pattern needs a group "outlet"`);
    return { id, pattern };
  });
}

function parseMetadata(json: unknown, file: string): MetadataLexicon {
  const record = json as Record<string, unknown>;
  const list = (key: string): string[] => {
    const value = record[key];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
      throw new Error(`${file}: "${key}" must be an array of strings`);
    }
    return value;
  };
  return {
    authorJunk: new Set(list("authorJunk").map((v) => v.toLowerCase())),
    articleTypes: new Set(list("articleTypes")),
    // Longest first, so "photo credits" wins over "photo".
    creditLabels: list("creditLabels")
      .map((v) => v.toLowerCase())
      .sort((a, b) => b.length - a.length),
    sourceCreditLabels: new Set(list("sourceCreditLabels").map((v) => v.toLowerCase())),
    nameParticles: new Set(list("nameParticles").map((v) => v.toLowerCase())),
  };
}

function rulesOf(json: unknown, file: string): Record<string, unknown>[] {
  const rules = (json as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) throw new Error(`${file}: expected an object with a "rules" array`);
  return rules as Record<string, unknown>[];
}

function stringField(raw: Record<string, unknown>, key: string, where: string): string {
  const value = raw[key];
  if (typeof value !== "string" || value === "")
    throw new Error(`${where}: "${key}" must be a non-empty string`);
  return value;
}

function compile(raw: Record<string, unknown>, defaultFlags: string, where: string): RegExp {
  const source = stringField(raw, "pattern", where);
  const flags = typeof raw.flags === "string" ? raw.flags : defaultFlags;
  try {
    return new RegExp(source, flags.replace(/g/g, "")); // never "g": a global regex keeps state between tests
  } catch (error) {
    throw new Error(`${where}: bad pattern: ${(error as Error).message}`);
  }
}
