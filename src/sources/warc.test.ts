import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { warcSource } from "./warc.js";
import { warcResponse, writeWarcRecord } from "./warc-writer.js";
import { collect, inputs, problems } from "./test-support.js";

let root = "";
const DATE = "2024-05-02T08:00:00Z";
const options = { maxRecordBytes: 1024 * 1024 };
const ELECTION = "<html><body><p>Polls closed at 8 pm; turnout was 61 percent.</p></body></html>";
const COURT = "<html><body><p>The court ruled the law unconstitutional on Tuesday.</p></body></html>";
const QUAKE = "A magnitude 6.1 earthquake struck the coast at dawn.";

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

/** A crawl with every record type: three documents among things that are not. */
function crawlRecords(gzip: boolean): Uint8Array[] {
  return [
    writeWarcRecord(
      { type: "warcinfo", date: DATE, contentType: "application/warc-fields", block: "software: test\r\n" },
      { gzip },
    ),
    writeWarcRecord(
      {
        type: "request",
        date: DATE,
        targetUri: "https://news.example/vote",
        block: "GET /vote HTTP/1.1\r\n\r\n",
      },
      { gzip },
    ),
    warcResponse("https://news.example/vote", ELECTION, { date: DATE, gzip }),
    writeWarcRecord(
      {
        type: "revisit",
        date: DATE,
        targetUri: "https://news.example/vote",
        block: "HTTP/1.1 200 OK\r\n\r\n",
      },
      { gzip },
    ),
    warcResponse("https://news.example/missing", "<p>gone</p>", { date: DATE, gzip, status: 404 }),
    warcResponse("https://news.example/logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]), {
      date: DATE,
      gzip,
      contentType: "image/png",
    }),
    warcResponse("https://news.example/court", COURT, {
      date: DATE,
      gzip,
      contentType: "text/html; charset=windows-1252",
      contentEncoding: "gzip",
      chunkBytes: 16,
    }),
    writeWarcRecord(
      {
        type: "resource",
        date: DATE,
        targetUri: "file:///quake.txt",
        contentType: "text/plain",
        block: QUAKE,
      },
      { gzip },
    ),
  ];
}

