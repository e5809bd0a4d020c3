import { collapseWhitespace } from "./blocks.js";
import type { MetadataLexicon } from "./data.js";
import { dateFromText } from "./dates.js";

/** Splits an author field or byline ("Jane Doe and John Roe, Reuters") into candidate names. */
export function splitAuthors(value: string): string[] {
  return (
    collapseWhitespace(value)
      // A role or affiliation in brackets is not part of the name: "Jane Doe (Press Officer)".
      .replace(/\s*\([^)]*\)/g, "")
      // Nor a social-media handle after it: "Jane Doe @janedoe".
      .replace(/(?<=\p{L})\s+@\w+/gu, "")
      .replace(/^by\s+/i, "")
      .split(/\s*(?:[,;|•·]|&|\band\b)\s*/i)
      .map((name) =>
        name
          .replace(/^by\s+/i, "")
          .replace(/[:\s]+$/, "")
          // A final period ends the line, except after "Jr", "Sr" or an initial: "Perry Bacon Jr.".
          .replace(/(?<!\b(?:[JS]r|\p{Lu}))\.+$/u, "")
          .trim(),
      )
      .filter((name) => name !== "")
  );
}

export interface AuthorCheck {
  lexicon: MetadataLexicon;
  /** The outlet's name: an outlet is not its own author. */
  outlet?: string;
  /** The site's host name ("example.com"): an author field that holds it names no one. */
  host?: string;
  maxWords: number;
  /**
   * Also accept a one-word user name ("gnaddrig", "c1ph4"): a page's author field or author
   * link often shows the account's name, while a line of text that is one lower-case word is
   * rarely a byline.
   */
  allowHandles?: boolean;
}

/**
 * Whether a value can be a person's (or an agency's) name: not a word like "Published", not a
 * date or URL, not the outlet, a few capitalised words.
 */
export function isAuthorName(name: string, check: AuthorCheck): boolean {
  const value = collapseWhitespace(name);
  const lower = value.toLowerCase();
  const words = value.split(" ");
  if (value === "" || words.length > check.maxWords) return false;
  if (/https?:|www\.|@/.test(value)) return false;
  if (check.allowHandles === true && isHandle(value) && !check.lexicon.authorJunk.has(lower)) {
    return ![check.outlet, check.host].some((site) => site !== undefined && squash(site) === squash(value));
  }
  if (/\d/.test(value)) return false;
  if (dateFromText(value, "author") !== undefined) return false;
  const junk = check.lexicon.authorJunk;
  if (
    junk.has(lower) ||
    junk.has(words[0]?.toLowerCase() ?? "") ||
    junk.has(words.at(-1)?.toLowerCase() ?? "")
  ) {
    return false;
  }
  if (check.outlet !== undefined && squash(check.outlet) === squash(value)) return false;
  if (check.host !== undefined && squash(check.host) === squash(value)) return false;
  const particles = check.lexicon.nameParticles;
  return (
    words.every((word) => isNameWord(word, particles)) &&
    words.some((word) => !particles.has(word.toLowerCase()))
  );
}

/** Reads names from candidate values, keeping the first spelling of each and dropping junk. */
export function cleanAuthors(values: readonly string[], check: AuthorCheck): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const value of values) {
    const name = collapseWhitespace(value);
    const key = squash(name);
    if (seen.has(key) || !isAuthorName(name, check)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** Handles are one word of letters (at least one) and digits, a dot, dash or underscore inside. */
const HANDLE = /^(?=.*\p{L})[\p{L}\p{N}][\p{L}\p{N}._-]{1,29}$/u;

function isHandle(value: string): boolean {
  // A bare number, a year or a date-like "10.11" is not a handle.
  return HANDLE.test(value) && !/^[\d._-]+$/.test(value) && dateFromText(value, "author") === undefined;
}

function isNameWord(word: string, particles: ReadonlySet<string>): boolean {
  if (particles.has(word.toLowerCase())) return true;
  // "O'Brien", "al-Assad", "Jean-Luc", "J.", "AP": a capital letter starts the word or follows a prefix.
  return /^(?:[a-z]{1,3}[-'’])?\p{Lu}/u.test(word);
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Each one-word name (a first name, a user name, initials) replaced by the fuller spelling of
 * the same person that another source gives: "Todd" -> "Todd Bates", "DT" -> "Donald Townsend".
 */
export function fullerNames(names: readonly string[], others: readonly string[]): string[] {
  const longer = others.map(collapseWhitespace).filter((o) => o.includes(" "));
  return names.map((name) => {
    if (name.includes(" ")) return name;
    const key = name.toLowerCase();
    const fuller = longer.find((other) => {
      const words = other.toLowerCase().split(" ");
      const initials = words.map((w) => w.charAt(0)).join("");
      return words[0] === key || words.at(-1) === key || (key.length >= 2 && initials === key);
    });
    return fuller ?? name;
  });
}

/** The host of a URL without "www.": what an author field holds when it names the site. */
export function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname.replace(/^(?:www\d?|m|amp|mobile)\./, "");
  } catch {
    return undefined;
  }
}
