import { type Article, articleFromText, type DateValue } from "../model/index.js";
import type { AnalysisComponent } from "./component.js";

/** An article of `text` with real tokens and sentences, for testing one component on its own. */
export function tokenizedArticle(
  tokenizer: AnalysisComponent,
  text: string,
  fields: Partial<Article> = {},
): Article {
  const base = articleFromText(text, { id: "test", origin: { locator: "test" }, ...fields });
  return { ...base, annotations: { ...base.annotations, ...tokenizer.run(base) } };
}

/** A publication day, as a dateline gives it. */
export function publishedOn(day: string): { published: DateValue } {
  return { published: { value: day, precision: "day", source: "test" } };
}
