// The web app in a real browser (issue 7): each page opens on the seeds' database and is
// screenshotted to test-artifacts/screenshots/; a reader clicks from the list to a story and from a
// fact to its sentence, searches, filters and downloads an export; and an article full of markup
// meant to run is imported and shown without anything running. No page may reach past the server.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EVENT_COLUMNS } from "../../src/export/index.js";
import { apiJson, openRoute, openSession, ready, screenshot, type Session, violations } from "./harness.js";

const TOKEN = "browser-test-token-7";
/** A phone's screen in CSS pixels. */
const NARROW = { width: 390, height: 844 };

interface StorySummary {
  id: string;
  title: string;
  articleCount: number;
  outlets: string[];
}
interface StoryList {
  total: number;
  stories: StorySummary[];
}
interface StoryView {
  story: { id: string; articleIds: string[] };
  articles: { id: string; title?: string }[];
}
interface ArticleView {
  id: string;
  text: string;
}

let session: Session;
const pages: Page[] = [];

beforeAll(async () => {
  session = await openSession(TOKEN);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});

async function open(route: string, kind: string): Promise<Page> {
  const page = await openRoute(session, route);
  pages.push(page);
  await ready(page, kind);
  return page;
}

/** The story told by the most articles: the one with a fact matrix worth clicking. */
async function biggestStory(): Promise<StorySummary> {
  const list = await apiJson<StoryList>(session, "/api/stories?limit=200");
  const [story] = [...list.stories].sort((a, b) => b.articleCount - a.articleCount);
  if (!story) throw new Error("the seeds' database has no story");
  return story;
}

const storyTitles = (page: Page) => page.locator("a.story-link").allTextContents();
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

