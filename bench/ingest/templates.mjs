// Invented outlets and the dozen site templates their pages are rendered in: navigation, share
// bars, related links, newsletter boxes, cookie notices, comments and footers around the article,
// with the date and author given the many ways sites give them (meta tags, JSON-LD, <time>, text).

/** Words newspapers are named with (the place part of each name is invented). */
const MASTHEADS = [
  "Herald",
  "Times",
  "Post",
  "Tribune",
  "Chronicle",
  "Gazette",
  "Courier",
  "Observer",
  "Journal",
  "Ledger",
  "Dispatch",
  "Sentinel",
  "Monitor",
  "Express",
  "News",
  "Record",
  "Star",
  "Standard",
  "Examiner",
  "Review",
  "Wire",
  "Bulletin",
  "Independent",
  "Telegraph",
  "Mirror",
  "Today",
];
const TLDS = [".com", ".com", ".com", ".net", ".org", ".news", ".co", ".info"];
const SECTIONS = [
  "world",
  "politics",
  "business",
  "national",
  "local",
  "science",
  "health",
  "sport",
  "opinion",
  "culture",
  "tech",
  "europe",
  "asia",
  "americas",
  "africa",
  "middle-east",
];
const SYLLABLES =
  "ba be bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi vo za ze".split(
    " ",
  );
