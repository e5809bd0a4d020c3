import { beforeAll, describe, expect, it } from "vitest";
import type { BoilerplateKind } from "../model/index.js";
import {
  type BlockMatch,
  createBlockClassifier,
  dateOnlyBlock,
  isLabelLike,
  listSeparators,
  looksLikeHeadline,
  pageLanguage,
  reviseByContext,
  textClass,
} from "./classify.js";
import { loadBoilerplateData } from "./data.js";
import { DEFAULT_EXTRACT_OPTIONS } from "./options.js";

let classify: (block: string) => BlockMatch[];

beforeAll(() => {
  classify = createBlockClassifier(loadBoilerplateData().blocks);
});

/** The kind and rule of the first pattern that matches, as the raw reader would try it first. */
function firstRule(block: string): [BoilerplateKind, string] | undefined {
  const match = classify(block)[0];
  return match ? [match.rule.kind, match.rule.id] : undefined;
}

describe("block patterns, one kind at a time", () => {
  it.each([
    ["Skip to Content", "navigation"],
    ["Skip to main content", "navigation"],
    ["Go to archive", "navigation"],
    ["Share this article", "navigation"],
    ["Share on Facebook", "navigation"],
    ["Image placeholder title", "image-placeholder"],
    ["Parliament Passes Budget Promo Image", "image-placeholder"],
    ["Syrian Army soldiers (YouTube)", "caption"],
    ["Flooded streets in the old town (AFP/Getty)", "caption"],
    ["Consider donating to support our work", "donation"],
    ["Help us to produce more articles like this. We depend on donations.", "donation"],
    ["Keep your language polite. Illegal content will be deleted.", "comment-policy"],
    ["If you have been approved to post comments without preview, you are responsible.", "comment-policy"],
    ["We reserve the right to delete comments that are offensive.", "comment-policy"],
    ["12 Comments", "comments"],
    ["3 Kommentare", "comments"],
    ["Leave a Reply", "comments"],
    ["Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.", "comments"],
    ["Wir verwenden Cookies, um unsere Website für Sie zu verbessern.", "cookie-notice"],
    ["Accept all cookies", "cookie-notice"],
    ["Teilen", "share-bar"],
    ["WhatsApp", "share-bar"],
    ["Sign up for our free newsletter and get the news every morning.", "newsletter"],
    ["Über den Autor", "author-bio"],
    ["Tags: election, parliament, turnout", "tags"],
    ["Schlagwörter: Wahl, Landtag", "tags"],
    ["Home > News > Politics > Elections", "breadcrumb"],
    ["Dieser Artikel ist nur für Abonnenten verfügbar.", "paywall"],
    ["14:32", "timestamp"],
    ["2 hours ago", "timestamp"],
    ["Anzeige", "advertisement"],
    ["Ähnliche Beiträge", "related-widget"],
    ["Lesen Sie auch: Sturm legt Bahnverkehr lahm", "related-widget"],
    ["Erdölpumpen im Abendrot. Bild: Jane Roe/Agentur", "caption"],
    ["Flooded fields near the river. Photo: Jane Roe/Example.com", "caption"],
    ["Survivors outside the town hall, photo: Jane Roe", "caption"],
    ["(Foto: Jane Roe/Agentur)", "caption"],
    ["(crédito: Juan Pérez/Agencia)", "caption"],
    ["Teilen Sie dies mit:", "share-bar"],
    ["Siga-nos no", "share-bar"],
    ["Follow us on", "share-bar"],
    ["Veja também: Tribunal suspende eleição municipal", "related-widget"],
    ["PUEDES VER: ¿Qué dijo el tribunal sobre la elección?", "related-widget"],
    ["Schon gelesen?", "related-widget"],
    ["Fot. Jan Kowalski / Agencja", "credits"],
    ["In Short", "related-widget"],
    ["No more articles.", "related-widget"],
    ["Popular Video", "related-widget"],
    ["Read more: Aftershocks rattle coastal towns", "related-widget"],
    ["Sources: AP via Independent, Newsweek, Time", "credits"],
    ["Featured image: Commons", "credits"],
    ["Photo: Jane Roe/Reuters", "credits"],
    ["Published: November 10, 2017, 9:52 am", "metadata"],
    ["Updated 12 Mar 2024, 08:15", "metadata"],
    ["By Jane Doe", "metadata"],
    ["© 2024 Some Daily. All rights reserved.", "metadata"],
    ["Advertisement", "other"],
  ] as const)("%s -> %s", (block, kind) => {
    expect(firstRule(block)?.[0]).toBe(kind);
  });

  it.each([
    "The court ruled on Monday that the ban was unlawful.",
    "Voters in the capital queued for hours to cast their ballots (turnout was high).",
    "Officials said they would share the report with parliament next week.",
    "Rescuers were still searching the rubble on Wednesday, a day after the earthquake struck, and said they had found survivors in two collapsed buildings (AP).",
    "The court heard that the company had used cookies to track users without their consent.",
    "Die Wahlbeteiligung lag bei 61 Prozent, teilte die Landeswahlleiterin am Sonntagabend mit.",
    "Two or three short talks (30 mins)",
    "Ein Sturm hat in der Nacht zum Montag Bäume entwurzelt und Dächer abgedeckt.",
    "Teilen Sie dies mit Ihren Nachbarn, sagte der Bürgermeister nach dem Erdbeben.",
    "The organisers asked voters to follow us on the march to the court.",
    "The quake struck at 4 a.m., source: the national seismology office, which measured it at 6.1.",
    "Os eleitores veja também o resultado da apuração no site do tribunal.",
  ])("leaves body text alone: %s", (block) => {
    expect(classify(block)).toEqual([]);
  });

  it("reads values from named groups", () => {
    const promo = classify("Parliament Passes Budget Promo Image")[0];
    expect(promo?.rule.role).toBe("title-echo");
    expect(promo?.groups.title).toBe("Parliament Passes Budget");
    expect(classify("Published: November 10, 2017, 9:52 am")[0]?.groups.date).toBe(
      "November 10, 2017, 9:52 am",
    );
    expect(classify("By Ana Torres and Luis Medina")[0]?.groups.authors).toBe("Ana Torres and Luis Medina");
  });

  it("ends the article at appeals, comment policies and copyright lines only", () => {
    expect(classify("Consider donating to support our work")[0]?.rule.endsArticle).toBe(true);
    expect(classify("We reserve the right to delete comments.")[0]?.rule.endsArticle).toBe(true);
    expect(classify("© 2024 Some Daily")[0]?.rule.endsArticle).toBe(true);
    expect(classify("Read more: Storm warning")[0]?.rule.endsArticle).toBe(false);
    expect(classify("Image placeholder title")[0]?.rule.endsArticle).toBe(false);
  });

  it("removes licence notices but not a sentence about a licence", () => {
    expect(
      firstRule("This work is licensed under a Creative Commons Attribution 4.0 International License."),
    ).toEqual(["metadata", "metadata/licence-notice"]);
    expect(
      firstRule("Die Fotos in diesem Blog stehen unter einer Creative-Commons-Lizenz (CC BY-SA 3.0)."),
    ).toEqual(["metadata", "metadata/licence-notice"]);
    expect(
      classify("The city council agreed on Monday to license two more taxi firms for the airport route."),
    ).toEqual([]);
  });

  it("respects maxWords: a long sentence is not a caption", () => {
    const long =
      "Thousands of people marched through the centre of the capital on Saturday to protest against the new law (video)";
    expect(classify(long)).toEqual([]);
  });
});

