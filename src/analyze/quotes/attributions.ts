import type { Article, Attribution, Entity, Provenance, Speaker, Token } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { type Chunk, isPassive, relativeAntecedent, spanOf, subjectBefore } from "../events/clauses.js";
import { createPhraseMatcher, type PhraseMatch, phraseWords } from "../framing/phrase-matcher.js";
import type { ReportingLexicon, SourcePhrase } from "../lexicons.js";
import {
  createSpeakerReader,
  lookupKeys,
  type SentenceView,
  type SpeakerReader,
  sentenceViews,
} from "./speakers.js";

const PHRASE: Provenance = { stage: "analyze", method: "pattern:source-phrase" };
const VERB: Provenance = { stage: "analyze", method: "pattern:source-verb" };

/** Cue phrases whose source must be a name, not "told reporters" or "told his supporters". */
const NAMED_SOURCE_CUES = new Set(["told"]);

/**
 * Cited sources: "according to X", "X reported (that)", "told X", "reports from X ... indicate",
 * "X noted". The source is the phrase's name, with the canonical name and actor id of an
 * entity it overlaps. A source cited twice in one sentence counts once.
 */
export function createAttributionFinder(opts: { lexicon: ReportingLexicon }): AnalysisComponent {
  const phrases = createPhraseMatcher(
    opts.lexicon.sourcePhrases.map((p) => ({ phrase: p.phrase, value: p })),
  );
  const firstWords = new Set(opts.lexicon.sourcePhrases.map((p) => phraseWords(p.phrase)[0] ?? ""));

  /** The phrase matcher's findAll, tried only where a phrase's first word stands: most tokens start none. */
  function findPhrases(tokens: readonly Token[]): PhraseMatch<SourcePhrase>[] {
    const found: PhraseMatch<SourcePhrase>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!lookupKeys(tokens[i] as Token).some((k) => firstWords.has(k))) continue;
      const best = phrases.matchAt(tokens, i)[0];
      if (!best) continue;
      found.push(best);
      i = best.end - 1;
    }
    return found;
  }

  function run(article: Article): { attributions: Attribution[] } {
    const reader = createSpeakerReader(opts.lexicon, article);
    const attributions = sentenceViews(article).flatMap((view) =>
      linkCitations(onePerSource(inSentence(article, reader, view))),
    );
    return { attributions: attributions.sort((a, b) => a.start - b.start) };
  }

  /** Phrase citations first; a verb inside one of them ("citing X") is not read again as "X cited". */
  function inSentence(article: Article, reader: SpeakerReader, view: SentenceView): Attribution[] {
    const matches = findPhrases(view.tokens);
    const inPhrase = new Set(
      matches.flatMap((m) => Array.from({ length: m.end - m.first }, (_, k) => m.first + k)),
    );
    return [...byPhrase(article, reader, view, matches), ...byVerb(article, reader, view, inPhrase)];
  }

  /** "according to X", "told X", "reports from X". */
  function byPhrase(
    article: Article,
    reader: SpeakerReader,
    view: SentenceView,
    matches: readonly PhraseMatch<SourcePhrase>[],
  ): Attribution[] {
    const found: Attribution[] = [];
    for (const match of matches) {
      const chunk = view.chunks.find((c) => c.first === match.end);
      if (!chunk) continue;
      const source = sourceOf(article, reader, view, chunk);
      if (NAMED_SOURCE_CUES.has(match.value.cue) && !isNamed(view, chunk, source)) continue;
      found.push(attribution(article, source, spanOf(view.tokens, match), match.value, PHRASE));
    }
    return found;
  }

  return {
    name: "attributions",
    requires: ["tokens", "sentences", "entities"],
    provides: ["attributions"],
    run,
  };
}

