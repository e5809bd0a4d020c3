import type { Element } from "domhandler";
import type { Sourced } from "../model/index.js";
import { hasAny, inExcludedContainer, marks } from "./html-bylines.js";
import type { MetadataHints } from "./metadata-data.js";
import { attribute, type PageIndex, textOf } from "./metadata-dom.js";

/** A visible headline shorter than this (letters and digits) is too short to trust over a declared title. */
const HEADLINE_MIN_CHARS = 8;

export interface TitleSources {
  /** Titles the page declares, most trusted first: JSON-LD headline, og:title, twitter:title, `<title>`. */
  declared: readonly Sourced<string>[];
  /** Names the site may add to its titles: its outlet name, its host. */
  sites: readonly string[];
  hints: MetadataHints;
}

/**
 * The headline the page shows (an `<h1>` or an element classed as the entry's title) when a
 * declared title contains it: declared titles add the site's name or a kicker. Else the first
 * declared title without the site's name; else the headline shown.
 */
export function titleOf(page: PageIndex, sources: TitleSources): Sourced<string> | undefined {
  const siteKeys = new Set(sources.sites.map(squash));
  const shown = shownHeadlines(page, sources.hints).filter((h) => !siteKeys.has(squash(h.value)));
  const declaredKeys = sources.declared.map((t) => squash(t.value));
  const confirmed = shown.find((h) => {
    const key = squash(h.value);
    return key.length >= HEADLINE_MIN_CHARS && declaredKeys.some((d) => d.includes(key));
  });
  if (confirmed) {
    // The same words as a declared title: keep that title's source, the more specific one.
    const same = sources.declared.find((t) => squash(t.value) === squash(confirmed.value));
    // A heading may repeat the whole `<title>`, site name and all.
    const value = withoutKnownSite(confirmed.value, sources.sites) ?? confirmed.value;
    return same ? { ...same, value } : { ...confirmed, value };
  }
  const declared = sources.declared[0];
  // A bare <title> often names the section or the site; a headline the page shows is the article's.
  if (declared?.source === "html:title" && shown[0]) return shown[0];
  if (declared) return { ...declared, value: withoutSiteAffix(declared.value, sources.sites) };
  return shown[0];
}

/**
 * Headings that may be the article's headline, most likely first: elements classed as the
 * entry's title, then `<h1>`s; never the site's name or logo, nor a heading in a sidebar.
 */
function shownHeadlines(page: PageIndex, hints: MetadataHints): Sourced<string>[] {
  const classed: Sourced<string>[] = [];
  const h1s: Sourced<string>[] = [];
  for (const element of page.elements) {
    if (!/^h[1-6]$/.test(element.name) && !hasAny(marks(element), hints.headlineClassWords)) continue;
    if (hasAny(marks(element), hints.logoClassWords) || linksHome(element)) continue;
    if (inExcludedContainer(element, hints, page.shell)) continue;
    const text = textOf(element);
    if (text === undefined) continue;
    if (hasAny(marks(element), hints.headlineClassWords))
      classed.push({ value: text, source: "html:headline" });
    else if (element.name === "h1") h1s.push({ value: text, source: "html:h1" });
  }
  return [...classed, ...h1s];
}

/** A heading whose link goes to the site's home page is the site's name. */
function linksHome(element: Element): boolean {
  const stack: Element[] = [element];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.name === "a") {
      const href = attribute(node, "href");
      if (attribute(node, "rel")?.includes("home")) return true;
      if (href !== undefined && /^(?:https?:\/\/[^/]+)?\/?(?:index\.\w+)?$/i.test(href)) return true;
    }
    for (const child of node.children) if (child.type === "tag") stack.push(child as Element);
  }
  return false;
}

/** Separators between a headline and the site's name: "Headline | Site", "Site - Headline". */
const TITLE_SEPARATOR = /(\s+(?:[|–—\-:·•»]|::)\s+)/;
/** Separators that never occur inside a headline; "-", "–" and ":" do. */
const STRONG_SEPARATOR = /^\s+(?:[|·•»]|::)\s+$/;

/**
 * "Court strikes down map | The Herald" -> "Court strikes down map", when a part is the site;
 * when no part is known as the site, the longest part around strong separators (" | ", " » ").
 */
export function withoutSiteAffix(title: string, sites: readonly string[]): string {
  return withoutKnownSite(title, sites) ?? longestAroundStrongSeparators(title);
}

/** The title without a first or last part that names the site; undefined when no part does. */
function withoutKnownSite(title: string, sites: readonly string[]): string | undefined {
  // With the separator captured, parts alternate: text, separator, text, ...
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 3) return parts.length === 1 ? title : undefined;
  const keys = sites.map(squash).filter((k) => k !== "");
  const isSite = (part: string | undefined): boolean => keys.includes(squash(part ?? ""));
  if (isSite(parts.at(-1))) return parts.slice(0, -2).join("");
  if (isSite(parts[0])) return parts.slice(2).join("");
  return undefined;
}

function longestAroundStrongSeparators(title: string): string {
  const parts = title.split(/(\s+(?:[|·•»]|::)\s+)/).filter((p) => !STRONG_SEPARATOR.test(p));
  if (parts.length < 2) return title;
  return parts.reduce((a, b) => (b.trim().length > a.trim().length ? b : a)).trim();
}

export function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}
