// WARC records for the corpus: helper A's writer from the build under test (src/sources/
// warc-writer.ts) when it is there, else a minimal local one with the same two functions.
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { distModule } from "../common.mjs";

/** {writeWarcRecord, warcResponse, origin}: origin says which writer is in use. */
export async function warcWriter() {
  try {
    const url = distModule("sources/warc-writer.js");
    if (existsSync(url)) {
      const writer = await import(url);
      if (typeof writer.warcResponse === "function" && typeof writer.writeWarcRecord === "function")
        return {
          writeWarcRecord: writer.writeWarcRecord,
          warcResponse: writer.warcResponse,
          origin: "src/sources/warc-writer",
        };
    }
  } catch {
    // no build yet: the local writer below does the same job
  }
  return { writeWarcRecord, warcResponse, origin: "bench/ingest/warc.mjs (local)" };
}

const CRLF = "\r\n";

function writeWarcRecord(spec, options = {}) {
  const block = Buffer.from(spec.block);
  const fields = [
    ["WARC-Type", spec.type],
    ["WARC-Record-ID", `<urn:uuid:${uuidOf(spec)}>`],
    ["WARC-Date", spec.date],
  ];
  if (spec.targetUri !== undefined) fields.push(["WARC-Target-URI", spec.targetUri]);
  if (spec.contentType !== undefined) fields.push(["Content-Type", spec.contentType]);
  fields.push(...Object.entries(spec.headers ?? {}), ["Content-Length", String(block.length)]);
  const head = `WARC/1.1${CRLF}${fields.map(([n, v]) => `${n}: ${v}${CRLF}`).join("")}${CRLF}`;
  const record = Buffer.concat([Buffer.from(head), block, Buffer.from(CRLF + CRLF)]);
  return options.gzip ? gzipSync(record) : record;
}

function warcResponse(url, body, options) {
  const payload = Buffer.from(body);
  const head = `HTTP/1.1 200 OK${CRLF}Content-Type: ${options.contentType ?? "text/html; charset=utf-8"}${CRLF}Content-Length: ${payload.length}${CRLF}${CRLF}`;
  const block = Buffer.concat([Buffer.from(head, "latin1"), payload]);
  return writeWarcRecord(
    {
      type: "response",
      date: options.date,
      targetUri: url,
      contentType: "application/http; msgtype=response",
      block,
    },
    options,
  );
}

/** A record id from the content: the same record always gets the same id (corpora repeat). */
function uuidOf(spec) {
  const hex = createHash("sha1")
    .update(`${spec.type}\n${spec.targetUri ?? ""}\n${spec.date}\n`)
    .update(Buffer.from(spec.block))
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
