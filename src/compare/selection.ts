import { readFileSync } from "node:fs";
import type { Article, SelectedPassage, SelectionCue, Span, Token } from "../model/index.js";
import { createPhraseMatcher, type PhraseMatcher } from "../analyze/framing/phrase-matcher.js";

/**
 * Passages that look selected: sentences of one outlet whose content the other outlets of the
 * story do not carry (exclusive), that guess at what may happen (speculation), that carry one
 * speaker's words no other outlet quotes (one-sided), or that bring in history the others leave
 * out (background). It is the sentence-level face of informational bias: what an outlet chose
 * to tell, rather than how it worded it.
 *
 * Sentences are aligned across the story by content (idf-weighted cosine over lemmas of content
 * words, entity actor ids, places and numbers). Copies of one text (a wire story and its
 * republications, one copy group) and other articles of the same outlet are one voice: a
 * sentence they share with nobody else is still exclusive.
 */

// ---------------------------------------------------------------------------------------------
// Lexicon: data/lexicons/selection.json
// ---------------------------------------------------------------------------------------------

export interface SelectionCueEntry {
  phrase: string;
  /** Only a cue when its (single) token has this part of speech: "may" the auxiliary, not the month. */
  pos?: string;
  note: string;
}

export interface SelectionLexicon {
  /** Words of guessing, open questions and unnamed voices: "could", "raises questions", "critics say". */
  speculation: SelectionCueEntry[];
  /** Words that bring in history or context: "has long", "since", "last year", "former". */
  background: SelectionCueEntry[];
}

export const DEFAULT_SELECTION_LEXICON = new URL("../../data/lexicons/selection.json", import.meta.url);

export function parseSelectionLexicon(json: unknown): SelectionLexicon {
  const value = json as Partial<Record<keyof SelectionLexicon, unknown>>;
  return { speculation: cueEntries(value, "speculation"), background: cueEntries(value, "background") };
}

function cueEntries(value: Partial<Record<string, unknown>>, key: string): SelectionCueEntry[] {
  const list = value?.[key];
  if (!Array.isArray(list)) throw new Error(`selection lexicon: "${key}" must be an array`);
  return list.map((entry: Partial<SelectionCueEntry>, i) => {
    if (typeof entry?.phrase !== "string" || entry.phrase.trim() === "")
      throw new Error(`selection lexicon: ${key}[${i}] needs a "phrase"`);
    if (typeof entry.note !== "string") throw new Error(`selection lexicon: ${key}[${i}] needs a "note"`);
    if (entry.pos !== undefined && typeof entry.pos !== "string")
      throw new Error(`selection lexicon: ${key}[${i}] "pos" must be a string`);
    return { phrase: entry.phrase, note: entry.note, ...(entry.pos ? { pos: entry.pos } : {}) };
  });
}

