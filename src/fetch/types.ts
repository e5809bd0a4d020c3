import type { Diagnostic } from "../model/index.js";

/** How a fetcher behaves; `createFetcher` fills what is left out from DEFAULT_FETCH_SETTINGS. */
export interface FetchSettings {
  userAgent: string;
  /** The whole of one HTTP request, from connecting to the last body byte. */
  timeoutMs: number;
  /** Decoded body size past which the download is aborted with "fetch/too-large". */
  maxBodyBytes: number;
  maxRedirects: number;
  /** Requests in flight to one host at a time. */
  perHostConcurrency: number;
  /** Minimum time between request starts to one host; robots.txt Crawl-delay wins when larger. */
  perHostIntervalMs: number;
  /**
   * False: never connect to loopback, private, link-local, CGNAT, unique-local, metadata,
   * unspecified, multicast or reserved addresses.
   */
  allowPrivate: boolean;
  respectRobots: boolean;
  /** Tests only: decides per resolved address instead of the default rule (e.g. allow 127.0.0.1 only). */
  addressAllowed?: (address: string, family: 4 | 6) => boolean;
  /** Where ETag / Last-Modified are kept between fetches, for conditional requests. */
  validators?: ValidatorCache;
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface ValidatorCache {
  get(url: string): Validators | undefined;
  set(url: string, v: Validators): void;
}

export interface FetchedPage {
  /** The final URL, after redirects. */
  url: string;
  /** 2xx, or 304 when notModified. */
  status: number;
  notModified: boolean;
  contentType?: string;
  /** Decoded (Content-Encoding removed) body; empty when notModified. */
  bytes: Uint8Array;
  /** ISO time the response arrived. */
  fetchedAt: string;
}

export type FetchOutcome = { page: FetchedPage } | { diagnostic: Diagnostic };

export interface Fetcher {
  fetch(url: string): Promise<FetchOutcome>;
  /** Aborts what is in flight and waiting, frees sockets and timers; later fetches fail. */
  close(): void;
}

/** Stable diagnostic codes of the fetcher. */
export type FetchCode =
  | "fetch/blocked-address"
  | "fetch/robots"
  | "fetch/timeout"
  | "fetch/http-status"
  | "fetch/too-large"
  | "fetch/redirects"
  | "fetch/network"
  | "fetch/bad-url";

/** A failure inside the fetcher; `createFetcher` turns it into a diagnostic and never throws it. */
export class FetchFailure extends Error {
  constructor(
    readonly code: FetchCode,
    message: string,
  ) {
    super(message);
    this.name = "FetchFailure";
  }
}
