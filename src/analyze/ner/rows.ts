import {
  type DocumentContext,
  HISTORY_SLOTS,
  historyKey,
  INNER_WORD,
  isCapitalised,
  MAX_AFFIX,
  MAX_RUN,
  type NerKnowledge,
  normalise,
  type PredictionHistory,
  wordShape,
} from "./features.js";
import type { NerModel } from "./model.js";
import { TAG_COUNT, tagName } from "./tags.js";
import { NER_LABELS } from "./types.js";

/**
 * The tagger's fast path to the same features as staticFeatures and dynamicFeatures (features.ts,
 * decode.ts), as model rows instead of names. Building a name such as `w-1|w=the|army` and
 * hashing it for every word was most of the tagger's time, so the model's names are indexed
 * once, when the tagger is made, by kind and by value part ("w-1|w", then "the", then "army"):
 * a lookup then hashes only strings the document already holds. What depends on a word alone
 * (its lower-cased form, shape, affixes) is worked out once per distinct word of a document.
 * Rows are added in exactly the order of the named features, so every score, and so every tag
 * and confidence, is the same to the last bit. A row of -1 is a feature the model does not know:
 * it adds nothing, as a missing name adds nothing.
 */

/** Feature values by kind: the part of a name before its first "=", then the rest. */
type ValueRows = ReadonlyMap<string, number>;

/** A kind whose value is parts joined by "|" (word pairs, shape triples), indexed part by part. */
interface JoinedRows {
  /** Every value whole, for parts that hold a "|" themselves. */
  whole: ValueRows;
  /** Values of exactly `parts` parts, nested one Map per part. */
  nested: Map<string, unknown>;
  parts: number;
}

/** Rows of the model's features, found once per tagger. */
export interface ModelRows {
  bias: number;
  capsline: number;
  docLowerInitial: number;
  docLowerInner: number;
  docCapitalisedInitial: number;
  docCapitalisedInner: number;
  /** p1=tag, by previous tag. */
  previous: Int32Array;
  /** p2p1=tag2|tag1, at beforePrevious * TAG_COUNT + previous. */
  previousPair: Int32Array;
  /** h=LABEL (then h=O), and hmax=LABEL (then hmax=O), by history slot. */
  history: Int32Array;
  historyMax: Int32Array;
  /** Tag names by tag ("O", "B-PER", ...), made once so that their hashes are kept. */
  tagNames: readonly string[];
  /** k:U:class, k:B:class, k:I:class, k:L:class rows (in KNOWLEDGE_POSITIONS order) by class. */
  knowledgeClass(cls: string): Int32Array;
  /** run=B3 and the like, at RUN_POSITIONS.indexOf(position) * (MAX_RUN + 1) + length. */
  runs: Int32Array;
  /**
   * For a kind indexed by parts, what follows a first part: a Map for two parts more, a row
   * (number) for the last; undefined when no value starts with it. Only for plain parts.
   */
  after(kind: JoinedKind, first: string): unknown;
  /** The rows a lower-cased word form names, in one lookup; undefined when it names none. */
  lowerRows(lower: string): LowerRows | undefined;
  /** The p1|ssh= row of a previous tag and a short shape; `plain`: the shape holds no "|". */
  shapeAfterTag(previous: number, short: string, plain: boolean): number;
  /** The row of a feature by its whole name, -1 when the model lacks it. */
  named(name: string): number;
  /** The row of a feature named `${kind}=${value}`, -1 when the model lacks it. */
  valueRow(kind: string, value: string): number;
  /** Rows of one kind, for lookups in a loop. */
  kind(kind: string): ValueRows;
  /**
   * The row of `${kind}=${parts joined by "|"}` for a kind indexed by parts; `plain` says that
   * no part holds a "|" (the caller knows it of its words), so the nested index answers.
   */
  joinedRow(kind: JoinedKind, parts: readonly string[], plain: boolean): number;
}

