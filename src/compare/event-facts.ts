import type { EventActions } from "../analyze/event-reports/index.js";
import { dayRange, daysApart } from "../analyze/event-reports/index.js";
import { placesFit } from "../events/index.js";
import type {
  Article,
  CasualtyKind,
  Event,
  EventActor,
  EventPlace,
  EventReport,
  Evidence,
  Fatalities,
  Span,
  SourcedValue,
} from "../model/index.js";
import { type Claim, shorten, wordingOf } from "./claims.js";
import { NAME_KEY_PREFIX, SIDED_KEY } from "./values.js";

/**
 * Facts from the story's merged events: per happening, what happened, who did it, to whom, when,
 * where, how many were killed and what else came of it, each outlet's value read from its own
 * event report with the words it was read from.
 */

/** One happening of a story: a merged event, or events the merger kept apart only by their towns. */
export interface Happening {
  /** Key of its facts: the first event's id. */
  key: string;
  label: string;
  events: Event[];
  /** Action groups (data/events/actions.json) of the trigger mentions its reports gather. */
  groups: Set<string>;
  /** Articles of the story that report it. */
  articleIds: Set<string>;
  /** Its events name towns apart: each outlet's place is set against the others'. */
  placesApart: boolean;
  rank: number;
}

export interface EventFactOptions {
  actions: EventActions;
  /** Two places closer than this are one site (as the event merger reads them). */
  nearKm: number;
}

/** Place precisions that name a town or site: only such places can put one happening in two towns. */
const PRECISE_PLACES = new Set<EventPlace["precision"]>(["exact", "near"]);
/** Casualty kinds told as outcomes of their own; the killed are the event's "number" fact. */
const OUTCOME_CASUALTIES: readonly CasualtyKind[] = ["wounded", "captured", "displaced", "missing"];
/**
 * An estimate with no bounds ("about 50") is read as this share either side of its figure, so
 * "about 50" and 48 agree while "about 50" and 12 do not.
 */
export const APPROXIMATE_MARGIN = 0.2;

/**
 * The story's happenings, most told first. Events the merger kept apart though disjoint outlets
 * tell one happening are joined when each is the other's only such partner: one sub-type told in
 * two towns on the same day (a place conflict), or one place and day told as two kinds of event
 * that share a kind of deed ("a storm flooded the city, killing 12" and "floods killed 30").
 */
export function storyHappenings(
  events: readonly Event[],
  articles: readonly Article[],
  options: EventFactOptions,
): Happening[] {
  const inStory = new Set(articles.map((a) => a.id));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const told = events
    .map((event) => ({
      event,
      ids: new Set(event.reports.map((r) => r.articleId).filter((id) => inStory.has(id))),
      groups: actionGroups(event, byId, options.actions),
    }))
    .filter((e) => e.ids.size > 0);
  const partners = told.map((a) => told.filter((b) => b !== a && oneHappening(a, b, options.nearKm)));
  const joined = new Set<number>();
  const happenings: Omit<Happening, "rank">[] = [];
  told.forEach((entry, i) => {
    if (joined.has(i)) return;
    const [only] = partners[i] ?? [];
    const j = only ? told.indexOf(only) : -1;
    const mutual = j > i && partners[i]?.length === 1 && partners[j]?.length === 1 && !joined.has(j);
    const members = mutual ? [entry, told[j] as typeof entry] : [entry];
    if (mutual) joined.add(j);
    happenings.push(happeningOf(members, options.nearKm));
  });
  return happenings
    .map((h, order) => ({ h, order }))
    .sort((a, b) => b.h.articleIds.size - a.h.articleIds.size || a.order - b.order)
    .map(({ h }, rank) => ({ ...h, rank }));
}

interface Told {
  event: Event;
  ids: Set<string>;
  groups: Set<string>;
}

function oneHappening(a: Told, b: Told, nearKm: number): boolean {
  if ([...a.ids].some((id) => b.ids.has(id))) return false;
  const [xa, xb] = [a.event.fields.actor1.resolved?.actorId, b.event.fields.actor1.resolved?.actorId];
  if (xa && xb && xa !== xb) return false;
  const [pa, pb] = [a.event.fields.place.resolved, b.event.fields.place.resolved];
  if (!pa || !pb) return false;
  if (a.event.subType === b.event.subType) return toldInTwoTowns(a, b, pa, pb, nearKm);
  // Two kinds of event in one place on one day, told by different outlets, sharing a deed.
  const shared = [...a.groups].some((g) => b.groups.has(g));
  return shared && placesFit(pa, pb, nearKm) && datesFit(a.event, b.event, false);
}

