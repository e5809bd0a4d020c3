import type { ContentFormat, Diagnostic, SourceDocument, Sourced } from "../model/index.js";
import { looksBinary } from "./binary.js";
import { canonicalCharset, decodeBytes } from "./decode.js";
import { error, warning } from "./diagnostics.js";
import { bytesStartWithMarkup, type FileKind, kindFromLocator, sniffKind } from "./format.js";
import { type RecordContext, recordToDocument } from "./records.js";
import type { Ingester, IngestOptions, IngestResult, RawInput } from "./types.js";

export type { Ingester, IngestOptions, IngestResult, RawInput } from "./types.js";

const CONTENT_FORMATS: readonly ContentFormat[] = ["html", "raw", "text"];
/** Browsers read undeclared single-byte pages as windows-1252; so do we when the sniff cannot tell. */
const DEFAULT_FALLBACK_CHARSET = "windows-1252";
/**
 * 64 MiB: a news page is well under 5 MB and a JSONL bundle of thousands of articles fits;
 * more is a dump or an archive, which decoding would hold in memory several times over.
 */
export const DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * The ingest stage: raw bytes to SourceDocuments, without touching disk. One input gives one
 * document (an HTML page, a text file) or many (JSON records). Problems become diagnostics
 * naming the input; a bad record never stops the others.
 */
export function createIngester(options: IngestOptions = {}): Ingester {
  const as = options.as;
  if (as !== undefined && !CONTENT_FORMATS.includes(as)) {
    throw new Error(`createIngester: "as" must be one of ${CONTENT_FORMATS.join(", ")}; got "${as}"`);
  }
  const fallbackCharset = options.fallbackCharset ?? DEFAULT_FALLBACK_CHARSET;
  if (canonicalCharset(fallbackCharset) === undefined) {
    throw new Error(`createIngester: unknown fallbackCharset "${fallbackCharset}"`);
  }

  const maxInputBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (!Number.isInteger(maxInputBytes) || maxInputBytes < 1) {
    throw new Error(
      `createIngester: "maxInputBytes" must be a positive integer; got ${String(maxInputBytes)}`,
    );
  }

  return function ingest(input: RawInput): IngestResult {
    const { locator, bytes } = input;
    if (bytes.length === 0) return only(error("ingest/empty", "empty input", locator));
    if (bytes.length > maxInputBytes) {
      const message = `${locator} is ${bytes.length} bytes, over the ${maxInputBytes}-byte limit (maxInputBytes); skipped`;
      return only(error("ingest/too-large", message, locator));
    }
    if (looksBinary(bytes)) {
      return only(error("ingest/binary", "binary content (NUL or control bytes), skipped", locator));
    }

    const extensionKind = kindFromLocator(locator);
    const markup = isMarkup(extensionKind, as, bytes);
    const decoded = decodeBytes(bytes, { contentType: input.contentType, markup, fallbackCharset });
    const diagnostics = decoded.unknownLabels.map((label) =>
      warning("ingest/unknown-charset", `unknown charset "${label}" ignored`, locator),
    );
    if (decoded.overruled) {
      const { label, source, reason } = decoded.overruled;
      const message = `declared charset "${label}" (${source}) ignored: ${reason}; read as ${decoded.encoding.value}`;
      diagnostics.push(warning("ingest/charset-mislabelled", message, locator));
    }
    if (decoded.text.trim() === "")
      return { documents: [], diagnostics: [...diagnostics, emptyWarning(locator)] };

    const kind = extensionKind ?? sniffKind(decoded.text);
    const result = readKind(kind, decoded.text, locator, decoded.encoding, as);
    return { documents: result.documents, diagnostics: [...diagnostics, ...result.diagnostics] };
  };
}

/** Whether to look for a <meta> charset and to skip tags when sniffing the charset. */
function isMarkup(
  extensionKind: FileKind | undefined,
  as: ContentFormat | undefined,
  bytes: Uint8Array,
): boolean {
  if (extensionKind === "json" || extensionKind === "jsonl") return false;
  return (
    extensionKind === "html" || as === "html" || (extensionKind === undefined && bytesStartWithMarkup(bytes))
  );
}

function readKind(
  kind: FileKind,
  text: string,
  locator: string,
  encoding: Sourced<string>,
  as: ContentFormat | undefined,
): IngestResult {
  switch (kind) {
    case "json":
      return readJson(text, locator, encoding, as);
    case "jsonl":
      return readJsonLines(text, locator, encoding, as);
    default: {
      const document: SourceDocument = {
        origin: { locator },
        format: as ?? kind,
        content: text,
        encoding,
        given: {},
      };
      return { documents: [document], diagnostics: [] };
    }
  }
}

/** A .json file: one record, or an array of records. */
function readJson(
  text: string,
  locator: string,
  encoding: Sourced<string>,
  as: ContentFormat | undefined,
): IngestResult {
  const parsed = parseJson(text);
  if ("error" in parsed) return only(error("ingest/invalid-json", parsed.error, locator));
  const value = parsed.value;
  if (!Array.isArray(value)) {
    return collect([recordToDocument(value, { origin: { locator }, input: locator, encoding, as })]);
  }
  if (value.length === 0) return only(emptyWarning(locator));
  return collect(
    value.map((record, index) =>
      recordToDocument(record, {
        origin: { locator, record: index },
        input: `${locator}#index ${index}`,
        encoding,
        as,
      }),
    ),
  );
}

/** A .jsonl file: one record per line; a bad line is reported and the others still come through. */
function readJsonLines(
  text: string,
  locator: string,
  encoding: Sourced<string>,
  as: ContentFormat | undefined,
): IngestResult {
  const results: ReturnType<typeof recordToDocument>[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const lineNumber = index + 1;
    const context: RecordContext = {
      origin: { locator, record: lineNumber },
      input: `${locator}#line ${lineNumber}`,
      encoding,
      as,
    };
    const parsed = parseJson(line);
    if ("error" in parsed) {
      results.push({ diagnostics: [error("ingest/invalid-json", parsed.error, context.input)] });
    } else results.push(recordToDocument(parsed.value, context));
  });
  return collect(results);
}

function collect(results: { document?: SourceDocument; diagnostics: Diagnostic[] }[]): IngestResult {
  return {
    documents: results.flatMap((r) => (r.document ? [r.document] : [])),
    diagnostics: results.flatMap((r) => r.diagnostics),
  };
}

function only(diagnostic: Diagnostic): IngestResult {
  return { documents: [], diagnostics: [diagnostic] };
}

function emptyWarning(locator: string): Diagnostic {
  return error("ingest/empty", "no content (only whitespace or no records)", locator);
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ");
    return { error: `invalid JSON: ${reason}` };
  }
}
