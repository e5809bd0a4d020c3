import { createHash } from "node:crypto";
import { eld } from "eld/small";
import {
  type Article,
  type DateValue,
  type Diagnostic,
  emptyAnnotations,
  type SourceDocument,
  type Sourced,
} from "../model/index.js";
import { cleanAuthors, fullerNames, hostOf } from "./authors.js";
import { dateFromIso, dateFromText, dateFromUrl } from "./dates.js";
import type { Extraction } from "./extraction.js";
import type { ResolvedExtractOptions } from "./options.js";
import { outletFromUrl } from "./outlet.js";

/** Hex digits kept from a SHA-256 for an id: 16 (64 bits) never collide in any plausible corpus. */
const ID_HEX_LENGTH = 16;

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * A stable article id: the id the source gives, else a hash of the canonical URL (so the same
 * page fetched twice keeps its id even if its text changed), else a hash of the clean text.
 */
export function articleId(parts: { givenId?: string; url?: string; contentHash: string }): string {
  const given = parts.givenId?.trim();
  if (given) return given;
  const url = parts.url === undefined ? undefined : normaliseUrl(parts.url);
  if (url) return sha256(url).slice(0, ID_HEX_LENGTH);
  return parts.contentHash.slice(0, ID_HEX_LENGTH);
}

/** Lower-case scheme and host, no fragment, no trailing slash: spellings of one page agree. */
function normaliseUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === "") return undefined;
  try {
    const parsed = new URL(trimmed);
    parsed.hash = "";
    return parsed.href.replace(/\/$/, "");
  } catch {
    return trimmed;
  }
}

/**
 * Builds the Article from what a reader found: the source record's values win (source
 * "record"), authors lose their junk, the language is detected, and problems become diagnostics.
 */
export function assembleArticle(
  doc: SourceDocument,
  extraction: Extraction,
  options: ResolvedExtractOptions,
): Article {
  const diagnostics: Diagnostic[] = [...extraction.diagnostics];
  const input = doc.origin.locator;
  const text = extraction.paragraphs.join("\n\n");
  const contentHash = sha256(text);
  const given = doc.given;
  const url = nonEmpty(given.url) ?? extraction.canonicalUrl;

  const outlet = recordValue(given.outlet) ?? extraction.outlet ?? outletFromUrl(url);
  const title = recordValue(given.title) ?? extraction.title ?? hintValue(doc.hints?.title);
  const published =
    givenDate(given.published, input, diagnostics) ??
    extraction.published ??
    hintDate(doc.hints?.published) ??
    urlDate(url);
  const authors = authorsOf(given.authors, extraction.authors, { outlet: outlet?.value, url }, options);
  const language = languageOf(text, extraction.declaredLanguage, options);

  if (text === "") {
    diagnostics.push({
      severity: "error",
      stage: "extract",
      code: "extract/empty-body",
      message: "No article text is left after removing boilerplate",
      input,
    });
  }

  return {
    id: articleId({ givenId: given.id, url: extraction.canonicalUrl ?? url, contentHash }),
    origin: doc.origin,
    ...(url ? { url } : {}),
    ...(outlet ? { outlet } : {}),
    ...(title ? { title } : {}),
    authors,
    ...(published ? { published } : {}),
    ...(extraction.modified ? { modified: extraction.modified } : {}),
    ...(language ? { language } : {}),
    text,
    contentHash,
    removed: extraction.removed,
    credits: extraction.credits,
    extractedBy: { stage: "extract", method: extraction.method },
    diagnostics,
    annotations: emptyAnnotations(),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function recordValue(value: string | undefined): Sourced<string> | undefined {
  const trimmed = nonEmpty(value);
  return trimmed === undefined ? undefined : { value: trimmed, source: "record" };
}

function givenDate(
  value: string | undefined,
  input: string,
  diagnostics: Diagnostic[],
): DateValue | undefined {
  const trimmed = nonEmpty(value);
  if (trimmed === undefined) return undefined;
  const date = dateFromIso(trimmed, "record") ?? dateFromText(trimmed, "record")?.date;
  if (!date) {
    diagnostics.push({
      severity: "warning",
      stage: "extract",
      code: "extract/bad-given-date",
      message: `The record's published date "${trimmed}" could not be read; the page's own date is used`,
      input,
    });
  }
  return date;
}

/** Where a feed's or sitemap's value came from when the page had none. */
const HINT_SOURCE = "container";

function hintValue(value: string | undefined): Sourced<string> | undefined {
  const trimmed = nonEmpty(value);
  return trimmed === undefined ? undefined : { value: trimmed, source: HINT_SOURCE };
}

/** A feed's date: a bad one is simply not used (the feed is not the user's record). */
function hintDate(value: string | undefined): DateValue | undefined {
  const trimmed = nonEmpty(value);
  if (trimmed === undefined) return undefined;
  return dateFromIso(trimmed, HINT_SOURCE) ?? dateFromText(trimmed, HINT_SOURCE)?.date;
}

function urlDate(url: string | undefined): DateValue | undefined {
  return url === undefined ? undefined : dateFromUrl(url);
}

/**
 * The record's authors, else the names of the most trusted source that gives any: sources
 * (JSON-LD, a meta tag, a byline) disagree in spelling and extent, and a union of them would
 * list one person twice or add a site's "related authors".
 */
/** Sources read from markup, where a one-word user name is a real author field, not stray text. */
const MARKUP_SOURCE = /^(?:json-ld|meta:|microdata:|html:)/;

function authorsOf(
  given: readonly string[] | undefined,
  found: readonly Sourced<string>[],
  site: { outlet: string | undefined; url: string | undefined },
  options: ResolvedExtractOptions,
): Sourced<string>[] {
  const fromRecord = (given ?? []).map((v) => v.trim()).filter((v) => v !== "");
  if (fromRecord.length > 0) return fromRecord.map((value) => ({ value, source: "record" }));
  const host = hostOf(site.url);
  const check = {
    lexicon: options.data.metadata,
    maxWords: options.authorMaxWords,
    ...(site.outlet ? { outlet: site.outlet } : {}),
    ...(host ? { host } : {}),
  };
  const bySource = [...new Set(found.map((a) => a.source))].map((source) => {
    const values = found.filter((a) => a.source === source).map((a) => a.value);
    return { source, names: cleanAuthors(values, { ...check, allowHandles: MARKUP_SOURCE.test(source) }) };
  });
  const chosen = bySource.find((s) => s.names.length > 0);
  if (chosen === undefined) return [];
  const others = bySource.filter((s) => s !== chosen).flatMap((s) => s.names);
  return fullerNames(chosen.names, others).map((value) => ({ value, source: chosen.source }));
}

/** eld when it is sure; else the language the page declares; else none. */
function languageOf(
  text: string,
  declared: string | undefined,
  options: ResolvedExtractOptions,
): Sourced<string> | undefined {
  if (text.length >= options.languageMinChars) {
    const result = eld.detect(text);
    if (result.language !== "" && result.isReliable()) return { value: result.language, source: "eld" };
  }
  const primary = declared?.split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2}$/.test(primary) ? { value: primary, source: "html:lang" } : undefined;
}
