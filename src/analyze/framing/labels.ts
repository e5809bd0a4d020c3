import type {
  ActorLabel,
  Article,
  Entity,
  EventMention,
  EventReport,
  Provenance,
  Span,
  Token,
} from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import type { LabelEntry, LabelLexicon } from "../lexicons.js";
import { groupBySentence } from "./tagger.js";
import { createPhraseMatcher } from "./phrase-matcher.js";

/**
 * Actor labels: the words a text calls an actor by ("the regime", "ISIS terrorists", "rebels")
 * and the words it gives an actor's deed ("liberation", "occupation"), each linked to its actor.
 * A label is linked, in order of trust, to the entity it is part of ("the Assad regime"), the
 * entity in its noun phrase ("Kurdish militants", "militants of the Islamic State"), for a deed
 * the actor of the event whose trigger it is, and for a label standing alone the actor it
 * refers back to: the last one named of a fitting category, or the article's most mentioned one.
 */

/** How sure each way of linking a label to its actor is; the closer the actor, the surer. */
export const LINK_CONFIDENCE = {
  /** The label is part of the entity's own name ("Syrian regime forces"). */
  entity: 0.9,
  /** The entity is in the label's noun phrase. */
  phrase: 0.8,
  /** The label is an event trigger and the event names its actor. */
  event: 0.75,
  /** The last actor of a fitting category named shortly before. */
  recent: 0.6,
  /** The article's most mentioned actor of a fitting category. */
  main: 0.5,
  /** No dictionary actor fits: the label's group ("protesters"). */
  group: 0.5,
} as const;

export type LinkRule = keyof typeof LINK_CONFIDENCE;

export interface ActorLabelerOptions {
  labels: LabelLexicon;
  /** Sentences back (besides the label's own) where a "recent" antecedent is looked for. */
  recentSentences?: number;
  /** Tokens after an actor label where "of"/"from" may introduce its entity ("fighters from the group"). */
  afterWindow?: number;
}

/** Two sentences back: a pronoun-like label rarely reaches further in news prose. */
export const DEFAULT_RECENT_SENTENCES = 2;

/** "militants of the so-called Islamic State": the preposition, up to three words, then the name. */
export const DEFAULT_AFTER_WINDOW = 5;

/** Parts of speech that may stand before a label inside its noun phrase. */
const PHRASE_POS = new Set(["DET", "ADJ", "PROPN", "NOUN", "NUM", "PART", "PUNCT"]);

/** Punctuation that stays inside a noun phrase ("US-backed", "Assad's"). */
const PHRASE_PUNCT = new Set(["-", "'", "’", "'s", "’s"]);

/** Words after an actor label that introduce whose members they are. */
const MEMBER_PREPOSITIONS = new Set(["of", "from", "with", "loyal", "belonging"]);

/** Word after a deed that introduces its doer: "the capture of the town by the army". */
const AGENT_PREPOSITION = "by";

interface LabelMatch extends Span {
  entry: LabelEntry;
  sentence: number;
  /** Index of the match's first token in the article's tokens. */
  firstToken: number;
  /** Index after its last token. */
  endToken: number;
}

interface Linked {
  actor: string;
  actorId?: string;
  rule: LinkRule;
}

/** What the article says about its actors, gathered once per article. */
interface ArticleContext {
  /** Entities in text order. */
  entities: readonly Entity[];
  /** Mentions per actor id, for "the most mentioned actor of a category". */
  mentions: Map<string, number>;
  /** Start offset of each sentence. */
  sentenceStarts: number[];
}

interface LinkLimits {
  recentSentences: number;
  afterWindow: number;
}

const PROVENANCE_METHOD = "lexicon:labels";