export function loadSelectionLexicon(file: URL = DEFAULT_SELECTION_LEXICON): SelectionLexicon {
  return parseSelectionLexicon(JSON.parse(readFileSync(file, "utf8")));
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

export interface SelectionWeights {
  /** Weight of exclusivity: (1 - nearest / exclusiveBelow), 0 once the sentence is matched. */
  exclusive: number;
  speculation: number;
  oneSided: number;
  background: number;
}

export interface SelectionOptions {
  lexicon: SelectionLexicon;
  /**
   * A sentence whose best match in another outlet is below this cosine tells something the
   * others do not. Reworded sentences about one fact share their names and numbers and score
   * about 0.3 and up; unrelated sentences of one story share a name or two and score below 0.2.
   */
  exclusiveBelow?: number;
  weights?: Partial<SelectionWeights>;
  /** Passages scoring below this are not returned. */
  minScore?: number;
  /**
   * A time mention this many days or more before the article's publication makes the sentence
   * background: a month covers the news cycle of one story, older dates are history.
   */
  backgroundDays?: number;
  /** Sentences with fewer content features are not scored: a dateline or a byline is not a passage. */
  minFeatures?: number;
}

export const DEFAULT_EXCLUSIVE_BELOW = 0.25;
/**
 * Telling what no one else tells and carrying words no one else carries weigh alike: either alone,
 * at full strength, selects a sentence. Speculation and background are weaker: they select only
 * with another cue (on BASIL they alone do not mark biased sentences more often than chance).
 */
export const DEFAULT_SELECTION_WEIGHTS: SelectionWeights = {
  exclusive: 0.4,
  speculation: 0.2,
  oneSided: 0.4,
  background: 0.1,
};
/** The weight of one strong cue: a passage needs a strong cue or a half-strong one and a weak one. */
export const DEFAULT_MIN_SCORE = 0.4;
export const DEFAULT_BACKGROUND_DAYS = 30;
/** Three content features: fewer is a fragment (a dateline, "Read more"). */
export const DEFAULT_MIN_FEATURES = 3;

/** Parts of speech whose lemmas carry a sentence's content. */
const CONTENT_POS = new Set(["NOUN", "PROPN", "VERB", "ADJ", "NUM"]);
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Selector
// ---------------------------------------------------------------------------------------------

/** What the selector measured about one sentence, before the cues are weighed into a score. */
export interface PassageFeatures extends Span {
  articleId: string;
  outlet: string;
  sentence: number;
  /** Best cosine with a sentence of another independent text, in [0, 1]. */
  nearest: number;
  /** The sentence has too few content features to be compared (a fragment). */
  fragment: boolean;
  speculation: number;
  background: number;
  /**
   * The sentence carries a quote whose speaker no other independent text quotes, or whose speaker
   * the analysis could not name (words no one else can be seen to answer or confirm).
   */
  oneSided: boolean;
  /** Position in the article, 0 for the first sentence and 1 for the last. */
  position: number;
}

export interface PassageSelector {
  /** Passages scoring at least `minScore`, per article in the order given, then by position. */
  select(articles: readonly Article[], outlets: ReadonlyMap<string, string>): SelectedPassage[];
  /** Every sentence's measurements, for benchmarks and reports that weigh cues themselves. */
  features(articles: readonly Article[], outlets: ReadonlyMap<string, string>): PassageFeatures[];
  /** The score and cues the options give one sentence's features. */
  score(features: PassageFeatures): { score: number; cues: SelectionCue[] };
}

export function createPassageSelector(options: SelectionOptions): PassageSelector {
  const exclusiveBelow = options.exclusiveBelow ?? DEFAULT_EXCLUSIVE_BELOW;
  const weights = { ...DEFAULT_SELECTION_WEIGHTS, ...options.weights };
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const backgroundDays = options.backgroundDays ?? DEFAULT_BACKGROUND_DAYS;
  const minFeatures = options.minFeatures ?? DEFAULT_MIN_FEATURES;
  const speculation = cueMatcher(options.lexicon.speculation);
  const background = cueMatcher(options.lexicon.background);

  function features(articles: readonly Article[], outlets: ReadonlyMap<string, string>): PassageFeatures[] {
    const bags = articles.map(sentenceBags);
    const idf = inverseFrequencies(bags.flat());
    const vectors = bags.map((list) => list.map((bag) => weigh(bag, idf)));
    const speakers = articles.map(quotedSpeakers);
    const nearestOf = createNearestFinder(articles, vectors);
    return articles.flatMap((article, a) => {
      const others = articles.map((_, b) => b).filter((b) => !sameVoice(article, articles[b] as Article));
      const otherSpeakers = new Set(others.flatMap((b) => [...(speakers[b] ?? [])]));
      const groups = tokensBySentence(article);
      const count = article.annotations.sentences.length;
      return article.annotations.sentences.map((span, s): PassageFeatures => {
        const tokens = groups[s] ?? [];
        const vector = vectors[a]?.[s] ?? new Map<string, number>();
        return {
          articleId: article.id,
          outlet: outlets.get(article.id) ?? article.outlet?.value ?? article.id,
          sentence: s,
          start: span.start,
          end: span.end,
          nearest: others.length === 0 ? 1 : nearestOf(a, vector),
          fragment: (bags[a]?.[s]?.size ?? 0) < minFeatures,
          speculation: countCues(speculation, tokens),
          background: countCues(background, tokens) + olderTimes(article, span, backgroundDays),
          oneSided: quotesIn(article, span).some((key) => key === undefined || !otherSpeakers.has(key)),
          position: count > 1 ? s / (count - 1) : 0,
        };
      });
    });
  }

  function score(f: PassageFeatures): { score: number; cues: SelectionCue[] } {
    if (f.fragment) return { score: 0, cues: [] };
    const cues: SelectionCue[] = [];
    let total = 0;
    const exclusivity = Math.max(0, 1 - f.nearest / exclusiveBelow);
    if (exclusivity > 0) {
      cues.push("exclusive");
      total += weights.exclusive * exclusivity;
    }
    if (f.speculation > 0) {
      cues.push("speculation");
      total += weights.speculation;
    }
    if (f.oneSided) {
      cues.push("one-sided");
      total += weights.oneSided;
    }
    if (f.background > 0) {
      cues.push("background");
      total += weights.background;
    }
    return { score: Math.min(1, round(total)), cues };
  }

  function select(articles: readonly Article[], outlets: ReadonlyMap<string, string>): SelectedPassage[] {
    return features(articles, outlets).flatMap((f) => {
      const { score: value, cues } = score(f);
      if (value < minScore || cues.length === 0) return [];
      return [
        {
          articleId: f.articleId,
          outlet: f.outlet,
          sentence: f.sentence,
          start: f.start,
          end: f.end,
          score: value,
          cues,
          nearest: round(f.nearest),
        },
      ];
    });
  }

  return { select, features, score };
}

/** One-shot form of `createPassageSelector(options).select(articles, outlets)`. */
export function selectPassages(
  articles: readonly Article[],
  outlets: ReadonlyMap<string, string>,
  options: SelectionOptions,
): SelectedPassage[] {
  return createPassageSelector(options).select(articles, outlets);
}

// ---------------------------------------------------------------------------------------------
// Alignment by content
// ---------------------------------------------------------------------------------------------

type Bag = Map<string, number>;

/**
 * Two articles speak with one voice when they are copies of one text or come from one outlet:
 * what they share with each other is not confirmed by anyone else.
 */
function sameVoice(a: Article, b: Article): boolean {
  if (a.id === b.id) return true;
  if (a.copyGroup && b.copyGroup && a.copyGroup.id === b.copyGroup.id) return true;
  return a.outlet !== undefined && b.outlet !== undefined && a.outlet.value === b.outlet.value;
}

/** Per sentence, the counts of its content features: lemmas, actors, places, numbers. */
function sentenceBags(article: Article): Bag[] {
  const { sentences, tokens, entities, places, quantities } = article.annotations;
  const bags = sentences.map((): Bag => new Map());
  const add = (offset: number, key: string): void => {
    const s = sentenceAt(sentences, offset);
    const bag = s < 0 ? undefined : bags[s];
    if (bag) bag.set(key, (bag.get(key) ?? 0) + 1);
  };
  for (const token of tokens)
    if (CONTENT_POS.has(token.pos) && /[\p{L}\p{N}]/u.test(token.text)) {
      const bag = bags[token.sentence];
      if (bag) bag.set(`w:${token.lemma}`, (bag.get(`w:${token.lemma}`) ?? 0) + 1);
    }
  for (const e of entities) add(e.start, `a:${e.actorId}`);
  for (const p of places) add(p.start, `p:${p.geonameId ?? p.name.toLowerCase()}`);
  for (const q of quantities) {
    const value = q.value ?? q.low ?? q.high;
    if (value !== undefined) add(q.start, `n:${value}`);
  }
  return bags;
}

/** Smoothed inverse document frequency over the story's sentences: rare features weigh more. */
function inverseFrequencies(bags: readonly Bag[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const bag of bags) for (const key of bag.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = bags.length;
  return new Map([...df].map(([key, count]) => [key, Math.log((n + 1) / (count + 1)) + 1]));
}

/** Tf-idf vector of a bag, unit length (an empty bag stays empty). */
function weigh(bag: Bag, idf: ReadonlyMap<string, number>): Bag {
  const vector: Bag = new Map();
  let norm = 0;
  for (const [key, tf] of bag) {
    const w = (1 + Math.log(tf)) * (idf.get(key) ?? 1);
    vector.set(key, w);
    norm += w * w;
  }
  const length = Math.sqrt(norm);
  for (const [key, w] of vector) vector.set(key, w / length);
  return vector;
}

/**
 * The best cosine between a sentence of article `a` and any sentence of another voice. Vectors are
 * unit length, so the cosine is the dot product, summed through an index from each feature to the
 * sentences holding it: only sentences sharing a feature are touched, not every pair of the story.
 */
function createNearestFinder(
  articles: readonly Article[],
  vectors: readonly (readonly Bag[])[],
): (a: number, vector: Bag) => number {
  const postings = new Map<string, { article: number; sentence: number; weight: number }[]>();
  const offsets: number[] = [];
  let total = 0;
  vectors.forEach((list, article) => {
    offsets.push(total);
    total += list.length;
    list.forEach((vector, sentence) => {
      for (const [key, weight] of vector) {
        const list = postings.get(key) ?? [];
        list.push({ article, sentence, weight });
        postings.set(key, list);
      }
    });
  });
  const voices = articles.map((x) => articles.map((y) => sameVoice(x, y)));
  const sums = new Float64Array(total);
  return (a, vector) => {
    const touched: number[] = [];
    for (const [key, weight] of vector)
      for (const posting of postings.get(key) ?? []) {
        if (voices[a]?.[posting.article]) continue;
        const slot = (offsets[posting.article] ?? 0) + posting.sentence;
        if (sums[slot] === 0) touched.push(slot);
        sums[slot] = (sums[slot] ?? 0) + weight * posting.weight;
      }
    let best = 0;
    for (const slot of touched) {
      best = Math.max(best, sums[slot] ?? 0);
      sums[slot] = 0;
    }
    return best;
  };
}

function sentenceAt(sentences: readonly Span[], offset: number): number {
  return sentences.findIndex((s) => s.start <= offset && offset < s.end);
}

function tokensBySentence(article: Article): Token[][] {
  const groups: Token[][] = article.annotations.sentences.map(() => []);
  for (const token of article.annotations.tokens) groups[token.sentence]?.push(token);
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Cues
// ---------------------------------------------------------------------------------------------

function cueMatcher(entries: readonly SelectionCueEntry[]): PhraseMatcher<SelectionCueEntry> {
  return createPhraseMatcher(entries.map((entry) => ({ phrase: entry.phrase, value: entry })));
}

/** Cue phrases in a sentence; an entry with a part of speech counts only on a token of that tag. */
function countCues(matcher: PhraseMatcher<SelectionCueEntry>, tokens: readonly Token[]): number {
  return matcher
    .findAll(tokens)
    .filter((m) => m.value.pos === undefined || tokens[m.first]?.pos === m.value.pos).length;
}

/** Dates in the sentence at least `days` before publication: the sentence looks back. */
function olderTimes(article: Article, span: Span, days: number): number {
  const published = article.published ? Date.parse(article.published.value.slice(0, 10)) : NaN;
  if (Number.isNaN(published)) return 0;
  return article.annotations.times.filter((t) => {
    if (t.start < span.start || t.start >= span.end || t.timexType !== "DATE") return false;
    const when = Date.parse(t.value.slice(0, 10).padEnd(10, "-01"));
    return !Number.isNaN(when) && published - when >= days * DAY_MS;
  }).length;
}

/** Who a quote is from, as one key across articles: the actor id, else the name, lower-cased. */
function speakerKey(quote: Article["annotations"]["quotes"][number]): string | undefined {
  const speaker = quote.speaker;
  if (!speaker) return undefined;
  return speaker.actorId ?? speaker.affiliation?.actorId ?? (speaker.canonical ?? speaker.text).toLowerCase();
}

function quotedSpeakers(article: Article): Set<string> {
  return new Set(article.annotations.quotes.map(speakerKey).filter((k): k is string => k !== undefined));
}

/** Speaker keys of the quotes overlapping a span; undefined for a quote whose speaker is unknown. */
function quotesIn(article: Article, span: Span): (string | undefined)[] {
  return article.annotations.quotes.filter((q) => q.start < span.end && span.start < q.end).map(speakerKey);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
