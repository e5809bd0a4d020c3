import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync, ftruncateSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { createFetcher } from "../../src/fetch/index.js";
import { startTestServer, type TestServer } from "../../src/fetch/test-support.js";
import { createDefaultStages, loadKnowledge } from "../../src/pipeline/default.js";
import { ingestSources, type IngestOutcome } from "../../src/run/ingest.js";
import { openSources, warcResponse } from "../../src/sources/index.js";
import { openSqliteStore } from "../../src/store/index.js";
import { newsPage } from "./support.js";

/**
 * A run over sources as users give them: a feed on a web server (robots.txt, a failing, a hanging
 * and a redirecting page among its items) and a folder of bad files among good ones. Each bad input
 * is one failure naming it; the good ones are stored; the outcome says how many failed.
 */
const stages = createDefaultStages(loadKnowledge());
const DATE = "2024-03-11T10:00:00Z";

function rss(origin: string, paths: string[]): string {
  const items = paths
    .map(
      (p, i) =>
        `<item><title>Item ${i}</title><link>${origin}${p}</link><pubDate>Mon, 11 Mar 2024 08:00:00 GMT</pubDate></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>${items}</channel></rss>`;
}

/** A page with an ETag, answered 304 when the client already has it. */
const html = (i: number) => (req: IncomingMessage, res: ServerResponse) => {
  const etag = `"page-${i}"`;
  if (req.headers["if-none-match"] === etag) return res.writeHead(304, { etag }).end();
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag });
  res.end(newsPage(i));
};

describe("a feed on a local web server", () => {
  let server: TestServer;
  let db: string;
  const paths = ["/a", "/b", "/private/c", "/broken", "/hang", "/to-metadata", "/moved"];

  beforeAll(async () => {
    server = await startTestServer({
      "/feed.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(rss(server.origin, paths));
      },
      // What the watch test follows: no hanging item, whose timeout (20 s in the CLI) would slow it.
      "/quick.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(rss(server.origin, ["/a", "/b", "/broken"]));
      },
      "/robots.txt": (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("User-agent: *\nDisallow: /private/\n");
      },
      "/a": html(0),
      "/b": html(5),
      "/private/c": html(10),
      "/broken": (_req, res) => res.writeHead(500).end("oops"),
      "/hang": () => undefined, // accepts and never answers
      "/to-metadata": (_req, res) => res.writeHead(302, { location: "http://169.254.169.254/latest/" }).end(),
      "/moved": (_req, res) => res.writeHead(301, { location: "/b2" }).end(),
      "/b2": html(9),
    });
    db = join(mkdtempSync(join(tmpdir(), "parallax-feed-")), "feed.db");
  });
  afterAll(() => server.close());

  async function runOnce(): Promise<IngestOutcome> {
    const store = openSqliteStore(db);
    const fetcher = createFetcher({
      addressAllowed: (address) => address === "127.0.0.1",
      // Long enough for a loaded machine (analysis runs in this thread between fetches), short for /hang.
      timeoutMs: 4000,
      perHostIntervalMs: 0,
      perHostConcurrency: 4,
      validators: store.validators,
    });
    try {
      return await ingestSources({
        open: () => openSources([`${server.origin}/feed.xml`], { fetcher }),
        store,
        jobs: 1,
        stages,
      });
    } finally {
      fetcher.close();
      store.close();
    }
  }

  it("reads the items it may, and names each one it may not", async () => {
    const outcome = await runOnce();
    const failures = outcome.diagnostics.filter((d) => d.severity === "error");
    expect(outcome.done).toBe(3); // /a, /b and /moved (as /b2)
    const byInput = new Map(failures.map((d) => [d.input?.replace(server.origin, ""), d.code]));
    expect(byInput).toEqual(
      new Map([
        ["/private/c", "fetch/robots"],
        ["/broken", "fetch/http-status"],
        ["/hang", "fetch/timeout"],
        ["/to-metadata", "fetch/blocked-address"],
      ]),
    );
    expect(outcome.failed).toBe(4);
    const store = openSqliteStore(db);
    const urls = store.listArticles().map((a) => a.url?.replace(server.origin, ""));
    store.close();
    expect(urls.sort()).toEqual(["/a", "/b", "/b2"]);
  }, 60_000);

  it("asks again with the validators it kept: unchanged pages are not read twice", async () => {
    const before = server.hits.length;
    const outcome = await runOnce();
    expect(outcome.done).toBe(0);
    expect(server.headers.get("/a")?.["if-none-match"]).toBe('"page-0"');
    expect(server.hits.length).toBeGreaterThan(before);
    const store = openSqliteStore(db);
    expect(store.counts().articles).toBe(3);
    store.close();
  }, 60_000);

  it("parallax watch follows the feed round after round until stopped", async () => {
    const watchDb = join(mkdtempSync(join(tmpdir(), "parallax-watch-")), "watch.db");
    const controller = new AbortController();
    const summaries: { done: number; skipped: number }[] = [];
    let out = "";
    const code = await main(
      [
        "watch",
        `${server.origin}/quick.xml`,
        "--db",
        watchDb,
        "--every",
        "1s",
        "--jobs",
        "1",
        "--log",
        "json",
        "--allow-private",
      ],
      {
        stdout: (text) => {
          out += text;
          for (const line of text.split("\n").filter((l) => l.startsWith('{"summary"'))) {
            summaries.push((JSON.parse(line) as { summary: { done: number; skipped: number } }).summary);
            if (summaries.length === 2) controller.abort();
          }
        },
        stderr: () => undefined,
        signal: controller.signal,
      },
    );
    expect(summaries[0]?.done).toBe(2);
    expect(summaries[1]?.done).toBe(0); // nothing new in the second round
    expect(code).toBe(1); // the broken items fail every round
    expect(out).toContain('"event":"failed"');
  }, 120_000);
});

