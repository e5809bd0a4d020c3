import { NER_LABELS } from "./types.js";

/**
 * What the world knows about a phrase, as feature names: "place:country", "actor:ORG",
 * "demonym", ... (see knowledge.ts). The model learns how far to trust each class; a tagger
 * must be given the same knowledge its model was trained with.
 */
export interface NerKnowledge {
  /** Classes of the phrase `words` (1 to maxPhraseWords words); empty when it is not known. */
  classesOf(words: readonly string[]): readonly string[];
  readonly maxPhraseWords: number;
}

/** Share of all-capital words above which a sentence is a headline or dateline in capitals. */
const CAPS_LINE_RATIO = 0.8;
/** Affixes up to this length: enough for "-ian", "-stan", "-burg", "Mc-". */
export const MAX_AFFIX = 4;
/** Shape runs are cut at this length: "Xxxx" for any long capitalised word, "dddd" for years. */
const MAX_SHAPE_RUN = 4;

const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;

export function isCapitalised(word: string): boolean {
  return UPPER.test(word.charAt(0));
}

function isAllCaps(word: string): boolean {
  return LETTER.test(word) && !LOWER.test(word);
}

function isLowerWord(word: string): boolean {
  return LETTER.test(word) && !UPPER.test(word);
}

/** Digits become 0 so that "1996-08-22" and "1997-01-05" are one feature. */
export function normalise(word: string): string {
  return word.replace(/\d/g, "0");
}

/** "Xxxx", "XX.X.", "dddd-dd": characters mapped to classes, runs cut at MAX_SHAPE_RUN. */
export function wordShape(word: string): string {
  let out = "";
  let last = "";
  let run = 0;
  for (const ch of word) {
    const c = shapeClass(ch);
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= MAX_SHAPE_RUN) out += c;
  }
  return out;
}

const UPPER_CHAR = /\p{Lu}/u;
const LOWER_CHAR = /\p{Ll}/u;
const [CODE_A, CODE_Z, CODE_LOWER_A, CODE_LOWER_Z, CODE_0, CODE_9, ASCII_END] = [
  65, 90, 97, 122, 48, 57, 128,
];

/** "X", "x", "d" or the character itself; ASCII is classed by code (the shape of most words). */
function shapeClass(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < ASCII_END) {
    if (code >= CODE_A && code <= CODE_Z) return "X";
    if (code >= CODE_LOWER_A && code <= CODE_LOWER_Z) return "x";
    if (code >= CODE_0 && code <= CODE_9) return "d";
    return ch;
  }
  // \d without the u flag is ASCII only: other digits keep their own character, as before
  return UPPER_CHAR.test(ch) ? "X" : LOWER_CHAR.test(ch) ? "x" : ch;
}

/** The shape with every run collapsed to one character: "Xx", "X.X.", "d-d". */
export function shortShape(word: string): string {
  return wordShape(word).replace(/(.)\1+/g, "$1");
}

/** Facts about the whole document that help each word: how else the same word is written in it. */
export interface DocumentContext {
  /** Lower-cased words that also occur in lower case ("police" beside "Police said"). */
  lowerForms: ReadonlySet<string>;
  /** Lower-cased words that occur capitalised away from a sentence start, outside capital lines. */
  capitalisedForms: ReadonlySet<string>;
  /** Per sentence: written (mostly) in capitals, like CoNLL's headlines and datelines. */
  capsLines: readonly boolean[];
}

export function documentContext(document: readonly (readonly string[])[]): DocumentContext {
  const lowerForms = new Set<string>();
  const capitalisedForms = new Set<string>();
  const capsLines = document.map(isCapsLine);
  document.forEach((words, s) => {
    words.forEach((word, i) => {
      if (isLowerWord(word)) lowerForms.add(word);
      else if (i > 0 && !capsLines[s] && isCapitalised(word) && !isAllCaps(word))
        capitalisedForms.add(word.toLowerCase());
    });
  });
  return { lowerForms, capitalisedForms, capsLines };
}

function isCapsLine(words: readonly string[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const word of words) {
    if (!LETTER.test(word)) continue;
    letters++;
    if (isAllCaps(word)) caps++;
  }
  return letters > 0 && caps / letters >= CAPS_LINE_RATIO;
}

/** Lower-case words a known name may hold inside: "Bosnia and Herzegovina", "Isle of Man". */
export const INNER_WORD = /^\p{Ll}{1,3}$/u;

/**
 * The same knowledge, remembering each phrase's classes for the life of the returned value:
 * made once per document, so that a name repeated in the document is looked up once.
 */
export function memoised(knowledge: NerKnowledge): NerKnowledge {
  const seen = new Map<string, readonly string[]>();
  return {
    maxPhraseWords: knowledge.maxPhraseWords,
    classesOf(words) {
      const key = words.join(" ");
      let classes = seen.get(key);
      if (classes === undefined) {
        classes = knowledge.classesOf(words);
        seen.set(key, classes);
      }
      return classes;
    },
  };
}

/** Knowledge classes of each word, as B/I/L/U positions inside the known phrases that cover it. */
export function knowledgeFeatures(words: readonly string[], knowledge: NerKnowledge | undefined): string[][] {
  const out = words.map((): string[] => []);
  if (!knowledge) return out;
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalised(words[i] as string)) continue;
    const longest = Math.min(knowledge.maxPhraseWords, words.length - i);
    for (let n = 1; n <= longest; n++) {
      const last = words[i + n - 1] as string;
      if (n > 1 && !isCapitalised(last)) {
        if (INNER_WORD.test(last)) continue; // a joiner: the phrase may go on
        break;
      }
      const classes = knowledge.classesOf(words.slice(i, i + n));
      for (const c of classes) {
        if (n === 1) (out[i] as string[]).push(`k:U:${c}`);
        else {
          (out[i] as string[]).push(`k:B:${c}`);
          for (let k = i + 1; k < i + n - 1; k++) (out[k] as string[]).push(`k:I:${c}`);
          (out[i + n - 1] as string[]).push(`k:L:${c}`);
        }
      }
    }
  }
  return out;
}

