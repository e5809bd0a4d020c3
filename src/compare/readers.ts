import type { Quantity } from "../model/index.js";
import { type Claim, type ClaimReader, wordingOf } from "./claims.js";

/**
 * How many: counts grouped by what they count ("fighter", "people") and what befell them. A
 * casualty count in a sentence a story's event was read from is that event's toll or outcome.
 */
export const readNumbers: ClaimReader = (article, context) => {
  const claims = article.annotations.quantities.flatMap((q): Claim[] => {
    if (!q.unit || (q.casualty && context.coveredByEvent(article, q))) return [];
    const low = q.low ?? q.value;
    const high = q.high ?? q.value;
    if (low === undefined && high === undefined) return [];
    return [
      {
        key: `number:${q.unit}${q.casualty ? `:${q.casualty}` : ""}`,
        kind: "number",
        label: `number of ${q.counted ?? q.unit}${q.casualty ? ` ${q.casualty}` : ""}`,
        value: isSpecificCount(q) ? `${low ?? ""}-${high ?? ""}` : undefined,
        wording: [wordingOf(article, q)],
      },
    ];
  });
  // One outlet giving several figures of one unit is telling several things ("47 arrests" of one
  // day, "6" of another): no figure of theirs can be set against another outlet's.
  const values = new Map<string, Set<string | undefined>>();
  for (const c of claims) values.set(c.key, (values.get(c.key) ?? new Set()).add(c.value));
  return claims.map((c) => ((values.get(c.key)?.size ?? 0) > 1 ? { ...c, value: undefined } : c));
};

/**
 * A figure outside any event is compared only when its phrase says what it counts beyond the bare
 * unit ("ISIS fighters", "Republican senators", "separate actions"): "40 percent", "$2 million"
 * or "200 people" in two outlets are most often figures of different things.
 */
function isSpecificCount(q: Quantity): boolean {
  if (!q.counted || q.fraction) return false;
  return q.counted.trim().split(/\s+/).length > 1;
}

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

/**
 * Loaded wording, one fact per category of the framing lexicon. Not a default reader: wording is
 * no fact that can agree or conflict, and the comparison's framing view (labels per actor, loaded
 * words, loaded scores) shows it per outlet. Pass it in `readers` to get the v0 rows back.
 */
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

/** What happened, who, when and where now come from the story's merged events (event-facts.ts). */
export const DEFAULT_READERS: readonly ClaimReader[] = [readNumbers, readQuotes, readCitations, readPlaces];
