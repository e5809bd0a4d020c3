import type { Article } from "../model/index.js";

/**
 * How an article is named to a reader, wherever sources are listed (a story's comparison, an
 * event's sources, an export): its outlet, else its site's host, else its file's name. Never its
 * hex id, which says nothing to a reader.
 */
export function articleLabel(article: Pick<Article, "outlet" | "url" | "origin">): string {
  return article.outlet?.value ?? hostOf(article.url) ?? baseName(article.origin.locator);
}

/** A readable column name per article: its label, made unique ("Reuters (2)") in the order given. */
export function outletLabels(articles: readonly Article[]): Map<string, string> {
  const labels = new Map<string, string>();
  const used = new Map<string, number>();
  for (const article of articles) {
    const base = articleLabel(article);
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    labels.set(article.id, count === 1 ? base : `${base} (${count})`);
  }
  return labels;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

function baseName(locator: string): string {
  return (
    locator
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.[a-z0-9]+$/i, "") ?? locator
  );
}
