import type { AnyNode, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { type ElementMarks, gridWidthOf, type HtmlPatterns, marksOf } from "./patterns.js";

/**
 * One pass over a parsed page that measures every element (visible characters, characters
 * inside links, prose) and reads its marks (boilerplate pattern, content hint). Nothing is
 * written on the DOM: the measures live in this map-backed view, made fresh for each page.
 */

export interface ElementInfo {
  /** Visible characters of the element's text, white space excluded. */
  chars: number;
  /** Of those, characters inside links. */
  linkChars: number;
  /**
   * Visible characters outside links of the prose paragraphs below: blocks of running text long
   * enough to be sentences, not menu entries or calendar cells.
   */
  prose: number;
  marks: ElementMarks;
  /** Width (of 12) of the grid column the element is, if its classes say so. */
  gridWidth?: number;
  /** Nearest ancestor marked as boilerplate, if any. */
  boilerplateAncestor?: Element;
}

export interface PageView {
  root: Element;
  info: ReadonlyMap<Element, ElementInfo>;
  /** Elements never read: scripts, styles, forms' controls, hidden elements. */
  dropped: ReadonlySet<Element>;
  /** Elements with a content hint, in document order. */
  hinted: readonly Element[];
  /** Elements marked as a lede, in document order. */
  ledes: readonly Element[];
}

/** Elements that never hold article text. */
const JUNK_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "embed",
  "canvas",
  "video",
  "audio",
  "map",
  "button",
  "select",
  "input",
  "textarea",
  "option",
  "head",
  "link",
  "meta",
  "title",
  "dialog",
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

export function isHidden(element: Element): boolean {
  const { attribs } = element;
  if (attribs.hidden !== undefined) return true;
  const style = attribs.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** Visible characters of a string: its length without white space. */
export function visibleLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 32 && code !== 160) count++;
  }
  return count;
}

/** Elements that end a run of inline text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "center",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "th",
  "thead",
  "tr",
  "ul",
]);

export interface ViewOptions {
  /** A run of inline text is prose from this many visible characters: 40, a short sentence. */
  minProseChars: number;
  /** A run of text whose share of link text is above this is not prose: 0.5. */
  maxProseLinkDensity: number;
}

export const DEFAULT_VIEW_OPTIONS: Readonly<ViewOptions> = Object.freeze({
  minProseChars: 40,
  maxProseLinkDensity: 0.5,
});

export function viewPage(
  root: Element,
  patterns: HtmlPatterns,
  options: ViewOptions = DEFAULT_VIEW_OPTIONS,
): PageView {
  const info = new Map<Element, ElementInfo>();
  const dropped = new Set<Element>();
  const hinted: Element[] = [];
  const ledes: Element[] = [];

  /** Inline text of the run being read: it ends at the next block boundary. */
  let run = { chars: 0, linkChars: 0 };
  /** Counts the run that just ended as prose of `owner` when it is long and not mostly links. */
  const endRun = (own: ElementInfo): void => {
    const { chars, linkChars } = run;
    if (chars >= options.minProseChars && linkChars <= chars * options.maxProseLinkDensity) {
      own.prose += chars - linkChars;
    }
    run = { chars: 0, linkChars: 0 };
  };

  const visit = (
    element: Element,
    inLink: boolean,
    boilerplateAncestor: Element | undefined,
    parent: ElementInfo | undefined,
  ): ElementInfo => {
    const marks = readMarks(element, root, patterns);
    if (marks.content) hinted.push(element);
    if (marks.lede) ledes.push(element);
    const block = BLOCK_TAGS.has(element.name);
    const gridWidth = gridWidthOf(element, patterns);
    const own: ElementInfo = {
      chars: 0,
      linkChars: 0,
      prose: 0,
      marks,
      ...(boilerplateAncestor ? { boilerplateAncestor } : {}),
      ...(gridWidth === undefined ? {} : { gridWidth }),
    };
    info.set(element, own);
    const link = inLink || element.name === "a";
    const below = marks.boilerplate ? element : boilerplateAncestor;
    // The run before this block belongs to the parent.
    if (block && parent) endRun(parent);
    for (const child of element.children) {
      if (isText(child)) {
        const chars = visibleLength(child.data);
        own.chars += chars;
        run.chars += chars;
        if (link) {
          own.linkChars += chars;
          run.linkChars += chars;
        }
      } else if (isTag(child)) {
        if (JUNK_TAGS.has(child.name) || isHidden(child)) {
          dropped.add(child);
          continue;
        }
        const sub = visit(child, link, below, own);
        own.chars += sub.chars;
        own.linkChars += sub.linkChars;
        own.prose += sub.prose;
      }
    }
    if (block) endRun(own);
    return own;
  };
  visit(root, false, undefined, undefined);
  return { root, info, dropped, hinted, ledes };
}

/** Headings title the block they open, whatever their class says ("nav_section-2" anchors). */
const UNMARKED_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "html", "body"]);

/** The page root is neither furniture nor a hint ("single-post has-sidebar" on <body>). */
function readMarks(element: Element, root: Element, patterns: HtmlPatterns): ElementMarks {
  if (element === root || UNMARKED_TAGS.has(element.name)) return {};
  return marksOf(element, patterns);
}

export function linkDensity(info: ElementInfo): number {
  return info.chars === 0 ? 0 : info.linkChars / info.chars;
}

/** Is `node` the element `ancestor` or inside it? */
export function isWithin(node: AnyNode, ancestor: Element): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}
