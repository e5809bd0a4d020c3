import type { Article, Provenance, Quote, Span, Speaker, Token } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { type Chunk, nounChunks, relativeAntecedent, spanOf, subjectBefore } from "../events/clauses.js";
import type { ReportingLexicon } from "../lexicons.js";
import { isInfinitive } from "./attributions.js";
import {
  createSpeakerReader,
  resolvePronoun,
  type SentenceView,
  type SpeakerReader,
  sentenceViews,
} from "./speakers.js";

export { createAttributionFinder, creditChain, linkCitations } from "./attributions.js";

/** Quoted words up to this count are scare quotes or terms ("deconfliction"), not quotations. */
export const SCARE_QUOTE_MAX_WORDS = 2;
/** How far after a closing mark the speaker may be looked for: a name, a role and a verb. */
export const SPEAKER_WINDOW_TOKENS = 40;
/** Between the two halves of a split quote ("...," he said, "...") there is only a short cue. */
export const SPLIT_QUOTE_GAP_CHARS = 80;
/** How far before an opening mark the reporting verb may stand ("X told reporters on Monday:"). */
export const VERB_BEFORE_QUOTE_TOKENS = 6;

/** Without a colon or comma, the speech verb must be this close to the mark: `said "`, `told them "`. */
export const UNMARKED_VERB_TOKENS = 2;

const DIRECT: Provenance = { stage: "analyze", method: "pattern:direct-quote" };
const INDIRECT: Provenance = { stage: "analyze", method: "pattern:indirect-quote" };
const NESTED: Provenance = { stage: "analyze", method: "pattern:nested-quote" };

const OPENERS: Record<string, string> = { "“": "”", "«": "»", "„": "“" };
const PERSON_PRONOUNS = new Set(["he", "she"]);
const SENTENCE_END = new Set([".", "!", "?"]);
const QUOTE_MARKS = new Set(['"', "“", "”", "«", "»", "„"]);

interface Quoted {
  /** Offsets of the opening mark and after the closing mark. */
  start: number;
  end: number;
  content: string;
  /** 0 for a quote in running text, 1 for a quote inside a quote, and so on. */
  depth: number;
}

interface Cue {
  speaker?: Speaker;
  verb?: Token;
}

/**
 * Direct quotes in straight or curly marks, joined when a cue splits them, with the speaker read
 * from the words around them; and indirect quotes ("X said that ...") with `direct: false`.
 */
export function createQuoteFinder(opts: { lexicon: ReportingLexicon }): AnalysisComponent {
  function run(article: Article): { quotes: Quote[] } {
    const reader = createSpeakerReader(opts.lexicon, article);
    const tokens = article.annotations.tokens;
    const direct = directQuotes(article, reader, tokens);
    const cueVerbs = new Set(direct.flatMap((d) => (d.verb ? [d.verb.start] : [])));
    const quoted = direct.map((d) => d.quote);
    const indirect = indirectQuotes(article, reader, quoted, cueVerbs);
    const quotes = [...quoted, ...indirect].sort((a, b) => a.start - b.start);
    return { quotes: resolvePronouns(article, quotes) };
  }

  return { name: "quotes", requires: ["tokens", "sentences", "entities"], provides: ["quotes"], run };
}

/**
 * Quoted stretches of each paragraph, outermost first. A quote inside a quote (“He said “no” and
 * left”) is nested, not the end of the outer one: it comes out with `depth` 1 and the outer
 * quote keeps it in its content. A paragraph whose marks do not pair up is left alone rather
 * than guessed, so no stretch ever ends at an inner mark.
 */
export function quotedStretches(text: string): Quoted[] {
  const found: Quoted[] = [];
  let offset = 0;
  for (const paragraph of text.split("\n\n")) {
    found.push(...paragraphStretches(paragraph, offset));
    offset += paragraph.length + 2;
  }
  return found.sort((a, b) => a.start - b.start || a.depth - b.depth);
}

