import { describe, expect, it } from "vitest";
import { classifyXml, isoDate, parseFeed, parseSitemap, xmlRootName } from "./feeds.js";
import { parseUrlList } from "./url-list.js";

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<!-- generated -->
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>World</title>
    <link>https://news.example/</link>
    <item>
      <title>Polls close in &amp; around the capital</title>
      <link>/politics/vote</link>
      <pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>
      <guid isPermaLink="false">vote-1</guid>
    </item>
    <item>
      <title><![CDATA[Court <b>strikes down</b> law]]></title>
      <guid>https://news.example/court</guid>
      <dc:date>2025-06-11T09:30:00+02:00</dc:date>
    </item>
    <item><title>Mail us</title><link>mailto:desk@news.example</link></item>
    <item><title>Again</title><link>https://news.example/politics/vote</link></item>
  </channel>
</rss>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://wire.example/"><title>Wire</title></channel>
  <item rdf:about="https://wire.example/quake"><title>Earthquake hits coast</title><link>https://wire.example/quake</link><dc:date>2025-03-01</dc:date></item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Courts</title>
  <entry>
    <title>Ruling on appeal</title>
    <link rel="enclosure" href="https://courts.example/ruling.mp3"/>
    <link href="rulings/42"/>
    <id>tag:courts.example,2025:42</id>
    <updated>2025-01-02T10:00:00Z</updated>
    <published>2025-01-01T08:00:00Z</published>
  </entry>
</feed>`;

const NEWS_SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://paper.example/2025/election-results</loc>
    <lastmod>2025-05-05</lastmod>
    <news:news>
      <news:publication><news:name>Paper</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2025-05-04T21:00:00+01:00</news:publication_date>
      <news:title>Results declared</news:title>
    </news:news>
  </url>
  <url><loc>ftp://paper.example/file</loc></url>
  <url><loc>https://paper.example/about</loc></url>
</urlset>`;

const INDEX = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://paper.example/news.xml</loc></sitemap>
  <sitemap><loc>archive/2024.xml</loc></sitemap>
</sitemapindex>`;

describe("classifyXml", () => {
  it("tells feeds, sitemaps and indexes by the root, past prolog, comments and doctype", () => {
    expect(classifyXml(RSS2)).toBe("feed");
    expect(classifyXml(RDF)).toBe("feed");
    expect(classifyXml(ATOM)).toBe("feed");
    expect(classifyXml(NEWS_SITEMAP)).toBe("sitemap");
    expect(classifyXml(INDEX)).toBe("sitemapindex");
    expect(classifyXml('\uFEFF<!DOCTYPE rss [<!ENTITY x "y">]>\n<rss/>')).toBe("feed");
  });

  it("says none for HTML, other XML, JSON and plain text", () => {
    expect(classifyXml("<!DOCTYPE html><html><body>Polls closed.</body></html>")).toBe("none");
    expect(xmlRootName("<!DOCTYPE html><html>")).toBe("html");
    expect(classifyXml('<?xml version="1.0"?><svg/>')).toBe("none");
    expect(classifyXml('{"rss": 1}')).toBe("none");
    expect(classifyXml("The court ruled on Tuesday.")).toBe("none");
    expect(xmlRootName("The court ruled on Tuesday.")).toBeUndefined();
  });
});

describe("parseFeed", () => {
  it("reads RSS 2.0 items in order: relative links resolved, permalink guids, non-http and repeats dropped", () => {
    expect(parseFeed(RSS2, { baseUrl: "https://news.example/feed.xml", maxItems: 10 })).toEqual([
      {
        url: "https://news.example/politics/vote",
        title: "Polls close in & around the capital",
        published: "2025-06-10T04:00:00.000Z",
        guid: "vote-1",
      },
      {
        url: "https://news.example/court",
        title: "Court <b>strikes down</b> law",
        published: "2025-06-11T09:30:00+02:00",
        guid: "https://news.example/court",
      },
    ]);
  });

  it("reads RSS 1.0 (RDF) and Atom, skipping Atom's enclosure links", () => {
    expect(parseFeed(RDF, { maxItems: 10 })).toEqual([
      { url: "https://wire.example/quake", title: "Earthquake hits coast", published: "2025-03-01" },
    ]);
    expect(parseFeed(ATOM, { baseUrl: "https://courts.example/feed", maxItems: 10 })).toEqual([
      {
        url: "https://courts.example/rulings/42",
        title: "Ruling on appeal",
        published: "2025-01-01T08:00:00Z",
        guid: "tag:courts.example,2025:42",
      },
    ]);
  });

  it("drops relative links when there is no base, and stops at maxItems", () => {
    expect(parseFeed(RSS2, { maxItems: 10 }).map((item) => item.url)).toEqual([
      "https://news.example/court",
      "https://news.example/politics/vote",
    ]);
    expect(parseFeed(RSS2, { baseUrl: "https://news.example/", maxItems: 1 })).toHaveLength(1);
  });
});

describe("parseSitemap", () => {
  it("reads a news sitemap's pages with their title and publication date", () => {
    expect(parseSitemap(NEWS_SITEMAP, { maxItems: 10 })).toEqual({
      kind: "urlset",
      entries: [
        {
          url: "https://paper.example/2025/election-results",
          title: "Results declared",
          published: "2025-05-04T21:00:00+01:00",
          lastmod: "2025-05-05",
        },
        { url: "https://paper.example/about" },
      ],
    });
  });

  it("reads a sitemap index's sitemaps, resolving relative ones", () => {
    expect(parseSitemap(INDEX, { baseUrl: "https://paper.example/sitemap.xml", maxItems: 10 })).toEqual({
      kind: "sitemapindex",
      sitemaps: ["https://paper.example/news.xml", "https://paper.example/archive/2024.xml"],
    });
  });
});

describe("isoDate", () => {
  it("keeps ISO dates as written, converts RFC 822, refuses nonsense", () => {
    expect(isoDate("2025-06-11T09:30:00+02:00")).toBe("2025-06-11T09:30:00+02:00");
    expect(isoDate("Wed, 02 Oct 2002 13:00:00 +0200")).toBe("2002-10-02T11:00:00.000Z");
    expect(isoDate("yesterday-ish")).toBeUndefined();
  });
});

describe("parseUrlList", () => {
  it("takes lists of http(s) URLs with comments and blank lines", () => {
    expect(parseUrlList("# election coverage\nhttps://a.example/1\n\n  http://b.example/2  \r\n")).toEqual([
      "https://a.example/1",
      "http://b.example/2",
    ]);
  });

  it("refuses text that has one line that is not a URL, or no URL at all", () => {
    expect(parseUrlList("https://a.example/1\nThe court ruled on Tuesday.")).toBeUndefined();
    expect(parseUrlList("ftp://a.example/file")).toBeUndefined();
    expect(parseUrlList("# nothing\n\n")).toBeUndefined();
  });
});
