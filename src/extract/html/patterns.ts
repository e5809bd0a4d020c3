import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Element } from "domhandler";
import { BOILERPLATE_KINDS, type BoilerplateKind } from "../../model/index.js";

/**
 * Typed loader and matcher for `data/boilerplate/html.json`: the class, id, role and itemprop
 * values that mark page boilerplate, and those that mark the article's own container.
 *
 * A class or id token is split into words at `-`, `_` and camelCase humps ("socialShareBar" is
 * social-share-bar); an entry of `words` matches when its words appear in a row inside one
 * token, so "share" finds "social-share-bar" but not "shareholder", and an entry of `exact`
 * matches a whole token only.
 */

export interface BoilerplatePattern {
  id: string;
  kind: BoilerplateKind;
}

export interface ContentHint {
  id: string;
  /** 1: names the article body itself; 2: an article element; 3: the page's main column. */
  tier: number;
}

export interface LedeHint {
  id: string;
}

export interface HtmlPatterns {
  boilerplate: TokenTable<BoilerplatePattern>;
  content: TokenTable<ContentHint>;
  /** Markers of a lede or standfirst, often set outside the body block. */
  lede: TokenTable<LedeHint>;
  /** Reads the width (of 12) of a grid column from one class token, in group 1. */
  gridColumn: RegExp;
  /** Prefixes of the taxonomy tokens of a post's class list ("category-", "tag-"). */
  taxonomyPrefixes: readonly string[];
  /** Prefixes of tokens that state a feature, not a role ("has-sidebar", "is-sticky"): ignored. */
  modifierPrefixes: readonly string[];
}

interface TokenTable<T> {
  /** Word sequences ("share-bar"), matched inside a token. */
  words: ReadonlyMap<string, T>;
  /** Whole tokens, matched exactly. */
  exact: ReadonlyMap<string, T>;
  /** Values of `role` and `itemprop`, lower case. */
  attributes: ReadonlyMap<string, T>;
  /** Element names ("article", "main"). */
  tags: ReadonlyMap<string, T>;
  /** Longest word sequence among `words`. */
  longest: number;
}

/** Matches of one element, read once per element. */
export interface ElementMarks {
  boilerplate?: BoilerplatePattern;
  content?: ContentHint;
  lede?: LedeHint;
}

export const DEFAULT_HTML_PATTERNS_FILE = new URL("../../../data/boilerplate/html.json", import.meta.url);

export function loadHtmlPatterns(file: URL | string = DEFAULT_HTML_PATTERNS_FILE): HtmlPatterns {
  const url = typeof file === "string" ? pathToFileURL(file) : file;
  return parseHtmlPatterns(JSON.parse(readFileSync(url, "utf8")), "html.json");
}

export function parseHtmlPatterns(json: unknown, file: string): HtmlPatterns {
  const record = (json ?? {}) as Record<string, unknown>;
  const boilerplate = entriesOf(record, "boilerplate", file).map((raw) => {
    const id = stringField(raw, "id", file);
    const kind = stringField(raw, "kind", `${file}#${id}`) as BoilerplateKind;
    if (!(BOILERPLATE_KINDS as readonly string[]).includes(kind)) {
      throw new Error(`${file}#${id}: unknown kind "${kind}"; use one of ${BOILERPLATE_KINDS.join(", ")}`);
    }
    return { raw, value: { id, kind } };
  });
  const content = entriesOf(record, "content", file).map((raw) => {
    const id = stringField(raw, "id", file);
    const tier = raw.tier;
    if (tier !== 1 && tier !== 2 && tier !== 3) throw new Error(`${file}#${id}: tier must be 1, 2 or 3`);
    return { raw, value: { id, tier } };
  });
  const lede = entriesOf(record, "lede", file).map((raw) => ({
    raw,
    value: { id: stringField(raw, "id", file) },
  }));
  const grid = record.gridColumn;
  if (typeof grid !== "string") throw new Error(`${file}: "gridColumn" must be a regular expression string`);
  let gridColumn: RegExp;
  try {
    gridColumn = new RegExp(grid, "i");
  } catch (error) {
    throw new Error(`${file}: bad "gridColumn": ${(error as Error).message}`);
  }
  const prefixes = (key: string): string[] =>
    stringList(record, key, file).map((prefix) => `${normaliseToken(prefix)}-`);
  return {
    boilerplate: tableOf(boilerplate, file),
    content: tableOf(content, file),
    lede: tableOf(lede, file),
    gridColumn,
    taxonomyPrefixes: prefixes("taxonomyPrefixes"),
    modifierPrefixes: prefixes("modifierPrefixes"),
  };
}

