/**
 * Event types (issue 5): the ACLED-compatible taxonomy, the labelled descriptions, and a
 * sentence classifier trained from them when it is built.
 */
export {
  checkDescriptionsAgainst,
  DEFAULT_EVENT_DATA_DIR,
  type EventDescription,
  type EventSubType,
  type EventTaxonomy,
  type EventType,
  isHeldOut,
  loadEventDescriptions,
  loadEventTaxonomy,
  parseEventDescriptions,
  parseEventTaxonomy,
} from "./data.js";
export {
  DEFAULT_EVENT_TYPE_OPTIONS,
  type EventEvidence,
  type EventFeatureWords,
  type EventModelKind,
  type EventTypeClassification,
  type EventTypeClassifier,
  type EventTypeClassifierOptions,
  type RankedSubType,
  type SentenceTokenizer,
  type TokenizedSentences,
  trainEventTypeClassifier,
} from "./classifier.js";
export {
  checkCuesAgainst,
  createCueMatcher,
  type CueMatch,
  type CueMatcher,
  type CueWord,
  type EventCues,
  loadEventCues,
  parseEventCues,
} from "./cues.js";
