import { createHash } from "node:crypto";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";

/**
 * Writes WARC 1.1 records: for tests and the ingest bench, which build crawls to read back.
 * Record ids are derived from the content, so the same call writes the same bytes.
 */

export interface WarcRecordSpec {
  type: string;
  /** ISO date, the WARC-Date field. */
  date: string;
  targetUri?: string;
  contentType?: string;
  /** Further named fields, written after the standard ones in the given order. */
  headers?: Readonly<Record<string, string>>;
  block: Uint8Array | string;
}

export interface WriteOptions {
  /** One gzip member per record, as crawlers write .warc.gz. */
  gzip?: boolean;
}

const CRLF = "\r\n";

export function writeWarcRecord(spec: WarcRecordSpec, options: WriteOptions = {}): Uint8Array {
  const block = typeof spec.block === "string" ? Buffer.from(spec.block) : Buffer.from(spec.block);
  const fields: [string, string][] = [
    ["WARC-Type", spec.type],
    ["WARC-Record-ID", recordId(spec, block)],
    ["WARC-Date", spec.date],
  ];
  if (spec.targetUri !== undefined) fields.push(["WARC-Target-URI", spec.targetUri]);
  if (spec.contentType !== undefined) fields.push(["Content-Type", spec.contentType]);
  fields.push(...Object.entries(spec.headers ?? {}));
  fields.push(["Content-Length", String(block.length)]);
  const head = `WARC/1.1${CRLF}${fields.map(([name, value]) => `${name}: ${value}${CRLF}`).join("")}${CRLF}`;
  const record = Buffer.concat([Buffer.from(head), block, Buffer.from(CRLF + CRLF)]);
  return options.gzip ? gzipSync(record) : record;
}

function recordId(spec: WarcRecordSpec, block: Buffer): string {
  const hash = createHash("sha1")
    .update(`${spec.type}\n${spec.targetUri ?? ""}\n${spec.date}\n`)
    .update(block)
    .digest("hex");
  const uuid = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}`;
  return `<urn:uuid:${uuid}>`;
}

export interface WarcResponseOptions extends WriteOptions {
  date: string;
  status?: number;
  /** The HTTP Content-Type; default "text/html; charset=utf-8". */
  contentType?: string;
  /** Send the body chunked (Transfer-Encoding: chunked), in chunks of this many bytes. */
  chunkBytes?: number;
  /** Compress the HTTP body with this Content-Encoding. */
  contentEncoding?: "gzip" | "deflate" | "br";
  /** Extra HTTP headers. */
  httpHeaders?: Readonly<Record<string, string>>;
}

/** A `response` record holding an HTTP/1.1 response with `body` (a string is written as UTF-8). */
export function warcResponse(
  url: string,
  body: string | Uint8Array,
  options: WarcResponseOptions,
): Uint8Array {
  const status = options.status ?? 200;
  const headers: [string, string][] = [["Content-Type", options.contentType ?? "text/html; charset=utf-8"]];
  let payload: Buffer = Buffer.from(typeof body === "string" ? Buffer.from(body) : body);
  if (options.contentEncoding) {
    payload = encode(payload, options.contentEncoding);
    headers.push(["Content-Encoding", options.contentEncoding]);
  }
  if (options.chunkBytes !== undefined) {
    payload = chunk(payload, options.chunkBytes);
    headers.push(["Transfer-Encoding", "chunked"]);
  } else headers.push(["Content-Length", String(payload.length)]);
  headers.push(...Object.entries(options.httpHeaders ?? {}));
  const head = `HTTP/1.1 ${status} ${status === 200 ? "OK" : "Status"}${CRLF}${headers
    .map(([name, value]) => `${name}: ${value}${CRLF}`)
    .join("")}${CRLF}`;
  return writeWarcRecord(
    {
      type: "response",
      date: options.date,
      targetUri: url,
      contentType: "application/http; msgtype=response",
      block: Buffer.concat([Buffer.from(head, "latin1"), payload]),
    },
    options,
  );
}

function encode(bytes: Buffer, coding: "gzip" | "deflate" | "br"): Buffer {
  if (coding === "gzip") return gzipSync(bytes);
  if (coding === "deflate") return deflateSync(bytes);
  return brotliCompressSync(bytes);
}

function chunk(bytes: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    const piece = bytes.subarray(at, at + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}${CRLF}`), piece, Buffer.from(CRLF));
  }
  parts.push(Buffer.from(`0${CRLF}${CRLF}`));
  return Buffer.concat(parts);
}