function paragraphStretches(paragraph: string, offset: number): Quoted[] {
  const found: Quoted[] = [];
  const open: { at: number; close: string }[] = [];
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i] as string;
    const top = open[open.length - 1];
    if (top && ch === top.close) {
      open.pop();
      const content = paragraph.slice(top.at + 1, i).trim();
      found.push({ start: offset + top.at, end: offset + i + 1, content, depth: open.length });
    } else if (ch === '"' && top?.close !== '"' && top !== undefined && !opensInside(paragraph, i)) {
      continue; // a straight mark inside curly quotes that opens nothing: a stray, left in the content
    } else if (ch === '"' || OPENERS[ch] !== undefined) {
      open.push({ at: i, close: ch === '"' ? '"' : (OPENERS[ch] as string) });
    }
  }
  // An outer quote still open at the paragraph's end has no end we could trust; the quotes
  // closed inside it would be read as outer ones, so they are dropped too.
  const firstUnclosed = open[0]?.at;
  return firstUnclosed === undefined ? found : found.filter((q) => q.start < offset + firstUnclosed);
}

/** A straight mark opens a nested quote when a letter follows it and another straight mark closes it later. */
function opensInside(paragraph: string, i: number): boolean {
  return /^\p{L}/u.test(paragraph.slice(i + 1, i + 2)) && paragraph.indexOf('"', i + 1) > 0;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

function directQuotes(article: Article, reader: SpeakerReader, tokens: readonly Token[]) {
  const all = quotedStretches(article.text).filter((q) => wordCount(q.content) > SCARE_QUOTE_MAX_WORDS);
  const stretches = all.filter((q) => q.depth === 0);
  const results: { quote: Quote; verb?: Token }[] = [...nestedQuotes(article, reader, tokens, all)];
  for (let i = 0; i < stretches.length; i++) {
    const first = stretches[i] as Quoted;
    let cue = cueAfter(article, reader, tokens, first) ?? cueBefore(article, reader, tokens, first);
    const second = stretches[i + 1];
    const parts = [first];
    if (second && isSplitQuote(article.text, first, second, cue)) {
      parts.push(second);
      i += 1;
      cue = cue ?? cueAfter(article, reader, tokens, second);
    }
    results.push({ quote: quoteOf(article.text, parts, cue), ...(cue?.verb ? { verb: cue.verb } : {}) });
  }
  return results;
}

/**
 * A quote inside a quote stays in the outer quote's content; it is also a quote of its own only
 * when the outer speaker names who said it ("“The commander told us: “Nobody leaves,” and we
 * stayed,” she said"): the inner words then belong to the commander.
 */
function nestedQuotes(
  article: Article,
  reader: SpeakerReader,
  tokens: readonly Token[],
  stretches: readonly Quoted[],
): { quote: Quote; verb?: Token }[] {
  return stretches
    .filter((q) => q.depth > 0)
    .flatMap((inner) => {
      const cue = cueBefore(article, reader, tokens, inner) ?? cueAfter(article, reader, tokens, inner);
      if (!cue?.speaker) return [];
      const quote = { ...quoteOf(article.text, [inner], cue), provenance: NESTED };
      return [{ quote, ...(cue.verb ? { verb: cue.verb } : {}) }];
    });
}

/** `"Part one," he said, "part two."`: the first half ends on a comma and a short cue joins them. */
function isSplitQuote(text: string, first: Quoted, second: Quoted, cue: Cue | undefined): boolean {
  const between = text.slice(first.end, second.start);
  return (
    cue?.verb !== undefined &&
    cue.verb.start >= first.end &&
    cue.verb.end <= second.start &&
    /,\s*$/.test(between) &&
    !between.includes("\n") &&
    between.length <= SPLIT_QUOTE_GAP_CHARS &&
    !/[.!?]$/.test(first.content)
  );
}

function quoteOf(text: string, parts: readonly Quoted[], cue: Cue | undefined): Quote {
  const start = (parts[0] as Quoted).start;
  const end = (parts[parts.length - 1] as Quoted).end;
  // The comma that hands over to the cue ("We will stay," she said) is punctuation, not words.
  const content = parts.map((p) => p.content.replace(/,$/, "")).join(" ");
  return {
    start,
    end,
    text: text.slice(start, end),
    provenance: DIRECT,
    content,
    ...(cue?.speaker ? { speaker: cue.speaker } : {}),
    ...(cue?.verb ? { cue: cue.verb.text.toLowerCase() } : {}),
    direct: true,
  };
}

/** Tokens after the closing mark up to the end of the sentence, as a view of their own. */
function viewAfter(article: Article, tokens: readonly Token[], quoted: Quoted): SentenceView {
  const from = tokens.findIndex((t) => t.start >= quoted.end);
  const window: Token[] = [];
  for (let i = from; from >= 0 && i < tokens.length && window.length < SPEAKER_WINDOW_TOKENS; i++) {
    const token = tokens[i] as Token;
    if (QUOTE_MARKS.has(token.text) || article.text.slice(quoted.end, token.start).includes("\n\n")) break;
    window.push(token);
    if (SENTENCE_END.has(token.text)) break;
  }
  return viewOf(article, window);
}

/** Tokens before the opening mark back to the start of the sentence (or paragraph). */
function viewBefore(article: Article, tokens: readonly Token[], quoted: Quoted): SentenceView {
  const to = tokens.findIndex((t) => t.start >= quoted.start);
  const window: Token[] = [];
  for (let i = (to < 0 ? tokens.length : to) - 1; i >= 0; i--) {
    const token = tokens[i] as Token;
    if (SENTENCE_END.has(token.text) || QUOTE_MARKS.has(token.text)) break;
    if (article.text.slice(token.end, quoted.start).includes("\n\n")) break;
    window.unshift(token);
  }
  return viewOf(article, window);
}

function viewOf(article: Article, tokens: Token[]): SentenceView {
  const start = tokens[0]?.start ?? 0;
  const end = tokens[tokens.length - 1]?.end ?? 0;
  const atomic = (article.annotations.entities ?? []).filter((e) => e.start >= start && e.end <= end);
  return { tokens, atomic, index: tokens[0]?.sentence ?? 0, chunks: nounChunks({ tokens, atomic }) };
}

/** `", said X, a spokesman for Y"` or `" X declared ..."` or `" X told Y"`. */
function cueAfter(
  article: Article,
  reader: SpeakerReader,
  tokens: readonly Token[],
  quoted: Quoted,
): Cue | undefined {
  // A quote that ends its sentence with a full stop hands over to a new sentence, not to a cue.
  if (/\.$/.test(quoted.content)) return undefined;
  const view = viewAfter(article, tokens, quoted);
  const start = view.tokens[0]?.text === "," ? 1 : 0;
  const first = view.tokens[start];
  if (reader.isSpeechVerb(first)) {
    const chunk = view.chunks.find((c) => c.first === start + 1);
    if (!chunk) return undefined;
    const speaker = reader.speakerOf(view, chunk);
    const role = speaker.role ? undefined : reader.roleAfter(view, chunk.end);
    return { speaker: { ...speaker, ...role }, verb: first };
  }
  const chunk = view.chunks.find((c) => c.first === start);
  if (!chunk) return undefined;
  let v = reader.endWithBody(view, chunk); // `"...," a spokesman for the agency said`
  while (view.tokens[v]?.pos === "ADV" || view.tokens[v]?.pos === "AUX") v += 1;
  if (!reader.isSpeechVerb(view.tokens[v])) return undefined;
  return { speaker: reader.speakerOf(view, chunk), verb: view.tokens[v] };
}

/** `X said: "..."`, `X told reporters, "..."`. */
function cueBefore(
  article: Article,
  reader: SpeakerReader,
  tokens: readonly Token[],
  quoted: Quoted,
): Cue | undefined {
  const view = viewBefore(article, tokens, quoted);
  const last = view.tokens.length - 1;
  // `X said: "..."`, `X said, "..."`, or with no mark at all, the verb right before: `X said "..."`.
  const marked = [":", ","].includes(view.tokens[last]?.text ?? "");
  const verbRightBefore = range(Math.max(0, last - UNMARKED_VERB_TOKENS + 1), last + 1).some((v) =>
    reader.isSpeechVerb(view.tokens[v]),
  );
  if (!marked && !verbRightBefore) return undefined;
  // The nearest speech verb first; then the rest of the sentence ("Justice X wrote in dissent that
  // the tribe had been promised a home, "..."), skipping passives, whose subject did not speak.
  const near = Math.max(0, last - VERB_BEFORE_QUOTE_TOKENS);
  const order = [...range(near, last + 1).reverse(), ...range(0, near)];
  for (const v of order) {
    if (!reader.isSpeechVerb(view.tokens[v]) || isPassive(view.tokens, v)) continue;
    const subject = subjectBefore(view, v, view.chunks);
    return {
      ...(subject ? { speaker: reader.withAppositiveName(view, subject) } : {}),
      verb: view.tokens[v] as Token,
    };
  }
  return undefined;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** "had been promised", "was told": the subject is the one spoken to, not the speaker. */
function isPassive(tokens: readonly Token[], verb: number): boolean {
  const before = tokens[verb - 1];
  return before !== undefined && before.lemma === "be";
}

/** Words "X said (that) ..." report without quoting; the speaker is the verb's subject. */
function indirectQuotes(
  article: Article,
  reader: SpeakerReader,
  direct: readonly Quote[],
  cueVerbs: ReadonlySet<number>,
): Quote[] {
  const insideDirect = (span: Span) => direct.some((q) => q.start <= span.start && span.end <= q.end);
  const found: Quote[] = [];
  for (const view of sentenceViews(article)) {
    view.tokens.forEach((token, v) => {
      if (!reader.isSpeechVerb(token) || cueVerbs.has(token.start) || insideDirect(token)) return;
      if (isInfinitive(view.tokens, v)) return;
      const contentFrom = complementStart(view, v);
      if (contentFrom === undefined) return;
      const subject =
        relativeAntecedent(view, v) ??
        subjectBefore(view, v, view.chunks) ??
        reader.describedSubject(view, v);
      if (!subject) return;
      const quote = indirectQuote(article, reader, view, subject, v, contentFrom);
      if (quote && !insideDirect(quote)) found.push(quote);
    });
  }
  return found;
}

/**
 * Where the reported words start after the verb at `v`: after "that", or at a clause ("said
 * there was", "warned the town would fall"), skipping an addressee ("told Time that").
 */
function complementStart(view: SentenceView, v: number): number | undefined {
  const tokens = view.tokens;
  let i = v + 1;
  const addressee = view.chunks.find((c) => c.first === i);
  if (tokens[i]?.text.toLowerCase() === "that") return i + 1;
  if (addressee && tokens[addressee.end]?.text.toLowerCase() === "that") return addressee.end + 1;
  const subject =
    addressee ?? (tokens[i]?.text.toLowerCase() === "there" ? { first: i, end: i + 1 } : undefined);
  if (!subject) return undefined;
  i = subject.end;
  while (tokens[i]?.pos === "ADV") i += 1;
  return tokens[i]?.pos === "AUX" || tokens[i]?.pos === "VERB" ? v + 1 : undefined;
}

function indirectQuote(
  article: Article,
  reader: SpeakerReader,
  view: SentenceView,
  subject: Chunk,
  v: number,
  contentFrom: number,
): Quote | undefined {
  const contentEnd = reportedEnd(reader, view, contentFrom);
  if (contentEnd <= contentFrom) return undefined;
  const speaker = reader.withAppositiveName(view, subject);
  const content = spanOf(view.tokens, { first: contentFrom, end: contentEnd });
  const start = Math.min(speaker.start, (view.tokens[v] as Token).start);
  return {
    start,
    end: content.end,
    text: article.text.slice(start, content.end),
    provenance: INDIRECT,
    content: article.text.slice(content.start, content.end),
    speaker,
    cue: (view.tokens[v] as Token).text.toLowerCase(),
    direct: false,
  };
}

/** End of the reported words: the sentence end, or before a trailing ", X reported" / ", according to X". */
function reportedEnd(reader: SpeakerReader, view: SentenceView, from: number): number {
  let end = view.tokens.length;
  while (end > from && [".", "!", "?", '"', "”"].includes(view.tokens[end - 1]?.text ?? "")) end -= 1;
  for (let i = end - 1; i > from; i--) {
    if (view.tokens[i]?.text !== ",") continue;
    const tail = view.tokens.slice(i + 1, end);
    const cites = tail.some((t) => reader.isSpeechVerb(t) || t.text.toLowerCase() === "according");
    if (cites) return i;
  }
  return end;
}

/** "He said": the person named last before, when there is one close enough. */
function resolvePronouns(article: Article, quotes: readonly Quote[]): Quote[] {
  const out: Quote[] = [];
  for (const quote of quotes) {
    const speaker = quote.speaker;
    // Only "he"/"she" stand for a person; "they" or "we" may be a whole body, left as written.
    const isPronoun = speaker && !speaker.canonical && PERSON_PRONOUNS.has(speaker.text.toLowerCase());
    const earlier = out.flatMap((q) => (q.speaker ? [q.speaker] : []));
    out.push(isPronoun ? { ...quote, speaker: resolvePronoun(article, speaker, earlier) } : quote);
  }
  return out;
}
