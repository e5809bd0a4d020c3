import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { DEFAULT_BOILERPLATE_DIR } from "./data.js";

/**
 * Typed loader for the parts of `data/boilerplate/metadata.json` that read bylines and datelines
 * from the page's markup (the class names sites give them). The rest of the file is read by
 * `loadBoilerplateData()` in data.ts.
 */
export interface MetadataHints {
  /** Lower-case fragments of a class or id that mark an author's name ("author", "byline"). */
  bylineClassWords: readonly string[];
  /** Fragments of a class or id that mark a date line ("date", "posted", "datum"). */
  datelineClassWords: readonly string[];
  /** Fragments of an element's own class or id that mark an author's picture or biography, not the name. */
  bylineSelfExcludeWords: readonly string[];
  /** Fragments of a class or id of the element or an ancestor: comments, sidebars, related lists. */
  containerExcludeWords: readonly string[];
  /** Fragments of a class or id that mark readers' comments (a subset of containerExcludeWords). */
  threadExcludeWords: readonly string[];
  /** Fragments of a class or id that mark the date of the last change, not of publication. */
  modifiedClassWords: readonly string[];
  /** Lower-case labels before the names in a byline ("by", "von", "written by", "autor"). */
  bylineLabels: readonly string[];
  /** Path fragments of links to an author's page ("/author/"): the link's text is the name. */
  authorUrlPaths: readonly string[];
  /** Fragments of the class or id of the element showing the headline ("entry-title"). */
  headlineClassWords: readonly string[];
  /** Fragments that mark a heading as the site's name or logo ("site-title", "logo"). */
  logoClassWords: readonly string[];
}

const KEYS = [
  "bylineClassWords",
  "datelineClassWords",
  "bylineSelfExcludeWords",
  "containerExcludeWords",
  "threadExcludeWords",
  "modifiedClassWords",
  "bylineLabels",
  "authorUrlPaths",
  "headlineClassWords",
  "logoClassWords",
] as const;

export function loadMetadataHints(dir: URL | string = DEFAULT_BOILERPLATE_DIR): MetadataHints {
  const base = typeof dir === "string" ? pathToFileURL(dir.endsWith("/") ? dir : `${dir}/`) : dir;
  return parseMetadataHints(JSON.parse(readFileSync(new URL("metadata.json", base), "utf8")));
}

export function parseMetadataHints(json: unknown, file = "metadata.json"): MetadataHints {
  const record = (json ?? {}) as Record<string, unknown>;
  const lists = {} as Record<(typeof KEYS)[number], string[]>;
  for (const key of KEYS) {
    const value = record[key];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v.trim() !== "")) {
      throw new Error(`${file}: "${key}" must be an array of non-empty strings`);
    }
    lists[key] = value.map((v) => v.toLowerCase());
  }
  // Longest label first, so "written by" is taken whole before "by".
  return { ...lists, bylineLabels: [...lists.bylineLabels].sort((a, b) => b.length - a.length) };
}
