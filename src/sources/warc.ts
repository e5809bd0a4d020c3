import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream";
import { createGunzip, type Gunzip } from "node:zlib";
import { error } from "../ingest/diagnostics.js";
import { type ByteReader, createByteReader } from "./byte-reader.js";
import { parseHeaderLines, parseHttpResponse, printable } from "./http-message.js";
import type { SourceItem } from "./types.js";

/**
 * A streaming WARC 1.0/1.1 reader (ISO 28500). Records are read one at a time; a block over the
 * record cap is skipped without being held. A .warc.gz goes through zlib's gunzip, which reads
 * the usual one-gzip-member-per-record layout as one stream.
 */

/** A WARC header line is short; a longer one is not a WARC header (binary data being resynced). */
const MAX_HEADER_LINE_BYTES = 64 * 1024;
/** Real records carry 10-20 named fields; hundreds mean we are reading something else. */
const MAX_HEADER_LINES = 512;
const VERSION_PREFIX = "WARC/1.";
/** HTTP payload types that are documents to read; others (images, scripts, PDFs) are skipped. */
const DOCUMENT_TYPES = ["text/html", "application/xhtml+xml", "text/plain"];
/** Record types whose content is never a page: the request, crawl metadata, a duplicate pointer. */
const SKIPPED_TYPES = new Set(["request", "warcinfo", "metadata", "revisit", "conversion", "continuation"]);

export interface WarcRecord {
  /**
   * In a .warc, the byte offset of the record (as CDX gives it). In a .warc.gz, the record's
   * 1-based index: gunzip streams all members as one, so member offsets are not cheaply known.
   */
  position: number;
  /** WARC named fields, lower-case names. */
  headers: Map<string, string>;
  block: Buffer;
}

export interface WarcProblem {
  code: string;
  message: string;
  position?: number;
}

export type WarcItem = { record: WarcRecord } | { problem: WarcProblem };

export interface WarcOptions {
  maxRecordBytes: number;
}

export function isGzipPath(path: string): boolean {
  return /\.gz$/i.test(path);
}

/** The records of a WARC file, and a problem for each record (or the stream) that failed. */
export async function* readWarcFile(path: string, options: WarcOptions): AsyncGenerator<WarcItem> {
  const file = createReadStream(path);
  const gunzip = isGzipPath(path) ? createGunzip() : undefined;
  const stream: Readable = gunzip ? pipeline(file, gunzip, () => undefined) : file;
  try {
    yield* readWarc(createByteReader(stream), { ...options, countRecords: gunzip !== undefined });
  } catch (e) {
    yield { problem: streamProblem(e, gunzip) };
  } finally {
    stream.destroy();
  }
}

function streamProblem(e: unknown, gunzip: Gunzip | undefined): WarcProblem {
  const code = (e as NodeJS.ErrnoException).code;
  if (gunzip && code === "Z_BUF_ERROR")
    return { code: "ingest/truncated-gzip", message: `truncated gzip at byte ${gunzip.bytesWritten}` };
  if (gunzip && typeof code === "string" && code.startsWith("Z_"))
    return {
      code: "ingest/bad-gzip",
      message: `corrupt gzip at byte ${gunzip.bytesWritten}: ${(e as Error).message}`,
    };
  return { code: "ingest/unreadable", message: `cannot read: ${code ?? String(e)}` };
}

interface ReadOptions extends WarcOptions {
  /** Positions are record indexes rather than byte offsets (compressed files). */
  countRecords: boolean;
}

type Line = { line: Buffer; offset: number };

/** The record loop over any byte stream. */
export async function* readWarc(reader: ByteReader, options: ReadOptions): AsyncGenerator<WarcItem> {
  let index = 0;
  let pending: Line | undefined;
  for (;;) {
    const first = pending ?? (await nextLine(reader));
    pending = undefined;
    if (first === undefined) return;
    if (first.line.length === 0 || isBlank(first.line)) continue;
    index++;
    const position = options.countRecords ? index : first.offset;
    const malformed = (message: string): { problem: WarcProblem } => ({
      problem: { code: "ingest/warc-malformed", message, position },
    });

    if (!first.line.toString("latin1").startsWith(VERSION_PREFIX)) {
      yield malformed(`record does not begin with WARC/1.x: ${printable(first.line.toString("latin1"))}`);
      pending = await resync(reader);
      continue;
    }
    const headers = await readHeaders(reader);
    if (typeof headers === "string") {
      yield malformed(headers);
      pending = await resync(reader);
      continue;
    }
    const lengthText = headers.get("content-length");
    const length = lengthText !== undefined && /^\d+$/.test(lengthText) ? Number(lengthText) : undefined;
    if (length === undefined) {
      yield malformed(
        lengthText === undefined ? "no Content-Length" : `bad Content-Length "${printable(lengthText)}"`,
      );
      pending = await resync(reader);
      continue;
    }
    if (length > options.maxRecordBytes) {
      const skipped = await reader.skip(length);
      yield {
        problem: {
          code: "ingest/too-large",
          message: `record of ${length} bytes, over the limit of ${options.maxRecordBytes}; skipped`,
          position,
        },
      };
      if (skipped < length)
        yield malformed(`Content-Length ${length} overruns the file by ${length - skipped} bytes`);
      continue;
    }
    const block = await reader.read(length);
    if (block.length < length) {
      yield malformed(`Content-Length ${length} overruns the file by ${length - block.length} bytes`);
      // The length may be wrong rather than the file short: look for a record inside what was read.
      const restart = findVersionLine(block);
      if (restart !== -1) reader.unread(block.subarray(restart));
      continue;
    }
    yield { record: { position, headers, block } };
  }
}

