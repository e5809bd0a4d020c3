import type { Entity, EntityType, Span, Token } from "../../model/index.js";
import {
  type AbbreviationMention,
  createAbbreviationFinder,
  type ProvinceAbbreviation,
} from "./abbreviations.js";
import {
  foldPlaceKey,
  type Gazetteer,
  type GazetteerEntry,
  isCountry,
  isKnownPlace,
  type PlaceDesignators,
  withoutAdminDesignator,
} from "./gazetteer.js";

/**
 * Which stretches of an article name places: GPE and LOC entities, widened to the whole name the
 * gazetteer knows when the recogniser cut it short ("British" + "Columbia", "Democratic Republic"
 * + "of the" + "Congo"), and ORG or MISC entities whose whole surface is a country, a province,
 * a continent or region, or a capital (news use "Kentucky" or "the U.S." as actors too).
 */
export interface PlaceMentionOptions {
  /** Tokens a mention may grow by: "Democratic Republic of the Congo" is 5 tokens from 1. */
  maxWidenTokens: number;
  /** A widened name must be a place of at least this population (or a country, province, supplement entry). */
  widenMinPopulation: number;
  /**
   * Entity types read as places only when their whole surface, or a run of words inside them, is
   * a strong place (see `isStrongPlace`): "Kentucky" or "Kentucky State Police" typed ORG.
   */
  otherEntityTypes: readonly EntityType[];
  /** A town is a strong place from this population: cities everyone knows ("London Police"). */
  strongTownPopulation: number;
  /**
   * A province is a strong place from this population (the sum of its towns'): parishes of tiny
   * countries are first-level areas too, and are named like people ("Michael", Isle of Man).
   */
  strongAdminPopulation: number;
}

export const DEFAULT_PLACE_MENTION_OPTIONS: Readonly<PlaceMentionOptions> = Object.freeze({
  maxWidenTokens: 4,
  widenMinPopulation: 1_000,
  otherEntityTypes: Object.freeze(["ORG", "MISC"] as EntityType[]),
  strongTownPopulation: 1_000_000,
  strongAdminPopulation: 100_000,
});

export interface PlaceMention extends Span {
  /** The entity the mention grew from; none for an abbreviation found in the text ("Ky."). */
  entity?: Entity;
  surface: string;
  /** The mention is wider than its entity. */
  widened: boolean;
  /** The entity was not typed as a place (ORG, MISC): only strong candidates are kept. */
  retyped: boolean;
  candidates: readonly GazetteerEntry[];
}

const PLACE_ENTITY_TYPES: ReadonlySet<EntityType> = new Set(["GPE", "LOC"]);
const CAPITALISED = /^\p{Lu}/u;
const LINE_BREAK = /\n/;

export interface PlaceMentionFinder {
  (text: string, entities: readonly Entity[], tokens: readonly Token[]): PlaceMention[];
}

