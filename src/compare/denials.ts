import type { EventActions } from "../analyze/event-reports/index.js";
import { GEONAMES_ID_PREFIX } from "../analyze/events/mentions.js";
import type { Article, EventArgument, EventMention } from "../model/index.js";
import { type Claim, wordingOf } from "./claims.js";
import type { Happening } from "./event-facts.js";

/**
 * Denials: a trigger the text negates or denies ("denied carrying out the strike", "no evidence
 * that civilians were killed") set against the happening another outlet affirms. A denial names
 * the happening by its kind of deed (the action group) and by its place, its actor or its target;
 * when it names none of them, it is taken for the story's only happening of that kind.
 */

/** The action groups whose deed is a toll: a denial of killing denies the count, not the happening. */
const CASUALTY_ACTIONS = ["kill", "die"];

export function denialClaims(
  article: Article,
  happenings: readonly Happening[],
  actions: EventActions,
): Claim[] {
  const groupOf = (action: string) => actions.actions[action]?.group ?? action;
  const casualty = new Set(CASUALTY_ACTIONS.map(groupOf));
  return article.annotations.events
    .filter((m) => m.denied)
    .map((mention) => {
      const group = groupOf(mention.action);
      const kind = happenings.filter((h) => h.groups.has(group));
      const named = kind.filter((h) => namesHappening(mention, h));
      const target =
        named.length === 1 ? named[0] : !namesAnything(mention) && kind.length === 1 ? kind[0] : undefined;
      const sentence = article.annotations.sentences[mention.sentence] ?? mention;
      const wording = [wordingOf(article, sentence)];
      return target
        ? deniedFact(mention, target, casualty.has(group), wording)
        : unmatched(mention, group, wording);
    });
}

function deniedFact(
  mention: EventMention,
  happening: Happening,
  isToll: boolean,
  wording: Claim["wording"],
): Claim {
  const common = { denied: true, eventId: happening.events[0]?.id, happening: happening.rank, wording };
  const actorId = mention.actor?.id;
  // "X denied carrying out the strike": X denies being the actor, not that the strike happened.
  if (actorId && actorIds(happening, "actor1").has(actorId))
    return {
      ...common,
      key: `${happening.key}:actor`,
      kind: "actor",
      label: `who: ${happening.label}`,
      value: mention.actor?.canonical ?? mention.actor?.text,
      display: `denies ${mention.actor?.canonical ?? mention.actor?.text}`,
    };
  if (isToll && happening.events.some((e) => e.fields.fatalities.values.length > 0))
    return {
      ...common,
      key: `${happening.key}:number`,
      kind: "number",
      label: `killed: ${happening.label}`,
      display: "denies any killed",
    };
  return {
    ...common,
    key: `${happening.key}:event`,
    kind: "event",
    label: happening.label,
    display: "denies it",
  };
}

/** A denial of something no outlet of the story tells: a fact of its own, told by this outlet only. */
function unmatched(mention: EventMention, group: string, wording: Claim["wording"]): Claim {
  const about = mention.target ?? mention.place;
  const key = about ? (about.id ?? about.text.toLowerCase()) : "";
  return {
    key: `denied:${group}:${key}`,
    kind: "event",
    label: `denied: ${mention.action}${about ? ` ${about.canonical ?? about.text}` : ""}`,
    denied: true,
    display: "denies it",
    wording,
  };
}

function namesAnything(mention: EventMention): boolean {
  return [mention.place, mention.actor, mention.target].some((a) => a?.id !== undefined);
}

/** The denial's place is the happening's place, or its actor or target one of the happening's. */
function namesHappening(mention: EventMention, happening: Happening): boolean {
  const place = placeOf(mention);
  if (place) return placeIds(happening).has(place);
  const actor = mention.actor?.id;
  const target = mention.target?.id;
  return (
    (actor !== undefined && actorIds(happening, "actor1").has(actor)) ||
    (target !== undefined && actorIds(happening, "actor2").has(target))
  );
}

function placeOf(mention: EventMention): string | undefined {
  const arg: EventArgument | undefined = mention.place ?? mention.target;
  return arg?.id?.startsWith(GEONAMES_ID_PREFIX) ? arg.id : undefined;
}

function placeIds(happening: Happening): Set<string> {
  return new Set(
    happening.events.flatMap((e) =>
      e.fields.place.values.flatMap((v) =>
        v.value.geonameId !== undefined ? [`${GEONAMES_ID_PREFIX}${v.value.geonameId}`] : [],
      ),
    ),
  );
}

function actorIds(happening: Happening, role: "actor1" | "actor2"): Set<string> {
  return new Set(
    happening.events.flatMap((e) => e.fields[role].values.flatMap((v) => v.value.actorId ?? [])),
  );
}
