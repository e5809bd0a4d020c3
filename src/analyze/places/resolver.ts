import type { Article, Place, PlaceFeature } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";

export { isKnownPlace } from "./gazetteer.js";

import { loadProvinceAbbreviations, type ProvinceAbbreviation } from "./abbreviations.js";
import {
  foldPlaceKey,
  type Gazetteer,
  type GazetteerEntry,
  isAdminArea,
  isCountry,
  loadPlaceDesignators,
  type PlaceDesignators,
  withoutAdminDesignator,
} from "./gazetteer.js";
import {
  createPlaceMentionFinder,
  DEFAULT_PLACE_MENTION_OPTIONS,
  type PlaceMention,
  type PlaceMentionOptions,
} from "./mentions.js";

/**
 * Resolves place mentions (GPE and LOC entities, widened to the whole name; see mentions.ts) to
 * one gazetteer entry each. A candidate's score adds a prior (population, kind of feature) to
 * evidence from the article (a "province" next to the name, "Town, Country" written together,
 * other places and countries it names). Names the gazetteer does not know give no place.
 */
export interface PlaceResolverOptions extends PlaceMentionOptions {
  /** log10(population) worth one point: 7 puts a city of 10 million at 1, a village of 1,000 at 0.43. */
  populationLogScale: number;
  /** A bare country name means the country, not the towns called "Jordan" or "Lebanon". */
  countryPrior: number;
  /** Provinces are news' second most common place kind ("Anbar", "Sicily", "Texas"). */
  admin1Prior: number;
  /** Districts are named rarely, and usually after their seat town. */
  admin2Prior: number;
  /** National capitals are named far more often than their namesakes ("Damascus", Maryland). */
  capitalPrior: number;
  /** Provincial capitals (PPLA) likewise, to a lesser degree. */
  provincialCapitalPrior: number;
  /** District seats (PPLA2). */
  districtSeatPrior: number;
  /** Supplement entries were added because news name them. */
  supplementPrior: number;
  /** "Anbar province", "province of Lattakia": the mention is an administrative area. */
  adminDesignatorBonus: number;
  /**
   * A province named like a town inside it ("Raqqa" province, seat Raqqa) is meant only when
   * the text says "province"; otherwise the bare name is the town.
   */
  seatNamePenalty: number;
  /** A candidate in a country the article names ("Tripoli" with "Lebanon" named). */
  mentionedCountryBonus: number;
  /** A candidate in the country of another place the article names (weaker: places cross borders). */
  placeCountryBonus: number;
  /** A candidate inside a province the article names, or a province holding a place it names. */
  mentionedAdminBonus: number;
  /**
   * "Paris, Texas", "Tripoli, Lebanon", "Atlanta, Georgia": a place followed by a comma and an
   * area that holds it. Both readings that fit each other gain this; it outweighs the country
   * prior, because writers add the area precisely to say which namesake they mean.
   */
  containerBonus: number;
  /**
   * A province in the country of other provinces the article names ("Georgia" among Alabama and
   * Texas is the state): a list of a country's provinces reads as one kind of place.
   */
  siblingAdminBonus: number;
  /**
   * A candidate close to the other places the article names (towns, districts, sites; not
   * countries or provinces, whose points say little): local news name neighbouring places.
   * The bonus falls linearly from this value at 0 km to nothing at `proximityRadiusKm`.
   */
  proximityBonus: number;
  /** About a county's width: places farther apart than this say nothing about each other. */
  proximityRadiusKm: number;
  /**
   * Resolution rounds: the first reads each name alone, each later one reads the others as the
   * round before resolved them, so evidence can travel along a chain of names.
   */
  contextRounds: number;
  /**
   * A province named like a town inside it that holds at least this share of its people ("New
   * York", "Mexico City") is read like a province named after its seat: as the town unless the
   * text says "state" or "province".
   */
  namesakeCityShare: number;
  /** Score margin between the best two candidates that gives confidence 0.73 (sigmoid of 1). */
  confidenceMarginScale: number;
  /** Confidence factor when only a looser form matched ("Al-Raqqa" found as "Raqqa"). */
  looseMatchFactor: number;
  /** Confidence factor when the recogniser typed the name ORG or MISC ("Kentucky" as an actor). */
  retypedFactor: number;
  /** Characters before and after a mention searched for "province of" / "province". */
  designatorWindow: number;
}

