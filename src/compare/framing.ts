import type { HeadlineScorer } from "../analyze/framing/index.js";
import type {
  ActorLabel,
  Article,
  LabelUse,
  LoadedTerm,
  LoadedWordUse,
  OutletFraming,
  SentenceLoad,
  Wording,
} from "../model/index.js";

/**
 * How one outlet's article frames the story: the labels it gives each actor, its loaded words
 * by lexicon entry, its headline's loaded score against its body's, and its most loaded
 * sentences. Reads only the article's annotations (actorLabels, framing, loadedSentences).
 */

/** The most loaded sentences shown per article: enough to see the tone, few enough to read. */
export const MOST_LOADED_COUNT = 3;

export function outletFraming(article: Article, outlet: string, score: HeadlineScorer): OutletFraming {
  const { sentences, loadedSentences, framing } = article.annotations;
  const actorLabels = article.annotations.actorLabels ?? [];
  const loaded = loadedSentences ?? [];
  const title = article.title?.value.trim();
  return {
    articleId: article.id,
    outlet,
    labels: labelUses(actorLabels),
    loadedWords: loadedWordUses(framing),
    ...(title ? { headline: score(title) } : {}),
    bodyScore: meanScore(loaded, sentences.length),
    loadedShare: sentences.length === 0 ? 0 : round(loaded.length / sentences.length),
    mostLoaded: mostLoaded(loaded, MOST_LOADED_COUNT),
  };
}

/** Labels grouped by actor, label and category; most used first, then by first use. */
export function labelUses(labels: readonly ActorLabel[]): LabelUse[] {
  const groups = new Map<string, LabelUse>();
  for (const label of labels) {
    const key = [label.actorId ?? label.actor, label.label, label.category].join("\u0000");
    const use = groups.get(key) ?? {
      actor: label.actor,
      ...(label.actorId ? { actorId: label.actorId } : {}),
      label: label.label,
      category: label.category,
      count: 0,
      wording: [],
    };
    groups.set(key, { ...use, count: use.count + 1, wording: [...use.wording, wordingOf(label)] });
  }
  return byUse([...groups.values()]);
}

/** Loaded words grouped by lexicon entry and category; most used first, then by first use. */
export function loadedWordUses(terms: readonly LoadedTerm[]): LoadedWordUse[] {
  const groups = new Map<string, LoadedWordUse>();
  for (const term of terms) {
    const key = `${term.entry.toLowerCase()}\u0000${term.category}`;
    const use = groups.get(key) ?? { entry: term.entry, category: term.category, count: 0, wording: [] };
    groups.set(key, { ...use, count: use.count + 1, wording: [...use.wording, wordingOf(term)] });
  }
  return byUse([...groups.values()]);
}

function wordingOf(mention: { start: number; end: number; text: string }): Wording {
  return { start: mention.start, end: mention.end, text: mention.text, field: "text" };
}

function byUse<T extends { count: number; wording: Wording[] }>(uses: T[]): T[] {
  const first = (use: T) => use.wording[0]?.start ?? 0;
  return uses.sort((a, b) => b.count - a.count || first(a) - first(b));
}

/** Mean over ALL body sentences: a sentence with no loaded word scores 0. */
function meanScore(loaded: readonly SentenceLoad[], sentenceCount: number): number {
  if (sentenceCount === 0) return 0;
  return round(loaded.reduce((sum, s) => sum + s.score, 0) / sentenceCount);
}

function mostLoaded(loaded: readonly SentenceLoad[], count: number): SentenceLoad[] {
  return [...loaded].sort((a, b) => b.score - a.score || a.start - b.start).slice(0, count);
}

/** Three decimals: a share or mean shown to people. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
