import type { Event, EventActor, Story } from "../model/index.js";

/** Places a story summary names: enough to tell stories apart in a list. */
export const STORY_SUMMARY_PLACES = 5;
/** Terms of a search kept: more only slows the match and never narrows a news search usefully. */
export const MAX_SEARCH_TERMS = 16;
/** Characters of one search term kept: no word of a language is longer. */
const MAX_TERM_LENGTH = 64;

/** A word (letters, digits, inner apostrophes/hyphens split off) and whether `*` follows it. */
const TERM = /"([^"]*)"?|([\p{L}\p{N}]+)(\*)?/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A user's search as an FTS5 query that can never be a syntax error: each word becomes a quoted
 * string ("word"), a word followed by * a prefix ("word"*), a quoted run of words a phrase; every
 * operator, column filter or parenthesis is dropped, and terms are ANDed. Undefined when no word
 * is left (the search then filters nothing).
 */
export function ftsQuery(input: string): string | undefined {
  const terms: string[] = [];
  for (const match of input.matchAll(TERM)) {
    if (terms.length >= MAX_SEARCH_TERMS) break;
    const [, phrase, word, star] = match;
    if (phrase !== undefined) {
      const words = [...phrase.matchAll(WORD)].map((w) => w[0].slice(0, MAX_TERM_LENGTH));
      if (words.length > 0) terms.push(`"${words.join(" ")}"`);
    } else if (word !== undefined) {
      terms.push(`"${word.slice(0, MAX_TERM_LENGTH)}"${star ? "*" : ""}`);
    }
  }
  return terms.length > 0 ? terms.join(" ") : undefined;
}

/** What the story table keeps beside the JSON for a list to show without reading it. */
export interface StoryColumns {
  articleCount: number;
  conflicts: number;
  omissions: number;
}

export function storyColumns(story: Story): StoryColumns {
  const facts = story.comparison?.facts ?? [];
  return {
    articleCount: story.articleIds.length,
    conflicts: facts.filter((f) => f.conflict !== undefined || f.cells.some((c) => c.status === "conflict"))
      .length,
    omissions: facts.filter((f) => (f.omittedBy?.length ?? 0) > 0).length,
  };
}

/**
 * The story's outlets in article order, each once: the stored article's label when there is one,
 * else the comparison's column (which "(2)" makes unique per article, so it is cut off).
 */
export function storyOutlets(story: Story, labelOf: (articleId: string) => string | undefined): string[] {
  const outlets = story.articleIds.map(
    (id, i) => labelOf(id) ?? story.comparison?.outlets[i]?.replace(/ \(\d+\)$/, ""),
  );
  return [...new Set(outlets.filter((o): o is string => o !== undefined && o !== ""))];
}

/** The resolved actors of an event, each once by id or name. */
export function eventActors(event: Event): EventActor[] {
  const { actor1, actor2, associated } = event.fields;
  const all = [actor1.resolved, actor2.resolved, ...(associated.resolved ?? [])].filter(
    (a): a is EventActor => a !== undefined && a.name !== "",
  );
  const seen = new Set<string>();
  return all.filter((a) => {
    const key = (a.actorId ?? a.name).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Day keys of the story spans' R*Tree: YYYY-MM-DD as the integer YYYYMMDD. Integers in this form
 * order as the ISO strings do (the bounds are compared as text), with no calendar to get wrong.
 */
const ISO_DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/** The day key of a date string that begins YYYY-MM-DD, else undefined. */
export function dayKey(value: string): number | undefined {
  const match = ISO_DAY_PREFIX.exec(value);
  return match ? Number(`${match[1]}${match[2]}${match[3]}`) : undefined;
}

/** dayKey in SQL, for a column: NULL when the value does not begin YYYY-MM-DD. */
export function dayKeySql(column: string): string {
  return `(CASE WHEN ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
    THEN CAST(substr(${column}, 1, 4) || substr(${column}, 6, 2) || substr(${column}, 9, 2) AS INTEGER) END)`;
}

/** Where a story without a readable first day sits: before every day, so any range may hold it. */
export const UNKNOWN_FIRST_DAY = -1;
/** Where a story without a readable last day sits: after every day (YYYYMMDD < 10^8). */
export const UNKNOWN_LAST_DAY = 100_000_000;
