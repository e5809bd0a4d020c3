import type { Span, Token } from "../../model/index.js";

/**
 * Shallow clause reading over the tokens of one sentence: noun-phrase chunks, parenthetical
 * segments, the subject of a verb and the phrase after it. No parser: POS tags, punctuation and
 * a few function words, which is enough for the short declarative sentences of news reports.
 * Indices are positions in the sentence's token list.
 */

export interface Chunk {
  first: number;
  /** Index after the last token. */
  end: number;
}

/** The tokens of one sentence and the mention spans that must stay whole inside a chunk. */
export interface SentenceTokens {
  tokens: readonly Token[];
  /** Spans of entities and places: a name such as "The Associated Press" is one noun phrase. */
  atomic: readonly Span[];
}

/** Longest stretch read as "the phrase after the verb": objects are short; stopping early avoids the next clause. */
export const OBJECT_WINDOW = 12;

const NOMINAL_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"]);
/** Pronouns that open a clause or stand for nothing nameable: never part of a noun phrase. */
const NON_NOMINAL_WORDS = new Set([
  "that",
  "which",
  "who",
  "whom",
  "whose",
  "where",
  "when",
  "what",
  "there",
  "this",
]);
const CLAUSE_PUNCT = new Set([".", ",", ";", ":", "!", "?", '"', "“", "”", "(", ")", "—", "–"]);
/** Words that open a subordinate or relative clause. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  "that",
  "which",
  "who",
  "whom",
  "whose",
  "where",
  "when",
  "while",
  "because",
  "although",
  "though",
  "after",
  "before",
  "since",
  "if",
  "unless",
  "until",
  "whereas",
]);
/** Words that join two capitalised parts of one name: "Times of Malta", "Observatory for Human Rights". */
const NAME_JOINERS = new Set(["of", "for", "and", "&", "de", "al"]);
const BE_OR_GET = new Set(["be", "get"]);

