import { createRequire } from "node:module";
import http from "node:http";
import https from "node:https";
import { error } from "../ingest/diagnostics.js";
import { addressRule, checkLiteralHost, guardedLookup } from "./address.js";
import { createHostLimiter } from "./host-limiter.js";
import { exchange, type ExchangeResult, type Overflow } from "./request.js";
import {
  enforceRobots,
  parseRobots,
  ROBOTS_MAX_BYTES,
  robotsUrl,
  verdictForFailure,
  verdictForStatus,
  type RobotsVerdict,
} from "./robots.js";
import {
  FetchFailure,
  type FetchedPage,
  type Fetcher,
  type FetchSettings,
  type Validators,
} from "./types.js";

/** What a browser sends for a page navigation: HTML first, anything else accepted. */
export const ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
/** The encodings `exchange` can decode. */
export const ACCEPT_ENCODING = "gzip, deflate, br";
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const NOT_MODIFIED = 304;

/** Defaults of every setting but the user agent, which `defaultUserAgent()` builds when a fetcher is made. */
export const DEFAULT_FETCH_SETTINGS: Readonly<Omit<FetchSettings, "userAgent">> = {
  /** A news page that takes longer than 20 s is a stuck server, not a slow one. */
  timeoutMs: 20_000,
  /** Article pages are well under 2 MB; 10 MiB leaves room for inline images and scripts. */
  maxBodyBytes: 10 * 1024 * 1024,
  /** Browsers allow ~20; real article URLs need one or two (http->https, canonical slug). */
  maxRedirects: 5,
  /** Two connections per host is the old HTTP/1.1 politeness norm (RFC 2616 §8.1.4). */
  perHostConcurrency: 2,
  /** One request start per second per host, unless robots.txt asks for more. */
  perHostIntervalMs: 1000,
  allowPrivate: false,
  respectRobots: true,
};

/** `Parallax/<version> (+homepage; purpose)`: a product token robots.txt can name, and a contact. */
export function defaultUserAgent(): string {
  return `Parallax/${packageVersion()} (+https://github.com/parallax-news/parallax; news cross-checking)`;
}

/** The version in package.json (two levels up from src/fetch and from dist/fetch). */
function packageVersion(): string {
  try {
    const pkg = createRequire(import.meta.url)("../../package.json") as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "0";
  } catch {
    return "0";
  }
}

/** What one followed chain ends with: the last URL and its non-redirect answer. */
interface Final {
  url: URL;
  result: ExchangeResult;
  validatorsSent: boolean;
}

interface FollowOptions {
  checkRobots: boolean;
  conditional: boolean;
  maxBodyBytes: number;
  overflow: Overflow;
}

/**
 * A polite, guarded HTTP client: robots.txt per origin, per-host concurrency and spacing, a
 * deadline and a size cap per request, bounded redirects, conditional requests, and no
 * connection to loopback, private, link-local or metadata addresses (checked on the resolved
 * address of every hop). Failures come back as diagnostics; `fetch` never rejects.
 */