export function createActorLabeler(opts: ActorLabelerOptions): AnalysisComponent {
  const limits: LinkLimits = {
    recentSentences: opts.recentSentences ?? DEFAULT_RECENT_SENTENCES,
    afterWindow: opts.afterWindow ?? DEFAULT_AFTER_WINDOW,
  };
  const matcher = createPhraseMatcher(
    opts.labels.labels.map((entry) => ({ phrase: entry.term, value: entry })),
  );

  /** Label matches sentence by sentence, so that a label never spans two sentences. */
  function findLabels(tokens: readonly Token[]): LabelMatch[] {
    const matches: LabelMatch[] = [];
    let offset = 0;
    for (const sentence of groupBySentence(tokens)) {
      for (const match of matcher.findAll(sentence)) {
        const first = sentence[match.first] as Token;
        const last = sentence[match.end - 1] as Token;
        matches.push({
          start: first.start,
          end: last.end,
          entry: match.value,
          sentence: first.sentence,
          firstToken: offset + match.first,
          endToken: offset + match.end,
        });
      }
      offset += sentence.length;
    }
    return matches;
  }

  function run(article: Article): { actorLabels: ActorLabel[] } {
    const { tokens, entities, events, eventReports, sentences } = article.annotations;
    const context: ArticleContext = {
      entities,
      mentions: mentionCounts(entities),
      sentenceStarts: sentences.map((s) => s.start),
    };
    const matches = findLabels(tokens);
    const actorLabels: ActorLabel[] = [];
    // Actor labels first: a deed's doer may be known only by a label ("government forces captured").
    for (const match of matches) {
      if (match.entry.kind !== "actor") continue;
      const linked = linkActorLabel(match, tokens, context, limits);
      if (linked) actorLabels.push(actorLabel(article.text, match, linked));
    }
    const doers = [...actorLabels];
    for (const match of matches) {
      if (match.entry.kind !== "deed") continue;
      const linked = linkDeed(match, tokens, context, { events, eventReports, doers });
      if (linked) actorLabels.push(actorLabel(article.text, match, linked));
    }
    return { actorLabels: actorLabels.sort((a, b) => a.start - b.start) };
  }

  // Provides "actorLabels", which the model's MentionKind does not list yet.
  return {
    name: "actor-labels",
    requires: ["tokens", "entities", "events", "eventReports"],
    provides: ["actorLabels"],
    run,
  };
}

function mentionCounts(entities: readonly Entity[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entity of entities) counts.set(entity.actorId, (counts.get(entity.actorId) ?? 0) + 1);
  return counts;
}

function actorLabel(text: string, match: LabelMatch, linked: Linked): ActorLabel {
  const provenance: Provenance = {
    stage: "analyze",
    method: `${PROVENANCE_METHOD}:${linked.rule}`,
    confidence: LINK_CONFIDENCE[linked.rule],
  };
  return {
    start: match.start,
    end: match.end,
    text: text.slice(match.start, match.end),
    provenance,
    actor: linked.actor,
    ...(linked.actorId ? { actorId: linked.actorId } : {}),
    label: match.entry.term.toLowerCase(),
    category: match.entry.category,
  };
}

function fromEntity(entity: Entity, rule: LinkRule): Linked {
  return { actor: entity.canonical, actorId: entity.actorId, rule };
}

function linkActorLabel(
  match: LabelMatch,
  tokens: readonly Token[],
  context: ArticleContext,
  limits: LinkLimits,
): Linked | undefined {
  const container = context.entities.find((e) => e.start <= match.start && match.end <= e.end);
  if (container) return fromEntity(container, "entity");
  const inPhrase =
    bestOf(phraseBefore(match, tokens, context.entities), match.entry) ??
    bestOf(
      phraseAfter(match, tokens, context.entities, MEMBER_PREPOSITIONS, limits.afterWindow),
      match.entry,
    );
  if (inPhrase) return fromEntity(countryActor(inPhrase, match.entry, context) ?? inPhrase, "phrase");
  return antecedent(match, context, limits);
}

/** A label standing alone: the actor it refers back to, else its group, else nothing. */
function antecedent(match: LabelMatch, context: ArticleContext, limits: LinkLimits): Linked | undefined {
  const fits = (e: Entity) => e.category !== undefined && match.entry.actors.includes(e.category);
  if (match.entry.antecedent === "recent") {
    const recent = context.entities.filter(
      (e) =>
        e.end <= match.start &&
        fits(e) &&
        match.sentence - sentenceAt(context.sentenceStarts, e.start) <= limits.recentSentences,
    );
    const last = recent[recent.length - 1];
    if (last) return fromEntity(last, "recent");
    // A pronoun-like label with nothing named before it names its group, not the main actor.
    if (match.entry.group) return { actor: match.entry.group, rule: "group" };
  }
  const main = mostMentioned(context, match.entry.actors);
  if (main) return fromEntity(main, "main");
  return match.entry.group ? { actor: match.entry.group, rule: "group" } : undefined;
}

/** Categories of entities that stand for a country rather than one of its bodies. */
const COUNTRY_CATEGORIES = new Set(["state", "demonym"]);

/**
 * "the Syrian regime", "the regime of Syrian President Assad": a country or its demonym next to
 * a label for one of its bodies names that body, when the article names it ("Syrian government").
 */
function countryActor(entity: Entity, entry: LabelEntry, context: ArticleContext): Entity | undefined {
  if (!entity.country || !COUNTRY_CATEGORIES.has(entity.category ?? "")) return undefined;
  for (const category of entry.actors) {
    if (COUNTRY_CATEGORIES.has(category)) return undefined;
    const body = context.entities.find((e) => e.category === category && e.country === entity.country);
    if (body) return body;
  }
  return undefined;
}

