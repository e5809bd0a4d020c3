import type {
  Article,
  Entity,
  EventArgument,
  EventMention,
  Place,
  PlaceFeature,
  Provenance,
  Span,
  TimeMention,
  Token,
} from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { groupBySentence } from "../framing/index.js";
import { createPhraseMatcher, type PhraseMatch, wordMatches } from "../framing/phrase-matcher.js";
import type { EventLexicon, EventTrigger } from "../lexicons.js";
import {
  type Chunk,
  clauseEnd,
  clauseStart,
  isPassive,
  modifiedPhrase,
  nounChunks,
  objectWindowEnd,
  relativeAntecedent,
  type SentenceTokens,
  spanOf,
  subjectBefore,
  tokenRange,
} from "./clauses.js";
import {
  bestEntity,
  bestPlace,
  isPlaceArgument,
  LOCAL_FEATURES,
  placeArgument,
  salientPlace,
} from "./mentions.js";
import {
  ARMED_CONTEXT_SENTENCES_BEFORE,
  createConflictReader,
  type EventConflictCues,
  loadEventConflictCues,
} from "./conflict.js";
import { createModalityReader, type EventModalityCues, loadEventModality } from "./modality.js";

export * from "./clauses.js";
export {
  ARMED_CONTEXT_SENTENCES_BEFORE,
  type ArmedWindow,
  type ConflictReader,
  createConflictReader,
  type EventConflictCues,
  loadEventConflictCues,
  parseEventConflictCues,
} from "./conflict.js";
export { bestEntity, bestPlace, isPlaceArgument, placeArgument, salientPlace } from "./mentions.js";
export {
  createModalityReader,
  type EventModality,
  type EventModalityCues,
  loadEventModality,
  MAX_CUE_DISTANCE,
  type ModalityReader,
  parseEventModality,
  RECENT_TOLL_DAYS,
} from "./modality.js";

const PROVENANCE: Provenance = { stage: "analyze", method: "lexicon:events" };

/** POS a verb trigger may carry: wink tags some participles as adjectives ("it was liberated"). */
const VERB_POS = new Set(["VERB", "ADJ", "AUX"]);
const NOUN_POS = new Set(["NOUN", "PROPN"]);
/** Prepositions that introduce a noun trigger's target: "strikes on", "capture of", "attack against". */
const TARGET_PREPOSITIONS = new Set(["on", "against", "of", "in", "at", "near", "into", "over", "across"]);
/** Counts that name no one until "of": "hundreds of protesters", "dozens of people". */
const COUNT_WORDS = new Set([
  "dozens",
  "scores",
  "hundreds",
  "thousands",
  "tens",
  "millions",
  "some",
  "several",
]);
const PERSONAL_PRONOUNS = new Set(["he", "she", "him", "her"]);
const THING_PRONOUNS = new Set(["it", "they", "them"]);

/** Everything about the article an event needs beyond its own sentence. */
interface ArticleContext {
  text: string;
  published?: Article["published"];
  entities: readonly Entity[];
  places: readonly Place[];
  times: readonly TimeMention[];
}

interface SentenceContext extends SentenceTokens {
  chunks: Chunk[];
  article: ArticleContext;
  sentence: number;
  /** Tokens of the sentences just before, where a violent trigger's armed context may be. */
  before: readonly Token[];
}

/**
 * Events from a trigger lexicon: each trigger ("captured", "fell to", "declared it clear of")
 * gives an action, read with its actor (the subject), target (the phrase after it, or the
 * subject when the verb is passive), and the place and time mentioned in its clause. A trigger
 * that tells no happening (sought, threatened, conditional) or a long tally ("killed since the
 * war began") makes no event; a negated or denied one ("denied carrying out the strike") is kept
 * with `denied: true`: the modality cues say which (default: the "modality"
 * section of data/lexicons/events.json). A violent trigger ("captured", "attacked") is an event
 * only in armed context and with a concrete object: "took control of the Senate" is politics (the
 * "conflict" section of the same file).
 */
