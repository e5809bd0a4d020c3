import type { AnyNode, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import type { RemovedBlock } from "../../model/index.js";
import { collapseWhitespace } from "../blocks.js";
import { type ContainerOptions, isFurniture } from "./container.js";
import { BLOCK_TAGS, linkDensity, type PageView, visibleLength } from "./page.js";

/** Thresholds of the reading of blocks inside the container; each default says why. */
export interface BlockOptions {
  /** A paragraph more than this share of link text is a menu entry or a teaser: 0.5. */
  maxBlockLinkDensity: number;
  /**
   * A list, table or division more than this share of link text is a link list ("Read more",
   * tag cloud, pager): 0.5. Prose with a few links stays far below.
   */
  maxGroupLinkDensity: number;
  /**
   * A grid column at most this wide (of 12) beside a wider column with more prose is a side
   * column (teasers, contact box): 4, a third of the page.
   */
  sideColumnMaxWidth: number;
  /** A form inside the container is read only when it holds this share of its prose (a page-wide form): 0.5. */
  formShare: number;
}

export const DEFAULT_BLOCK_OPTIONS: Readonly<BlockOptions> = Object.freeze({
  maxBlockLinkDensity: 0.5,
  maxGroupLinkDensity: 0.5,
  sideColumnMaxWidth: 4,
  formShare: 0.5,
});

export interface BlockText {
  paragraphs: string[];
  /** Figure captions and credit lines, kept apart from the body. */
  captions: string[];
  removed: RemovedBlock[];
  /** Visible characters of the kept paragraphs outside links. */
  chars: number;
}

/** Elements that group blocks: checked as a whole for link lists. */
const GROUP_TAGS = new Set(["ul", "ol", "dl", "div", "section", "table", "nav", "aside", "header", "footer"]);

/**
 * Reads paragraphs from the container's elements: furniture inside them (by class pattern),
 * link lists and link-only paragraphs are removed and listed in `removed`; captions go apart.
 */
export function readBlocks(
  elements: readonly Element[],
  view: PageView,
  containerOptions: ContainerOptions,
  options: BlockOptions,
): BlockText {
  const out: BlockText = { paragraphs: [], captions: [], removed: [], chars: 0 };
  const roots = new Set(elements);
  const prose = elements.reduce((sum, element) => sum + (view.info.get(element)?.prose ?? 0), 0);
  let parts: string[] = [];
  let chars = 0;
  let linkChars = 0;

  const flush = (): void => {
    const text = collapseWhitespace(parts.join(""));
    if (text !== "") {
      if (chars > 0 && linkChars / chars > options.maxBlockLinkDensity) {
        out.removed.push({ kind: "navigation", text, rule: "html/link-block" });
      } else {
        out.paragraphs.push(text);
        out.chars += chars - linkChars;
      }
    }
    parts = [];
    chars = 0;
    linkChars = 0;
  };

  const visit = (node: AnyNode, inLink: boolean): void => {
    if (isText(node)) {
      parts.push(node.data);
      const visible = visibleLength(node.data);
      chars += visible;
      if (inLink) linkChars += visible;
      return;
    }
    if (!isTag(node) || view.dropped.has(node)) return;
    const info = view.info.get(node);
    if (!info) return;
    const kind = info.marks.boilerplate?.kind;
    if (node.name === "figcaption" || kind === "caption" || kind === "credits") {
      const caption = textOf(node, view);
      if (caption !== "") out.captions.push(caption);
      parts.push(" ");
      return;
    }
    if (!roots.has(node) && isFurniture(node, view, containerOptions)) {
      remove(node, info.marks.boilerplate?.kind ?? "other", info.marks.boilerplate?.id ?? "html/pattern");
      return;
    }
    if (!roots.has(node) && isSideColumn(node, view, options)) {
      remove(node, "related-widget", "html/side-column");
      return;
    }
    if (!roots.has(node) && node.name === "form" && info.prose < prose * options.formShare) {
      remove(node, "other", "html/form");
      return;
    }
    const isGroup = GROUP_TAGS.has(node.name);
    // A wrapper holding most of the container's prose is never a link list, whatever its links.
    const wrapper = prose > 0 && info.prose >= prose * containerOptions.wrapperShare;
    if (!roots.has(node) && isGroup && !wrapper && linkDensity(info) > options.maxGroupLinkDensity) {
      remove(node, "related-widget", "html/link-list");
      return;
    }
    const block = BLOCK_TAGS.has(node.name);
    if (block) flush();
    const link = inLink || node.name === "a";
    for (const child of node.children) visit(child, link);
    if (block) flush();
  };

  const remove = (element: Element, kind: RemovedBlock["kind"], rule: string): void => {
    const text = textOf(element, view);
    if (text !== "") out.removed.push({ kind, text, rule });
    parts.push(" ");
  };

  for (const element of elements) {
    flush();
    visit(element, false);
  }
  flush();
  return out;
}

/** A narrow grid column beside a wider one that holds more prose. */
function isSideColumn(element: Element, view: PageView, options: BlockOptions): boolean {
  const info = view.info.get(element);
  const width = info?.gridWidth;
  if (!info || width === undefined || width > options.sideColumnMaxWidth) return false;
  const siblings = element.parent?.children ?? [];
  return siblings.some((sibling) => {
    if (!isTag(sibling) || sibling === element) return false;
    const other = view.info.get(sibling);
    return other?.gridWidth !== undefined && other.gridWidth > width && other.prose > info.prose;
  });
}

/** The text of an element, white space collapsed, without its dropped parts. */
export function textOf(element: Element, view: PageView): string {
  const parts: string[] = [];
  const visit = (node: AnyNode): void => {
    if (isText(node)) parts.push(node.data);
    else if (isTag(node) && !view.dropped.has(node)) {
      const block = BLOCK_TAGS.has(node.name);
      if (block) parts.push(" ");
      for (const child of node.children) visit(child);
      if (block) parts.push(" ");
    }
  };
  visit(element);
  return collapseWhitespace(parts.join(""));
}
