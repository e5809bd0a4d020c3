import type { Document, Element } from "domhandler";
import { Element as DomElement, isTag } from "domhandler";
import { findOne } from "domutils";
import type { RemovedBlock } from "../../model/index.js";
import { type BlockOptions, DEFAULT_BLOCK_OPTIONS, readBlocks, textOf } from "./blocks.js";
import {
  type Container,
  type ContainerOptions,
  DEFAULT_CONTAINER_OPTIONS,
  findContainer,
  isFurniture,
} from "./container.js";
import { wordCount } from "../blocks.js";
import { type PageView, viewPage, visibleLength } from "./page.js";
import type { HtmlPatterns } from "./patterns.js";

export interface HtmlBodyOptions extends ContainerOptions, BlockOptions {
  /**
   * Below this many visible characters outside links, the chosen container is doubted and the
   * other ways are tried: 500, a short news item of four or five sentences.
   */
  minBodyChars: number;
  /**
   * The whole page's text, then Readability's, replaces a short result only when it is this many
   * times longer: 2; a little more text is as often a wrong block as a better one.
   */
  fallbackGain: number;
  /**
   * Before the first paragraph of prose, a line of at most this many words that does not end
   * like a sentence is a kicker, label or byline ("Politics", "Published", "5 min read"): 6.
   */
  leadingLabelMaxWords: number;
  /** After the last paragraph of prose, the same for lines of at most this many words: 6 ("Share this article", "Tags"). */
  trailingLabelMaxWords: number;
  /** A paragraph of prose has at least this many visible characters: 40, a short sentence. */
  proseMinChars: number;
}

export const DEFAULT_HTML_BODY_OPTIONS: Readonly<HtmlBodyOptions> = Object.freeze({
  ...DEFAULT_CONTAINER_OPTIONS,
  ...DEFAULT_BLOCK_OPTIONS,
  minBodyChars: 500,
  fallbackGain: 2,
  leadingLabelMaxWords: 6,
  trailingLabelMaxWords: 6,
  proseMinChars: 40,
});

export interface HtmlBody {
  paragraphs: string[];
  captions: string[];
  removed: RemovedBlock[];
  /** Visible characters of the body outside links. */
  chars: number;
  /** How the container was found: "hint:<id>", "scored" or "body". */
  found: string;
}

export interface HtmlBodyReader {
  /** The article of a whole page: its container first, then the text inside it. */
  read(document: Document): HtmlBody;
  /** All the text of a fragment that is already the article (Readability's output), filtered the same way. */
  readWhole(document: Document): HtmlBody;
}

/**
 * Builds the HTML body reader: from a parsed page, the article's paragraphs, its captions and
 * the boilerplate it removed. The page is only read: measures live in a view made per call.
 */
export function createHtmlBodyReader(
  patterns: HtmlPatterns,
  options: Partial<HtmlBodyOptions> = {},
): HtmlBodyReader {
  const settings: HtmlBodyOptions = { ...DEFAULT_HTML_BODY_OPTIONS, ...options };
  const readWhole = (document: Document): HtmlBody => {
    const view = viewPage(rootOf(document), patterns);
    const text = readBlocks([view.root], view, settings, settings);
    return { ...text, found: "body" };
  };
  const read = (document: Document): HtmlBody => {
    const view = viewPage(rootOf(document), patterns);
    let container = findContainer(view, settings);
    let text = readBlocks(container.elements, view, settings, settings);
    if (text.chars < settings.minBodyChars && container.found !== "body") {
      // A short result is often a wrong container (a teaser, a lede box): read the whole page
      // through the same filters and keep it when it holds much more prose.
      const whole: Container = { elements: [view.root], found: "body" };
      const wholeText = readBlocks(whole.elements, view, settings, settings);
      if (wholeText.chars > text.chars * settings.fallbackGain) {
        container = whole;
        text = wholeText;
      }
    }
    return {
      paragraphs: text.paragraphs,
      captions: text.captions,
      removed: [...furnitureOutside(container, view, settings), ...text.removed],
      chars: text.chars,
      found: container.found,
    };
  };
  return { read, readWhole };
}

/**
 * Drops label-like lines before the first and after the last paragraph of prose. Run after the
 * block classifier, so that lines it knows (a repeated title, "Read more") keep their kind.
 */
export function trimLabels(
  paragraphs: readonly string[],
  options: Pick<HtmlBodyOptions, "leadingLabelMaxWords" | "trailingLabelMaxWords" | "proseMinChars">,
): { kept: string[]; removed: RemovedBlock[] } {
  const isProse = (p: string): boolean => visibleLength(p) >= options.proseMinChars;
  const first = paragraphs.findIndex(isProse);
  if (first < 0) return { kept: [...paragraphs], removed: [] };
  let last = paragraphs.length - 1;
  while (last > first && !isProse(paragraphs[last] as string)) last--;
  const kept: string[] = [];
  const removed: RemovedBlock[] = [];
  paragraphs.forEach((paragraph, index) => {
    const limit =
      index < first ? options.leadingLabelMaxWords : index > last ? options.trailingLabelMaxWords : -1;
    if (limit >= 0 && isEdgeLabel(paragraph, limit)) {
      removed.push({ kind: "other", text: paragraph, rule: "html/edge-label" });
    } else kept.push(paragraph);
  });
  return { kept, removed };
}

/** A sentence ends with one of these; a colon ends a label ("Contact:", "Sources:"). */
const SENTENCE_END = /[.!?…"'”’»)]$/;

function isEdgeLabel(line: string, maxWords: number): boolean {
  return wordCount(line) <= maxWords && !SENTENCE_END.test(line);
}

/** The page's body; a fragment without one is read whole. */
function rootOf(document: Document): Element {
  const body = findOne((element) => element.name === "body", document.children);
  if (body) return body;
  const html = document.children.find((child): child is Element => isTag(child) && child.name === "html");
  return html ?? new DomElement("body", {}, [...document.children]);
}

/** Marked furniture of the page around the container (menus, footers, cookie banners), outermost only. */
function furnitureOutside(container: Container, view: PageView, options: ContainerOptions): RemovedBlock[] {
  const inside = new Set(container.elements);
  const removed: RemovedBlock[] = [];
  const visit = (element: Element): void => {
    if (inside.has(element) || view.dropped.has(element)) return;
    const pattern = view.info.get(element)?.marks.boilerplate;
    if (pattern && isFurniture(element, view, options)) {
      const text = textOf(element, view);
      if (text !== "") removed.push({ kind: pattern.kind, text, rule: pattern.id });
      return;
    }
    for (const child of element.children) if (isTag(child)) visit(child);
  };
  visit(view.root);
  return removed;
}