/** "X reported", "X noted that", "the coalition contradicted the report": a citing verb with its subject. */
function byVerb(
  article: Article,
  reader: SpeakerReader,
  view: SentenceView,
  inPhrase: ReadonlySet<number>,
): Attribution[] {
  const found: Attribution[] = [];
  view.tokens.forEach((token, v) => {
    if (inPhrase.has(v) || !reader.isAttributionVerb(token) || isInfinitive(view.tokens, v)) return;
    // "was confirmed by the court": the source is the agent, not the subject.
    const subject = isPassive(view.tokens, v)
      ? agentAfter(view, v)
      : (relativeAntecedent(view, v, view.chunks) ?? subjectBefore(view, v, view.chunks));
    if (!subject || (subject.end - subject.first === 1 && reader.isPronoun(view.tokens[subject.first])))
      return;
    const source = sourceOf(article, reader, view, subject);
    const cue = { phrase: token.text, cue: token.text.toLowerCase() };
    found.push(attribution(article, source, { start: token.start, end: token.end }, cue, VERB));
  });
  return found;
}

function agentAfter(view: SentenceView, v: number): Chunk | undefined {
  if (view.tokens[v + 1]?.text.toLowerCase() !== "by") return undefined;
  return view.chunks.find((c) => c.first === v + 2);
}

/** "to suggest", "to report": an infinitive reports nothing yet. */
export function isInfinitive(tokens: readonly Token[], v: number): boolean {
  return tokens[v - 1]?.text.toLowerCase() === "to";
}

/** The source named by a phrase: the entity inside it when there is one ("the group Hezbollah"), else the phrase. */
function sourceOf(article: Article, reader: SpeakerReader, view: SentenceView, chunk: Chunk): Speaker {
  const { role: _role, ...source } = reader.speakerOf(view, chunk);
  const entity = view.atomic.find(
    (e): e is Entity =>
      "actorId" in e && e.actorId === source.actorId && e.start >= source.start && e.end <= source.end,
  );
  if (!entity) return source;
  return {
    start: entity.start,
    end: entity.end,
    text: article.text.slice(entity.start, entity.end),
    canonical: entity.canonical,
    actorId: entity.actorId,
  };
}

/** A source is named when an entity is known for it or it is written with a capital inside the sentence. */
function isNamed(view: SentenceView, chunk: Chunk, source: Speaker): boolean {
  if (source.actorId !== undefined) return true;
  return view.tokens
    .slice(chunk.first, chunk.end)
    .some((t, i) => chunk.first + i > 0 && /^\p{Lu}/u.test(t.text));
}

function attribution(
  article: Article,
  source: Speaker,
  cueSpan: { start: number; end: number },
  cue: SourcePhrase,
  provenance: Provenance,
): Attribution {
  const start = Math.min(source.start, cueSpan.start);
  const end = Math.max(source.end, cueSpan.end);
  return { start, end, text: article.text.slice(start, end), provenance, source, cue: cue.cue };
}

/** One attribution per source and sentence: "according to AP ... AP reported" in one sentence is one citation. */
function onePerSource(found: readonly Attribution[]): Attribution[] {
  const seen = new Set<string>();
  return [...found]
    .sort((a, b) => a.start - b.start)
    .filter((a) => {
      const key = a.source.actorId ?? a.source.text.toLowerCase().replace(/^the\s+/, "");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The cue of "X, citing Y": Y is X's source, the next link of the chain, not the article's. */
const CITING_CUE = "citing";

/**
 * "Time reported, citing officials": within one sentence, a source introduced by "citing" becomes
 * the `citing` link of the source cited just before it, so the article cites Time and Time cites
 * the officials. A "citing" with no earlier source in the sentence stays a citation of its own.
 */
export function linkCitations(sentence: readonly Attribution[]): Attribution[] {
  const out: Attribution[] = [];
  for (const attribution of sentence) {
    const citer = out[out.length - 1];
    if (attribution.cue === CITING_CUE && citer !== undefined && citer.citing === undefined) {
      out[out.length - 1] = { ...citer, citing: attribution.source };
    } else {
      out.push(attribution);
    }
  }
  return out;
}

/** Separators of a credit chain: "AP via Independent" names AP's story as carried by the Independent. */
const VIA = /\s+via\s+/i;

/**
 * The chain of a credit-line name, nearest source first: "AP via Independent" -> ["Independent",
 * "AP"] (the article took it from the Independent, which took it from AP); "Newsweek" -> ["Newsweek"].
 */
export function creditChain(name: string): string[] {
  return name
    .split(VIA)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .reverse();
}