describe("structural rules", () => {
  it("treats short lines without final punctuation as labels", () => {
    expect(isLabelLike("Politics", 8)).toBe(true);
    expect(isLabelLike("Terms of use", 8)).toBe(true);
    expect(isLabelLike("The government said it would appeal.", 8)).toBe(false);
    expect(isLabelLike("One two three four five six seven eight nine", 8)).toBe(false);
  });

  it("recognises headline-like lines", () => {
    const limits = DEFAULT_EXTRACT_OPTIONS;
    expect(looksLikeHeadline("Opposition wins majority in regional election", limits)).toBe(true);
    expect(looksLikeHeadline("Will the ceasefire hold?", limits)).toBe(true);
    expect(looksLikeHeadline("In Short", limits)).toBe(false); // too few words
    expect(looksLikeHeadline("The court ruled on Monday that the ban was unlawful.", limits)).toBe(false);
    expect(looksLikeHeadline("lower-case start of a line", limits)).toBe(false);
  });

  it("finds blocks that are only a date", () => {
    expect(dateOnlyBlock("Nov. 10, 2017", DEFAULT_EXTRACT_OPTIONS)).toEqual({
      value: "2017-11-10",
      precision: "day",
      source: "dateline",
    });
    expect(dateOnlyBlock("Friday 10 November 2017 09.52 GMT", DEFAULT_EXTRACT_OPTIONS)?.value).toBe(
      "2017-11-10T09:52",
    );
    expect(
      dateOnlyBlock("Voters went to the polls on Nov. 10, 2017.", DEFAULT_EXTRACT_OPTIONS),
    ).toBeUndefined();
  });
});

