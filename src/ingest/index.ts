import type { ContentFormat, Diagnostic, Origin, SourceDocument, Sourced } from "../model/index.js";
import { looksBinary } from "./binary.js";
import { canonicalCharset, decodeBytes } from "./decode.js";
import { error, warning } from "./diagnostics.js";
import { bytesStartWithMarkup, type FileKind, kindFromLocator, sniffKind } from "./format.js";
import { type RecordContext, recordToDocument } from "./records.js";
import {
  type Ingester,
  type IngestOptions,
  type IngestResult,
  type InputHints,
  type InputKind,
  inputName,
  type RawInput,
} from "./types.js";

export type { Ingester, IngestOptions, IngestResult, InputHints, InputKind, RawInput } from "./types.js";
export { inputName } from "./types.js";

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
    const { bytes } = input;
    const name = inputName(input);
    if (bytes.length === 0) return only(error("ingest/empty", "empty input", name));
    if (bytes.length > maxInputBytes) {
      const message = `${name} is ${bytes.length} bytes, over the ${maxInputBytes}-byte limit (maxInputBytes); skipped`;
      return only(error("ingest/too-large", message, name));
    }
    if (looksBinary(bytes)) {
      return only(error("ingest/binary", "binary content (NUL or control bytes), skipped", name));
    }

    const givenKind = input.kind === undefined ? kindFromLocator(input.locator) : kindOfInput(input.kind);
    const markup = isMarkup(givenKind, as, bytes);
    const decoded = decodeBytes(bytes, { contentType: input.contentType, markup, fallbackCharset });
    const diagnostics = decoded.unknownLabels.map((label) =>
      warning("ingest/unknown-charset", `unknown charset "${label}" ignored`, name),
    );
    if (decoded.overruled) {
      const { label, source, reason } = decoded.overruled;
      const message = `declared charset "${label}" (${source}) ignored: ${reason}; read as ${decoded.encoding.value}`;
      diagnostics.push(warning("ingest/charset-mislabelled", message, name));
    }
    if (decoded.text.trim() === "")
      return { documents: [], diagnostics: [...diagnostics, emptyWarning(name)] };

    const kind = givenKind ?? sniffKind(decoded.text);
    const result = readKind(kind, decoded.text, placeOf(input), decoded.encoding, as);
    const documents = result.documents.map((document) => withHints(document, input.hints));
    return { documents, diagnostics: [...diagnostics, ...result.diagnostics] };
  };
}

/** Where a document came from and how diagnostics name it. */
interface Place {
  origin: Origin;
  name: string;
}

function placeOf(input: RawInput): Place {
  const origin: Origin = {
    locator: input.locator,
    ...(input.record === undefined ? {} : { record: input.record }),
    ...(input.hints?.fetchedAt ? { fetchedAt: input.hints.fetchedAt } : {}),
  };
  return { origin, name: inputName(input) };
}

function kindOfInput(kind: InputKind): FileKind {
  return kind === "text" ? "raw" : kind;
}

/**
 * The container's URL is the document's unless its own record names one; its title and date only
 * fill in what the page lacks (extract decides), so they travel as hints.
 */
function withHints(document: SourceDocument, hints: InputHints | undefined): SourceDocument {
  if (hints === undefined) return document;
  const given = document.given.url || !hints.url ? document.given : { ...document.given, url: hints.url };
  const kept = {
    ...(hints.title ? { title: hints.title } : {}),
    ...(hints.published ? { published: hints.published } : {}),
  };
  return { ...document, given, ...(Object.keys(kept).length > 0 ? { hints: kept } : {}) };
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
  place: Place,
  encoding: Sourced<string>,
  as: ContentFormat | undefined,
): IngestResult {
  switch (kind) {
    case "json":
      return readJson(text, place, encoding, as);
    case "jsonl":
      return readJsonLines(text, place.origin.locator, encoding, as);
    default: {
      const document: SourceDocument = {
        origin: place.origin,
        format: as ?? kind,
        content: text,
        encoding,
        given: {},
      };
      return { documents: [document], diagnostics: [] };
    }
  }
}

/** A .json file (or one JSONL line): one record, or an array of records. */
function readJson(
  text: string,
  place: Place,
  encoding: Sourced<string>,
  as: ContentFormat | undefined,
): IngestResult {
  const parsed = parseJson(text);
  if ("error" in parsed) return only(error("ingest/invalid-json", parsed.error, place.name));
  const value = parsed.value;
  if (!Array.isArray(value)) {
    return collect([recordToDocument(value, { origin: place.origin, input: place.name, encoding, as })]);
  }
  const locator = place.origin.locator;
  if (value.length === 0) return only(emptyWarning(place.name));
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
