import type { DateValue, Diagnostic, Sourced } from "../model/index.js";
import { splitAuthors } from "./authors.js";
import { collapseWhitespace, sameLine } from "./blocks.js";
import type { MetadataLexicon } from "./data.js";
import { dateFromIso, dateFromText, dateFromUrl } from "./dates.js";
import { blocksOf, type DomDocument, text } from "./dom.js";
import type { Extraction } from "./extraction.js";
import type { ResolvedExtractOptions } from "./options.js";
import { outletFromBoilerplate } from "./outlet.js";

/** What the metadata reader needs from the extraction context. */
export interface MetadataContext {
  options: ResolvedExtractOptions;
  givenUrl?: string;
  input: string;
}

type HtmlMetadata = Pick<
  Extraction,
  "title" | "authors" | "published" | "outlet" | "canonicalUrl" | "declaredLanguage"
>;

/** Reads title, authors, date, outlet, canonical URL and language from the markup alone. */
export function readHtmlMetadata(
  document: DomDocument,
  context: MetadataContext,
  diagnostics: Diagnostic[],
): HtmlMetadata {
  const lexicon = context.options.data.metadata;
  const ld = articleJsonLd(document, lexicon, context.input, diagnostics);
  const canonicalUrl = canonicalOf(document, context.givenUrl);
  const outlet = first<Sourced<string>>([
    sourced(metaContent(document, "og:site_name"), "meta:og:site_name"),
    sourced(nameOf(ld?.publisher), "json-ld:publisher"),
    sourced(metaContent(document, "application-name"), "meta:application-name"),
    outletFromBoilerplate(footerBlocks(document), context.options.data.outlets),
  ]);
  const title = titleOf(document, ld, outlet?.value);
  const published = publishedOf(document, ld, canonicalUrl ?? context.givenUrl);
  const lang = document.documentElement?.getAttribute?.("lang")?.trim();
  return {
    authors: authorsOf(document, ld),
    ...(title ? { title } : {}),
    ...(published ? { published } : {}),
    ...(outlet ? { outlet } : {}),
    ...(canonicalUrl ? { canonicalUrl } : {}),
    ...(lang ? { declaredLanguage: lang } : {}),
  };
}

/** Text blocks of the page footer ("© 2024 The Herald"), read before Readability drops it. */
function footerBlocks(document: DomDocument): string[] {
  const footers = Array.from(document.querySelectorAll('footer, [role="contentinfo"]'));
  return footers.flatMap((footer) => blocksOf(footer, false).paragraphs);
}

type JsonObject = Record<string, unknown>;

/** The JSON-LD object that describes the article (NewsArticle and kin), if the page has one. */
function articleJsonLd(
  document: DomDocument,
  lexicon: MetadataLexicon,
  input: string,
  diagnostics: Diagnostic[],
): JsonObject | undefined {
  const objects: JsonObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      objects.push(...flattenJsonLd(JSON.parse(script.textContent ?? "")));
    } catch {
      diagnostics.push({
        severity: "warning",
        stage: "extract",
        code: "extract/bad-json-ld",
        message: "A JSON-LD script is not valid JSON; it was ignored",
        input,
      });
    }
  }
  const typed = objects.filter((o) => typesOf(o).some((t) => lexicon.articleTypes.has(t)));
  // A generic WebPage describes the page; prefer an object that describes the article itself.
  return typed.find((o) => !typesOf(o).includes("WebPage")) ?? typed[0];
}

function flattenJsonLd(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(flattenJsonLd);
  if (value === null || typeof value !== "object") return [];
  const object = value as JsonObject;
  return [object, ...flattenJsonLd(object["@graph"])];
}

function typesOf(object: JsonObject): string[] {
  const type = object["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

/** A JSON-LD person or organisation as a name: a string, `{name}`, or the first of a list. */
function nameOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === "object") return nameOf((value as JsonObject).name);
  return undefined;
}

function namesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(namesOf);
  const name = nameOf(value);
  return name === undefined ? [] : [name];
}

