import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIngester } from "../ingest/index.js";
import { jsonlSource } from "./jsonl.js";
import type { SourceItem } from "./types.js";

let root = "";
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "parallax-jsonl-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("jsonlSource", () => {
  it("gives one json unit per non-blank line, numbered from 1, CRLF or LF, last line without a newline", async () => {
    const path = join(root, "dump.jsonl");
    writeFileSync(
      path,
      '{"text":"Polls closed."}\r\n\n{"text":"The court ruled."}\n   \n{"text":"A quake struck."}',
    );
    const items = await collect(jsonlSource(path, { maxRecordBytes: 1000 }));
    expect(items.map((item) => ("input" in item ? [item.input.record, item.input.kind] : item))).toEqual([
      [1, "json"],
      [3, "json"],
      [5, "json"],
    ]);
    const first = items[0] as { input: { bytes: Uint8Array; locator: string } };
    expect(Buffer.from(first.input.bytes).toString()).toBe('{"text":"Polls closed."}');
    expect(first.input.locator).toBe(path);
  });

  it("keeps invalid UTF-8 inside its own line: the unit comes out byte for byte, the next line intact", async () => {
    const path = join(root, "bad-utf8.ndjson");
    const bad = Buffer.concat([Buffer.from('{"text":"caf'), Buffer.from([0xe9, 0xff]), Buffer.from('"}')]);
    writeFileSync(path, Buffer.concat([bad, Buffer.from('\n{"text":"Turnout was 61%."}\n')]));
    const items = await collect(jsonlSource(path, { maxRecordBytes: 1000 }));
    expect(items).toHaveLength(2);
    expect(Buffer.from((items[0] as { input: { bytes: Uint8Array } }).input.bytes).equals(bad)).toBe(true);
    expect(Buffer.from((items[1] as { input: { bytes: Uint8Array } }).input.bytes).toString()).toBe(
      '{"text":"Turnout was 61%."}',
    );
  });

  it("refuses a line over the cap, for that line only", async () => {
    const path = join(root, "long.jsonl");
    writeFileSync(path, `{"text":"${"x".repeat(500)}"}\n{"text":"short"}\n`);
    const items = await collect(jsonlSource(path, { maxRecordBytes: 100 }));
    expect(items).toMatchObject([
      { diagnostic: { code: "ingest/too-large", input: `${path}#line 1` } },
      { input: { record: 2 } },
    ]);
  });

  it("gives the ingester a line it can read as one JSON record", async () => {
    const path = join(root, "one.jsonl");
    writeFileSync(path, '{"title":"Vote count","text":"Polls closed at 8 pm and counting began."}\n');
    const [item] = await collect(jsonlSource(path, { maxRecordBytes: 1000 }));
    const input = (item as { input: { bytes: Uint8Array } }).input;
    const result = createIngester()({ locator: "one.json", bytes: input.bytes });
    expect(result.documents).toHaveLength(1);
  });
});