describe("every page", () => {
  it("opens the stories list, a story, an article, an outlet, the events and the import form", async () => {
    const story = await biggestStory();
    const view = await apiJson<StoryView>(session, `/api/stories/${encodeURIComponent(story.id)}`);
    const outlet = story.outlets[0] as string;
    const routes: [string, string, string][] = [
      ["stories", "/", "a.story-link"],
      ["story", `/story/${encodeURIComponent(story.id)}`, "table#facts"],
      ["article", `/article/${encodeURIComponent(view.story.articleIds[0] as string)}`, "#article-text"],
      ["outlet", `/outlet/${encodeURIComponent(outlet)}`, "#profile"],
      ["events", "/events", "table#events"],
      ["import", "/import", "form#import"],
    ];
    for (const [kind, route, hook] of routes) {
      const page = await open(route, kind);
      await expect(page.locator(hook).first().isVisible(), `${kind}: ${hook}`).resolves.toBe(true);
      await screenshot(page, kind);
      expect(await violations(page), kind).toEqual([]);
    }
    expect(session.outside).toEqual([]);
    expect(session.problems).toEqual([]);
  });

  it("labels the search box and draws the maps from the server's own data", async () => {
    const list = await open("/", "stories");
    await expect(list.getByLabel("Search stories").count()).resolves.toBe(1);
    const events = await open("/events", "events");
    await expect(events.locator("svg#map path").count()).resolves.toBeGreaterThan(0);
    expect(session.outside).toEqual([]);
  });

  it("fits a narrow screen: the stories page does not scroll sideways", async () => {
    const page = await session.context.newPage();
    pages.push(page);
    await page.setViewportSize(NARROW);
    await openRoute(session, "/", page);
    await ready(page, "stories");
    await screenshot(page, "stories-narrow");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

describe("reading a story", () => {
  it("clicks from the list to a story, and from a fact cell to its words highlighted in the article", async () => {
    const story = await biggestStory();
    const page = await open("/", "stories");
    await page.locator("a.story-link", { hasText: story.title }).first().click();
    await ready(page, "story");
    expect(page.url()).toContain(`#/story/${encodeURIComponent(story.id)}`);
    await expect(page.locator("svg#map").count()).resolves.toBe(1);
    await expect(page.locator("svg#timeline").count()).resolves.toBe(1);

    const cell = page.locator("table#facts a.fact-cell").first();
    const words = squash((await cell.textContent()) ?? "").replace(/^[“"]|[”"]$/g, "");
    expect(words.length).toBeGreaterThan(0);
    await cell.click();
    await ready(page, "article");
    const mark = page.locator("#article-text mark#highlight");
    await expect(mark.count()).resolves.toBe(1);
    const marked = squash((await mark.textContent()) ?? "");
    // A long cell is cut with an ellipsis: every part of it must be in the highlighted passage.
    for (const part of words.split("…").map(squash).filter(Boolean)) expect(marked).toContain(part);

    const hash = new URL(page.url()).hash;
    const [, id, start, end] = /#\/article\/([^?]+)\?s=(\d+)&e=(\d+)/.exec(hash) ?? [];
    const article = await apiJson<ArticleView>(session, `/api/articles/${id}`);
    expect(marked).toBe(squash(article.text.slice(Number(start), Number(end))));
    expect(session.outside).toEqual([]);
  });
});

describe("finding stories", () => {
  it("searches the full text", async () => {
    const all = await apiJson<StoryList>(session, "/api/stories");
    const expected = await apiJson<StoryList>(session, "/api/stories?q=earthquake");
    expect(expected.total).toBeGreaterThan(0);
    expect(expected.total).toBeLessThan(all.total);
    const page = await open("/", "stories");
    await page.getByLabel("Search stories").fill("earthquake");
    await page.getByLabel("Search stories").press("Enter");
    await page.waitForURL(/q=earthquake/);
    await ready(page, "stories");
    expect(await storyTitles(page)).toEqual(expected.stories.map((s) => s.title));
  });

  it("filters by outlet", async () => {
    const story = await biggestStory();
    const outlet = story.outlets[0] as string;
    const expected = await apiJson<StoryList>(session, `/api/stories?outlet=${encodeURIComponent(outlet)}`);
    const page = await open("/", "stories");
    await page.locator("#outlet").fill(outlet);
    await page.locator("#outlet").press("Enter");
    await page.waitForURL(/outlet=/);
    await ready(page, "stories");
    const titles = await storyTitles(page);
    expect(titles).toEqual(expected.stories.map((s) => s.title));
    expect(titles).toContain(story.title);
  });
});

describe("downloads", () => {
  it("downloads the events as CSV with the export's header", async () => {
    const page = await open("/events", "events");
    const link = page.locator('a.download[download][href*="export/events"][href*="format=csv"]');
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const file = await download.path();
    const text = await readFile(file, "utf8");
    expect(text.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe(EVENT_COLUMNS.join(","));
    expect(download.suggestedFilename()).toBe("parallax-events.csv");
  });
});

/** Page-side proof of a payload run: each would set one of these or open a dialog. */
const PWNED_TITLE = "pwned-by-scraped-text";
const HOSTILE_WORD = "Quillowbridge";
const hostileHtml = [
  "<html><head><title>Harbour bridge reopens <script>document.title='x'</script></title>",
  `<script>window.__pwned='head';document.title='${PWNED_TITLE}'</script></head><body><article>`,
  `<h1>${HOSTILE_WORD} harbour bridge reopens after the storm <img src=x onerror="window.__pwned='h1'"></h1>`,
  `<p>The ${HOSTILE_WORD} harbour bridge reopened to traffic on Monday after engineers spent three days`,
  "checking its cables, the town council said in a statement published on its website.",
  `&lt;script&gt;window.__pwned='escaped';alert('escaped')&lt;/script&gt; Officials said the repairs`,
  "had cost more than 2 million euros and that the ferry service would end on Friday.</p>",
  `<p>Residents had waited for hours at the ferry terminal &lt;img src=x onerror="window.__pwned='img';`,
  `alert('img')"&gt; while the bridge was closed. <a href="javascript:window.__pwned='link';alert('link')">`,
  "The council's statement</a> thanked the crews who worked through the night.</p>",
  `<script>window.__pwned='body';alert('body')</script><svg onload="window.__pwned='svg'"></svg>`,
  `<iframe src="javascript:parent.__pwned='iframe'"></iframe>`,
  "<p>The mayor said a full inspection of every bridge in the district would follow before the",
  "winter, and that the results would be made public by the end of the month.</p>",
  "</article></body></html>",
].join("\n");
const hostileText = [
  `${HOSTILE_WORD} court hears <script>window.__pwned='txt';document.title='${PWNED_TITLE}'</script> appeal`,
  "",
  `A court in the capital heard an appeal on Tuesday <img src=x onerror="window.__pwned='txt-img';alert(1)">`,
  'against the ruling, <a href="javascript:alert(2)">lawyers said</a>, and will decide next week.',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe> The judge asked both sides for written',
  "arguments by Friday, the court's spokesman said.",
].join("\n");

describe("hostile scraped text", () => {
  it("imports an article full of scripts, handlers and javascript: links, and nothing runs", async () => {
    const page = await open("/import", "import");
    await page.locator("#paste").fill(hostileHtml);
    await page.locator("#token").fill(TOKEN);
    await page.locator("form#import button[type=submit]").click();
    const storyLink = page.locator("#import-result a").first();
    await storyLink.waitFor({ timeout: 60_000 });
    await screenshot(page, "import-result");

    // The same markup as plain text, through the API: the text keeps every tag as characters.
    const response = await fetch(`${session.base}/api/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ documents: [{ name: "hostile.txt", content: hostileText }] }),
    });
    expect(response.status).toBe(200);
    const imported = (await response.json()) as { articles: number; stories: string[] };
    expect(imported.articles).toBe(1);

    const storyIds = [
      decodeURIComponent(/#\/story\/(.+)$/.exec((await storyLink.getAttribute("href")) ?? "")?.[1] ?? ""),
      ...imported.stories,
    ];
    for (const storyId of storyIds) {
      const view = await apiJson<StoryView>(session, `/api/stories/${encodeURIComponent(storyId)}`);
      for (const route of [
        `/story/${encodeURIComponent(storyId)}`,
        ...view.story.articleIds.map((id) => `/article/${encodeURIComponent(id)}`),
      ]) {
        const shown = await open(route, route.startsWith("/story") ? "story" : "article");
        await shown.waitForTimeout(300); // an onerror fires after the image fails to load
        const state = await shown.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: unknown }).__pwned,
          title: document.title,
          injected: document.querySelectorAll(
            "main script, main img, main iframe, main svg [onload], main [onerror], a[href^='javascript:' i]",
          ).length,
        }));
        expect(state.pwned, route).toBeUndefined();
        // The payload's words may be in the title as text; run, they would make the whole title.
        expect(state.title, route).not.toBe(PWNED_TITLE);
        expect(state.injected, route).toBe(0);
        expect(await violations(shown), route).toEqual([]);
      }
    }
    // The plain-text article shows its tags as text: escaped, not dropped.
    const textArticle = await hostileTextArticle(imported.stories);
    const article = await open(`/article/${encodeURIComponent(textArticle)}`, "article");
    await expect(article.locator("#article-text").textContent()).resolves.toContain("<img src=x onerror=");
    await screenshot(article, "hostile-article");
    expect(session.outside).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});

/** The imported plain-text article (its story may hold a seed article too). */
async function hostileTextArticle(storyIds: string[]): Promise<string> {
  for (const storyId of storyIds) {
    const view = await apiJson<StoryView>(session, `/api/stories/${encodeURIComponent(storyId)}`);
    for (const id of view.story.articleIds) {
      const article = await apiJson<ArticleView>(session, `/api/articles/${encodeURIComponent(id)}`);
      if (article.text.includes("onerror=")) return id;
    }
  }
  throw new Error("the imported plain-text article is in none of its stories");
}
