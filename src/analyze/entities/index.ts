export {
  type ActorDictionary,
  type ActorEntry,
  type AliasEntry,
  type AliasSpec,
  type ContextRule,
  DEFAULT_ACTORS_DIR,
  type Demonym,
  loadActorDictionary,
  type NameRules,
} from "./dictionary.js";
export { type ActorRef, createActorLookup } from "./lookup.js";
export { DEFAULT_ENTITY_OPTIONS, type EntityOptions } from "./options.js";
export { createEntityRecognizer, type EntityRecognizerOptions } from "./recognizer.js";
