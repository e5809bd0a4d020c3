/**
 * The inverted index that finds the articles worth comparing with each article. It is time-aware,
 * so that the work per article stays bounded however many articles a run holds: a dated article
 * looks only at the articles dated within the window around its day, and a key shared by many of
 * those is skipped like a stopword (inside one week it tells no story apart).
 */

/** What the index needs to know of one article. */
export interface Indexed<K = string> {
  /** Keys it is indexed under (actors, places, rarest words). */
  keys: readonly K[];
  /** Published day (day number), else undefined. */
  day?: number;
  /** The day its text dates most: the window of an article published on no known day. */
  textDay?: number;
}

export interface IndexOptions {
  /** Days either side of an article's day within which candidates are looked for. */
  maxDaysApart: number;
  /** A key held by more dated articles than this inside an article's window is skipped for it. */
  maxWindowPostings: number;
  /** A key held by more undated articles than this is not scanned for undated partners. */
  maxPostings: number;
  /** At most this many candidates (those sharing most keys) are returned per article. */
  maxCandidates: number;
}

export interface CandidateIndex {
  /** Positions of the articles to compare with article i: those sharing most keys with it first. */
  candidates(i: number): number[];
}

/**
 * The postings of every key end to end, in flat typed arrays (a run at 100k articles holds
 * millions of postings; a few arrays keep them out of the collector's way): key k's dated
 * articles, in day order, are articles[start[k]] to articles[datedEnd[k]] (days alongside), its
 * undated ones follow up to articles[start[k + 1]].
 */
interface Postings {
  start: Int32Array;
  datedEnd: Int32Array;
  articles: Int32Array;
  days: Float64Array;
}

/** Indexes the articles (positions into `articles`) under their keys. */
export function buildCandidateIndex<K>(articles: readonly Indexed<K>[], opts: IndexOptions): CandidateIndex {
  const keyIds = numberKeys(articles);
  const postings = buildPostings(articles, keyIds);
  // Only each article's window day is kept of the articles themselves (not their arrays of keys).
  const windowDays = articles.map((a) => a.day ?? a.textDay);

  // Per-run scratch: how many keys each article shares with the one being looked up.
  const shared = new Int32Array(articles.length);
  const touched: number[] = [];
  const count = (from: number, to: number, i: number) => {
    for (let k = from; k < to; k++) {
      const j = postings.articles[k] as number;
      if (j === i) continue;
      if (shared[j] === 0) touched.push(j);
      shared[j] = (shared[j] as number) + 1;
    }
  };

  return {
    candidates(i) {
      const windowDay = windowDays[i];
      touched.length = 0;
      for (let k = keyIds.start[i] as number; k < (keyIds.start[i + 1] as number); k++) {
        const key = keyIds.keys[k] as number;
        const [from, to] = datedWindow(postings, key, windowDay, opts);
        if (to - from <= opts.maxWindowPostings) count(from, to, i);
        const undated = postings.datedEnd[key] as number;
        const end = postings.start[key + 1] as number;
        if (end - undated <= opts.maxPostings) count(undated, end, i);
      }
      const best = mostShared(touched, shared, opts.maxCandidates);
      for (const j of touched) shared[j] = 0;
      return best;
    },
  };
}

/** Every article's keys as numbers from 0, end to end: article i's are keys[start[i]] to keys[start[i + 1]]. */
interface NumberedKeys {
  start: Int32Array;
  keys: Int32Array;
  /** How many distinct keys there are. */
  count: number;
}

function numberKeys<K>(articles: readonly Indexed<K>[]): NumberedKeys {
  const keyNumber = new Map<K, number>();
  const start = new Int32Array(articles.length + 1);
  articles.forEach((a, i) => (start[i + 1] = (start[i] as number) + a.keys.length));
  const keys = new Int32Array(start[articles.length] as number);
  articles.forEach((a, i) =>
    a.keys.forEach((key, k) => {
      let id = keyNumber.get(key);
      if (id === undefined) keyNumber.set(key, (id = keyNumber.size));
      keys[(start[i] as number) + k] = id;
    }),
  );
  return { start, keys, count: keyNumber.size };
}