export function createEventExtractor(opts: {
  lexicon: EventLexicon;
  modality?: EventModalityCues;
  conflict?: EventConflictCues;
}): AnalysisComponent {
  const { lexicon } = opts;
  const modalityOf = createModalityReader(opts.modality ?? loadEventModality());
  const conflict = createConflictReader(opts.conflict ?? loadEventConflictCues());
  const matcher = createPhraseMatcher(lexicon.triggers.map((t) => ({ phrase: t.pattern, value: t })));
  const placeNouns = Object.entries(lexicon.placeNouns);
  const verbs = new Set(
    lexicon.triggers.filter((t) => t.kind === "verb").map((t) => t.pattern.split(" ")[0] as string),
  );
  const courtNouns = lexicon.courtNouns;

  function run(article: Article): { events: EventMention[] } {
    const { annotations } = article;
    const context: ArticleContext = {
      text: article.text,
      ...(article.published ? { published: article.published } : {}),
      entities: annotations.entities ?? [],
      places: annotations.places ?? [],
      times: annotations.times ?? [],
    };
    const events: EventMention[] = [];
    groupBySentence(retagPastForms(annotations.tokens, verbs)).forEach((tokens, k, all) => {
      const sentence = tokens[0]?.sentence ?? 0;
      const before = () => all.slice(Math.max(0, k - ARMED_CONTEXT_SENTENCES_BEFORE), k).flat();
      events.push(...eventsOfSentence(tokens, () => sentenceContext(context, tokens, sentence, before())));
    });
    return { events };
  }

  /** The sentence's context (names, noun chunks) is only worked out once a trigger is found in it. */
  function eventsOfSentence(tokens: Token[], contextOf: () => SentenceContext): EventMention[] {
    const found: EventMention[] = [];
    let s: SentenceContext | undefined;
    let i = 0;
    while (i < tokens.length) {
      const matches = matcher.matchAt(tokens, i);
      s = s ?? (matches.length > 0 ? contextOf() : undefined);
      const event = s ? firstEventIn(s, matches) : undefined;
      if (event) {
        found.push(event.mention);
        i = event.end;
      } else {
        i += 1;
      }
    }
    return found;
  }

  /** The longest trigger matched at a token that makes an event; a shorter one may do where a longer fails. */
  function firstEventIn(
    s: SentenceContext,
    matches: readonly PhraseMatch<EventTrigger>[],
  ): { mention: EventMention; end: number } | undefined {
    for (const match of matches) {
      const mention = readEvent(s, match);
      if (mention) return { mention, end: match.end };
    }
    return undefined;
  }

  function readEvent(s: SentenceContext, match: PhraseMatch<EventTrigger>): EventMention | undefined {
    const trigger = match.value;
    if (!fitsSense(s.tokens, match, trigger)) return undefined;
    const roles = trigger.kind === "verb" ? verbRoles(s, match) : nounRoles(s, match);
    if (trigger.requiresCourt && !(roles.subject && hasCourtNoun(s.tokens, roles.subject))) return undefined;
    const actor = roles.actor ? argument(s, roles.actor, trigger, "actor") : undefined;
    const target = roles.target ? argument(s, roles.target, trigger, "target") : undefined;
    // "took" or "the fall" is only a capture when what was taken is named or resolved.
    if (trigger.requiresTarget && !target?.id) return undefined;
    if (trigger.kind === "noun" && !trigger.standalone && !actor && !target) return undefined;
    if (!isLiteral(s, trigger, roles)) return undefined;
    // Checked last, as the rarest reason: most candidate triggers fail the tests above first.
    const modality = modalityOf(
      s.tokens,
      { first: match.first, end: match.end, kind: trigger.kind },
      s.article,
    );
    // A denied deed is kept, marked: the cross-check sets it against outlets that affirm it.
    if (modality === "irrealis" || modality === "cumulative") return undefined;
    return mentionOf(s, match, actor, target, modality === "denied");
  }

  function fitsSense(
    tokens: readonly Token[],
    match: PhraseMatch<EventTrigger>,
    trigger: EventTrigger,
  ): boolean {
    const head = tokens[match.first] as Token;
    const allowed = trigger.kind === "verb" ? VERB_POS : NOUN_POS;
    const fits =
      allowed.has(head.pos) ||
      (trigger.kind === "noun" && isGerundTrigger(trigger) && isGerundNoun(tokens, match.first));
    if (!fits && !trigger.pattern.startsWith("be ")) return false;
    // "Lynch said", "Rush told": a capitalised verb inside a sentence is a name.
    if (trigger.kind === "verb" && match.first > 0 && /^\p{Lu}/u.test(head.text)) return false;
    // "the free world", "it is clear that": adjectives that some participle triggers would let in.
    if (trigger.kind === "verb" && head.pos !== "VERB" && conflict.isVerbOnly(trigger.pattern)) return false;
    const next = tokens[match.end];
    return !(next && trigger.notFollowedBy?.some((word) => wordMatches(next, word)));
  }

  /**
   * A violent action told literally: its object is no figure of speech ("attacked the plan") and,
   * for actions that politics shares, an armed actor or a word of arms is near.
   */
  function isLiteral(s: SentenceContext, trigger: EventTrigger, roles: Roles): boolean {
    const object = roles.target ? s.tokens.slice(roles.target.first, roles.target.end) : [];
    if (conflict.isFigurative(trigger.action, object)) return false;
    if (!conflict.needsArmedContext(trigger.action)) return true;
    return conflict.hasArmedContext({ tokens: [...s.before, ...s.tokens], entities: s.article.entities });
  }

  function hasCourtNoun(tokens: readonly Token[], chunk: Chunk): boolean {
    return tokens.slice(chunk.first, chunk.end).some((t) => courtNouns.some((noun) => wordMatches(t, noun)));
  }

  /** A verb's actor is its subject, or the "by" phrase when it is passive; its target the object. */
  function verbRoles(s: SentenceContext, match: PhraseMatch<EventTrigger>): Roles {
    const trigger = match.value;
    const subject = relativeAntecedent(s, match.first, s.chunks) ?? subjectBefore(s, match.first, s.chunks);
    const after = phraseAfter(s, match);
    if (isReducedPassive(s.tokens, match)) {
      return { subject, actor: byPhrase(s, match.end), target: modifiedPhrase(s, match.first, s.chunks) };
    }
    if (isPassive(s.tokens, match.first) || trigger.subjectIsTarget) {
      const actor = trigger.actorAfter ? after : byPhrase(s, match.end);
      return { subject, actor, target: subject };
    }
    return { subject, actor: subject, target: after };
  }

  /** A noun's actor is a name before it in its phrase ("Russian air strikes") or a "by" phrase. */
  function nounRoles(s: SentenceContext, match: PhraseMatch<EventTrigger>): Roles {
    const own = s.chunks.find((c) => c.first <= match.first && match.first < c.end);
    const modifier = own && own.first < match.first ? mentionChunkIn(s, own.first, match.first) : undefined;
    const actor = modifier ?? byPhrase(s, match.end);
    return { actor, target: phraseAfter(s, match) };
  }

  /**
   * The target phrase: inside the gap, after the trigger, or none, as the lexicon says. A noun
   * takes its target through a preposition ("air strikes on X", "the capture of X"), never
   * directly ("attacks with guns"); a trigger ending in a verb ("earthquake struck") takes it directly.
   */
  function phraseAfter(s: SentenceContext, match: PhraseMatch<EventTrigger>): Chunk | undefined {
    const slot = match.value.target ?? "after";
    if (slot === "none") return undefined;
    if (slot === "gap") return match.gap ? firstArgumentIn(s, match.gap.first, match.gap.end) : undefined;
    const next = s.tokens[match.end];
    const endsInNoun = match.value.kind === "noun" && s.tokens[match.end - 1]?.pos !== "VERB";
    if (endsInNoun && !(next && TARGET_PREPOSITIONS.has(next.text.toLowerCase()))) return undefined;
    const from = next?.text.toLowerCase() === "by" || endsInNoun ? match.end + 1 : match.end;
    return firstArgumentIn(s, from, objectWindowEnd(s.tokens, from));
  }

  /**
   * The first noun phrase in [from, to); for "the town of X" the name after "of". Which entity
   * or place it means is settled by `argument`.
   */
  function firstArgumentIn(s: SentenceContext, from: number, to: number): Chunk | undefined {
    const chunk = s.chunks.find((c) => c.first >= from && c.first < to);
    if (chunk && isCountOf(s, chunk)) return s.chunks.find((c) => c.first === chunk.end + 1) ?? chunk;
    if (!chunk || !isPlaceNounOf(s, chunk)) return chunk;
    return s.chunks.find((c) => c.first === chunk.end + 1) ?? chunk;
  }

  /** "hundreds of protesters": a bare count followed by "of" says who only in the next phrase. */
  function isCountOf(s: SentenceContext, chunk: Chunk): boolean {
    const words = s.tokens.slice(chunk.first, chunk.end);
    return (
      s.tokens[chunk.end]?.text.toLowerCase() === "of" &&
      words.every((t) => t.pos === "NUM" || COUNT_WORDS.has(t.text.toLowerCase()))
    );
  }

  /** "the town of X": a place noun followed by "of" and a name. */
  function isPlaceNounOf(s: SentenceContext, chunk: Chunk): boolean {
    const last = s.tokens[chunk.end - 1];
    const next = s.tokens[chunk.end];
    const name = s.tokens[chunk.end + 1];
    return (
      last !== undefined &&
      isPlaceNoun(last) &&
      next?.text.toLowerCase() === "of" &&
      name !== undefined &&
      /^\p{Lu}/u.test(name.text)
    );
  }

  function isPlaceNoun(token: Token): boolean {
    return placeFeaturesOf(token) !== undefined;
  }

  function placeFeaturesOf(token: Token): readonly PlaceFeature[] | undefined {
    return placeNouns.find(([noun]) => wordMatches(token, noun))?.[1];
  }

  function argument(
    s: SentenceContext,
    chunk: Chunk,
    trigger: EventTrigger,
    role: "actor" | "target",
  ): EventArgument {
    const span = spanOf(s.tokens, chunk);
    const text = s.article.text.slice(span.start, span.end);
    const plain: EventArgument = { ...span, text };
    const place = bestPlace(s.article.places, span);
    // A place named inside the phrase is the target ("the town of X"), an entity the actor.
    // "U.S.-backed forces" are not the U.S.: a name glued to a hyphen only modifies the phrase.
    const entity = bestEntity(
      s.article.entities.filter((e) => s.article.text[e.end] !== "-"),
      span,
    );
    if (role === "target" && trigger.placeTarget && place) return placeArgument(plain, place);
    // "rockets at the city of X": a target that is a place's own name is that place.
    if (role === "target" && place && entity && entity.actorId === place.entityActorId)
      return placeArgument(plain, place);
    if (entity) return { ...plain, id: entity.actorId, canonical: entity.canonical };
    if (place) return placeArgument(plain, place);
    const words = s.tokens.slice(chunk.first, chunk.end);
    const only = words.length === 1 ? words[0] : undefined;
    if (only && PERSONAL_PRONOUNS.has(only.text.toLowerCase())) return personOf(s, plain) ?? plain;
    const wantsPlace = role === "target" && trigger.placeTarget;
    if (wantsPlace && only && THING_PRONOUNS.has(only.text.toLowerCase())) {
      const earlier = placeEarlierInSentence(s, span) ?? salientPlace(s.article.places, LOCAL_FEATURES);
      return earlier ? placeArgument(plain, earlier) : plain;
    }
    const features = words.length > 0 ? placeFeaturesOf(words[words.length - 1] as Token) : undefined;
    const salient = wantsPlace && features ? salientPlace(s.article.places, features) : undefined;
    return salient ? placeArgument(plain, salient) : plain;
  }

  function mentionOf(
    s: SentenceContext,
    match: PhraseMatch<EventTrigger>,
    actor: EventArgument | undefined,
    target: EventArgument | undefined,
    denied: boolean,
  ): EventMention {
    const first = Math.min(clauseStart(s.tokens, match.first), match.first);
    const last = Math.max(clauseEnd(s.tokens, match.end - 1), match.end);
    const span = spanOf(s.tokens, { first, end: last });
    const triggerSpan = spanOf(s.tokens, match);
    const clause = { start: span.start, end: span.end };
    const place = placeOf(s, clause, triggerSpan, target);
    const time = timeOf(s, clause, triggerSpan);
    return {
      ...span,
      text: s.article.text.slice(span.start, span.end),
      provenance: PROVENANCE,
      action: match.value.action,
      ...(denied ? { denied: true } : {}),
      trigger: { ...triggerSpan, text: s.article.text.slice(triggerSpan.start, triggerSpan.end) },
      sentence: s.sentence,
      ...(actor ? { actor } : {}),
      ...(target ? { target } : {}),
      ...(place ? { place } : {}),
      ...(time ? { time } : {}),
    };
  }

  return {
    name: "events",
    requires: ["tokens", "sentences", "entities", "places", "times"],
    provides: ["events"],
    run,
  };
}