function toldInTwoTowns(a: Told, b: Told, pa: EventPlace, pb: EventPlace, nearKm: number): boolean {
  if (!PRECISE_PLACES.has(pa.precision) || !PRECISE_PLACES.has(pb.precision)) return false;
  return !placesFit(pa, pb, nearKm) && datesFit(a.event, b.event, true);
}

/** Dates named in both texts that overlap; without `required`, a date missing on one side fits too. */
function datesFit(a: Event, b: Event, required: boolean): boolean {
  const named = (e: Event) => {
    const d = e.fields.date.resolved;
    return d && d.basis !== "published" ? dayRange(d.value) : undefined;
  };
  const [ra, rb] = [named(a), named(b)];
  if (!ra || !rb) return !required;
  return daysApart(ra, rb) === 0;
}

/** Action groups (data/events/actions.json) of the trigger mentions an event's reports gather. */
function actionGroups(
  event: Event,
  articles: ReadonlyMap<string, Article>,
  actions: EventActions,
): Set<string> {
  return new Set(
    event.reports.flatMap(({ articleId, reportId }) => {
      const article = articles.get(articleId);
      const report = article?.annotations.eventReports.find((r) => r.id === reportId);
      return (report?.mentions ?? []).flatMap((i) => {
        const action = article?.annotations.events[i]?.action;
        return action ? [actions.actions[action]?.group ?? action] : [];
      });
    }),
  );
}

function happeningOf(members: readonly Told[], nearKm: number): Omit<Happening, "rank"> {
  const events = members.map((m) => m.event);
  const first = events[0] as Event;
  const places = [...new Set(events.flatMap((e) => e.fields.place.resolved?.name ?? []))];
  const where = places.length > 0 ? ` at ${places.join(" or ")}` : "";
  return {
    key: first.id,
    label: `${humanise(first.subType)}${where}`,
    events,
    groups: new Set(members.flatMap((m) => [...m.groups])),
    articleIds: new Set(members.flatMap((m) => [...m.ids])),
    placesApart: events.some((a) =>
      events.some((b) => {
        const [pa, pb] = [a.fields.place.resolved, b.fields.place.resolved];
        return pa !== undefined && pb !== undefined && !placesFit(pa, pb, nearKm);
      }),
    ),
  };
}

/** "government-regains-territory" -> "government regains territory". */
export function humanise(id: string): string {
  return id.replace(/-/g, " ");
}

/** Each article's claims about one happening. */
export function happeningClaims(
  happening: Happening,
  article: Article,
  sides: ReadonlyMap<string, string>,
): Claim[] {
  const event = happening.events.find((e) => e.reports.some((r) => r.articleId === article.id));
  if (!event) return [];
  const mine = <T>(values: readonly SourcedValue<T>[]) => values.filter((v) => v.articleId === article.id);
  const report = reportOf(article, event);
  const base = (kind: Claim["kind"], label: string) => ({
    key: `${happening.key}:${kind}`,
    kind,
    label,
    eventId: event.id,
    happening: happening.rank,
  });
  const words = (evidence: readonly Evidence[]) =>
    wordingsOf(article, evidence.length > 0 ? evidence : report ? [report] : []);
  const { label } = happening;
  // One event's places fit by the merger's rule; a happening told in two towns sets each event's apart.
  const placeMatch = happening.placesApart ? event.id : "same";
  return [
    ...mine(event.fields.subType.values).map((v): Claim => ({
      ...base("event", label),
      value: v.value,
      wording: words(v.evidence),
    })),
    ...mine(event.fields.actor1.values).map((v): Claim => ({
      ...base("actor", `who: ${label}`),
      ...actorValue(v.value, sides),
      wording: words(v.evidence),
    })),
    ...mine(event.fields.actor2.values).map((v): Claim => ({
      ...base("target", `to whom: ${label}`),
      ...actorValue(v.value, sides),
      wording: words(v.evidence),
    })),
    ...mine(event.fields.date.values)
      .filter((v) => v.value.basis !== "published" && v.evidence.length > 0)
      .map((v): Claim => ({
        ...base("date", `when: ${label}`),
        value: v.value.value,
        wording: words(v.evidence),
      })),
    ...mine(event.fields.place.values).map((v): Claim => ({
      ...base("place", `where: ${label}`),
      value: v.value.geonameId !== undefined ? `${v.value.name} (${v.value.geonameId})` : v.value.name,
      match: placeMatch,
      display: v.value.name,
      wording: words(v.evidence),
    })),
    ...mine(event.fields.fatalities.values).map((v): Claim => {
      const range = fatalityRange(v.value);
      return {
        ...base("number", `killed: ${label}`),
        value: range,
        display: `${quoted(v.evidence)}(${range})`,
        wording: words(v.evidence),
      };
    }),
    ...(report ? outcomeClaims(article, report, happening, event.id) : []),
  ];
}

