import type {
  Article,
  EventActor,
  EventPlace,
  EventReport,
  Provenance,
  Reported,
  Token,
} from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import type { ActorDictionary, ActorEntry } from "../entities/dictionary.js";
import type { EventTaxonomy, EventTypeClassifier } from "../event-types/index.js";
import type { Gazetteer } from "../places/gazetteer.js";
import { type EventAction, type EventActions, loadEventActions } from "./actions.js";
import { byPrecisionThenDay, reportDates } from "./dates.js";
import {
  type ActorWordSets,
  type FieldContext,
  nearPatterns,
  readActors,
  readAssociated,
  readFatalities,
  readPlace,
} from "./fields.js";
import { groupMentions, type MentionFacts, mentionFacts, placesById } from "./grouping.js";

export {
  type ActorRole,
  type ActorWords,
  checkActionsAgainst,
  DEFAULT_ACTIONS_FILE,
  type EventAction,
  type EventActions,
  loadEventActions,
  parseEventActions,
} from "./actions.js";
export {
  dayRange,
  daysApart,
  hasYear,
  isoWeekOf,
  precisionRank,
  PUBLISHED_DATE_PRECISION,
  reportDates,
  withYearFrom,
} from "./dates.js";
export { type ActorWordSets, geoPrecisionRank, plainActorKind, type PlainActorKind } from "./fields.js";

const PROVENANCE_METHOD = "event-reports";

export interface EventReporterOptions {
  classifier: EventTypeClassifier;
  /** Names each sub-type's type. */
  taxonomy: EventTaxonomy;
  /** data/events/actions.json; loaded when absent. */
  actions?: EventActions;
  /** For each actor's dictionary category and country. */
  actors?: ActorDictionary;
  /** For the country name of a place. */
  gazetteer?: Gazetteer;
  /** Two dated mentions further apart than this many days are two happenings. */
  dateWindowDays?: number;
  /** A mention naming no place joins a happening told at most this many sentences before. */
  sentenceGap?: number;
  /** Share of the sub-type score the trigger actions decide; the classifier decides the rest. */
  actionWeight?: number;
  /** How far after "backed by" an ally's name may start, in characters. */
  allyWindow?: number;
}

export const DEFAULT_EVENT_REPORTER_OPTIONS = {
  // An assault and the capture it ends, or the entry and the all-clear, are told on successive days.
  dateWindowDays: 3,
  // "The army entered X. It declared the town clear": the next sentence may leave the place unnamed.
  sentenceGap: 1,
  // The classifier gets about a third of held-out sub-types right; the trigger is as good a witness.
  actionWeight: 0.5,
  // "backed by Shia fighters from Iraq": the ally is named within a few words of the cue.
  allyWindow: 40,
} as const;

/** An action the actions file does not list still groups with its own kind. */
function unknownAction(name: string): EventAction {
  return {
    group: name,
    joinsAny: false,
    role: "actor1",
    subTypes: {},
    bySide: {},
    byTarget: {},
    noActors: false,
  };
}

/**
 * Event reports: one record per happening an article tells, from its trigger mentions. Mentions
 * of the same happening (same place, compatible actions, dates within a few days) are gathered;
 * its type comes from the classifier over its sentences and the trigger actions; its actors,
 * place, date and toll from the mentions and sentences, each with the words it was read from.
 */
