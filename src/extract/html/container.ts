import type { Element } from "domhandler";
import { isTag } from "domhandler";
import { isWithin, type PageView } from "./page.js";

/** Thresholds of the choice of the article's container; each default says why. */
export interface ContainerOptions {
  /**
   * A hinted container must hold at least this many visible characters of prose: 100, about two
   * sentences; an empty "article-body" shell or a calendar in an article element is not the article.
   */
  minHintChars: number;
  /**
   * A boilerplate-marked element holding this share of the page's prose is a wrapper ("has-sidebar"
   * on the page column), not furniture: 0.5.
   */
  wrapperShare: number;
  /**
   * An article element is the container when it holds this share of the prose of all article
   * elements: 0.5. Below, the page is a list of teasers or of content blocks, and the main
   * column is read instead.
   */
  articleShare: number;
  /**
   * A lede marked outside the container is read with it when their closest common ancestor is
   * at most this many levels above the container: 3, the same article header and body.
   */
  ledeMaxLevels: number;
  /** A lede has at least this many visible characters of prose: 40, a sentence. */
  ledeMinProse: number;
  /**
   * The article element around the hinted body is read whole (for its lede and intro, often
   * outside the body block) when the body holds at least this share of its prose: 0.5.
   */
  bodyShareOfArticle: number;
}

export const DEFAULT_CONTAINER_OPTIONS: Readonly<ContainerOptions> = Object.freeze({
  minHintChars: 100,
  wrapperShare: 0.5,
  articleShare: 0.5,
  ledeMaxLevels: 3,
  ledeMinProse: 40,
  bodyShareOfArticle: 0.5,
});

export interface Container {
  /** The elements whose text is the article, in document order. */
  elements: Element[];
  /** How they were found: "hint:<id>", "scored" or "body". */
  found: string;
}

/** Is a boilerplate-marked element page furniture, as opposed to a wrapper of the article? */
export function isFurniture(element: Element, view: PageView, options: ContainerOptions): boolean {
  const info = view.info.get(element);
  if (!info?.marks.boilerplate || info.marks.content) return false;
  const total = view.info.get(view.root)?.prose ?? 0;
  return info.prose <= total * options.wrapperShare;
}

/**
 * The article's container: the best element named by a content hint (by tier, then by text),
 * else the best element by Readability-style paragraph scoring, else the whole page.
 */
export function findContainer(view: PageView, options: ContainerOptions): Container {
  const hinted = hintedContainer(view, options);
  if (!hinted) return { elements: [view.root], found: "body" };
  const lede = ledeBefore(hinted.elements, view, options);
  return lede ? { ...hinted, elements: [lede, ...hinted.elements] } : hinted;
}

/** The last lede before the container, when it sits next to it (same article, same header). */
function ledeBefore(
  elements: readonly Element[],
  view: PageView,
  options: ContainerOptions,
): Element | undefined {
  const first = elements[0];
  if (!first) return undefined;
  const ancestors: Element[] = [];
  for (
    let node = first.parent;
    node && isTag(node) && ancestors.length < options.ledeMaxLevels;
    node = node.parent
  ) {
    ancestors.push(node);
  }
  const candidates = view.ledes.filter((lede) => {
    const info = view.info.get(lede);
    if (!info || info.prose < options.ledeMinProse || isWithin(first, lede)) return false;
    if (elements.some((element) => isWithin(lede, element))) return false;
    if (!precedes(lede, first)) return false;
    const ancestor = info.boilerplateAncestor;
    if (info.marks.boilerplate || (ancestor && isFurniture(ancestor, view, options))) return false;
    return ancestors.some((a) => isWithin(lede, a));
  });
  return candidates.at(-1);
}

/** Does `a` come before `b` in document order (neither inside the other)? */
function precedes(a: Element, b: Element): boolean {
  const path = (node: Element): Element[] => {
    const out: Element[] = [];
    for (let n: Element | null = node; n; n = n.parent && isTag(n.parent) ? n.parent : null) out.unshift(n);
    return out;
  };
  const pa = path(a);
  const pb = path(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  const parent = pa[i - 1];
  const ca = pa[i];
  const cb = pb[i];
  if (!parent || !ca || !cb) return false;
  return parent.children.indexOf(ca) < parent.children.indexOf(cb);
}

function hintedContainer(view: PageView, options: ContainerOptions): Container | undefined {
  const usable = view.hinted.filter((element) => {
    const info = view.info.get(element);
    if (!info || info.prose < options.minHintChars) return false;
    const ancestor = info.boilerplateAncestor;
    return ancestor === undefined || !isFurniture(ancestor, view, options);
  });
  const prose = (element: Element): number => view.info.get(element)?.prose ?? 0;
  const tierOf = (element: Element): number => view.info.get(element)?.marks.content?.tier ?? 0;
  const tier1 = usable.filter((element) => tierOf(element) === 1);
  if (tier1.length > 0) {
    const best = maxBy(tier1, prose);
    const id = view.info.get(best)?.marks.content?.id;
    // The body of one article is sometimes cut in several blocks of the same class around ads.
    const parts = outermost(tier1.filter((element) => view.info.get(element)?.marks.content?.id === id));
    const article = enclosingArticle(parts, view, options);
    return { elements: article ? [article] : parts, found: `hint:${id ?? ""}` };
  }
  const articles = outermost(usable.filter((element) => tierOf(element) === 2));
  if (articles.length > 0) {
    const best = maxBy(articles, prose);
    const total = articles.reduce((sum, element) => sum + prose(element), 0);
    if (prose(best) >= total * options.articleShare) {
      return { elements: [best], found: `hint:${view.info.get(best)?.marks.content?.id ?? ""}` };
    }
  }
  const mains = usable.filter((element) => tierOf(element) === 3);
  if (mains.length > 0) {
    return { elements: [maxBy(mains, prose)], found: "hint:main" };
  }
  return undefined;
}

/** The article element around the body parts when they are most of its prose. */
function enclosingArticle(
  parts: readonly Element[],
  view: PageView,
  options: ContainerOptions,
): Element | undefined {
  const first = parts[0];
  if (!first) return undefined;
  let article: Element | undefined;
  for (let node = first.parent; node && isTag(node) && node !== view.root; node = node.parent) {
    if (view.info.get(node)?.marks.content?.tier === 2) {
      article = node;
      break;
    }
  }
  if (!article || !parts.every((part) => isWithin(part, article))) return undefined;
  const bodyProse = parts.reduce((sum, part) => sum + (view.info.get(part)?.prose ?? 0), 0);
  const articleProse = view.info.get(article)?.prose ?? 0;
  return bodyProse >= articleProse * options.bodyShareOfArticle ? article : undefined;
}

function outermost(elements: readonly Element[]): Element[] {
  const kept: Element[] = [];
  for (const element of elements) {
    if (kept.some((outer) => isWithin(element, outer))) continue;
    kept.push(element);
  }
  return kept;
}

function maxBy<T>(items: readonly T[], value: (item: T) => number): T {
  let best = items[0] as T;
  let bestValue = value(best);
  for (const item of items.slice(1)) {
    const v = value(item);
    if (v > bestValue) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}
