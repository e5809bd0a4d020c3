import { readFile, stat } from "node:fs/promises";
import { error } from "../ingest/diagnostics.js";
import type { Diagnostic } from "../model/index.js";
import { classifyXml, parseFeed, parseSitemap, XML_SNIFF_CHARS, xmlRootName } from "./feeds.js";
import { isJsonlPath, jsonlSource } from "./jsonl.js";
import { listPaths, notFound } from "./paths.js";
import type { FetchedPage, RawInput, SourceHints, SourceItem, SourceOptions } from "./types.js";
import { parseUrlList, mayBeUrlList } from "./url-list.js";
import { warcSource } from "./warc.js";

export type { FeedItem, Sitemap, SitemapEntry, XmlKind } from "./feeds.js";
export { absoluteHttpUrl, classifyXml, isoDate, parseFeed, parseSitemap, xmlRootName } from "./feeds.js";
export { parseUrlList } from "./url-list.js";
export { readWarcFile, type WarcItem, type WarcRecord } from "./warc.js";
export {
  warcResponse,
  type WarcRecordSpec,
  type WarcResponseOptions,
  writeWarcRecord,
} from "./warc-writer.js";
export type {
  FetchedPage,
  Fetcher,
  FetchOutcome,
  RawInput,
  SourceHints,
  SourceItem,
  SourceOptions,
} from "./types.js";

/** The argument that means standard input, as in most Unix tools. */
export const STDIN_ARG = "-";
export const STDIN_LOCATOR = "stdin";

export const DEFAULT_SOURCE_OPTIONS: Readonly<Omit<SourceOptions, "fetcher" | "stdin">> = {
  // A scraped page is well under 5 MB; a file read whole past 64 MiB is a dump, not a page.
  maxBytes: 64 * 1024 * 1024,
  // A WARC record or JSONL line of a news page is far below this; bigger ones are media or dumps.
  maxRecordBytes: 16 * 1024 * 1024,
  // News sitemaps nest one or two indexes deep; deeper nesting is a loop or a trap.
  maxSitemapDepth: 3,
  // A feed lists tens of items and a news sitemap at most 1,000 (Google's limit for news).
  maxFeedItems: 1000,
};

const URL_ARG = /^https?:\/\//i;
/** Extensions that promise a feed or sitemap: such a file that is neither is an error, not a page. */
const FEED_EXTENSION = /\.(rss|atom|xml)$/i;
/** Content types that promise a feed or sitemap when fetched. */
const FEED_CONTENT_TYPE = /^(application|text)\/([\w.+-]*\+)?xml\b/i;

/** What one run of openSources shares: the options and the URLs already requested (each once). */
interface Run {
  options: SourceOptions;
  requested: Set<string>;
}

/**
 * Command-line arguments to units, in a deterministic order: local files first (sorted by code
 * units, once each), then URLs in argument order, then stdin. Containers stream one record at a
 * time; URLs, feeds, sitemaps and URL lists are fetched one after another through the fetcher.
 * A failure is a diagnostic item for that unit or source; the others still come out.
 */
export async function* openSources(
  args: readonly string[],
  options: Partial<SourceOptions> = {},
): AsyncGenerator<SourceItem> {
  const run: Run = { options: checkOptions({ ...DEFAULT_SOURCE_OPTIONS, ...options }), requested: new Set() };
  const urls = [...new Set(args.filter((arg) => URL_ARG.test(arg)))];
  const listing = await listPaths(args.filter((arg) => arg !== STDIN_ARG && !URL_ARG.test(arg)));
  for (const diagnostic of listing.diagnostics) yield { diagnostic };
  for (const path of listing.paths) yield* fileSource(path, run);
  for (const url of urls) yield* urlSource(url, run, 0);
  if (args.includes(STDIN_ARG))
    yield await readStdin(run.options.stdin ?? process.stdin, run.options.maxBytes);
}

function checkOptions(options: SourceOptions): SourceOptions {
  for (const name of ["maxBytes", "maxRecordBytes", "maxFeedItems"] as const) {
    const value = options[name];
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`openSources: "${name}" must be a positive integer; got ${String(value)}`);
  }
  if (!Number.isInteger(options.maxSitemapDepth) || options.maxSitemapDepth < 0)
    throw new Error(
      `openSources: "maxSitemapDepth" must be a whole number; got ${String(options.maxSitemapDepth)}`,
    );
  return options;
}

