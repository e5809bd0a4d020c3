import type {
  Article,
  Entity,
  EventActor,
  EventArgument,
  EventMention,
  EventPlace,
  Evidence,
  Fatalities,
  GeoPrecision,
  Place,
  PlaceFeature,
  Reported,
} from "../../model/index.js";
import type { ActorEntry } from "../entities/dictionary.js";
import type { ActorRole, CrowdWords, EventAction } from "./actions.js";
import { bestEntity, isPlaceArgument } from "../events/mentions.js";
import type { Gazetteer } from "../places/gazetteer.js";
import { evidenceOf } from "./dates.js";
import type { MentionFacts } from "./grouping.js";

/**
 * The fields of one report, each read from the mentions gathered into it, with the words they
 * came from: who acted and on whom, their allies, where, and how many were killed.
 */

export interface FieldContext {
  article: Article;
  actorsById: ReadonlyMap<string, ActorEntry>;
  gazetteer?: Gazetteer;
  /** Words before a place that make it approximate ("near", "outskirts of"), as built by nearPatterns. */
  nearPatterns: readonly RegExp[];
  /** Lower-case cues before an ally ("backed by"). */
  allyCues: readonly string[];
  /** How far after an ally cue its name may start, in characters. */
  allyWindow: number;
  /** Words that name no actor, the happening itself, or people in general (see createActorWords). */
  actorWords: ActorWordSets;
}

export interface ActorWordSets {
  notActors: ReadonlySet<string>;
  eventNouns: ReadonlySet<string>;
  peopleNouns: ReadonlySet<string>;
  civilians: { name: string; category: string };
  /** Weapons: "a car bomb" exploded, but no one is its actor. Optional for older callers. */
  instrumentNouns?: ReadonlySet<string>;
  /** Crowds named by what they do ("protesters" -> Protesters). */
  crowds?: readonly CrowdWords[];
}

/** What a phrase without a dictionary name says about who it is. */
export type PlainActorKind = "nobody" | "people" | "crowd" | "words";

