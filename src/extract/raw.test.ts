import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Article, SourceDocument } from "../model/index.js";
import { createExtractor } from "./index.js";

const SEEDS = new URL("../../examples/albu-kamal/", import.meta.url);

function rawDocument(content: string, given: SourceDocument["given"] = {}, locator = "test"): SourceDocument {
  return { origin: { locator }, format: "raw", content, given };
}

// The clean body of seed 000, written out by hand: the standfirst, then the article paragraphs;
// no caption, title, dateline, donation appeal, comment policy or "In Short" widget.
const BODY_000 = [
  "The Syrian Army declared victory over the Islamic State this week, with the capture of the jihadists' last stronghold of Albu Kamal.",
  "Pockets of Islamic State fighters remain in desert areas near Albu Kamal, the last town the militant group had held in Syria, but the capture has ended the Islamic State’s dreams of a caliphate that it proclaimed in 2014 across Iraq and Syria.",
  "The Syrian military, backed by Shia fighters from Iraq, cleaned out the town where ISIS fighters had held their last key redoubt on the Iraqi border. The jihadists had tried to defend the town, but it was captured on the same day the assault began.The united forces battling ISIS expect a new phase of guerrilla warfare however.",
  "Albu Kamal had long been a transport hub for jihadists crossing from Syria into Iraq during the American occupation, and vice versa during the war in Syria.",
  "The group had already suffered major setbacks after their loss of the provincial capital of the oil-rich province of Deir Ezzor as well as their de facto capital Raqqa. As recently as two years ago, it controlled half of Syria’s landmass along with vast areas around Nineveh in northern Iraq and Anbar province.",
  "The SAA’s victory in Deir Ezzor gave them back control over a larger portion of the country than its adversaries, and gaining momentum after six and a half years of US-sponsored terror.",
  "Syria’s eastern Ghouta region, near the capital Damascus, is one of the last pockets of resistance against the government of Syria’s president, Bashar al-Assad.",
  "Western security chiefs have warned that the loss of territory does not mean an end to jihadist attacks with guns, knives or trucks ploughing into civilians that its supporters have mounted around the world, The Times of Malta reported.",
  "Syrian forces, backed by intensive Russian air strikes, have steadily advanced on Albu Kamal from the south and west for weeks.",
  "The Russian Coordination Center in Hmeimim meanwhile has confirmed that a US P-8A Poseidon reconnaissance aircraft, which is capable of detecting military submarines at various depths, took off from a Naval Air Station Sigonella in the Italian island of Sicily and flew close to the Russian bases on the Syrian coast.",
  "The American flight was detected by Russian radars. Hours later, Russian radars detected yet another US aircraft, a strategic and a long-range bomb carrier.",
  "The carrier had been flying at low altitudes, near the Russia-operated air base in Hmeimim, located in the northwestern Syrian province of Lattakia.",
  "“These provocative acts are not the first of their kind, and they reflect the cowardice of the American side”, said Alexander Ivanov, a spokesman for Hmeimim air base, in a warning statement to the US forces.",
  "Hunderds of thousands of people have been killed in Syria since the conflict began in March 2011, a multi-front war against the Syrian government that involved international forces and jihadists.",
].join("\n\n");