/** One local file: a WARC, a JSONL file, a feed or sitemap, a URL list, or a page. */
async function* fileSource(path: string, run: Run): AsyncGenerator<SourceItem> {
  const { maxBytes, maxRecordBytes } = run.options;
  if (/\.warc(\.gz)?$/i.test(path)) return yield* warcSource(path, { maxRecordBytes });
  if (isJsonlPath(path)) return yield* jsonlSource(path, { maxRecordBytes });
  const read = await readWhole(path, maxBytes);
  if ("diagnostic" in read) return yield read;
  const { bytes } = read;
  const head = sniffHead(bytes);
  if (head === undefined) return yield page(path, bytes); // binary: the ingester says so
  const kind = classifyXml(head);
  if (kind !== "none") return yield* xmlSource(decodeText(bytes), { name: path }, run, 0);
  if (FEED_EXTENSION.test(path) && xmlRootName(head) !== "html") return yield notAFeed(head, path);
  const urls = mayBeUrlList(head) ? parseUrlList(decodeText(bytes)) : undefined;
  if (urls === undefined) return yield page(path, bytes);
  if (run.options.fetcher === undefined) return yield noFetcher(`a list of ${urls.length} URLs`, path);
  for (const url of urls) yield* urlSource(url, run, 0);
}

/** Stat first: a file over the cap is refused without reading a byte of it. */
async function readWhole(
  path: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array } | { diagnostic: Diagnostic }> {
  try {
    const info = await stat(path);
    if (info.size > maxBytes) return { diagnostic: tooLarge(path, info.size, maxBytes) };
    const bytes = await readFile(path);
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { diagnostic: notFound(path) };
    return { diagnostic: error("ingest/unreadable", `cannot read: ${code ?? String(e)}`, path) };
  }
}

/** The first characters as Latin-1 (roots and URLs are ASCII); undefined when there is a NUL. */
function sniffHead(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, XML_SNIFF_CHARS));
  // UTF-16 text has NULs too; it is rare for feeds and the page path reads it correctly.
  return head.includes(0) ? undefined : head.toString("latin1");
}

/** A URL: fetched; a feed or sitemap by its root is expanded, a URL list followed, else a page. */
async function* urlSource(url: string, run: Run, depth: number): AsyncGenerator<SourceItem> {
  const fetcher = run.options.fetcher;
  if (fetcher === undefined) return yield noFetcher("a URL", url);
  if (run.requested.has(url)) return;
  run.requested.add(url);
  const outcome = await fetcher.fetch(url);
  if ("diagnostic" in outcome) return yield outcome;
  const fetched = outcome.page;
  if (fetched.notModified) return; // unchanged since the last run: nothing new to read
  const head = sniffHead(fetched.bytes);
  if (head === undefined) return yield fetchedPage(fetched, {});
  const text = () => decodeText(fetched.bytes, fetched.contentType);
  if (classifyXml(head) !== "none")
    return yield* xmlSource(text(), { name: url, baseUrl: fetched.url }, run, depth);
  if (promisesFeed(url, fetched.contentType) && xmlRootName(head) !== "html")
    return yield notAFeed(head, url);
  const urls =
    /^text\/plain\b/i.test(fetched.contentType ?? "") && mayBeUrlList(head)
      ? parseUrlList(text())
      : undefined;
  if (urls === undefined) return yield fetchedPage(fetched, {});
  for (const listed of urls) yield* urlSource(listed, run, depth);
}

function promisesFeed(url: string, contentType: string | undefined): boolean {
  return (
    FEED_EXTENSION.test(URL.canParse(url) ? new URL(url).pathname : url) ||
    FEED_CONTENT_TYPE.test(contentType ?? "")
  );
}

interface XmlOrigin {
  /** How the user knows the document: its path or URL. */
  name: string;
  /** Where relative links resolve; absent for a local file. */
  baseUrl?: string;
}