/** Longest run of capitalised words worth a feature of its own; longer runs read as Title Case. */
export const MAX_RUN = 5;

/**
 * Where each word stands in its run of capitalised words ("B3": first of three, "U1": alone),
 * empty outside runs: "New York Stock Exchange" is one name whatever its words say alone.
 */
export function capitalisedRuns(words: readonly string[]): string[] {
  const out = words.map(() => "");
  let i = 0;
  while (i < words.length) {
    if (!isCapitalised(words[i] as string)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < words.length && isCapitalised(words[end] as string)) end++;
    const length = Math.min(end - i, MAX_RUN);
    for (let k = i; k < end; k++) {
      const position = end - i === 1 ? "U" : k === i ? "B" : k === end - 1 ? "L" : "I";
      out[k] = `${position}${length}`;
    }
    i = end;
  }
  return out;
}

/**
 * The features of every word of a sentence that do not depend on the tags chosen: the word,
 * its shape and affixes, a window of two words each side, capitals in context, the document's
 * other spellings of the word, and the knowledge classes of phrases covering it.
 */
export function staticFeatures(
  words: readonly string[],
  sentence: number,
  context: DocumentContext,
  knowledge: NerKnowledge | undefined,
): string[][] {
  const lower = words.map((w) => normalise(w.toLowerCase()));
  const shapes = words.map(wordShape);
  const short = shapes.map((s) => s.replace(/(.)\1+/g, "$1"));
  const known = knowledgeFeatures(words, knowledge);
  const runs = capitalisedRuns(words);
  const capsLine = context.capsLines[sentence] === true;
  const at = (list: readonly string[], i: number) =>
    i < 0 ? "<s>" : i >= list.length ? "</s>" : (list[i] as string);
  return words.map((word, i) => {
    const lw = lower[i] as string;
    const f = [
      "bias",
      `w=${normalise(word)}`,
      `lw=${lw}`,
      `sh=${shapes[i]}`,
      `ssh=${short[i]}`,
      `w-1=${at(lower, i - 1)}`,
      `w+1=${at(lower, i + 1)}`,
      `w-2=${at(lower, i - 2)}`,
      `w+2=${at(lower, i + 2)}`,
      `w-1|w=${at(lower, i - 1)}|${lw}`,
      `w|w+1=${lw}|${at(lower, i + 1)}`,
      `sh-1=${at(short, i - 1)}`,
      `sh+1=${at(short, i + 1)}`,
      `sh-1|sh|sh+1=${at(short, i - 1)}|${short[i]}|${at(short, i + 1)}`,
    ];
    for (let n = 1; n <= MAX_AFFIX && n <= lw.length; n++) {
      f.push(`p${n}=${lw.slice(0, n)}`, `s${n}=${lw.slice(-n)}`);
    }
    if (i === 0) f.push(`first|sh=${short[i]}`);
    if (capsLine) f.push("capsline", `capsline|lw=${lw}`);
    if (isCapitalised(word)) {
      const form = i === 0 || capsLine ? "initial" : "inner";
      if (context.lowerForms.has(word.toLowerCase())) f.push(`doc:lower|${form}`);
      if (context.capitalisedForms.has(word.toLowerCase())) f.push(`doc:capitalised|${form}`);
    }
    for (const k of known[i] as string[]) f.push(k);
    if (!capsLine && runs[i]) f.push(`run=${runs[i]}`);
    return f;
  });
}

/**
 * Labels given earlier in the document to the same word (Ratinov & Roth's "extended prediction
 * history"): "Clinton" tagged PER in one sentence is evidence for PER in the next.
 */
export type PredictionHistory = Map<string, Uint16Array>;

export const HISTORY_SLOTS = NER_LABELS.length + 1; // the four labels, then O

export function historyKey(word: string): string | undefined {
  return UPPER.test(word) ? word.toLowerCase() : undefined;
}

export function historyFeatures(history: PredictionHistory, word: string): string[] {
  const key = historyKey(word);
  const counts = key === undefined ? undefined : history.get(key);
  if (!counts) return [];
  const out: string[] = [];
  let best = -1;
  for (let k = 0; k < HISTORY_SLOTS; k++) {
    if ((counts[k] as number) === 0) continue;
    out.push(`h=${NER_LABELS[k] ?? "O"}`);
    if (best < 0 || (counts[k] as number) > (counts[best] as number)) best = k;
  }
  out.push(`hmax=${NER_LABELS[best] ?? "O"}`);
  return out;
}

/** Adds a tagged sentence's words to the history; `labels` holds a label index per word, or -1 for O. */
export function recordHistory(
  history: PredictionHistory,
  words: readonly string[],
  labels: readonly number[],
) {
  words.forEach((word, i) => {
    const key = historyKey(word);
    if (key === undefined) return;
    let counts = history.get(key);
    if (!counts) {
      counts = new Uint16Array(HISTORY_SLOTS);
      history.set(key, counts);
    }
    const slot = (labels[i] as number) < 0 ? NER_LABELS.length : (labels[i] as number);
    counts[slot] = Math.min(0xffff, (counts[slot] as number) + 1);
  });
}
