import type { CasualtyKind, Span, Token } from "../../model/index.js";
import type { QuantityWords } from "./lexicon.js";

/**
 * Ties a count of people to what befell them, from the words around it: the counted noun itself
 * ("40 wounded", "300 refugees"), a verb after it ("2,500 fighters were killed", "120 people
 * died"), a verb before it ("killing at least 12 civilians") or a toll ("the death toll rose to 40").
 */

/** Auxiliaries, adverbs and bridge verbs between a count and its word: "have reportedly been detained". */
export const MAX_WORDS_BEFORE_CASUALTY_VERB = 3;
/** How far before the number a toll may stand: "the death toll has risen to", "a death toll of". */
export const MAX_TOLL_DISTANCE_TOKENS = 6;
/**
 * How far when a toll verb stands right before the figure ("rose to 58"): the toll's subject may
 * name the happening at length ("the death toll from Tuesday's earthquake in Malatya rose to 58").
 */
export const MAX_TOLL_SUBJECT_TOKENS = 14;

/** Parts of speech a count may be separated from its verb by: "were", "have been", "reportedly". */
const BRIDGE_POS = new Set(["AUX", "ADV"]);
/** After an active verb, these start its object: "killed 12 soldiers", "captured the town". */
const OBJECT_POS = new Set(["DET", "NOUN", "PROPN", "NUM", "PRON", "ADJ"]);
const NEGATIONS = new Set(["not", "n't", "never", "no"]);
/** Between a toll and its verb, these end or begin another clause: "The toll was unknown, and shares rose to". */
const CLAUSE_BREAK_POS = new Set(["AUX", "PUNCT", "CCONJ", "SCONJ"]);

export interface CasualtyReader {
  /** The casualty a quantity of `tokens` counts, or undefined when the words around say none. */
  casualtyOf(tokens: readonly Token[], quantity: Span, unit: string | undefined): CasualtyKind | undefined;
}

export function createCasualtyReader(words: QuantityWords): CasualtyReader {
  const single = new Map<string, CasualtyKind>();
  const phrases: { words: string[]; kind: CasualtyKind }[] = [];
  for (const [kind, list] of Object.entries(words.casualties) as [CasualtyKind, readonly string[]][]) {
    for (const word of list) {
      if (word.includes(" ")) phrases.push({ words: word.split(/\s+/), kind });
      else if (!single.has(word)) single.set(word, kind);
    }
  }
  const transitive = new Set(words.casualtyTransitiveVerbs);
  const bridges = new Set(words.casualtyBridgeVerbs);
  const tollVerbs = new Set(words.casualtyTollVerbs);

  const kindOf = (token: Token | undefined): CasualtyKind | undefined =>
    token === undefined ? undefined : (single.get(token.text.toLowerCase()) ?? single.get(token.lemma));
  const isTransitive = (token: Token) =>
    transitive.has(token.text.toLowerCase()) || transitive.has(token.lemma);

  /** "2,500 fighters were killed", "120 people died", "40 killed in the blast"; not "killed 12 soldiers". */
  function verbAfter(tokens: readonly Token[], last: number): CasualtyKind | undefined {
    const sentence = tokens[last]?.sentence;
    let passive = false;
    for (let k = last + 1; k <= last + 1 + MAX_WORDS_BEFORE_CASUALTY_VERB; k++) {
      const token = tokens[k];
      if (!token || token.sentence !== sentence) return undefined;
      if (NEGATIONS.has(token.text.toLowerCase())) return undefined;
      const kind = kindOf(token);
      if (kind !== undefined) {
        const next = tokens[k + 1];
        const hasObject = next !== undefined && next.sentence === sentence && OBJECT_POS.has(next.pos);
        return !passive && isTransitive(token) && hasObject ? undefined : kind;
      }
      const bridge = BRIDGE_POS.has(token.pos) || bridges.has(token.lemma);
      if (!bridge) return undefined;
      if (token.lemma === "be" || token.lemma === "get" || bridges.has(token.lemma)) passive = true;
    }
    return undefined;
  }

  /** "killing at least 12", "wounded more than 100", "displaced 3,000 families". */
  function verbBefore(tokens: readonly Token[], first: number): CasualtyKind | undefined {
    const previous = tokens[first - 1];
    if (!previous || previous.sentence !== tokens[first]?.sentence || previous.pos !== "VERB")
      return undefined;
    return isTransitive(previous) ? kindOf(previous) : undefined;
  }

  /** "the death toll rose to 40", "a death toll of 40", "the death toll from the quake rose to 58". */
  function tollBefore(tokens: readonly Token[], first: number): CasualtyKind | undefined {
    const sentence = tokens[first]?.sentence;
    const carried = tollVerbBefore(tokens, first);
    const reach = carried ? MAX_TOLL_SUBJECT_TOKENS : MAX_TOLL_DISTANCE_TOKENS;
    for (let k = first - 1; k >= 0 && k >= first - reach; k--) {
      if (tokens[k]?.sentence !== sentence) return undefined;
      // Without a toll verb, a figure between is the toll's own ("a toll of 12, up from 3").
      if (!carried && k < first - 1 && tokens[k]?.pos === "NUM") return undefined;
      // With one, the toll must be the verb's subject: no clause ends or begins on the way back.
      if (carried && k < first - 2 && CLAUSE_BREAK_POS.has(tokens[k]?.pos ?? "")) return undefined;
      const found = phrases.find((p) => p.words.every((w, j) => tokens[k + j]?.text.toLowerCase() === w));
      if (found) return found.kind;
    }
    return undefined;
  }

  /** "rose to 58", "reached 58", "stood at 58": a toll verb, maybe with its preposition, before the figure. */
  function tollVerbBefore(tokens: readonly Token[], first: number): boolean {
    const before = tokens[first - 1];
    const verb = before?.pos === "ADP" || before?.pos === "PART" ? tokens[first - 2] : before;
    return verb !== undefined && verb.sentence === tokens[first]?.sentence && tollVerbs.has(verb.lemma);
  }

  /**
   * A figure with its own unit joins a toll only when the toll leads to it ("a death toll of 40
   * people", "rose to 58 people"), not when it counts something else on the way ("the toll from
   * the storm in 12 villages").
   */
  function tollOf(
    tokens: readonly Token[],
    first: number,
    unit: string | undefined,
  ): CasualtyKind | undefined {
    const leads = tokens[first - 1]?.lemma === "of" || tollVerbBefore(tokens, first);
    return unit === undefined || leads ? tollBefore(tokens, first) : undefined;
  }

  function casualtyOf(tokens: readonly Token[], quantity: Span, unit: string | undefined) {
    const first = firstTokenFrom(tokens, quantity.start);
    if (first < 0) return undefined;
    let last = first;
    while (tokens[last + 1] !== undefined && (tokens[last + 1] as Token).end <= quantity.end) last += 1;
    const head = unit === undefined ? undefined : single.get(unit);
    return head ?? verbAfter(tokens, last) ?? verbBefore(tokens, first) ?? tollOf(tokens, first, unit);
  }

  return { casualtyOf };
}

/** Index of the first token starting at or after `offset` (tokens are in text order). */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((tokens[mid] as Token).start < offset) low = mid + 1;
    else high = mid;
  }
  return low < tokens.length ? low : -1;
}
