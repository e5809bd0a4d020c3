import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { error } from "../ingest/diagnostics.js";
import { createIngester } from "../ingest/index.js";
import { openSources, warcResponse } from "./index.js";
import type { Fetcher, FetchOutcome } from "./types.js";
import { collect, inputs, problems } from "./test-support.js";

let root = "";
const at = (...parts: string[]) => join(root, ...parts);
const DATE = "2025-06-01T12:00:00.000Z";

interface Served {
  body?: string;
  contentType?: string;
  notModified?: boolean;
  failure?: string;
  redirectTo?: string;
}

/** A fetcher over a map of URLs; it records what was asked, in order. */
function mockFetcher(site: Record<string, Served>): Fetcher & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    close: () => undefined,
    fetch(url: string): Promise<FetchOutcome> {
      calls.push(url);
      const served = site[url];
      if (served === undefined)
        return Promise.resolve({ diagnostic: error("fetch/http-status", "HTTP 404", url) });
      if (served.failure) return Promise.resolve({ diagnostic: error("fetch/timeout", served.failure, url) });
      const finalUrl = served.redirectTo ?? url;
      const bytes = served.notModified ? new Uint8Array() : Buffer.from(served.body ?? "");
      return Promise.resolve({
        page: {
          url: finalUrl,
          status: served.notModified ? 304 : 200,
          notModified: served.notModified ?? false,
          bytes,
          fetchedAt: DATE,
          ...(served.contentType ? { contentType: served.contentType } : {}),
        },
      });
    },
  };
}

const FEED = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local</title>
  <item><title>Council election results</title><link>/local/election</link><pubDate>Mon, 02 Jun 2025 18:00:00 GMT</pubDate></item>
  <item><title>Earthquake drill</title><link>https://paper.example/local/drill</link></item>
  <item><title>Hearing adjourned</title><link>https://paper.example/local/court</link></item>