interface Roles {
  subject?: Chunk;
  actor?: Chunk;
  target?: Chunk;
}

function sentenceContext(
  article: ArticleContext,
  tokens: Token[],
  sentence: number,
  before: readonly Token[],
): SentenceContext {
  const start = tokens[0]?.start ?? 0;
  const end = tokens[tokens.length - 1]?.end ?? 0;
  const inside = (m: Span) => m.start >= start && m.end <= end;
  const atomic = [...article.entities.filter(inside), ...article.places.filter(inside)];
  const base: SentenceTokens = { tokens, atomic };
  return { ...base, chunks: nounChunks(base), article, sentence, before };
}

/** The tokens of a name (entity or place) in [from, to), the last one if several. */
function mentionChunkIn(s: SentenceContext, from: number, to: number): Chunk | undefined {
  const start = s.tokens[from]?.start ?? 0;
  const end = s.tokens[to - 1]?.end ?? 0;
  const names = [...s.article.entities, ...s.article.places].filter((m) => m.start >= start && m.end <= end);
  const last = names.sort((a, b) => a.start - b.start)[names.length - 1];
  return last ? tokenRange(s.tokens, last) : undefined;
}

/** Tags before an "-ing" word that make it a noun: "heavy fighting", "the looting", "after rioting". */
const GERUND_NOUN_BEFORE = new Set(["DET", "ADJ", "ADP", "PROPN", "CCONJ", "PUNCT"]);

