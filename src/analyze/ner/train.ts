import { mulberry32 } from "../../common/random.js";
import { spansFromIob, type ConllDocument } from "./conll.js";
import { decide, dynamicFeatures, labelIndices, recordHistory, score } from "./decode.js";
import {
  documentContext,
  memoised,
  type NerKnowledge,
  type PredictionHistory,
  shortShape,
  staticFeatures,
} from "./features.js";
import type { NerModel } from "./model.js";
import { OUTSIDE, spansToTags, TAG_COUNT } from "./tags.js";

export interface NerTrainingOptions {
  /** Passes over the training documents. */
  iterations: number;
  /** Seed of the shuffle of documents before each pass, so that training is repeatable. */
  seed: number;
  /** Knowledge classes to learn from; the tagger must then be given the same knowledge. */
  knowledge?: NerKnowledge;
  /** Called after each pass with its word accuracy (of the current, not averaged, weights). */
  onIteration?: (report: { iteration: number; accuracy: number; features: number; seconds: number }) => void;
  info?: Record<string, unknown>;
}

interface PreparedSentence {
  words: readonly string[];
  shapes: readonly string[];
  gold: readonly number[];
  statics: readonly Int32Array[];
}

/** A feature table that grows as features are met, with the running sums averaging needs. */
class GrowingWeights {
  readonly ids = new Map<string, number>();
  weights = new Float32Array(0);
  /** Sum of (update time × change): the averaged weight is w - sums / time. */
  sums = new Float32Array(0);

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(name, id);
      if ((id + 1) * TAG_COUNT > this.weights.length) this.grow();
    }
    return id;
  }

  private grow(): void {
    const size = Math.max(1 << 16, this.weights.length * 2);
    const weights = new Float32Array(size);
    weights.set(this.weights);
    const sums = new Float32Array(size);
    sums.set(this.sums);
    this.weights = weights;
    this.sums = sums;
  }

  update(rows: readonly number[], tag: number, delta: number, time: number): void {
    for (const row of rows) {
      const k = row * TAG_COUNT + tag;
      this.weights[k] = (this.weights[k] as number) + delta;
      this.sums[k] = (this.sums[k] as number) + time * delta;
    }
  }

  averaged(time: number): Float32Array {
    const out = new Float32Array(this.ids.size * TAG_COUNT);
    for (let k = 0; k < out.length; k++)
      out[k] = (this.weights[k] as number) - (this.sums[k] as number) / time;
    return out;
  }
}

/** Uniform numbers in [0, 1) from a seeded generator, so that shuffles repeat from one run to the next. */
function random(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function prepare(documents: readonly ConllDocument[], table: GrowingWeights, knowledge?: NerKnowledge) {
  return documents.map((document) => {
    const context = documentContext(document.map((s) => s.words));
    const known = knowledge ? memoised(knowledge) : undefined;
    return document.map((sentence, s): PreparedSentence => ({
      words: sentence.words,
      shapes: sentence.words.map(shortShape),
      gold: spansToTags(spansFromIob(sentence.tags), sentence.words.length),
      statics: staticFeatures(sentence.words, s, context, known).map(
        (names) => new Int32Array(names.map((n) => table.id(n))),
      ),
    }));
  });
}

/**
 * Trains an averaged perceptron (Collins 2002) with the greedy decoder the tagger uses: the
 * features of each word see the tags the model itself chose before it, as they will when tagging.
 */
export function trainNerModel(documents: readonly ConllDocument[], options: NerTrainingOptions): NerModel {
  const table = new GrowingWeights();
  const prepared = prepare(documents, table, options.knowledge);
  const next = random(options.seed);
  const scores = new Float64Array(TAG_COUNT);
  let time = 1;
  for (let iteration = 1; iteration <= options.iterations; iteration++) {
    const started = Date.now();
    let correct = 0;
    let total = 0;
    for (const document of shuffled(prepared, next)) {
      const history: PredictionHistory = new Map();
      for (const sentence of document) {
        const tags: number[] = [];
        for (let i = 0; i < sentence.words.length; i++) {
          const previous = tags[i - 1] ?? OUTSIDE;
          const word = sentence.words[i] as string;
          const dynamic = dynamicFeatures(
            previous,
            tags[i - 2] ?? OUTSIDE,
            sentence.shapes[i] as string,
            history,
            word,
          );
          const rows = Array.from(sentence.statics[i] as Int32Array);
          for (const name of dynamic) rows.push(table.id(name));
          score(table.weights, rows, scores);
          const decision = decide(scores, previous, i === sentence.words.length - 1);
          const guess = decision.tag;
          if (i > 0) tags[i - 1] = decision.previous;
          const gold = sentence.gold[i] as number;
          if (guess !== gold) {
            table.update(rows, gold, 1, time);
            table.update(rows, guess, -1, time);
          } else correct++;
          total++;
          time++;
          tags.push(guess);
        }
        recordHistory(history, sentence.words, labelIndices(tags));
      }
    }
    options.onIteration?.({
      iteration,
      accuracy: correct / total,
      features: table.ids.size,
      seconds: (Date.now() - started) / 1000,
    });
  }
  return {
    features: table.ids,
    weights: table.averaged(time),
    usesKnowledge: options.knowledge !== undefined,
    info: { ...options.info, iterations: options.iterations, seed: options.seed },
  };
}