/** Wounded, captured, displaced or missing people counted in the report's sentences. */
function outcomeClaims(
  article: Article,
  report: EventReport,
  happening: Happening,
  eventId: string,
): Claim[] {
  const { sentences, quantities } = article.annotations;
  const spans = report.sentences.flatMap((s) => sentences[s] ?? []);
  return quantities
    .filter((q) => q.casualty && OUTCOME_CASUALTIES.includes(q.casualty))
    .filter((q) => spans.some((s) => q.start >= s.start && q.end <= s.end))
    .flatMap((q): Claim[] => {
      const low = q.low ?? q.value;
      if (low === undefined) return [];
      const range = fatalityRange({
        count: low,
        approximate: q.approximate,
        low: q.low ?? q.value,
        ...(q.high !== undefined || q.value !== undefined ? { high: q.high ?? q.value } : {}),
      });
      return [
        {
          key: `${happening.key}:outcome:${q.casualty}`,
          kind: "outcome",
          label: `${q.casualty}: ${happening.label}`,
          value: range,
          display: `"${shorten(q.text)}" (${range})`,
          eventId,
          happening: happening.rank,
          wording: [wordingOf(article, q)],
        },
      ];
    });
}

/**
 * A toll as a range: exact "12-12", a bound or vague count "24-" (dozens: 24 or more), an
 * estimate without bounds widened by APPROXIMATE_MARGIN.
 */
export function fatalityRange(f: Fatalities): string {
  if (f.low !== undefined || f.high !== undefined) return `${f.low ?? ""}-${f.high ?? ""}`;
  if (!f.approximate) return `${f.count}-${f.count}`;
  const margin = Math.round(f.count * APPROXIMATE_MARGIN);
  return `${f.count - margin}-${f.count + margin}`;
}

/**
 * An actor's shown name and the keys it is compared by: its dictionary id, and its side where
 * that says more than the words: a state's army and its government are one side
 * ("side:state:SY"); a demonym ("Russian jets") may be the state or a group of that country.
 */
export function actorValue(
  actor: EventActor,
  sides: ReadonlyMap<string, string>,
): Pick<Claim, "value" | "match"> {
  const keys = [actor.actorId ?? `${NAME_KEY_PREFIX}${actor.name.toLowerCase()}`];
  const side = actor.category ? sides.get(actor.category) : undefined;
  const country = actor.countryCode;
  if (country && side === "state") keys.push(`side:state:${country}`);
  if (country && side === "non-state") keys.push(`side:group:${country}`);
  if (country && actor.category === "demonym") keys.push(`side:state:${country}`, `side:group:${country}`);
  if (side !== undefined || actor.category === "demonym") keys.push(SIDED_KEY);
  return { value: actor.name, match: keys.join(" | ") };
}

/** The words of each span once: two mentions of a report may give the same evidence. */
function wordingsOf(article: Article, spans: readonly Span[]): Claim["wording"] {
  const seen = new Set<string>();
  return spans.flatMap((span) => {
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [wordingOf(article, span)];
  });
}

function reportOf(article: Article, event: Event): EventReport | undefined {
  const id = event.reports.find((r) => r.articleId === article.id)?.reportId;
  return article.annotations.eventReports.find((r) => r.id === id);
}

function quoted(evidence: readonly Evidence[]): string {
  const text = evidence.map((e) => shorten(e.text)).join(", ");
  return text ? `"${text}" ` : "";
}

/** Sentences of the article's reports that the story's events cover: their counts are event facts. */
export function coveredSentences(article: Article, happenings: readonly Happening[]): Span[] {
  const reportIds = new Set(
    happenings.flatMap((h) =>
      h.events.flatMap((e) => e.reports.filter((r) => r.articleId === article.id).map((r) => r.reportId)),
    ),
  );
  return article.annotations.eventReports
    .filter((r) => reportIds.has(r.id))
    .flatMap((r) => r.sentences.flatMap((s) => article.annotations.sentences[s] ?? []));
}
