import type { Article, EventArgument, EventMention, Place } from "../../model/index.js";
import { isPlaceArgument, placeId } from "../events/mentions.js";
import type { EventAction } from "./actions.js";
import { dayRange, daysApart, isCalendarValue, withYearFrom } from "./dates.js";

/**
 * Gathering an article's trigger mentions into happenings: "entered the town on Nov. 8",
 * "declared it clear Nov. 9" and "the liberation of" the town are one; a town taken weeks
 * earlier, or another town, is another.
 */

export interface GroupingOptions {
  /** Two dated mentions further apart than this are two happenings. */
  dateWindowDays: number;
  /** A mention that names no place joins a happening told at most this many sentences before. */
  sentenceGap: number;
}

/** What grouping needs to know about one mention. */
export interface MentionFacts {
  index: number;
  mention: EventMention;
  action: EventAction;
  placeId?: string;
  place?: Place;
  days?: [number, number];
  /** For a mention without a date of its own: the article's day, which news tells unless it dates otherwise. */
  assumedDays?: [number, number];
}

/** Only for comparing two yearless dates with each other when the article has no date. */
const YEARLESS_ANCHOR = "2000-12-31";

export function mentionFacts(
  article: Article,
  mention: EventMention,
  index: number,
  action: EventAction,
  placesById: ReadonlyMap<string, Place>,
): MentionFacts {
  const placeArg =
    mention.place ?? (mention.target && isPlaceArgument(mention.target) ? mention.target : undefined);
  const id = placeArg?.id;
  const time = mention.time;
  const value =
    time && isCalendarValue(time.value)
      ? withYearFrom(time.value, article.published?.value ?? YEARLESS_ANCHOR)
      : undefined;
  const days = value ? dayRange(value) : undefined;
  const published = article.published?.value;
  const assumedDays = !days && published && isCalendarValue(published) ? dayRange(published) : undefined;
  const place = id ? placesById.get(id) : undefined;
  return {
    index,
    mention,
    action,
    ...(id ? { placeId: id } : {}),
    ...(place ? { place } : {}),
    ...(days ? { days } : {}),
    ...(assumedDays ? { assumedDays } : {}),
  };
}

/** The first place mention of each place id. */
export function placesById(places: readonly Place[]): Map<string, Place> {
  const byId = new Map<string, Place>();
  for (const p of places) if (!byId.has(placeId(p))) byId.set(placeId(p), p);
  return byId;
}

/** Mentions in text order, each joining the first happening it fits with every mention of. */
export function groupMentions(facts: readonly MentionFacts[], options: GroupingOptions): MentionFacts[][] {
  const groups: MentionFacts[][] = [];
  for (const f of facts) {
    const home = groups.find(
      (g) =>
        g.some((other) => compatible(other, f, options)) &&
        g.every((other) => compatible(other, f, options) || silentAbout(other, f)),
    );
    if (home) home.push(f);
    else groups.push([f]);
  }
  return joinPlacelessToMainHappening(groups, options);
}

/**
 * How many more mentions the article's main happening of a kind must have than the next one
 * for a far-off mention that names no place ("shortly before it was liberated") to be read as
 * telling it: news retells its main happening in passing, rarely a side one.
 */
const MAIN_HAPPENING_LEAD = 2;

/**
 * A happening that names no place, told further on than `sentenceGap`, joins the article's main
 * happening of the same kind when one clearly leads and nothing (actors, dates) tells them apart.
 */
function joinPlacelessToMainHappening(groups: MentionFacts[][], options: GroupingOptions): MentionFacts[][] {
  const unlimited = { ...options, sentenceGap: Number.POSITIVE_INFINITY };
  const joined = new Set<MentionFacts[]>();
  for (const group of groups) {
    if (group.some((f) => f.placeId)) continue;
    const fits = groups
      .filter((other) => other !== group && !joined.has(other) && other.some((f) => f.placeId))
      .filter((other) => group.every((f) => other.every((o) => compatible(o, f, unlimited))))
      .sort((a, b) => b.length - a.length);
    const [main, next] = fits;
    if (!main || (next && main.length < MAIN_HAPPENING_LEAD * next.length)) continue;
    main.push(...group);
    main.sort((a, b) => a.index - b.index);
    joined.add(group);
  }
  return groups.filter((g) => !joined.has(g));
}

/**
 * A killing told in another sentence than a happening of another kind says nothing against it:
 * "An earthquake struck, killing 41" then "The quake was centred near X" is one happening.
 */
function silentAbout(a: MentionFacts, b: MentionFacts): boolean {
  return (
    a.action.group !== b.action.group &&
    (a.action.joinsAny || b.action.joinsAny) &&
    a.mention.sentence !== b.mention.sentence
  );
}

function compatible(a: MentionFacts, b: MentionFacts, options: GroupingOptions): boolean {
  const sameGroup = a.action.group === b.action.group;
  const sentenceGap = Math.abs(a.mention.sentence - b.mention.sentence);
  // A killing joins another kind of happening only when one sentence tells both.
  if (!sameGroup && !((a.action.joinsAny || b.action.joinsAny) && sentenceGap === 0)) return false;
  if (a.placeId && b.placeId) {
    if (!samePlace(a, b)) return false;
  } else if (sentenceGap > options.sentenceGap) {
    return false;
  }
  if (a.days && b.days && daysApart(a.days, b.days) > options.dateWindowDays) return false;
  // "The quake was centred near X." then "In February 2023, two earthquakes killed...": told in
  // another sentence, an undated mention is today's news and a mention dated long before is not.
  const [da, db] = [a.days ?? a.assumedDays, b.days ?? b.assumedDays];
  if (sentenceGap > 0 && da && db && daysApart(da, db) > options.dateWindowDays) return false;
  if (conflicting(actorOf(a), actorOf(b))) return false;
  return !conflicting(actorTarget(a), actorTarget(b));
}

/** The same place, or a country and a place inside it ("Syria" and a Syrian town). */
function samePlace(a: MentionFacts, b: MentionFacts): boolean {
  if (a.placeId === b.placeId) return true;
  const inCountry = (country?: Place, inner?: Place) =>
    country?.feature === "country" &&
    inner?.countryCode !== undefined &&
    inner.countryCode === country.countryCode;
  return inCountry(a.place, b.place) || inCountry(b.place, a.place);
}

/** The acting side's id: defenders and those who withdraw are the other side. */
function actorOf(f: MentionFacts): string | undefined {
  return f.action.role === "actor1" ? actorId(f.mention.actor) : undefined;
}

function actorTarget(f: MentionFacts): string | undefined {
  return actorId(f.mention.target);
}

function actorId(arg: EventArgument | undefined): string | undefined {
  return arg && !isPlaceArgument(arg) ? arg.id : undefined;
}

function conflicting(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b;
}
