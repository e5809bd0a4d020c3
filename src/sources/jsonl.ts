import { createReadStream } from "node:fs";
import { error } from "../ingest/diagnostics.js";
import { createByteReader } from "./byte-reader.js";
import type { SourceItem } from "./types.js";

export interface JsonlOptions {
  maxRecordBytes: number;
}

export function isJsonlPath(path: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(path);
}

/**
 * A JSON-lines file, one unit per non-blank line (`kind: "json"`, `record` = 1-based line).
 * Lines are split on bytes, not decoded, so invalid UTF-8 in one line stays in that line and
 * the ingester judges it. A line over the cap is an error for that line only.
 */
export async function* jsonlSource(path: string, options: JsonlOptions): AsyncGenerator<SourceItem> {
  const stream = createReadStream(path);
  const reader = createByteReader(stream);
  let line = 0;
  try {
    for (;;) {
      const read = await reader.readLine(options.maxRecordBytes);
      if (read === undefined) return;
      line++;
      const name = `${path}#line ${line}`;
      if (read.cut) {
        const message = `line over the limit of ${options.maxRecordBytes} bytes; skipped`;
        yield { diagnostic: error("ingest/too-large", message, name) };
        continue;
      }
      if (isBlank(read.line)) continue;
      yield { input: { locator: path, record: line, kind: "json", bytes: read.line } };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    yield { diagnostic: error("ingest/unreadable", `cannot read: ${code ?? String(e)}`, path) };
  } finally {
    stream.destroy();
  }
}

function isBlank(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d);
}