export function createFetcher(settings: Partial<FetchSettings> = {}): Fetcher {
  const given = dropUndefined(settings);
  const config: FetchSettings = {
    ...DEFAULT_FETCH_SETTINGS,
    userAgent: given.userAgent ?? defaultUserAgent(),
    ...given,
  };
  const rule = addressRule(config);
  const lookup = guardedLookup(rule);
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  const limiter = createHostLimiter({
    concurrency: config.perHostConcurrency,
    intervalMs: config.perHostIntervalMs,
  });
  const aborts = new Set<(reason: Error) => void>();
  const robotsByOrigin = new Map<string, Promise<RobotsVerdict>>();
  const closedFailure = new FetchFailure("fetch/network", "the fetcher was closed");
  let closed = false;

  const track = (abort: (reason: Error) => void): (() => void) => {
    aborts.add(abort);
    return () => aborts.delete(abort);
  };

  const headersFor = (validators: Validators | undefined): Record<string, string> => {
    const headers: Record<string, string> = {
      "User-Agent": config.userAgent,
      Accept: ACCEPT,
      "Accept-Encoding": ACCEPT_ENCODING,
    };
    if (validators?.etag) headers["If-None-Match"] = validators.etag;
    if (validators?.lastModified) headers["If-Modified-Since"] = validators.lastModified;
    return headers;
  };

  /** One request to one URL, in its host's queue. */
  const send = async (url: URL, validators: Validators | undefined, options: FollowOptions) => {
    const release = await limiter.acquire(url.hostname);
    try {
      if (closed) throw closedFailure;
      return await exchange({
        url,
        headers: headersFor(validators),
        timeoutMs: config.timeoutMs,
        maxBodyBytes: options.maxBodyBytes,
        overflow: options.overflow,
        lookup,
        agents,
        track,
      });
    } finally {
      release();
    }
  };

  /** Requests `start` and follows redirects; every hop is checked (scheme, address, robots). */
  const follow = async (start: URL, options: FollowOptions): Promise<Final> => {
    let url = start;
    for (let redirects = 0; ; redirects += 1) {
      checkLiteralHost(url, rule);
      if (options.checkRobots) enforceRobots(await robotsFor(url), url);
      const validators = options.conditional ? config.validators?.get(url.href) : undefined;
      const result = await send(url, validators, options);
      if (!REDIRECT_STATUSES.has(result.status))
        return { url, result, validatorsSent: validators !== undefined };
      const location = result.headers.location;
      if (!location) throw statusFailure(result, "a redirect without a Location");
      if (redirects >= config.maxRedirects)
        throw new FetchFailure(
          "fetch/redirects",
          `more than ${config.maxRedirects} redirects (last to ${location})`,
        );
      url = parseHttpUrl(location, url, "redirected to");
    }
  };

  /** The robots.txt verdict of `url`'s origin, fetched once per origin through the same guards. */
  const robotsFor = (url: URL): Promise<RobotsVerdict> => {
    const cached = robotsByOrigin.get(url.origin);
    if (cached) return cached;
    const verdict = readRobots(url);
    robotsByOrigin.set(url.origin, verdict);
    return verdict;
  };

  const readRobots = async (url: URL): Promise<RobotsVerdict> => {
    const options = {
      checkRobots: false,
      conditional: false,
      maxBodyBytes: ROBOTS_MAX_BYTES,
      overflow: "truncate" as const,
    };
    try {
      const { result } = await follow(new URL(robotsUrl(url.origin)), options);
      if (result.status < 200 || result.status >= 300)
        return verdictForStatus(result.status, result.statusText);
      const verdict = parseRobots(url.origin, new TextDecoder().decode(result.bytes));
      if (verdict.kind === "rules" && verdict.crawlDelayMs)
        limiter.raiseInterval(url.hostname, verdict.crawlDelayMs);
      return verdict;
    } catch (err) {
      return verdictForFailure(
        err instanceof FetchFailure ? err : new FetchFailure("fetch/network", String(err)),
      );
    }
  };

  const fetchPage = async (input: string): Promise<FetchedPage> => {
    if (closed) throw closedFailure;
    const start = parseHttpUrl(input, undefined, "cannot fetch");
    const options = {
      checkRobots: config.respectRobots,
      conditional: config.validators !== undefined,
      maxBodyBytes: config.maxBodyBytes,
      overflow: "fail" as const,
    };
    const { url, result, validatorsSent } = await follow(start, options);
    const fetchedAt = new Date().toISOString();
    const contentType = headerValue(result.headers["content-type"]);
    if (result.status === NOT_MODIFIED) {
      if (!validatorsSent) throw statusFailure(result, "304 to a request that was not conditional");
      return {
        url: url.href,
        status: NOT_MODIFIED,
        notModified: true,
        contentType,
        bytes: new Uint8Array(0),
        fetchedAt,
      };
    }
    if (result.status < 200 || result.status >= 300) throw statusFailure(result);
    rememberValidators(url, result);
    return {
      url: url.href,
      status: result.status,
      notModified: false,
      contentType,
      bytes: result.bytes,
      fetchedAt,
    };
  };

  const rememberValidators = (url: URL, result: ExchangeResult): void => {
    const etag = headerValue(result.headers.etag);
    const lastModified = headerValue(result.headers["last-modified"]);
    if (config.validators && (etag || lastModified)) config.validators.set(url.href, { etag, lastModified });
  };

  return {
    async fetch(input) {
      try {
        return { page: await fetchPage(input) };
      } catch (err) {
        const failure = err instanceof FetchFailure ? err : new FetchFailure("fetch/network", String(err));
        return { diagnostic: error(failure.code, failure.message, input) };
      }
    },
    close() {
      if (closed) return;
      closed = true;
      limiter.close(closedFailure);
      for (const abort of [...aborts]) abort(closedFailure);
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** An absolute http(s) URL from `text` (resolved against `base` for a redirect), or "fetch/bad-url". */
function parseHttpUrl(text: string, base: URL | undefined, context: string): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new FetchFailure("fetch/bad-url", `${context} "${oneLine(text)}": not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new FetchFailure(
      "fetch/bad-url",
      `${context} ${oneLine(url.href)}: only http and https are fetched`,
    );
  url.hash = "";
  return url;
}

function statusFailure(result: ExchangeResult, why?: string): FetchFailure {
  const status = `HTTP ${result.status} ${result.statusText}`.trim();
  return new FetchFailure("fetch/http-status", why ? `${status} (${why})` : status);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").slice(0, 200);
}

/** Settings passed as `{timeoutMs: undefined}` keep their defaults. */
function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
