import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createFetcher,
  createMemoryValidatorCache,
  type Fetcher,
  type FetchOutcome,
  type FetchSettings,
} from "./index.js";
import {
  delayed,
  endless,
  hangAfterHeaders,
  hangBeforeHeaders,
  html,
  redirect,
  startTestServer,
  text,
  type TestServer,
} from "./test-support.js";

const PAGE =
  "<html><head><title>Court rules on the budget</title></head><body><p>The court ruled.</p></body></html>";
const GZIP_PAGE = "<html><body><p>Polls closed at eight; turnout was 61 percent.</p></body></html>";
/** Compresses ~1000:1, so 20 MiB of zeros is a ~20 KiB download: a gzip bomb for a 1 MiB cap. */
const BOMB = gzipSync(Buffer.alloc(20 * 1024 * 1024));

/** Tests allow the loopback test server and nothing else (10.x, 169.254.x stay refused). */
const loopbackOnly = (address: string): boolean => address === "127.0.0.1";
const fast: Partial<FetchSettings> = { addressAllowed: loopbackOnly, perHostIntervalMs: 0, timeoutMs: 2000 };

let main: TestServer;
let polite: TestServer; // robots.txt with a Crawl-delay
let broken: TestServer; // robots.txt answers 503
let bare: TestServer; // no robots.txt (404)
const fetchers: Fetcher[] = [];

function fetcher(settings: Partial<FetchSettings> = {}): Fetcher {
  const made = createFetcher({ ...fast, ...settings });
  fetchers.push(made);
  return made;
}

function page(outcome: FetchOutcome) {
  if ("diagnostic" in outcome) throw new Error(`expected a page, got ${JSON.stringify(outcome.diagnostic)}`);
  return outcome.page;
}

function failure(outcome: FetchOutcome) {
  if ("page" in outcome) throw new Error(`expected a diagnostic, got a page from ${outcome.page.url}`);
  return outcome.diagnostic;
}

beforeAll(async () => {
  main = await startTestServer({
    "/robots.txt": text(200, "User-agent: *\nDisallow: /private/\n"),
    "/page": html(PAGE),
    "/private/secret": html("<p>should never be fetched</p>"),
    "/slow": hangBeforeHeaders,
    "/stall": hangAfterHeaders,
    "/error": text(500, "boom"),
    "/concurrent": delayed(60, PAGE),
    "/endless": endless,
    "/announced": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(1024 * 1024 * 1024) });
      res.write("<html>");
    },
    "/bomb": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(BOMB);
    },
    "/gzip": (_req, res) => {
      res
        .writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" })
        .end(gzipSync(GZIP_PAGE));
    },
    "/truncated-gzip": (_req, res) => {
      const whole = gzipSync(GZIP_PAGE);
      res
        .writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" })
        .end(whole.subarray(0, 20));
    },
    "/etag": (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, {
        "content-type": "text/html",
        etag: '"v1"',
        "last-modified": "Mon, 02 Mar 2026 10:00:00 GMT",
      });
      res.end(PAGE);
    },
    "/hop/3": redirect("/hop/2", 301),
    "/hop/2": redirect("2-to-1", 307), // relative to /hop/: resolves to /hop/2-to-1
    "/hop/2-to-1": redirect("/hop/1", 308),
    "/hop/1": redirect(`/page`, 303),
    "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-private": redirect("http://10.0.0.1/admin"),
    "/to-ftp": redirect("ftp://files.example/x"),
  });
  polite = await startTestServer({
    "/robots.txt": text(200, "User-agent: *\nCrawl-delay: 0.3\nAllow: /\n"),
    "/a": html(PAGE),
    "/b": html(PAGE),
  });
  broken = await startTestServer({ "/robots.txt": text(503, "down"), "/page": html(PAGE) });
  bare = await startTestServer({ "/page": html(PAGE) });
});

afterEach(() => {
  for (const made of fetchers.splice(0)) made.close();
});

afterAll(async () => {
  await Promise.all([main, polite, broken, bare].map((server) => server?.close()));
});