export const DEFAULT_PLACE_RESOLVER_OPTIONS: Readonly<PlaceResolverOptions> = Object.freeze({
  populationLogScale: 7,
  countryPrior: 2,
  admin1Prior: 0.5,
  admin2Prior: 0.1,
  capitalPrior: 0.8,
  provincialCapitalPrior: 0.3,
  districtSeatPrior: 0.05,
  supplementPrior: 0.5,
  adminDesignatorBonus: 2,
  seatNamePenalty: 1,
  mentionedCountryBonus: 0.7,
  placeCountryBonus: 0.5,
  mentionedAdminBonus: 1,
  containerBonus: 2.5,
  siblingAdminBonus: 1,
  proximityBonus: 1,
  proximityRadiusKm: 100,
  contextRounds: 3,
  namesakeCityShare: 0.25,
  confidenceMarginScale: 0.25,
  looseMatchFactor: 0.9,
  retypedFactor: 0.8,
  designatorWindow: 30,
  ...DEFAULT_PLACE_MENTION_OPTIONS,
});

export interface PlaceResolverConfig {
  gazetteer: Gazetteer;
  options?: Partial<PlaceResolverOptions>;
  /** Default: data/gazetteer/designators.json. */
  designators?: PlaceDesignators;
  /** Province abbreviations ("Ky.", "NSW"). Default: data/gazetteer/abbreviations.json. */
  abbreviations?: readonly ProvinceAbbreviation[];
}

const PROVENANCE_METHOD = "gazetteer";
/** Between a place and the area that holds it: "Paris, Texas". */
const CONTAINER_SEPARATOR = /^\s*,\s*$/;

/** What the article says about the other places it names, for one mention. */
interface ArticleContext {
  countries: ReadonlySet<string>;
  placeCountries: ReadonlySet<string>;
  /** "CC|province name" of provinces named. */
  admins: ReadonlySet<string>;
  /** "CC|province name" of provinces that hold a place named. */
  adminsOfPlaces: ReadonlySet<string>;
  /** Countries of the provinces named. */
  adminCountries: ReadonlySet<string>;
  /** Points of the towns, districts and sites named (not of countries, provinces or regions). */
  points: readonly GazetteerEntry[];
}

interface Mention {
  found: PlaceMention;
  key: string;
  wantsAdmin: boolean;
  candidates: readonly GazetteerEntry[];
  /** Candidates that fit a neighbour written "Town, Area" with this mention. */
  contained: ReadonlySet<GazetteerEntry>;
}

interface Scored {
  entry: GazetteerEntry;
  score: number;
}

const NO_CONTEXT: ArticleContext = {
  countries: new Set(),
  placeCountries: new Set(),
  admins: new Set(),
  adminsOfPlaces: new Set(),
  adminCountries: new Set(),
  points: [],
};

