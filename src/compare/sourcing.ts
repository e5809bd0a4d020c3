import { creditChain } from "../analyze/quotes/attributions.js";
import type {
  Article,
  Attribution,
  CitedSource,
  OutletSourcing,
  Quote,
  QuotedSpeaker,
  Speaker,
  SpeakerKind,
  Wording,
} from "../model/index.js";
import { wordingOf } from "./claims.js";
import { isNamedSpeaker, kindOfName, type SpeakerLookup, speakerKind } from "./speakers.js";

/** The cue of a source named only in the article's credit line ("Sources: AP, Newsweek"). */
export const CREDIT_LINE_CUE = "credit-line";

/**
 * A credit line of sources names where the text came from: news agencies and outlets, mostly.
 * A name there that neither the actor dictionary nor its own words classify is taken as media.
 */
const CREDIT_LINE_FALLBACK_KIND: SpeakerKind = "media";

export interface SourcingOptions {
  /** Finds the canonical actor behind a credit-line name ("AP" -> The Associated Press). */
  resolveSource?: (name: string) => { actorId: string; canonical: string } | undefined;
}

export type Sourcer = (article: Article, outlet: string) => OutletSourcing;

/**
 * Whose words one article carries and whom it cites: its quoted speakers with their kind, the
 * share of its quotes by kind, and its cited sources (in the text and in its credit line), each
 * with whom it cites in turn.
 */
export function createSourcing(lookup: SpeakerLookup, options: SourcingOptions = {}): Sourcer {
  return (article, outlet) => {
    const speakers = quotedSpeakers(article, lookup);
    return {
      articleId: article.id,
      outlet,
      ...(article.copyGroup ? { copyGroup: article.copyGroup.id } : {}),
      speakers,
      quoteShare: quoteShare(speakers),
      citations: citedSources(article, lookup, options),
    };
  };
}

/**
 * Quotes that are someone's words. Reported speech from a subject that is neither a known actor
 * nor a description of a person ("Estimates suggested that") is nobody's: it is left out.
 */
export function isSpokenQuote(quote: Quote): quote is Quote & { speaker: Speaker } {
  const speaker = quote.speaker;
  if (!speaker || speaker.text.trim() === "") return false;
  return quote.direct || speaker.actorId !== undefined || speaker.role !== undefined;
}

function quotedSpeakers(article: Article, lookup: SpeakerLookup): QuotedSpeaker[] {
  const byKey = new Map<string, QuotedSpeaker>();
  for (const quote of article.annotations.quotes.filter(isSpokenQuote)) {
    const key = speakerKey(quote.speaker);
    const seen = byKey.get(key) ?? {
      name: speakerName(quote.speaker),
      ...(isNamedSpeaker(quote.speaker) ? { actorId: quote.speaker.actorId } : {}),
      kind: speakerKind(quote.speaker, lookup),
      quotes: 0,
      direct: 0,
      wording: [],
    };
    byKey.set(key, {
      ...seen,
      quotes: seen.quotes + 1,
      direct: seen.direct + (quote.direct ? 1 : 0),
      wording: [...seen.wording, wordingOf(article, quote)],
    });
  }
  return [...byKey.values()];
}

/**
 * A named speaker is its actor; a description ("a spokesman for the air base") is its own words,
 * since its actor id is only the body it speaks for.
 */
function speakerKey(speaker: Speaker): string {
  return isNamedSpeaker(speaker) && speaker.actorId ? speaker.actorId : `name:${normalName(speaker.text)}`;
}

function speakerName(speaker: Speaker): string {
  return (isNamedSpeaker(speaker) ? speaker.canonical : undefined) ?? tidy(speaker.text);
}

/** Share of the quotes by kind of speaker; the shares sum to 1, and kinds never quoted are left out. */
export function quoteShare(
  speakers: readonly { kind: SpeakerKind; quotes: number }[],
): OutletSourcing["quoteShare"] {
  const total = speakers.reduce((sum, s) => sum + s.quotes, 0);
  const share: OutletSourcing["quoteShare"] = {};
  if (total === 0) return share;
  for (const s of speakers) share[s.kind] = (share[s.kind] ?? 0) + s.quotes / total;
  return share;
}

/** One citation per source: the text's attributions, then the credit line's names, merged by source. */
function citedSources(article: Article, lookup: SpeakerLookup, options: SourcingOptions): CitedSource[] {
  const byKey = new Map<string, CitedSource>();
  const add = (key: string, cited: CitedSource) => {
    const seen = byKey.get(key);
    byKey.set(key, seen ? mergeCited(seen, cited) : cited);
  };
  for (const attribution of article.annotations.attributions)
    add(sourceKey(attribution.source), fromAttribution(article, attribution, lookup));
  article.credits.forEach((credit, index) => {
    if (credit.kind !== "sources") return;
    for (const name of credit.names) {
      const cited = fromCreditName(credit.text, index, name, lookup, options);
      add(cited.actorId ?? `name:${normalName(cited.name)}`, cited);
    }
  });
  return [...byKey.values()];
}

function sourceKey(source: Speaker): string {
  return source.actorId ?? `name:${normalName(source.text)}`;
}

function fromAttribution(article: Article, attribution: Attribution, lookup: SpeakerLookup): CitedSource {
  const { source, citing } = attribution;
  return {
    name: source.canonical ?? tidy(source.text),
    ...(source.actorId ? { actorId: source.actorId } : {}),
    kind: speakerKind(source, lookup),
    cues: [attribution.cue],
    ...(citing ? { citing: [citing.canonical ?? tidy(citing.text)] } : {}),
    wording: [wordingOf(article, attribution)],
  };
}

/**
 * "AP via Independent": the article cites the Independent, which carried AP's story. The
 * nearest link is the cited source; the links behind it, nearest first, are whom it cites.
 */
function fromCreditName(
  line: string,
  index: number,
  name: string,
  lookup: SpeakerLookup,
  options: SourcingOptions,
): CitedSource {
  const [nearest = name, ...behind] = creditChain(name);
  const actor = options.resolveSource?.(nearest);
  const start = Math.max(0, line.indexOf(name));
  const wording: Wording = { start, end: start + name.length, field: "credits", credit: index, text: name };
  return {
    name: actor?.canonical ?? nearest,
    ...(actor ? { actorId: actor.actorId } : {}),
    kind: kindOfName(nearest, actor?.actorId, lookup) ?? CREDIT_LINE_FALLBACK_KIND,
    cues: [CREDIT_LINE_CUE],
    ...(behind.length > 0
      ? { citing: behind.map((link) => options.resolveSource?.(link)?.canonical ?? link) }
      : {}),
    wording: [wording],
  };
}

/** The same source cited again: its cues, whom it cites and its wordings gathered, each once. */
function mergeCited(a: CitedSource, b: CitedSource): CitedSource {
  const citing = unique([...(a.citing ?? []), ...(b.citing ?? [])]);
  return {
    ...a,
    cues: unique([...a.cues, ...b.cues]),
    ...(citing.length > 0 ? { citing } : {}),
    wording: [...a.wording, ...b.wording],
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Lower case, no leading article, whitespace folded: "The  Associated Press" = "associated press". */
function normalName(text: string): string {
  return tidy(text)
    .toLowerCase()
    .replace(/^the\s+/, "");
}

function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
