import type { EntityType, Token } from "../../model/index.js";
import type { NameRules } from "./dictionary.js";
import type { AliasValue } from "./matcher.js";
import type { Mention } from "./mention.js";
import type { EntityOptions } from "./options.js";
import { type PhraseIndex, plainPhrases } from "./phrases.js";
import { isAllCaps, isCapitalised, isSentenceInitial, isWord, type TokenizedText, touches } from "./text.js";

/** Parts of speech that are never a name word, even capitalised ("By" in a Title Case line). */
const FUNCTION_POS = new Set(["ADP", "AUX", "CCONJ", "SCONJ", "DET", "PRON", "PART"]);

/** What the candidate finder needs: the word lists, compiled once. */
export interface NameLexicon {
  titles: PhraseIndex<string>;
  orgHeads: Set<string>;
  locHeads: Set<string>;
  gpeHeads: Set<string>;
  joiners: Set<string>;
  joinerNeedsHead: Set<string>;
  hyphenPrefixes: Set<string>;
  notNames: Set<string>;
  appositiveRoles: Set<string>;
  locatives: Set<string>;
  possessives: Set<string>;
}

export function compileNameLexicon(rules: NameRules): NameLexicon {
  const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
  return {
    titles: plainPhrases(rules.personTitles),
    orgHeads: new Set(rules.orgHeads),
    locHeads: new Set(rules.locHeads),
    gpeHeads: new Set(rules.gpeHeads),
    joiners: lower(rules.nameJoiners),
    joinerNeedsHead: lower(rules.joinerNeedsHead),
    hyphenPrefixes: lower(rules.namePrefixesWithHyphen),
    notNames: new Set(rules.notNames),
    appositiveRoles: lower(rules.appositiveRoles),
    locatives: lower(rules.locativePrepositions),
    possessives: new Set(rules.possessiveSuffixes),
  };
}

export interface CandidateContext {
  doc: TokenizedText;
  ends: Map<number, number>;
  /** Tokens already taken by dictionary matches. */
  covered: readonly boolean[];
  lexicon: NameLexicon;
  aliases: PhraseIndex<AliasValue>;
  isPlaceName?: (surface: string) => boolean;
  options: EntityOptions;
}

interface Run {
  first: number;
  last: number;
  titled: boolean;
}

/** Capitalised runs not covered by the dictionary, split at titles and typed by the rules. */
export function findCandidates(ctx: CandidateContext): Mention[] {
  const headlines = headlineSentences(ctx.doc, ctx.options);
  const out: Mention[] = [];
  for (const run of findRuns(ctx)) {
    if (headlines.has(ctx.doc.tokens[run.first]?.sentence ?? -1)) continue;
    for (const part of splitAtTitles(ctx, run)) {
      const trimmed = trimRun(ctx, part);
      if (trimmed) out.push(...typeRun(ctx, trimmed));
    }
  }
  return out;
}

function findRuns(ctx: CandidateContext): Run[] {
  const { tokens } = ctx.doc;
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (ctx.covered[i] || !startsName(ctx, i)) {
      i++;
      continue;
    }
    const last = extendRun(ctx, i);
    runs.push({ first: i, last, titled: false });
    i = last + 1;
  }
  return runs;
}

function startsName(ctx: CandidateContext, i: number): boolean {
  const token = ctx.doc.tokens[i] as Token;
  if (hyphenPrefixAt(ctx, i) !== undefined) return true;
  if (!isNameWord(ctx, i)) return false;
  if (ctx.lexicon.notNames.has(token.text)) return false;
  return token.pos === "PROPN" || !isSentenceInitial(ctx.doc.tokens, i);
}

function isNameWord(ctx: CandidateContext, i: number): boolean {
  const token = ctx.doc.tokens[i];
  if (!token || ctx.covered[i] || !isWord(token) || !isCapitalised(token)) return false;
  return !ctx.lexicon.possessives.has(token.text);
}

/** "al-Baghdadi": a lower-case particle joined by a hyphen to a capitalised word; returns that word's index. */
function hyphenPrefixAt(ctx: CandidateContext, i: number): number | undefined {
  const [prefix, hyphen, word] = [i, i + 1, i + 2].map((k) => ctx.doc.tokens[k]);
  if (!prefix || !hyphen || !word || ctx.covered[i]) return undefined;
  if (!ctx.lexicon.hyphenPrefixes.has(prefix.text.toLowerCase()) || hyphen.text !== "-") return undefined;
  const joined = touches(ctx.doc.text, prefix, hyphen) && touches(ctx.doc.text, hyphen, word);
  return joined && isNameWord(ctx, i + 2) ? i + 2 : undefined;
}