function titleOf(document: DomDocument, ld: JsonObject | undefined, outlet: string | undefined) {
  const pageTitle = text(document.querySelector("title"));
  return first<Sourced<string>>([
    sourced(typeof ld?.headline === "string" ? ld.headline : undefined, "json-ld"),
    sourced(metaContent(document, "og:title"), "meta:og:title"),
    sourced(metaContent(document, "twitter:title"), "meta:twitter:title"),
    sourced(pageTitle === undefined ? undefined : withoutSiteSuffix(pageTitle, outlet), "html:title"),
    sourced(text(document.querySelector("h1")), "html:h1"),
  ]);
}

/** "Court strikes down map | The Herald" -> "Court strikes down map", when the suffix is the outlet. */
function withoutSiteSuffix(title: string, outlet: string | undefined): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  const last = parts.at(-1);
  if (outlet !== undefined && parts.length > 1 && last !== undefined && sameLine(last, outlet)) {
    return parts.slice(0, -1).join(" - ");
  }
  return title;
}

/** Candidate author names in order of trust; junk is dropped when the article is assembled. */
function authorsOf(document: DomDocument, ld: JsonObject | undefined): Sourced<string>[] {
  const fromLd = namesOf(ld?.author).flatMap(splitAuthors);
  const fromMeta = [metaContent(document, "author"), metaContent(document, "article:author")]
    .filter((v): v is string => v !== undefined && !/^https?:/.test(v))
    .flatMap(splitAuthors);
  const fromRel = Array.from(document.querySelectorAll('[rel="author"]'))
    .map(text)
    .filter((v): v is string => v !== undefined)
    .flatMap(splitAuthors);
  return [
    ...fromLd.map((value) => ({ value, source: "json-ld" })),
    ...fromMeta.map((value) => ({ value, source: "meta:author" })),
    ...fromRel.map((value) => ({ value, source: "rel=author" })),
  ];
}

const PUBLISHED_META = [
  "article:published_time",
  "datePublished",
  "pubdate",
  "publishdate",
  "date",
  "dc.date",
  "dc.date.issued",
];

function publishedOf(
  document: DomDocument,
  ld: JsonObject | undefined,
  url: string | undefined,
): DateValue | undefined {
  const fromLd = typeof ld?.datePublished === "string" ? readDate(ld.datePublished, "json-ld") : undefined;
  if (fromLd) return fromLd;
  for (const name of PUBLISHED_META) {
    const value = metaContent(document, name);
    const date = value === undefined ? undefined : readDate(value, `meta:${name}`);
    if (date) return date;
  }
  const time =
    document.querySelector('time[itemprop="datePublished"]') ??
    document.querySelector("time[pubdate]") ??
    document.querySelector("time[datetime]");
  const datetime = time?.getAttribute?.("datetime");
  const fromTime = datetime ? readDate(datetime, "html:time") : undefined;
  return fromTime ?? (url ? dateFromUrl(url) : undefined);
}

function readDate(value: string, source: string): DateValue | undefined {
  return dateFromIso(value, source) ?? dateFromText(value, source)?.date;
}

function canonicalOf(document: DomDocument, givenUrl: string | undefined): string | undefined {
  const href =
    document.querySelector('link[rel="canonical"]')?.getAttribute?.("href") ??
    metaContent(document, "og:url");
  if (!href) return undefined;
  try {
    const url = givenUrl === undefined ? new URL(href) : new URL(href, givenUrl);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined; // a relative canonical link with no URL to resolve it against
  }
}

function metaContent(document: DomDocument, key: string): string | undefined {
  const element =
    document.querySelector(`meta[property="${key}"]`) ??
    document.querySelector(`meta[name="${key}"]`) ??
    document.querySelector(`meta[itemprop="${key}"]`);
  const value = element?.getAttribute?.("content");
  return value ? collapseWhitespace(value) || undefined : undefined;
}

function sourced(value: string | undefined, source: string): Sourced<string> | undefined {
  const clean = value === undefined ? "" : collapseWhitespace(value);
  return clean === "" ? undefined : { value: clean, source };
}

function first<T>(values: readonly (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}
