import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The place gazetteer: GeoNames towns, derived provinces and countries, and a hand-kept
 * supplement (see data/gazetteer/README.md), indexed by folded name keys.
 */

export interface GazetteerEntry {
  geonameId?: number;
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2 code. */
  countryCode?: string;
  /** Name of the first-level administrative area (province, state) the place lies in. */
  admin1?: string;
  /** GeoNames feature class: A (country, province), P (town), S (facility), L (region), ... */
  featureClass: string;
  /** GeoNames feature code: PCLI, ADM1, ADM2, PPLC, PPLA, PPL, AIRB, RGN, ... */
  featureCode: string;
  /** 0 when unknown (GeoNames records many small seats with 0). */
  population: number;
  source: "geonames" | "supplement";
  /** Other spellings, in Latin, Arabic and Cyrillic scripts; all of them are indexed. */
  alternateNames?: readonly string[];
}

export interface Gazetteer {
  /** Entries whose name or alternate name folds to the same key as `surface`; empty if none. */
  lookup(surface: string): readonly GazetteerEntry[];
  countryByCode(cc: string): GazetteerEntry | undefined;
  readonly size: number;
}

/** Words around place names that are not part of the name (data/gazetteer/designators.json). */
export interface PlaceDesignators {
  /** Arabic article forms written before names: "al", "ar", "ash", ... ("Al-Raqqa" -> "Raqqa"). */
  particles: readonly string[];
  /** Words after a name that say it is an administrative area: "province", "governorate", ... */
  adminSuffixes: readonly string[];
  /** The same before a name: "province of", ... */
  adminPrefixes: readonly string[];
  /** Words written before a name: "the" ("the Netherlands"). */
  leadingArticles: readonly string[];
  /**
   * Admin areas named "Western" or "Central" (GeoNames names some so, and "Western Province" without
   * its designator reads so too) are adjectives in running text: those bare keys are not indexed for
   * admin areas ("Western security chiefs" names no province); the full names still are.
   */
  genericBareNames: readonly string[];
  /**
   * Small words and marks that may stand inside a multi-word place name between capitalised words
   * ("Republic of the Congo", "Trinidad and Tobago", "Bosnia-Herzegovina"); used to widen a mention
   * to the whole name. Optional: without it, mentions are only widened over capitalised words.
   */
  nameConnectors?: readonly string[];
}

export interface GazetteerOptions {
  designators?: PlaceDesignators;
}

const DATA_DIR = new URL("../../../data/gazetteer/", import.meta.url);
export const DEFAULT_GAZETTEER_PATH = fileURLToPath(new URL("build/gazetteer.json", DATA_DIR));
export const DEFAULT_DESIGNATORS_PATH = fileURLToPath(new URL("designators.json", DATA_DIR));
export const BUILD_GAZETTEER_COMMAND = "node scripts/build-gazetteer.mjs";

const GAZETTEER_FORMAT = "parallax-gazetteer";
export const GAZETTEER_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const UNDECOMPOSED_LETTERS: Readonly<Record<string, string>> = {
  ı: "i",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ħ: "h",
  // Arabic spelling variants that transliterations and sources mix freely.
  ة: "ه",
  ى: "ي",
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(UNDECOMPOSED_LETTERS).join("")}]`, "g");
const PLAIN_ASCII = /^[a-z0-9 ]*$/;
const ASCII = /^[^\u0080-\uffff]*$/;
const ASCII_NOT_ALPHANUMERIC = /[^a-z0-9]/g;

/**
 * The key a place name is indexed and looked up by: lower case, diacritics removed, and every
 * character that is not a letter or digit (spaces, hyphens, apostrophes, ʿayn signs) dropped,
 * so "Al-Hasakah", "Al Hasakah" and "Al Ḩasakah" all give "alhasakah".
 */
export function foldPlaceKey(surface: string): string {
  let s = surface.toLowerCase();
  // ASCII has no marks, no undecomposed letters and no modifier letters: only the non-alphanumerics go
  if (ASCII.test(s)) return s.replace(ASCII_NOT_ALPHANUMERIC, "");
  if (!PLAIN_ASCII.test(s)) {
    s = s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(UNDECOMPOSED, (c) => UNDECOMPOSED_LETTERS[c] ?? c);
  }
  return s.replace(/[^\p{L}\p{N}]|\p{Lm}/gu, "");
}

/** A first word and the rest, split at a space, hyphen or apostrophe ("Al-Bukamal", "Ar Raqqah"). */
const LEADING_WORD = /^(\p{L}+)[\s\-\u2010\u2011'\u2019`]+(.+)$/u;