const WORDS = /\p{L}[\p{L}'’-]*/gu;
/** Plural "-s" (and possessive) stripped to find "earthquakes" under "earthquake". */
const PLURAL_OR_POSSESSIVE = /(?:['’]s|s['’]?)$/u;

/**
 * "5-4", "everyone", "two earthquakes": nobody; "41 people", "residents": people in general;
 * anything else ("police", "gunmen", "the protesters"): the words stand for an actor.
 */
export function plainActorKind(text: string, sets: ActorWordSets): PlainActorKind {
  const words = (text.toLowerCase().match(WORDS) ?? []).map((w) => w.replace(/['’]s$/u, ""));
  const head = words[words.length - 1];
  if (head === undefined || words.every((w) => sets.notActors.has(w))) return "nobody";
  const singular = head.replace(PLURAL_OR_POSSESSIVE, "");
  if (sets.eventNouns.has(head) || sets.eventNouns.has(singular)) return "nobody";
  if (sets.instrumentNouns?.has(head) || sets.instrumentNouns?.has(singular)) return "nobody";
  if (crowdOf(head, sets)) return "crowd";
  return sets.peopleNouns.has(head) ? "people" : "words";
}

/** The crowd a head noun names ("demonstrators" -> Protesters), if any. */
function crowdOf(head: string, sets: ActorWordSets): CrowdWords | undefined {
  return sets.crowds?.find((c) => c.words.includes(head));
}

function crowdActor(crowd: CrowdWords): EventActor {
  return { name: crowd.name, category: crowd.category };
}

/** The last word of a phrase, lower-case. */
function headOf(text: string): string {
  const words = (text.toLowerCase().match(WORDS) ?? []).map((w) => w.replace(/['’]s$/u, ""));
  return words[words.length - 1] ?? "";
}

/** Pronouns say nothing about who acted unless the extractor resolved them. */
const BARE_PRONOUNS = new Set(["it", "they", "them", "he", "she", "we", "i", "you", "this", "that"]);

const PRECISION_OF_FEATURE: Record<PlaceFeature, GeoPrecision> = {
  city: "exact",
  facility: "exact",
  other: "exact",
  water: "exact",
  admin2: "region",
  admin1: "region",
  region: "region",
  country: "country",
};

/** Enough characters before a place for "on the outskirts of the town of". */
const NEAR_LOOKBACK = 40;

const GEO_RANK: Record<GeoPrecision, number> = { exact: 0, near: 1, region: 2, country: 3 };

export function geoPrecisionRank(p: GeoPrecision): number {
  return GEO_RANK[p];
}

/** An actor as the dictionary knows it, else as the words name it. */
export function actorOf(
  ctx: FieldContext,
  arg: EventArgument,
  role: ActorRole = "actor1",
): EventActor | undefined {
  if (isPlaceArgument(arg)) return role === "actor1" ? countryActing(ctx, arg) : undefined;
  if (!arg.id && BARE_PRONOUNS.has(arg.text.toLowerCase())) return undefined;
  // A name the actor dictionary does not know ("Artillery" at the start of a sentence) is read as words.
  const known = arg.id !== undefined && ctx.actorsById.has(arg.id);
  const kind = known ? "words" : plainActorKind(arg.text, ctx.actorWords);
  if (kind === "nobody") return undefined;
  if (kind === "crowd") {
    const crowd = crowdOf(headOf(arg.text), ctx.actorWords);
    if (crowd) return crowdActor(crowd);
  }
  // ACLED names unarmed victims "Civilians (Country)"; the country is added with the event's place.
  if (kind === "people" && role === "actor2") return { ...ctx.actorWords.civilians };
  // "struck at 3 a.m.": a time phrase read as an object is nobody.
  if (!arg.id && ctx.article.annotations.times.some((t) => t.start < arg.end && arg.start < t.end))
    return undefined;
  const entry = arg.id ? ctx.actorsById.get(arg.id) : undefined;
  const entity = entry ? undefined : entityAt(ctx.article.annotations.entities, arg, arg.id);
  const category = entry?.category ?? entity?.category;
  const countryCode = entry?.country ?? entity?.country;
  return {
    name: arg.canonical ?? entry?.canonical ?? arg.text,
    ...(arg.id ? { actorId: arg.id } : {}),
    ...(category ? { category } : {}),
    ...(countryCode ? { countryCode } : {}),
  };
}

/** "Poland expelled two diplomats": a country named as the one who acts is its state. */
function countryActing(ctx: FieldContext, arg: EventArgument): EventActor | undefined {
  const country = ctx.article.annotations.places.find(
    (p) => p.feature === "country" && p.start < arg.end && arg.start < p.end,
  );
  if (!country) return undefined;
  return {
    name: country.name,
    ...(country.entityActorId ? { actorId: country.entityActorId } : {}),
    category: "state",
    ...(country.countryCode ? { countryCode: country.countryCode } : {}),
  };
}

function entityAt(entities: readonly Entity[], span: EventArgument, id?: string): Entity | undefined {
  const best = bestEntity(entities, span);
  return best && (id === undefined || best.actorId === id) ? best : undefined;
}

function actorKey(actor: EventActor): string {
  return actor.actorId ?? actor.name.toLowerCase();
}

/**
 * Who acted (actor1) and who was acted upon (actor2): the actors of the mentions in their role,
 * a known actor before words alone; every mention naming the same actor is its evidence.
 */
export function readActors(
  ctx: FieldContext,
  facts: readonly MentionFacts[],
): { actor1?: Reported<EventActor>; actor2?: Reported<EventActor> } {
  const sides: Record<"actor1" | "actor2", { actor: EventActor; evidence: Evidence }[]> = {
    actor1: [],
    actor2: [],
  };
  for (const f of facts) {
    const { mention } = f;
    const actor =
      crowdActing(ctx, f.action, mention.actor) ??
      (mention.actor ? actorOf(ctx, mention.actor, f.action.role) : undefined);
    const at = mention.actor ?? mention.trigger;
    if (actor)
      sides[f.action.role].push({
        actor,
        evidence: evidenceOf(ctx.article, at, mention.sentence),
      });
    const target = mention.target ? actorOf(ctx, mention.target, "actor2") : undefined;
    if (target && mention.target && f.action.role === "actor1")
      sides.actor2.push({
        actor: target,
        evidence: evidenceOf(ctx.article, mention.target, mention.sentence),
      });
  }
  // "Police fired tear gas at protesters as thousands marched": the crowd is acted upon.
  const crowds = new Set((ctx.actorWords.crowds ?? []).map((c) => c.category));
  const isCrowd = (s: { actor: EventActor }) =>
    s.actor.category !== undefined && crowds.has(s.actor.category);
  const opposed = sides.actor1.some((s) => !isCrowd(s));
  const acting = opposed ? sides.actor1.filter((s) => !isCrowd(s)) : sides.actor1;
  const actedUpon = opposed ? [...sides.actor2, ...sides.actor1.filter(isCrowd)] : sides.actor2;
  // ACLED gives a disaster no actors: the quake "struck the coast", no one struck it; its dead are civilians.
  if (facts.some((f) => f.action.noActors)) {
    const victims = pickActor(
      actedUpon.filter((s) => s.actor.category === ctx.actorWords.civilians.category),
    );
    return victims ? { actor2: victims } : {};
  }
  const actor1 = pickActor(acting);
  const actor2 = pickActor(actedUpon.filter((s) => !actor1 || actorKey(s.actor) !== actorKey(actor1.value)));
  return { ...(actor1 ? { actor1 } : {}), ...(actor2 ? { actor2 } : {}) };
}

/** The crowd an action names when its actor is no one in particular ("thousands marched"). */
function crowdActing(
  ctx: FieldContext,
  action: EventAction,
  arg: EventArgument | undefined,
): EventActor | undefined {
  const crowd = action.crowd ? ctx.actorWords.crowds?.find((c) => c.name === action.crowd) : undefined;
  if (!crowd) return undefined;
  if (arg && arg.id && ctx.actorsById.has(arg.id)) return undefined;
  const kind = arg ? plainActorKind(arg.text, ctx.actorWords) : "nobody";
  return kind === "nobody" || kind === "people" ? crowdActor(crowd) : undefined;
}

function pickActor(
  found: readonly { actor: EventActor; evidence: Evidence }[],
): Reported<EventActor> | undefined {
  const chosen = found.find((f) => f.actor.actorId) ?? found[0];
  if (!chosen) return undefined;
  const key = actorKey(chosen.actor);
  return {
    value: chosen.actor,
    evidence: found.filter((f) => actorKey(f.actor) === key).map((f) => f.evidence),
  };
}

/**
 * Allies: the actors of "support" mentions whose target is the acting side ("the army, backed
 * by militias"), and names right after an ally cue ("aligned with", "with the support of").
 */
export function readAssociated(
  ctx: FieldContext,
  sentences: readonly number[],
  supports: readonly { mention: EventMention }[],
  exclude: readonly (EventActor | undefined)[],
): Reported<EventActor>[] {
  const excluded = new Set(exclude.flatMap((a) => (a ? [actorKey(a)] : [])));
  const found = new Map<string, Reported<EventActor>>();
  const add = (actor: EventActor | undefined, evidence: Evidence) => {
    if (!actor || excluded.has(actorKey(actor))) return;
    const key = actorKey(actor);
    const seen = found.get(key);
    found.set(
      key,
      seen
        ? { value: seen.value, evidence: [...seen.evidence, evidence] }
        : { value: actor, evidence: [evidence] },
    );
  };
  for (const { mention } of supports) {
    if (!sentences.includes(mention.sentence) || !mention.actor) continue;
    add(actorOf(ctx, mention.actor), evidenceOf(ctx.article, mention.actor, mention.sentence));
  }
  for (const s of sentences) for (const ally of alliesAfterCues(ctx, s)) add(ally.actor, ally.evidence);
  return [...found.values()];
}

function alliesAfterCues(ctx: FieldContext, sentence: number): { actor: EventActor; evidence: Evidence }[] {
  const span = ctx.article.annotations.sentences[sentence];
  if (!span) return [];
  const lower = ctx.article.text.slice(span.start, span.end).toLowerCase();
  const allies: { actor: EventActor; evidence: Evidence }[] = [];
  for (const cue of ctx.allyCues) {
    for (let at = lower.indexOf(cue); at >= 0; at = lower.indexOf(cue, at + cue.length)) {
      if (at > 0 && /\p{L}/u.test(lower[at - 1] ?? "")) continue;
      const from = span.start + at + cue.length;
      const entity = ctx.article.annotations.entities.find(
        (e) => e.start >= from && e.start <= from + ctx.allyWindow && e.end <= span.end,
      );
      if (!entity) continue;
      const actor = actorOf(ctx, {
        start: entity.start,
        end: entity.end,
        text: entity.text,
        id: entity.actorId,
        canonical: entity.canonical,
      });
      if (actor) allies.push({ actor, evidence: evidenceOf(ctx.article, entity, sentence) });
    }
  }
  return allies;
}

/**
 * Where: the most specific place the mentions name (a town before a province before a country),
 * the most often named on a tie; "near X" or "the outskirts of X" makes it approximate.
 */
export function readPlace(
  ctx: FieldContext,
  facts: readonly MentionFacts[],
): Reported<EventPlace> | undefined {
  const candidates = new Map<string, { place: Place; precision: GeoPrecision; evidence: Evidence[] }>();
  for (const f of facts) {
    if (!f.placeId || !f.place) continue;
    const arg = f.mention.place ?? f.mention.target;
    const named = arg
      ? ctx.article.annotations.places.find((p) => p.start < arg.end && arg.start < p.end)
      : undefined;
    const place = named && named.name === f.place.name ? named : f.place;
    const precision = named && isNear(ctx, named) ? "near" : PRECISION_OF_FEATURE[place.feature];
    const evidence = arg ? [evidenceOf(ctx.article, arg, f.mention.sentence)] : [];
    const seen = candidates.get(f.placeId);
    const better =
      seen && geoPrecisionRank(seen.precision) <= geoPrecisionRank(precision) ? seen.precision : precision;
    candidates.set(f.placeId, {
      place: seen?.place ?? place,
      precision: better,
      evidence: [...(seen?.evidence ?? []), ...evidence],
    });
  }
  const best = [...candidates.values()].sort(
    (a, b) =>
      geoPrecisionRank(a.precision) - geoPrecisionRank(b.precision) || b.evidence.length - a.evidence.length,
  )[0];
  return best ? { value: eventPlace(ctx, best.place, best.precision), evidence: best.evidence } : undefined;
}

function isNear(ctx: FieldContext, place: Place): boolean {
  const before = ctx.article.text.slice(Math.max(0, place.start - NEAR_LOOKBACK), place.start);
  return ctx.nearPatterns.some((pattern) => pattern.test(before));
}

/** "near", "outskirts of", maybe followed by "the town of", right before a place name. */
export function nearPatterns(cues: readonly string[]): RegExp[] {
  return cues.map((cue) => {
    const escaped = cue.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
    return new RegExp(
      `\\b${escaped}\\s+(?:the\\s+)?(?:(?:town|city|village|area|district)\\s+of\\s+)?$`,
      "i",
    );
  });
}

export function eventPlace(ctx: FieldContext, place: Place, precision: GeoPrecision): EventPlace {
  const country = place.countryCode ? ctx.gazetteer?.countryByCode(place.countryCode)?.name : undefined;
  return {
    name: place.name,
    ...(place.geonameId !== undefined ? { geonameId: place.geonameId } : {}),
    lat: place.lat,
    lon: place.lon,
    ...(place.countryCode ? { countryCode: place.countryCode } : {}),
    ...(country ? { country } : {}),
    ...(place.admin1 && place.feature !== "admin1"
      ? { admin1: place.admin1 }
      : place.feature === "admin1"
        ? { admin1: place.name }
        : {}),
    precision,
  };
}

/**
 * The dead: figures of people killed in the report's sentences, added up within a sentence
 * ("14 soldiers and 20 fighters were killed"), the largest sentence's total when several
 * sentences give one (a later sentence usually repeats or updates the toll).
 */
export function readFatalities(
  ctx: FieldContext,
  sentences: readonly number[],
): Reported<Fatalities> | undefined {
  const { quantities, sentences: spans } = ctx.article.annotations;
  let best: Reported<Fatalities> | undefined;
  for (const s of sentences) {
    const span = spans[s];
    if (!span) continue;
    const killed = quantities.filter(
      (q) => q.casualty === "killed" && q.start >= span.start && q.end <= span.end,
    );
    const counts = killed.flatMap((q) => {
      const count = q.value ?? q.low;
      return count === undefined ? [] : [{ q, count }];
    });
    if (counts.length === 0) continue;
    const total: Fatalities = {
      count: counts.reduce((n, c) => n + c.count, 0),
      approximate: counts.some((c) => c.q.approximate || c.q.value === undefined),
      ...(counts.every((c) => c.q.low !== undefined)
        ? { low: counts.reduce((n, c) => n + (c.q.low ?? 0), 0) }
        : {}),
      ...(counts.every((c) => c.q.high !== undefined)
        ? { high: counts.reduce((n, c) => n + (c.q.high ?? 0), 0) }
        : {}),
    };
    if (!best || total.count > best.value.count)
      best = { value: total, evidence: counts.map((c) => evidenceOf(ctx.article, c.q, s)) };
  }
  return best;
}
