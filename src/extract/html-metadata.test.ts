import { parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../model/index.js";
import { cleanAuthors } from "./authors.js";
import { loadBoilerplateData } from "./data.js";
import { type MetadataContext, readHtmlMetadata } from "./html-metadata.js";
import { withoutSiteAffix } from "./html-title.js";
import { loadMetadataHints } from "./metadata-data.js";
import { DEFAULT_EXTRACT_OPTIONS } from "./options.js";

let context: MetadataContext;

beforeAll(() => {
  context = {
    options: { ...DEFAULT_EXTRACT_OPTIONS, data: loadBoilerplateData() },
    hints: loadMetadataHints(),
    input: "test.html",
    givenUrl: "https://news.example.org/politics/story",
  };
});

function read(head: string, body = "", givenUrl?: string) {
  const diagnostics: Diagnostic[] = [];
  const html = `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
  const ctx = givenUrl === undefined ? context : { ...context, givenUrl };
  return { ...readHtmlMetadata(parseDocument(html), ctx, diagnostics), diagnostics };
}

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe("JSON-LD", () => {
  it("reads headline, authors, dates and publisher from a @graph with @id references", () => {
    const meta = read(
      ld({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "WebSite", "@id": "#site", name: "Valley Courier" },
          { "@type": "Person", "@id": "#p1", name: "Maria Lopez" },
          {
            "@type": "NewsArticle",
            headline: "Court upholds election result",
            author: [{ "@id": "#p1" }, { "@type": "Person", name: "John Roe" }],
            datePublished: "2024-03-05T14:30:00+01:00",
            dateModified: "2024-03-06T08:00:00+01:00",
            publisher: { "@type": "Organization", name: "Valley Courier" },
          },
        ],
      }),
    );
    expect(meta.title).toEqual({ value: "Court upholds election result", source: "json-ld:headline" });
    expect(meta.authors.map((a) => a.value)).toEqual(["Maria Lopez", "John Roe"]);
    expect(meta.authors[0]?.source).toBe("json-ld:author");
    expect(meta.published).toEqual({
      value: "2024-03-05T14:30",
      precision: "minute",
      source: "json-ld:datePublished",
    });
    expect(meta.modified).toEqual({
      value: "2024-03-06T08:00",
      precision: "minute",
      source: "json-ld:dateModified",
    });
    expect(meta.outlet).toEqual({ value: "Valley Courier", source: "json-ld:publisher" });
  });

  it("reads an array of scripts' objects, repairs raw line breaks, and reports broken JSON", () => {
    const broken = '<script type="application/ld+json">{"@type": "NewsArticle",</script>';
    const multiline =
      '<script type="application/ld+json">[{"@type":"BlogPosting","headline":"Quake hits\nthe coast","datePublished":"2023-02-06"}]</script>';
    const meta = read(broken + multiline);
    expect(meta.title?.value).toBe("Quake hits the coast");
    expect(meta.published?.value).toBe("2023-02-06");
    expect(meta.diagnostics.map((d) => d.code)).toEqual(["extract/bad-json-ld"]);
  });
});

describe("meta tags and markup", () => {
  it.each([
    [
      '<meta property="article:published_time" content="2022-11-08T21:05:00Z">',
      "meta:article:published_time",
    ],
    ['<meta name="parsely-pub-date" content="2022-11-08T21:05:00Z">', "meta:parsely-pub-date"],
    ['<meta name="sailthru.date" content="2022-11-08 21:05:00">', "meta:sailthru.date"],
    ['<meta name="DC.date.issued" content="2022-11-08T21:05">', "meta:dc.date.issued"],
    ['<meta itemprop="datePublished" content="2022-11-08T21:05">', "meta:datepublished"],
  ])("published from %s", (tag, source) => {
    expect(read(tag).published).toEqual({ value: "2022-11-08T21:05", precision: "minute", source });
  });

  it("reads modified dates from meta tags", () => {
    const meta = read('<meta property="article:modified_time" content="2022-11-09T07:00:00Z">');
    expect(meta.modified).toMatchObject({ value: "2022-11-09T07:00", source: "meta:article:modified_time" });
  });

  it("reads <time datetime>, skipping comments and times marked as updates", () => {
    const body =
      '<div class="comments"><time datetime="2021-01-09">later</time></div>' +
      '<article><time class="updated" datetime="2021-01-08">x</time><time datetime="2021-01-07T10:00">Jan 7</time></article>';
    expect(read("", body, "https://www.example.ch/a").published).toEqual({
      value: "2021-01-07T10:00",
      precision: "minute",
      source: "html:time",
    });
  });

  it("reads microdata datePublished on a visible element", () => {
    const body = '<span itemprop="datePublished" content="2020-04-09">9 April</span>';
    expect(read("", body).published).toMatchObject({
      value: "2020-04-09",
      source: "microdata:datepublished",
    });
  });

  it("falls back to a day in the URL, then to a dateline shown on the page", () => {
    const fromUrl = read("", "<p>No date here.</p>", "https://example.com/2019/10/22/court-ruling/");
    expect(fromUrl.published).toEqual({ value: "2019-10-22", precision: "day", source: "url" });
    const shown = read(
      "",
      '<div class="post-date">Veröffentlicht am 5. Januar 2020</div>',
      "https://example.com/x",
    );
    expect(shown.published).toEqual({ value: "2020-01-05", precision: "day", source: "html:dateline" });
    // A month in the URL gives way to a day shown on the page in that month.
    const month = read("", '<span class="date">18.05.2014</span>', "https://example.com/2014/05/post.html");
    expect(month.published).toMatchObject({ value: "2014-05-18", source: "html:dateline" });
  });

  it("reads the outlet, canonical URL and language", () => {
    const meta = read(
      '<meta property="og:site_name" content="The Daily Nowhere"><link rel="canonical" href="/politics/story-1">',
    );
    expect(meta.outlet).toEqual({ value: "The Daily Nowhere", source: "meta:og:site_name" });
    expect(meta.canonicalUrl).toBe("https://news.example.org/politics/story-1");
    expect(meta.declaredLanguage).toBe("en");
  });
});

describe("titles", () => {
  it("takes the visible headline that the declared title contains", () => {
    const meta = read(
      '<meta property="og:title" content="Parliament passes budget › The Daily Nowhere"><title>x</title>',
      '<h1 class="site-title"><a href="/">The Daily Nowhere</a></h1><h1>Parliament passes budget</h1>',
    );
    expect(meta.title).toEqual({ value: "Parliament passes budget", source: "html:h1" });
  });

  it("strips the site's name as a suffix or a prefix", () => {
    expect(withoutSiteAffix("Court strikes down map | The Herald", ["The Herald"])).toBe(
      "Court strikes down map",
    );
    expect(withoutSiteAffix("The Herald - Court strikes down map", ["The Herald"])).toBe(
      "Court strikes down map",
    );
    expect(withoutSiteAffix("Court strikes down map – herald.example", ["herald.example"])).toBe(
      "Court strikes down map",
    );
    // Unknown site behind a strong separator: the longest part; a dash inside a headline stays.
    expect(withoutSiteAffix("Quake kills dozens in the north | NWS", [])).toBe(
      "Quake kills dozens in the north",
    );
    expect(withoutSiteAffix("Tastings January - May 2020", [])).toBe("Tastings January - May 2020");
  });

  it("prefers a headline shown on the page over a bare <title> naming the section", () => {
    const meta = read(
      "<title>News archive</title>",
      '<h2 class="entry-title">Election turnout hits record</h2>',
    );
    expect(meta.title).toEqual({ value: "Election turnout hits record", source: "html:headline" });
  });
});

describe("authors", () => {
  it("reads meta authors, skipping URLs", () => {
    const meta = read(
      '<meta property="article:author" content="https://facebook.com/someone"><meta name="author" content="By Jane Doe and John Roe">',
    );
    expect(meta.authors).toEqual([
      { value: "Jane Doe", source: "meta:author" },
      { value: "John Roe", source: "meta:author" },
    ]);
  });

  it("reads a byline element without its label, leaving comments out", () => {
    const body =
      '<div class="comment-author vcard"><a href="/author/troll/">Troll Account</a></div>' +
      '<span class="byline">Veröffentlicht von <span class="author vcard"><a class="url fn n" href="/author/cjung/">Chris Jung</a></span></span>';
    const authors = read("", body).authors;
    expect(authors[0]).toEqual({ value: "Chris Jung", source: "html:byline" });
    expect(authors.map((a) => a.value)).not.toContain("Troll Account");
  });

  it("keeps a one-word account name from an author link", () => {
    const body = '<p class="meta">Autor: <a href="https://blog.example/author/gnaddrig/">gnaddrig</a></p>';
    expect(read("", body).authors.map((a) => a.value)).toContain("gnaddrig");
  });

  it("never takes junk for a name", () => {
    const check = {
      lexicon: context.options.data.metadata,
      maxWords: 5,
      outlet: "The Daily Nowhere",
      allowHandles: true,
    };
    const junk = [
      "Minute Read",
      "5 min read",
      "Published",
      "By",
      "November 10, 2017",
      "10.11.2017",
      "jane.doe@example.com",
      "https://example.com/authors/jane",
      "Staff",
      "TOI staff",
      "The Daily Nowhere",
      "Donnerstag",
    ];
    expect(cleanAuthors([...junk, "Perry Bacon Jr.", "Ana Torres"], check)).toEqual([
      "Perry Bacon Jr.",
      "Ana Torres",
    ]);
  });
});

describe("dates and bylines the page shows", () => {
  it("does not take the page's layout classes for a sidebar", () => {
    const body =
      '<div class="layout-with-sidebar"><article><h1>Quake shakes the coast</h1>' +
      '<time class="entry-date updated published" datetime="2021-03-04T10:00:00+01:00">4 March</time>' +
      "</article></div>";
    const meta = read("", body.replace("<div", '<div class="one-sidebar"><div'));
    expect(meta.published?.value).toBe("2021-03-04T10:00");
    expect(meta.published?.source).toBe("html:time");
  });

  it("reads a UTC timestamp as the day in the outlet's country", () => {
    const head = '<meta property="article:published_time" content="2021-11-04T23:00:00Z">';
    expect(read(head, "", "https://www.zeitung.example.de/a").published?.value).toBe("2021-11-05T00:00");
    expect(read(head, "", "https://diario.example.com.ar/a").published?.value).toBe("2021-11-04T20:00");
    // No country, no zone: as written.
    expect(read(head, "", "https://example.com/a").published?.value).toBe("2021-11-04T23:00");
  });

  it("prefers the day a <time> shows when its UTC value falls on the next day", () => {
    const body = '<time datetime="2019-12-26T23:07:45+00:00" itemprop="datePublished">26/12/2019</time>';
    expect(read("", body, "https://www.example.ch/a").published).toEqual({
      value: "2019-12-26",
      precision: "day",
      source: "microdata:datepublished",
    });
  });

  it("reads a date after a label and a date line next to the headline", () => {
    const labelled = read(
      "",
      "<h1>Council votes on budget</h1><p>Veröffentlicht am 16.08.2019 | Dauer: 4 Minuten</p>",
    );
    expect(labelled.published).toMatchObject({ value: "2019-08-16", source: "html:date-label" });
    const line = read(
      "",
      "<h1>Court rules on strike</h1><p>Hamburg, 2. November 2021</p><p>The court said...</p>",
    );
    expect(line.published).toMatchObject({ value: "2021-11-02", source: "html:date-line" });
    // A date inside a sentence of the story is not a date line.
    const prose = read(
      "",
      "<h1>Court rules on strike</h1><p>The strike began on 2 November 2021 in the port.</p>",
    );
    expect(prose.published).toBeUndefined();
  });

  it("reads a byline written as a line of text, its date left out", () => {
    expect(read("", "<h1>Wahl in Kiel</h1><p>Von Claudia Muster</p><p>Die Wahl ...</p>").authors).toEqual([
      { value: "Claudia Muster", source: "html:byline-line" },
    ]);
    expect(read("", '<div class="post-author">Posted on May 2, 2020 by Adam Novak</div>').authors[0]).toEqual(
      {
        value: "Adam Novak",
        source: "html:byline",
      },
    );
    // A headline that starts like a byline is not one.
    expect(read("", "<h1>Von der Leyen besucht Kiew</h1><p>Von Berlin nach Kiew</p>").authors).toEqual([]);
  });

  it("keeps a newsroom's credit and drops an author field that names the site's host", () => {
    const desk = read(ld({ "@type": "NewsArticle", author: { "@type": "Person", name: "Redaktion" } }));
    expect(desk.authors.map((a) => a.value)).toEqual(["Redaktion"]);
    const check = {
      lexicon: context.options.data.metadata,
      maxWords: 5,
      allowHandles: true,
      host: "example.at",
    };
    expect(cleanAuthors(["example.at", "Example.AT", "Ana Torres"], check)).toEqual(["Ana Torres"]);
  });
});