describe("createFetcher against a local server", () => {
  it("fetches a page with a clear user agent and an Accept header", async () => {
    const got = page(await fetcher().fetch(`${main.origin}/page`));
    expect(got).toMatchObject({ url: `${main.origin}/page`, status: 200, notModified: false });
    expect(got.contentType).toBe("text/html; charset=utf-8");
    expect(new TextDecoder().decode(got.bytes)).toBe(PAGE);
    expect(Date.parse(got.fetchedAt)).not.toBeNaN();
    const sent = main.headers.get("/page")!;
    expect(sent["user-agent"]).toMatch(/^Parallax\/\S+ \(\+https:\/\/github\.com\/parallax-news\/parallax; /);
    expect(sent.accept).toContain("text/html");
    expect(sent["accept-encoding"]).toContain("gzip");
  });

  it("refuses 127.0.0.1 and localhost by default, before any connection", async () => {
    const before = main.connections();
    const strict = createFetcher({ perHostIntervalMs: 0 });
    fetchers.push(strict);
    const literal = failure(await strict.fetch(`${main.origin}/page`));
    const named = failure(await strict.fetch(`http://localhost:${main.port}/page`));
    expect(literal.code).toBe("fetch/blocked-address");
    expect(literal.message).toContain("127.0.0.1 is a loopback address");
    expect(named.code).toBe("fetch/blocked-address");
    expect(named.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(named.input).toBe(`http://localhost:${main.port}/page`);
    expect(main.connections()).toBe(before);
    const open = createFetcher({ allowPrivate: true, perHostIntervalMs: 0 });
    fetchers.push(open);
    expect(page(await open.fetch(`${main.origin}/page`)).status).toBe(200);
  });

  it("obeys robots.txt, reading it once per origin", async () => {
    const robotsBefore = main.hits.filter((p) => p === "/robots.txt").length;
    const polite = fetcher();
    const refused = failure(await polite.fetch(`${main.origin}/private/secret`));
    page(await polite.fetch(`${main.origin}/page`));
    page(await polite.fetch(`${main.origin}/page`));
    expect(refused.code).toBe("fetch/robots");
    expect(refused.message).toContain("disallows /private/secret for Parallax");
    expect(main.hits).not.toContain("/private/secret");
    expect(main.hits.filter((p) => p === "/robots.txt").length - robotsBefore).toBe(1);
    // respectRobots: false lifts it.
    page(await fetcher({ respectRobots: false }).fetch(`${main.origin}/private/secret`));
  });

  it("treats a 5xx robots.txt as disallow-all and a 404 as allow-all", async () => {
    const diagnostic = failure(await fetcher().fetch(`${broken.origin}/page`));
    expect(diagnostic.code).toBe("fetch/robots");
    expect(diagnostic.message).toContain("HTTP 503");
    expect(broken.hits).not.toContain("/page");
    expect(page(await fetcher().fetch(`${bare.origin}/page`)).status).toBe(200);
  });

  it("reports a host that refuses connections as a network failure", async () => {
    const gone = await startTestServer({});
    await gone.close();
    const diagnostic = failure(await fetcher().fetch(`${gone.origin}/page`));
    expect(diagnostic.code).toBe("fetch/network");
    expect(diagnostic.message).toBe(
      `connection refused by 127.0.0.1:${gone.port} (while reading robots.txt)`,
    );
  });

  it("spaces requests to a host by its Crawl-delay", async () => {
    const client = fetcher({ perHostIntervalMs: 0 });
    await Promise.all([client.fetch(`${polite.origin}/a`), client.fetch(`${polite.origin}/b`)]);
    expect(polite.starts).toHaveLength(2);
    expect(polite.starts[1]! - polite.starts[0]!).toBeGreaterThanOrEqual(280);
  });

  it("never has more than perHostConcurrency requests in flight to one host", async () => {
    const urls = Array.from({ length: 4 }, () => `${main.origin}/concurrent`);
    const one = fetcher({ perHostConcurrency: 1 });
    main.resetMaxInFlight();
    const outcomes = await Promise.all(urls.map((url) => one.fetch(url)));
    outcomes.forEach(page);
    expect(main.maxInFlight()).toBe(1);
    // The same burst with two slots does overlap, so the check above can fail.
    const two = fetcher({ perHostConcurrency: 2 });
    main.resetMaxInFlight();
    await Promise.all(urls.map((url) => two.fetch(url)));
    expect(main.maxInFlight()).toBe(2);
  });

  it("times out a server that never answers, and one that stalls mid-body", async () => {
    const client = fetcher({ timeoutMs: 300 });
    const began = performance.now();
    const [silent, stalled] = await Promise.all([
      client.fetch(`${main.origin}/slow`),
      client.fetch(`${main.origin}/stall`),
    ]);
    expect(failure(silent).code).toBe("fetch/timeout");
    expect(failure(stalled).code).toBe("fetch/timeout");
    expect(failure(silent).message).toContain("within 300 ms");
    expect(performance.now() - began).toBeLessThan(1500);
  });

  it("reports a 500 as an HTTP status failure", async () => {
    const diagnostic = failure(await fetcher().fetch(`${main.origin}/error`));
    expect(diagnostic).toMatchObject({
      code: "fetch/http-status",
      message: "HTTP 500 Internal Server Error",
      severity: "error",
      input: `${main.origin}/error`,
    });
  });

  it("follows relative redirects up to the limit, and no further", async () => {
    const followed = page(await fetcher({ maxRedirects: 4 }).fetch(`${main.origin}/hop/3`));
    expect(followed.url).toBe(`${main.origin}/page`);
    const over = failure(await fetcher({ maxRedirects: 3 }).fetch(`${main.origin}/hop/3`));
    expect(over.code).toBe("fetch/redirects");
    expect(over.message).toContain("more than 3 redirects");
  });

  it("refuses redirects to metadata, private and non-HTTP addresses without connecting", async () => {
    const client = fetcher();
    const metadata = failure(await client.fetch(`${main.origin}/to-metadata`));
    expect(metadata.code).toBe("fetch/blocked-address");
    expect(metadata.message).toBe(
      "refused http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a cloud metadata address (--allow-private lifts this)",
    );
    const private10 = failure(await client.fetch(`${main.origin}/to-private`));
    expect(private10.code).toBe("fetch/blocked-address");
    expect(private10.message).toContain("10.0.0.1 is a private address");
    const ftp = failure(await client.fetch(`${main.origin}/to-ftp`));
    expect(ftp.code).toBe("fetch/bad-url");
  });

  it("stops an unbounded body at the cap, quickly", async () => {
    const began = performance.now();
    const diagnostic = failure(await fetcher({ maxBodyBytes: 64 * 1024 }).fetch(`${main.origin}/endless`));
    expect(diagnostic.code).toBe("fetch/too-large");
    expect(diagnostic.message).toContain("65536 bytes");
    expect(performance.now() - began).toBeLessThan(1000);
    const announced = failure(await fetcher({ maxBodyBytes: 64 * 1024 }).fetch(`${main.origin}/announced`));
    expect(announced.code).toBe("fetch/too-large");
    expect(announced.message).toContain("announces");
  });

  it("decodes gzip, and caps the decoded size of a gzip bomb", async () => {
    const client = fetcher({ maxBodyBytes: 1024 * 1024 });
    expect(new TextDecoder().decode(page(await client.fetch(`${main.origin}/gzip`)).bytes)).toBe(GZIP_PAGE);
    const bomb = failure(await client.fetch(`${main.origin}/bomb`));
    expect(bomb.code).toBe("fetch/too-large");
    expect(bomb.message).toContain("decoded body");
    const truncated = failure(await client.fetch(`${main.origin}/truncated-gzip`));
    expect(truncated.code).toBe("fetch/network");
    expect(truncated.message).toContain("could not decode");
  });

  it("sends the stored ETag and gets 304 Not Modified", async () => {
    const validators = createMemoryValidatorCache();
    const client = fetcher({ validators });
    const first = page(await client.fetch(`${main.origin}/etag`));
    expect(first.status).toBe(200);
    expect(validators.get(`${main.origin}/etag`)).toEqual({
      etag: '"v1"',
      lastModified: "Mon, 02 Mar 2026 10:00:00 GMT",
    });
    const second = page(await client.fetch(`${main.origin}/etag`));
    expect(second).toMatchObject({ status: 304, notModified: true });
    expect(second.bytes).toHaveLength(0);
    expect(main.headers.get("/etag")?.["if-none-match"]).toBe('"v1"');
    expect(main.headers.get("/etag")?.["if-modified-since"]).toBe("Mon, 02 Mar 2026 10:00:00 GMT");
  });

  it("refuses URLs that are not http(s), and everything after close()", async () => {
    const client = fetcher();
    expect(failure(await client.fetch("ftp://files.example/a")).code).toBe("fetch/bad-url");
    expect(failure(await client.fetch("not a url")).code).toBe("fetch/bad-url");
    const pending = client.fetch(`${main.origin}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.close();
    expect(failure(await pending).message).toContain("closed");
    expect(failure(await client.fetch(`${main.origin}/page`)).message).toContain("closed");
  });
});