describe("text classes (jusText-style)", () => {
  let stopwords: ReadonlySet<string>[];
  let lists: ReadonlyMap<string, ReadonlySet<string>>;
  beforeAll(() => {
    lists = loadBoilerplateData().stopwords;
    stopwords = [...lists.values()];
  });

  it("tells prose from menus, labels and lists of names", () => {
    const prose =
      "The judges found that the ban restricted the freedom of assembly more than was needed to protect the work of the chamber and of its members.";
    expect(textClass(prose, stopwords)).toBe("good");
    expect(
      textClass(
        "Der Sturm hat in der Nacht zum Montag viele Bäume entwurzelt und Dächer abgedeckt.",
        stopwords,
      ),
    ).toBe("near-good");
    expect(textClass("Politics", stopwords)).toBe("short");
    expect(textClass("Home | World | Business | Sport | Weather", stopwords)).toBe("bad");
    const names =
      "Anna Schmidt, Peter Müller, Jane Roe, John Doe, Maria Lopez, Luis Medina, Ana Torres, Lee Chan, Kim Park, Ole Hansen";
    expect(textClass(names, stopwords)).toBe("bad");
  });

  it("does not take guillemets for list separators", () => {
    const french =
      "Le ministre a parlé d’une « réforme nécessaire » et d’un « effort partagé » devant les députés, qui ont voté le texte mardi soir après un long débat.";
    expect(listSeparators(french)).toBe(0);
    expect(textClass(french, stopwords)).toBe("good");
    const german = "Die Ministerin sprach von einem »notwendigen Schritt« und einem »fairen Ausgleich«.";
    expect(listSeparators(german)).toBe(0);
    expect(listSeparators("Home » Sport » Football » Results")).toBe(3);
  });

  it("judges by length and final punctuation when no stopword list applies", () => {
    const long = "x".repeat(150) + ".";
    expect(textClass(long, [])).toBe("good");
    expect(textClass("x".repeat(150), [])).toBe("near-good");
  });

  it("lets short and near-good blocks take their neighbours' class", () => {
    expect(reviseByContext(["good", "short", "good"])).toEqual(["good", "good", "good"]);
    expect(reviseByContext(["bad", "short", "bad"])).toEqual(["bad", "bad", "bad"]);
    expect(reviseByContext(["bad", "near-good", "bad"])).toEqual(["bad", "bad", "bad"]);
    expect(reviseByContext(["good", "near-good", "bad"])).toEqual(["good", "good", "bad"]);
    expect(reviseByContext(["short", "good"])).toEqual(["bad", "good"]); // the page's edge is bad
    expect(reviseByContext(["short", "good"], "good")).toEqual(["good", "good"]);
  });

  it("finds the page's language from its stopwords", () => {
    expect(pageLanguage(["Die Wahl ist vorbei und die Partei hat gewonnen."], lists)).toBe("de");
    expect(pageLanguage(["The vote is over and the party has won."], lists)).toBe("en");
    expect(pageLanguage(["12:30", "Anna Schmidt"], lists)).toBeUndefined();
  });
});
