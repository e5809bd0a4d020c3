import type { ContentFormat, Diagnostic, SourceDocument } from "../model/index.js";

/**
 * Bytes as the input edge read them, before any decoding. This is not a document type: it only
 * travels from `readInputs` (disk, stdin) to the ingester, which turns it into SourceDocuments.
 */
export interface RawInput {
  /** File path, URL or "stdin" of the page or of its container (a WARC or JSONL file). */
  locator: string;
  /** Position inside the container: 1-based JSONL line, or the byte offset of a WARC record. */
  record?: number;
  bytes: Uint8Array;
  /** A MIME type with an optional charset, e.g. "text/html; charset=windows-1256" (from HTTP). */
  contentType?: string;
  /** How to read the bytes when the locator cannot tell: "json" for one line of a JSONL file. */
  kind?: InputKind;
  /** What the container said of the document (WARC target URI, a feed item's title and date). */
  hints?: InputHints;
}

export type InputKind = "html" | "json" | "raw" | "text";

export interface InputHints {
  /** The URL the page was fetched from: the article's URL unless the source record gives one. */
  url?: string;
  /** Used only where the page itself has none. */
  title?: string;
  published?: string;
  /** When the page was fetched or archived, ISO 8601. */
  fetchedAt?: string;
}

/** How diagnostics name an input: "crawl.warc.gz#offset 1234", "dump.jsonl#line 7", or the locator. */
export function inputName(input: Pick<RawInput, "locator" | "record" | "kind">): string {
  if (input.record === undefined) return input.locator;
  return input.kind === "json"
    ? `${input.locator}#line ${input.record}`
    : `${input.locator}#offset ${input.record}`;
}

export interface IngestOptions {
  /** Read every document as this content format, whatever the extension or record says. */
  as?: ContentFormat;
  /**
   * Charset for single-byte text when the byte-frequency sniff cannot tell (too few letters):
   * windows-1252 by default, as browsers do for undeclared Western pages.
   */
  fallbackCharset?: string;
  /**
   * Inputs larger than this many bytes are refused with an error diagnostic (default
   * DEFAULT_MAX_INPUT_BYTES): a bigger file is a dump or an archive, not pages to read.
   */
  maxInputBytes?: number;
}

export interface IngestResult {
  documents: SourceDocument[];
  diagnostics: Diagnostic[];
}

export type Ingester = (input: RawInput) => IngestResult;
