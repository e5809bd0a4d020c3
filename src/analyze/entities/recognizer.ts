import type { Entity, EntityType, Token } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import type { NerLabel, NerSpan, NerTagger } from "../ner/types.js";
import { wordsBySentence } from "../ner/words.js";
import {
  type CandidateContext,
  compileNameLexicon,
  findCandidates,
  headlineSentences,
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
import {
  isAllCaps,
  isCapitalised,
  isSentenceInitial,
  isWord,
  type TokenizedText,
  tokenEndIndex,
} from "./text.js";

/** Languages the default model was trained on (CoNLL-2003 English). */
const DEFAULT_NER_LANGUAGES = ["en"];

export interface EntityRecognizerOptions {
  actors: ActorDictionary;
  /** Gazetteer lookup: is this surface the name of a place? Without it, only rules type places. */
  isPlaceName?: (surface: string) => boolean;
  /**
   * A statistical tagger (src/analyze/ner/): when given, its spans are the names, and the
   * dictionary gives them canonical ids and fine types; without it, capitalised-run rules find them.
   */
  ner?: NerTagger;
  /**
   * Languages (ISO 639-1) the tagger reads; an article detected in another language takes the
   * rule path. An article of unknown language is given to the tagger. Default: English.
   */
  nerLanguages?: readonly string[];
  options?: Partial<EntityOptions>;
}

/** A word of a name holds a letter or a digit; a model span's punctuation at either end is dropped. */
const NAME_CHARACTER = /[\p{L}\p{N}]/u;

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

  const nerLanguages = new Set(opts.nerLanguages ?? DEFAULT_NER_LANGUAGES);

  function run(article: { text: string; language?: { value: string }; annotations: { tokens: Token[] } }): {
    entities: Entity[];
  } {
    const doc: TokenizedText = { text: article.text, tokens: article.annotations.tokens };
    const ends = tokenEndIndex(doc.tokens);
    const dictionary = findDictionaryMentions(doc, ends, aliases, context, lexicon, options);
    const ner = modelFor(article.language?.value);
    const all = ner
      ? consistentTypes(
          doc,
          modelMentions(doc, ner, dictionary, {
            sameSpan: (m) => sameSpanMatch(doc, ends, aliases, context, m),
            hyphenPrefixes: lexicon.hyphenPrefixes,
            ends,
            titles: lexicon.titles,
            options,
            isPlaceName,
          }),
          isPlaceName,
        )
      : ruleMentions(doc, ends, dictionary, lexicon, aliases, options, isPlaceName);
    const merged = linkAcronyms(doc, mergePeople(doc, all, particles), INITIALS_STOP_WORDS);
    return { entities: merged.filter((m) => !m.weak).map((m) => toEntity(doc, m)) };
  }

  /** The model reads English; an article known to be in another language keeps the rule path. */
  function modelFor(language: string | undefined): NerTagger | undefined {
    if (!opts.ner || language === undefined) return opts.ner;
    return nerLanguages.has(language.toLowerCase().split(/[-_]/)[0] ?? "") ? opts.ner : undefined;
  }

  return { name: "entities", requires: ["tokens", "sentences"], provides: ["entities"], run };
}

/**
 * One name, one type within an article: a greedy tagger may call a town ("Tall Rifat") a place in one
 * sentence and an organisation in the next, which would split its facts in the comparison. Model
 * mentions without a dictionary actor take a place type when the gazetteer knows the name and the
 * model read it as a place at least once; otherwise the type their surface has most often in the
 * article, weighed by confidence; a tie keeps each mention's own type.
 */
function consistentTypes(
  doc: TokenizedText,
  mentions: Mention[],
  isPlaceName: ((surface: string) => boolean) | undefined,
): Mention[] {
  const weights = new Map<string, Map<EntityType, number>>();
  const surface = (m: Mention) => doc.text.slice(m.start, m.end);
  for (const m of mentions) {
    if (m.actor) continue;
    const byType = weights.get(surface(m)) ?? new Map<EntityType, number>();
    byType.set(m.type, (byType.get(m.type) ?? 0) + m.confidence);
    weights.set(surface(m), byType);
  }
  return mentions.map((m) => {
    const byType = m.actor ? undefined : weights.get(surface(m));
    if (!byType || byType.size < 2) return m;
    const place = (["GPE", "LOC"] as const).find((type) => byType.has(type));
    if (place && isPlaceName?.(surface(m))) return m.type === place ? m : { ...m, type: place };
    const ranked = [...byType].sort((a, b) => b[1] - a[1]);
    const [best, runnerUp] = ranked as [[EntityType, number], [EntityType, number]];
    return best[1] > runnerUp[1] && best[0] !== m.type ? { ...m, type: best[0] } : m;
  });
}