// The clean body of seed 001: no title, promo image, placeholders, credit line or "Popular Video".
const BODY_001 = [
  "The Syrian army has captured the last town in the country held by ISIS.",
  "Army units entered the town of Albu Kamal, near the border with Iraq, on Nov. 8 and declared it to be clear of ISIS fighters Nov. 9, according to The Associated Press.",
  "\"The liberation of Albu Kamal is of great importance because it is a declaration of the fall of this group's project in the region generally and the collapse of its supporters' illusions to divide it, control large parts of the Syria-Iraq borders and secure supply routes between the two countries,\" Syrian army spokesman General Ali Mayhoub declared in a televised address, according to The Associated Press.",
  "An offensive has also been launched on ISIS' remaining territory in Iraq. Militants aligned with the Iraqi government took the town of Al-Qa'im, which controls an important border crossing between Iraq and Syria.",
  "U.S.-backed forces, organized in the Kurdish-dominated Syrian Democratic Forces, have sought to capture ISIS territory before the Syrian government could do so. The U.S. is concerned about the growth of the influence of Iran, which supports the Syrian government.",
  "In October, the SDF cleared ISIS fighters from the Syrian city of Raqqa. They then advanced on Albu Kamal from the opposite direction to the Syrian government troops.",
  "Reports from the Lebanese militant group Hezbollah, which supported the Syrian government's offensive, indicate that leading ISIS figures, including its leader Abu Bakr al-Baghdadi, were seen in the town shortly before it was liberated.",
  "But the U.S.-led coalition carrying out air raids against ISIS in Syria and Iraq contradicted the report, saying there was no evidence to suggest al-Baghdadi was in Albu Kamal.",
  "Estimates suggested that between 2,500 and 3,500 ISIS fighters were in the area around Albu Kamal. The Syrian Observatory for Human Rights noted that ISIS still controls several small villages in desert areas, Newsweek reported.",
  "The group still continues to update its media center. AP reported that ISIS members are likely to continue fighting in the desert.",
  'U.S. and Russian officials indicated Nov. 9 they are on the verge of concluding an agreement to end Syria\'s civil war when ISIS has been defeated. Officials not authorized to discuss the contents of the agreement publicly told Time that U.S. and Russian officials hope to expand "deconfliction" areas in various parts of the country with the aim of reducing violence.',
  "They also plan to restart United Nations-led piece talks on Syria's future, including a political transition.",
  "While the U.S. has provided some support to rebels fighting against the regime of Syrian President Bashar Assad, Russia has backed it. Assad is considered a close Russian ally.",
].join("\n\n");

describe("raw extraction of the seeds", () => {
  let seed000: Article;
  let seed001: Article;

  beforeAll(() => {
    const extract = createExtractor();
    const read = (name: string) => readFileSync(new URL(name, SEEDS), "utf8");
    seed000 = extract(rawDocument(read("000_94ae060d2235aff0.txt"), {}, "000"));
    seed001 = extract(rawDocument(read("001_00835ee31e389aee.txt"), {}, "001"));
  });

  it("keeps exactly the article paragraphs of 000", () => {
    expect(seed000.text).toBe(BODY_000);
  });

  it("reads title, dateline and outlet of 000", () => {
    expect(seed000.title).toEqual({ value: "Syrian Army declares victory over ISIS", source: "headline" });
    expect(seed000.published).toEqual({ value: "2017-11-10T09:52", precision: "minute", source: "dateline" });
    expect(seed000.outlet).toEqual({
      value: "FreeWestMedia",
      source: "boilerplate:outlet/depends-on-readers",
    });
    expect(seed000.authors).toEqual([]);
  });

  it("says why each block of 000 was removed", () => {
    const kinds = seed000.removed.map((r) => [r.kind, r.text.slice(0, 24)]);
    expect(kinds).toEqual([
      ["navigation", "Skip to Content"],
      ["caption", "Syrian Army soldiers (Yo"],
      ["title", "Syrian Army declares vic"],
      ["metadata", "Published: November 10, "],
      ["donation", "Consider donating to sup"],
      ["donation", "Help us to produce more "],
      ["comment-policy", "Keep your language polit"],
      ["comment-policy", "If you have been approve"],
      ["comment-policy", "If your comments are sub"],
      ["comment-policy", "We reserve the right to "],
      ["related-widget", "In Short"],
      ["related-widget", "No more articles."],
      ["related-widget", "There are no more articl"],
      ["navigation", "Go to archive"],
    ]);
    expect(seed000.credits).toEqual([
      { kind: "image", text: "Syrian Army soldiers (YouTube)", names: ["YouTube"] },
    ]);
  });

  it("keeps exactly the article paragraphs of 001", () => {
    expect(seed001.text).toBe(BODY_001);
  });

  it("reads the title of 001 from its promo image echo", () => {
    expect(seed001.title).toEqual({
      value: "Syrian Army Takes Last Town Held By ISIS",
      source: "title-echo",
    });
    expect(seed001.removed.filter((r) => r.kind === "image-placeholder")).toHaveLength(3);
    expect(seed001.removed.at(-1)).toEqual({
      kind: "related-widget",
      text: "Popular Video",
      rule: "related-widget/popular",
    });
    expect(seed001.outlet).toBeUndefined(); // nothing names the site and there is no URL
  });

  it("reads the credit names of 001, one credit per labelled segment", () => {
    expect(seed001.credits.map((c) => c.names)).toEqual([
      ["AP via Independent", "Newsweek", "Time"],
      ["Commons"],
      [
        "Amber Smith",
        "Jim Mattis",
        "Flickr via Wikimedia Commons",
        "Voice of America News",
        "YouTube via Wikimedia Commons",
      ],
    ]);
    expect(seed001.credits[0]?.text).toBe("Sources: AP via Independent, Newsweek, Time");
  });

  it("fills the rest of the article", () => {
    for (const article of [seed000, seed001]) {
      expect(article.language).toEqual({ value: "en", source: "eld" });
      expect(article.extractedBy).toEqual({ stage: "extract", method: "raw-blocks" });
      expect(article.diagnostics).toEqual([]);
      expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(article.id).toBe(article.contentHash.slice(0, 16));
    }
  });
});