/** The boilerplate pattern and content hint an element's name and attributes match, if any. */
export function marksOf(element: Element, patterns: HtmlPatterns): ElementMarks {
  const tokens = withoutTaxonomy(tokensOf(element), patterns.taxonomyPrefixes).filter(
    (token) => !patterns.modifierPrefixes.some((prefix) => token.startsWith(prefix)),
  );
  const boilerplate = lookUp(patterns.boilerplate, element, tokens);
  const content = lookUp(patterns.content, element, tokens);
  const lede = lookUp(patterns.lede, element, tokens);
  return {
    ...(boilerplate ? { boilerplate } : {}),
    ...(content ? { content } : {}),
    ...(lede ? { lede } : {}),
  };
}

/** Class and id first (the most specific), then role and itemprop, then the element's name. */
function lookUp<T>(table: TokenTable<T>, element: Element, tokens: readonly string[]): T | undefined {
  for (const token of tokens) {
    const found = table.exact.get(token) ?? wordsMatch(table, token.split("-"));
    if (found) return found;
  }
  for (const name of ["role", "itemprop"]) {
    const value = element.attribs[name];
    if (value === undefined) continue;
    for (const part of value.toLowerCase().split(/\s+/)) {
      const found = table.attributes.get(part);
      if (found) return found;
    }
  }
  return table.tags.get(element.name);
}

/** Longest sequences first, so "author-bio" wins over "author". */
function wordsMatch<T>(table: TokenTable<T>, words: readonly string[]): T | undefined {
  for (let size = Math.min(table.longest, words.length); size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const found = table.words.get(words.slice(start, start + size).join("-"));
      if (found) return found;
    }
  }
  return undefined;
}

/** The narrowest grid width (of 12) an element's classes give it, if any: the desktop layout. */
export function gridWidthOf(element: Element, patterns: HtmlPatterns): number | undefined {
  const classes = element.attribs.class;
  if (classes === undefined) return undefined;
  let width: number | undefined;
  for (const token of classes.split(/\s+/)) {
    const found = patterns.gridColumn.exec(token);
    const value = found ? Number(found[1]) : Number.NaN;
    if (value >= 1 && value <= 12 && (width === undefined || value < width)) width = value;
  }
  return width;
}

/** A post's own id token (WordPress "post-123"): its class list also names its categories and tags. */
const POST_ID_TOKEN = /^post-\d+$/;

function withoutTaxonomy(tokens: string[], prefixes: readonly string[]): string[] {
  if (!tokens.some((token) => POST_ID_TOKEN.test(token))) return tokens;
  return tokens.filter((token) => !prefixes.some((prefix) => token.startsWith(prefix)));
}

/** Class tokens and the id, normalised to lower-case words joined by "-". */
export function tokensOf(element: Element): string[] {
  const raw = `${element.attribs.class ?? ""} ${element.attribs.id ?? ""}`;
  if (raw.trim() === "") return [];
  return raw
    .split(/\s+/)
    .filter((token) => token !== "")
    .map(normaliseToken)
    .filter((token) => token !== "");
}

export function normaliseToken(token: string): string {
  return token
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

function tableOf<T>(entries: { raw: Record<string, unknown>; value: T }[], file: string): TokenTable<T> {
  const words = new Map<string, T>();
  const exact = new Map<string, T>();
  const attributes = new Map<string, T>();
  const tags = new Map<string, T>();
  let longest = 1;
  for (const { raw, value } of entries) {
    const where = `${file}#${String(raw.id)}`;
    for (const entry of stringList(raw, "words", where)) {
      const key = normaliseToken(entry);
      words.set(key, value);
      longest = Math.max(longest, key.split("-").length);
    }
    for (const entry of stringList(raw, "exact", where)) exact.set(normaliseToken(entry), value);
    for (const entry of stringList(raw, "attributes", where)) attributes.set(entry.toLowerCase(), value);
    for (const entry of stringList(raw, "tags", where)) tags.set(entry.toLowerCase(), value);
  }
  return { words, exact, attributes, tags, longest };
}

function entriesOf(record: Record<string, unknown>, key: string, file: string): Record<string, unknown>[] {
  const value = record[key];
  if (!Array.isArray(value)) throw new Error(`${file}: expected an array "${key}"`);
  return value as Record<string, unknown>[];
}

function stringField(raw: Record<string, unknown>, key: string, where: string): string {
  const value = raw[key];
  if (typeof value !== "string" || value === "")
    throw new Error(`${where}: "${key}" must be a non-empty string`);
  return value;
}

function stringList(raw: Record<string, unknown>, key: string, where: string): string[] {
  const value = raw[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v !== "")) {
    throw new Error(`${where}: "${key}" must be an array of non-empty strings`);
  }
  return value as string[];
}
