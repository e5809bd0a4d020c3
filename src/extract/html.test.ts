import { beforeAll, describe, expect, it } from "vitest";
import type { Article, SourceDocument } from "../model/index.js";
import { createExtractor } from "./index.js";

const COURT_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <title>Court strikes down voting map | The Example Herald</title>
  <meta property="og:title" content="Court strikes down voting map">
  <meta property="og:site_name" content="The Example Herald">
  <meta name="author" content="Published">
  <meta property="article:published_time" content="2024-03-05T14:30:00+01:00">
  <link rel="canonical" href="https://herald.example.com/2024/03/05/court-voting-map/">
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@graph": [
    {"@type": "WebPage", "name": "Court strikes down voting map | The Example Herald"},
    {"@type": "NewsArticle", "headline": "Court strikes down voting map",
     "datePublished": "2024-03-05T14:30:00+01:00",
     "author": [{"@type": "Person", "name": "Maria Lopez"}, {"@type": "Organization", "name": "The Example Herald"}],
     "publisher": {"@type": "Organization", "name": "The Example Herald"}}
  ]}
  </script>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/world">World</a></li></ul></nav>
  <header>
    <h1>Court strikes down voting map</h1>
    <p class="byline">By <a rel="author" href="/authors/maria-lopez">Maria Lopez</a></p>
    <time datetime="2024-03-05T14:30">March 5, 2024</time>
  </header>
  <main>
    <article>
      <p>The state supreme court on Tuesday struck down the electoral map drawn by the legislature last year,
         ruling that it diluted the votes of residents in the northern districts.</p>
      <figure>
        <img src="/img/court.jpg" alt="Court building">
        <figcaption>The supreme court building in the capital. (Photo: Jane Roe/Example Agency)</figcaption>
      </figure>
      <p>In a five-to-two decision, the justices ordered lawmakers to draw a new map before the candidate
         filing deadline in June. The majority opinion said the map had been drawn "with a precision that
         cannot be explained by chance".</p>
      <p>Advertisement</p>
      <p>Leaders of the legislature said they would comply with the ruling but criticised the court for
         what they called an <em>intrusion</em> into a political question.</p>
      <p>Voting rights groups that brought the case welcomed the decision. "Every vote should count the
         same," said one of the plaintiffs outside the courthouse.</p>
    </article>
    <aside><h2>Most read</h2><ul><li><a href="/a">Storm closes schools across the region</a></li>
      <li><a href="/b">Local team wins the cup</a></li></ul></aside>
    <section id="comments" class="comments">
      <h2>Comments</h2>
      <div class="comment"><p>This is an outrage, the judges should resign immediately and everyone knows it.</p></div>
      <div class="comment"><p>Finally some good news for fair elections in this state, well done to the plaintiffs.</p></div>
    </section>
  </main>
  <footer><p>© 2024 The Example Herald. All rights reserved.</p></footer>