/** A noun trigger that is itself an "-ing" form ("fighting", "looting"), not one that merely lemmatises so ("according"). */
function isGerundTrigger(trigger: EventTrigger): boolean {
  return /ing$/u.test(trigger.pattern.split(" ")[0] ?? "");
}

/** "Heavy fighting broke out": the tagger reads a verb, but after an adjective or determiner it names a thing. */
function isGerundNoun(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  if (token.pos !== "VERB" || !/ing$/iu.test(token.text)) return false;
  const before = tokens[index - 1];
  return before === undefined || GERUND_NOUN_BEFORE.has(before.pos);
}

/** Tags a past form may wrongly carry, or carry with a wrong lemma ("raped" -> "rap"). */
const PAST_FORM_POS = new Set(["NOUN", "PROPN", "VERB", "ADJ"]);

/**
 * "Gunmen abducted 30 students": after a capitalised plural the tagger may read the verb as a
 * noun and leave "abducted" as its lemma; "raped" it lemmatises as "rap". A past form in "-ed" whose stem is a verb of the
 * trigger lexicon is read as that verb; the tokens are copied, never changed.
 */
export function retagPastForms(tokens: readonly Token[], verbs: ReadonlySet<string>): Token[] {
  return tokens.map((t) => {
    if (!PAST_FORM_POS.has(t.pos) || verbs.has(t.lemma) || !/\p{L}{2,}ed$/u.test(t.text)) return t;
    const stem = pastStems(t.text.toLowerCase()).find((s) => verbs.has(s));
    return stem ? { ...t, pos: VERB_POS.has(t.pos) ? t.pos : "VERB", lemma: stem } : t;
  });
}

