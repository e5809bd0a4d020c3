import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

/**
 * Small news pages for ingest tests: a few happenings, each told by several outlets in their own
 * words and figures, so that a run finds stories, events and copies as on real news.
 */
const HAPPENINGS = [
  (n: number) => [
    `An earthquake of magnitude ${5 + (n % 3)}.${n % 10} struck the coastal province of Izmir on Tuesday, killing at least ${10 + n} people.`,
    `Rescue teams searched collapsed buildings through the night, the disaster agency said, and ${40 + n} people were taken to hospital.`,
    `The governor said schools would stay closed for a week while engineers inspect them.`,
  ],
  (n: number) => [
    `Voters in Chile elected a new parliament on Sunday, giving the opposition alliance ${60 + n} of the 155 seats.`,
    `The electoral service said turnout reached ${50 + (n % 20)} percent, the highest since voting became voluntary.`,
    `The president congratulated the winners and promised to work with the new chamber.`,
  ],
  (n: number) => [
    `Police in Nairobi fired tear gas at thousands of protesters on Thursday as demonstrations against a tax bill turned violent.`,
    `A rights group said ${3 + (n % 5)} people were killed and dozens wounded in clashes across the capital.`,
    `The interior minister blamed criminal gangs and said ${100 + n} people had been arrested.`,
  ],
  (n: number) => [
    `A storm swept across the Philippines on Monday, forcing ${20_000 + n * 100} people from their homes.`,
    `The weather service recorded gusts of ${150 + n} kilometres per hour and warned of landslides in the mountains.`,
    `Officials said power was cut to large parts of Manila and flights were cancelled.`,
  ],
];
const OUTLETS = ["Daily Courier", "Evening Herald", "Morning Star", "World Wire", "City Times"];

/** The i-th test page as HTML: happening i mod 4, told by outlet i mod 5 with figures of its own. */
export function newsPage(i: number): string {
  const sentences = HAPPENINGS[i % HAPPENINGS.length]?.(i) ?? [];
  const outlet = OUTLETS[i % OUTLETS.length] ?? "Outlet";
  const day = 10 + (i % 3);
  return `<!doctype html><html><head><title>${sentences[0]?.slice(0, 60)}</title>
<meta property="og:site_name" content="${outlet}">
<meta property="article:published_time" content="2024-03-${day}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${sentences[0]?.slice(0, 60)}</h1>
${sentences.map((s) => `<p>${s}</p>`).join("\n")}
</article><footer>© ${outlet}</footer></body></html>`;
}

/** Writes `count` pages as HTML files into per-outlet folders under `dir`. */
export function writePages(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `outlet-${i % OUTLETS.length}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `page-${String(i).padStart(4, "0")}.html`), newsPage(i));
  }
}

/**
 * What a database holds, read back as plain rows: articles, stories, events, their links and the
 * inputs' checkpoints. Counters (the store's version) and migration times are left out: they
 * count writes, not content.
 */
export function dumpDatabase(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      articles: all(
        "SELECT seq, id, content_hash, url, outlet, title, published, label, json FROM articles ORDER BY seq",
      ),
      stories: all("SELECT id, position, title, basis, list_rank, json FROM stories ORDER BY position"),
      storyArticles: all("SELECT story_id, article_id, article_seq FROM story_articles ORDER BY 1, 2"),
      events: all("SELECT id, position, json FROM events ORDER BY position"),
      eventArticles: all("SELECT event_id, article_id FROM event_articles ORDER BY 1, 2"),
      inputs: all("SELECT locator, record, input_hash, article_ids FROM ingested_inputs ORDER BY 1, 2"),
      search: all("SELECT rowid, title, text FROM articles_fts ORDER BY rowid"),
    };
  } finally {
    db.close();
  }
}

/** How many inputs a database has finished (readable while a run writes: the journal is WAL). */
export function finishedInputs(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM ingested_inputs").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or the migrations not yet applied
  }
}
