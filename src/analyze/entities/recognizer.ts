import type { Entity, Token } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import {
  type CandidateContext,
  compileNameLexicon,
  findCandidates,
  headType,
  type NameLexicon,
} from "./candidates.js";
import { type ContextChecker, createContextChecker } from "./context.js";
import { linkAcronyms, localActor, mergePeople } from "./coref.js";
import type { ActorDictionary } from "./dictionary.js";
import { type AliasValue, compileAliases, type DictionaryMatch } from "./matcher.js";
import type { Mention } from "./mention.js";
import { type EntityOptions, resolveEntityOptions } from "./options.js";
import type { PhraseIndex } from "./phrases.js";
import { isCapitalised, isSentenceInitial, isWord, type TokenizedText, tokenEndIndex } from "./text.js";

export interface EntityRecognizerOptions {
  actors: ActorDictionary;
  /** Gazetteer lookup: is this surface the name of a place? Without it, only rules type places. */
  isPlaceName?: (surface: string) => boolean;
  options?: Partial<EntityOptions>;
}

/** Parts of speech a capitalised word has when it may be the start of a longer name. */
const NAME_POS = new Set(["PROPN", "NOUN", "ADJ", "X"]);

/** Words skipped when reading the initials of a name ("Syrian Observatory for Human Rights" -> SOHR). */
const INITIALS_STOP_WORDS = new Set([
  "of",
  "for",
  "the",
  "and",
  "in",
  "on",
  "de",
  "du",
  "des",
  "la",
  "le",
  "al",
]);

/**
 * Named entities from the actor dictionary (longest match, case and context rules), then from
 * capitalised runs typed by word lists (titles, org and place heads), a gazetteer lookup and the
 * shape of the name; people and acronyms are then merged within the document.
 */
export function createEntityRecognizer(opts: EntityRecognizerOptions): AnalysisComponent {
  const options = resolveEntityOptions(opts.options);
  const aliases = compileAliases(opts.actors);
  const lexicon = compileNameLexicon(opts.actors.rules);
  const context = createContextChecker(opts.actors.rules);
  const particles = new Set(opts.actors.rules.nameParticles.map((p) => p.toLowerCase()));
  const isPlaceName = opts.isPlaceName;

  function run(article: { text: string; annotations: { tokens: Token[] } }): { entities: Entity[] } {
    const doc: TokenizedText = { text: article.text, tokens: article.annotations.tokens };
    const ends = tokenEndIndex(doc.tokens);
    const dictionary = findDictionaryMentions(doc, ends, aliases, context, lexicon, options);
    const covered = coveredTokens(doc.tokens.length, dictionary);
    const ctx: CandidateContext = {
      doc,
      ends,
      covered,
      lexicon,
      aliases,
      options,
      ...(isPlaceName ? { isPlaceName } : {}),
    };
    const all = [...dictionary, ...findCandidates(ctx)].sort((a, b) => a.start - b.start);
    const merged = linkAcronyms(doc, mergePeople(doc, all, particles), INITIALS_STOP_WORDS);
    return { entities: merged.filter((m) => !m.weak).map((m) => toEntity(doc, m)) };
  }

  return { name: "entities", requires: ["tokens", "sentences"], provides: ["entities"], run };
}

function findDictionaryMentions(
  doc: TokenizedText,
  ends: Map<number, number>,
  aliases: PhraseIndex<AliasValue>,
  context: ContextChecker,
  lexicon: NameLexicon,
  options: EntityOptions,
): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < doc.tokens.length) {
    const match = aliases
      .matchesAt(doc, ends, i)
      .find((m) =>
        m.phrase.value.requiresContext.every((rule) =>
          context.passes(rule, doc, ends, m.firstToken, m.lastToken),
        ),
      );
    const previousTaken = out[out.length - 1]?.lastToken === i - 1;
    if (!match || (!previousTaken && isInsideLongerName(doc, ends, match, lexicon, aliases))) {
      i++;
      continue;
    }
    out.push(dictionaryMention(match, options));
    i = match.lastToken + 1;
  }
  return out;
}