const JOINED_KINDS = { "w-1|w": 2, "w|w+1": 2, "sh-1|sh|sh+1": 3, "p1|ssh": 2 } as const;
type JoinedKind = keyof typeof JOINED_KINDS;
/** Kinds whose value is a word's lower-cased form (or a sentence edge), in LowerRows.kinds order. */
const LOWER_KINDS = ["lw", "w-1", "w+1", "w-2", "w+2", "capsline|lw"] as const;
const [L_WORD, L_BEFORE, L_AFTER, L_BEFORE2, L_AFTER2, L_CAPSLINE] = [0, 1, 2, 3, 4, 5];

/**
 * Everything the model knows of one lower-cased form, gathered so that a word costs one lookup
 * in a big table instead of one per kind (those lookups were mostly waits on memory).
 */
export interface LowerRows {
  /** Rows by LOWER_KINDS, -1 for a kind the model lacks for this form. */
  readonly kinds: Int32Array;
  /** w-1|w= values whose first part is this form, by second part; w|w+1= likewise. */
  readonly pairBefore: ReadonlyMap<string, number> | undefined;
  readonly pairAfter: ReadonlyMap<string, number> | undefined;
}

/** Positions inside a known phrase, in the order of the knowledge rows (features.ts). */
const KNOWLEDGE_POSITIONS = ["U", "B", "I", "L"] as const;
const [K_UNIT, K_BEGIN, K_INSIDE, K_LAST] = [0, 1, 2, 3];
/** Positions inside a run of capitalised words (capitalisedRuns in features.ts). */
const RUN_POSITIONS = ["U", "B", "I", "L"] as const;
const [RUN_UNIT, RUN_BEGIN, RUN_INSIDE, RUN_LAST] = [0, 1, 2, 3];

export function modelRows(model: NerModel): ModelRows {
  const byKind = new Map<string, Map<string, number>>();
  for (const [name, row] of model.features) {
    const cut = name.indexOf("=");
    if (cut < 0) continue;
    const kind = name.slice(0, cut);
    let values = byKind.get(kind);
    if (values === undefined) {
      values = new Map();
      byKind.set(kind, values);
    }
    values.set(name.slice(cut + 1), row);
  }
  const none: ValueRows = new Map();
  const kind = (k: string): ValueRows => byKind.get(k) ?? none;
  const valueRow = (k: string, value: string) => kind(k).get(value) ?? -1;
  const joined = new Map<string, JoinedRows>(
    Object.entries(JOINED_KINDS).map(([k, parts]) => [k, joinedIndex(kind(k), parts)]),
  );
  const rowOf = (name: string) => model.features.get(name) ?? -1;

  const previous = new Int32Array(TAG_COUNT);
  const previousPair = new Int32Array(TAG_COUNT * TAG_COUNT);
  for (let p1 = 0; p1 < TAG_COUNT; p1++) {
    previous[p1] = rowOf(`p1=${tagName(p1)}`);
    for (let p2 = 0; p2 < TAG_COUNT; p2++)
      previousPair[p2 * TAG_COUNT + p1] = rowOf(`p2p1=${tagName(p2)}|${tagName(p1)}`);
  }
  const byClass = knowledgeIndex(model.features);
  const noClass = new Int32Array(KNOWLEDGE_POSITIONS.length).fill(-1);
  const runs = new Int32Array(RUN_POSITIONS.length * (MAX_RUN + 1)).fill(-1);
  RUN_POSITIONS.forEach((position, p) => {
    for (let length = 1; length <= MAX_RUN; length++)
      runs[p * (MAX_RUN + 1) + length] = valueRow("run", `${position}${length}`);
  });
  const byLower = lowerIndex(kind, joined);
  const tagNames = Array.from({ length: TAG_COUNT }, (_, t) => tagName(t));
  const tagShapeIndex = joined.get("p1|ssh") as JoinedRows;
  const shapesByTag = tagNames.map(
    (name) => tagShapeIndex.nested.get(name) as ReadonlyMap<string, number> | undefined,
  );
  const shapeAfterTag = (previous: number, short: string, plain: boolean) =>
    plain
      ? ((shapesByTag[previous] as ReadonlyMap<string, number> | undefined)?.get(short) ?? -1)
      : joinedRow(tagShapeIndex, [tagNames[previous] as string, short], false);
  const history = new Int32Array(HISTORY_SLOTS);
  const historyMax = new Int32Array(HISTORY_SLOTS);
  for (let k = 0; k < HISTORY_SLOTS; k++) {
    history[k] = rowOf(`h=${NER_LABELS[k] ?? "O"}`);
    historyMax[k] = rowOf(`hmax=${NER_LABELS[k] ?? "O"}`);
  }
  return {
    bias: rowOf("bias"),
    capsline: rowOf("capsline"),
    docLowerInitial: rowOf("doc:lower|initial"),
    docLowerInner: rowOf("doc:lower|inner"),
    docCapitalisedInitial: rowOf("doc:capitalised|initial"),
    docCapitalisedInner: rowOf("doc:capitalised|inner"),
    previous,
    previousPair,
    history,
    historyMax,
    tagNames,
    shapeAfterTag,
    lowerRows: (lower) => byLower.get(lower),
    knowledgeClass: (cls) => byClass.get(cls) ?? noClass,
    runs,
    after: (k, first) => (joined.get(k) as JoinedRows).nested.get(first),
    named: rowOf,
    valueRow,
    kind,
    joinedRow: (k, parts, plain) => joinedRow(joined.get(k) as JoinedRows, parts, plain),
  };
}

