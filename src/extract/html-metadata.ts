import type { Document, Element } from "domhandler";
import type { DateValue, Diagnostic, Sourced } from "../model/index.js";
import { type AuthorCheck, hostOf, splitAuthors } from "./authors.js";
import { collapseWhitespace } from "./blocks.js";
import { dateFromIso, dateFromText, dateFromUrl, dateInZone } from "./dates.js";
import type { Extraction } from "./extraction.js";
import {
  authorLinkNames,
  bylineNames,
  datelineDate,
  inCommentThread,
  dateNearHeadline,
  inExcludedContainer,
  labelledDate,
  labelledLineNames,
  marksModified,
  withoutLabel,
} from "./html-bylines.js";
import { type JsonLd, nameOf, namesOf, readJsonLd, stringOf, typesOf } from "./json-ld.js";
import {
  attribute,
  attributeTokens,
  blockTexts,
  indexPage,
  metaValue,
  type PageIndex,
  rawText,
  textOf,
} from "./metadata-dom.js";
import type { MetadataHints, ZoneHints } from "./metadata-data.js";
import type { ResolvedExtractOptions } from "./options.js";
import { outletFromBoilerplate } from "./outlet.js";
import { titleOf } from "./html-title.js";

/** What the metadata reader needs from the extraction context. */
export interface MetadataContext {
  options: ResolvedExtractOptions;
  givenUrl?: string;
  input: string;
  /** Class names of bylines and datelines, from `loadMetadataHints()`, loaded once where the extractor is built. */
  hints: MetadataHints;
}

export type HtmlMetadata = Pick<
  Extraction,
  "title" | "authors" | "published" | "modified" | "outlet" | "canonicalUrl" | "declaredLanguage"
>;

/**
 * Reads title, authors, published and modified dates, outlet, canonical URL and language from
 * the markup alone (htmlparser2's DOM; the document is only read). Each value says where it
 * came from.
 */
export function readHtmlMetadata(
  document: Document,
  context: MetadataContext,
  diagnostics: Diagnostic[],
): HtmlMetadata {
  const page = indexPage(document);
  const lexicon = context.options.data.metadata;
  const hints = context.hints;
  const scripts = page.elements
    .filter((e) => attribute(e, "type")?.toLowerCase() === "application/ld+json")
    .map(rawText);
  const ld = readJsonLd(scripts, lexicon.articleTypes, () =>
    diagnostics.push({
      severity: "warning",
      stage: "extract",
      code: "extract/bad-json-ld",
      message: "A JSON-LD script is not valid JSON; it was ignored",
      input: context.input,
    }),
  );
  const canonicalUrl = canonicalOf(page, context.givenUrl);
  const url = canonicalUrl ?? context.givenUrl;
  const outlet = first<Sourced<string>>([
    sourced(metaValue(page, "og:site_name"), "meta:og:site_name"),
    sourced(nameOf(ld, ld.article?.publisher), "json-ld:publisher"),
    sourced(websiteName(ld), "json-ld:website"),
    sourced(metaValue(page, "application-name"), "meta:application-name"),
    outletFromBoilerplate(footerBlocks(page), context.options.data.outlets),
  ]);
  const title = titleOf(page, {
    declared: [
      sourced(stringOf(ld.article?.headline), "json-ld:headline"),
      sourced(metaValue(page, "og:title"), "meta:og:title"),
      sourced(metaValue(page, "twitter:title"), "meta:twitter:title"),
      sourced(textOf(page.elements.find((e) => e.name === "title")), "html:title"),
    ].filter((t): t is Sourced<string> => t !== undefined),
    sites: siteNames(outlet?.value, url),
    hints,
  });
  const lang = languageOf(page);
  const zone = zoneOf(url, lang, metaValue(page, "og:locale"), hints.zones);
  const published = publishedOf(page, ld, url, hints, lang, zone);
  const modified = modifiedOf(page, ld, zone);
  const check: AuthorCheck = {
    lexicon,
    maxWords: context.options.authorMaxWords,
    allowHandles: true,
    ...(outlet ? { outlet: outlet.value } : {}),
    ...(hostOf(url) ? { host: hostOf(url) } : {}),
  };
  return {
    authors: authorsOf(page, ld, hints, check),
    ...(title ? { title } : {}),
    ...(published ? { published } : {}),
    ...(modified ? { modified } : {}),
    ...(outlet ? { outlet } : {}),
    ...(canonicalUrl ? { canonicalUrl } : {}),
    ...(lang ? { declaredLanguage: lang } : {}),
  };
}

