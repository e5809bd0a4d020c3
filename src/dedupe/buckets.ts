/**
 * The LSH buckets of a copy index, in typed arrays: for each (band, key) the slots filed under
 * it, newest first, as a chain through `next`. One open-addressing table (linear probing) holds
 * every band's keys. With a JS Map per band, filing and probing took a quarter of the stage's time
 * at 100k articles (millions of entries the garbage collector walks); typed arrays are not walked.
 */
export interface Buckets {
  /** Files `slot` under (band, key) and returns the slot filed there before it, or NONE. */
  file(slot: number, band: number, key: number): number;
  /** The slot filed under the same (band, key) before `slot`, or NONE. */
  next(slot: number, band: number): number;
}

export const NONE = -1;
/** Largest share of table cells in use before the table doubles: linear probing slows beyond. */
const MAX_LOAD = 0.7;
const INITIAL_CELLS = 1 << 12;

export function createBuckets(bands: number): Buckets {
  let mask = INITIAL_CELLS - 1;
  let cellBand = new Int32Array(INITIAL_CELLS).fill(NONE);
  let cellKey = new Int32Array(INITIAL_CELLS);
  let cellHead = new Int32Array(INITIAL_CELLS);
  let used = 0;
  let chain = new Int32Array(bands * 1024);

  /** The cell of (band, key): the one holding it, or the empty one where it belongs. */
  const cellOf = (band: number, key: number): number => {
    let cell = mix(band, key) & mask;
    while (cellBand[cell] !== NONE && (cellBand[cell] !== band || cellKey[cell] !== key))
      cell = (cell + 1) & mask;
    return cell;
  };

  const grow = () => {
    const [bandsBefore, keysBefore, headsBefore] = [cellBand, cellKey, cellHead];
    mask = mask * 2 + 1;
    cellBand = new Int32Array(mask + 1).fill(NONE);
    cellKey = new Int32Array(mask + 1);
    cellHead = new Int32Array(mask + 1);
    for (let old = 0; old < bandsBefore.length; old++) {
      const band = bandsBefore[old] as number;
      if (band === NONE) continue;
      const cell = cellOf(band, keysBefore[old] as number);
      cellBand[cell] = band;
      cellKey[cell] = keysBefore[old] as number;
      cellHead[cell] = headsBefore[old] as number;
    }
  };

  return {
    file(slot, band, key) {
      if ((slot + 1) * bands > chain.length) {
        const longer = new Int32Array(Math.max(chain.length * 2, (slot + 1) * bands));
        longer.set(chain);
        chain = longer;
      }
      if (used + 1 > MAX_LOAD * (mask + 1)) grow();
      const cell = cellOf(band, key | 0);
      let before = NONE;
      if (cellBand[cell] === NONE) {
        cellBand[cell] = band;
        cellKey[cell] = key | 0;
        used++;
      } else {
        before = cellHead[cell] as number;
      }
      cellHead[cell] = slot;
      chain[slot * bands + band] = before;
      return before;
    },
    next(slot, band) {
      return chain[slot * bands + band] as number;
    },
  };
}

function mix(band: number, key: number): number {
  let h = Math.imul(key ^ Math.imul(band + 1, 0x9e3779b9), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