function lowerIndex(
  kind: (k: string) => ValueRows,
  joined: ReadonlyMap<string, JoinedRows>,
): Map<string, LowerRows> {
  const byLower = new Map<
    string,
    { kinds: Int32Array; pairBefore?: Map<string, number>; pairAfter?: Map<string, number> }
  >();
  const record = (lower: string) => {
    let found = byLower.get(lower);
    if (found === undefined) {
      found = { kinds: new Int32Array(LOWER_KINDS.length).fill(-1) };
      byLower.set(lower, found);
    }
    return found;
  };
  LOWER_KINDS.forEach((k, i) => {
    for (const [value, row] of kind(k)) record(value).kinds[i] = row;
  });
  for (const [first, next] of (joined.get("w-1|w") as JoinedRows).nested)
    record(first).pairBefore = next as Map<string, number>;
  for (const [first, next] of (joined.get("w|w+1") as JoinedRows).nested)
    record(first).pairAfter = next as Map<string, number>;
  return byLower as Map<string, LowerRows>;
}

/** k:POSITION:class rows by class, from the model's names ("k:U:place:country", ...). */
function knowledgeIndex(features: ReadonlyMap<string, number>): Map<string, Int32Array> {
  const byClass = new Map<string, Int32Array>();
  for (const [name, row] of features) {
    if (!name.startsWith("k:") || name.charAt(3) !== ":") continue;
    const position = KNOWLEDGE_POSITIONS.indexOf(name.charAt(2) as "U");
    if (position < 0) continue;
    const cls = name.slice(4);
    let rows = byClass.get(cls);
    if (rows === undefined) {
      rows = new Int32Array(KNOWLEDGE_POSITIONS.length).fill(-1);
      byClass.set(cls, rows);
    }
    rows[position] = row;
  }
  return byClass;
}

function joinedIndex(whole: ValueRows, parts: number): JoinedRows {
  const nested = new Map<string, unknown>();
  for (const [value, row] of whole) {
    const split = value.split("|");
    if (split.length !== parts) continue; // a part holds "|": found through `whole`
    let level = nested;
    for (let p = 0; p < parts - 1; p++) {
      const part = split[p] as string;
      let next = level.get(part) as Map<string, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(part, next);
      }
      level = next;
    }
    level.set(split[parts - 1] as string, row);
  }
  return { whole, nested, parts };
}

function joinedRow(index: JoinedRows, parts: readonly string[], plain: boolean): number {
  if (!plain) return index.whole.get(parts.join("|")) ?? -1;
  let level: unknown = index.nested;
  for (const part of parts) {
    level = (level as Map<string, unknown>).get(part);
    if (level === undefined) return -1;
  }
  return level as number;
}

