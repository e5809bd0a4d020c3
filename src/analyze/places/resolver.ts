import type { Article, Place, PlaceFeature } from "../../model/index.js";
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
};

export function createPlaceResolver(config: PlaceResolverConfig): AnalysisComponent {
  const options: PlaceResolverOptions = { ...DEFAULT_PLACE_RESOLVER_OPTIONS, ...config.options };
  const designators = config.designators ?? loadPlaceDesignators();
  const { gazetteer } = config;
  const designatorPattern = designatorPatterns(designators);
  const findMentions = createPlaceMentionFinder(gazetteer, designators, options);

  function run(article: Article): { places: Place[] } {
    const { text } = article;
    const found = findMentions(text, article.annotations.entities, article.annotations.tokens);
    const fits = containerFits(text, found);
    const mentions = found.map((m, i) => readMention(text, m, fits[i] ?? new Set()));

    // First pass: each name on its own; the winners are the context of the second pass.
    const firstChoice = new Map<string, GazetteerEntry>();
    for (const m of mentions) {
      const best = rank(m, NO_CONTEXT)[0];
      if (best && !firstChoice.has(m.key)) firstChoice.set(m.key, best.entry);
    }
    const places = mentions.map((m) => toPlace(text, m, rank(m, contextWithout(firstChoice, m.key))));
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
      entityActorId: entity.actorId,
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
  if (m.contained.has(e)) score += o.containerBonus;
  const cc = e.countryCode;
  if (cc && c.countries.has(cc)) score += o.mentionedCountryBonus;
  else if (cc && c.placeCountries.has(cc)) score += o.placeCountryBonus;
  if (cc && e.admin1 && c.admins.has(`${cc}|${e.admin1}`)) score += o.mentionedAdminBonus;
  if (cc && e.featureCode === "ADM1" && c.adminsOfPlaces.has(`${cc}|${e.name}`))
    score += o.mentionedAdminBonus;
  return score;
}

/** Seats an area may be named after: a province after its capital, a district after its seat. */
const SEATS_OF: Readonly<Record<string, ReadonlySet<string>>> = {
  ADM1: new Set(["PPLA", "PPLC"]),
  ADM2: new Set(["PPLA2", "PPLA", "PPLC"]),
};

/**
 * Another candidate for the same name is the seat of this area: the area is named after it
 * ("Raqqa" province, seat Raqqa). Only seats count: a town elsewhere in the area that merely
 * lists the area's name among its alternate names (Yuma, "Arizona") names nothing after itself.
 */
function namesATownInside(area: GazetteerEntry, candidates: readonly GazetteerEntry[]): boolean {
  const seats = SEATS_OF[area.featureCode];
  return candidates.some(
    (t) =>
      t.featureClass === "P" &&
      seats !== undefined &&
      seats.has(t.featureCode) &&
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
