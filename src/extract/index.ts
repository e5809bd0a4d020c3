import type { Article, SourceDocument } from "../model/index.js";
import { assembleArticle } from "./article.js";
import { textParagraphs } from "./blocks.js";
import { createBlockClassifier } from "./classify.js";
import { loadBoilerplateData } from "./data.js";
import type { Extraction } from "./extraction.js";
import { createHtmlReader } from "./html.js";
import { loadMetadataHints } from "./metadata-data.js";
import {
  DEFAULT_EXTRACT_OPTIONS,
  type ExtractOptions,
  type ResolvedExtractOptions,
  validateOptions,
} from "./options.js";
import { extractRaw } from "./raw.js";
import { type SiteBoilerplate, siteLinesOf } from "./sites/index.js";

export { articleId } from "./article.js";
export type { BlockMatch } from "./classify.js";
export { createBlockClassifier, isLabelLike, looksLikeHeadline } from "./classify.js";
export { parseCreditLine } from "./credits.js";
export { type BoilerplateData, loadBoilerplateData } from "./data.js";
export { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from "./options.js";
export {
  DEFAULT_SITE_LEARNING_OPTIONS,
  learnSiteBoilerplate,
  NO_SITE_BOILERPLATE,
  type SiteBoilerplate,
  type SiteLearningOptions,
  siteOf,
} from "./sites/index.js";

/**
 * Builds the extract stage: a function from a SourceDocument to an Article with clean text,
 * metadata and the boilerplate it removed. Options are checked and the boilerplate data loaded
 * once, here; the returned function keeps no state between calls. Its optional second argument
 * is what `learnSiteBoilerplate` learned from the other pages of the document's site.
 */
export function createExtractor(
  options: Partial<ExtractOptions> = {},
): (doc: SourceDocument, sites?: SiteBoilerplate) => Article {
  const { data, ...overrides } = options;
  const thresholds = { ...DEFAULT_EXTRACT_OPTIONS, ...overrides };
  validateOptions(thresholds);
  const resolved: ResolvedExtractOptions = { ...thresholds, data: data ?? loadBoilerplateData() };
  const classify = createBlockClassifier(resolved.data.blocks);
  const readHtml = createHtmlReader();
  const hints = loadMetadataHints();

  function read(doc: SourceDocument, sites: SiteBoilerplate | undefined): Extraction {
    switch (doc.format) {
      case "html":
        return readHtml(doc.content, {
          options: resolved,
          classify,
          hints,
          input: doc.origin.locator,
          ...(doc.given.url ? { givenUrl: doc.given.url } : {}),
        });
      case "raw":
        return extractRaw(doc.content, {
          options: resolved,
          classify,
          siteLines: siteLinesOf(sites, doc),
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

  return function extract(doc: SourceDocument, sites?: SiteBoilerplate): Article {
    return assembleArticle(doc, read(doc, sites), resolved);
  };
}
