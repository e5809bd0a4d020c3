import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";

/** An HTTP/1.x response as a WARC `response` record stores it. */
export interface HttpResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with ", " as RFC 9110 allows. */
  headers: Map<string, string>;
  /** The body with transfer and content codings removed. */
  body: Buffer;
}

export type HttpParse = { response: HttpResponse } | { problem: string };

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/;
const HEADER_END = Buffer.from("\r\n\r\n");
const BARE_HEADER_END = Buffer.from("\n\n");

/** Parses a response block; `maxBodyBytes` caps the decoded body (a zip bomb stops there). */
export function parseHttpResponse(block: Buffer, maxBodyBytes: number): HttpParse {
  const head = splitHead(block);
  if (head === undefined) return { problem: "HTTP headers do not end" };
  const lines = head.text.split(/\r?\n/);
  const status = STATUS_LINE.exec(lines[0] ?? "")?.[1];
  if (status === undefined) return { problem: `not an HTTP status line: ${printable(lines[0] ?? "")}` };
  const headers = parseHeaderLines(lines.slice(1));
  const body = decodeBody(block.subarray(head.bodyStart), headers, maxBodyBytes);
  if ("problem" in body) return body;
  return { response: { status: Number(status), headers, body: body.bytes } };
}

function splitHead(block: Buffer): { text: string; bodyStart: number } | undefined {
  const crlf = block.indexOf(HEADER_END);
  const lf = block.indexOf(BARE_HEADER_END);
  // Some crawlers store bare "\n" line ends; the earlier terminator is the real one.
  if (crlf !== -1 && (lf === -1 || crlf < lf))
    return { text: block.toString("latin1", 0, crlf), bodyStart: crlf + 4 };
  if (lf !== -1) return { text: block.toString("latin1", 0, lf), bodyStart: lf + 2 };
  return undefined;
}

/** "Name: value" lines; a line starting with white space continues the previous one (obs-fold). */
export function parseHeaderLines(lines: readonly string[]): Map<string, string> {
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last !== undefined) {
      headers.set(last, `${headers.get(last) ?? ""} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? value : `${previous}, ${value}`);
    last = name;
  }
  return headers;
}

function decodeBody(
  raw: Buffer,
  headers: Map<string, string>,
  maxBytes: number,
): { bytes: Buffer } | { problem: string } {
  let bytes = raw;
  if (codings(headers.get("transfer-encoding")).includes("chunked")) {
    const dechunked = dechunk(bytes);
    if (dechunked === undefined) return { problem: "bad chunked transfer encoding" };
    bytes = dechunked;
  }
  // Codings apply in the order listed, so they come off in reverse.
  for (const coding of codings(headers.get("content-encoding")).reverse()) {
    const decoded = removeCoding(bytes, coding, maxBytes);
    // Some crawlers store the body already decoded but keep the header: markup is not compressed.
    if ("problem" in decoded && startsWithMarkup(bytes)) return { bytes };
    if ("problem" in decoded) return decoded;
    bytes = decoded.bytes;
  }
  return { bytes };
}

function codings(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== "" && part !== "identity");
}

/** Chunked transfer coding (RFC 9112 §7.1); undefined when the sizes do not add up. */
export function dechunk(bytes: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf(0x0a, at);
    if (lineEnd === -1) return undefined;
    const sizeText = bytes.toString("latin1", at, lineEnd).split(";")[0]?.trim() ?? "";
    if (!/^[0-9a-f]+$/i.test(sizeText)) return undefined;
    const size = parseInt(sizeText, 16);
    if (size === 0) return Buffer.concat(parts); // trailers after the last chunk are not body
    const start = lineEnd + 1;
    if (start + size > bytes.length) return undefined;
    parts.push(bytes.subarray(start, start + size));
    at = start + size;
    // Each chunk's data ends with CRLF.
    if (bytes[at] === 0x0d) at++;
    if (bytes[at] === 0x0a) at++;
  }
}

function removeCoding(
  bytes: Buffer,
  coding: string,
  maxBytes: number,
): { bytes: Buffer } | { problem: string } {
  const options = { maxOutputLength: maxBytes };
  try {
    if (coding === "gzip" || coding === "x-gzip") return { bytes: gunzipSync(bytes, options) };
    if (coding === "br") return { bytes: brotliDecompressSync(bytes, options) };
    if (coding === "deflate") return { bytes: inflateDeflate(bytes, maxBytes) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      return { problem: `decoded body over the limit of ${maxBytes} bytes` };
    return { problem: `bad ${coding} content encoding: ${(e as Error).message}` };
  }
  return { problem: `unknown content encoding "${coding}"` };
}

/** "deflate" should be zlib-wrapped, but servers long sent raw deflate; browsers accept both. */
function inflateDeflate(bytes: Buffer, maxBytes: number): Buffer {
  try {
    return inflateSync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw e;
    return inflateRawSync(bytes, { maxOutputLength: maxBytes });
  }
}

/** A line for a one-line message: control bytes shown as "?", cut to a readable length. */
export function printable(text: string, max = 60): string {
  const clean = [...text.slice(0, max + 1)].map((c) => (isControl(c.charCodeAt(0)) ? "?" : c)).join("");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

function startsWithMarkup(bytes: Buffer): boolean {
  return /^\s*</.test(bytes.toString("latin1", 0, 64));
}
