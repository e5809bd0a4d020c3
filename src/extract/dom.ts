import { parseHTML } from "linkedom";
import { collapseWhitespace } from "./blocks.js";

/**
 * The subset of DOM that this reader touches; linkedom's own types differ from lib.dom's, so
 * both are seen through this view.
 */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

export interface DomDocument {
  documentElement: DomNode | null;
  body: DomNode | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content starts a new paragraph of the clean text. */
const BLOCK_ELEMENTS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BR",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TBODY",
  "TD",
  "TH",
  "THEAD",
  "TR",
  "UL",
]);

/** Elements that never hold article text. */
const SKIPPED_ELEMENTS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "IFRAME",
  "BUTTON",
  "SELECT",
]);

/**
 * Page furniture, never body: Readability keeps it on short pages, and the fallback reads the
 * whole body. (A footer is still read on its own for the outlet's name.)
 */
const FURNITURE = new Set(["NAV", "ASIDE", "FOOTER", "HEADER", "FORM"]);

export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

/** The text of a node with white space collapsed; undefined when empty. */
export function text(node: DomNode | null | undefined): string | undefined {
  const value = collapseWhitespace(node?.textContent ?? "");
  return value === "" ? undefined : value;
}

/** Paragraphs (one per block element) and figure captions, in document order. */
export function blocksOf(
  root: DomNode,
  skipFurniture: boolean,
): { paragraphs: string[]; captions: string[] } {
  const paragraphs: string[] = [];
  const captions: string[] = [];
  const current: string[] = [];
  const flush = (): void => {
    const paragraph = collapseWhitespace(current.join(""));
    if (paragraph !== "") paragraphs.push(paragraph);
    current.length = 0;
  };
  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current.push(node.textContent ?? "");
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED_ELEMENTS.has(name) || (skipFurniture && FURNITURE.has(name))) return;
    if (name === "FIGCAPTION") {
      const caption = text(node);
      if (caption !== undefined) captions.push(caption);
      return;
    }
    const block = BLOCK_ELEMENTS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) visit(child);
    if (block) flush();
  };
  visit(root);
  flush();
  return { paragraphs, captions };
}