function dictionaryMention(match: DictionaryMatch, options: EntityOptions): Mention {
  const { actor, acronym } = match.phrase.value;
  return {
    start: match.start,
    end: match.end,
    firstToken: match.firstToken,
    lastToken: match.lastToken,
    type: actor.type,
    actor,
    method: `dictionary:${actor.source}`,
    confidence: options.confidence.dictionary,
    acronym,
    weak: false,
  };
}

/**
 * "New Mexico", "National Security Council", "Russian Coordination Center": a dictionary name
 * inside a longer capitalised name is left to the name rules, which see the whole of it.
 */
function isInsideLongerName(
  doc: TokenizedText,
  ends: Map<number, number>,
  match: DictionaryMatch,
  lexicon: NameLexicon,
  aliases: PhraseIndex<AliasValue>,
): boolean {
  const { tokens } = doc;
  const previous = tokens[match.firstToken - 1];
  if (
    previous &&
    continuesName(doc, match.firstToken - 1, ends, lexicon, aliases) &&
    previous.sentence === tokens[match.firstToken]?.sentence
  ) {
    return true;
  }
  return endsInHead(doc, match.lastToken, ends, lexicon);
}

/** A capitalised name word right before the match that is not a title, a determiner or a sentence opener. */
function continuesName(
  doc: TokenizedText,
  i: number,
  ends: Map<number, number>,
  lexicon: NameLexicon,
  aliases: PhraseIndex<AliasValue>,
): boolean {
  const token = doc.tokens[i] as Token;
  if (!isWord(token) || !isCapitalised(token) || !NAME_POS.has(token.pos)) return false;
  if (lexicon.notNames.has(token.text) || (isSentenceInitial(doc.tokens, i) && token.pos !== "PROPN"))
    return false;
  if (lexicon.titles.matchesAt(doc, ends, i).some((m) => m.lastToken === i)) return false;
  return !aliases.matchesAt(doc, ends, i).some((m) => m.lastToken === i); // "Syrian" + "Hezbollah" are two names
}

/** Capitalised words after the match that end in an org or place head: "Reuters Institute", "U.S. Army Corps". */
function endsInHead(
  doc: TokenizedText,
  last: number,
  ends: Map<number, number>,
  lexicon: NameLexicon,
): boolean {
  const MAX_TRAILING_WORDS = 3; // "Russian Coordination Center", "Iraqi Health Ministry"
  const sentence = doc.tokens[last]?.sentence;
  for (let k = last + 1; k <= last + MAX_TRAILING_WORDS; k++) {
    const token = doc.tokens[k];
    if (!token || token.sentence !== sentence || !isWord(token) || !isCapitalised(token)) return false;
    if (lexicon.titles.matchesAt(doc, ends, k).length > 0) return false;
    if (headType(lexicon, token.text) !== undefined) return true;
  }
  return false;
}

function coveredTokens(count: number, mentions: readonly Mention[]): boolean[] {
  const covered = new Array<boolean>(count).fill(false);
  for (const m of mentions) for (let k = m.firstToken; k <= m.lastToken; k++) covered[k] = true;
  return covered;
}

function toEntity(doc: TokenizedText, m: Mention): Entity {
  const text = doc.text.slice(m.start, m.end);
  const actor = m.actor ?? localActor(m, text);
  return {
    start: m.start,
    end: m.end,
    text,
    type: m.type,
    canonical: actor.canonical,
    actorId: actor.id,
    ...(actor.source !== "document" ? { category: actor.category } : {}),
    ...(actor.country ? { country: actor.country } : {}),
    ...(m.expansion ? { expansion: m.expansion } : {}),
    provenance: { stage: "analyze", method: m.method, confidence: m.confidence },
  };
}
