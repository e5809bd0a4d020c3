import type { RawInput } from "../ingest/types.js";
import type { Diagnostic } from "../model/index.js";

export type { InputHints as SourceHints, RawInput } from "../ingest/types.js";

/** One unit to ingest, or a unit (or a whole source) that failed; the run goes on either way. */
export type SourceItem = { input: RawInput } | { diagnostic: Diagnostic };

import type { Fetcher } from "../fetch/index.js";
export type { FetchedPage, Fetcher, FetchOutcome } from "../fetch/index.js";

export interface SourceOptions {
  /** Needed for URLs, feeds, sitemaps and URL lists; absent, those fail with a diagnostic. */
  fetcher?: Fetcher;
  /** Cap for one local file read whole; WARC and JSONL stream and are capped per record. */
  maxBytes: number;
  /** Cap per WARC record block and per JSONL line. */
  maxRecordBytes: number;
  /** How many sitemap indexes may sit above a sitemap. */
  maxSitemapDepth: number;
  /** Items taken from one feed or sitemap, in document order. */
  maxFeedItems: number;
  /** Read for "-"; process.stdin when absent. */
  stdin?: NodeJS.ReadableStream | AsyncIterable<Uint8Array>;
}
