import type { Credit, RemovedBlock } from "../model/index.js";
import { sameLine } from "./blocks.js";
import type { BlockMatch } from "./classify.js";
import { creditOfCaption, parseCreditLine } from "./credits.js";
import { readabilityHtml } from "./dom.js";
import type { Extraction } from "./extraction.js";
import {
  countElements,
  createHtmlBodyReader,
  DEFAULT_HTML_BODY_OPTIONS,
  DEFAULT_PARSE_LIMITS,
  type HtmlBody,
  type HtmlBodyOptions,
  type HtmlBodyReader,
  type HtmlPatterns,
  loadHtmlPatterns,
  type ParseLimits,
  parseHtml,
  trimLabels,
} from "./html/index.js";
import { type MetadataContext, readHtmlMetadata } from "./html-metadata.js";
import { outletFromBoilerplate, outletFromUrl } from "./outlet.js";

export interface HtmlContext extends MetadataContext {
  classify: (block: string) => BlockMatch[];
}

export interface HtmlReaderOptions {
  /** Class/id patterns of boilerplate and content; loaded from `data/boilerplate/html.json` when absent. */
  patterns?: HtmlPatterns;
  body?: Partial<HtmlBodyOptions>;
  limits?: ParseLimits;
}

/**
 * Builds the HTML reader once (patterns loaded and compiled here): metadata from the markup
 * first, then the article's container and its text (src/extract/html/), with Readability as
 * the fallback for the rare page where that finds too little.
 */
export function createHtmlReader(
  readerOptions: HtmlReaderOptions = {},
): (content: string, context: HtmlContext) => Extraction {
  const bodyOptions = { ...DEFAULT_HTML_BODY_OPTIONS, ...readerOptions.body };
  const reader = createHtmlBodyReader(readerOptions.patterns ?? loadHtmlPatterns(), bodyOptions);
  const limits = readerOptions.limits ?? DEFAULT_PARSE_LIMITS;
  return (content, context) => readHtml(content, context, reader, limits, bodyOptions);
}

function readHtml(
  content: string,
  context: HtmlContext,
  reader: HtmlBodyReader,
  limits: ParseLimits,
  bodyOptions: HtmlBodyOptions,
): Extraction {
  const { document, diagnostics, markup } = parseHtml(content, limits, context.input);
  // Readability recurses and rescans text at every level, and its DOM is slow to build: a page cut
  // for depth, or with more elements than the cap, is not given to it.
  const tooDeep = diagnostics.some((d) => d.code === "extract/too-deep");
  const fallbackMarkup = (): string | undefined =>
    tooDeep || countElements(document, limits.maxReadabilityElements) > limits.maxReadabilityElements
      ? undefined
      : markup;
  const meta = readHtmlMetadata(document, context, diagnostics);
  const found = reader.read(document);
  const { method, walked } = readBody(found, fallbackMarkup, reader, limits, bodyOptions);
  const sorted = sortParagraphs(walked.paragraphs, meta.title?.value, context);
  const trimmed = trimLabels(sorted.paragraphs, bodyOptions);
  const body = { ...sorted, paragraphs: trimmed.kept, removed: [...sorted.removed, ...trimmed.removed] };
  const captions = walked.captions.map((text) => ({
    kind: "caption" as const,
    text,
    rule: "html/figcaption",
  }));
  const captionCredits = walked.captions
    .map((text) => creditOfCaption(text, context.options.data.metadata.creditLabels))
    .filter((credit): credit is Credit => credit !== undefined);
  const credits = [...captionCredits, ...body.credits];
  const removed = [...captions, ...walked.removed, ...body.removed];
  const outlet =
    meta.outlet ??
    outletFromBoilerplate(
      removed.map((r) => r.text),
      context.options.data.outlets,
    ) ??
    outletFromUrl(meta.canonicalUrl ?? context.givenUrl);

  return {
    ...meta,
    paragraphs: body.paragraphs,
    removed,
    credits,
    method,
    diagnostics,
    ...(outlet ? { outlet } : {}),
  };
}

/**
 * The container's text, or Readability's when the container gave less than `minBodyChars` and
 * Readability finds `fallbackGain` times more (its output is read through the same block filters).
 * When `fallbackMarkup` gives nothing (a page too big for Readability), the container's text is kept.
 */
function readBody(
  found: HtmlBody,
  fallbackMarkup: () => string | undefined,
  reader: HtmlBodyReader,
  limits: ParseLimits,
  { minBodyChars, fallbackGain }: HtmlBodyOptions,
): { method: string; walked: HtmlBody } {
  const method = found.found === "body" ? "html-body" : "html-container";
  if (found.chars >= minBodyChars) return { method, walked: found };
  const markup = fallbackMarkup();
  if (markup === undefined) return { method, walked: found };
  const fallback = readabilityHtml(markup);
  if (fallback === undefined) return { method, walked: found };
  const other = reader.readWhole(parseHtml(fallback, limits).document);
  return other.chars > found.chars * fallbackGain
    ? { method: "readability", walked: other }
    : { method, walked: found };
}

/**
 * Boilerplate patterns also run over Readability's paragraphs ("Advertisement", "Read more: ..."
 * inside the article); structural guesses do not, since the markup already told us the blocks.
 */
function sortParagraphs(
  paragraphs: readonly string[],
  title: string | undefined,
  context: HtmlContext,
): { paragraphs: string[]; removed: RemovedBlock[]; credits: Credit[] } {
  const labels = context.options.data.metadata.creditLabels;
  const sourceLabels = context.options.data.metadata.sourceCreditLabels;
  const kept: string[] = [];
  const removed: RemovedBlock[] = [];
  const credits: Credit[] = [];
  for (const paragraph of paragraphs) {
    if (title !== undefined && sameLine(paragraph, title)) {
      removed.push({ kind: "title", text: paragraph, rule: "html/title-repeat" });
      continue;
    }
    const match = context.classify(paragraph).find((m) => m.rule.role !== "byline");
    if (!match) {
      kept.push(paragraph);
      continue;
    }
    removed.push({ kind: match.rule.kind, text: paragraph, rule: match.rule.id });
    credits.push(...creditsOf(paragraph, match, labels, sourceLabels));
  }
  return { paragraphs: kept, removed, credits };
}

function creditsOf(
  paragraph: string,
  match: BlockMatch,
  labels: readonly string[],
  sourceLabels: ReadonlySet<string>,
): Credit[] {
  if (match.rule.role === "credit") return parseCreditLine(paragraph, labels, sourceLabels);
  const caption = match.rule.role === "caption-credit" ? creditOfCaption(paragraph, labels) : undefined;
  return caption ? [caption] : [];
}
