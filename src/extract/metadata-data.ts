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
  /** Fragments that mark the publication date; they overrule `modifiedClassWords` ("updated published"). */
  publishedClassWords: readonly string[];
  /** Lower-case labels before the names in a byline ("by", "von", "written by", "autor"). */
  bylineLabels: readonly string[];
  /** Lower-case words before a publication date in a line of text ("veröffentlicht am", "published on"). */
  dateLabels: readonly string[];
  /** Path fragments of links to an author's page ("/author/"): the link's text is the name. */
  authorUrlPaths: readonly string[];
  /** Fragments of the class or id of the element showing the headline ("entry-title"). */
  headlineClassWords: readonly string[];
  /** Fragments that mark a heading as the site's name or logo ("site-title", "logo"). */
  logoClassWords: readonly string[];
  /** Where the outlet's readers live, to read a UTC timestamp as the day they saw (timezones.json). */
  zones: ZoneHints;
}

/** `data/boilerplate/timezones.json`: the page's country or language -> IANA time zone. */
export interface ZoneHints {
  countryZones: ReadonlyMap<string, string>;
  languageZones: ReadonlyMap<string, string>;
  /** Labels under a country's TLD ("com" in "com.ar"). */
  secondLevelDomains: ReadonlySet<string>;
}

const KEYS = [
  "bylineClassWords",
  "datelineClassWords",
  "bylineSelfExcludeWords",
  "containerExcludeWords",
  "threadExcludeWords",
  "modifiedClassWords",
  "publishedClassWords",
  "bylineLabels",
  "authorUrlPaths",
  "dateLabels",
  "headlineClassWords",
  "logoClassWords",
] as const;

export function loadMetadataHints(dir: URL | string = DEFAULT_BOILERPLATE_DIR): MetadataHints {
  const base = typeof dir === "string" ? pathToFileURL(dir.endsWith("/") ? dir : `${dir}/`) : dir;
  const read = (file: string): unknown => JSON.parse(readFileSync(new URL(file, base), "utf8"));
  return parseMetadataHints(read("metadata.json"), read("timezones.json"));
}

export function parseMetadataHints(json: unknown, zonesJson: unknown, file = "metadata.json"): MetadataHints {
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
  const longestFirst = (list: readonly string[]): string[] => [...list].sort((a, b) => b.length - a.length);
  return {
    ...lists,
    bylineLabels: longestFirst(lists.bylineLabels),
    dateLabels: longestFirst(lists.dateLabels),
    zones: parseZoneHints(zonesJson),
  };
}

export function parseZoneHints(json: unknown, file = "timezones.json"): ZoneHints {
  const record = (json ?? {}) as Record<string, unknown>;
  const zoneMap = (key: string): Map<string, string> => {
    const value = record[key];
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new Error(`${file}: "${key}" must be an object of zone names`);
    }
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [code, zone] of entries) {
      // Intl throws a RangeError for a zone it does not know: fail at load, not on some page.
      if (typeof zone !== "string") throw new Error(`${file}: "${key}.${code}" must be a string`);
      new Intl.DateTimeFormat("en", { timeZone: zone });
    }
    return new Map(entries.map(([code, zone]) => [code.toLowerCase(), zone as string]));
  };
  const levels = record.secondLevelDomains;
  if (!Array.isArray(levels) || !levels.every((v) => typeof v === "string")) {
    throw new Error(`${file}: "secondLevelDomains" must be an array of strings`);
  }
  return {
    countryZones: zoneMap("countryZones"),
    languageZones: zoneMap("languageZones"),
    secondLevelDomains: new Set(levels as string[]),
  };
}