describe("raw extraction of other sites", () => {
  const extract = createExtractor();

  // One element per line, no blank lines: each line is a block.
  const EARTHQUAKE = [
    "Menu",
    "Search",
    "Strong earthquake shakes northern Chile",
    "By Ana Torres and Luis Medina",
    "Updated 12 Mar 2024, 08:15",
    "A magnitude 6.8 earthquake struck off the coast of northern Chile on Tuesday, damaging buildings and cutting power to thousands of homes, officials said.",
    "Share this article",
    "The quake hit at a depth of 35 kilometres about 60 kilometres west of the port city of Antofagasta, according to the national seismological centre.",
    "Advertisement",
    "No tsunami warning was issued, but residents of low-lying areas were told to move to higher ground as a precaution.",
    "Read more: Aftershocks rattle coastal towns",
    "Emergency services reported at least 14 people injured and no deaths by Tuesday evening.",
    "Rescue workers search a collapsed market (Reuters)",
    "© 2024 Some Daily. All rights reserved.",
    "Terms of use",
  ].join("\n");

  it("cleans an earthquake report written one line per element", () => {
    const article = extract(rawDocument(EARTHQUAKE));
    expect(article.text).toBe(
      [
        "A magnitude 6.8 earthquake struck off the coast of northern Chile on Tuesday, damaging buildings and cutting power to thousands of homes, officials said.",
        "The quake hit at a depth of 35 kilometres about 60 kilometres west of the port city of Antofagasta, according to the national seismological centre.",
        "No tsunami warning was issued, but residents of low-lying areas were told to move to higher ground as a precaution.",
        "Emergency services reported at least 14 people injured and no deaths by Tuesday evening.",
      ].join("\n\n"),
    );
    expect(article.title?.value).toBe("Strong earthquake shakes northern Chile");
    expect(article.authors).toEqual([
      { value: "Ana Torres", source: "byline" },
      { value: "Luis Medina", source: "byline" },
    ]);
    expect(article.published).toEqual({
      value: "2024-03-12T08:15",
      precision: "minute",
      source: "dateline:updated",
    });
    expect(article.outlet).toEqual({ value: "Some Daily", source: "boilerplate:outlet/copyright" });
    expect(article.credits).toEqual([
      { kind: "image", text: "Rescue workers search a collapsed market (Reuters)", names: ["Reuters"] },
    ]);
    const rules = Object.fromEntries(article.removed.map((r) => [r.text, r.rule]));
    expect(rules["Share this article"]).toBe("navigation/share");
    expect(rules.Advertisement).toBe("other/advertisement");
    expect(rules["Read more: Aftershocks rattle coastal towns"]).toBe("related-widget/read-more");
    expect(rules["Terms of use"]).toBe("navigation/site-label");
  });

  it("reads an election report with a date-only line, keeping a 'By ...' sentence as body", () => {
    const content = [
      "Politics",
      "",
      "Opposition wins majority in regional election",
      "",
      "Nov. 10, 2017",
      "",
      "By Tuesday night the opposition alliance had won 48 of the 90 seats in the regional assembly, the electoral commission said.",
      "",
      "Turnout was 61 percent, up from 55 percent at the previous vote four years ago.",
    ].join("\n");
    const article = extract(
      rawDocument(content, { outlet: "The Record", url: "https://news.example.org/2017/11/10/vote" }),
    );
    expect(article.text).toBe(
      "By Tuesday night the opposition alliance had won 48 of the 90 seats in the regional assembly, the electoral commission said.\n\n" +
        "Turnout was 61 percent, up from 55 percent at the previous vote four years ago.",
    );
    expect(article.title?.value).toBe("Opposition wins majority in regional election");
    expect(article.published).toEqual({ value: "2017-11-10", precision: "day", source: "dateline" });
    expect(article.outlet).toEqual({ value: "The Record", source: "record" });
    expect(article.authors).toEqual([]);
    expect(article.url).toBe("https://news.example.org/2017/11/10/vote");
  });

  it("does not let an appeal above the story end it", () => {
    const content = [
      "Support independent journalism today.",
      "",
      "The court ruled on Monday that the ban on street protests was unlawful and must be lifted within a week.",
      "",
      "The government said it would appeal.",
    ].join("\n");
    const article = extract(rawDocument(content));
    expect(article.text).toBe(
      "The court ruled on Monday that the ban on street protests was unlawful and must be lifted within a week.\n\nThe government said it would appeal.",
    );
    expect(article.removed).toEqual([
      {
        kind: "donation",
        text: "Support independent journalism today.",
        rule: "donation/support-journalism",
      },
    ]);
  });

  it("uses the record's title to find the headline", () => {
    const content =
      "Breaking\n\nJudge blocks new border rule\n\nA federal judge on Friday blocked a new rule that would have limited asylum claims.";
    const article = extract(rawDocument(content, { title: "Judge blocks new border rule" }));
    expect(article.title).toEqual({ value: "Judge blocks new border rule", source: "record" });
    expect(article.removed.find((r) => r.kind === "title")?.rule).toBe("record/title");
    expect(article.text).toBe(
      "A federal judge on Friday blocked a new rule that would have limited asylum claims.",
    );
  });

  it("finds the headline just above the body, below the site's menu", () => {
    const content = [
      "Home",
      "Politics",
      "Business",
      "Science",
      "Weather",
      "Contact",
      "About us",
      "Archive",
      "Newsletter",
      "Volcano erupts on remote island, forcing evacuation of two villages",
      "12 March 2024, 08:15",
      "Photo: Coast Guard",
      "A volcano on a remote island in the South Pacific erupted on Tuesday morning, sending a column of ash ten kilometres into the sky.",
      "About 400 residents of two villages on its eastern slope were taken to the neighbouring island by boat, the civil defence office said.",
    ].join("\n");
    const article = extract(rawDocument(content));
    expect(article.title).toEqual({
      value: "Volcano erupts on remote island, forcing evacuation of two villages",
      source: "headline",
    });
    expect(article.removed.find((r) => r.kind === "title")?.rule).toBe("structure/headline-above-body");
    expect(article.text.split("\n\n")).toHaveLength(2);
  });

  it("prefers the headline the page repeats to a kicker, and skips a line with a date", () => {
    const content = [
      "Menu",
      "Search",
      "Sign in",
      "Subscribe",
      "Sport",
      "Local",
      "Opinion",
      "Culture",
      "Chess club wins national title after a tense final round",
      "Posted on 3 February 2023 by the editors",
      "Club news and results",
      "The town's chess club won the national team championship on Sunday, beating the defending champions by half a point in the last round.",
      "Their youngest player, a fifteen-year-old student, secured the decisive draw after more than five hours at the board.",
      "Share: Chess club wins national title after a tense final round",
    ].join("\n");
    const article = extract(rawDocument(content));
    expect(article.title?.value).toBe("Chess club wins national title after a tense final round");
  });

  it("does not let an end marker of a box above the story cut the story", () => {
    const story = [
      "The central bank raised its main interest rate by a quarter of a percentage point on Thursday, the fourth increase this year.",
      "The governor said inflation had fallen more slowly than expected and that wages were still rising faster than productivity.",
      "Economists had been divided before the meeting, with about half of those surveyed expecting the bank to wait until the spring.",
      "Mortgage lenders said they would pass the increase on to borrowers with variable-rate loans from the beginning of next month.",
      "The bank's board will meet again in six weeks, when it is also due to publish new forecasts for growth and prices.",
      "Shares of the largest banks rose slightly after the announcement, while the currency gained against the dollar and the euro.",
      "The opposition said the government had left the bank to fight inflation alone and called for lower taxes on fuel and food.",
      "Retailers warned that higher borrowing costs would weigh on spending in the run-up to the holiday season.",
      "House prices have already fallen for three months in a row in most large cities, according to the national statistics office.",
      "Builders said new orders had dropped to their lowest level in a decade and that several projects had been put on hold.",
      "The finance minister welcomed the decision and said the budget would stick to its spending limits despite the slower growth.",
      "Union leaders said the increase would hurt low-paid workers most and asked the government to raise the minimum wage.",
      "Analysts expect the bank to pause at its next meeting if prices for energy and food keep falling as they did in the autumn.",
      "Savers, on the other hand, can expect slightly better returns on deposits, although most banks have been slow to raise them.",
      "The last time the bank raised rates four times in one year was more than twenty years ago, shortly before a long recession.",
      "Several members of the board argued for a larger step of half a point, the minutes of the previous meeting had shown.",
      "Farmers' groups said the cost of credit for new machinery and seed was becoming a burden for smaller family farms.",
      "The decision was announced at noon, an hour later than usual, because of a technical problem with the bank's website.",
    ];
    // News paragraphs of two sentences each, some 250 characters: the story outweighs the
    // box above it more than tenfold.
    const paragraphs = story.flatMap((sentence, i) =>
      i % 2 === 0 ? [`${sentence} ${story[i + 1] ?? ""}`.trim()] : [],
    );
    const content = [
      "Newsletter",
      "Get our morning briefing with the most important stories of the day and the best of our reporting in your inbox, every morning before you have had breakfast.",
      "Comments",
      "Bank raises rates again",
      ...paragraphs,
      "Comments",
      "Great article, thanks!",
    ].join("\n");
    const article = extract(rawDocument(content));
    expect(article.text).toBe(paragraphs.join("\n\n"));
    expect(article.text).not.toContain("Great article");
    expect(article.title?.value).toBe("Bank raises rates again");
  });

  it("drops a short line the page repeats inside the run, keeps a repeated sentence", () => {
    const content = [
      "Farmers protest against new water rules",
      "Hundreds of farmers drove their tractors into the regional capital on Wednesday to protest against new limits on water use.",
      "Related: Drought hits orchards",
      "The rules cap how much groundwater each farm may pump during the summer months, starting next year.",
      "Drought hits orchards",
      "A spokesman for the farmers' union said the limits would force many small farms to give up vegetables altogether.",
      "The minister said the limits would be reviewed after two summers.",
      "Drought hits orchards",
      "The minister said the limits would be reviewed after two summers.",
    ].join("\n");
    const article = extract(rawDocument(content));
    expect(article.text).not.toContain("\n\nDrought hits orchards");
    expect(article.removed).toContainEqual({
      kind: "other",
      text: "Drought hits orchards",
      rule: "structure/repeated-line",
    });
    expect(article.text).toContain("The minister said the limits would be reviewed after two summers.");
  });

  it("keeps a standfirst that photo credits and share buttons part from the story", () => {
    const standfirst =
      "The highest court of the country ruled on Tuesday that the new voting law is in breach of the constitution and must be rewritten before the next election.";
    const story = [
      "The judges found that the law had been passed without the consultation of the regions that the constitution requires for any change to how elections are run.",
      "The government said it would respect the ruling and present a new bill to parliament within a month, in time for the vote planned for the spring of next year.",
      "Opposition parties, which had brought the case, called the judgment a victory for voters and asked the minister of the interior to step down over the affair.",
    ];
    const content = [
      "Home",
      "Politics",
      "Court strikes down voting law",
      standfirst,
      "Jane Roe",
      "Reuters",
      "File photo",
      "Facebook",
      "Twitter",
      ...story,
      "Leave a Reply",
      "Great ruling!",
    ].join("\n");
    const article = extract(rawDocument(content));
    expect(article.text).toBe([standfirst, ...story].join("\n\n"));
    expect(article.removed).toContainEqual({
      kind: "navigation",
      text: "File photo",
      rule: "structure/outside-main",
    });
  });
});
