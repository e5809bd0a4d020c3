/**
 * The only way the web app builds DOM: `h(tag, attrs, ...children)`. Scraped text is hostile, so
 * text only ever becomes text nodes, attributes come from an allow-list, and a link's `href` is
 * kept only when it is an in-app route, a same-origin path or an http(s) address (external links
 * open in a new tab without referrer or opener). Nothing here parses markup.
 */

export type Child = Node | string | number | false | null | undefined | Child[];

export type AttrValue = string | number | boolean | null | undefined;

export interface Attrs {
  [name: string]: AttrValue | Record<string, EventListener> | undefined;
  /** Event listeners, e.g. `{ click: () => ... }`; the only way to attach behaviour. */
  on?: Record<string, EventListener>;
}

/** Attribute names any element may carry; `aria-*` and `data-*` are allowed too. */
const ALLOWED_ATTRIBUTES = new Set([
  "id",
  "class",
  "title",
  "role",
  "tabindex",
  "lang",
  "dir",
  "hidden",
  "for",
  "type",
  "name",
  "value",
  "placeholder",
  "autocomplete",
  "inputmode",
  "min",
  "max",
  "step",
  "checked",
  "disabled",
  "required",
  "multiple",
  "accept",
  "rows",
  "cols",
  "maxlength",
  "list",
  "selected",
  "open",
  "href",
  "download",
  "datetime",
  "scope",
  "colspan",
  "rowspan",
  "method",
  "novalidate",
  "spellcheck",
  // SVG geometry and text layout.
  "viewBox",
  "preserveAspectRatio",
  "width",
  "height",
  "d",
  "cx",
  "cy",
  "r",
  "x",
  "y",
  "x1",
  "x2",
  "y1",
  "y2",
  "dx",
  "dy",
  "transform",
  "text-anchor",
  "dominant-baseline",
  "focusable",
]);

/** Pattern of the attribute families allowed beside the list. */
const FAMILY_ATTRIBUTE = /^(aria|data)-[a-z0-9-]+$/;

const SVG_NS = "http://www.w3.org/2000/svg";

/** rel of every external link: no opener, no referrer, no endorsement of scraped addresses. */
export const EXTERNAL_REL = "noopener noreferrer nofollow";

export interface SafeHref {
  href: string;
  external: boolean;
}

/**
 * The link target to set, or undefined when the value must not become a link: in-app hash
 * routes ("#/…"), same-origin absolute paths ("/api/…", never "//host"), and http(s) URLs.
 */
export function safeHref(value: string): SafeHref | undefined {
  if (value.startsWith("#/") || value === "#") return { href: value, external: false };
  if (value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")) {
    return { href: value, external: false };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  return { href: url.href, external: true };
}

export function isAllowedAttribute(name: string): boolean {
  return ALLOWED_ATTRIBUTES.has(name) || FAMILY_ATTRIBUTE.test(name);
}

export interface Builders {
  /** An HTML element. */
  h: (tag: string, attrs?: Attrs | null, ...children: Child[]) => HTMLElement;
  /** An SVG element (same rules). */
  s: (tag: string, attrs?: Attrs | null, ...children: Child[]) => SVGElement;
  /** A text node. */
  text: (value: string) => Text;
}

/** Element builders bound to one document (the page's, or linkedom's in tests). */
export function createBuilders(doc: Document): Builders {
  function append(parent: Node, child: Child): void {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) {
      for (const item of child) append(parent, item);
      return;
    }
    if (typeof child === "string" || typeof child === "number") {
      parent.appendChild(doc.createTextNode(String(child)));
      return;
    }
    parent.appendChild(child);
  }

  function setAttributes(element: Element, attrs: Attrs | null | undefined): void {
    if (!attrs) return;
    for (const [name, value] of Object.entries(attrs)) {
      if (name === "on") {
        for (const [event, listener] of Object.entries(value as Record<string, EventListener>)) {
          element.addEventListener(event, listener);
        }
        continue;
      }
      if (!isAllowedAttribute(name)) {
        throw new Error(`h: attribute "${name}" is not on the allow-list`);
      }
      if (value === null || value === undefined || value === false) continue;
      if (name === "href") {
        setHref(element, String(value));
        continue;
      }
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }

  function setHref(element: Element, value: string): void {
    const safe = safeHref(value);
    if (!safe) return;
    element.setAttribute("href", safe.href);
    if (safe.external) {
      element.setAttribute("rel", EXTERNAL_REL);
      element.setAttribute("target", "_blank");
    }
  }

  function h(tag: string, attrs?: Attrs | null, ...children: Child[]): HTMLElement {
    const element = doc.createElement(tag);
    setAttributes(element, attrs);
    append(element, children);
    return element;
  }

  function s(tag: string, attrs?: Attrs | null, ...children: Child[]): SVGElement {
    const element = doc.createElementNS(SVG_NS, tag) as SVGElement;
    setAttributes(element, attrs);
    append(element, children);
    return element;
  }

  return { h, s, text: (value) => doc.createTextNode(value) };
}
