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
}

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
  return { document, elements, meta };
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