export function isCapitalised(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

function lower(token: Token | undefined): string {
  return token ? token.text.toLowerCase() : "";
}

function isHyphenGlue(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (
    token?.text === "-" &&
    before !== undefined &&
    after !== undefined &&
    before.end === token.start &&
    token.end === after.start
  );
}

function inAtomic(sentence: SentenceTokens, i: number): Span | undefined {
  const token = sentence.tokens[i];
  if (!token) return undefined;
  return sentence.atomic.find((span) => span.start <= token.start && token.end <= span.end);
}

/** Whether token i can belong to a noun phrase, given its neighbours. */
function isNominal(sentence: SentenceTokens, i: number): boolean {
  const { tokens } = sentence;
  const token = tokens[i];
  if (!token) return false;
  if (inAtomic(sentence, i)) return true;
  if (isHyphenGlue(tokens, i) || isHyphenGlue(tokens, i - 1)) return true;
  if (token.pos === "PART" && /^['’]s$/i.test(token.text)) return i > 0;
  if (NON_NOMINAL_WORDS.has(lower(token))) return false;
  if (NOMINAL_POS.has(token.pos)) return true;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  const insideName =
    before !== undefined && after !== undefined && isCapitalised(before.text) && isCapitalised(after.text);
  // "the Associated Press": wink tags "Associated" as a verb; a capitalised word inside a name is part of it.
  const opensName = before !== undefined && (isCapitalised(before.text) || before.pos === "DET");
  if (opensName && after !== undefined && isCapitalised(after.text) && i > 1 && isCapitalised(token.text))
    return true;
  return insideName && NAME_JOINERS.has(lower(token)) && before.pos === "PROPN";
}

/** Whether a new chunk starts at token i although i-1 is nominal ("the report the army" is two). */
function startsNewChunk(sentence: SentenceTokens, i: number): boolean {
  const token = sentence.tokens[i];
  const before = sentence.tokens[i - 1];
  if (!token || !before) return false;
  const atomicHere = inAtomic(sentence, i);
  if (atomicHere && atomicHere === inAtomic(sentence, i - 1)) return false;
  if (token.pos === "DET" && (before.pos === "NOUN" || before.pos === "PROPN")) return true;
  // A pronoun after a noun begins another phrase: "the town it", "officials they".
  return token.pos === "PRON" && before.pos !== "PRON" && !isHyphenGlue(sentence.tokens, i - 1);
}

export function nounChunks(sentence: SentenceTokens): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  for (let i = 0; i < sentence.tokens.length; i++) {
    if (!isNominal(sentence, i)) {
      current = undefined;
      continue;
    }
    if (current && !startsNewChunk(sentence, i)) {
      current.end = i + 1;
      continue;
    }
    current = { first: i, end: i + 1 };
    chunks.push(current);
  }
  return chunks.map(trimChunk(sentence.tokens));
}

/** A chunk never ends on a dangling hyphen, joiner or possessive marker. */
function trimChunk(tokens: readonly Token[]): (chunk: Chunk) => Chunk {
  return (chunk) => {
    let end = chunk.end;
    while (end - 1 > chunk.first && /^(-|of|for|and|&)$/i.test(tokens[end - 1]?.text ?? "")) end -= 1;
    return { first: chunk.first, end };
  };
}

/**
 * Token indices inside comma-enclosed asides ("The army, backed by militias from Iraq, took"),
 * which hide the subject from its verb. A segment opening with a conjunction or a personal
 * pronoun is a clause of its own, not an aside.
 */
export function parentheticalIndices(tokens: readonly Token[]): Set<number> {
  const commas = tokens.flatMap((t, i) => (t.text === "," ? [i] : []));
  const hidden = new Set<number>();
  for (let c = 0; c + 1 < commas.length; c++) {
    const open = commas[c] as number;
    const close = commas[c + 1] as number;
    const first = tokens[open + 1];
    if (!first || close - open < 2) continue;
    if (first.pos === "CCONJ" || first.pos === "SCONJ" || (first.pos === "PRON" && !isRelative(first)))
      continue;
    for (let i = open; i <= close; i++) hidden.add(i);
  }
  return hidden;
}

function isRelative(token: Token): boolean {
  return ["which", "who", "whose", "whom", "where"].includes(lower(token));
}

/** Whether the verb at `index` is passive: a form of "be" or "get" just before it ("was captured"). */
export function isPassive(tokens: readonly Token[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i] as Token;
    if (token.pos === "ADV" || token.pos === "PART") continue;
    return token.pos === "AUX" && BE_OR_GET.has(token.lemma);
  }
  return false;
}

/**
 * The subject of the verb at `index`: the nearest noun phrase before it that is not the object
 * of a preposition or a verb and is followed by a verb. Asides between commas are skipped unless
 * the verb itself is inside one.
 */
export function subjectBefore(
  sentence: SentenceTokens,
  index: number,
  chunks = nounChunks(sentence),
): Chunk | undefined {
  const hidden = parentheticalIndices(sentence.tokens);
  const verbHidden = hidden.has(index);
  const candidates = chunks
    .filter((chunk) => chunk.end <= index && (verbHidden || !hidden.has(chunk.first)))
    .map((chunk) => withOfPhrases(sentence.tokens, chunks, chunk))
    .filter((chunk) => chunk.end <= index && isSubjectLike(sentence, chunk, index, hidden));
  return candidates[candidates.length - 1];
}

/** Prepositions that attach a name to a body: "the Coordination Center in Geneva", "the Ministry for Health". */
const NAME_PREPOSITIONS = new Set(["in", "for", "at", "from"]);

/**
 * A phrase with its "of" complements ("hundreds of thousands of people", "the loss of
 * territory") and a name attached by a preposition ("the Center in Geneva").
 */
function withOfPhrases(tokens: readonly Token[], chunks: readonly Chunk[], chunk: Chunk): Chunk {
  let end = chunk.end;
  for (;;) {
    const word = lower(tokens[end]);
    const next = chunks.find((c) => c.first === end + 1);
    const attachesName =
      NAME_PREPOSITIONS.has(word) && next !== undefined && isCapitalised(tokens[next.first]?.text ?? "");
    if (!next || !(word === "of" || attachesName)) break;
    end = next.end;
  }
  return { first: chunk.first, end };
}

function isSubjectLike(sentence: SentenceTokens, chunk: Chunk, verb: number, hidden: Set<number>): boolean {
  const { tokens } = sentence;
  const before = tokens[chunk.first - 1];
  if (
    before &&
    (before.pos === "ADP" || before.pos === "VERB" || before.pos === "AUX" || lower(before) === "of")
  ) {
    return false;
  }
  for (let i = chunk.end; i <= verb; i++) {
    if (i === verb) return true;
    if (hidden.has(i) && !hidden.has(verb)) continue;
    const token = tokens[i] as Token;
    if (token.pos === "ADV" || token.pos === "PART") continue;
    return token.pos === "VERB" || token.pos === "AUX";
  }
  return false;
}

/** The first noun phrase in [from, to), or undefined. */
export function firstChunkIn(chunks: readonly Chunk[], from: number, to: number): Chunk | undefined {
  return chunks.find((chunk) => chunk.first >= from && chunk.first < to);
}

/** End of the phrase after a trigger: the next clause punctuation, clause opener or verb. */
export function objectWindowEnd(tokens: readonly Token[], from: number): number {
  const limit = Math.min(tokens.length, from + OBJECT_WINDOW);
  for (let i = from; i < limit; i++) {
    const token = tokens[i] as Token;
    if (CLAUSE_PUNCT.has(token.text)) return i;
    if (i > from && CLAUSE_OPENERS.has(lower(token)) && token.pos !== "ADP") return i;
    if (i > from && token.pos === "VERB" && !isHyphenGlue(tokens, i - 1) && !isNominalVerb(tokens, i))
      return i;
  }
  return limit;
}

/** A verb form inside a name ("The Associated Press") does not end a phrase. */
function isNominalVerb(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (
    before !== undefined &&
    after !== undefined &&
    isCapitalised(before.text) &&
    isCapitalised(tokens[i]?.text ?? "") &&
    isCapitalised(after.text)
  );
}

/**
 * Start of the clause the trigger at `index` belongs to: after the last ";", ":", subordinating
 * word, or coordinating conjunction that joins clauses (", but", "and declared").
 */
export function clauseStart(tokens: readonly Token[], index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i] as Token;
    if (token.text === ";" || token.text === ":") return i + 1;
    if (CLAUSE_OPENERS.has(lower(token)) && token.pos !== "ADP") return i + 1;
    if (token.pos === "CCONJ" && joinsClauses(tokens, i)) return i + 1;
  }
  return 0;
}