/** The path without a model: dictionary matches, then capitalised runs typed by the rules. */
function ruleMentions(
  doc: TokenizedText,
  ends: Map<number, number>,
  dictionary: Mention[],
  lexicon: NameLexicon,
  aliases: PhraseIndex<AliasValue>,
  options: EntityOptions,
  isPlaceName: ((surface: string) => boolean) | undefined,
): Mention[] {
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
  return [...dictionary, ...findCandidates(ctx)].sort((a, b) => a.start - b.start);
}

/**
 * The path with a model: its spans are the names. A dictionary alias on exactly the same tokens
 * gives the actor and its fine type; a longer dictionary name around model spans replaces them
 * ("Islamic" + "State"); a dictionary name the model missed is added unless it is a demonym alone.
 */
function modelMentions(
  doc: TokenizedText,
  ner: NerTagger,
  dictionary: readonly Mention[],
  how: ModelPathHelpers,
): Mention[] {
  const { sameSpan, options } = how;
  const sentences = wordsBySentence(doc.text, doc.tokens);
  const tagged = ner(sentences.map((words) => words.map((w) => modelWord(w.text, how.hyphenPrefixes))));
  const found: Mention[] = [];
  tagged.forEach((spans, s) => {
    const words = sentences[s] ?? [];
    for (const span of spans) {
      let [first, last] = [span.start, span.end - 1];
      while (first <= last && !NAME_CHARACTER.test(words[first]?.text ?? "")) first++; // a stray quote mark
      while (last >= first && !NAME_CHARACTER.test(words[last]?.text ?? "")) last--;
      if (first > last) continue;
      const lastToken = (words[last] as { lastToken: number }).lastToken;
      let firstToken = (words[first] as { firstToken: number }).firstToken;
      if (span.label === "PER") firstToken = afterTitle(doc, how.ends, how.titles, firstToken, lastToken);
      const whole = spanMention(doc, firstToken, lastToken, span, how);
      const known = sameSpan(whole);
      const leadingDeterminer = (doc.tokens[firstToken] as Token).pos === "DET" && firstToken < lastToken;
      if (known || !leadingDeterminer) found.push(known ?? whole);
      else {
        const bare = spanMention(doc, firstToken + 1, lastToken, span, how); // "The National Electoral Commission"
        found.push(sameSpan(bare) ?? bare);
      }
    }
  });
  const kept = outsideHeadlines(doc, found, options);
  return withDictionaryNames(kept, dictionary).sort((a, b) => a.start - b.start);
}

/** A model span over tokens [first, last] as a mention, typed for the article. */
function spanMention(
  doc: TokenizedText,
  first: number,
  last: number,
  span: NerSpan,
  how: ModelPathHelpers,
): Mention {
  const { options, isPlaceName } = how;
  const start = (doc.tokens[first] as Token).start;
  const end = (doc.tokens[last] as Token).end;
  const single = doc.tokens[first] as Token;
  return {
    start,
    end,
    firstToken: first,
    lastToken: last,
    type: modelType(span.label, doc.text.slice(start, end), isPlaceName),
    method: "model:ner",
    confidence: Math.min(span.confidence, options.confidence.model),
    acronym: first === last && isAllCaps(single) && acronymLength(single, options),
    weak: false,
  };
}

interface ModelPathHelpers {
  sameSpan: (m: Mention) => Mention | undefined;
  ends: Map<number, number>;
  titles: PhraseIndex<string>;
  hyphenPrefixes: ReadonlySet<string>;
  options: EntityOptions;
  isPlaceName: ((surface: string) => boolean) | undefined;
}

/**
 * "al-Julani" as "Al-Julani": news agencies capitalise the particle at the start of a name, so
 * the model has learnt names in that form; a lower-case word reads to it as a common word.
 */