const AGENCIES = ["AFP", "Reuters", "AP", "dpa", "EPA", "Getty Images", "staff photo", "handout"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** How many distinct site templates there are (each outlet uses one). */
export const TEMPLATE_COUNT = 12;

/** `count` invented outlets: {name, host, template, sections, urlStyle}, deterministic from rng. */
export function makeOutlets(count, rng) {
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const seen = new Set();
  const outlets = [];
  while (outlets.length < count) {
    const place = capital(
      pick(SYLLABLES) + pick(SYLLABLES) + (rng() < 0.5 ? pick(SYLLABLES) : "") + (rng() < 0.5 ? "n" : ""),
    );
    const mast = pick(MASTHEADS);
    const name = rng() < 0.4 ? `The ${place} ${mast}` : `${place} ${mast}`;
    const host = `${rng() < 0.3 ? "www." : ""}${place.toLowerCase()}${rng() < 0.5 ? "-" : ""}${mast.toLowerCase()}${pick(TLDS)}`;
    if (seen.has(host)) continue;
    seen.add(host);
    const sections = SECTIONS.filter(() => rng() < 0.4).slice(0, 8);
    outlets.push({
      name,
      host,
      template: outlets.length % TEMPLATE_COUNT,
      sections: sections.length > 0 ? sections : ["news"],
      urlStyle: Math.floor(rng() * URL_STYLES.length),
    });
  }
  return outlets;
}

const URL_STYLES = [
  (o, a, d) => `https://${o.host}/${a.section}/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${a.slug}`,
  (o, a) => `https://${o.host}/${a.section}/${a.slug}-${a.id}.html`,
  (o, a) => `https://${o.host}/news/${a.id}/${a.slug}`,
  (o, a) => `https://${o.host}/article.php?id=${a.id}&cat=${a.section}`,
  (o, a, d) => `https://${o.host}/${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}/${a.slug}/`,
];

export function articleUrl(outlet, article) {
  return URL_STYLES[outlet.urlStyle](outlet, article, article.published);
}

export function slugOf(title) {
  return (
    title
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .split("-")
      .slice(0, 8)
      .join("-") || "article"
  );
}

/** An invented person's name (for bylines). */
export function personName(rng) {
  const pick = () => SYLLABLES[Math.floor(rng() * SYLLABLES.length)];
  return `${capital(pick() + pick())} ${capital(pick() + pick() + pick())}`;
}

/**
 * What each template puts where. `meta`: how the date is given; `wrap`: the article container;
 * the rest are the page furniture around it.
 */
const TEMPLATES = [
  {
    meta: "og",
    wrap: "article",
    byline: "p.byline",
    nav: true,
    share: "top",
    related: "after",
    footer: "long",
  },
  {
    meta: "jsonld",
    wrap: "div.story-body",
    byline: "span.author",
    nav: true,
    share: "bottom",
    related: "aside",
    cookie: true,
    footer: "short",
  },
  {
    meta: "time",
    wrap: "main>section",
    byline: "div.meta",
    nav: true,
    breadcrumbs: true,
    related: "after",
    newsletter: true,
    footer: "long",
  },
  {
    meta: "text",
    wrap: "div#content.post-content",
    byline: "text",
    nav: true,
    share: "top",
    comments: true,
    footer: "short",
  },
  {
    meta: "itemprop",
    wrap: "article.entry",
    byline: "a.author",
    nav: true,
    mostRead: true,
    related: "after",
    ads: true,
    footer: "long",
  },
  {
    meta: "og+time",
    wrap: "div.article__body",
    byline: "p.byline",
    nav: true,
    share: "both",
    cookie: true,
    related: "aside",
    footer: "long",
  },
  {
    meta: "name-date",
    wrap: "div.field-body",
    byline: "div.meta",
    breadcrumbs: true,
    newsletter: true,
    comments: true,
    footer: "short",
  },
  {
    meta: "jsonld+og",
    wrap: "article",
    byline: "span.author",
    nav: true,
    ads: true,
    mostRead: true,
    footer: "long",
  },
  {
    meta: "text",
    wrap: "td.content",
    byline: "text",
    nav: true,
    related: "after",
    footer: "short",
    tables: true,
  },
  {
    meta: "time",
    wrap: "div.entry-content",
    byline: "a.author",
    share: "bottom",
    related: "after",
    comments: true,
    footer: "long",
  },
  {
    meta: "og",
    wrap: "section.story",
    byline: "p.byline",
    nav: true,
    cookie: true,
    newsletter: true,
    mostRead: true,
    footer: "short",
  },
  {
    meta: "url-only",
    wrap: "div.text",
    byline: "div.meta",
    nav: true,
    share: "top",
    ads: true,
    related: "aside",
    footer: "long",
  },
];

/**
 * A whole HTML page for one article. `article`: {title, paragraphs, published (ISO), author,
 * url, section, caption}; `related`: headlines of other stories for the widgets.
 */
export function renderPage(outlet, article, related) {
  const t = TEMPLATES[outlet.template];
  const body = [
    t.cookie
      ? `<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our use of cookies.</p><button>Accept</button></div>`
      : "",
    `<header class="site-header"><a class="logo" href="/">${esc(outlet.name)}</a>${t.nav ? nav(outlet) : ""}</header>`,
    t.breadcrumbs
      ? `<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/${article.section}">${capital(article.section)}</a></li></ol>`
      : "",
    t.ads ? `<div class="ad ad-leaderboard">Advertisement</div>` : "",
    articleBlock(t, article),
    t.related === "after" ? relatedBlock(related, "Related stories") : "",
    t.comments
      ? `<section class="comments"><h3>Comments</h3><p>Comments are moderated. Please keep the discussion civil and on topic.</p><p>Log in to comment.</p></section>`
      : "",
    t.related === "aside" || t.mostRead
      ? `<aside class="sidebar">${t.related === "aside" ? relatedBlock(related, "More on this") : ""}${t.mostRead ? relatedBlock(related.slice().reverse(), "Most read") : ""}</aside>`
      : "",
    t.newsletter
      ? `<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our daily newsletter.</p><form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>`
      : "",
    footer(outlet, t.footer),
  ].join("\n");
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n${head(t, outlet, article)}\n</head>\n<body>\n${t.tables ? `<table class="layout"><tr><td>${body}</td></tr></table>` : body}\n<script>window.dataLayer=window.dataLayer||[];dataLayer.push({page:"article"});</script>\n</body>\n</html>\n`;
}

function head(t, outlet, a) {
  const og = `<meta property="og:site_name" content="${esc(outlet.name)}">\n<meta property="og:title" content="${esc(a.title)}">\n<meta property="og:url" content="${esc(a.url)}">\n<meta property="og:type" content="article">`;
  const lines = [
    `<meta charset="utf-8">`,
    `<title>${esc(a.title)} | ${esc(outlet.name)}</title>`,
    `<link rel="canonical" href="${esc(a.url)}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<link rel="stylesheet" href="/static/site.css">`,
  ];
  if (t.meta.includes("og"))
    lines.push(
      og,
      `<meta property="article:published_time" content="${a.published}">`,
      `<meta name="author" content="${esc(a.author)}">`,
    );
  if (t.meta.includes("jsonld"))
    lines.push(
      `<script type="application/ld+json">${JSON.stringify({ "@context": "https://schema.org", "@type": "NewsArticle", headline: a.title, datePublished: a.published, author: { "@type": "Person", name: a.author }, publisher: { "@type": "Organization", name: outlet.name }, mainEntityOfPage: a.url }).replace(/</g, "\\u003c")}</script>`,
    );
  if (t.meta === "name-date") lines.push(`<meta name="date" content="${a.published.slice(0, 10)}">`);
  return lines.join("\n");
}

