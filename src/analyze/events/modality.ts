import { readFileSync } from "node:fs";
import type { Article, Span, TimeMention, Token } from "../../model/index.js";
import { objectAt, stringList } from "../data-shape.js";
import { createPhraseMatcher, type PhraseMatch } from "../framing/phrase-matcher.js";
import { CLAUSE_OPENERS, clauseEnd, clauseStart } from "./clauses.js";

/**
 * Whether a trigger tells something that happened, as one event. "Sought to capture", "could
 * attack" are irrealis: wanted or possible. "Did not enter", "denied that it struck", "no evidence
 * that civilians were killed" are denied: the text says the deed did not happen, which the
 * cross-check sets against outlets that say it did. "Hundreds have been killed since the war
 * began" is cumulative: a war's toll, not one event (ACLED codes events, not wars). The cue words
 * are data: data/lexicons/events.json "modality".
 */

export const DEFAULT_EVENTS_LEXICON_FILE = new URL("../../../data/lexicons/events.json", import.meta.url);

export interface EventModalityCues {
  /** Words before a trigger that make it unreal: "sought to", "could", "if". */
  irrealis: string[];
  /** Words before a trigger that negate or deny it: "did not", "denied", "no evidence that". */
  denied: string[];
  /** Words after a trigger, in its clause, that make it a tally ("since"). */
  cumulativeAfter: string[];
  /** Words anywhere in a trigger's clause that make it a tally ("so far", "in total"). */
  cumulativeAnywhere: string[];
}

export type EventModality = "irrealis" | "denied" | "cumulative";

/**
 * Most tokens an irrealis cue may stand before its trigger: "have sought to swiftly capture",
 * "could soon be captured"; further away it governs another verb.
 */
export const MAX_CUE_DISTANCE = 6;
/**
 * A toll "since" a date this many days or fewer before the article is one event's count
 * ("since Monday"); an older date ("since March 2011") makes it a war's tally.
 */
export const RECENT_TOLL_DAYS = 14;
const DAY_MS = 86_400_000;
/** Tokens the longest cue spans ("be about to", "no evidence to suggest"): where to start looking back. */
const LONGEST_CUE_TOKENS = 4;

/** Punctuation across which a cue governs nothing: it belongs to another clause. */
const SCOPE_PUNCT = new Set([",", ";", ":", ".", "!", "?", "—", "–", "(", ")", '"', "“", "”"]);
/** Parts of speech a one-word cue never has: "May" the month, "the will of the people". */
const NOT_CUE_POS = new Set(["PROPN", "NOUN"]);

export function loadEventModality(file: URL = DEFAULT_EVENTS_LEXICON_FILE): EventModalityCues {
  return parseEventModality(JSON.parse(readFileSync(file, "utf8")) as unknown);
}

export function parseEventModality(json: unknown, where = "events.json"): EventModalityCues {
  const root = objectAt(json, where);
  const modality = objectAt(root.modality, `${where}.modality`);
  const cumulative = objectAt(modality.cumulative, `${where}.modality.cumulative`);
  return {
    irrealis: stringList(modality.irrealis, `${where}.modality.irrealis`),
    // Older lexicons listed denials among the irrealis cues; the list is optional.
    denied: modality.denied === undefined ? [] : stringList(modality.denied, `${where}.modality.denied`),
    cumulativeAfter: stringList(cumulative.after, `${where}.modality.cumulative.after`),
    cumulativeAnywhere: stringList(cumulative.anywhere, `${where}.modality.cumulative.anywhere`),
  };
}

/** What the reader needs of the article beyond the sentence: its date and time mentions. */
export interface ModalityContext {
  published?: Article["published"];
  times: readonly TimeMention[];
}

/** A trigger's tokens [first, end) and whether it is a verb ("captured") or a noun ("an attack"). */
export interface TriggerSpan {
  first: number;
  end: number;
  kind?: "verb" | "noun";
}

export type ModalityReader = (
  tokens: readonly Token[],
  trigger: TriggerSpan,
  context: ModalityContext,
) => EventModality | undefined;