export function createEventReporter(options: EventReporterOptions): AnalysisComponent {
  const settings = { ...DEFAULT_EVENT_REPORTER_OPTIONS, ...options };
  const actions = options.actions ?? loadEventActions();
  const associations = new Set(actions.associationActions);
  const actorsById = new Map<string, ActorEntry>((options.actors?.actors ?? []).map((a) => [a.id, a]));
  const typeOf = new Map(options.taxonomy.types.flatMap((t) => t.subTypes.map((s) => [s.id, t.id] as const)));
  const sideOf = new Map(
    Object.entries(actions.sides).flatMap(([side, cats]) => cats.map((c) => [c, side] as const)),
  );
  const near = nearPatterns(actions.nearCues);
  const allyCues = actions.allyCues.map((c) => c.toLowerCase());
  const actorWords: ActorWordSets = {
    notActors: new Set(actions.actorWords.notActors),
    eventNouns: new Set(actions.actorWords.eventNouns),
    peopleNouns: new Set(actions.actorWords.peopleNouns),
    civilians: actions.actorWords.civilians,
    instrumentNouns: new Set(actions.actorWords.instrumentNouns),
    crowds: actions.actorWords.crowds,
  };
  const genericCategories = new Set([
    actorWords.civilians.category,
    ...actions.actorWords.crowds.map((c) => c.category),
  ]);

  function run(article: Article): { eventReports: EventReport[] } {
    const mentions = article.annotations.events;
    if (mentions.length === 0) return { eventReports: [] };
    const byId = placesById(article.annotations.places);
    // A denied deed ("denied carrying out the strike") is no happening: the cross-check reads it.
    const facts = mentions.flatMap((m, i) =>
      associations.has(m.action) || m.denied
        ? []
        : [mentionFacts(article, m, i, actions.actions[m.action] ?? unknownAction(m.action), byId)],
    );
    const supports = mentions
      .filter((m) => associations.has(m.action) && !m.denied)
      .map((mention) => ({ mention }));
    const ctx: FieldContext = {
      article,
      actorsById,
      ...(options.gazetteer ? { gazetteer: options.gazetteer } : {}),
      nearPatterns: near,
      allyCues,
      allyWindow: settings.allyWindow,
      actorWords,
    };
    const groups = groupMentions(facts, settings);
    const tokens = tokensBySentence(article.annotations.tokens);
    return { eventReports: groups.map((g, n) => report(ctx, tokens, g, supports, n + 1)) };
  }

  function report(
    ctx: FieldContext,
    tokens: ReadonlyMap<number, Token[]>,
    group: readonly MentionFacts[],
    supports: readonly { mention: MentionFacts["mention"] }[],
    n: number,
  ): EventReport {
    const { article } = ctx;
    const sentences = [...new Set(group.map((f) => f.mention.sentence))].sort((a, b) => a - b);
    const mentionIds = group.map((f) => f.index);
    const place = readPlace(ctx, group);
    const actors = readActors(ctx, group);
    const actor1 = actors.actor1 && inCountry(actors.actor1, place?.value);
    const actor2 = actors.actor2 && inCountry(actors.actor2, place?.value);
    const associated = readAssociated(ctx, sentences, supports, [actor1?.value, actor2?.value]);
    const date = [...reportDates(article, { mentions: mentionIds, sentences })].sort(byPrecisionThenDay)[0];
    const fatalities = readFatalities(ctx, sentences);
    const kind = classify(article, tokens, group, sentences, { actor1, actor2 });
    const first = article.annotations.sentences[sentences[0] ?? 0] ?? { start: 0, end: 0 };
    const provenance: Provenance = {
      stage: "analyze",
      method: PROVENANCE_METHOD,
      confidence: kind.confidence,
    };
    return {
      start: first.start,
      end: first.end,
      text: article.text.slice(first.start, first.end),
      provenance,
      id: `${article.id}#e${n}`,
      type: kind.type,
      subType: kind.subType,
      typeConfidence: kind.confidence,
      ...(actor1 ? { actor1 } : {}),
      ...(actor2 ? { actor2 } : {}),
      associated,
      ...(place ? { place } : {}),
      ...(date ? { date } : {}),
      ...(fatalities ? { fatalities } : {}),
      mentions: mentionIds,
      sentences,
    };
  }

  /** Civilians and crowds are named after the event's country, as ACLED does: "Civilians (Turkey)", "Protesters (Kenya)". */
  function inCountry(actor: Reported<EventActor>, place: EventPlace | undefined): Reported<EventActor> {
    const { category, name, actorId } = actor.value;
    const generic = category !== undefined && genericCategories.has(category) && actorId === undefined;
    if (!generic || !place?.countryCode || name.includes("(")) return actor;
    const country = place.country ?? place.countryCode;
    return {
      ...actor,
      value: { ...actor.value, name: `${name} (${country})`, countryCode: place.countryCode },
    };
  }

  /**
   * The sub-type: the classifier's posterior over the report's sentences, mixed with what its
   * trigger actions make likely for an actor of this side (a state army capturing a town is
   * "government regains territory", an armed group doing it the opposite).
   */
  function classify(
    article: Article,
    tokens: ReadonlyMap<number, Token[]>,
    group: readonly MentionFacts[],
    sentences: readonly number[],
    actors: { actor1?: Reported<EventActor> | undefined; actor2?: Reported<EventActor> | undefined },
  ): { type: string; subType: string; confidence: number } {
    const text = sentences
      .map((s) => article.annotations.sentences[s])
      .map((span) => (span ? article.text.slice(span.start, span.end) : ""))
      .join(" ");
    // The article's own tokens: tokenizing the sentences again cost most of the reporter's time.
    const own = sentences.flatMap((s) => tokens.get(s) ?? []);
    const ranked = options.classifier.classifyTokens({ tokens: own, text }).ranked;
    const scores = new Map(ranked.map((r) => [r.subType, r.score]));
    const prior = actionPrior(group, actors.actor1?.value.category, actors.actor2?.value.category);
    const weight = prior.size > 0 ? settings.actionWeight : 0;
    const combined = [...new Set([...scores.keys(), ...prior.keys()])].map((subType) => ({
      subType,
      score: (1 - weight) * (scores.get(subType) ?? 0) + weight * (prior.get(subType) ?? 0),
    }));
    combined.sort((a, b) => b.score - a.score || a.subType.localeCompare(b.subType));
    const best = combined[0] ?? { subType: "other-development", score: 0 };
    return { type: typeOf.get(best.subType) ?? "", subType: best.subType, confidence: round(best.score) };
  }

  /**
   * Mean weights of the report's actions, for the acted-upon's category first (an attack on
   * protesters), else the actor's side; killings and deaths only speak when nothing else does.
   */
  function actionPrior(
    group: readonly MentionFacts[],
    category: string | undefined,
    targetCategory: string | undefined,
  ): Map<string, number> {
    const main = group.filter((f) => !f.action.joinsAny);
    const speaking = main.length > 0 ? main : group;
    const side = category ? sideOf.get(category) : undefined;
    const prior = new Map<string, number>();
    for (const f of speaking) {
      const weights =
        (targetCategory ? f.action.byTarget[targetCategory] : undefined) ??
        (side ? f.action.bySide[side] : undefined) ??
        f.action.subTypes;
      const total = Object.values(weights).reduce((a, b) => a + b, 0) || 1;
      for (const [subType, w] of Object.entries(weights))
        prior.set(subType, (prior.get(subType) ?? 0) + w / total / speaking.length);
    }
    return prior;
  }

  return {
    name: "event-reports",
    requires: ["sentences", "tokens", "entities", "places", "times", "quantities", "events"],
    provides: ["eventReports"],
    run,
  };
}

function tokensBySentence(tokens: readonly Token[]): Map<number, Token[]> {
  const bySentence = new Map<number, Token[]>();
  for (const t of tokens) {
    const list = bySentence.get(t.sentence);
    if (list) list.push(t);
    else bySentence.set(t.sentence, [t]);
  }
  return bySentence;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
