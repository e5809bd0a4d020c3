import { beforeAll, describe, expect, it } from "vitest";
import type { Article, Fact, ParallaxResult, Story } from "../src/model/index.js";
import { renderTerminal } from "../src/report/terminal.js";
import { analyzeJson, EXAMPLES, factMatching, storyWith } from "./helpers.js";

// The whole pipeline on the two seed pages: the facts the product was conceived to cross-check.
let result: ParallaxResult;
let story: Story;
let partisan: Article;
let wire: Article;

/** GeoNames writes the town "Ālbū Kamāl"; tests read labels without diacritics. */
const plain = (label: string) => label.normalize("NFD").replace(/\p{M}/gu, "");
const statusOf = (fact: Fact | undefined, article: Article) =>
  fact?.cells.find((c) => c.articleId === article.id)?.status;
const sourcingOf = (article: Article) => story.comparison?.sourcing?.find((s) => s.articleId === article.id);
const framingOf = (article: Article) => story.comparison?.framing?.find((f) => f.articleId === article.id);
const wordingOf = (fact: Fact | undefined, article: Article) =>
  fact?.cells
    .find((c) => c.articleId === article.id)
    ?.wording.map((w) => w.text)
    .join(" / ") ?? "";

beforeAll(async () => {
  const { run, result: r } = await analyzeJson([`${EXAMPLES}albu-kamal`]);
  expect(run.code).toBe(0);
  result = r;
  story = storyWith(result, "000_");
  partisan = result.articles.find((a) => a.origin.locator.includes("000_")) as Article;
  wire = result.articles.find((a) => a.origin.locator.includes("001_")) as Article;
});