describe("a folder of bad inputs among good ones", () => {
  let outcome: IngestOutcome;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "parallax-bad-"));
    mkdirSync(join(dir, "in"));
    const file = (name: string, content: string | Uint8Array) =>
      writeFileSync(join(dir, "in", name), content);
    file("good-1.html", newsPage(1));
    file("good-2.html", newsPage(2));
    file(
      "binary.html",
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256),
    );
    const records = [0, 3].map((i) =>
      warcResponse(`https://news.example/${i}`, newsPage(i), { date: DATE, gzip: true }),
    );
    const whole = Buffer.concat(records);
    file("truncated.warc.gz", whole.subarray(0, whole.length - 200));
    const plain = [4, 6].map((i) =>
      Buffer.from(warcResponse(`https://news.example/${i}`, newsPage(i), { date: DATE })),
    );
    file(
      "malformed.warc",
      Buffer.concat([
        plain[0] as Buffer,
        Buffer.from("WARC/1.1\r\nWARC-Type: response\r\n\r\ngarbage\r\n\r\n"),
        plain[1] as Buffer,
      ]),
    );
    file(
      "records.jsonl",
      `${JSON.stringify({ url: "https://news.example/j", text: "Officials said the bridge reopened on Monday after repairs that took three weeks." })}\n{"text": "\u00ff broken\n`,
    );
    file(
      "bad-utf8.html",
      Buffer.concat([
        Buffer.from(newsPage(7).slice(0, 400)),
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
        Buffer.from(newsPage(7).slice(400)),
      ]),
    );
    file("not-a-feed.rss", "this is not xml at all");
    file("deep.html", `<html><body>${"<div>".repeat(100_000)}text${"</div>".repeat(100_000)}</body></html>`);
    const huge = openSync(join(dir, "in", "huge.html"), "w");
    ftruncateSync(huge, 500 * 1024 * 1024); // sparse: 500 MB on paper, nothing on disk
    closeSync(huge);

    const store = openSqliteStore(join(dir, "bad.db"));
    try {
      outcome = await ingestSources({ open: () => openSources([join(dir, "in")]), store, jobs: 1, stages });
    } finally {
      store.close();
    }
  }, 120_000);

  it("stores the good pages and records, from files and containers", () => {
    const store = openSqliteStore(join(dir, "bad.db"));
    const urls = store.listArticles().map((a) => a.url ?? a.origin.locator.replace(dir, ""));
    store.close();
    expect(urls).toEqual(
      expect.arrayContaining([
        "/in/good-1.html",
        "/in/good-2.html",
        "https://news.example/0",
        "https://news.example/4",
        "https://news.example/6",
        "https://news.example/j",
      ]),
    );
  });

  it("names each bad input once with what is wrong, and counts it", () => {
    const errors = outcome.diagnostics.filter((d) => d.severity === "error");
    const named = (fragment: string) => errors.filter((d) => d.input?.includes(fragment)).map((d) => d.code);
    expect(named("binary.html")).toEqual(["ingest/binary"]);
    expect(named("truncated.warc.gz")).toEqual(["ingest/truncated-gzip"]);
    expect(named("malformed.warc")).toEqual(["ingest/warc-malformed"]);
    expect(named("records.jsonl")).toEqual(["ingest/invalid-json"]);
    expect(named("not-a-feed.rss")).toEqual(["ingest/not-a-feed"]);
    // A page nested 100k deep is read, flattened below the depth cap, with a warning that says so.
    const deep = outcome.diagnostics.filter((d) => d.input?.includes("deep.html"));
    expect(deep.map((d) => [d.severity, d.code])).toContainEqual(["warning", "extract/too-deep"]);
    expect(named("huge.html")).toEqual(["ingest/too-large"]);
    expect(outcome.failed).toBe(errors.length);
    expect(named("bad-utf8.html")).toEqual([]); // read, with the bad bytes replaced
  });
});
