import { type AnyNode, type Document, type Element, isTag, Text } from "domhandler";
import { parseDocument } from "htmlparser2";
import type { Diagnostic } from "../../model/index.js";

/** Caps that keep a hostile or broken page from exhausting the stack or the time budget. */
export interface ParseLimits {
  /**
   * Characters of markup read: 5,000,000. News pages weigh 50 kB to 2 MB; past this the page is
   * a dump or an attack, and its start holds the article.
   */
  maxChars: number;
  /**
   * Element depth walked: 200. Real pages nest 20 to 60 deep (browsers stop at 512); every walker
   * of this stage recurses, so deeper content is flattened to its text here, once.
   */
  maxDepth: number;
  /**
   * Elements a page may have to be given to the Readability fallback: 20,000. News pages hold a
   * few thousand; Readability's DOM (linkedom) costs some 50 µs per element, so a page of
   * 100,000 empty list items would take seconds to read for nothing.
   */
  maxReadabilityElements: number;
}

export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxChars: 5_000_000,
  maxDepth: 200,
  maxReadabilityElements: 20_000,
});

export interface ParsedHtml {
  document: Document;
  /** The markup that was parsed: cut to `maxChars`, deep tags removed. */
  markup: string;
  diagnostics: Diagnostic[];
}

/**
 * Parses HTML with htmlparser2 (forgiving: malformed markup never throws). A page longer than
 * `maxChars` is cut; elements deeper than `maxDepth` are replaced by their text, so later
 * recursive walks stay shallow. Both are reported as warnings: the text is still read.
 */
export function parseHtml(
  content: string,
  limits: Pick<ParseLimits, "maxChars" | "maxDepth"> = DEFAULT_PARSE_LIMITS,
  input?: string,
): ParsedHtml {
  const diagnostics: Diagnostic[] = [];
  const where = input === undefined ? {} : { input };
  let markup = content;
  if (content.length > limits.maxChars) {
    markup = content.slice(0, limits.maxChars);
    diagnostics.push({
      severity: "warning",
      stage: "extract",
      code: "extract/too-large",
      message: `The page has ${content.length} characters of HTML; only the first ${limits.maxChars} were read`,
      ...where,
    });
  }
  // htmlparser2 keeps its open elements with unshift/shift, so a very deep page costs time
  // quadratic in its depth: tags below the cap are cut from the markup before parsing.
  const shallow = stripDeepTags(markup, limits.maxDepth);
  const document = parseDocument(shallow.markup);
  const flattened = shallow.stripped + flattenBelow(document, limits.maxDepth);
  if (flattened > 0) {
    diagnostics.push({
      severity: "warning",
      stage: "extract",
      code: "extract/too-deep",
      message: `The page nests elements deeper than ${limits.maxDepth} levels; ${flattened} tag(s) below that depth were read as plain text`,
      ...where,
    });
  }
  return { document, diagnostics, markup: shallow.markup };
}

/** Elements without content: they never open a level. */
const VOID_TAGS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
/**
 * Elements whose end tag may be left out: a parser closes them at the next sibling, so they are
 * not counted as levels (the count may only fall short, and a short count is harmless).
 */
const OPTIONAL_END_TAGS = new Set(["p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody"]);
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];
const FORM_FIELDS = ["select", "button", "datalist", "textarea", "optgroup"];
/**
 * Counted elements whose start tag closes an open one just above it, as htmlparser2's
 * openImpliesClose does ("<a>" inside "<a>" is a sibling): else "<a>" x 100,000 looks deep.
 */
const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>([
  ["a", new Set(["a"])],
  ...HEADINGS.map((h): [string, ReadonlySet<string>] => [h, new Set(HEADINGS)]),
  ...[...FORM_FIELDS, "output"].map((f): [string, ReadonlySet<string>] => [f, new Set(FORM_FIELDS)]),
  ["optgroup", new Set(["optgroup"])],
  ["rt", new Set(["rt", "rp"])],
  ["rp", new Set(["rt", "rp"])],
]);
/** Foreign elements (SVG, MathML): inside them "<x/>" closes its tag, as in XML. */
const FOREIGN_TAGS = new Set(["svg", "math"]);
/** Elements whose content is raw text, where "<" opens no tag. */
const RAW_TEXT_TAGS = new Set(["script", "style", "textarea", "title", "xmp", "noscript"]);

/**
 * One scan of the markup that follows the open elements as htmlparser2 does and cuts the tags
 * below `maxDepth`, keeping their text. Returns the markup unchanged (same string) when nothing
 * is that deep.
 */