/** "abducted" -> abduct, "raped" -> rape, "kidnapped" -> kidnap. */
function pastStems(word: string): string[] {
  const bare = word.slice(0, -2);
  const undoubled = /(\p{L})\1$/u.test(bare) ? bare.slice(0, -1) : bare;
  return [bare, word.slice(0, -1), undoubled];
}

/** The noun phrase after "by" right behind a passive verb: "was captured by the army". */
function byPhrase(s: SentenceContext, from: number): Chunk | undefined {
  if (s.tokens[from]?.text.toLowerCase() !== "by") return undefined;
  return s.chunks.find((c) => c.first === from + 1);
}

/** "The army, backed by militias": a past participle with a "by" phrase and no auxiliary. */
function isReducedPassive(tokens: readonly Token[], match: PhraseMatch<EventTrigger>): boolean {
  const before = tokens[match.first - 1];
  return (
    tokens[match.end]?.text.toLowerCase() === "by" &&
    match.value.kind === "verb" &&
    (before === undefined || before.text === "," || before.pos === "NOUN" || before.pos === "PROPN")
  );
}

/** "He"/"she": the nearest person named before, in this sentence or the one before. */
function personOf(s: SentenceContext, plain: EventArgument): EventArgument | undefined {
  const person = s.article.entities
    .filter((e) => e.type === "PERSON" && e.end <= plain.start)
    .sort((a, b) => b.end - a.end)[0];
  if (!person) return undefined;
  const between = s.article.text.slice(person.end, plain.start);
  if ((between.match(/[.!?]\s/g) ?? []).length > 1) return undefined;
  return { ...plain, id: person.actorId, canonical: person.canonical };
}

