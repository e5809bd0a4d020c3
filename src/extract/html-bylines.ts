import type { Element } from "domhandler";
import type { DateValue } from "../model/index.js";
import { type AuthorCheck, isAuthorName, splitAuthors } from "./authors.js";
import { DATE_LANGUAGES, type DateInText, dateFromIso, dateFromText } from "./dates.js";
import type { MetadataHints } from "./metadata-data.js";
import { attribute, type PageIndex, textOf } from "./metadata-dom.js";

/**
 * Bylines and datelines that a page shows as text, found by the class names sites give them
 * (`<span class="author vcard">`, `<div class="post-date">`) and by links to author pages.
 * Comments, sidebars and related-article lists are left out: their names and dates are not
 * the article's.
 */

/** A byline longer than this is a sentence or a biography, not a list of names. */
const BYLINE_MAX_CHARS = 120;
/** More names than this in one byline element is a list of the site's authors, not a credit. */
const BYLINE_MAX_NAMES = 4;
/** A labelled line ("Von Jane Doe") longer than this, read outside byline markup, is a sentence. */
const LABELLED_LINE_MAX_CHARS = 60;
/** Elements whose short text may be a byline line written into the article ("<p>By Jane Doe</p>"). */
const LINE_TAGS = new Set([
  "p",
  "div",
  "span",
  "em",
  "i",
  "b",
  "strong",
  "small",
  "address",
  "cite",
  "font",
  "h4",
  "h5",
  "h6",
  "li",
  "td",
]);
/** A clock time that bylines show beside the date: "13:30", "9.52 am", "@ 12:00 Uhr". */
const CLOCK_TIME = /@?\s*\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:am|pm|uhr|h)\b)?/gi;
/** A date line longer than this is a paragraph that happens to hold a date. */
const DATELINE_MAX_CHARS = 200;

/** Lower-case class and id of an element, joined: what the hint fragments are looked for in. */
export function marks(element: Element): string {
  return `${attribute(element, "class") ?? ""} ${attribute(element, "id") ?? ""}`.toLowerCase();
}

/** Whether an element's class or id marks the date of the last change (and not also the publication). */
export function marksModified(element: Element, hints: MetadataHints): boolean {
  const own = marks(element);
  return hasAny(own, hints.modifiedClassWords) && !hasAny(own, hints.publishedClassWords);
}

export function hasAny(text: string, fragments: readonly string[]): boolean {
  return fragments.some((fragment) => text.includes(fragment));
}

/**
 * Whether the element or one of its ancestors is a comment thread, a sidebar, a related list...
 * The page's `frame` (body, the headline's containers) is never one, whatever its classes say.
 */
export function inExcludedContainer(
  element: Element,
  hints: MetadataHints,
  frame: ReadonlySet<Element>,
): boolean {
  return hasAncestor(element, (node) => {
    if (frame.has(node)) return false;
    return node.name === "aside" || node.name === "nav" || hasAny(marks(node), hints.containerExcludeWords);
  });
}

/** Whether the element sits in readers' comments. */
export function inCommentThread(
  element: Element,
  hints: MetadataHints,
  frame: ReadonlySet<Element>,
): boolean {
  return hasAncestor(element, (node) => !frame.has(node) && hasAny(marks(node), hints.threadExcludeWords));
}

function hasAncestor(element: Element, test: (node: Element) => boolean): boolean {
  for (let node: Element | null = element; node; node = node.parent as Element | null) {
    if (node.type !== "tag" && node.type !== "script" && node.type !== "style") return false;
    if (test(node)) return true;
  }
  return false;
}

/** Names of the first byline element (innermost first) that holds valid names. */
export function bylineNames(page: PageIndex, hints: MetadataHints, check: AuthorCheck): string[] {
  const isByline = (element: Element): boolean => {
    const own = marks(element);
    return hasAny(own, hints.bylineClassWords) && !hasAny(own, hints.bylineSelfExcludeWords);
  };
  const bylines = page.elements.filter(
    (e) => e.name !== "meta" && e.name !== "link" && e.name !== "body" && e.name !== "html" && isByline(e),
  );
  const innermost = bylines.filter((e) => !bylines.some((other) => other !== e && contains(e, other)));
  for (const element of innermost) {
    if (inExcludedContainer(element, hints, page.frame)) continue;
    const names = namesIn(textOf(element), hints, check);
    if (names.length > 0) return names;
  }
  return [];
}

