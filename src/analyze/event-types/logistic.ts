import { mulberry32 } from "../../common/random.js";

/**
 * Multinomial logistic regression (softmax) over weighted binary features, trained by a fixed
 * number of passes of stochastic gradient descent in a seeded order: the same examples always give
 * the same weights. Each example's feature vector is scaled to unit length, so a long news sentence
 * with many words is not more confident than a short one for that reason alone.
 */

export interface LinearModel {
  /** The labels, in the order of `scores`. */
  labels: string[];
  /** One unnormalised log score per label. */
  scores(features: readonly string[]): number[];
}

export interface LogisticOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  bias: boolean;
  /** The value of a present feature before normalisation (default 1). */
  valueOf?: (feature: string) => number;
}

/** A sentence as indices of known features and their values, scaled to unit length. */
interface Encoded {
  label: number;
  indices: number[];
  values: number[];
}

/** Seed of the pass order; any fixed number does, it only has to be the same every run. */
const ORDER_SEED = 0x5eed;
/** Classes whose predicted probability is already this close to the target are not updated (speed). */
const NEGLIGIBLE_GRADIENT = 1e-3;
/** Epochs after which the step size has halved. */
const DECAY_EPOCHS = 4;

export function trainLogistic(
  examples: readonly { label: string; features: readonly string[] }[],
  options: LogisticOptions,
): LinearModel {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const vocabulary = [...new Set(examples.flatMap((e) => e.features))].sort();
  const featureIndex = new Map(vocabulary.map((f, i) => [f, i] as const));
  const valueOf = options.valueOf ?? (() => 1);
  const encode = (features: readonly string[]): Omit<Encoded, "label"> => {
    const unique = [...new Set(features)];
    const norm = Math.sqrt(unique.reduce((sum, f) => sum + valueOf(f) ** 2, 0)) || 1;
    const known = unique.filter((f) => featureIndex.has(f));
    return {
      indices: known.map((f) => featureIndex.get(f) as number),
      values: known.map((f) => valueOf(f) / norm),
    };
  };
  const encoded: Encoded[] = examples.map((e) => ({ label: labels.indexOf(e.label), ...encode(e.features) }));
  const classes = labels.length;
  const weights = new Float64Array(vocabulary.length * classes);
  const bias = new Float64Array(classes);
  const next = mulberry32(ORDER_SEED);
  const random = () => next() / 2 ** 32;

  const scores = new Float64Array(classes);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.learningRate / (1 + epoch / DECAY_EPOCHS);
    const decay = 1 - rate * options.l2;
    for (const index of shuffledIndices(encoded.length, random)) {
      const example = encoded[index] as Encoded;
      fillLogits(scores, weights, bias, example);
      softmaxInPlace(scores);
      // scores now hold probabilities; step against the gradient of the log loss, plus L2 decay.
      for (let c = 0; c < classes; c++) {
        const gradient = (scores[c] as number) - (c === example.label ? 1 : 0);
        if (Math.abs(gradient) < NEGLIGIBLE_GRADIENT) continue;
        const step = rate * gradient;
        for (let k = 0; k < example.indices.length; k++) {
          const at = (example.indices[k] as number) * classes + c;
          weights[at] = (weights[at] as number) * decay - step * (example.values[k] as number);
        }
        if (options.bias) bias[c] = (bias[c] as number) - step;
      }
    }
  }

  return {
    labels,
    scores(features) {
      const out = new Float64Array(classes);
      fillLogits(out, weights, bias, { label: -1, ...encode(features) });
      return Array.from(out);
    },
  };
}

function fillLogits(out: Float64Array, weights: Float64Array, bias: Float64Array, example: Encoded): void {
  const classes = out.length;
  out.set(bias);
  for (let k = 0; k < example.indices.length; k++) {
    const row = (example.indices[k] as number) * classes;
    const value = example.values[k] as number;
    for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + (weights[row + c] as number) * value;
  }
}

function softmaxInPlace(scores: Float64Array): void {
  const max = Math.max(...scores);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp((scores[c] as number) - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) / sum;
}

function shuffledIndices(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}