/** What one distinct word contributes on its own, whatever its neighbours. */
interface WordInfo {
  /** Lower-cased with digits as 0: the form the window features name. */
  lower: string;
  short: string;
  /** Neither `lower` nor `short` holds a "|", the separator of joined feature values. */
  plain: boolean;
  /** w=, lw=, sh=, ssh= rows. */
  own: readonly number[];
  /** w-1=, w+1=, w-2=, w+2= rows: this word seen from its neighbours. */
  window: readonly number[];
  /** sh-1=, sh+1= rows of its short shape. */
  shapeWindow: readonly number[];
  /** p1=, s1=, p2=, s2=, ... rows. */
  affixes: readonly number[];
  /** w-1|w= values that start with this word, and w|w+1= ones (plain words only). */
  pairBefore: ReadonlyMap<string, number> | undefined;
  pairAfter: ReadonlyMap<string, number> | undefined;
  /** sh-1|sh|sh+1= values that start with this word's short shape (plain words only). */
  shapesAfter: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined;
  firstShape: number;
  capsLower: number;
  capitalised: boolean;
  docLower: boolean;
  docCapitalised: boolean;
  historyKey: string | undefined;
}

/** Rows for one document: made per tagger call, dropped with it. */
export interface DocumentRows {
  /** The summed static rows of every word of a sentence, TAG_COUNT scores per word. */
  staticScores(words: readonly string[], sentence: number): Float64Array;
  /** Adds the rows of the features that depend on the tags chosen so far into `scores`. */
  addDynamic(
    scores: Float64Array,
    word: string,
    previous: number,
    beforePrevious: number,
    history: PredictionHistory,
  ): void;
}

const START = "<s>";
const END = "</s>";
const AFFIX_KINDS = Array.from({ length: MAX_AFFIX }, (_, k) => [`p${k + 1}`, `s${k + 1}`] as const);
const NO_ROWS: readonly number[] = [];
const NO_WINDOW: readonly number[] = [-1, -1, -1, -1];