/** Text of links to an author's page (`/author/jane-doe/`), outside comments and sidebars. */
export function authorLinkNames(page: PageIndex, hints: MetadataHints, check: AuthorCheck): string[] {
  for (const element of page.elements) {
    if (element.name !== "a") continue;
    const href = attribute(element, "href")?.toLowerCase();
    if (href === undefined || !hasAny(href, hints.authorUrlPaths)) continue;
    if (inExcludedContainer(element, hints, page.frame)) continue;
    const names = namesIn(textOf(element), hints, check);
    if (names.length > 0) return names;
  }
  return [];
}

/** The names in a byline's text, its label ("By", "von", "Autor:") and date left out. */
export function namesIn(text: string | undefined, hints: MetadataHints, check: AuthorCheck): string[] {
  if (text === undefined || text.length > BYLINE_MAX_CHARS) return [];
  const names = splitAuthors(withoutLabel(withoutDate(text), hints.bylineLabels));
  if (names.length > BYLINE_MAX_NAMES) return [];
  return names.filter((name) => isAuthorName(name, check));
}

/**
 * A byline without the date and time it also shows, and the separators left around them:
 * "Posted on May 2, 2020 by Jane Doe" -> "Posted on by Jane Doe", "06.11.2023 13:30 von Olga" -> "von Olga".
 */
export function withoutDate(text: string): string {
  const found = dateFromText(text, "byline");
  const rest = found ? `${text.slice(0, found.index)} ${text.slice(found.index + found.length)}` : text;
  return rest
    .replace(CLOCK_TIME, " ")
    .replace(/^[\s|,–—•·/-]+|[\s|,–—•·/-]+$/g, "")
    .replace(/\s+/g, " ");
}

/**
 * Names from a short line that starts with a byline label but carries no byline markup:
 * "<p>Von Jane Doe</p>", "<em>Por Agencia EFE</em>", "Autorin: Jane Doe", after any date.
 * Headings above h4 are left out: "Von der Leyen ..." is a headline.
 */
export function labelledLineNames(page: PageIndex, hints: MetadataHints, check: AuthorCheck): string[] {
  for (const element of page.elements) {
    if (!LINE_TAGS.has(element.name)) continue;
    const text = textOf(element);
    if (text === undefined || text.length > LABELLED_LINE_MAX_CHARS) continue;
    const line = withoutDate(text);
    if (withoutLabel(line, hints.bylineLabels) === line) continue;
    if (inExcludedContainer(element, hints, page.frame)) continue;
    const names = namesIn(line, hints, check);
    if (names.length > 0) return names;
  }
  return [];
}

/** A byline without its label: "Written by Jane Doe" -> "Jane Doe". */
export function withoutLabel(text: string, labels: readonly string[]): string {
  let rest = text.trim();
  // Twice: "Posted by" + "Autor:" rarely stack deeper.
  for (let round = 0; round < 2; round++) {
    const lower = rest.toLowerCase();
    const label = labels.find((l) => lower.startsWith(l) && /^(?:\s|:|$)/.test(rest.slice(l.length)));
    if (label === undefined) break;
    rest = rest
      .slice(label.length)
      .replace(/^\s*:?\s*/, "")
      .trim();
  }
  return rest;
}

/**
 * A date in a short line, read in the page's language first, then in the others: pages often
 * declare no language, or the wrong one.
 */
function shownDate(
  text: string,
  language: string | undefined,
  maxIndex = Number.POSITIVE_INFINITY,
): DateValue | undefined {
  const found = shownDateInText(text, language);
  return found && found.index <= maxIndex ? found.date : undefined;
}

function contains(ancestor: Element, node: Element): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

/**
 * The first date shown in an element marked as a date line (`class="post-date"`), outside
 * comments and sidebars, and not marked as the date of the last change.
 */