/** "Entered the town of X, near Y, and declared it clear": "it" is the nearest earlier local place. */
function placeEarlierInSentence(s: SentenceContext, span: Span): Place | undefined {
  const start = s.tokens[0]?.start ?? 0;
  const earlier = s.article.places
    .filter((p) => p.start >= start && p.end <= span.start)
    .sort((a, b) => b.start - a.start);
  return earlier.find((p) => LOCAL_FEATURES.includes(p.feature)) ?? earlier[0];
}

/** The event's place: its target when that is a place, else the place mention nearest the trigger in its clause or sentence. */
function placeOf(
  s: SentenceContext,
  clause: Span,
  trigger: Span,
  target?: EventArgument,
): EventArgument | undefined {
  if (target && isPlaceArgument(target)) return target;
  const sentence = spanOf(s.tokens, { first: 0, end: s.tokens.length });
  const inClause = nearest(s.article.places.filter(within(clause)), trigger);
  const chosen = inClause ?? nearest(s.article.places.filter(within(sentence)), trigger);
  return chosen
    ? placeArgument({ start: chosen.start, end: chosen.end, text: chosen.text }, chosen)
    : undefined;
}

/** The event's time: after the trigger in its clause first ("entered ... on Nov. 8"), then before it, then the sentence. */
function timeOf(
  s: SentenceContext,
  clause: Span,
  trigger: Span,
): (EventArgument & Pick<TimeMention, "value" | "precision">) | undefined {
  const sentence = spanOf(s.tokens, { first: 0, end: s.tokens.length });
  const times = s.article.times;
  const after = times.filter((t) => within(clause)(t) && t.start >= trigger.end);
  const before = times.filter((t) => within(clause)(t) && t.end <= trigger.start);
  const chosen =
    nearest(after, trigger) ?? nearest(before, trigger) ?? nearest(times.filter(within(sentence)), trigger);
  if (!chosen) return undefined;
  return {
    start: chosen.start,
    end: chosen.end,
    text: chosen.text,
    value: chosen.value,
    precision: chosen.precision,
  };
}

function within(outer: Span): (inner: Span) => boolean {
  return (inner) => inner.start >= outer.start && inner.end <= outer.end;
}

function nearest<T extends Span>(mentions: readonly T[], anchor: Span): T | undefined {
  const distance = (m: Span) => (m.start >= anchor.end ? m.start - anchor.end : anchor.start - m.end);
  return [...mentions].sort((a, b) => distance(a) - distance(b))[0];
}