/** Index of the sentence holding `offset`. */
function sentenceAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The most mentioned entity of the first of `categories` that the article mentions at all. */
function mostMentioned(context: ArticleContext, categories: readonly string[]): Entity | undefined {
  for (const category of categories) {
    let best: Entity | undefined;
    for (const entity of context.entities) {
      if (entity.category !== category) continue;
      const count = context.mentions.get(entity.actorId) ?? 0;
      if (!best || count > (context.mentions.get(best.actorId) ?? 0)) best = entity;
    }
    if (best) return best;
  }
  return undefined;
}

/** Of the entities in a label's phrase, the nearest one whose category fits, else the nearest. */
function bestOf(candidates: readonly Entity[], entry: LabelEntry): Entity | undefined {
  const fitting = candidates.find((e) => e.category !== undefined && entry.actors.includes(e.category));
  return fitting ?? candidates[0];
}

/** Entities in the words just before the label, inside its noun phrase; nearest first. */
function phraseBefore(match: LabelMatch, tokens: readonly Token[], entities: readonly Entity[]): Entity[] {
  let first = match.firstToken;
  while (first > 0) {
    const token = tokens[first - 1] as Token;
    if (token.sentence !== match.sentence || !inNounPhrase(token)) break;
    first--;
  }
  if (first === match.firstToken) return [];
  const from = (tokens[first] as Token).start;
  return entities.filter((e) => e.start >= from && e.end <= match.start).sort((a, b) => b.start - a.start);
}

function inNounPhrase(token: Token): boolean {
  if (token.pos === "PUNCT") return PHRASE_PUNCT.has(token.text);
  return PHRASE_POS.has(token.pos);
}

/** Entities right after the label behind one of `prepositions`: "fighters of the Islamic State". */
function phraseAfter(
  match: LabelMatch,
  tokens: readonly Token[],
  entities: readonly Entity[],
  prepositions: ReadonlySet<string>,
  window: number,
): Entity[] {
  const next = tokens[match.endToken];
  if (!next || next.sentence !== match.sentence || !prepositions.has(next.text.toLowerCase())) return [];
  const last = tokens[Math.min(tokens.length - 1, match.endToken + window)] as Token;
  const entity = entities.find((e) => e.start > next.end && e.start <= last.start);
  if (!entity) return [];
  // Only words of the phrase may stand between the preposition and the name ("of the so-called").
  const between = tokens.filter((t) => t.start > next.end && t.end <= entity.start);
  return between.every((t) => t.pos !== "VERB" && t.pos !== "PUNCT") ? [entity] : [];
}

interface DeedContext {
  events: readonly EventMention[];
  eventReports: readonly EventReport[];
  /** Actor labels already linked: an event's doer may be one ("Government forces captured"). */
  doers: readonly ActorLabel[];
}

/** A deed's actor: the actor of the event it triggers, else the entity in its phrase. */
function linkDeed(
  match: LabelMatch,
  tokens: readonly Token[],
  context: ArticleContext,
  deeds: DeedContext,
): Linked | undefined {
  const index = deeds.events.findIndex((e) => e.trigger.start < match.end && match.start < e.trigger.end);
  if (index < 0 && match.entry.requiresEvent) return undefined;
  if (index >= 0) {
    const linked = eventActor(index, deeds, context);
    if (linked) return linked;
  }
  const inPhrase =
    phraseBefore(match, tokens, context.entities)[0] ??
    phraseAfter(match, tokens, context.entities, new Set([AGENT_PREPOSITION]), DEFAULT_AFTER_WINDOW)[0];
  return inPhrase ? fromEntity(inPhrase, "phrase") : undefined;
}

function eventActor(index: number, deeds: DeedContext, context: ArticleContext): Linked | undefined {
  const event = deeds.events[index] as EventMention;
  const report = deeds.eventReports.find((r) => r.mentions.includes(index));
  const argument = event.actor;
  if (argument) {
    const entity = argument.id ? context.entities.find((e) => e.actorId === argument.id) : undefined;
    if (entity) return fromEntity(entity, "event");
    const doer = deeds.doers.find((l) => l.start >= argument.start && l.end <= argument.end);
    if (doer) return { actor: doer.actor, ...(doer.actorId ? { actorId: doer.actorId } : {}), rule: "event" };
  }
  const actor = report?.actor1?.value;
  if (actor && !actor.actorId) {
    // The report knows its doer only by a label's words: take that label's actor.
    const doer = deeds.doers.find((l) => l.text.toLowerCase() === actor.name.toLowerCase());
    if (doer) return { actor: doer.actor, ...(doer.actorId ? { actorId: doer.actorId } : {}), rule: "event" };
  }
  if (actor)
    return { actor: actor.name, ...(actor.actorId ? { actorId: actor.actorId } : {}), rule: "event" };
  return argument ? { actor: argument.canonical ?? argument.text, rule: "event" } : undefined;
}
