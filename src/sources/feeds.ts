import { type AnyNode, type Element, isTag } from "domhandler";
import { getChildren, textContent } from "domutils";
import { parseDocument } from "htmlparser2";

/**
 * Feeds (RSS 2.0, RSS 1.0/RDF, Atom) and sitemaps (urlset with Google News fields, sitemapindex)
 * to the URLs they list, in document order. Pure: text in, items out; fetching is the caller's.
 */

export type XmlKind = "feed" | "sitemap" | "sitemapindex" | "none";

export interface FeedItem {
  url: string;
  title?: string;
  /** ISO 8601: kept as written when already ISO, else converted (RFC 822 dates of RSS). */
  published?: string;
  guid?: string;
}

export interface SitemapEntry {
  url: string;
  title?: string;
  published?: string;
  lastmod?: string;
}

export type Sitemap =
  { kind: "urlset"; entries: SitemapEntry[] } | { kind: "sitemapindex"; sitemaps: string[] };

/** The root of a feed or sitemap is within the first few kilobytes (after a prolog and comments). */
export const XML_SNIFF_CHARS = 4096;
const KIND_OF_ROOT: Readonly<Record<string, XmlKind>> = {
  rss: "feed",
  rdf: "feed",
  feed: "feed",
  urlset: "sitemap",
  sitemapindex: "sitemapindex",
};

/** The local name (no prefix, lower case) of the first element, skipping prolog, comments, doctype. */
export function xmlRootName(text: string): string | undefined {
  let rest = text.slice(0, XML_SNIFF_CHARS).replace(/^\uFEFF/, "");
  for (;;) {
    rest = rest.trimStart();
    const skipped = /^(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>)/i.exec(rest);
    if (skipped === null) break;
    rest = rest.slice(skipped[0].length);
  }
  const name = /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
  return name === undefined ? undefined : localName(name);
}

/** Feed, sitemap, sitemap index or none of them, by the root element. */
export function classifyXml(text: string): XmlKind {
  const root = xmlRootName(text);
  return (root !== undefined && KIND_OF_ROOT[root]) || "none";
}

function localName(name: string): string {
  return (name.split(":").pop() ?? name).toLowerCase();
}

export interface ParseOptions {
  /** The feed's own URL: relative links resolve against it. */
  baseUrl?: string;
  maxItems: number;
}

/** The items of an RSS or Atom feed; links that are not absolute-able http(s) URLs are dropped. */
export function parseFeed(text: string, options: ParseOptions): FeedItem[] {
  const document = parseDocument(text, { xmlMode: true });
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const element of elementsNamed(document.children, ["item", "entry"])) {
    const item = feedItem(element, options.baseUrl);
    if (item === undefined || seen.has(item.url)) continue;
    seen.add(item.url);
    items.push(item);
    if (items.length >= options.maxItems) break;
  }
  return items;
}

function feedItem(element: Element, baseUrl: string | undefined): FeedItem | undefined {
  const guid = childText(element, "guid") ?? childText(element, "id");
  const link = itemLink(element, guid);
  const url = link === undefined ? undefined : absoluteHttpUrl(link, baseUrl);
  if (url === undefined) return undefined;
  const published =
    childText(element, "pubdate") ??
    childText(element, "published") ??
    childText(element, "date") ?? // dc:date (RSS 1.0)
    childText(element, "updated");
  return withDefined<FeedItem>({
    url,
    title: childText(element, "title"),
    published: isoDate(published),
    guid,
  });
}

/** RSS <link>text</link>, Atom <link rel="alternate" href>, RDF rdf:about, a permalink guid. */
function itemLink(element: Element, guid: string | undefined): string | undefined {
  for (const child of childElements(element)) {
    if (localName(child.name) !== "link") continue;
    const href = child.attribs.href;
    const rel = child.attribs.rel ?? "alternate";
    if (href !== undefined && rel === "alternate") return href.trim();
    const text = textContent(child).trim();
    if (href === undefined && text !== "") return text;
  }
  const about = element.attribs["rdf:about"];
  if (about) return about;
  const permalink = childElements(element).find((c) => localName(c.name) === "guid")?.attribs.isPermaLink;
  // Only an absolute guid is a link: "12345" resolved against the feed URL would be a guess.
  return guid !== undefined && permalink !== "false" && /^https?:\/\//i.test(guid) ? guid : undefined;
}

/** A urlset's pages, or a sitemap index's sitemaps. */
export function parseSitemap(text: string, options: ParseOptions): Sitemap {
  const document = parseDocument(text, { xmlMode: true });
  if (classifyXml(text) === "sitemapindex") {
    const sitemaps = uniqueUrls(
      elementsNamed(document.children, ["sitemap"]).map((el) => childText(el, "loc")),
      options,
    );
    return { kind: "sitemapindex", sitemaps };
  }
  const entries: SitemapEntry[] = [];
  const seen = new Set<string>();
  for (const element of elementsNamed(document.children, ["url"])) {
    const loc = childText(element, "loc");
    const url = loc === undefined ? undefined : absoluteHttpUrl(loc, options.baseUrl);
    if (url === undefined || seen.has(url)) continue;
    seen.add(url);
    const news = childElements(element).find((c) => localName(c.name) === "news");
    entries.push(
      withDefined<SitemapEntry>({
        url,
        title: news && childText(news, "title"),
        published: isoDate(news && childText(news, "publication_date")),
        lastmod: isoDate(childText(element, "lastmod")),
      }),
    );
    if (entries.length >= options.maxItems) break;
  }
  return { kind: "urlset", entries };
}

function uniqueUrls(locs: (string | undefined)[], options: ParseOptions): string[] {
  const urls = new Set<string>();
  for (const loc of locs) {
    const url = loc === undefined ? undefined : absoluteHttpUrl(loc, options.baseUrl);
    if (url !== undefined) urls.add(url);
    if (urls.size >= options.maxItems) break;
  }
  return [...urls];
}

/** Elements with one of these local names, in document order, not looking inside a match. */
function elementsNamed(nodes: readonly AnyNode[], names: readonly string[]): Element[] {
  const found: Element[] = [];
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isTag(node)) continue;
    if (names.includes(localName(node.name))) found.push(node);
    else stack.push(...[...node.children].reverse());
  }
  return found;
}

function childElements(element: Element): Element[] {
  return getChildren(element).filter(isTag);
}

function childText(element: Element, name: string): string | undefined {
  const child = childElements(element).find((c) => localName(c.name) === name);
  const text = child === undefined ? "" : textContent(child).replace(/\s+/g, " ").trim();
  return text === "" ? undefined : text;
}

/** An absolute http(s) URL, or undefined (mailto:, javascript:, unparseable, relative without a base). */
export function absoluteHttpUrl(link: string, baseUrl: string | undefined): string | undefined {
  try {
    const url = new URL(link.trim(), baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const ISO_DATE = /^\d{4}-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?$/;

/** ISO dates as written (their offset is information); RFC 822 and others through Date. */
export function isoDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (ISO_DATE.test(trimmed)) return trimmed;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The value without its undefined fields, so results compare and serialise cleanly. */
function withDefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