function extendRun(ctx: CandidateContext, first: number): number {
  const { tokens, text } = ctx.doc;
  const sentence = tokens[first]?.sentence;
  let last = hyphenPrefixAt(ctx, first) ?? first;
  for (;;) {
    const next = last + 1;
    const token = tokens[next];
    if (!token || token.sentence !== sentence || next - first >= ctx.options.maxNameTokens) return last;
    const prefixed = hyphenPrefixAt(ctx, next);
    if (prefixed !== undefined) {
      last = prefixed;
    } else if (isNameWord(ctx, next)) {
      last = next;
    } else if (
      token.text === "-" &&
      touches(text, tokens[last] as Token, token) &&
      isNameWord(ctx, next + 1)
    ) {
      last = next + 1; // "Guinea-Bissau", "Al-Qa'im"
    } else if (joinsNames(ctx, first, last, next)) {
      last = next + 1;
    } else {
      return last;
    }
  }
}

/** "Ministry of Health", "Osama bin Laden": a joiner between name words; "of"/"for" only after a head word. */
function joinsNames(ctx: CandidateContext, first: number, last: number, joiner: number): boolean {
  const word = ctx.doc.tokens[joiner]?.text.toLowerCase() ?? "";
  if (!ctx.lexicon.joiners.has(word) || !isNameWord(ctx, joiner + 1)) return false;
  if (!ctx.lexicon.joinerNeedsHead.has(word) || titleEndsAt(ctx, last)) return true; // "Secretary of State"
  return ctx.doc.tokens.slice(first, last + 1).some((t) => headType(ctx.lexicon, t.text) !== undefined);
}

/** Splits "Syrian President Bashar Assad" into "Syrian" and a titled "Bashar Assad"; keeps "General Assembly"-like runs whole. */
function splitAtTitles(ctx: CandidateContext, run: Run): Run[] {
  const titledBefore = titleEndsAt(ctx, run.first - 1);
  const lastWord = ctx.doc.tokens[run.last]?.text ?? "";
  if (headType(ctx.lexicon, lastWord) !== undefined) return [{ ...run, titled: false }];
  const parts: Run[] = [];
  let start = run.first;
  let titled = titledBefore;
  let k = run.first;
  while (k <= run.last) {
    const title = ctx.lexicon.titles.longestAt(ctx.doc, ctx.ends, k);
    if (title && title.lastToken < run.last) {
      if (k > start) parts.push({ first: start, last: k - 1, titled });
      start = title.lastToken + 1;
      titled = true;
      k = start;
    } else {
      k++;
    }
  }
  if (start <= run.last) parts.push({ first: start, last: run.last, titled });
  return parts;
}

function isOnlyTitle(ctx: CandidateContext, run: Run): boolean {
  return ctx.lexicon.titles.matchesAt(ctx.doc, ctx.ends, run.first).some((m) => m.lastToken === run.last);
}

/** True when a title ("spokesman", "Gen.", "Prime Minister") ends exactly at token `i`. */
function titleEndsAt(ctx: CandidateContext, i: number): boolean {
  const MAX_TITLE_TOKENS = 3; // "Lt. Gen.", "Deputy Prime Minister"
  for (let k = i; k >= 0 && k > i - MAX_TITLE_TOKENS; k--) {
    const match = ctx.lexicon.titles.matchesAt(ctx.doc, ctx.ends, k).find((m) => m.lastToken === i);
    if (match) return true;
  }
  return false;
}

/** Drops a leading determiner and trailing joiners or hyphens; undefined when nothing is left. */
function trimRun(ctx: CandidateContext, run: Run): Run | undefined {
  const { tokens } = ctx.doc;
  let { first, last } = run;
  while (first <= last && (tokens[first]?.pos === "DET" || !isWord(tokens[first] as Token))) first++;
  while (last >= first && (!isCapitalised(tokens[last] as Token) || !isWord(tokens[last] as Token))) last--;
  return first <= last ? { first, last, titled: run.titled } : undefined;
}

function typeRun(ctx: CandidateContext, run: Run): Mention[] {
  const { tokens, text } = ctx.doc;
  const words = tokens.slice(run.first, run.last + 1);
  const first = words[0] as Token;
  const lastToken = words[words.length - 1] as Token;
  const surface = text.slice(first.start, lastToken.end);
  if (words.some((t) => isCapitalised(t) && FUNCTION_POS.has(t.pos))) return []; // Title Case prose
  if (isOnlyTitle(ctx, run)) return []; // "President" between "Syrian" and a dictionary name
  const single = words.length === 1;
  const base = {
    start: first.start,
    end: lastToken.end,
    firstToken: run.first,
    lastToken: run.last,
    acronym: false,
  };
  const typed = typeByRules(ctx, run, words, surface);
  if (!typed) return [];
  const weak = single && !typed.strong && isSentenceInitial(tokens, run.first);
  return [
    {
      ...base,
      type: typed.type,
      method: typed.method,
      confidence: typed.confidence,
      weak,
      acronym: typed.acronym,
    },
  ];
}

interface Typed {
  type: EntityType;
  method: string;
  confidence: number;
  /** Evidence beyond the shape of the word, enough to keep a sentence-initial single word. */
  strong: boolean;
  acronym: boolean;
}

