import type { Element } from "domhandler";
import type { DateValue } from "../model/index.js";
import { type AuthorCheck, isAuthorName, splitAuthors } from "./authors.js";
import { DATE_LANGUAGES, dateFromIso, dateFromText } from "./dates.js";
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
/** A date line longer than this is a paragraph that happens to hold a date. */
const DATELINE_MAX_CHARS = 200;

/** Lower-case class and id of an element, joined: what the hint fragments are looked for in. */
export function marks(element: Element): string {
  return `${attribute(element, "class") ?? ""} ${attribute(element, "id") ?? ""}`.toLowerCase();
}

export function hasAny(text: string, fragments: readonly string[]): boolean {
  return fragments.some((fragment) => text.includes(fragment));
}

/** Whether the element or one of its ancestors is a comment thread, a sidebar, a related list... */
export function inExcludedContainer(element: Element, hints: MetadataHints): boolean {
  return hasAncestor(element, (node) => {
    return node.name === "aside" || node.name === "nav" || hasAny(marks(node), hints.containerExcludeWords);
  });
}

/** Whether the element sits in readers' comments. */
export function inCommentThread(element: Element, hints: MetadataHints): boolean {
  return hasAncestor(element, (node) => hasAny(marks(node), hints.threadExcludeWords));
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
    if (inExcludedContainer(element, hints)) continue;
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
    if (inExcludedContainer(element, hints)) continue;
    const names = namesIn(textOf(element), hints, check);
    if (names.length > 0) return names;
  }
  return [];
}

/** The names in a byline's text, its label ("By", "von", "Autor:") left out. */
export function namesIn(text: string | undefined, hints: MetadataHints, check: AuthorCheck): string[] {
  if (text === undefined || text.length > BYLINE_MAX_CHARS) return [];
  const names = splitAuthors(withoutLabel(text, hints.bylineLabels));
  if (names.length > BYLINE_MAX_NAMES) return [];
  return names.filter((name) => isAuthorName(name, check));
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
function shownDate(text: string, language: string | undefined): DateValue | undefined {
  const languages = [...new Set([language?.slice(0, 2).toLowerCase() ?? "en", ...DATE_LANGUAGES])];
  for (const each of languages) {
    const found = dateFromText(text, "html:dateline", each)?.date;
    if (found) return found;
  }
  return undefined;
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
    if (!hasAny(own, hints.datelineClassWords) || hasAny(own, hints.modifiedClassWords)) continue;
    const text = textOf(element);
    if (text === undefined || text.length > DATELINE_MAX_CHARS) continue;
    if (inExcludedContainer(element, hints)) continue;
    const date = dateFromIso(text, "html:dateline") ?? shownDate(text, language);
    if (date && !date.value.startsWith("XXXX")) return date;
  }
  return undefined;
}