</body>
</html>`;

const COURT_BODY = [
  "The state supreme court on Tuesday struck down the electoral map drawn by the legislature last year, ruling that it diluted the votes of residents in the northern districts.",
  'In a five-to-two decision, the justices ordered lawmakers to draw a new map before the candidate filing deadline in June. The majority opinion said the map had been drawn "with a precision that cannot be explained by chance".',
  "Leaders of the legislature said they would comply with the ruling but criticised the court for what they called an intrusion into a political question.",
  'Voting rights groups that brought the case welcomed the decision. "Every vote should count the same," said one of the plaintiffs outside the courthouse.',
].join("\n\n");

function htmlDocument(content: string, given: SourceDocument["given"] = {}): SourceDocument {
  return { origin: { locator: "page.html" }, format: "html", content, given };
}

describe("HTML extraction", () => {
  const extract = createExtractor();
  let article: Article;

  beforeAll(() => {
    article = extract(htmlDocument(COURT_PAGE));
  });

  it("keeps the article paragraphs only: no nav, aside, comments, caption or advertisement", () => {
    expect(article.text).toBe(COURT_BODY);
    expect(article.extractedBy).toEqual({ stage: "extract", method: "html-container" });
  });

  it("moves the figure caption to removed, and its credit to credits", () => {
    const caption = "The supreme court building in the capital. (Photo: Jane Roe/Example Agency)";
    expect(article.removed).toContainEqual({ kind: "caption", text: caption, rule: "html/figcaption" });
    expect(article.credits).toEqual([
      { kind: "image", text: caption, names: ["Jane Roe", "Example Agency"] },
    ]);
    expect(article.removed).toContainEqual({
      kind: "other",
      text: "Advertisement",
      rule: "other/advertisement",
    });
  });

  it("reads the metadata from the same parsed page (sources are tested with the metadata reader)", () => {
    expect(article.title?.value).toBe("Court strikes down voting map");
    // "Published" (meta author) and the outlet (a JSON-LD author) are not authors.
    expect(article.authors.map((a) => a.value)).toEqual(["Maria Lopez"]);
    expect(article.published?.value).toBe("2024-03-05T14:30");
    expect(article.outlet?.value).toBe("The Example Herald");
    expect(article.url).toBe("https://herald.example.com/2024/03/05/court-voting-map/");
    expect(article.language).toEqual({ value: "en", source: "eld" });
    expect(article.diagnostics).toEqual([]);
  });

  it("identifies the article by its canonical URL, whatever the text", () => {
    const edited = extract(htmlDocument(COURT_PAGE.replace("five-to-two", "5-2")));
    expect(edited.contentHash).not.toBe(article.contentHash);
    expect(edited.id).toBe(article.id);
    expect(article.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it("finds the same body and metadata without JSON-LD and meta tags", () => {
    const page = COURT_PAGE.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, "")
      .replace(/<meta property="og:[^>]*>/g, "")
      .replace(/<meta property="article:published_time"[^>]*>/, "");
    const plain = extract(htmlDocument(page));
    expect(plain.title?.value).toBe("Court strikes down voting map");
    expect(plain.authors.map((a) => a.value)).toEqual(["Maria Lopez"]);
    expect(plain.published?.value).toBe("2024-03-05T14:30");
    expect(plain.outlet?.value).toBe("The Example Herald");
    expect(plain.text).toBe(COURT_BODY);
  });

  it("lets the record's values win and reads the date from the URL last", () => {
    const page =
      "<html><head><title>Quake</title></head><body><p>A strong earthquake shook the region on Tuesday morning, officials said, and several buildings collapsed.</p></body></html>";
    const withRecord = extract(
      htmlDocument(page, {
        id: "rec-7",
        title: "Earthquake hits region",
        outlet: "Daily Quake",
        authors: ["A. Writer"],
      }),
    );
    expect(withRecord.id).toBe("rec-7");
    expect(withRecord.title).toEqual({ value: "Earthquake hits region", source: "record" });
    expect(withRecord.outlet).toEqual({ value: "Daily Quake", source: "record" });
    expect(withRecord.authors).toEqual([{ value: "A. Writer", source: "record" }]);
    const withUrl = extract(
      htmlDocument(page, { url: "https://www.quakes.example.net/2023/02/06/region-shaken" }),
    );
    expect(withUrl.published).toEqual({ value: "2023-02-06", precision: "day", source: "url" });
    expect(withUrl.outlet).toEqual({ value: "quakes.example.net", source: "url-host" });
  });

  it("reports a broken JSON-LD block and a page with no text", () => {
    const broken = extract(
      htmlDocument(
        '<html><head><script type="application/ld+json">{oops</script></head><body></body></html>',
      ),
    );
    expect(broken.text).toBe("");
    expect(broken.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ["warning", "extract/bad-json-ld"],
      ["error", "extract/empty-body"],
    ]);
  });

  it("drops furniture, repeated title and in-article boilerplate from a short page", () => {
    const page = `<html><body><nav><a href="/">Home</a> <a href="/world">World news today</a></nav>
      <article><h1>Vote count goes on</h1>
      <p>Counting continued through the night in the capital, where the result remained too close to call.</p>
      <p>Photo: Lee Chan/Example Wire</p>
      <p>Election officials said the final tally would be published on Wednesday after postal votes were added.</p>
      <p>Read more: How the vote works</p></article>
      <footer>© 2020 Tiny Times</footer></body></html>`;
    const short = extract(htmlDocument(page));
    expect(short.text).toBe(
      "Counting continued through the night in the capital, where the result remained too close to call.\n\n" +
        "Election officials said the final tally would be published on Wednesday after postal votes were added.",
    );
    expect(short.title?.value).toBe("Vote count goes on");
    expect(short.credits).toEqual([
      { kind: "image", text: "Photo: Lee Chan/Example Wire", names: ["Lee Chan", "Example Wire"] },
    ]);
    // nav and footer (page furniture), then what the block classifier found inside the article.
    expect(short.removed.map((r) => r.kind)).toEqual([
      "navigation",
      "navigation",
      "title",
      "credits",
      "related-widget",
    ]);
    expect(short.outlet?.value).toBe("Tiny Times");
  });

  it("never changes the document it is given", () => {
    const doc = Object.freeze(htmlDocument(COURT_PAGE));
    const before = JSON.stringify(doc);
    extract(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
