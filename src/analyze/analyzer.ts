import type { Annotations, Article, Diagnostic, MentionKind } from "../model/index.js";
import type { AnalysisComponent } from "./component.js";

/** Runs analysis components in order over one article; built once, then called per article. */
export type Analyzer = (article: Article) => Article;

/**
 * Checks, before anything runs, that every component's requirements are provided by an earlier
 * one, so a mis-ordered pipeline fails when it is built and not halfway through a corpus.
 */
export function createAnalyzer(components: readonly AnalysisComponent[]): Analyzer {
  assertRunnable(components);
  return (article) => components.reduce(applyComponent, article);
}

function assertRunnable(components: readonly AnalysisComponent[]): void {
  const provided = new Set<MentionKind>();
  const names = new Set<string>();
  for (const component of components) {
    if (names.has(component.name)) throw new Error(`analyze: component "${component.name}" is listed twice`);
    names.add(component.name);
    const missing = component.requires.filter((kind) => !provided.has(kind));
    if (missing.length > 0) {
      throw new Error(
        `analyze: component "${component.name}" requires ${missing.join(", ")}, which no earlier component provides`,
      );
    }
    for (const kind of component.provides) provided.add(kind);
  }
}

/**
 * A component that throws is a bug, but one bad article must not end a run over thousands: the
 * failure becomes an error diagnostic on that article and the others go on.
 */
function applyComponent(article: Article, component: AnalysisComponent): Article {
  try {
    const added = component.run(article);
    return { ...article, annotations: mergeAnnotations(article.annotations, added) };
  } catch (error) {
    const diagnostic: Diagnostic = {
      severity: "error",
      stage: "analyze",
      code: `analyze/${component.name}-failed`,
      message: `${component.name} failed: ${error instanceof Error ? error.message : String(error)}`,
      input: article.origin.locator,
    };
    return { ...article, diagnostics: [...article.diagnostics, diagnostic] };
  }
}

function mergeAnnotations(current: Annotations, added: Partial<Annotations>): Annotations {
  const merged = { ...current };
  for (const key of Object.keys(added) as (keyof Annotations)[]) {
    const list = added[key];
    if (list) (merged as Record<string, unknown>)[key] = inTextOrder(list);
  }
  return merged;
}

/**
 * The list sorted by start (a stable sort, so ties keep their order). Components mostly return
 * their lists in text order already: those are kept as they are rather than copied and sorted.
 */
function inTextOrder<T extends { start: number }>(list: readonly T[]): readonly T[] {
  for (let i = 1; i < list.length; i++) {
    if ((list[i] as T).start < (list[i - 1] as T).start) return [...list].sort((a, b) => a.start - b.start);
  }
  return list;
}
