import { readFileSync } from "node:fs";
import type { Entity, Span, Token } from "../../model/index.js";
import { objectAt, stringList } from "../data-shape.js";
import { createPhraseMatcher, wordMatches } from "../framing/phrase-matcher.js";
import { DEFAULT_EVENTS_LEXICON_FILE } from "./modality.js";

/**
 * Whether a violent trigger tells violence. "Captured", "attacked", "took control of", "hit" are
 * also the words of politics ("took control of the Senate", "attacked the plan", "hit the reset"):
 * such a trigger is an event only with armed context near it (an armed actor by dictionary
 * category, or words of arms and soldiers) and never with a figurative object (a plan, a seat, a
 * record). The words are data: the "conflict" section of data/lexicons/events.json.
 */

export interface EventConflictCues {
  /** Actions that are violent only in armed context ("capture", "attack", "strike"). */
  actions: string[];
  /** Actor dictionary categories that are armed ("armed-forces", "armed-group"). */
  armedCategories: string[];
  /** Words and phrases that bring armed context ("troops", "air strike", "militants"). */
  armedWords: string[];
  /** Actions (violent ones and killings) that a figurative object makes no event. */
  figurativeActions: string[];
  /** Head nouns of objects that cannot be captured or attacked physically ("plan", "bill", "seat"). */
  figurativeTargets: string[];
  /** Trigger patterns that are only events as verbs, not adjectives ("free" in "the free world"). */
  verbOnly: string[];
}

/**
 * Sentences before the trigger's own that may give its armed context: "Militants stormed the
 * town. They captured it by nightfall." One is enough; further back, a political story's aside
 * about a war would arm every "attack" after it.
 */
export const ARMED_CONTEXT_SENTENCES_BEFORE = 1;

export function loadEventConflictCues(file: URL = DEFAULT_EVENTS_LEXICON_FILE): EventConflictCues {
  return parseEventConflictCues(JSON.parse(readFileSync(file, "utf8")) as unknown);
}

export function parseEventConflictCues(json: unknown, where = "events.json"): EventConflictCues {
  const root = objectAt(json, where);
  const at = `${where}.conflict`;
  const node = objectAt(root.conflict, at);
  const lower = (list: string[]) => list.map((w) => w.toLowerCase());
  return {
    actions: stringList(node.actions, `${at}.actions`),
    armedCategories: stringList(node.armedCategories, `${at}.armedCategories`),
    armedWords: lower(stringList(node.armedWords, `${at}.armedWords`)),
    figurativeActions: stringList(node.figurativeActions, `${at}.figurativeActions`),
    figurativeTargets: lower(stringList(node.figurativeTargets, `${at}.figurativeTargets`)),
    verbOnly: lower(stringList(node.verbOnly, `${at}.verbOnly`)),
  };
}

/** The tokens and names around a trigger: its sentence and the sentences just before. */
export interface ArmedWindow {
  /** Tokens of the trigger's sentence and of the sentences before it that count. */
  tokens: readonly Token[];
  /** Entities of the article (those inside the window are looked at). */
  entities: readonly Entity[];
}

export interface ConflictReader {
  /** Whether the action needs armed context to be an event. */
  needsArmedContext(action: string): boolean;
  /** Whether the window holds an armed actor or a word of arms. */
  hasArmedContext(window: ArmedWindow): boolean;
  /** Whether the object (its head noun, the last token) makes this action a figure of speech. */
  isFigurative(action: string, target: readonly Token[]): boolean;
  /** Whether the trigger pattern is only an event as a verb. */
  isVerbOnly(pattern: string): boolean;
}

export function createConflictReader(cues: EventConflictCues): ConflictReader {
  const conflictActions = new Set(cues.actions);
  const figurativeActions = new Set(cues.figurativeActions);
  const armedCategories = new Set(cues.armedCategories);
  const verbOnly = new Set(cues.verbOnly);
  const armedWords = createPhraseMatcher(cues.armedWords.map((phrase) => ({ phrase, value: phrase })));

  function hasArmedContext(window: ArmedWindow): boolean {
    const { tokens } = window;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) return false;
    const span: Span = { start: first.start, end: last.end };
    const armedActor = window.entities.some(
      (e) =>
        e.start >= span.start &&
        e.end <= span.end &&
        e.category !== undefined &&
        armedCategories.has(e.category),
    );
    if (armedActor) return true;
    for (let i = 0; i < tokens.length; i++) if (armedWords.matchAt(tokens, i).length > 0) return true;
    return false;
  }

  return {
    needsArmedContext: (action) => conflictActions.has(action),
    hasArmedContext,
    isFigurative(action, target) {
      const head = target[target.length - 1];
      return (
        figurativeActions.has(action) &&
        head !== undefined &&
        cues.figurativeTargets.some((noun) => wordMatches(head, noun))
      );
    },
    isVerbOnly: (pattern) => verbOnly.has(pattern.toLowerCase()),
  };
}
