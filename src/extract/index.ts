import type { Article, SourceDocument } from "../model/index.js";
import { assembleArticle } from "./article.js";
import { textParagraphs } from "./blocks.js";
import { createBlockClassifier } from "./classify.js";
import { loadBoilerplateData } from "./data.js";
import type { Extraction } from "./extraction.js";
import { extractHtml } from "./html.js";
import {
  DEFAULT_EXTRACT_OPTIONS,
  type ExtractOptions,
  type ResolvedExtractOptions,
  validateOptions,
} from "./options.js";
import { extractRaw } from "./raw.js";

export { articleId } from "./article.js";
export type { BlockMatch } from "./classify.js";
export { createBlockClassifier, isLabelLike, looksLikeHeadline } from "./classify.js";
export { parseCreditLine } from "./credits.js";
export { type BoilerplateData, loadBoilerplateData } from "./data.js";
export { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from "./options.js";

/**
 * Builds the extract stage: a function from a SourceDocument to an Article with clean text,
 * metadata and the boilerplate it removed. Options are checked and the boilerplate data loaded
 * once, here; the returned function keeps no state between calls.
 */
export function createExtractor(options: Partial<ExtractOptions> = {}): (doc: SourceDocument) => Article {
  const { data, ...overrides } = options;
  const thresholds = { ...DEFAULT_EXTRACT_OPTIONS, ...overrides };
  validateOptions(thresholds);
  const resolved: ResolvedExtractOptions = { ...thresholds, data: data ?? loadBoilerplateData() };
  const classify = createBlockClassifier(resolved.data.blocks);

  function read(doc: SourceDocument): Extraction {
    switch (doc.format) {
      case "html":
        return extractHtml(doc.content, {
          options: resolved,
          classify,
          input: doc.origin.locator,
          ...(doc.given.url ? { givenUrl: doc.given.url } : {}),
        });
      case "raw":
        return extractRaw(doc.content, {
          options: resolved,
          classify,
          ...(doc.given.title ? { givenTitle: doc.given.title } : {}),
        });
      case "text":
        return {
          paragraphs: textParagraphs(doc.content),
          removed: [],
          credits: [],
          authors: [],
          method: "text",
          diagnostics: [],
        };
      default:
        throw new Error(`extract: unknown content format "${String(doc.format)}"; use html, raw or text`);
    }
  }

  return function extract(doc: SourceDocument): Article {
    return assembleArticle(doc, read(doc), resolved);
  };
}