/** A feed or sitemap's pages, fetched in document order; a sitemap index's sitemaps, recursively. */
async function* xmlSource(
  text: string,
  origin: XmlOrigin,
  run: Run,
  depth: number,
): AsyncGenerator<SourceItem> {
  const { maxFeedItems: maxItems, maxSitemapDepth, fetcher } = run.options;
  const parse = { maxItems, ...(origin.baseUrl ? { baseUrl: origin.baseUrl } : {}) };
  if (classifyXml(text) === "feed") {
    const items = parseFeed(text, parse);
    if (items.length > 0 && fetcher === undefined)
      return yield noFetcher(`a feed of ${items.length} items`, origin.name);
    for (const item of items)
      yield* pageSource(item.url, { title: item.title, published: item.published }, run);
    return;
  }
  const sitemap = parseSitemap(text, parse);
  if (sitemap.kind === "urlset") {
    const { entries } = sitemap;
    if (entries.length > 0 && fetcher === undefined)
      return yield noFetcher(`a sitemap of ${entries.length} pages`, origin.name);
    for (const entry of entries)
      yield* pageSource(entry.url, { title: entry.title, published: entry.published }, run);
    return;
  }
  for (const nested of sitemap.sitemaps) {
    if (depth + 1 > maxSitemapDepth) {
      const message = `sitemap index nested deeper than ${maxSitemapDepth} levels; not followed: ${nested}`;
      yield { diagnostic: error("ingest/sitemap-depth", message, origin.name) };
      continue;
    }
    yield* sitemapSource(nested, run, depth + 1);
  }
}

/** A sitemap listed by an index: fetched once, and it must be a sitemap. */
async function* sitemapSource(url: string, run: Run, depth: number): AsyncGenerator<SourceItem> {
  const fetcher = run.options.fetcher;
  if (fetcher === undefined) return yield noFetcher("a sitemap", url);
  if (run.requested.has(url)) return;
  run.requested.add(url);
  const outcome = await fetcher.fetch(url);
  if ("diagnostic" in outcome) return yield outcome;
  if (outcome.page.notModified) return;
  const text = decodeText(outcome.page.bytes, outcome.page.contentType);
  const kind = classifyXml(text);
  if (kind !== "sitemap" && kind !== "sitemapindex") return yield notAFeed(text, url);
  yield* xmlSource(text, { name: url, baseUrl: outcome.page.url }, run, depth);
}

/** A page a feed or sitemap lists: fetched once, kept as a page whatever it holds. */
async function* pageSource(url: string, hints: SourceHints, run: Run): AsyncGenerator<SourceItem> {
  const fetcher = run.options.fetcher;
  if (fetcher === undefined || run.requested.has(url)) return;
  run.requested.add(url);
  const outcome = await fetcher.fetch(url);
  if ("diagnostic" in outcome) return yield outcome;
  if (!outcome.page.notModified) yield fetchedPage(outcome.page, hints);
}

function fetchedPage(fetched: FetchedPage, hints: SourceHints): SourceItem {
  const input: RawInput = {
    locator: fetched.url,
    bytes: fetched.bytes,
    hints: definedHints({ ...hints, url: fetched.url, fetchedAt: fetched.fetchedAt }),
  };
  if (fetched.contentType !== undefined) input.contentType = fetched.contentType;
  return { input };
}

function definedHints(hints: SourceHints): SourceHints {
  return Object.fromEntries(Object.entries(hints).filter(([, v]) => v !== undefined)) as SourceHints;
}

function page(locator: string, bytes: Uint8Array): SourceItem {
  return { input: { locator, bytes } };
}

/**
 * Text of an XML document or URL list: the HTTP charset, else the XML declaration's encoding,
 * else UTF-8 (XML's default). An unknown label falls back to UTF-8 rather than failing.
 */
function decodeText(bytes: Uint8Array, contentType?: string): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200)).toString(
    "latin1",
  );
  const label =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1] ??
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(label ?? "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function notAFeed(text: string, input: string): SourceItem {
  const root = xmlRootName(text);
  const what = root === undefined ? "the content is not XML" : `its root element is <${root}>`;
  return { diagnostic: error("ingest/not-a-feed", `not a feed or sitemap: ${what}`, input) };
}

function noFetcher(what: string, input: string): SourceItem {
  return {
    diagnostic: error("ingest/no-fetcher", `${what} needs fetching, but no fetcher was given`, input),
  };
}

function tooLarge(locator: string, size: number, maxBytes: number, qualifier = ""): Diagnostic {
  return error("ingest/too-large", `${qualifier}${size} bytes, over the limit of ${maxBytes}`, locator);
}

/** Reads stdin up to the size cap; past it, stops reading and refuses the input. */
async function readStdin(
  stream: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<SourceItem> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > maxBytes) return { diagnostic: tooLarge(STDIN_LOCATOR, size, maxBytes, "more than ") };
    chunks.push(bytes);
  }
  return { input: { locator: STDIN_LOCATOR, bytes: Buffer.concat(chunks, size) } };
}
