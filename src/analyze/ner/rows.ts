import {
  capitalisedRuns,
  type DocumentContext,
  HISTORY_SLOTS,
  historyKey,
  isCapitalised,
  knowledgeFeatures,
  MAX_AFFIX,
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
    tagNames: Array.from({ length: TAG_COUNT }, (_, t) => tagName(t)),
    named: rowOf,
    valueRow,
    kind,
    joinedRow: (k, parts, plain) => joinedRow(joined.get(k) as JoinedRows, parts, plain),
  };
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

export function documentRows(
  rows: ModelRows,
  weights: Float32Array,
  context: DocumentContext,
  knowledge: NerKnowledge | undefined,
): DocumentRows {
  const words = new Map<string, WordInfo>();
  const windowKinds = ["w-1", "w+1", "w-2", "w+2"].map(rows.kind);
  const shapeWindowKinds = ["sh-1", "sh+1"].map(rows.kind);
  const affixKinds = AFFIX_KINDS.map(([p, s]) => [rows.kind(p), rows.kind(s)] as const);
  const edge = (marker: string) => ({
    lower: marker,
    short: marker,
    plain: true,
    window: windowKinds.map((k) => k.get(marker) ?? -1),
    shapeWindow: shapeWindowKinds.map((k) => k.get(marker) ?? -1),
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
    found = {
      lower,
      short,
      plain: !lower.includes("|") && !short.includes("|"),
      own: [
        rows.valueRow("w", normalise(word)),
        rows.valueRow("lw", lower),
        rows.valueRow("sh", shape),
        rows.valueRow("ssh", short),
      ],
      window: windowKinds.map((k) => k.get(lower) ?? -1),
      shapeWindow: shapeWindowKinds.map((k) => k.get(short) ?? -1),
      affixes,
      firstShape: rows.valueRow("first|sh", short),
      capsLower: rows.valueRow("capsline|lw", lower),
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

  function pairRow(kind: JoinedKind, a: string, b: string, plain: boolean): number {
    pair[0] = a;
    pair[1] = b;
    return rows.joinedRow(kind, pair, plain);
  }

  /** The same rows, in the same order, as staticFeatures' names for each word. */
  function staticScores(sentenceWords: readonly string[], sentence: number): Float64Array {
    const n = sentenceWords.length;
    const infos = sentenceWords.map(info);
    const known = knowledgeFeatures(sentenceWords, knowledge);
    const runs = capitalisedRuns(sentenceWords);
    const capsLine = context.capsLines[sentence] === true;
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
      add(out, at, pairRow("w-1|w", before.lower, word.lower, before.plain && word.plain));
      add(out, at, pairRow("w|w+1", word.lower, after.lower, word.plain && after.plain));
      add(out, at, before.shapeWindow[0] as number);
      add(out, at, after.shapeWindow[1] as number);
      triple[0] = before.short;
      triple[1] = word.short;
      triple[2] = after.short;
      add(out, at, rows.joinedRow("sh-1|sh|sh+1", triple, before.plain && word.plain && after.plain));
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
      for (const name of known[i] as string[]) add(out, at, rows.named(name));
      if (!capsLine && runs[i]) add(out, at, rows.valueRow("run", runs[i] as string));
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
    add(scores, 0, pairRow("p1|ssh", rows.tagNames[previous] as string, about.short, about.plain));
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