/** The typing rules, strongest evidence first. */
function typeByRules(ctx: CandidateContext, run: Run, words: Token[], surface: string): Typed | undefined {
  const c = ctx.options.confidence;
  const make = (
    type: EntityType,
    method: string,
    confidence: number,
    strong: boolean,
    acronym = false,
  ): Typed => ({
    type,
    method,
    confidence,
    strong,
    acronym,
  });
  const head = rightmostHead(ctx.lexicon, words);
  if (head) return make(head, "rule:head", c.head, words.length > 1); // "Army units entered": a head alone is no name
  if (words.some((t) => /\d/.test(t.text))) return make("MISC", "rule:capitalised", c.capitalised, false); // "P-8A Poseidon"
  if (run.titled) return make("PERSON", "rule:title", c.title, true);
  if (ctx.isPlaceName?.(surface)) return make("GPE", "gazetteer", c.gazetteer, true);
  const endsInState = endingState(ctx, run);
  if (endsInState) return make("GPE", "rule:state-name", c.head, true);
  if (hasAppositiveRole(ctx, run.last)) return make("PERSON", "rule:appositive", c.appositive, true);
  if (words.length === 1 && isAcronym(ctx, words[0] as Token))
    return make("ORG", "rule:acronym", c.acronym, false, true);
  if (afterLocative(ctx, run.first)) return make("GPE", "rule:locative", c.locative, false);
  if (words.length > 1) return make("PERSON", "rule:name-shape", c.nameShape, false);
  if (ctx.lexicon.notNames.has(surface)) return undefined;
  return make("MISC", "rule:capitalised", c.capitalised, false);
}

export function headType(lexicon: NameLexicon, word: string): EntityType | undefined {
  if (lexicon.orgHeads.has(word)) return "ORG";
  if (lexicon.gpeHeads.has(word)) return "GPE";
  if (lexicon.locHeads.has(word)) return "LOC";
  return undefined;
}

/** The head nearest the end decides: "Gulf of Aden" is LOC, "Naval Air Station Sigonella" LOC, "Ministry of Health" ORG. */
function rightmostHead(lexicon: NameLexicon, words: Token[]): EntityType | undefined {
  for (let k = words.length - 1; k >= 0; k--) {
    const type = headType(lexicon, (words[k] as Token).text);
    if (type) return type;
  }
  return undefined;
}

/** "New Mexico", "South Sudan": a run ending in a state's name is a place. */
function endingState(ctx: CandidateContext, run: Run): boolean {
  for (let k = run.first + 1; k <= run.last; k++) {
    const match = ctx.aliases.longestAt(ctx.doc, ctx.ends, k);
    if (match && match.lastToken === run.last && match.phrase.value.actor.type === "GPE") return true;
  }
  return false;
}

/** "Alexander Ivanov, a spokesman for ...": a role noun shortly after a comma. */
function hasAppositiveRole(ctx: CandidateContext, last: number): boolean {
  const { tokens } = ctx.doc;
  const comma = tokens[last + 1];
  if (comma?.text !== "," || comma.sentence !== tokens[last]?.sentence) return false;
  const window = tokens.slice(last + 2, last + 2 + ctx.options.maxAppositiveWords);
  for (const t of window) {
    if (t.sentence !== comma.sentence || t.text === ",") return false;
    if (ctx.lexicon.appositiveRoles.has(t.lemma) || ctx.lexicon.appositiveRoles.has(t.text.toLowerCase()))
      return true;
  }
  return false;
}

function isAcronym(ctx: CandidateContext, token: Token): boolean {
  const letters = token.text.replace(/[^\p{L}]/gu, "").length;
  return (
    isAllCaps(token) && letters >= ctx.options.acronymMinLetters && letters <= ctx.options.acronymMaxLetters
  );
}

function afterLocative(ctx: CandidateContext, first: number): boolean {
  const previous = ctx.doc.tokens[first - 1];
  return previous !== undefined && ctx.lexicon.locatives.has(previous.text.toLowerCase());
}

/** Marks that end a sentence of prose; a headline has none. */
const TERMINAL = /^[.!?…"”’)]+$/u;

/** Sentences written in Title Case without closing punctuation (headlines left in the text): name shapes mean nothing there. */
export function headlineSentences(doc: TokenizedText, options: EntityOptions): Set<number> {
  const counts = new Map<number, { words: number; capitals: number }>();
  const closed = new Set<number>();
  for (const t of doc.tokens) {
    if (TERMINAL.test(t.text)) closed.add(t.sentence);
    else closed.delete(t.sentence);
    if (!isWord(t)) continue;
    const count = counts.get(t.sentence) ?? { words: 0, capitals: 0 };
    count.words++;
    if (isCapitalised(t)) count.capitals++;
    counts.set(t.sentence, count);
  }
  const out = new Set<number>();
  for (const [sentence, { words, capitals }] of counts) {
    const titleCase = words >= options.titleCaseMinWords && capitals / words > options.titleCaseRatio;
    if (titleCase && !closed.has(sentence)) out.add(sentence);
  }
  return out;
}
