import type { Article, Entity, Place, PlaceFeature } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";

export { isKnownPlace } from "./gazetteer.js";

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

/**
 * Resolves GPE and LOC entity mentions to one gazetteer entry each. A candidate's score adds a
 * prior (population, kind of feature) to evidence from the article (a "province" next to the
 * name, other places and countries it names). Names the gazetteer does not know give no place.
 */
export interface PlaceResolverOptions {
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
  /** Score margin between the best two candidates that gives confidence 0.73 (sigmoid of 1). */
  confidenceMarginScale: number;
  /** Confidence factor when only a looser form matched ("Al-Raqqa" found as "Raqqa"). */
  looseMatchFactor: number;
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
  districtSeatPrior: 0.15,
  supplementPrior: 0.5,
  adminDesignatorBonus: 2,
  seatNamePenalty: 1,
  mentionedCountryBonus: 0.7,
  placeCountryBonus: 0.3,
  mentionedAdminBonus: 1,
  confidenceMarginScale: 0.25,
  looseMatchFactor: 0.9,
  designatorWindow: 30,
});

export interface PlaceResolverConfig {
  gazetteer: Gazetteer;
  options?: Partial<PlaceResolverOptions>;
  /** Default: data/gazetteer/designators.json. */
  designators?: PlaceDesignators;
}

const PLACE_ENTITY_TYPES: ReadonlySet<string> = new Set(["GPE", "LOC"]);
const PROVENANCE_METHOD = "gazetteer";

/** What the article says about the other places it names, for one mention. */
interface ArticleContext {
  countries: ReadonlySet<string>;
  placeCountries: ReadonlySet<string>;
  /** "CC|province name" of provinces named. */
  admins: ReadonlySet<string>;
  /** "CC|province name" of provinces that hold a place named. */
  adminsOfPlaces: ReadonlySet<string>;
}

interface Mention {
  entity: Entity;
  key: string;
  wantsAdmin: boolean;
  candidates: readonly GazetteerEntry[];
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
};

export function createPlaceResolver(config: PlaceResolverConfig): AnalysisComponent {
  const options: PlaceResolverOptions = { ...DEFAULT_PLACE_RESOLVER_OPTIONS, ...config.options };
  const designators = config.designators ?? loadPlaceDesignators();
  const { gazetteer } = config;
  const designatorPattern = designatorPatterns(designators);

  function run(article: Article): { places: Place[] } {
    const mentions = article.annotations.entities
      .filter((e) => PLACE_ENTITY_TYPES.has(e.type))
      .map((entity) => readMention(article.text, entity))
      .filter((m) => m.candidates.length > 0);

    // First pass: each name on its own; the winners are the context of the second pass.
    const firstChoice = new Map<string, GazetteerEntry>();
    for (const m of mentions) {
      const best = rank(m, NO_CONTEXT)[0];
      if (best && !firstChoice.has(m.key)) firstChoice.set(m.key, best.entry);
    }
    const places = mentions.map((m) => toPlace(article.text, m, rank(m, contextWithout(firstChoice, m.key))));
    return { places: places.sort((a, b) => a.start - b.start || a.end - b.end) };
  }

  function readMention(text: string, entity: Entity): Mention {
    const surface = text.slice(entity.start, entity.end);
    const wantsAdmin =
      withoutAdminDesignator(surface, designators) !== undefined ||
      designatorPattern.before.test(
        text.slice(Math.max(0, entity.start - options.designatorWindow), entity.start),
      ) ||
      designatorPattern.after.test(text.slice(entity.end, entity.end + options.designatorWindow));
    return { entity, key: foldPlaceKey(surface), wantsAdmin, candidates: gazetteer.lookup(surface) };
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
      sigmoid(margin / options.confidenceMarginScale) * (exact ? 1 : options.looseMatchFactor),
    );
    const e = best.entry;
    const place: Place = {
      start: m.entity.start,
      end: m.entity.end,
      text: text.slice(m.entity.start, m.entity.end),
      provenance: { stage: "analyze", method: `${PROVENANCE_METHOD}:${e.source}`, confidence },
      name: e.name,
      lat: e.lat,
      lon: e.lon,
      feature: featureOf(e),
      featureCode: e.featureCode,
      confidence,
      entityActorId: m.entity.actorId,
    };
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
  return size + featurePrior(e, o) + (e.source === "supplement" ? o.supplementPrior : 0);
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
  if (isAdminArea(e)) {
    if (m.wantsAdmin) score += o.adminDesignatorBonus;
    else if (namesATownInside(e, m.candidates)) score -= o.seatNamePenalty;
  }
  const cc = e.countryCode;
  if (cc && c.countries.has(cc)) score += o.mentionedCountryBonus;
  else if (cc && c.placeCountries.has(cc)) score += o.placeCountryBonus;
  if (cc && e.admin1 && c.admins.has(`${cc}|${e.admin1}`)) score += o.mentionedAdminBonus;
  if (cc && e.featureCode === "ADM1" && c.adminsOfPlaces.has(`${cc}|${e.name}`))
    score += o.mentionedAdminBonus;
  return score;
}

/** Another candidate for the same name is a town inside this area: the area is named after it. */
function namesATownInside(area: GazetteerEntry, candidates: readonly GazetteerEntry[]): boolean {
  return candidates.some(
    (t) =>
      t.featureClass === "P" &&
      t.countryCode === area.countryCode &&
      (area.featureCode === "ADM1" ? t.admin1 === area.name : t.admin1 === area.admin1),
  );
}

/** Context for one name: what the other names of the article resolved to on their own. */
function contextWithout(firstChoice: ReadonlyMap<string, GazetteerEntry>, ownKey: string): ArticleContext {
  const countries = new Set<string>();
  const placeCountries = new Set<string>();
  const admins = new Set<string>();
  const adminsOfPlaces = new Set<string>();
  for (const [key, e] of firstChoice) {
    if (key === ownKey || !e.countryCode) continue;
    if (isCountry(e)) {
      countries.add(e.countryCode);
      continue;
    }
    placeCountries.add(e.countryCode);
    if (e.featureCode === "ADM1") admins.add(`${e.countryCode}|${e.name}`);
    if (e.admin1) adminsOfPlaces.add(`${e.countryCode}|${e.admin1}`);
  }
  return { countries, placeCountries, admins, adminsOfPlaces };
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