export function datelineDate(
  page: PageIndex,
  hints: MetadataHints,
  language: string | undefined,
): DateValue | undefined {
  for (const element of page.elements) {
    if (element.name === "meta" || element.name === "script" || element.name === "style") continue;
    const own = marks(element);
    if (!hasAny(own, hints.datelineClassWords) || marksModified(element, hints)) continue;
    const text = textOf(element);
    if (text === undefined || text.length > DATELINE_MAX_CHARS) continue;
    if (inExcludedContainer(element, hints, page.frame)) continue;
    const date = dateFromIso(text, "html:dateline") ?? shownDate(text, language);
    if (date && !date.value.startsWith("XXXX")) return date;
  }
  return undefined;
}

/** A date label further into an element's text than this is a paragraph mentioning a publication. */
const LABELLED_DATE_MAX_CHARS = 80;
/** Characters allowed between a date label and its date (": ", " den "). */
const LABEL_DATE_GAP = 6;

/**
 * The first date written right after a date label in a short line of text, outside comments
 * and sidebars: "Veröffentlicht am 16.08.2019", "Stand: 5. Februar 2020", "Published on May 2, 2020".
 */
export function labelledDate(
  page: PageIndex,
  hints: MetadataHints,
  language: string | undefined,
): DateValue | undefined {
  for (const element of page.elements) {
    if (!LINE_TAGS.has(element.name) && element.name !== "time") continue;
    const text = textOf(element);
    if (text === undefined) continue;
    const after = afterDateLabel(text, hints.dateLabels);
    if (after === undefined || inExcludedContainer(element, hints, page.frame)) continue;
    const date =
      dateFromIso(after.split(" ")[0] ?? "", "html:date-label") ?? shownDate(after, language, LABEL_DATE_GAP);
    if (date && !date.value.startsWith("XXXX")) return { ...date, source: "html:date-label" };
  }
  return undefined;
}

/** The text after the first date label that stands as a word ("Stand:", not "Standort"). */
function afterDateLabel(text: string, labels: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  for (const label of labels) {
    const at = lower.indexOf(label);
    if (at < 0 || at > LABELLED_DATE_MAX_CHARS) continue;
    const before = at === 0 ? " " : lower.charAt(at - 1);
    const next = lower.charAt(at + label.length);
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(next)) continue;
    return text.slice(at + label.length).replace(/^[\s:,-]+/, "");
  }
  return undefined;
}

/** Elements after (and before) the headline searched for a line that is only a date. */
const HEADLINE_WINDOW_AFTER = 60;
const HEADLINE_WINDOW_BEFORE = 15;
/** A line longer than this is more than a date with a place or a separator. */
const DATE_LINE_MAX_CHARS = 48;
/** The date must fill this share of the line: "02.02.2022 •", "Hamburg, 2. November 2021". */
const DATE_LINE_MIN_SHARE = 0.4;

/**
 * A line near the headline that is only a date ("24. April 2020 |", "Hamburg, 2. November 2021"):
 * pages without markup for their date line still set it just above or below the `<h1>`.
 */
export function dateNearHeadline(
  page: PageIndex,
  hints: MetadataHints,
  language: string | undefined,
): DateValue | undefined {
  const at = page.elements.findIndex((e) => e.name === "h1" && !inExcludedContainer(e, hints, page.frame));
  if (at < 0) return undefined;
  const after = page.elements.slice(at, at + HEADLINE_WINDOW_AFTER);
  const before = page.elements.slice(Math.max(0, at - HEADLINE_WINDOW_BEFORE), at).reverse();
  for (const element of [...after, ...before]) {
    if (element.name === "script" || element.name === "style") continue;
    const text = textOf(element);
    if (text === undefined || text.length > DATE_LINE_MAX_CHARS) continue;
    const date = shownDateInText(text, language);
    if (date === undefined || date.length < text.length * DATE_LINE_MIN_SHARE) continue;
    if (date.date.value.startsWith("XXXX") || inExcludedContainer(element, hints, page.frame)) continue;
    return { ...date.date, source: "html:date-line" };
  }
  return undefined;
}

/** The first date found reading the text in the page's language, then in the others. */
function shownDateInText(text: string, language: string | undefined): DateInText | undefined {
  for (const each of [...new Set([language?.slice(0, 2).toLowerCase() ?? "en", ...DATE_LANGUAGES])]) {
    const found = dateFromText(text, "html:dateline", each);
    if (found) return found;
  }
  return undefined;
}
