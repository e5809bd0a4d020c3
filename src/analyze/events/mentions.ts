import type { Entity, EventArgument, Place, PlaceFeature, Span } from "../../model/index.js";

/**
 * Picking the entity or place a phrase refers to, and the place an article is mostly about.
 * Shared by events, quotes and attributions.
 */

/** Ids given to place arguments, so that later steps can tell a place from an actor. */
export const GEONAMES_ID_PREFIX = "geonames:";
export const PLACE_ID_PREFIX = "place:";

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * The entity that best names a phrase: among those overlapping it, a non-demonym before a
 * demonym ("French" in "French military" is only a modifier), then the widest overlap.
 */
export function bestEntity(entities: readonly Entity[], span: Span): Entity | undefined {
  const score = (e: Entity) => overlap(e, span) + (e.type === "NORP" ? 0 : span.end - span.start + 1);
  return entities
    .filter((e) => overlap(e, span) > 0)
    .sort((a, b) => score(b) - score(a) || a.start - b.start)[0];
}

/** The place mention overlapping a phrase, the most confident first. */
export function bestPlace(places: readonly Place[], span: Span): Place | undefined {
  return places.filter((p) => overlap(p, span) > 0).sort((a, b) => b.confidence - a.confidence)[0];
}

export function placeId(place: Place): string {
  return place.geonameId !== undefined
    ? `${GEONAMES_ID_PREFIX}${place.geonameId}`
    : `${PLACE_ID_PREFIX}${place.name.toLowerCase()}`;
}

/** An argument whose words are the phrase's and whose referent is the place. */
export function placeArgument(phrase: Span & { text: string }, place: Place): EventArgument {
  return {
    start: phrase.start,
    end: phrase.end,
    text: phrase.text,
    id: placeId(place),
    canonical: place.name,
  };
}

export function isPlaceArgument(argument: EventArgument): boolean {
  return (
    argument.id?.startsWith(GEONAMES_ID_PREFIX) === true || argument.id?.startsWith(PLACE_ID_PREFIX) === true
  );
}

/** Features a bare "it" is taken to mean when it is captured or entered: a town or a site, not a country. */
export const LOCAL_FEATURES: readonly PlaceFeature[] = ["city", "facility", "other", "admin2"];

/**
 * The place an article is mostly about among places of the given features (all places when
 * none has them): the one mentioned most often, the earliest on a tie. "The town" with no name
 * in a story about one town means that town, even if the country is named more often.
 */
export function salientPlace(all: readonly Place[], features?: readonly PlaceFeature[]): Place | undefined {
  const fitting = features ? all.filter((p) => features.includes(p.feature)) : [];
  const places = fitting.length > 0 ? fitting : all;
  const counts = new Map<string, { count: number; first: Place }>();
  for (const place of [...places].sort((a, b) => a.start - b.start)) {
    const key = placeId(place);
    const seen = counts.get(key);
    counts.set(key, { count: (seen?.count ?? 0) + 1, first: seen?.first ?? place });
  }
  let best: { count: number; first: Place } | undefined;
  for (const entry of counts.values()) {
    if (
      !best ||
      entry.count > best.count ||
      (entry.count === best.count && entry.first.start < best.first.start)
    ) {
      best = entry;
    }
  }
  return best?.first;
}