export function createPlaceMentionFinder(
  gazetteer: Gazetteer,
  designators: PlaceDesignators,
  options: Partial<PlaceMentionOptions> = {},
  abbreviations: readonly ProvinceAbbreviation[] = [],
): PlaceMentionFinder {
  const findAbbreviations = createAbbreviationFinder(gazetteer, abbreviations);
  const o: PlaceMentionOptions = { ...DEFAULT_PLACE_MENTION_OPTIONS, ...options };
  const connectors = new Set((designators.nameConnectors ?? []).map((c) => c.toLowerCase()));
  const otherTypes = new Set(o.otherEntityTypes);
  const known = (surface: string) =>
    isKnownPlace(gazetteer, surface, { minPopulation: o.widenMinPopulation });

  function mentionOf(text: string, entity: Entity, tokens: TokenIndex): PlaceMention | undefined {
    if (PLACE_ENTITY_TYPES.has(entity.type)) {
      const wide = widen(text, entity, tokens, o.maxWidenTokens, connectors, known);
      const own = wide ?? entity;
      const mention = placeMention(text, entity, own, false);
      if (mention) return mention;
      // "Far North Queensland", "Environment Canada": a strong place inside a name the gazetteer
      // lacks. Only strong ones: any word of a long name is some village ("Indian Ocean").
      return strongInside(text, entity, tokens);
    }
    if (!otherTypes.has(entity.type)) return undefined;
    // "Kentucky" typed ORG, or a strong place inside an organisation's name ("Kentucky State Police").
    return placeMention(text, entity, entity, true) ?? strongInside(text, entity, tokens);
  }

  /**
   * The longest strong place inside an entity ("Kentucky" in "Kentucky State Police"), where a
   * district written with its designator counts as strong: "Plymouth County" in "Plymouth County
   * Sheriff's Office" is the county, not the capital of Montserrat named like its first word.
   */
  function strongInside(text: string, entity: Entity, tokens: TokenIndex): PlaceMention | undefined {
    const strongKnown = (surface: string) => gazetteer.lookup(surface).some((e) => isStrong(e, surface));
    const inner = knownInside(text, entity, tokens, strongKnown);
    return inner ? placeMention(text, entity, inner, true) : undefined;
  }

  function isStrong(e: GazetteerEntry, surface: string): boolean {
    if (e.featureCode === "ADM2" && withoutAdminDesignator(surface, designators) !== undefined) return true;
    return isStrongPlace(e, o.strongTownPopulation, o.strongAdminPopulation) && namesExactly(e, surface);
  }

  /** A mention over the span, with its candidates (only strong ones for a retyped entity). */
  function placeMention(
    text: string,
    entity: Entity,
    span: Span,
    retyped: boolean,
  ): PlaceMention | undefined {
    const surface = text.slice(span.start, span.end);
    const all = gazetteer.lookup(surface);
    const candidates = retyped ? all.filter((e) => isStrong(e, surface)) : all;
    if (candidates.length === 0) return undefined;
    const widened = span.start < entity.start || span.end > entity.end;
    return { start: span.start, end: span.end, entity, surface, widened, retyped, candidates };
  }

  return (text, entities, tokens) => {
    const indexed = tokenIndex(tokens);
    const found = entities
      .map((e) => mentionOf(text, e, indexed))
      .filter((m): m is PlaceMention => m !== undefined);
    return withoutNested(withAbbreviations(found, findAbbreviations(text, entities)));
  };
}

/**
 * Places a news reader knows without context: countries, provinces, continents and regions of the
 * supplement, national capitals, big cities. Only these turn an ORG or MISC entity into a place.
 */
export function isStrongPlace(
  e: GazetteerEntry,
  minTownPopulation: number,
  minAdminPopulation: number,
): boolean {
  return (
    isCountry(e) ||
    (e.featureClass === "A" && e.featureCode === "ADM1" && e.population >= minAdminPopulation) ||
    e.source === "supplement" ||
    e.featureCode === "PPLC" ||
    (e.featureClass === "P" && e.population >= minTownPopulation)
  );
}

/** The surface is one of the entry's names, not a looser form of it. */
function namesExactly(e: GazetteerEntry, surface: string): boolean {
  const key = foldPlaceKey(surface);
  if (foldPlaceKey(e.name) === key) return true;
  for (const n of e.alternateNames ?? []) if (foldPlaceKey(n) === key) return true;
  return false;
}

/** A document's tokens, with a fast way to the ones in a span when they come in text order. */
interface TokenIndex {
  tokens: readonly Token[];
  /** Every token starts at or after the one before and ends at or after its own start. */
  ordered: boolean;
}

function tokenIndex(tokens: readonly Token[]): TokenIndex {
  let ordered = true;
  for (let i = 0; i < tokens.length && ordered; i++) {
    const t = tokens[i] as Token;
    ordered = t.end >= t.start && (i === 0 || t.start >= (tokens[i - 1] as Token).start);
  }
  return { tokens, ordered };
}

/** The first token that starts at or after `start` (tokens in text order), or tokens.length. */
function firstStartingAt(tokens: readonly Token[], start: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as Token).start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first token starting inside the span, -1 when none does. */
function firstTokenIn({ tokens, ordered }: TokenIndex, span: Span): number {
  if (!ordered) return tokens.findIndex((t) => t.start >= span.start && t.start < span.end);
  const i = firstStartingAt(tokens, span.start);
  return i < tokens.length && (tokens[i] as Token).start < span.end ? i : -1;
}

