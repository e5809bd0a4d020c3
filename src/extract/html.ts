import { Readability } from "@mozilla/readability";
import type { Credit, Diagnostic, RemovedBlock } from "../model/index.js";
import { sameLine } from "./blocks.js";
import type { BlockMatch } from "./classify.js";
import { creditOfCaption, parseCreditLine } from "./credits.js";
import { blocksOf, type DomDocument, parseDocument } from "./dom.js";
import type { Extraction } from "./extraction.js";
import { readHtmlMetadata } from "./html-metadata.js";
import type { ResolvedExtractOptions } from "./options.js";
import { outletFromBoilerplate, outletFromUrl } from "./outlet.js";

export interface HtmlContext {
  options: ResolvedExtractOptions;
  classify: (block: string) => BlockMatch[];
  /** URL the source record gives; resolves a relative canonical link and backs the URL date. */
  givenUrl?: string;
  /** For diagnostics. */
  input: string;
}

/**
 * Reads an HTML page: metadata from the markup first, then the body from Readability's content.
 * The page is parsed here, fresh for each call, because Readability changes the DOM it reads.
 */
export function extractHtml(content: string, context: HtmlContext): Extraction {
  const diagnostics: Diagnostic[] = [];
  const document = parseDocument(content);
  const meta = readHtmlMetadata(document, context, diagnostics);

  const { method, walked } = readBody(document, content, context.input, diagnostics);
  const body = sortParagraphs(walked.paragraphs, meta.title?.value, context);
  const captions = walked.captions.map((text) => ({
    kind: "caption" as const,
    text,
    rule: "html/figcaption",
  }));
  const captionCredits = walked.captions
    .map((text) => creditOfCaption(text, context.options.data.metadata.creditLabels))
    .filter((credit): credit is Credit => credit !== undefined);
  const credits = [...captionCredits, ...body.credits];
  const removed = [...captions, ...body.removed];
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

/** Paragraphs and captions of Readability's content, or of the whole body when Readability gives up. */
function readBody(
  document: DomDocument,
  content: string,
  input: string,
  diagnostics: Diagnostic[],
): { method: string; walked: { paragraphs: string[]; captions: string[] } } {
  const parsed = new Readability(document as unknown as Document).parse();
  if (parsed?.content) {
    const root = parseDocument(`<!doctype html><html><body>${parsed.content}</body></html>`).body;
    return { method: "readability", walked: root ? blocksOf(root, true) : { paragraphs: [], captions: [] } };
  }
  // Readability gave up (too little text): read the whole body afresh, minus page furniture.
  diagnostics.push({
    severity: "warning",
    stage: "extract",
    code: "extract/readability-empty",
    message: "Readability found no article content; the page body was read instead",
    input,
  });
  const body = parseDocument(content).body;
  return { method: "html-fallback", walked: body ? blocksOf(body, true) : { paragraphs: [], captions: [] } };
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