async function nextLine(reader: ByteReader): Promise<Line | undefined> {
  const offset = reader.offset();
  const read = await reader.readLine(MAX_HEADER_LINE_BYTES);
  return read && { line: read.line, offset };
}

function isBlank(line: Buffer): boolean {
  return line.every((b) => b === 0x20 || b === 0x09 || b === 0x0d);
}

/** The named fields up to the blank line, or why they are not WARC fields. */
async function readHeaders(reader: ByteReader): Promise<Map<string, string> | string> {
  const lines: string[] = [];
  for (;;) {
    const read = await reader.readLine(MAX_HEADER_LINE_BYTES);
    if (read === undefined) return "the file ends inside the record header";
    if (read.cut) return `a header line longer than ${MAX_HEADER_LINE_BYTES} bytes`;
    if (read.line.length === 0) return parseHeaderLines(lines);
    // WARC fields are UTF-8 (WARC 1.1 §4).
    lines.push(read.line.toString("utf8"));
    if (lines.length > MAX_HEADER_LINES) return `more than ${MAX_HEADER_LINES} header lines`;
  }
}

/** Skips to the next line that begins with "WARC/1."; undefined at the end of the file. */
async function resync(reader: ByteReader): Promise<Line | undefined> {
  for (;;) {
    const line = await nextLine(reader);
    if (line === undefined || line.line.toString("latin1").startsWith(VERSION_PREFIX)) return line;
  }
}

function findVersionLine(block: Buffer): number {
  if (block.toString("latin1", 0, VERSION_PREFIX.length) === VERSION_PREFIX) return 0;
  const found = block.indexOf(`\n${VERSION_PREFIX}`, 0, "latin1");
  return found === -1 ? -1 : found + 1;
}

/** The WARC file's units: 2xx HTML/text responses and text resources; problems as diagnostics. */
export async function* warcSource(path: string, options: WarcOptions): AsyncGenerator<SourceItem> {
  const gzip = isGzipPath(path);
  const name = (position: number | undefined): string =>
    position === undefined ? path : `${path}#${gzip ? "record" : "offset"} ${position}`;
  for await (const item of readWarcFile(path, options)) {
    if ("problem" in item) {
      yield { diagnostic: error(item.problem.code, item.problem.message, name(item.problem.position)) };
      continue;
    }
    const unit = recordToUnit(item.record, path, options.maxRecordBytes);
    if (unit === undefined) continue;
    if ("problem" in unit)
      yield { diagnostic: error("ingest/warc-http", unit.problem, name(item.record.position)) };
    else yield unit;
  }
}

type Unit = {
  input: { locator: string; record: number; bytes: Uint8Array; contentType?: string; hints: Hints };
};
type Hints = { url?: string; fetchedAt?: string };

/** A record as a unit; undefined for records that are not documents (skipped silently). */
export function recordToUnit(
  record: WarcRecord,
  locator: string,
  maxBodyBytes: number,
): Unit | { problem: string } | undefined {
  const type = (record.headers.get("warc-type") ?? "").toLowerCase();
  if (SKIPPED_TYPES.has(type)) return undefined;
  const hints = compact({
    url: record.headers.get("warc-target-uri"),
    fetchedAt: record.headers.get("warc-date"),
  });
  const base = { locator, record: record.position, hints };
  if (type === "resource") {
    const contentType = record.headers.get("content-type");
    if (!isDocumentType(contentType)) return undefined;
    return { input: { ...base, bytes: record.block, ...(contentType ? { contentType } : {}) } };
  }
  if (type !== "response") return undefined;
  const contentType = record.headers.get("content-type") ?? "";
  if (!/^application\/http\b/i.test(contentType) && !record.block.subarray(0, 5).equals(Buffer.from("HTTP/")))
    return undefined; // a response of another protocol (DNS, FTP): not a page
  const parsed = parseHttpResponse(record.block, maxBodyBytes);
  if ("problem" in parsed) return parsed;
  const { status, headers, body } = parsed.response;
  const httpType = headers.get("content-type");
  if (status < 200 || status > 299 || !isDocumentType(httpType)) return undefined;
  return { input: { ...base, bytes: body, ...(httpType ? { contentType: httpType } : {}) } };
}

/** An absent type is let through: the ingester sniffs the bytes and refuses binary ones. */
function isDocumentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === "") return true;
  const mime = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return DOCUMENT_TYPES.includes(mime);
}

function compact(hints: { url: string | undefined; fetchedAt: string | undefined }): Hints {
  const out: Hints = {};
  if (hints.url) out.url = hints.url.replace(/^<(.*)>$/, "$1"); // WARC 1.0 allowed <...> around the URI
  if (hints.fetchedAt) out.fetchedAt = hints.fetchedAt;
  return out;
}
