import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { TAG_COUNT, tagName } from "./tags.js";

/** An averaged-perceptron NER model: one row of TAG_COUNT weights per feature name. */
export interface NerModel {
  readonly features: ReadonlyMap<string, number>;
  /** rows × TAG_COUNT weights, row-major. */
  readonly weights: Float32Array;
  /** Whether the model was trained with knowledge features (place, actor, demonym classes). */
  readonly usesKnowledge: boolean;
  /** What the training script recorded: data, iterations, accuracy. */
  readonly info: Readonly<Record<string, unknown>>;
}

/** data/models/ner/ at the package root, from src/analyze/ner/ or dist/analyze/ner/. */
export const DEFAULT_NER_MODEL_PATH = fileURLToPath(
  new URL("../../../data/models/ner/model.json.gz", import.meta.url),
);

const FORMAT = "parallax-ner";
const VERSION = 1;
/** Weights are stored as 16-bit integers scaled to the largest weight: ample for a linear model. */
const QUANT_MAX = 32767;

interface ModelFile {
  format: string;
  version: number;
  tags: string[];
  usesKnowledge: boolean;
  info: Record<string, unknown>;
  scale: number;
  /** Feature names joined by "\n". */
  features: string;
  /** Base64 of little-endian Int16 weights, rows × tags. */
  weights: string;
}

function expectedTags(): string[] {
  return Array.from({ length: TAG_COUNT }, (_, t) => tagName(t));
}

/** The model as gzipped JSON; weights are quantised, and rows whose weights all round to zero dropped. */
export function serializeNerModel(model: NerModel): Buffer {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / QUANT_MAX;
  const names: string[] = [];
  const rows: Int16Array[] = [];
  for (const [name, row] of model.features) {
    const q = new Int16Array(TAG_COUNT);
    let nonzero = false;
    for (let t = 0; t < TAG_COUNT; t++) {
      q[t] = Math.round((model.weights[row * TAG_COUNT + t] as number) / scale);
      if (q[t] !== 0) nonzero = true;
    }
    if (!nonzero) continue;
    names.push(name);
    rows.push(q);
  }
  const packed = new Int16Array(rows.length * TAG_COUNT);
  rows.forEach((q, r) => packed.set(q, r * TAG_COUNT));
  const file: ModelFile = {
    format: FORMAT,
    version: VERSION,
    tags: expectedTags(),
    usesKnowledge: model.usesKnowledge,
    info: { ...model.info },
    scale,
    features: names.join("\n"),
    weights: Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString("base64"),
  };
  return gzipSync(JSON.stringify(file), { level: 9 });
}

export function deserializeNerModel(bytes: Uint8Array, where = "NER model"): NerModel {
  const file = JSON.parse(gunzipSync(bytes).toString("utf8")) as ModelFile;
  if (file.format !== FORMAT || file.version !== VERSION)
    throw new Error(`${where}: not a version ${VERSION} ${FORMAT} model; retrain with \`npm run train:ner\``);
  if (file.tags.join(",") !== expectedTags().join(","))
    throw new Error(`${where}: its tags differ from this build's; retrain with \`npm run train:ner\``);
  const names = file.features === "" ? [] : file.features.split("\n");
  const raw = Buffer.from(file.weights, "base64");
  const quantised = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  if (quantised.length !== names.length * TAG_COUNT)
    throw new Error(`${where}: weights do not match features`);
  const weights = new Float32Array(quantised.length);
  for (let i = 0; i < quantised.length; i++) weights[i] = (quantised[i] as number) * file.scale;
  return {
    features: new Map(names.map((name, row) => [name, row])),
    weights,
    usesKnowledge: file.usesKnowledge,
    info: file.info,
  };
}

/** Loads the model written by scripts/train-ner.mjs; throws a clear error when it is missing. */
export function loadNerModel(path: string = DEFAULT_NER_MODEL_PATH): NerModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new Error(`NER model not found at ${path}: train it with \`npm run train:ner\``);
  }
  return deserializeNerModel(bytes, path);
}