export function createPlaceResolver(config: PlaceResolverConfig): AnalysisComponent {
  const options: PlaceResolverOptions = { ...DEFAULT_PLACE_RESOLVER_OPTIONS, ...config.options };
  const designators = config.designators ?? loadPlaceDesignators();
  const { gazetteer } = config;
  const designatorPattern = designatorPatterns(designators);
  const abbreviations = config.abbreviations ?? loadProvinceAbbreviations();
  const findMentions = createPlaceMentionFinder(gazetteer, designators, options, abbreviations);

  function run(article: Article): { places: Place[] } {
    const { text } = article;
    const found = findMentions(text, article.annotations.entities, article.annotations.tokens);
    const fits = sharedByName(found, containerFits(text, found));
    const mentions = found.map((m, i) => readMention(text, m, fits[i] ?? new Set()));

    // Round one reads each name on its own; each later round reads the others as the round
    // before resolved them.
    let choices = new Map<string, GazetteerEntry>();
    for (let round = 1; round < options.contextRounds; round++) {
      const previous = choices;
      choices = new Map();
      for (const m of mentions) {
        const context = round === 1 ? NO_CONTEXT : contextWithout(previous, m.key);
        const best = rank(m, context)[0];
        if (best && !choices.has(m.key)) choices.set(m.key, best.entry);
      }
    }
    const places = mentions.map((m) => toPlace(text, m, rank(m, contextWithout(choices, m.key))));
    return { places: places.sort((a, b) => a.start - b.start || a.end - b.end) };
  }

  function readMention(text: string, found: PlaceMention, contained: ReadonlySet<GazetteerEntry>): Mention {
    const { start, end, surface } = found;
    const wantsAdmin =
      withoutAdminDesignator(surface, designators) !== undefined ||
      designatorPattern.before.test(text.slice(Math.max(0, start - options.designatorWindow), start)) ||
      designatorPattern.after.test(text.slice(end, end + options.designatorWindow));
    return { found, key: foldPlaceKey(surface), wantsAdmin, candidates: found.candidates, contained };
  }

  function rank(m: Mention, context: ArticleContext): Scored[] {
    const scored = m.candidates.map((entry) => ({
      entry,
      score: prior(entry, options) + evidence(entry, m, context, options),
    }));
    return scored.sort((a, b) => b.score - a.score);
  }

  function toPlace(text: string, m: Mention, ranked: Scored[]): Place {
    const [best, second] = ranked as [Scored, ...Scored[]];
    const margin = second ? best.score - second.score : Number.POSITIVE_INFINITY;
    const exact = [best.entry.name, ...(best.entry.alternateNames ?? [])].some(
      (n) => foldPlaceKey(n) === m.key,
    );
    const confidence = round3(
      sigmoid(margin / options.confidenceMarginScale) *
        (exact ? 1 : options.looseMatchFactor) *
        (m.found.retyped ? options.retypedFactor : 1),
    );
    const e = best.entry;
    const { start, end, entity } = m.found;
    const place: Place = {
      start,
      end,
      text: text.slice(start, end),
      provenance: { stage: "analyze", method: `${PROVENANCE_METHOD}:${e.source}`, confidence },
      name: e.name,
      lat: e.lat,
      lon: e.lon,
      feature: featureOf(e),
      featureCode: e.featureCode,
      confidence,
    };
    if (entity !== undefined) place.entityActorId = entity.actorId;
    if (e.geonameId !== undefined) place.geonameId = e.geonameId;
    if (e.countryCode !== undefined) place.countryCode = e.countryCode;
    if (e.admin1 !== undefined) place.admin1 = e.admin1;
    if (e.population > 0) place.population = e.population;
    return place;
  }

  return { name: "places", requires: ["entities"], provides: ["places"], run };
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/** What a candidate is worth before reading the article: its size and its kind. */
function prior(e: GazetteerEntry, o: PlaceResolverOptions): number {
  const size = Math.log10(e.population + 1) / o.populationLogScale;
  // Countries whose point the supplement gives are no likelier for it: they have their own prior.
  const supplement = e.source === "supplement" && !isCountry(e) ? o.supplementPrior : 0;
  return size + featurePrior(e, o) + supplement;
}

function featurePrior(e: GazetteerEntry, o: PlaceResolverOptions): number {
  if (isCountry(e)) return o.countryPrior;
  if (e.featureClass === "A" && e.featureCode === "ADM1") return o.admin1Prior;
  if (isAdminArea(e)) return o.admin2Prior;
  if (e.featureClass !== "P") return 0;
  if (e.featureCode === "PPLC") return o.capitalPrior;
  if (e.featureCode === "PPLA") return o.provincialCapitalPrior;
  if (e.featureCode === "PPLA2") return o.districtSeatPrior;
  return 0;
}

/** What the article says for or against a candidate. */
function evidence(e: GazetteerEntry, m: Mention, c: ArticleContext, o: PlaceResolverOptions): number {
  let score = 0;
  // A province named after a town inside it is meant only when the text says so; then being one
  // of the country's provinces the article names is no evidence for it either.
  const namesake = isAdminArea(e) && !m.wantsAdmin && namesATownInside(e, m.candidates, o.namesakeCityShare);
  if (isAdminArea(e)) score += m.wantsAdmin ? o.adminDesignatorBonus : namesake ? -o.seatNamePenalty : 0;
  if (m.contained.has(e)) score += o.containerBonus;
  const cc = e.countryCode;
  if (cc && c.countries.has(cc)) score += o.mentionedCountryBonus;
  else if (cc && c.placeCountries.has(cc)) score += o.placeCountryBonus;
  if (cc && e.admin1 && c.admins.has(`${cc}|${e.admin1}`)) score += o.mentionedAdminBonus;
  if (cc && e.featureCode === "ADM1" && c.adminsOfPlaces.has(`${cc}|${e.name}`))
    score += o.mentionedAdminBonus;
  if (cc && e.featureCode === "ADM1" && !namesake && c.adminCountries.has(cc)) score += o.siblingAdminBonus;
  return score + o.proximityBonus * closeness(e, c.points, o.proximityRadiusKm);
}

/** 1 at the nearest other place named, falling to 0 at the radius; 0 for areas and countries. */
function closeness(e: GazetteerEntry, points: readonly GazetteerEntry[], radiusKm: number): number {
  if (!isPointLike(e)) return 0;
  let nearest = Number.POSITIVE_INFINITY;
  for (const p of points) if (p !== e) nearest = Math.min(nearest, distanceKm(e, p));
  return Math.max(0, 1 - nearest / radiusKm);
}

/** Towns, districts and sites: places whose point stands for where they are. */
function isPointLike(e: GazetteerEntry): boolean {
  return e.featureClass === "P" || e.featureClass === "S" || e.featureCode === "ADM2";
}

const EARTH_RADIUS_KM = 6371;

function distanceKm(a: GazetteerEntry, b: GazetteerEntry): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Seats an area may be named after: a province after its capital, a district after its seat. */
const SEATS_OF: Readonly<Record<string, ReadonlySet<string>>> = {
  ADM1: new Set(["PPLA", "PPLC"]),
  ADM2: new Set(["PPLA2", "PPLA", "PPLC"]),
};

/**
 * Another candidate for the same name is the seat of this area, or a town holding a large share
 * of its people: the area is named after it ("Raqqa" province, seat Raqqa; New York state, New
 * York City). A town elsewhere in the area that merely lists the area's name among its alternate
 * names (Yuma, "Arizona") names nothing after itself.
 */
function namesATownInside(
  area: GazetteerEntry,
  candidates: readonly GazetteerEntry[],
  cityShare: number,
): boolean {
  const seats = SEATS_OF[area.featureCode];
  return candidates.some(
    (t) =>
      t.featureClass === "P" &&
      seats !== undefined &&
      (seats.has(t.featureCode) || t.population >= cityShare * area.population) &&
      t.countryCode === area.countryCode &&
      (area.featureCode === "ADM1" ? t.admin1 === area.name : t.admin1 === area.admin1),
  );
}

/**
 * For each mention, the candidates that fit a neighbour written "Town, Area": a town candidate
 * inside one of the next mention's area candidates, and the area candidates that hold one of the
 * previous mention's towns.
 */
function containerFits(text: string, mentions: readonly PlaceMention[]): Set<GazetteerEntry>[] {
  const fits = mentions.map(() => new Set<GazetteerEntry>());
  for (let i = 0; i + 1 < mentions.length; i++) {
    const inner = mentions[i] as PlaceMention;
    const outer = mentions[i + 1] as PlaceMention;
    if (!CONTAINER_SEPARATOR.test(text.slice(inner.end, outer.start))) continue;
    for (const place of inner.candidates) {
      for (const area of outer.candidates) {
        if (place === area || !holds(area, place)) continue;
        fits[i]?.add(place);
        fits[i + 1]?.add(area);
      }
    }
  }
  return fits;
}

/** The area holds the place: its country, or its province (by name, within the same country). */
function holds(area: GazetteerEntry, place: GazetteerEntry): boolean {
  if (!area.countryCode || area.countryCode !== place.countryCode) return false;
  if (isCountry(area)) return !isCountry(place);
  return area.featureCode === "ADM1" && place.admin1 === area.name && place.featureCode !== "ADM1";
}

/** Context for one name: what the other names of the article resolved to. */
function contextWithout(choices: ReadonlyMap<string, GazetteerEntry>, ownKey: string): ArticleContext {
  const countries = new Set<string>();
  const placeCountries = new Set<string>();
  const admins = new Set<string>();
  const adminsOfPlaces = new Set<string>();
  const adminCountries = new Set<string>();
  const points: GazetteerEntry[] = [];
  for (const [key, e] of choices) {
    if (key === ownKey) continue;
    if (isPointLike(e)) points.push(e);
    if (!e.countryCode) continue;
    if (isCountry(e)) {
      countries.add(e.countryCode);
      continue;
    }
    placeCountries.add(e.countryCode);
    if (e.featureCode === "ADM1") {
      admins.add(`${e.countryCode}|${e.name}`);
      adminCountries.add(e.countryCode);
    }
    if (e.admin1) adminsOfPlaces.add(`${e.countryCode}|${e.admin1}`);
  }
  return { countries, placeCountries, admins, adminsOfPlaces, adminCountries, points };
}

/**
 * One sense per article: a name written "Town, Area" once ("LONDON, Ky.") means the same place
 * where the article repeats it bare, so a mention without fits of its own gets the fits of
 * every mention of its name.
 */
function sharedByName(
  mentions: readonly PlaceMention[],
  fits: readonly Set<GazetteerEntry>[],
): Set<GazetteerEntry>[] {
  const byKey = new Map<string, Set<GazetteerEntry>>();
  mentions.forEach((m, i) => {
    const key = foldPlaceKey(m.surface);
    const all = byKey.get(key) ?? new Set<GazetteerEntry>();
    for (const e of fits[i] ?? []) all.add(e);
    byKey.set(key, all);
  });
  return mentions.map((m, i) => {
    const own = fits[i];
    return own !== undefined && own.size > 0 ? own : (byKey.get(foldPlaceKey(m.surface)) ?? new Set());
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** "province of " just before a mention, or " province" just after it. */
function designatorPatterns(d: PlaceDesignators): { before: RegExp; after: RegExp } {
  const alternatives = (words: readonly string[]) => words.map(escapeRegExp).join("|");
  return {
    before: new RegExp(
      `\\b(?:${alternatives(d.adminPrefixes)})\\s+(?:(?:${alternatives(d.leadingArticles)})\\s+)?$`,
      "i",
    ),
    after: new RegExp(`^[\\s-]+(?:${alternatives(d.adminSuffixes)})\\b`, "i"),
  };
}

const FEATURE_BY_CLASS: Readonly<Record<string, PlaceFeature>> = {
  P: "city",
  L: "region",
  T: "region",
  S: "facility",
  H: "water",
};

function featureOf(e: GazetteerEntry): PlaceFeature {
  if (isCountry(e)) return "country";
  if (e.featureClass === "A")
    return e.featureCode === "ADM1" ? "admin1" : e.featureCode === "ADM2" ? "admin2" : "other";
  return FEATURE_BY_CLASS[e.featureClass] ?? "other";
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