</channel></rss>`;

const sitemapIndex = (...locs: string[]) =>
  `<sitemapindex>${locs.map((loc) => `<sitemap><loc>${loc}</loc></sitemap>`).join("")}</sitemapindex>`;
const urlset = (...locs: string[]) =>
  `<urlset>${locs.map((loc) => `<url><loc>${loc}</loc></url>`).join("")}</urlset>`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "parallax-sources-"));
  const files: Record<string, string | Uint8Array> = {
    "pages/b.txt": "The court ruled on Tuesday.",
    "pages/a.html": "<p>Polls closed.</p>",
    "pages/.hidden.txt": "hidden",
    "pages/node_modules/pkg/readme.txt": "dependency",
    "pages/deep/quake.txt": "An earthquake struck at dawn.",
    // The start of a PNG image: a signature, then NULs and control bytes.
    "binary.bin": Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      Buffer.from([0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0a]),
    ]),
    "notxml.rss": "Polls closed at 8 pm; this is not a feed.",
    "html.xml": "<!DOCTYPE html><html><body><p>Turnout was 61%.</p></body></html>",
    "local-feed": FEED, // no extension: recognised by its root
    "urls.txt": "# pages to read\nhttps://paper.example/local/court\n\nhttps://paper.example/feed.rss\n",
    "notes.txt": "https://paper.example/local/court\nThe judge adjourned the hearing.\n",
    "crawl.warc": warcResponse("https://wire.example/quake", "<p>An earthquake struck.</p>", { date: DATE }),
    "dump.jsonl": '{"text":"Polls closed."}\n{"text":"Court ruled."}\n',
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  // A sparse 500 MB file: instant to make, and reading it would show in time and memory.
  closeSync(openSync(at("huge.html"), "w"));
  truncateSync(at("huge.html"), 500 * 1024 * 1024);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const site: Record<string, Served> = {
  "https://paper.example/feed.rss": { body: FEED, contentType: "application/rss+xml" },
  "https://paper.example/local/election": {
    body: "<h1>Council election results</h1>",
    contentType: "text/html",
  },
  "https://paper.example/local/drill": { notModified: true },
  "https://paper.example/local/court": {
    body: "<p>The hearing was adjourned.</p>",
    redirectTo: "https://paper.example/c/1",
  },
  "https://paper.example/broken.xml": {
    body: '<?xml version="1.0"?><data/>',
    contentType: "application/xml",
  },
  "https://paper.example/page.xml": {
    body: "<html><p>Turnout rose.</p></html>",
    contentType: "application/xml",
  },
  "https://paper.example/notfeed.rss": { body: "just text", contentType: "text/plain" },
  "https://paper.example/slow": { failure: "no answer within 20000 ms" },
};

describe("openSources: local files", () => {
  it("walks folders sorted, without hidden files or node_modules, reading pages whole", async () => {
    const items = await collect(openSources([at("pages")]));
    expect(problems(items)).toEqual([]);
    expect(inputs(items).map((i) => i.locator)).toEqual([
      at("pages/a.html"),
      at("pages/b.txt"),
      at("pages/deep/quake.txt"),
    ]);
    expect(Buffer.from(inputs(items)[1]!.bytes).toString()).toBe("The court ruled on Tuesday.");
  });

  it("streams WARC and JSONL files into their records", async () => {
    const items = await collect(openSources([at("dump.jsonl"), at("crawl.warc")]));
    expect(inputs(items).map((i) => [i.locator, i.record, i.kind])).toEqual([
      [at("crawl.warc"), 0, undefined],
      [at("dump.jsonl"), 1, "json"],
      [at("dump.jsonl"), 2, "json"],
    ]);
  });

  it("passes a binary file on as a page, which the ingester refuses as binary", async () => {
    const [item] = await collect(openSources([at("binary.bin")]));
    const input = (item as { input: { locator: string; bytes: Uint8Array } }).input;
    expect(createIngester()(input).diagnostics).toMatchObject([{ code: "ingest/binary" }]);
  });

  it("refuses a 500 MB file by its size without reading it", async () => {
    const started = performance.now();
    const items = await collect(openSources([at("huge.html")]));
    expect(items).toMatchObject([{ diagnostic: { code: "ingest/too-large", input: at("huge.html") } }]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("says a .rss file that is not XML is not a feed; an XHTML .xml file stays a page", async () => {
    const items = await collect(openSources([at("notxml.rss"), at("html.xml")]));
    expect(problems(items)).toMatchObject([
      {
        code: "ingest/not-a-feed",
        message: "not a feed or sitemap: the content is not XML",
        input: at("notxml.rss"),
      },
    ]);
    expect(inputs(items).map((i) => i.locator)).toEqual([at("html.xml")]);
  });

  it("expands a local feed through the fetcher, in document order, with the item's hints", async () => {
    const fetcher = mockFetcher(site);
    const items = await collect(openSources([at("local-feed")], { fetcher }));
    // The relative link cannot be resolved without the feed's URL; the 304 gives nothing.
    expect(fetcher.calls).toEqual(["https://paper.example/local/drill", "https://paper.example/local/court"]);
    expect(items).toEqual([
      {
        input: {
          locator: "https://paper.example/c/1",
          bytes: Buffer.from("<p>The hearing was adjourned.</p>"),
          hints: { title: "Hearing adjourned", url: "https://paper.example/c/1", fetchedAt: DATE },
        },
      },
    ]);
  });

  it("follows a URL list, each URL once; a text with one non-URL line is a page", async () => {
    const fetcher = mockFetcher(site);
    const items = await collect(openSources([at("urls.txt"), at("notes.txt")], { fetcher }));
    expect(inputs(items).map((i) => i.locator)).toEqual([
      at("notes.txt"),
      "https://paper.example/c/1",
      "https://paper.example/local/election",
    ]);
    expect(fetcher.calls.filter((url) => url.endsWith("/local/court"))).toHaveLength(1);
  });

  it("fails what needs fetching when there is no fetcher, once per source", async () => {
    const items = await collect(openSources([at("local-feed"), at("urls.txt"), "https://x.example/a"]));
    expect(problems(items).map((d) => [d.code, d.input])).toEqual([
      ["ingest/no-fetcher", at("local-feed")],
      ["ingest/no-fetcher", at("urls.txt")],
      ["ingest/no-fetcher", "https://x.example/a"],
    ]);
  });

  it("reports missing paths first and reads stdin last", async () => {
    const stdin = Readable.from([Buffer.from("Polls closed.")]);
    const items = await collect(openSources(["-", at("pages/b.txt"), at("missing.html")], { stdin }));
    expect(items).toMatchObject([
      { diagnostic: { code: "ingest/not-found" } },
      { input: { locator: at("pages/b.txt") } },
      { input: { locator: "stdin" } },
    ]);
  });
});

describe("openSources: URLs", () => {
  it("expands a feed URL: relative links resolved, pages with title and date, 304 skipped", async () => {
    const fetcher = mockFetcher(site);
    const items = await collect(openSources(["https://paper.example/feed.rss"], { fetcher }));
    expect(problems(items)).toEqual([]);
    expect(inputs(items)).toMatchObject([
      {
        locator: "https://paper.example/local/election",
        contentType: "text/html",
        hints: { title: "Council election results", published: "2025-06-02T18:00:00.000Z", fetchedAt: DATE },
      },
      { locator: "https://paper.example/c/1" },
    ]);
  });

  it("gives fetch failures through and goes on; a URL that promises a feed but is not one fails", async () => {
    const fetcher = mockFetcher(site);
    const args = [
      "https://paper.example/slow",
      "https://paper.example/broken.xml",
      "https://paper.example/notfeed.rss",
    ];
    const items = await collect(openSources(args, { fetcher }));
    expect(problems(items).map((d) => [d.code, d.input])).toEqual([
      ["fetch/timeout", "https://paper.example/slow"],
      ["ingest/not-a-feed", "https://paper.example/broken.xml"], // root <data>
      ["ingest/not-a-feed", "https://paper.example/notfeed.rss"],
    ]);
  });

  it("follows sitemap indexes up to the depth limit, each sitemap once", async () => {
    const fetcher = mockFetcher({
      "https://s.example/index.xml": {
        body: sitemapIndex("https://s.example/a.xml", "https://s.example/index.xml"),
      },
      "https://s.example/a.xml": {
        body: sitemapIndex("https://s.example/b.xml", "https://s.example/pages.xml"),
      },
      "https://s.example/b.xml": { body: sitemapIndex("https://s.example/c.xml") },
      "https://s.example/pages.xml": { body: urlset("https://s.example/p1", "/p2") },
      "https://s.example/p1": { body: "<p>Results are in.</p>" },
      "https://s.example/p2": { body: "<p>Appeal lodged.</p>" },
    });
    const items = await collect(
      openSources(["https://s.example/index.xml"], { fetcher, maxSitemapDepth: 2 }),
    );
    expect(inputs(items).map((i) => i.locator)).toEqual(["https://s.example/p1", "https://s.example/p2"]);
    expect(problems(items)).toMatchObject([
      {
        code: "ingest/sitemap-depth",
        input: "https://s.example/b.xml",
        message: expect.stringContaining("https://s.example/c.xml"),
      },
    ]);
    expect(fetcher.calls.filter((url) => url === "https://s.example/index.xml")).toHaveLength(1);
  });
});