function write(name: string, parts: Uint8Array[]): string {
  const path = join(root, name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "parallax-warc-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("warcSource", () => {
  it("turns 2xx HTML responses and text resources into units, skipping the other records", async () => {
    const path = write("crawl.warc", crawlRecords(false));
    const items = await collect(warcSource(path, options));
    expect(problems(items)).toEqual([]);
    const units = inputs(items);
    expect(units.map((u) => u.hints?.url)).toEqual([
      "https://news.example/vote",
      "https://news.example/court",
      "file:///quake.txt",
    ]);
    expect(units.map((u) => u.contentType)).toEqual([
      "text/html; charset=utf-8",
      "text/html; charset=windows-1252",
      "text/plain",
    ]);
    // The chunked, gzip-encoded body comes out decoded.
    expect(text(units[1]!.bytes)).toBe(COURT);
    expect(text(units[0]!.bytes)).toBe(ELECTION);
    expect(units[0]).toMatchObject({ locator: path, hints: { fetchedAt: DATE } });
    // Positions are byte offsets of the records, as CDX gives them.
    const file = readFileSync(path);
    for (const unit of units) expect(file.toString("latin1", unit.record, unit.record! + 8)).toBe("WARC/1.1");
  });

  it("reads a .warc.gz of one gzip member per record, positions being record indexes", async () => {
    const path = write("crawl.warc.gz", crawlRecords(true));
    const items = await collect(warcSource(path, options));
    expect(problems(items)).toEqual([]);
    expect(inputs(items).map((u) => u.record)).toEqual([3, 7, 8]);
    expect(text(inputs(items)[1]!.bytes)).toBe(COURT);
  });

  it("decodes deflate and brotli bodies too", async () => {
    const path = write("codings.warc", [
      warcResponse("https://a.example/1", ELECTION, { date: DATE, contentEncoding: "deflate" }),
      warcResponse("https://a.example/2", COURT, { date: DATE, contentEncoding: "br", chunkBytes: 7 }),
    ]);
    const units = inputs(await collect(warcSource(path, options)));
    expect(units.map((u) => text(u.bytes))).toEqual([ELECTION, COURT]);
  });

  it("reports a truncated gzip and keeps the records before it", async () => {
    const records = crawlRecords(true);
    const last = records.at(-1)!;
    const path = write("cut.warc.gz", [...records.slice(0, -1), last.subarray(0, last.length - 12)]);
    const size = readFileSync(path).length;
    const items = await collect(warcSource(path, options));
    expect(inputs(items)).toHaveLength(2);
    expect(problems(items)).toMatchObject([
      {
        severity: "error",
        code: "ingest/truncated-gzip",
        message: `truncated gzip at byte ${size}`,
        input: path,
      },
    ]);
  });

  it("reports a malformed record and resyncs: the good records around it still come out", async () => {
    const good1 = warcResponse("https://b.example/1", ELECTION, { date: DATE });
    const noLength = Buffer.from(
      "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://b.example/x\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n",
    );
    const garbage = Buffer.from("GARBAGE/9 not a record\r\nmore junk\r\n\r\n");
    const good2 = warcResponse("https://b.example/2", COURT, { date: DATE });
    const good3 = warcResponse("https://b.example/3", QUAKE, { date: DATE, contentType: "text/plain" });
    const path = write("malformed.warc", [good1, noLength, good2, garbage, good3]);
    const items = await collect(warcSource(path, options));
    expect(inputs(items).map((u) => u.hints?.url)).toEqual([
      "https://b.example/1",
      "https://b.example/2",
      "https://b.example/3",
    ]);
    expect(problems(items)).toMatchObject([
      {
        code: "ingest/warc-malformed",
        message: "no Content-Length",
        input: `${path}#offset ${good1.length}`,
      },
      {
        code: "ingest/warc-malformed",
        message: expect.stringContaining("does not begin with WARC/1.x: GARBAGE/9"),
      },
    ]);
  });

  it("reports a Content-Length that overruns the file, finding a record inside what it read", async () => {
    const good = warcResponse("https://c.example/1", ELECTION, { date: DATE });
    const liar = Buffer.from(
      "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n",
    );
    const path = write("overrun.warc", [liar, good]);
    const items = await collect(warcSource(path, options));
    expect(problems(items)).toMatchObject([
      { code: "ingest/warc-malformed", message: expect.stringMatching(/overruns the file/) },
    ]);
    expect(inputs(items).map((u) => u.hints?.url)).toEqual(["https://c.example/1"]);
  });

  it("skips a record over the cap without holding it, and goes on", async () => {
    const big = warcResponse("https://d.example/big", `<p>${"x".repeat(5000)}</p>`, { date: DATE });
    const small = warcResponse("https://d.example/small", COURT, { date: DATE });
    const path = write("big.warc", [big, small]);
    const items = await collect(warcSource(path, { maxRecordBytes: 2000 }));
    expect(problems(items)).toMatchObject([{ code: "ingest/too-large", input: `${path}#offset 0` }]);
    expect(inputs(items).map((u) => u.hints?.url)).toEqual(["https://d.example/small"]);
  });

  it("reports a broken HTTP body for that record only", async () => {
    const broken = writeWarcRecord({
      type: "response",
      date: DATE,
      targetUri: "https://e.example/bad",
      contentType: "application/http; msgtype=response",
      block: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\nnot gzip at all",
    });
    const decodedAlready = writeWarcRecord({
      type: "response",
      date: DATE,
      targetUri: "https://e.example/plain",
      contentType: "application/http; msgtype=response",
      block: `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n${ELECTION}`,
    });
    const path = write("badbody.warc", [
      broken,
      decodedAlready,
      warcResponse("https://e.example/ok", ELECTION, { date: DATE }),
    ]);
    const items = await collect(warcSource(path, options));
    expect(problems(items)).toMatchObject([
      { code: "ingest/warc-http", message: expect.stringContaining("gzip") },
    ]);
    // A body stored decoded under a stale Content-Encoding header is read as it is.
    expect(inputs(items).map((u) => text(u.bytes))).toEqual([ELECTION, ELECTION]);
  });
});