export function stripDeepTags(markup: string, maxDepth: number): { markup: string; stripped: number } {
  const kept: string[] = [];
  const open = createOpenElements();
  let stripped = 0;
  let copiedTo = 0;
  const strip = (at: number, end: number): void => {
    kept.push(markup.slice(copiedTo, at), " ");
    copiedTo = end + 1;
    stripped++;
  };
  let at = markup.indexOf("<");
  while (at >= 0 && at < markup.length - 1) {
    const next = markup.charCodeAt(at + 1);
    if (next === 33 /* ! */) {
      const end = markup.startsWith("<!--", at) ? markup.indexOf("-->", at + 4) : markup.indexOf(">", at);
      at = end < 0 ? -1 : markup.indexOf("<", end);
      continue;
    }
    const closing = next === 47; /* / */
    const nameStart = closing ? at + 2 : at + 1;
    const name = tagNameAt(markup, nameStart);
    const end = name === "" ? -1 : markup.indexOf(">", nameStart);
    if (end < 0) {
      at = markup.indexOf("<", at + 1);
      continue;
    }
    const counted = !VOID_TAGS.has(name) && !OPTIONAL_END_TAGS.has(name);
    if (counted && closing) {
      const level = open.close(name);
      if (level > maxDepth) strip(at, end);
    } else if (counted && !(markup.charCodeAt(end - 1) === 47 /* / */ && open.selfClosing(name))) {
      if (open.open(name) > maxDepth) strip(at, end);
    }
    if (!closing && RAW_TEXT_TAGS.has(name)) {
      const closer = new RegExp(`</${name}`, "gi");
      closer.lastIndex = end;
      at = closer.exec(markup)?.index ?? -1;
      continue;
    }
    at = markup.indexOf("<", end);
  }
  if (stripped === 0) return { markup, stripped };
  kept.push(markup.slice(copiedTo));
  return { markup: kept.join(""), stripped };
}

/**
 * The open elements as htmlparser2 keeps them: an end tag closes the innermost element of its
 * name and every element left open inside it, and is ignored when none is open. Counting names
 * makes each step O(1) amortised, so a hostile page of 100,000 stray end tags stays linear.
 */
function createOpenElements() {
  const names: string[] = [];
  const openByName = new Map<string, number>();
  // Index of the outermost open <svg> or <math>: inside, "<x/>" closes its element as in XML;
  // outside, HTML ignores the slash and "<div/>" opens a <div>.
  let foreignFrom = Number.POSITIVE_INFINITY;

  /** Closes the innermost open element of this name; returns its level, 0 when none was open. */
  function close(name: string): number {
    if (!openByName.get(name)) return 0;
    for (;;) {
      const popped = names.pop() as string;
      openByName.set(popped, (openByName.get(popped) ?? 1) - 1);
      if (names.length <= foreignFrom) foreignFrom = Number.POSITIVE_INFINITY;
      if (popped === name) return names.length + 1;
    }
  }

  /** Opens an element; returns its level (1 = outermost). */
  function open(name: string): number {
    const closes = IMPLIED_CLOSE.get(name);
    for (let top = names.at(-1); top !== undefined && closes?.has(top); top = names.at(-1)) close(top);
    if (FOREIGN_TAGS.has(name) && names.length < foreignFrom) foreignFrom = names.length;
    names.push(name);
    openByName.set(name, (openByName.get(name) ?? 0) + 1);
    return names.length;
  }

  /** Whether "<name/>" closes itself here: inside SVG or MathML, or an <svg/> or <math/>. */
  function selfClosing(name: string): boolean {
    return FOREIGN_TAGS.has(name) || names.length > foreignFrom;
  }

  return { open, close, selfClosing };
}

/** The lower-case tag name that starts at `start`, or "" when no letter is there. */
function tagNameAt(markup: string, start: number): string {
  let end = start;
  while (end < markup.length) {
    const code = markup.charCodeAt(end) | 32; // lower case for letters
    const isNameChar = (code >= 97 && code <= 122) || (end > start && /[0-9:-]/.test(markup.charAt(end)));
    if (!isNameChar) break;
    end++;
  }
  return markup.slice(start, end).toLowerCase();
}

/**
 * Walks the tree without recursion and replaces the children of each element at `maxDepth`
 * by one text node holding their text. Returns how many elements were flattened.
 */
function flattenBelow(document: Document, maxDepth: number): number {
  let flattened = 0;
  const stack: [AnyNode, number][] = document.children.map((child) => [child, 1]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [AnyNode, number];
    if (!isTag(node)) continue;
    if (depth >= maxDepth && node.children.some(isTag)) {
      replaceChildrenByText(node);
      flattened++;
      continue;
    }
    for (const child of node.children) stack.push([child, depth + 1]);
  }
  return flattened;
}

function replaceChildrenByText(element: Element): void {
  const parts: string[] = [];
  const stack: AnyNode[] = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === "text") parts.push((node as Text).data);
    else if (isTag(node) && !["script", "style"].includes(node.name)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    }
  }
  const text = new Text(parts.join(" "));
  text.parent = element;
  element.children = [text];
}

/** The elements of a document, counted without recursion up to `cap` + 1 (enough to say "over"). */
export function countElements(document: Document, cap: number): number {
  let count = 0;
  const stack: AnyNode[] = [...document.children];
  while (stack.length > 0 && count <= cap) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node)) continue;
    count++;
    for (const child of node.children) stack.push(child);
  }
  return count;
}
