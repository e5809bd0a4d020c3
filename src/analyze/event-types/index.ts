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
  type EventFeatureWords,
  type EventTypeClassification,
  type EventTypeClassifier,
  type EventTypeClassifierOptions,
  type RankedSubType,
  trainEventTypeClassifier,
} from "./classifier.js";