describe("the seed story", () => {
  it("groups both seeds into one story", () => {
    expect(result.stories).toHaveLength(1);
    expect(story.articleIds.sort()).toEqual([partisan.id, wire.id].sort());
  });

  /** The facts of the one happening both outlets tell: the army taking back the town. */
  const recapture = (kind: Fact["kind"]) =>
    story.comparison?.facts.find(
      (f) => f.kind === kind && /regains territory at A(l)?bu ?Kamal$/i.test(plain(f.label)),
    );

  it("both report the army's capture of the town, and name the same army", () => {
    const capture = recapture("event");
    expect(capture, JSON.stringify(story.comparison?.facts.map((f) => f.label))).toBeDefined();
    expect(capture?.cells.map((c) => c.status)).toEqual(["agree", "agree"]);
    const who = recapture("actor");
    expect(who?.cells.map((c) => [c.status, c.value])).toEqual([
      ["agree", "Syrian Arab Army"],
      ["agree", "Syrian Arab Army"],
    ]);
    expect(who?.independentSources).toBe(2);
    expect(capture?.eventId).toBe(story.eventIds?.[0]);
  });

  it("one fact per happening: the town is the same place in every sentence of both outlets", () => {
    const town = (article: Article) =>
      article.annotations.entities.filter((e) => e.text === "Albu Kamal").map((e) => e.type);
    expect(new Set([...town(partisan), ...town(wire)])).toEqual(new Set(["GPE"]));
    const recaptures = story.comparison?.facts.filter(
      (f) => f.kind === "event" && /regains territory/.test(f.label),
    );
    expect(recaptures).toHaveLength(1);
    expect(recapture("place")?.cells.map((c) => c.status)).toEqual(["agree", "agree"]);
  });

  it("the wire story dates it Nov. 8 and 9, the partisan outlet 'this week': no conflict", () => {
    const when = recapture("date");
    expect(when?.cells.find((c) => c.articleId === wire.id)).toMatchObject({
      status: "agree",
      value: "2017-11-08 | 2017-11-09",
    });
    expect(wordingOf(when, wire)).toMatch(/Nov\. 8/);
    expect(wordingOf(when, partisan)).toMatch(/this week/);
    expect(when?.conflict).toBeUndefined();
  });

  it("only the partisan outlet names whom the town was taken from", () => {
    const whom = recapture("target");
    expect(statusOf(whom, partisan)).toBe("only");
    expect(statusOf(whom, wire)).toBe("absent");
  });

  it("the 2,500-3,500 fighters estimate is only in the wire story", () => {
    const fighters = factMatching(story, "number", /fighter/);
    expect(fighters?.cells.find((c) => c.articleId === wire.id)).toMatchObject({
      status: "only",
      value: "2500-3500",
    });
    expect(statusOf(fighters, partisan)).toBe("absent");
  });

  it("each outlet quotes a different spokesman", () => {
    const ivanov = factMatching(story, "quote", /Alexander Ivanov/);
    const mayhoub = factMatching(story, "quote", /Ali Mayhoub/);
    expect(statusOf(ivanov, partisan)).toBe("only");
    expect(statusOf(ivanov, wire)).toBe("absent");
    expect(statusOf(mayhoub, wire)).toBe("only");
    expect(statusOf(mayhoub, partisan)).toBe("absent");
    expect(ivanov?.label).toMatch(/spokesman/);
  });

  it("the wire story cites AP, Newsweek and Time, all media, and the credit line's chain", () => {
    for (const source of [/Associated Press/, /Newsweek/, /^cites Time$/]) {
      const cite = factMatching(story, "citation", source);
      expect(statusOf(cite, wire), String(source)).toBe("only");
    }
    const cited = sourcingOf(wire)?.citations ?? [];
    for (const name of ["The Associated Press", "Newsweek", "Time"])
      expect(cited.find((c) => c.name === name)?.kind, name).toBe("media");
    expect(cited.find((c) => c.name === "The Independent")?.citing).toEqual(["The Associated Press"]);
  });

  it("counts each outlet's quotes by kind of speaker", () => {
    const speakers = (article: Article) =>
      Object.fromEntries(sourcingOf(article)?.speakers.map((s) => [s.name, s.kind]) ?? []);
    expect(speakers(partisan)).toMatchObject({ "Alexander Ivanov": "military" });
    expect(speakers(wire)).toMatchObject({
      "Ali Mayhoub": "military",
      "Syrian Observatory for Human Rights": "expert",
      Officials: "unnamed",
    });
    expect(sourcingOf(partisan)?.quoteShare.military).toBeGreaterThan(0.5);
    const shares = Object.values(sourcingOf(wire)?.quoteShare ?? {});
    expect(shares.reduce((sum, share) => sum + (share ?? 0), 0)).toBeCloseTo(1);
  });

  it("labels the actors differently: 'jihadists' in the partisan outlet, 'militants' and 'liberation' in the wire", () => {
    const labels = (article: Article) =>
      framingOf(article)?.labels.map((l) => `${l.actor}: ${l.label} (${l.category})`) ?? [];
    expect(labels(partisan)).toContain("Islamic State: jihadists (pejorative)");
    expect(labels(partisan)).not.toContain("Islamic State: militants (neutral)");
    expect(labels(wire)).toEqual(
      expect.arrayContaining([
        "Islamic State: militants (neutral)",
        "Syrian Arab Army: liberation (legitimising)",
      ]),
    );
    expect(labels(wire).some((l) => l.includes("jihadists"))).toBe(false);
  });

  it("the partisan outlet's body is more loaded, and its loaded words name their category", () => {
    const words = framingOf(partisan)?.loadedWords.map((w) => `${w.entry}: ${w.category}`) ?? [];
    expect(words).toEqual(
      expect.arrayContaining(["US-sponsored terror: pejorative-label", "cowardice: emotive"]),
    );
    expect(framingOf(partisan)?.bodyScore).toBeGreaterThan(2 * (framingOf(wire)?.bodyScore ?? 1));
    const top = framingOf(partisan)?.mostLoaded[0];
    expect(top?.score).toBeGreaterThan(0.5);
    expect(top?.drivers.length).toBeGreaterThan(0);
    for (const driver of top?.drivers ?? [])
      expect(partisan.text.slice(driver.start, driver.end)).toBe(driver.text);
  });

  it("profiles each outlet and prints the framing and sourcing in the report", () => {
    expect(result.outlets?.map((o) => o.outlet).sort()).toEqual(story.comparison?.outlets.slice().sort());
    const report = renderTerminal(result, { width: 140 });
    for (const part of ["Sourcing", "Framing", "jihadists", "liberation", "Newsweek", "military"])
      expect(report, part).toContain(part);
  });

  it("reads the partisan outlet's name and dateline into metadata", () => {
    expect(partisan.outlet?.value).toBe("FreeWestMedia");
    expect(partisan.published).toMatchObject({ value: "2017-11-10T09:52", precision: "minute" });
    expect(partisan.title?.value).toBe("Syrian Army declares victory over ISIS");
  });
});
