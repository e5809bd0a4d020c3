import type { ContentFormat, Diagnostic, Origin, SourceDocument, Sourced } from "../model/index.js";
import { error, warning } from "./diagnostics.js";

/**
 * JSON records: `{id?, url?, outlet?, title?, published?, authors?, text? | html? | raw?}`.
 * `text` is clean text taken as is, `html` a page, `raw` scraped text; when a record has several,
 * the cleanest wins (text, then html, then raw). Metadata fields go into `given`.
 */

/** Content fields in order of preference, with the format each one means. */
const CONTENT_FIELDS: readonly [string, ContentFormat][] = [
  ["text", "text"],
  ["html", "html"],
  ["raw", "raw"],
];
const STRING_FIELDS = ["url", "outlet", "title", "published"] as const;

export interface RecordContext {
  origin: Origin;
  /** How diagnostics name the record, e.g. "feed.jsonl#line 3". */
  input: string;
  encoding: Sourced<string>;
  as?: ContentFormat;
}

export function recordToDocument(
  value: unknown,
  context: RecordContext,
): { document?: SourceDocument; diagnostics: Diagnostic[] } {
  if (!isPlainObject(value)) {
    return { diagnostics: [error("ingest/invalid-record", "record is not a JSON object", context.input)] };
  }
  const diagnostics: Diagnostic[] = [];
  const content = CONTENT_FIELDS.find(([field]) => nonEmptyString(value[field]));
  if (!content) {
    const message = 'record has no "text", "html" or "raw" field with content';
    return { diagnostics: [error("ingest/no-content", message, context.input)] };
  }
  const [field, format] = content;
  const document: SourceDocument = {
    origin: context.origin,
    format: context.as ?? format,
    content: value[field] as string,
    encoding: context.encoding,
    given: givenFields(value, context.input, diagnostics),
  };
  return { document, diagnostics };
}

function givenFields(record: Record<string, unknown>, input: string, diagnostics: Diagnostic[]) {
  const given: SourceDocument["given"] = {};
  const badField = (name: string, expected: string) =>
    diagnostics.push(warning("ingest/invalid-field", `field "${name}" ignored: expected ${expected}`, input));

  // Ids are often numbers in exports; they are the same id as a string.
  const id = record.id;
  if (nonEmptyString(id) || (typeof id === "number" && Number.isFinite(id))) given.id = String(id).trim();
  else if (id !== undefined && id !== null) badField("id", "a string or a number");

  for (const name of STRING_FIELDS) {
    const v = record[name];
    if (nonEmptyString(v)) given[name] = v.trim();
    else if (v !== undefined && v !== null && v !== "") badField(name, "a string");
  }

  const authors = record.authors;
  if (nonEmptyString(authors)) given.authors = [authors.trim()];
  else if (Array.isArray(authors) && authors.every((a) => typeof a === "string")) {
    const names = authors.map((a) => a.trim()).filter((a) => a !== "");
    if (names.length > 0) given.authors = names;
  } else if (authors !== undefined && authors !== null) badField("authors", "a string or a list of strings");
  return given;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}