function articleBlock(t, a) {
  const tag = t.wrap.split(">").pop().split(/[.#]/)[0];
  const id = t.wrap.includes("#") ? ` id="${t.wrap.split("#")[1].split(".")[0]}"` : "";
  const cls = t.wrap.includes(".") ? ` class="${t.wrap.split(".").slice(1).join(" ")}"` : "";
  const date = dateLine(t, a);
  const byline = bylineHtml(t, a);
  const share = `<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>`;
  const figure = `<figure><img src="/img/${a.id}.jpg" alt=""><figcaption>${esc(a.caption)}</figcaption></figure>`;
  const [lead, ...rest] = a.paragraphs.map((p) => `<p>${esc(p)}</p>`);
  const inner = [
    `<h1${t.meta === "itemprop" ? ' itemprop="headline"' : ""}>${esc(a.title)}</h1>`,
    byline,
    date,
    t.share === "top" || t.share === "both" ? share : "",
    lead,
    figure,
    ...rest.slice(0, 3),
    t.ads && rest.length > 3 ? `<div class="ad ad-inline">Advertisement - story continues below</div>` : "",
    ...rest.slice(3),
    t.share === "bottom" || t.share === "both" ? share : "",
  ].join("\n");
  const main = t.wrap.startsWith("main>") ? (s) => `<main>${s}</main>` : (s) => s;
  const item = t.meta === "itemprop" ? ' itemscope itemtype="https://schema.org/NewsArticle"' : "";
  return main(`<${tag}${id}${cls}${item}>\n${inner}\n</${tag}>`);
}

function dateLine(t, a) {
  if (t.meta.includes("time")) return `<time datetime="${a.published}">${humanDate(a.published)}</time>`;
  if (t.meta === "itemprop")
    return `<meta itemprop="datePublished" content="${a.published}"><span class="date">${humanDate(a.published)}</span>`;
  if (t.meta === "text") return `<p class="dateline">Published: ${humanDate(a.published)}</p>`;
  return "";
}

function bylineHtml(t, a) {
  if (t.byline === "text") return `<p>By ${esc(a.author)}</p>`;
  const [tag, cls] = t.byline.split(".");
  const attrs = tag === "a" ? ` href="/authors/${slugOf(a.author)}" rel="author"` : "";
  return `<${tag} class="${cls}"${attrs}>By ${esc(a.author)}</${tag}>`;
}

function relatedBlock(titles, heading) {
  if (titles.length === 0) return "";
  return `<div class="related"><h3>${heading}</h3><ul>${titles.map((t) => `<li><a href="/${slugOf(t)}">${esc(t)}</a></li>`).join("")}</ul></div>`;
}

function nav(outlet) {
  return `<nav><ul><li><a href="/">Home</a></li>${outlet.sections.map((s) => `<li><a href="/${s}">${capital(s)}</a></li>`).join("")}<li><a href="/subscribe">Subscribe</a></li></ul></nav>`;
}

function footer(outlet, kind) {
  const links = `<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>`;
  const long =
    kind === "long"
      ? `<p>${esc(outlet.name)} is an independent news organisation. Support our journalism: become a member today.</p>`
      : "";
  return `<footer>${links}${long}<p>© ${esc(outlet.name)}. All rights reserved.</p></footer>`;
}

/** "November 10, 2017, 9:52 am" from an ISO time. */
export function humanDate(iso) {
  const d = new Date(iso);
  const h = d.getUTCHours();
  const m = String(d.getUTCMinutes()).padStart(2, "0");
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${h % 12 || 12}:${m} ${h < 12 ? "am" : "pm"}`;
}

function capital(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function esc(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export { AGENCIES };