/** Text blocks of the page footer ("© 2024 The Herald"), read before the body reader drops it. */
function footerBlocks(page: PageIndex): string[] {
  return page.elements
    .filter((e) => e.name === "footer" || attribute(e, "role") === "contentinfo")
    .flatMap(blockTexts);
}

function websiteName(ld: JsonLd): string | undefined {
  const site = ld.objects.find((o) => typesOf(o).includes("WebSite"));
  return site ? nameOf(ld, site) : undefined;
}

function languageOf(page: PageIndex): string | undefined {
  const html = page.elements.find((e) => e.name === "html");
  return (
    (html && attribute(html, "lang")) ??
    metaValue(page, "og:locale") ??
    metaValue(page, "content-language") ??
    metaValue(page, "language")
  );
}

// ---------------------------------------------------------------------------------------------
// Title
// ---------------------------------------------------------------------------------------------

/** The names a site may add to its titles: its outlet name and its host name. */
function siteNames(outlet: string | undefined, url: string | undefined): string[] {
  const names = outlet === undefined ? [] : [outlet];
  const host = hostOf(url);
  if (host !== undefined) names.push(host, host.replace(/\.[a-z.]+$/, ""));
  return names;
}

// ---------------------------------------------------------------------------------------------
// Authors
// ---------------------------------------------------------------------------------------------

/** Meta tags that hold author names (not URLs), in order of trust. */
const AUTHOR_META = [
  "author",
  "article:author",
  "parsely-author",
  "sailthru.author",
  "dc.creator",
  "dcterms.creator",
  "byl",
  "citation_author",
];

/** Candidate author names in order of trust; junk is dropped when the article is assembled. */
function authorsOf(page: PageIndex, ld: JsonLd, hints: MetadataHints, check: AuthorCheck): Sourced<string>[] {
  const candidates: Sourced<string>[] = [];
  const add = (values: readonly string[], source: string): void => {
    for (const value of values.flatMap((v) => splitAuthors(withoutLabel(v, hints.bylineLabels)))) {
      candidates.push({ value, source });
    }
  };
  add(namesOf(ld, ld.article?.author), "json-ld:author");
  for (const key of AUTHOR_META) {
    add(
      (page.meta.get(key) ?? []).filter((v) => !/^https?:/.test(v)),
      `meta:${key}`,
    );
  }
  add(itempropAuthors(page), "microdata:author");
  add(
    page.elements
      .filter(
        (e) => attributeTokens(e, "rel").includes("author") && !inExcludedContainer(e, hints, page.frame),
      )
      .map(textOf)
      .filter((v): v is string => v !== undefined),
    "html:rel-author",
  );
  add(bylineNames(page, hints, check), "html:byline");
  add(authorLinkNames(page, hints, check), "html:author-link");
  add(labelledLineNames(page, hints, check), "html:byline-line");
  return candidates;
}

/** `<span itemprop="author">` (or its `itemprop="name"` child) outside `<meta>`. */
function itempropAuthors(page: PageIndex): string[] {
  return page.elements
    .filter((e) => e.name !== "meta" && attributeTokens(e, "itemprop").includes("author"))
    .map((e) => {
      const name = e.children.length > 0 ? findItemprop(e, "name") : undefined;
      return name ?? textOf(e);
    })
    .filter((v): v is string => v !== undefined);
}

