import type { SourceDocument } from "../../model/index.js";
import { comparableLine, rawBlocks, wordCount } from "../blocks.js";

/**
 * Lines a site repeats on many of its pages (menus, footers, subscription boxes, the site's
 * own name): boilerplate there, whatever their wording. A plain value, so it can be stored,
 * sent or built again from the same documents with the same result.
 */
export interface SiteBoilerplate {
  /** Site key (see `siteOf`) -> comparable forms of its repeated lines, sorted. */
  readonly sites: Readonly<Record<string, readonly string[]>>;
}

export interface SiteLearningOptions {
  /**
   * A site is learned from only when it has at least this many distinct pages: 3, since a line
   * shared by two pages may be a quote both stories carry, while three is a pattern.
   */
  minSitePages: number;
  /** A line is boilerplate when it is on at least this many of the site's pages: 3, as above. */
  minPages: number;
  /**
   * ...and on at least this share of them: 0.3, since menus and footers are on nearly every
   * page while a "related" box or a tag shows on a good part of them.
   */
  minShare: number;
}

export const DEFAULT_SITE_LEARNING_OPTIONS: Readonly<SiteLearningOptions> = Object.freeze({
  minSitePages: 3,
  minPages: 3,
  minShare: 0.3,
});

export const NO_SITE_BOILERPLATE: SiteBoilerplate = Object.freeze({ sites: Object.freeze({}) });

/**
 * The site of a document: the host of its URL (without "www."), else the outlet the record
 * names, else the folder its locator points into (one folder per site is how scrapes are kept).
 */
export function siteOf(doc: SourceDocument): string | undefined {
  const host = hostOf(doc.given.url);
  if (host) return host;
  const outlet = doc.given.outlet?.trim().toLowerCase();
  if (outlet) return `outlet:${outlet}`;
  const folder = folderOf(doc.origin.locator);
  return folder === undefined ? undefined : `folder:${folder}`;
}

/**
 * Learns, per site, the lines that recur on many of its pages. Versions of one story (the same
 * page fetched twice, an updated article) count once, so that their shared paragraphs are not
 * taken for boilerplate.
 */
export function learnSiteBoilerplate(
  documents: readonly SourceDocument[],
  options: Partial<SiteLearningOptions> = {},
): SiteBoilerplate {
  const settings = { ...DEFAULT_SITE_LEARNING_OPTIONS, ...options };
  validate(settings);
  const pagesBySite = new Map<string, Set<string>[]>();
  for (const doc of documents) {
    if (doc.format !== "raw") continue; // HTML pages are cleaned by their markup
    const site = siteOf(doc);
    if (site === undefined) continue;
    const lines = new Set(
      rawBlocks(doc.content)
        .map(comparableLine)
        .filter((line) => line !== ""),
    );
    pagesBySite.set(site, [...(pagesBySite.get(site) ?? []), lines]);
  }
  const sites: Record<string, readonly string[]> = {};
  for (const [site, pages] of [...pagesBySite].sort(([a], [b]) => a.localeCompare(b))) {
    const repeated = repeatedLines(pages, settings);
    if (repeated.length > 0) sites[site] = repeated;
  }
  return { sites };
}

/** The repeated lines of one document's site, as a set of comparable forms (empty when none). */
export function siteLinesOf(sites: SiteBoilerplate | undefined, doc: SourceDocument): ReadonlySet<string> {
  const site = sites === undefined ? undefined : siteOf(doc);
  const lines = site === undefined ? undefined : sites?.sites[site];
  return new Set(lines ?? []);
}

function repeatedLines(pages: readonly Set<string>[], settings: SiteLearningOptions): string[] {
  const groups = versionGroups(pages);
  if (groups.length < settings.minSitePages) return [];
  const needed = Math.max(settings.minPages, Math.ceil(settings.minShare * groups.length));
  return [...countLines(groups)]
    .filter(([, count]) => count >= needed)
    .map(([line]) => line)
    .sort();
}

/** A line of at least this many words is body-like: 12, longer than any menu entry or label. */
const VERSION_LINE_MIN_WORDS = 12;
/** Two pages are versions of one story when this share of the smaller one's body-like lines is shared: 0.5. */
const VERSION_OVERLAP = 0.5;

/**
 * Pages grouped into versions of one story (union-find over shared body-like lines), so that an
 * updated article fetched three times does not teach that its paragraphs are boilerplate.
 */
function versionGroups(pages: readonly Set<string>[]): Set<string>[][] {
  const long = pages.map((lines) => [...lines].filter((line) => wordCount(line) >= VERSION_LINE_MIN_WORDS));
  const pagesOfLine = new Map<string, number[]>();
  long.forEach((lines, i) => {
    for (const line of lines) pagesOfLine.set(line, [...(pagesOfLine.get(line) ?? []), i]);
  });
  const parent = pages.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  long.forEach((lines, i) => {
    const shared = new Map<number, number>();
    for (const line of lines) {
      for (const j of pagesOfLine.get(line) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, count] of shared) {
      const smaller = Math.min(lines.length, long[j]?.length ?? 0);
      if (count >= VERSION_OVERLAP * smaller) parent[root(j)] = root(i);
    }
  });
  const groups = new Map<number, Set<string>[]>();
  pages.forEach((lines, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), lines]));
  return [...groups.values()];
}

/** How many groups hold each line (a line counts once per group, however many pages repeat it). */
function countLines(groups: readonly (readonly Set<string>[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const group of groups) {
    const lines = new Set(group.flatMap((page) => [...page]));
    for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return counts;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^(?:www\d?|m|amp|mobile)\./, "");
    return host === "" ? undefined : host;
  } catch {
    return undefined;
  }
}

function folderOf(locator: string): string | undefined {
  const slash = Math.max(locator.lastIndexOf("/"), locator.lastIndexOf("\\"));
  return slash > 0 ? locator.slice(0, slash) : undefined;
}

function validate(settings: SiteLearningOptions): void {
  for (const [name, value] of Object.entries(settings)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new Error(`site learning option "${name}" must be a non-negative number, got ${String(value)}`);
    }
  }
  if (settings.minShare > 1) throw new Error(`site learning option "minShare" must be at most 1`);
}
