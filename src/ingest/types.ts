import type { ContentFormat, Diagnostic, SourceDocument } from "../model/index.js";

/**
 * Bytes as the input edge read them, before any decoding. This is not a document type: it only
 * travels from `readInputs` (disk, stdin) to the ingester, which turns it into SourceDocuments.
 */
export interface RawInput {
  /** File path, URL or "stdin"; diagnostics name the input by it. */
  locator: string;
  bytes: Uint8Array;
  /** A MIME type with an optional charset, e.g. "text/html; charset=windows-1256" (from HTTP). */
  contentType?: string;
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