function findItemprop(root: Element, prop: string): string | undefined {
  for (const child of root.children) {
    if (child.type !== "tag" && child.type !== "script" && child.type !== "style") continue;
    const element = child as Element;
    if (attributeTokens(element, "itemprop").includes(prop)) {
      return attribute(element, "content") ?? textOf(element);
    }
    const deeper = findItemprop(element, prop);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** Meta tags that give the publication date, most specific first. */
const PUBLISHED_META = [
  "article:published_time",
  "og:article:published_time",
  "article:published",
  "og:published_time",
  "published_time",
  "datepublished",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date.created",
  "dcterms.created",
  "dc.date",
  "dcterms.date",
  "citation_publication_date",
  "citation_date",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "publication_date",
  "article.published",
  "original-publish-date",
  "date",
];

/** Meta tags that give the date of the last change. */
const MODIFIED_META = [
  "article:modified_time",
  "og:article:modified_time",
  "article:modified",
  "og:updated_time",
  "modified_time",
  "datemodified",
  "dc.date.modified",
  "dcterms.modified",
  "last-modified",
  "lastmod",
  "revised",
];

/**
 * Machine-readable dates first (JSON-LD, meta, microdata, `<time>`), then a day in the URL, then
 * a date line shown on the page; a month in the URL only when the page shows no day.
 */
function publishedOf(
  page: PageIndex,
  ld: JsonLd,
  url: string | undefined,
  hints: MetadataHints,
  language: string | undefined,
  zone: string | undefined,
): DateValue | undefined {
  const machine =
    ldDate(ld, "datePublished", zone) ??
    ldDate(ld, "dateCreated", zone) ??
    metaDate(page, PUBLISHED_META, zone) ??
    itempropDate(page, "datepublished", zone) ??
    timeDate(page, hints, zone);
  if (machine) return machine;
  const fromUrl = url ? dateFromUrl(url) : undefined;
  if (fromUrl?.precision === "day") return fromUrl;
  const shown =
    datelineDate(page, hints, language) ??
    labelledDate(page, hints, language) ??
    dateNearHeadline(page, hints, language);
  if (shown && (fromUrl === undefined || shown.value.startsWith(fromUrl.value))) return shown;
  return fromUrl ?? shown;
}

function modifiedOf(page: PageIndex, ld: JsonLd, zone: string | undefined): DateValue | undefined {
  return (
    ldDate(ld, "dateModified", zone) ??
    metaDate(page, MODIFIED_META, zone) ??
    itempropDate(page, "datemodified", zone)
  );
}

function ldDate(ld: JsonLd, key: string, zone: string | undefined): DateValue | undefined {
  const value = stringOf(ld.article?.[key]);
  return value === undefined ? undefined : readDate(value, `json-ld:${key}`, zone);
}

function metaDate(page: PageIndex, keys: readonly string[], zone: string | undefined): DateValue | undefined {
  for (const key of keys) {
    for (const value of page.meta.get(key) ?? []) {
      const date = readDate(value, `meta:${key}`, zone);
      if (date) return date;
    }
  }
  return undefined;
}

/** `<time itemprop="datePublished" datetime>`, `<span itemprop="datePublished" content>` or its text. */
function itempropDate(page: PageIndex, prop: string, zone: string | undefined): DateValue | undefined {
  for (const element of page.elements) {
    if (element.name === "meta" || !attributeTokens(element, "itemprop").includes(prop)) continue;
    const value = attribute(element, "datetime") ?? attribute(element, "content") ?? textOf(element);
    const date = value === undefined ? undefined : elementDate(element, value, `microdata:${prop}`, zone);
    if (date) return date;
  }
  return undefined;
}

/**
 * `<time pubdate>`, else the first `<time datetime>` of the article (or of the page), leaving
 * out comments, sidebars and times marked as the last change.
 */
function timeDate(page: PageIndex, hints: MetadataHints, zone: string | undefined): DateValue | undefined {
  const times = page.elements.filter(
    (e) => e.name === "time" && attribute(e, "datetime") !== undefined && !marksModified(e, hints),
  );
  // `pubdate` says "this dates the article" outright: only a comment thread overrules it.
  const marked = times.filter((e) => "pubdate" in e.attribs && !inCommentThread(e, hints, page.frame));
  const plain = times.filter((e) => !inExcludedContainer(e, hints, page.frame));
  for (const time of [...marked, ...plain.filter(insideArticle), ...plain]) {
    const date = elementDate(time, attribute(time, "datetime") ?? "", "html:time", zone);
    if (date) return date;
  }
  return undefined;
}

function insideArticle(element: Element): boolean {
  for (let node = element.parent; node; node = node.parent) {
    if (node.type === "tag" && (node as Element).name === "article") return true;
  }
  return false;
}

/** Days apart within which a date an element shows is the same moment as its machine value. */
const SHOWN_DAY_TOLERANCE = 1;
const DAY_MS = 86_400_000;

/**
 * The machine date of an element that also shows a date (`<time datetime="…T23:07+00:00">26/12/2019</time>`):
 * the day shown, when it is a day away from the machine value's, is what readers saw; a site
 * whose clock is set to UTC writes the night's stories into the next day.
 */
function elementDate(
  element: Element,
  value: string,
  source: string,
  zone: string | undefined,
): DateValue | undefined {
  const machine = readDate(value, source, zone);
  if (machine === undefined || machine.precision === "day") return machine;
  const shown = textOf(element);
  const day = shown === undefined || shown === value ? undefined : dateFromText(shown, source)?.date;
  if (day === undefined || day.value.startsWith("XXXX")) return machine;
  const apart =
    Math.abs(Date.parse(day.value.slice(0, 10)) - Date.parse(machine.value.slice(0, 10))) / DAY_MS;
  return apart > 0 && apart <= SHOWN_DAY_TOLERANCE
    ? { value: day.value.slice(0, 10), precision: "day", source }
    : machine;
}

/** A machine date; a UTC timestamp is read in the outlet's zone when that is known. */
function readDate(value: string, source: string, zone?: string): DateValue | undefined {
  const local = zone === undefined ? undefined : dateInZone(value, zone, source);
  return local ?? dateFromIso(value, source) ?? dateFromText(value, source)?.date;
}

/**
 * The zone the outlet's readers live in: the country of the host's TLD ("example.com.ar"), else
 * the region of the page's language ("de-AT", og:locale "en_US"), else a language spoken in one
 * zone ("de"). Undefined when unknown: UTC timestamps are then read as written.
 */
function zoneOf(
  url: string | undefined,
  language: string | undefined,
  locale: string | undefined,
  zones: ZoneHints,
): string | undefined {
  const labels = (hostOf(url) ?? "").split(".");
  const tld = labels.at(-1) ?? "";
  const byHost = labels.length > 1 ? zones.countryZones.get(tld) : undefined;
  if (byHost !== undefined) return byHost;
  for (const tag of [language, locale]) {
    const region = tag?.split(/[-_]/)[1]?.toLowerCase();
    const byRegion = region === undefined ? undefined : zones.countryZones.get(region);
    if (byRegion !== undefined) return byRegion;
  }
  const primary = language?.split(/[-_]/)[0]?.toLowerCase();
  return primary === undefined ? undefined : zones.languageZones.get(primary);
}

// ---------------------------------------------------------------------------------------------
// URL and helpers
// ---------------------------------------------------------------------------------------------

function canonicalOf(page: PageIndex, givenUrl: string | undefined): string | undefined {
  const link = page.elements.find(
    (e) => e.name === "link" && attributeTokens(e, "rel").includes("canonical"),
  );
  const href = (link && attribute(link, "href")) ?? metaValue(page, "og:url");
  if (!href) return undefined;
  try {
    const url = givenUrl === undefined ? new URL(href) : new URL(href, givenUrl);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined; // a relative canonical link with no URL to resolve it against
  }
}

function sourced(value: string | undefined, source: string): Sourced<string> | undefined {
  const clean = value === undefined ? "" : collapseWhitespace(value);
  return clean === "" ? undefined : { value: clean, source };
}

function first<T>(values: readonly (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}
