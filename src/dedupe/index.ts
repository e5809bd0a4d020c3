/**
 * Dedupe: recognises one text published several times (a wire story republished by several
 * outlets, the same page ingested twice) so that the comparison counts it as one source. Exact
 * copies share their clean text; near copies (another intro line, a byline, a trimmed ending,
 * tracking junk) are found by MinHash over word shingles with LSH banding, and verified by the
 * signatures' estimate of Jaccard similarity. Groups are connected components of verified pairs.
 */
import type { Article, CopyGroup } from "../model/index.js";
import { type CopyIndex, createCopyIndex } from "./copy-index.js";
import { type CopyDetectorOptions, resolveCopyDetectorOptions } from "./options.js";

export { type CopyIndex, createCopyIndex } from "./copy-index.js";
export {
  candidateProbability,
  type CopyDetectorOptions,
  DEFAULT_COPY_DETECTOR_OPTIONS,
  resolveCopyDetectorOptions,
} from "./options.js";
export { createSigner, estimateSimilarity, type SignatureOptions, type TextSignature } from "./signature.js";

export type CopyDetector = (articles: readonly Article[]) => Article[];

/**
 * Builds the dedupe stage. The returned function gives back the articles in their order, each
 * with the `copyGroup` found among the articles given (a group left from an earlier run is
 * replaced or dropped); an article that neither has nor had a group is returned as it is.
 * Pass stored articles along with new ones so that groups span runs; a group's id is its
 * earliest member's, so it does not change when a later copy arrives.
 */
export function createCopyDetector(options: Partial<CopyDetectorOptions> = {}): CopyDetector {
  const opts = resolveCopyDetectorOptions(options);
  return (articles) => {
    const index: CopyIndex = createCopyIndex(opts);
    index.add(articles);
    return withGroups(articles, index.groups());
  };
}

/** The articles with the groups of an index; inputs are never changed. */
export function withGroups(articles: readonly Article[], groups: ReadonlyMap<string, CopyGroup>): Article[] {
  return articles.map((article) => {
    const group = groups.get(article.id);
    if (group) return { ...article, copyGroup: group };
    if (!article.copyGroup) return article;
    const { copyGroup: _dropped, ...rest } = article;
    return rest;
  });
}
