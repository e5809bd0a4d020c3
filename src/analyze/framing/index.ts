/**
 * Framing: loaded words (the framing lexicon), the labels a text gives actors and their deeds,
 * each sentence's loaded score, and a headline's.
 */
export { createPhraseMatcher, type PhraseMatch, type PhraseMatcher, phraseWords } from "./phrase-matcher.js";
export { createFramingTagger, groupBySentence } from "./tagger.js";

export {
  type ActorLabelerOptions,
  createActorLabeler,
  DEFAULT_AFTER_WINDOW,
  DEFAULT_RECENT_SENTENCES,
  LINK_CONFIDENCE,
  type LinkRule,
} from "./labels.js";
export {
  createLoadScorer,
  DEFAULT_MIN_SCORE,
  DEFAULT_QUOTED_FACTOR,
  type LoadScorerOptions,
  mergeDrivers,
  saturate,
  scoreSentences,
  type WeightedWord,
  weightedWords,
} from "./load.js";
export {
  createHeadlineScorer,
  type HeadlineScore,
  type HeadlineScorer,
  type HeadlineScorerOptions,
} from "./headline.js";
