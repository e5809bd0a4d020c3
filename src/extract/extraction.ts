import type { Credit, DateValue, Diagnostic, RemovedBlock, Sourced } from "../model/index.js";

/**
 * What one reader (text, raw or HTML) found, before the values of the source record are
 * applied and the article is assembled. Local to the extract stage.
 */
export interface Extraction {
  paragraphs: string[];
  removed: RemovedBlock[];
  credits: Credit[];
  title?: Sourced<string>;
  /** Candidate names with where they came from; junk is dropped when the article is assembled. */
  authors: Sourced<string>[];
  published?: DateValue;
  /** When the page says it was last changed. */
  modified?: DateValue;
  outlet?: Sourced<string>;
  canonicalUrl?: string;
  /** Language the page declares (`<html lang>`), used when the detector cannot decide. */
  declaredLanguage?: string;
  /** Provenance method of the body text: "text", "raw-blocks", "html-container", "html-body", "readability". */
  method: string;
  diagnostics: Diagnostic[];
}