/** A reader of a trigger's modality in its sentence's tokens; undefined when it tells a happening. */
export function createModalityReader(cues: EventModalityCues): ModalityReader {
  const irrealis = createPhraseMatcher(cues.irrealis.map((phrase) => ({ phrase, value: phrase })));
  const denied = createPhraseMatcher(cues.denied.map((phrase) => ({ phrase, value: phrase })));
  const after = createPhraseMatcher(cues.cumulativeAfter.map((phrase) => ({ phrase, value: phrase })));
  const anywhere = createPhraseMatcher(cues.cumulativeAnywhere.map((phrase) => ({ phrase, value: phrase })));

  return (tokens, trigger, context) => {
    // "Could not have struck" says nothing happened or not: the wanted or possible wins over the denied.
    if (governedBy(irrealis, tokens, trigger)) return "irrealis";
    if (governedBy(denied, tokens, trigger)) return "denied";
    return isCumulative(tokens, trigger, context) ? "cumulative" : undefined;
  };

  /** A cue ending a few words before the trigger, with no clause boundary between them. */
  function governedBy(
    cuesOf: ReturnType<typeof createPhraseMatcher<string>>,
    tokens: readonly Token[],
    trigger: TriggerSpan,
  ): boolean {
    const head = trigger.first;
    // "threatened to launch an attack": a noun trigger may sit behind one verb of its own.
    const verbs = trigger.kind === "noun" ? 1 : 0;
    const from = Math.max(0, head - MAX_CUE_DISTANCE - LONGEST_CUE_TOKENS);
    for (const match of findAll(cuesOf, tokens, from, head)) {
      if (match.end > head || head - match.end > MAX_CUE_DISTANCE) continue;
      if (isNotCue(tokens, match)) continue;
      if (!boundaryBetween(tokens, match.end, head, verbs)) return true;
    }
    return false;
  }

  function isCumulative(tokens: readonly Token[], trigger: TriggerSpan, context: ModalityContext): boolean {
    const first = clauseStart(tokens, trigger.first);
    const last = clauseEnd(tokens, trigger.end - 1);
    if (findAll(anywhere, tokens, first, last).length > 0) return true;
    return findAll(after, tokens, trigger.end, last).some((m) => sinceIsLong(tokens, m, last, context));
  }
}

/** Matches starting in [from, to), left to right, without overlaps. */
function findAll<T>(
  matcher: ReturnType<typeof createPhraseMatcher<T>>,
  tokens: readonly Token[],
  from: number,
  to: number,
): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = [];
  for (let i = from; i < to; i++) {
    const best = matcher.matchAt(tokens, i)[0];
    if (best) {
      found.push(best);
      i = best.end - 1;
    }
  }
  return found;
}

function isNotCue(tokens: readonly Token[], match: PhraseMatch<string>): boolean {
  const only = match.end - match.first === 1 ? tokens[match.first] : undefined;
  return only !== undefined && NOT_CUE_POS.has(only.pos);
}

/**
 * Clause punctuation, an opener of another clause, a conjunction joining two clauses, or more
 * verbs than allowed in [from, to): "will pass the deal the president struck" governs "pass".
 */
function boundaryBetween(tokens: readonly Token[], from: number, to: number, verbsAllowed: number): boolean {
  let verbs = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i] as Token;
    const lower = token.text.toLowerCase();
    if (SCOPE_PUNCT.has(token.text)) return true;
    if (CLAUSE_OPENERS.has(lower) && token.pos !== "ADP") return true;
    // "tried to defend the town and the rebels captured it"; "tried to enter and take it" shares the cue.
    if (token.pos === "CCONJ" && tokens[i + 1]?.pos !== "VERB") return true;
    // "tried to enter and capture": a verb joined to the governed one shares its cue.
    if (token.pos === "CCONJ") verbs = 0;
    else if (token.pos === "VERB" && tokens[i - 1]?.pos !== "CCONJ") verbs += 1;
  }
  return verbs > verbsAllowed;
}

/**
 * "Since" a long time: followed in the clause by no date ("since the war began") or by one well
 * before the article ("since March 2011"); "since Monday" counts one event's dead.
 */
function sinceIsLong(
  tokens: readonly Token[],
  since: PhraseMatch<string>,
  last: number,
  context: ModalityContext,
): boolean {
  const span: Span = { start: tokens[since.end]?.start ?? 0, end: tokens[last - 1]?.end ?? 0 };
  const time = context.times.find((t) => t.start >= span.start && t.end <= span.end);
  if (!time) return true;
  const reference = context.published?.value ?? time.anchor;
  const [then, now] = [dayOf(time.value), reference ? dayOf(reference) : undefined];
  if (then === undefined || now === undefined) return false;
  return (now - then) / DAY_MS > RECENT_TOLL_DAYS;
}

/** Milliseconds of a date value's first day ("2011-03" is 1 March 2011); undefined for "2017-W45" or "PAST_REF". */
function dayOf(value: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/u.exec(value);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2] ?? "1") - 1, Number(m[3] ?? "1"));
}