/** The name without a leading particle ("Ar Raqqah" -> "Raqqah"), or undefined if it has none. */
export function withoutParticle(name: string, particles: ReadonlySet<string>): string | undefined {
  const match = LEADING_WORD.exec(name.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return particles.has(match[1].toLowerCase()) ? match[2] : undefined;
}

/** The name without an administrative designator ("Anbar province" -> "Anbar"), if it has one. */
export function withoutAdminDesignator(name: string, designators: PlaceDesignators): string | undefined {
  const trimmed = name.trim();
  const lower = trimmed.toLowerCase();
  for (const suffix of designators.adminSuffixes) {
    if (lower.endsWith(` ${suffix}`) && lower.length > suffix.length + 1) {
      return trimmed.slice(0, trimmed.length - suffix.length - 1).trim();
    }
  }
  for (const prefix of designators.adminPrefixes) {
    if (lower.startsWith(`${prefix} `) && lower.length > prefix.length + 1) {
      return trimmed.slice(prefix.length + 1).trim();
    }
  }
  return undefined;
}

const POSSESSIVE = /['\u2019]s$/u;

/**
 * Forms of a surface to try in turn when the surface itself is not a key: without "the",
 * without a possessive "'s", without a leading particle, without "province"/"governorate".
 */
function fallbackSurfaces(surface: string, designators: PlaceDesignators, particles: ReadonlySet<string>) {
  const forms: string[] = [];
  let s = surface.trim().replace(POSSESSIVE, "");
  forms.push(s);
  for (const article of designators.leadingArticles) {
    if (s.toLowerCase().startsWith(`${article} `)) s = s.slice(article.length + 1);
  }
  forms.push(s);
  const bare = withoutAdminDesignator(s, designators);
  if (bare) forms.push(bare);
  for (const form of [s, bare]) {
    const stripped = form ? withoutParticle(form, particles) : undefined;
    if (stripped) forms.push(stripped);
  }
  return forms;
}

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

/** Builds an index over frozen copies of the given entries. */
export function createGazetteer(entries: GazetteerEntry[], options: GazetteerOptions = {}): Gazetteer {
  const designators = options.designators ?? loadPlaceDesignators();
  const keyOf = entryKeyer(designators);
  return indexedGazetteer(
    entries.map((e) => Object.freeze({ ...e })),
    (e) => keyOf(e),
    designators,
  );
}

/** A gazetteer over frozen entries whose index keys `keysOf` gives (computed or read from the file). */
function indexedGazetteer(
  frozen: readonly GazetteerEntry[],
  keysOf: (e: GazetteerEntry, i: number) => Iterable<string>,
  designators: PlaceDesignators,
): Gazetteer {
  const particles = new Set(designators.particles);
  const index = buildIndex(frozen, keysOf);
  const countries = new Map<string, GazetteerEntry>();
  for (const e of frozen) {
    if (e.countryCode && isCountry(e) && !countries.has(e.countryCode)) countries.set(e.countryCode, e);
  }

  function lookup(surface: string): readonly GazetteerEntry[] {
    // the surface as written is the usual hit: the fallback forms are worked out only when it misses
    const first = surface.trim().replace(POSSESSIVE, "");
    const firstKey = foldPlaceKey(first);
    if (firstKey !== "") {
      const hits = index.get(firstKey);
      if (hits !== undefined) return entriesOf(hits);
    }
    const tried = new Set<string>([firstKey]);
    for (const form of fallbackSurfaces(surface, designators, particles)) {
      const key = foldPlaceKey(form);
      if (key === "" || tried.has(key)) continue;
      tried.add(key);
      const hits = index.get(key);
      if (hits !== undefined) return entriesOf(hits);
    }
    return [];
  }

  function entriesOf(hits: IndexHits): GazetteerEntry[] {
    return (typeof hits === "number" ? [hits] : hits).map((i) => frozen[i] as GazetteerEntry);
  }

  return {
    lookup,
    countryByCode: (cc) => countries.get(cc.toUpperCase()),
    size: frozen.length,
  };
}

export interface KnownPlaceOptions {
  /**
   * Count only towns of at least this population (countries, provinces and supplement entries
   * always count): cities500 holds villages named "Independence" or "Police", so a recogniser
   * that guesses from capitalised words may want, say, 10,000. Default 0: any entry.
   */
  minPopulation?: number;
}

/** True when the gazetteer has an entry for this surface (for the entity recogniser). */
export function isKnownPlace(g: Gazetteer, surface: string, options: KnownPlaceOptions = {}): boolean {
  const min = options.minPopulation ?? 0;
  return g
    .lookup(surface)
    .some(
      (e) => e.population >= min || e.featureClass === "A" || e.source === "supplement" || unknownSeat(e),
    );
}

/** Capitals and seats of provinces and districts: towns that matter to news. */
const SEAT_CODES = new Set(["PPLC", "PPLA", "PPLA2"]);

/**
 * Such seats are real towns even where GeoNames records no population for them (0), as it often
 * does for Iraq and Syria; smaller seats (PPLA3, PPLA4) are left to the population floor.
 */
function unknownSeat(e: GazetteerEntry): boolean {
  return e.featureClass === "P" && SEAT_CODES.has(e.featureCode) && e.population === 0;
}

export function isCountry(e: GazetteerEntry): boolean {
  return e.featureClass === "A" && e.featureCode.startsWith("PCL");
}

export function isAdminArea(e: GazetteerEntry): boolean {
  return e.featureClass === "A" && e.featureCode.startsWith("ADM");
}

/** Entry indices under one key; most keys name one place, so a single index is stored bare. */
type IndexHits = number | number[];

/** Key -> entry indices, from each entry's keys. */
function buildIndex(
  entries: readonly GazetteerEntry[],
  keysOf: (e: GazetteerEntry, i: number) => Iterable<string>,
): Map<string, IndexHits> {
  const index = new Map<string, IndexHits>();
  // Plain loops: this runs over half a million keys on every load.
  for (let i = 0; i < entries.length; i++) {
    for (const key of keysOf(entries[i] as GazetteerEntry, i)) {
      if (key === "") continue;
      const hits = index.get(key);
      if (hits === undefined) index.set(key, i);
      else if (typeof hits === "number") index.set(key, [hits, i]);
      else hits.push(i);
    }
  }
  return index;
}

/**
 * The keys an entry is indexed under: every name as written, without a leading particle, and
 * (for administrative areas) without its designator, so "Damascus Governorate" is found as
 * "Damascus". scripts/build-gazetteer.mjs computes the same keys at build time (`placeKeys`);
 * a test holds the two to the same result.
 */
export function entryKeyer(designators: PlaceDesignators): (e: GazetteerEntry) => Set<string> {
  const particles = new Set(designators.particles);
  const generic = new Set(designators.genericBareNames.map(foldPlaceKey));
  return (entry) => {
    const keys = new Set<string>();
    const admin = isAdminArea(entry);
    for (const name of [entry.name, ...(entry.alternateNames ?? [])]) {
      keys.add(foldPlaceKey(name));
      const stripped = withoutParticle(name, particles);
      if (stripped) keys.add(foldPlaceKey(stripped));
      const bare = admin ? withoutAdminDesignator(name, designators) : undefined;
      if (bare) keys.add(foldPlaceKey(bare));
    }
    if (admin) for (const key of generic) keys.delete(key);
    keys.delete("");
    return keys;
  };
}

/**
 * What the keys depend on besides `foldPlaceKey` itself. The build stores it beside the keys; a
 * file whose rules differ from the current designators has its keys recomputed on load.
 */
export function keyRules(d: PlaceDesignators): string {
  return JSON.stringify({
    scheme: KEY_SCHEME,
    particles: d.particles,
    adminSuffixes: d.adminSuffixes,
    adminPrefixes: d.adminPrefixes,
    genericBareNames: d.genericBareNames,
  });
}

/** Raised whenever `foldPlaceKey` or `entryKeyer` change what they produce (and in the build script). */
export const KEY_SCHEME = 1;

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

export function loadPlaceDesignators(path: string = DEFAULT_DESIGNATORS_PATH): PlaceDesignators {
  const raw = JSON.parse(readFileSync(path, "utf8")) as Partial<PlaceDesignators>;
  const list = (value: unknown, field: string): string[] => {
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
      throw new Error(`${path}: "${field}" must be an array of strings`);
    }
    return value.map((v: string) => v.toLowerCase());
  };
  return {
    particles: list(raw.particles, "particles"),
    adminSuffixes: list(raw.adminSuffixes, "adminSuffixes"),
    adminPrefixes: list(raw.adminPrefixes, "adminPrefixes"),
    leadingArticles: list(raw.leadingArticles, "leadingArticles"),
    genericBareNames: list(raw.genericBareNames, "genericBareNames"),
    nameConnectors: raw.nameConnectors === undefined ? [] : list(raw.nameConnectors, "nameConnectors"),
  };
}

interface GazetteerFile {
  format: string;
  version: number;
  fields: string[];
  /** Version 2: the `keyRules` the stored keys were folded under. */
  keyRules?: string;
  entries: unknown[][];
}

const ENTRY_FIELDS = [
  "geonameId",
  "name",
  "lat",
  "lon",
  "countryCode",
  "admin1",
  "featureClass",
  "featureCode",
  "population",
  "source",
  "alternateNames",
] as const;

/** Version 2 adds each entry's index keys, folded at build time, so loading is mostly JSON.parse. */
const FIELDS_BY_VERSION: Readonly<Record<number, readonly string[]>> = {
  1: ENTRY_FIELDS,
  [GAZETTEER_VERSION]: [...ENTRY_FIELDS, "keys"],
};
const KEYS_FIELD = ENTRY_FIELDS.length;

/**
 * Loads the file written by scripts/build-gazetteer.mjs; throws a clear error if it is missing.
 * Keys stored in the file are used as they are when they were folded under the current rules;
 * otherwise (an older file, changed designators) they are computed again, which is slower.
 */
export function loadGazetteer(
  path: string = DEFAULT_GAZETTEER_PATH,
  options: GazetteerOptions = {},
): Gazetteer {
  if (!existsSync(path)) {
    throw new Error(
      `gazetteer not built: ${path} does not exist. Build it with \`${BUILD_GAZETTEER_COMMAND}\`.`,
    );
  }
  const file = JSON.parse(readFileSync(path, "utf8")) as GazetteerFile;
  const fields = FIELDS_BY_VERSION[file.version];
  if (file.format !== GAZETTEER_FORMAT || fields === undefined) {
    throw new Error(
      `${path}: not a version ${GAZETTEER_VERSION} gazetteer; rebuild with \`${BUILD_GAZETTEER_COMMAND}\``,
    );
  }
  if (file.fields.join(",") !== fields.join(",")) {
    throw new Error(
      `${path}: unexpected fields ${file.fields.join(",")}; rebuild with \`${BUILD_GAZETTEER_COMMAND}\``,
    );
  }
  const designators = options.designators ?? loadPlaceDesignators();
  const entries = file.entries.map((row) => Object.freeze(rowToEntry(row)));
  const stored = fields.length > KEYS_FIELD && file.keyRules === keyRules(designators);
  const keysOf = stored
    ? (_: GazetteerEntry, i: number) => (file.entries[i] as unknown[])[KEYS_FIELD] as string[]
    : entryKeyer(designators);
  return indexedGazetteer(entries, keysOf, designators);
}

function rowToEntry(row: unknown[]): GazetteerEntry {
  const [
    geonameId,
    name,
    lat,
    lon,
    countryCode,
    admin1,
    featureClass,
    featureCode,
    population,
    source,
    alts,
  ] = row as [
    number | null,
    string,
    number,
    number,
    string | null,
    string | null,
    string,
    string,
    number,
    "geonames" | "supplement",
    string[],
  ];
  const entry: GazetteerEntry = { name, lat, lon, featureClass, featureCode, population, source };
  if (geonameId !== null) entry.geonameId = geonameId;
  if (countryCode !== null) entry.countryCode = countryCode;
  if (admin1 !== null) entry.admin1 = admin1;
  if (alts.length > 0) entry.alternateNames = alts;
  return entry;
}
