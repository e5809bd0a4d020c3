import type { AnyNode, Document, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { findAll, getAttributeValue } from "domutils";
import { collapseWhitespace } from "./blocks.js";
import { BLOCK_TAGS } from "./html/page.js";

/**
 * A one-pass index of the parts of a parsed page (htmlparser2 / domhandler) that metadata is read
 * from: every element in document order, and the `<meta>` values by their lower-case key.
 */
export interface PageIndex {
  document: Document;
  /** Every element, in document order. */
  elements: readonly Element[];
  /** `content` of each `<meta>` by lower-case `property`, `name` and `itemprop`, in document order. */
  meta: ReadonlyMap<string, readonly string[]>;
  /**
   * The page's frame: `<html>`, `<body>`, `<main>` and every element that holds an `<h1>`. Their
   * class names describe the layout ("has-sidebar", "layout--related"), never a sidebar itself,
   * and a sidebar or comment thread does not hold the headline.
   */
  frame: ReadonlySet<Element>;
  /** The frame without the headline's holders: for judging headings themselves. */
  shell: ReadonlySet<Element>;
}

/**
 * An element holding this share of the page's elements is a layout wrapper
 * ("layout-two-columns-right-sidebar"), whatever its class says.
 */
const LAYOUT_SHARE = 0.5;

/** Elements whose class names describe the whole page's layout. */
const SHELL_TAGS = new Set(["html", "body", "main"]);

export function indexPage(document: Document): PageIndex {
  const elements = findAll(() => true, document);
  const meta = new Map<string, string[]>();
  for (const element of elements) {
    if (element.name !== "meta") continue;
    const content = getAttributeValue(element, "content");
    const value = content === undefined ? "" : collapseWhitespace(content);
    if (value === "") continue;
    for (const attribute of ["property", "name", "itemprop"]) {
      const key = getAttributeValue(element, attribute)?.trim().toLowerCase();
      if (!key) continue;
      const values = meta.get(key) ?? [];
      values.push(value);
      meta.set(key, values);
    }
  }
  const sizes = subtreeSizes(document);
  const shell = new Set(
    elements.filter((e) => SHELL_TAGS.has(e.name) || (sizes.get(e) ?? 0) >= elements.length * LAYOUT_SHARE),
  );
  const frame = new Set(shell);
  for (const h1 of elements.filter((e) => e.name === "h1")) {
    for (let node = h1.parent; node && isTag(node); node = node.parent) frame.add(node);
  }
  return { document, elements, meta, frame, shell };
}

/** How many elements each element holds, itself included. */
function subtreeSizes(root: AnyNode): Map<Element, number> {
  const sizes = new Map<Element, number>();
  const visit = (node: AnyNode): number => {
    let count = isTag(node) ? 1 : 0;
    if ("children" in node) for (const child of node.children) count += visit(child);
    if (isTag(node)) sizes.set(node, count);
    return count;
  };
  visit(root);
  return sizes;
}

/** The first `<meta>` value for a key (compared without case). */
export function metaValue(page: PageIndex, key: string): string | undefined {
  return page.meta.get(key.toLowerCase())?.[0];
}

export function elementsNamed(page: PageIndex, name: string): Element[] {
  return page.elements.filter((element) => element.name === name);
}

export function attribute(element: Element, name: string): string | undefined {
  const value = getAttributeValue(element, name)?.trim();
  return value ? value : undefined;
}

/** Space-separated tokens of an attribute, lower-case (`rel="author nofollow"`). */
export function attributeTokens(element: Element, name: string): string[] {
  return (getAttributeValue(element, name) ?? "").toLowerCase().split(/\s+/).filter(Boolean);
}

/** Elements never read as visible text. */
const INVISIBLE = new Set(["script", "style", "noscript", "template", "svg"]);

/** The visible text of an element, white space collapsed; undefined when empty. */
export function textOf(node: AnyNode | null | undefined): string | undefined {
  if (!node) return undefined;
  const parts: string[] = [];
  const visit = (current: AnyNode): void => {
    if (isText(current)) parts.push(current.data);
    else if (isTag(current) && INVISIBLE.has(current.name)) return;
    if ("children" in current) for (const child of current.children) visit(child);
  };
  visit(node);
  const value = collapseWhitespace(parts.join(" "));
  return value === "" ? undefined : value;
}

/** The raw text of a script element (JSON-LD), unchanged. */
export function rawText(element: Element): string {
  return element.children.map((child) => (isText(child) ? child.data : "")).join("");
}

/** The text blocks (one per block element) of an element, for the footer's "© 2024 The Herald". */
export function blockTexts(root: Element): string[] {
  const blocks: string[] = [];
  const current: string[] = [];
  const flush = (): void => {
    const block = collapseWhitespace(current.join(""));
    if (block !== "") blocks.push(block);
    current.length = 0;
  };
  const visit = (node: AnyNode): void => {
    if (isText(node)) {
      current.push(node.data);
      return;
    }
    if (!isTag(node) || INVISIBLE.has(node.name)) return;
    const block = BLOCK_TAGS.has(node.name);
    if (block) flush();
    for (const child of node.children) visit(child);
    if (block) flush();
  };
  visit(root);
  flush();
  return blocks;
}
