import type { Article, EventArgument, EventMention } from "../model/index.js";
import { type Claim, type ClaimReader, wordingOf } from "./claims.js";

const argumentKey = (arg: EventArgument | undefined): string | undefined =>
  arg ? (arg.id ?? (arg.canonical ?? arg.text).toLowerCase()) : undefined;
const argumentName = (arg: EventArgument | undefined): string | undefined => arg?.canonical ?? arg?.text;

/** What happened to what: "capture of <town>", with who did it as the compared value. */
export const readEvents: ClaimReader = (article) =>
  article.annotations.events.flatMap((event): Claim[] => {
    const subject = event.target ?? event.place;
    const subjectKey = argumentKey(subject);
    if (!subjectKey) return [];
    return [
      {
        key: `event:${event.action}:${subjectKey}`,
        kind: "event",
        label: `${event.action} of ${argumentName(subject)}`,
        // Only an actor resolved to an entity is compared: "they" or "army units" say too little.
        value: event.actor?.id ? argumentName(event.actor) : undefined,
        wording: [wordingOf(article, sentenceOf(article, event))],
      },
    ];
  });

/** When it happened: the date an outlet gives for each event. */
export const readEventDates: ClaimReader = (article, context) =>
  article.annotations.events.flatMap((event): Claim[] => {
    const subjectKey = argumentKey(event.target ?? event.place);
    if (!subjectKey || !event.time || !isPointInTime(event.time.value)) return [];
    return [
      {
        key: `date:${event.action}:${subjectKey}`,
        kind: "date",
        label: `date of ${event.action} of ${argumentName(event.target ?? event.place)}`,
        value: event.time.precision === "vague" ? undefined : context.resolveDate(event.time.value),
        wording: [wordingOf(article, event.time)],
      },
    ];
  });

/** How many: counts grouped by what they count ("fighter", "people"). */
export const readNumbers: ClaimReader = (article) =>
  article.annotations.quantities.flatMap((q): Claim[] => {
    if (!q.unit) return [];
    const low = q.low ?? q.value;
    const high = q.high ?? q.value;
    if (low === undefined && high === undefined) return [];
    return [
      {
        key: `number:${q.unit}`,
        kind: "number",
        label: `number of ${q.counted ?? q.unit}`,
        value: `${low ?? ""}-${high ?? ""}`,
        wording: [wordingOf(article, q)],
      },
    ];
  });

/** Whose words the outlet carries: one fact per speaker. */
export const readQuotes: ClaimReader = (article) =>
  article.annotations.quotes.flatMap((quote): Claim[] => {
    const speaker = quote.speaker;
    // Indirect speech from an unnamed subject ("Estimates suggested that") is not someone's words.
    if (!speaker || (!quote.direct && !speaker.actorId)) return [];
    const name = speaker.canonical ?? speaker.text;
    return [
      {
        key: `quote:${speaker.actorId ?? name.toLowerCase()}`,
        kind: "quote",
        label: `quotes ${name}${speaker.role ? ` (${speaker.role})` : ""}`,
        wording: [wordingOf(article, quote)],
      },
    ];
  });

/** Whom the outlet cites as its source, in the text or in its credit line (not picture credits). */
export const readCitations: ClaimReader = (article) => [
  ...article.annotations.attributions.map((a): Claim => ({
    key: `cite:${a.source.actorId ?? (a.source.canonical ?? a.source.text).toLowerCase()}`,
    kind: "citation",
    label: `cites ${a.source.canonical ?? a.source.text}`,
    wording: [wordingOf(article, a)],
  })),
  ...article.credits.flatMap((credit, index) =>
    (credit.kind === "sources" ? credit.names : []).map((name): Claim => {
      const start = Math.max(0, credit.text.indexOf(name));
      return {
        key: `cite:${name.toLowerCase()}`,
        kind: "citation",
        label: `cites ${name}`,
        wording: [{ start, end: start + name.length, field: "credits", credit: index, text: name }],
      };
    }),
  ),
];

/** Loaded wording, one fact per category of the framing lexicon. */
export const readFraming: ClaimReader = (article) =>
  article.annotations.framing.map((term): Claim => ({
    key: `framing:${term.category}`,
    kind: "framing",
    label: `loaded wording: ${term.category}`,
    value: term.entry,
    wording: [wordingOf(article, term)],
  }));

/** Where: every resolved place the outlet names. */
export const readPlaces: ClaimReader = (article) =>
  article.annotations.places.map((place): Claim => ({
    key: `place:${place.geonameId ?? place.name.toLowerCase()}`,
    kind: "place",
    label: `names ${place.name}${place.countryCode ? ` (${place.countryCode})` : ""}`,
    wording: [wordingOf(article, place)],
  }));

/** Durations ("P6Y") and sets ("every Sunday") say how long or how often, not when. */
function isPointInTime(value: string): boolean {
  return !value.startsWith("P") && !value.startsWith("R");
}

function sentenceOf(article: Article, event: EventMention) {
  return article.annotations.sentences[event.sentence] ?? event;
}

export const DEFAULT_READERS: readonly ClaimReader[] = [
  readEvents,
  readEventDates,
  readNumbers,
  readQuotes,
  readCitations,
  readPlaces,
  readFraming,
];
