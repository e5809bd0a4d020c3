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

/** One key's articles: dated ones in day order (with their days alongside), then undated ones. */
interface Postings {
  dated: number[];
  days: number[];
  undated: number[];
}

export interface CandidateIndex {
  /** Positions of the articles to compare with article i: those sharing most keys with it first. */
  candidates(i: number): number[];
}

/** Indexes the articles (positions into `articles`) under their keys. */
export function buildCandidateIndex<K>(articles: readonly Indexed<K>[], opts: IndexOptions): CandidateIndex {
  const index = new Map<K, Postings>();
  articles.forEach((a, i) => {
    for (const key of a.keys) {
      let postings = index.get(key);
      if (!postings) index.set(key, (postings = { dated: [], days: [], undated: [] }));
      if (a.day === undefined) postings.undated.push(i);
      else {
        postings.dated.push(i);
        postings.days.push(a.day);
      }
    }
  });
  for (const postings of index.values()) sortByDay(postings);

  // Per-run scratch: how many keys each article shares with the one being looked up.
  const shared = new Int32Array(articles.length);
  const touched: number[] = [];
  const count = (i: number, j: number) => {
    if (j === i) return;
    if (shared[j] === 0) touched.push(j);
    shared[j] = (shared[j] as number) + 1;
  };

  return {
    candidates(i) {
      const a = articles[i] as Indexed<K>;
      const windowDay = a.day ?? a.textDay;
      touched.length = 0;
      for (const key of a.keys) {
        const postings = index.get(key) as Postings;
        scanDated(postings, windowDay, opts, (j) => count(i, j));
        if (postings.undated.length <= opts.maxPostings) for (const j of postings.undated) count(i, j);
      }
      const best = mostShared(touched, shared, opts.maxCandidates);
      for (const j of touched) shared[j] = 0;
      return best;
    },
  };
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

/**
 * The key's dated articles within the window around `day`, unless more than the cap are; with no
 * day at all, every dated article when no more than the cap hold the key.
 */
function scanDated(
  postings: Postings,
  day: number | undefined,
  opts: IndexOptions,
  visit: (j: number) => void,
): void {
  const { dated, days } = postings;
  let from = 0;
  let to = dated.length;
  if (day !== undefined) {
    from = lowerBound(days, day - opts.maxDaysApart);
    to = lowerBound(days, day + opts.maxDaysApart + 1);
  }
  if (to - from > opts.maxWindowPostings) return;
  for (let k = from; k < to; k++) visit(dated[k] as number);
}

/** First position in the sorted `values` holding a value >= `target`. */
function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Articles usually arrive in day order already; this makes sure for any caller. */
function sortByDay(postings: Postings): void {
  const { dated, days } = postings;
  let sorted = true;
  for (let k = 1; k < days.length && sorted; k++) sorted = (days[k - 1] as number) <= (days[k] as number);
  if (sorted) return;
  const order = dated.map((_, k) => k).sort((x, y) => (days[x] as number) - (days[y] as number) || x - y);
  postings.dated = order.map((k) => dated[k] as number);
  postings.days = order.map((k) => days[k] as number);
}