/** The tokens wholly inside the span, in order. */
function tokensInside({ tokens, ordered }: TokenIndex, span: Span): Token[] {
  if (!ordered) return tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  const inside: Token[] = [];
  // past a token starting after the span's end, none can end inside it (ends follow starts)
  for (let i = firstStartingAt(tokens, span.start); i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.start > span.end) break;
    if (t.end <= span.end) inside.push(t);
  }
  return inside;
}

/**
 * The longest stretch around an entity, over capitalised words and name connectors of the same
 * line, that the gazetteer knows as a place; undefined when no wider stretch is known.
 */
function widen(
  text: string,
  entity: Span,
  indexed: TokenIndex,
  maxTokens: number,
  connectors: ReadonlySet<string>,
  known: (surface: string) => boolean,
): Span | undefined {
  const tokens = indexed.tokens;
  const first = firstTokenIn(indexed, entity);
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1] as Token).end <= entity.end) last++;
  const isPart = (i: number) => {
    const t = tokens[i];
    return t !== undefined && (CAPITALISED.test(t.text) || connectors.has(t.text.toLowerCase()));
  };
  const joined = (a: number, b: number) =>
    !LINE_BREAK.test(text.slice((tokens[a] as Token).end, (tokens[b] as Token).start));
  let lo = first;
  while (lo > 0 && first - lo < maxTokens && isPart(lo - 1) && joined(lo - 1, lo)) lo--;
  let hi = last;
  while (hi + 1 < tokens.length && hi - last < maxTokens && isPart(hi + 1) && joined(hi, hi + 1)) hi++;

  let best: Span | undefined;
  for (let l = lo; l <= first; l++) {
    for (let r = hi; r >= last; r--) {
      if (l === first && r === last) continue;
      if (first - l + (r - last) > maxTokens) continue;
      const left = tokens[l] as Token;
      const right = tokens[r] as Token;
      if (!CAPITALISED.test(left.text) || !CAPITALISED.test(right.text)) continue;
      if (best && right.end - left.start <= best.end - best.start) continue;
      if (known(text.slice(left.start, right.end))) best = { start: left.start, end: right.end };
    }
  }
  return best;
}

/**
 * The longest run of whole tokens strictly inside an entity, starting and ending with a
 * capitalised word, that `accept` takes for a place; undefined when there is none.
 */
function knownInside(
  text: string,
  entity: Span,
  tokens: TokenIndex,
  accept: (surface: string) => boolean,
): Span | undefined {
  const inside = tokensInside(tokens, entity);
  let best: Span | undefined;
  for (let l = 0; l < inside.length; l++) {
    for (let r = inside.length - 1; r >= l; r--) {
      if (l === 0 && r === inside.length - 1) continue;
      const left = inside[l] as Token;
      const right = inside[r] as Token;
      if (!CAPITALISED.test(left.text) || !CAPITALISED.test(right.text)) continue;
      if (best && right.end - left.start <= best.end - best.start) continue;
      if (accept(text.slice(left.start, right.end))) best = { start: left.start, end: right.end };
    }
  }
  return best;
}

/**
 * Abbreviations join the mentions: as new mentions where no entity gave a place ("Ky." typed
 * LOC finds no name in the gazetteer, "NSW" typed ORG), or adding their provinces to the
 * candidates of a mention over the same stretch ("WA" is also a town in Ghana).
 */
function withAbbreviations(
  found: PlaceMention[],
  abbreviated: readonly AbbreviationMention[],
): PlaceMention[] {
  const merged = found.map((m) => {
    const same = abbreviated.find((a) => a.start === m.start && a.end === m.end);
    return same ? { ...m, retyped: false, candidates: [...same.candidates, ...m.candidates] } : m;
  });
  const added = abbreviated
    .filter((a) => !found.some((m) => m.start < a.end && a.start < m.end))
    .map((a): PlaceMention => ({ ...a, widened: false, retyped: false }));
  return [...merged, ...added];
}

/** One mention per stretch: mentions inside a wider one (two entities widened alike) are dropped. */
function withoutNested(mentions: PlaceMention[]): PlaceMention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PlaceMention[] = [];
  for (const m of sorted) {
    const outer = kept[kept.length - 1];
    if (outer && m.start >= outer.start && m.end <= outer.end) continue;
    kept.push(m);
  }
  return kept;
}