/** End of the clause the trigger at `index` belongs to (exclusive). */
export function clauseEnd(tokens: readonly Token[], index: number): number {
  for (let i = index + 1; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if ([".", ";", ":", "!", "?"].includes(token.text)) return i;
    if (token.pos === "CCONJ" && joinsClauses(tokens, i)) return tokens[i - 1]?.text === "," ? i - 1 : i;
  }
  return tokens.length;
}

/** A conjunction joins clauses when a comma precedes it or a verb (with maybe a pronoun) follows. */
function joinsClauses(tokens: readonly Token[], i: number): boolean {
  if (tokens[i - 1]?.text === ",") return true;
  for (let j = i + 1; j < Math.min(tokens.length, i + 3); j++) {
    const token = tokens[j] as Token;
    if (token.pos === "VERB" || token.pos === "AUX") return true;
    if (token.pos !== "PRON" && token.pos !== "ADV") return false;
  }
  return false;
}

/** Token index range [first, end) of the tokens overlapping a span; undefined when none does. */
export function tokenRange(tokens: readonly Token[], span: Span): Chunk | undefined {
  let first = -1;
  let end = -1;
  tokens.forEach((token, i) => {
    if (token.start < span.end && span.start < token.end) {
      if (first < 0) first = i;
      end = i + 1;
    }
  });
  return first < 0 ? undefined : { first, end };
}

/** The span of text covered by tokens [first, end). */
export function spanOf(tokens: readonly Token[], chunk: Chunk): Span {
  return { start: (tokens[chunk.first] as Token).start, end: (tokens[chunk.end - 1] as Token).end };
}

const RELATIVE_PRONOUNS = new Set(["which", "who", "that"]);

/** "X, which supported ...": the subject of a relative clause is the phrase it hangs on. */
export function relativeAntecedent(
  sentence: SentenceTokens,
  verb: number,
  chunks = nounChunks(sentence),
): Chunk | undefined {
  let i = verb - 1;
  while (i >= 0 && ["ADV", "AUX", "PART"].includes(sentence.tokens[i]?.pos ?? "")) i -= 1;
  const pronoun = sentence.tokens[i];
  if (!pronoun || !RELATIVE_PRONOUNS.has(lower(pronoun))) return undefined;
  return modifiedPhrase(sentence, i, chunks);
}

/** The noun phrase right before token `index`, across one comma: "The army, backed by ..." -> "The army". */
export function modifiedPhrase(
  sentence: SentenceTokens,
  index: number,
  chunks = nounChunks(sentence),
): Chunk | undefined {
  const end = sentence.tokens[index - 1]?.text === "," ? index - 1 : index;
  return chunks.find((c) => c.end === end);
}