export function documentRows(
  rows: ModelRows,
  weights: Float32Array,
  context: DocumentContext,
  knowledge: NerKnowledge | undefined,
): DocumentRows {
  const words = new Map<string, WordInfo>();
  /** Knowledge classes by phrase (its words joined by spaces), as memoised() keeps them. */
  const phrases = new Map<string, readonly string[]>();
  const shapeWindowKinds = ["sh-1", "sh+1"].map(rows.kind);
  const affixKinds = AFFIX_KINDS.map(([p, s]) => [rows.kind(p), rows.kind(s)] as const);
  const windowOf = (known: LowerRows | undefined): readonly number[] =>
    known === undefined
      ? NO_WINDOW
      : [L_BEFORE, L_AFTER, L_BEFORE2, L_AFTER2].map((k) => known.kinds[k] as number);
  const edge = (marker: string) => ({
    lower: marker,
    short: marker,
    plain: true,
    window: windowOf(rows.lowerRows(marker)),
    shapeWindow: shapeWindowKinds.map((k) => k.get(marker) ?? -1),
    pairBefore: rows.lowerRows(marker)?.pairBefore,
    pairAfter: rows.lowerRows(marker)?.pairAfter,
    shapesAfter: rows.after("sh-1|sh|sh+1", marker) as WordInfo["shapesAfter"],
  });
  const start = edge(START);
  const end = edge(END);
  const pair: string[] = ["", ""];
  const triple: string[] = ["", "", ""];

  function info(word: string): WordInfo {
    let found = words.get(word);
    if (found !== undefined) return found;
    const lower = normalise(word.toLowerCase());
    const shape = wordShape(word);
    const short = shape.replace(/(.)\1+/g, "$1");
    const affixes: number[] = [];
    for (let n = 1; n <= MAX_AFFIX && n <= lower.length; n++) {
      const [prefixes, suffixes] = affixKinds[n - 1] as readonly [ValueRows, ValueRows];
      affixes.push(prefixes.get(lower.slice(0, n)) ?? -1, suffixes.get(lower.slice(-n)) ?? -1);
    }
    const plain = !lower.includes("|") && !short.includes("|");
    const known = rows.lowerRows(lower);
    found = {
      lower,
      short,
      plain,
      own: [
        rows.valueRow("w", normalise(word)),
        known === undefined ? -1 : (known.kinds[L_WORD] as number),
        rows.valueRow("sh", shape),
        rows.valueRow("ssh", short),
      ],
      window: windowOf(known),
      shapeWindow: shapeWindowKinds.map((k) => k.get(short) ?? -1),
      affixes,
      pairBefore: plain ? known?.pairBefore : undefined,
      pairAfter: plain ? known?.pairAfter : undefined,
      shapesAfter: plain ? (rows.after("sh-1|sh|sh+1", short) as WordInfo["shapesAfter"]) : undefined,
      firstShape: rows.valueRow("first|sh", short),
      capsLower: known === undefined ? -1 : (known.kinds[L_CAPSLINE] as number),
      capitalised: isCapitalised(word),
      docLower: context.lowerForms.has(word.toLowerCase()),
      docCapitalised: context.capitalisedForms.has(word.toLowerCase()),
      historyKey: historyKey(word),
    };
    words.set(word, found);
    return found;
  }

  function add(scores: Float64Array, at: number, row: number): void {
    if (row < 0) return;
    const base = row * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++)
      scores[at + t] = (scores[at + t] as number) + (weights[base + t] as number);
  }

  /** The row of a two-part value: through the first part's map when both parts are plain. */
  function pairRow(
    kind: JoinedKind,
    a: string,
    b: string,
    plain: boolean,
    following: ReadonlyMap<string, number> | undefined,
  ): number {
    if (plain) return following?.get(b) ?? -1;
    pair[0] = a;
    pair[1] = b;
    return rows.joinedRow(kind, pair, false);
  }

  function shapeTripleRow(
    before: Pick<WordInfo, "short" | "plain" | "shapesAfter">,
    word: WordInfo,
    after: Pick<WordInfo, "short" | "plain">,
  ): number {
    if (before.plain && word.plain && after.plain)
      return before.shapesAfter?.get(word.short)?.get(after.short) ?? -1;
    triple[0] = before.short;
    triple[1] = word.short;
    triple[2] = after.short;
    return rows.joinedRow("sh-1|sh|sh+1", triple, false);
  }

  /** A known phrase's classes, looked up once per document. */
  function classesOf(sentenceWords: readonly string[], from: number, n: number, key: string) {
    let classes = phrases.get(key);
    if (classes === undefined) {
      classes = (knowledge as NerKnowledge).classesOf(sentenceWords.slice(from, from + n));
      phrases.set(key, classes);
    }
    return classes;
  }

  /**
   * The rows of knowledgeFeatures' names (features.ts), word by word in the same order: the
   * classes of every known phrase of capitalised words (and inner joiners) covering the word.
   */
  function knowledgeRows(sentenceWords: readonly string[], infos: readonly WordInfo[]): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < infos.length; i++) out.push(NO_ROWS as number[]);
    if (!knowledge) return out;
    const push = (k: number, row: number) => {
      if (out[k] === NO_ROWS) out[k] = [];
      (out[k] as number[]).push(row);
    };
    for (let i = 0; i < infos.length; i++) {
      if (!(infos[i] as WordInfo).capitalised) continue;
      const longest = Math.min(knowledge.maxPhraseWords, infos.length - i);
      let key = "";
      for (let n = 1; n <= longest; n++) {
        const last = sentenceWords[i + n - 1] as string;
        key = n === 1 ? last : `${key} ${last}`;
        if (n > 1 && !(infos[i + n - 1] as WordInfo).capitalised) {
          if (INNER_WORD.test(last)) continue; // a joiner: the phrase may go on
          break;
        }
        for (const c of classesOf(sentenceWords, i, n, key)) {
          const classRows = rows.knowledgeClass(c);
          if (n === 1) push(i, classRows[K_UNIT] as number);
          else {
            push(i, classRows[K_BEGIN] as number);
            for (let k = i + 1; k < i + n - 1; k++) push(k, classRows[K_INSIDE] as number);
            push(i + n - 1, classRows[K_LAST] as number);
          }
        }
      }
    }
    return out;
  }

  /** The run= row of each word (capitalisedRuns in features.ts), -1 outside runs. */
  function runRows(infos: readonly WordInfo[]): Int32Array {
    const out = new Int32Array(infos.length).fill(-1);
    let i = 0;
    while (i < infos.length) {
      if (!(infos[i] as WordInfo).capitalised) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < infos.length && (infos[end] as WordInfo).capitalised) end++;
      const base = Math.min(end - i, MAX_RUN);
      for (let k = i; k < end; k++) {
        const position =
          end - i === 1 ? RUN_UNIT : k === i ? RUN_BEGIN : k === end - 1 ? RUN_LAST : RUN_INSIDE;
        out[k] = rows.runs[position * (MAX_RUN + 1) + base] as number;
      }
      i = end;
    }
    return out;
  }

  /** The same rows, in the same order, as staticFeatures' names for each word. */
  function staticScores(sentenceWords: readonly string[], sentence: number): Float64Array {
    const n = sentenceWords.length;
    const infos = sentenceWords.map(info);
    const known = knowledgeRows(sentenceWords, infos);
    const capsLine = context.capsLines[sentence] === true;
    const runs = capsLine ? undefined : runRows(infos);
    const near = (i: number) => (i < 0 ? start : i >= n ? end : (infos[i] as WordInfo));
    const out = new Float64Array(n * TAG_COUNT);
    for (let i = 0; i < n; i++) {
      const word = infos[i] as WordInfo;
      const at = i * TAG_COUNT;
      const before = near(i - 1);
      const after = near(i + 1);
      add(out, at, rows.bias);
      for (const row of word.own) add(out, at, row);
      add(out, at, before.window[0] as number);
      add(out, at, after.window[1] as number);
      add(out, at, near(i - 2).window[2] as number);
      add(out, at, near(i + 2).window[3] as number);
      add(out, at, pairRow("w-1|w", before.lower, word.lower, before.plain && word.plain, before.pairBefore));
      add(out, at, pairRow("w|w+1", word.lower, after.lower, word.plain && after.plain, word.pairAfter));
      add(out, at, before.shapeWindow[0] as number);
      add(out, at, after.shapeWindow[1] as number);
      add(out, at, shapeTripleRow(before, word, after));
      for (const row of word.affixes) add(out, at, row);
      if (i === 0) add(out, at, word.firstShape);
      if (capsLine) {
        add(out, at, rows.capsline);
        add(out, at, word.capsLower);
      }
      if (word.capitalised) {
        const initial = i === 0 || capsLine;
        if (word.docLower) add(out, at, initial ? rows.docLowerInitial : rows.docLowerInner);
        if (word.docCapitalised)
          add(out, at, initial ? rows.docCapitalisedInitial : rows.docCapitalisedInner);
      }
      for (const row of known[i] as number[]) add(out, at, row);
      if (runs) add(out, at, runs[i] as number);
    }
    return out;
  }

  /** The same rows, in the same order, as dynamicFeatures' names. */
  function addDynamic(
    scores: Float64Array,
    word: string,
    previous: number,
    beforePrevious: number,
    history: PredictionHistory,
  ): void {
    const about = info(word);
    add(scores, 0, rows.previous[previous] as number);
    add(scores, 0, rows.previousPair[beforePrevious * TAG_COUNT + previous] as number);
    add(scores, 0, rows.shapeAfterTag(previous, about.short, about.plain));
    const counts = about.historyKey === undefined ? undefined : history.get(about.historyKey);
    if (!counts) return;
    let best = -1;
    for (let k = 0; k < HISTORY_SLOTS; k++) {
      if ((counts[k] as number) === 0) continue;
      add(scores, 0, rows.history[k] as number);
      if (best < 0 || (counts[k] as number) > (counts[best] as number)) best = k;
    }
    add(scores, 0, rows.historyMax[best < 0 ? HISTORY_SLOTS - 1 : best] as number); // no count: "O", as historyFeatures says
  }

  return { staticScores, addDynamic };
}