/** Lays out every key's postings: dated articles in day order (ties in position order), then undated. */
function buildPostings<K>(articles: readonly Indexed<K>[], keyIds: NumberedKeys): Postings {
  const keyCount = keyIds.count;
  const dated = new Int32Array(keyCount);
  const undated = new Int32Array(keyCount);
  articles.forEach((a, i) => {
    const counts = a.day === undefined ? undated : dated;
    for (let k = keyIds.start[i] as number; k < (keyIds.start[i + 1] as number); k++) {
      const key = keyIds.keys[k] as number;
      counts[key] = (counts[key] as number) + 1;
    }
  });
  const start = new Int32Array(keyCount + 1);
  const datedEnd = new Int32Array(keyCount);
  for (let key = 0; key < keyCount; key++) {
    datedEnd[key] = (start[key] as number) + (dated[key] as number);
    start[key + 1] = (datedEnd[key] as number) + (undated[key] as number);
  }
  const total = start[keyCount] as number;
  const postings: Postings = {
    start,
    datedEnd,
    articles: new Int32Array(total),
    days: new Float64Array(total),
  };
  // Fill cursors: dated[key] and undated[key] become the next free slot of each part.
  for (let key = 0; key < keyCount; key++) {
    dated[key] = start[key] as number;
    undated[key] = datedEnd[key] as number;
  }
  articles.forEach((a, i) => {
    for (let k = keyIds.start[i] as number; k < (keyIds.start[i + 1] as number); k++) {
      const key = keyIds.keys[k] as number;
      const cursor = a.day === undefined ? undated : dated;
      const at = cursor[key] as number;
      cursor[key] = at + 1;
      postings.articles[at] = i;
      postings.days[at] = a.day ?? 0;
    }
  });
  for (let key = 0; key < keyCount; key++) sortByDay(postings, start[key] as number, datedEnd[key] as number);
  return postings;
}

/**
 * The range of the key's dated postings within the window around `day`; with no day at all,
 * every dated posting (the caller skips either when more than the cap hold the key).
 */
function datedWindow(
  { start, datedEnd, days }: Postings,
  key: number,
  day: number | undefined,
  opts: IndexOptions,
): [from: number, to: number] {
  const from = start[key] as number;
  const to = datedEnd[key] as number;
  if (day === undefined) return [from, to];
  return [
    lowerBound(days, from, to, day - opts.maxDaysApart),
    lowerBound(days, from, to, day + opts.maxDaysApart + 1),
  ];
}

/**
 * The `limit` articles sharing most keys (ties: earlier first). Counts are small integers, so a
 * histogram finds the lowest count still needed and only articles reaching it are sorted.
 */
function mostShared(touched: readonly number[], shared: Int32Array, limit: number): number[] {
  let most = 0;
  for (const j of touched) most = Math.max(most, shared[j] as number);
  const histogram = new Int32Array(most + 1);
  for (const j of touched) histogram[shared[j] as number] = (histogram[shared[j] as number] as number) + 1;
  let cut = most;
  for (let taken = histogram[most] as number; taken < limit && cut > 1;) taken += histogram[--cut] as number;
  return touched
    .filter((j) => (shared[j] as number) >= cut)
    .sort((x, y) => (shared[y] as number) - (shared[x] as number) || x - y)
    .slice(0, limit);
}

/** First position in days[from, to) (sorted) holding a value >= `target`. */
function lowerBound(days: Float64Array, from: number, to: number, target: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Articles usually arrive in day order already; this makes sure for any caller. */
function sortByDay({ articles, days }: Postings, from: number, to: number): void {
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++) sorted = (days[k - 1] as number) <= (days[k] as number);
  if (sorted) return;
  const order = Array.from({ length: to - from }, (_, k) => from + k).sort(
    (x, y) => (days[x] as number) - (days[y] as number) || (articles[x] as number) - (articles[y] as number),
  );
  const sortedArticles = order.map((k) => articles[k] as number);
  const sortedDays = order.map((k) => days[k] as number);
  articles.set(sortedArticles, from);
  days.set(sortedDays, from);
}
