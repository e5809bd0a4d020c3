import type { Annotations, Article, MentionKind } from "../model/index.js";

/**
 * One named step of analysis, in the manner of a spaCy pipeline component: it reads the article
 * with the annotations made so far and returns the annotations it provides. It never changes
 * the article it is given; the analyzer merges what it returns into a new article.
 */
export interface AnalysisComponent {
  readonly name: string;
  /** Annotation kinds that must be present before this component runs. */
  readonly requires: readonly MentionKind[];
  /** Annotation kinds this component fills in. */
  readonly provides: readonly MentionKind[];
  run(article: Article): Partial<Annotations>;
}
