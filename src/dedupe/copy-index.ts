import { createHash } from "node:crypto";
import type { Article, CopyGroup } from "../model/index.js";
import { createBuckets, NONE } from "./buckets.js";
import { type CopyDetectorOptions, resolveCopyDetectorOptions } from "./options.js";
import { createSigner, estimateSimilarity } from "./signature.js";

/**
 * An LSH index of article texts that can grow: each added article is compared only with the
 * articles that share a band of its MinHash signature, never with all of them. It holds one
 * signature per distinct text (exact copies share it) and a union-find of verified pairs.
 */
export interface CopyIndex {
  /** Adds articles; an id already in the index is skipped (the first text given for it stays). */
  add(articles: Iterable<Article>): void;
  /** Number of articles added. */
  readonly size: number;
  /** The copy group of every article that has copies, by article id. */
  groups(): Map<string, CopyGroup>;
}

/** Decimals kept of a similarity: the estimate moves in steps of 1/numHashes anyway. */
const SIMILARITY_DECIMALS = 3;
const NO_SLOT = NONE;

export function createCopyIndex(options: Partial<CopyDetectorOptions> = {}): CopyIndex {
  const opts = resolveCopyDetectorOptions(options);
  const sign = createSigner(opts);
  const width = opts.numHashes;

  // Per article (entry): id, when published, and which distinct text it carries.
  const ids: string[] = [];
  const published: number[] = [];
  const slotOfEntry: number[] = [];
  const entryOfId = new Map<string, number>();
  // Per distinct text (slot): its signature and its union-find parent.
  const slotOfText = new Map<string, number>();
  let signatures = new Uint32Array(width * 64);
  const parent: number[] = [];
  const buckets = createBuckets(opts.bands);

  const signatureOf = (slot: number) => signatures.subarray(slot * width, (slot + 1) * width);

  const find = (slot: number): number => {
    let root = slot;
    while (parent[root] !== root) root = parent[root] as number;
    for (let s = slot; s !== root;) {
      const next = parent[s] as number;
      parent[s] = root;
      s = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const newSlot = (values: Uint32Array): number => {
    const slot = parent.length;
    if ((slot + 1) * width > signatures.length) {
      const grown = new Uint32Array(signatures.length * 2);
      grown.set(signatures);
      signatures = grown;
    }
    signatures.set(values, slot * width);
    parent.push(slot);
    return slot;
  };

  /** Files the slot in its bands and verifies it against every slot filed with it in one. */
  const link = (slot: number) => {
    const values = signatureOf(slot);
    const keys = bandKeys(values, opts.bands, opts.rows);
    let checked: Set<number> | undefined;
    for (let band = 0; band < opts.bands; band++) {
      for (
        let other = buckets.file(slot, band, keys[band] as number);
        other !== NONE;
        other = buckets.next(other, band)
      ) {
        if (find(other) === find(slot) || checked?.has(other)) continue;
        (checked ??= new Set()).add(other);
        if (estimateSimilarity(values, signatureOf(other)) >= opts.threshold) union(slot, other);
      }
    }
  };

  const addOne = (article: Article) => {
    if (entryOfId.has(article.id)) return;
    const entry = ids.length;
    ids.push(article.id);
    published.push(publishedTime(article));
    entryOfId.set(article.id, entry);
    const textKey = article.contentHash || sha256(article.text);
    const known = slotOfText.get(textKey);
    if (known !== undefined) {
      slotOfEntry.push(known);
      return;
    }
    const signature = sign(article.text);
    if (signature.words < opts.minWords) {
      // Short texts are remembered as short, so their exact copies are skipped quickly too.
      slotOfText.set(textKey, NO_SLOT);
      slotOfEntry.push(NO_SLOT);
      return;
    }
    const slot = newSlot(signature.values);
    slotOfText.set(textKey, slot);
    slotOfEntry.push(slot);
    link(slot);
  };

  const groups = (): Map<string, CopyGroup> => {
    const components = new Map<number, number[]>();
    for (let entry = 0; entry < ids.length; entry++) {
      const slot = slotOfEntry[entry] as number;
      if (slot === NO_SLOT) continue;
      const root = find(slot);
      const members = components.get(root);
      if (members) members.push(entry);
      else components.set(root, [entry]);
    }
    const byId = new Map<string, CopyGroup>();
    for (const entries of components.values()) {
      if (entries.length < 2) continue;
      entries.sort(
        (a, b) => (published[a] as number) - (published[b] as number) || compareIds(ids[a], ids[b]),
      );
      const firstSlot = slotOfEntry[entries[0] as number] as number;
      const members = entries.map((e) => ids[e] as string);
      for (const entry of entries) {
        const slot = slotOfEntry[entry] as number;
        const exact = slot === firstSlot;
        byId.set(ids[entry] as string, {
          id: members[0] as string,
          match: exact ? "exact" : "near",
          similarity: exact ? 1 : round(estimateSimilarity(signatureOf(firstSlot), signatureOf(slot))),
          members: [...members],
        });
      }
    }
    return byId;
  };

  return {
    add(articles) {
      for (const article of articles) addOne(article);
    },
    get size() {
      return ids.length;
    },
    groups,
  };
}

/** One 32-bit key per band, mixing the band's `rows` signature values; a collision only adds a candidate. */
function bandKeys(values: Uint32Array, bands: number, rows: number): Uint32Array {
  const keys = new Uint32Array(bands);
  for (let band = 0; band < bands; band++) {
    let h = rows;
    for (let r = band * rows; r < (band + 1) * rows; r++) {
      h = Math.imul(h ^ (values[r] as number), 0x5bd1e995);
      h ^= h >>> 15;
    }
    keys[band] = h;
  }
  return keys;
}

/** A date-time without a zone, read as UTC so that the order is the same on every machine. */
const ZONELESS_TIME = /T\d\d:\d\d(:\d\d(\.\d+)?)?$/;

/** Milliseconds of the published date, for ordering; an unknown or year-less date sorts last. */
function publishedTime(article: Article): number {
  const value = article.published?.value;
  if (value === undefined) return Number.POSITIVE_INFINITY;
  const time = Date.parse(ZONELESS_TIME.test(value) ? `${value}Z` : value);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/** Plain code-unit order, so ids sort the same on every machine and locale. */
function compareIds(a: string | undefined, b: string | undefined): number {
  return a === b ? 0 : (a ?? "") < (b ?? "") ? -1 : 1;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function round(value: number): number {
  const scale = 10 ** SIMILARITY_DECIMALS;
  return Math.round(value * scale) / scale;
}