function modelWord(word: string, hyphenPrefixes: ReadonlySet<string>): string {
  const hyphen = word.indexOf("-");
  if (hyphen <= 0 || !hyphenPrefixes.has(word.slice(0, hyphen)) || !/^\p{Lu}/u.test(word.slice(hyphen + 1)))
    return word;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A Title Case headline left in the text makes every word look like a name ("Army Takes Town"):
 * there, a model-only mention stays only if the same words are a mention elsewhere in the article.
 */
function outsideHeadlines(doc: TokenizedText, found: readonly Mention[], options: EntityOptions): Mention[] {
  const headlines = headlineSentences(doc, options);
  const sentenceOf = (m: Mention) => (doc.tokens[m.firstToken] as Token).sentence;
  const surface = (m: Mention) => doc.text.slice(m.start, m.end);
  const inBody = new Set(found.filter((m) => !headlines.has(sentenceOf(m))).map(surface));
  return found.filter(
    (m) => !headlines.has(sentenceOf(m)) || m.actor !== undefined || inBody.has(surface(m)),
  );
}

/** "Chief Justice Miriam Okafor" -> "Miriam Okafor": titles are not part of a person's name. */
function afterTitle(
  doc: TokenizedText,
  ends: Map<number, number>,
  titles: PhraseIndex<string>,
  first: number,
  last: number,
): number {
  let k = first;
  for (;;) {
    const title = titles.longestAt(doc, ends, k);
    if (!title || title.lastToken >= last) return k;
    k = title.lastToken + 1;
  }
}

/** An all-capital word of acronym length ("NEC", "UNHCR") links to its expansion like a rule-found acronym. */
function acronymLength(token: Token, options: EntityOptions): boolean {
  const letters = token.text.replace(/[^\p{L}]/gu, "").length;
  return letters >= options.acronymMinLetters && letters <= options.acronymMaxLetters;
}

function modelType(label: NerLabel, surface: string, isPlaceName?: (surface: string) => boolean): EntityType {
  if (label === "PER") return "PERSON";
  if (label === "ORG") return "ORG";
  if (label === "LOC") return isPlaceName?.(surface) ? "GPE" : "LOC";
  return "MISC"; // a demonym is typed NORP by its dictionary match on the same span
}

/** The dictionary mention on exactly the tokens of `m`, if an alias there passes its context checks. */
function sameSpanMatch(
  doc: TokenizedText,
  ends: Map<number, number>,
  aliases: PhraseIndex<AliasValue>,
  context: ContextChecker,
  m: Mention,
): Mention | undefined {
  const match = aliases
    .matchesAt(doc, ends, m.firstToken)
    .find(
      (d) =>
        d.lastToken === m.lastToken &&
        d.phrase.value.requiresContext.every((rule) =>
          context.passes(rule, doc, ends, d.firstToken, d.lastToken),
        ),
    );
  if (!match) return undefined;
  const { actor, acronym } = match.phrase.value;
  return { ...m, type: actor.type, actor, method: `dictionary:${actor.source}+model`, acronym };
}

/** Adds the dictionary names the model missed or cut short, as the doc comment of modelMentions says. */
function withDictionaryNames(found: readonly Mention[], dictionary: readonly Mention[]): Mention[] {
  const overlaps = (a: Mention, b: Mention) => a.firstToken <= b.lastToken && b.firstToken <= a.lastToken;
  const dropped = new Set<Mention>();
  const added: Mention[] = [];
  for (const d of dictionary) {
    const inside = found.filter((m) => overlaps(m, d));
    const multiWord = d.lastToken > d.firstToken;
    if (inside.length === 0) {
      // a curated actor name (its ambiguous aliases already passed their context checks); a
      // demonym alone the model left out may be a plain adjective
      if (multiWord || d.acronym || d.actor?.source === "actors") added.push(d);
      continue;
    }
    const contains = inside.every((m) => d.firstToken <= m.firstToken && m.lastToken <= d.lastToken);
    const longer = inside.some((m) => m.firstToken !== d.firstToken || m.lastToken !== d.lastToken);
    if (multiWord && contains && longer) {
      for (const m of inside) dropped.add(m);
      added.push(d);
    }
  }
  return [...found.filter((m) => !dropped.has(m)), ...added];
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
