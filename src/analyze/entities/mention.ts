import type { EntityType } from "../../model/index.js";
import type { ActorRef } from "./matcher.js";

/** A mention while the recognizer works on it; it becomes a model `Entity` at the end. */
export interface Mention {
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
  type: EntityType;
  /** The dictionary actor, or a document-local one made by coreference. */
  actor?: ActorRef;
  /** Provenance method: "dictionary:actors", "rule:title", "coref:name-part", ... */
  method: string;
  confidence: number;
  /** Written as an acronym (dictionary acronym or all-capital token). */
  acronym: boolean;
  /** A sentence-initial capital alone: kept only if coreference proves it a name. */
  weak: boolean;
  expansion?: string;
}
