import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { type Analyzer, createAnalyzer } from "../analyze/analyzer.js";
import { createExtractor } from "../extract/index.js";
import { createIngester } from "../ingest/index.js";
import { type Article, articleFromText, type Story } from "../model/index.js";
import { analysisComponents, loadKnowledge } from "../pipeline/default.js";
import { outletLabels } from "../common/labels.js";
import { createEventMerger } from "./index.js";

const SEEDS = new URL("../../examples/albu-kamal/", import.meta.url);

let analyze: Analyzer;
let seeds: Article[];

beforeAll(() => {
  analyze = createAnalyzer(analysisComponents(loadKnowledge()));
  seeds = ["000_94ae060d2235aff0.txt", "001_00835ee31e389aee.txt"].map((file) => {
    const path = new URL(file, SEEDS).pathname;
    const { documents } = createIngester()({ locator: path, bytes: readFileSync(path) });
    return analyze(createExtractor()(documents[0] as NonNullable<(typeof documents)[0]>));
  });
}, 60_000);

function article(id: string, outlet: string, text: string, published: string): Article {
  return analyze(
    articleFromText(text, {
      id,
      outlet: { value: outlet, source: "test" },
      published: { value: published, precision: "day", source: "test" },
    }),
  );
}

function story(id: string, articles: readonly Article[]): Story {
  const dates = articles.flatMap((a) => (a.published ? [a.published.value] : [])).sort();
  return {
    id,
    title: id,
    articleIds: articles.map((a) => a.id),
    ...(dates[0] ? { firstPublished: dates[0], lastPublished: dates[dates.length - 1] } : {}),
  };
}

/** Two outlets' reports of one earthquake, with different tolls. */
const QUAKE_WIRE = "A strong earthquake struck the city of Izmir on Friday, killing 12 people.";
const QUAKE_DAILY = "An earthquake hit Izmir on Friday and killed 15 people, rescuers said.";

describe("createEventMerger", () => {
  it("merges the seeds into one event of government regaining territory at the town, keeping both sources' dates", () => {
    const events = createEventMerger()(seeds, [story("s", seeds)]);
    const near = events.filter((e) => {
      const p = e.fields.place.resolved;
      return p !== undefined && Math.abs(p.lat - 34.45) < 0.05 && Math.abs(p.lon - 40.92) < 0.05;
    });
    const regained = near.filter((e) => e.subType === "government-regains-territory");
    expect(regained).toHaveLength(1);
    // "seen in the town shortly before it was liberated", far from the town's name, is the same
    // happening, not a second event without a place.
    expect(events.filter((e) => e.subType === "government-regains-territory")).toHaveLength(1);
    const event = regained[0];
    if (!event) throw new Error("no event");
    expect(event.type).toBe("battles");
    expect(new Set(event.reports.map((r) => r.articleId))).toEqual(new Set(seeds.map((a) => a.id)));
    const [s000, s001] = seeds as [Article, Article];
    const dates = event.fields.date.values;
    const of001 = dates
      .filter((d) => d.articleId === s001.id)
      .map((d) => [d.value.value, d.evidence[0]?.text]);
    expect(of001).toEqual([
      ["2017-11-08", "Nov. 8"],
      ["2017-11-09", "Nov. 9"],
    ]);
    const words000 = dates
      .filter((d) => d.articleId === s000.id)
      .flatMap((d) => d.evidence.map((e) => e.text));
    expect(words000).toContain("the same day the assault began");
    expect(event.fields.date.resolved?.value).toBe("2017-11-08");
    expect(event.fields.date.reason).toMatch(/most precise/);
    expect(event.fields.subType.values).toHaveLength(2);
    expect(event.fields.actor1.resolved?.actorId).toBe("syrian-arab-army");
    expect(event.fields.place.reason).toMatch(/agree/);
    expect(event.storyIds).toEqual(["s"]);
  });

  it("names a source without an outlet as the story reports do, never by its id", () => {
    const events = createEventMerger()(seeds, [story("s", seeds)]);
    const labels = outletLabels(seeds);
    const values = events.flatMap((e) => [...e.fields.date.values, ...e.fields.subType.values]);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v.outlet).toBe(labels.get(v.articleId));
    const [, s001] = seeds as [Article, Article];
    expect(s001.outlet).toBeUndefined();
    expect(labels.get(s001.id)).toBe("001_00835ee31e389aee");
  });

  it("keeps two captures of the same week in different cities apart, even in one story", () => {
    const a = article(
      "a",
      "Wire",
      "Iraqi forces recaptured the city of Mosul from Islamic State fighters on Tuesday, the army said.",
      "2017-07-06",
    );
    const b = article(
      "b",
      "Daily",
      "Iraqi forces recaptured the city of Tikrit from Islamic State fighters on Thursday, officials said.",
      "2017-07-07",
    );
    const events = createEventMerger()([a, b], [story("s", [a, b])]);
    const captures = events.filter((e) => e.type === "battles");
    const names = captures.map((e) => e.fields.place.resolved?.name ?? "").sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^Mosul/);
    expect(names[1]).toMatch(/^Tikr/);
    expect(captures.every((e) => e.reports.length === 1)).toBe(true);
  });

  it("merges two outlets' reports of one earthquake and settles on the lowest toll, saying so", () => {
    const a = article("q1", "Wire", QUAKE_WIRE, "2024-03-09");
    const b = article("q2", "Daily", QUAKE_DAILY, "2024-03-09");
    const [event, ...rest] = createEventMerger()([a, b], []);
    expect(rest).toEqual([]);
    expect(event?.subType).toBe("natural-disaster");
    expect(event?.fields.fatalities.values.map((v) => v.value.count)).toEqual([12, 15]);
    expect(event?.fields.fatalities.resolved?.count).toBe(12);
    expect(event?.fields.fatalities.reason).toMatch(/lowest/);
    expect(event?.fields.date.resolved?.value).toBe("2024-03-08");
  });

  it("keeps the ids and members of existing events when a later report arrives", () => {
    const merge = createEventMerger();
    const a = article("q1", "Wire", QUAKE_WIRE, "2024-03-09");
    const b = article("q2", "Daily", QUAKE_DAILY, "2024-03-10");
    const first = merge([a], []);
    expect(first).toHaveLength(1);
    // The later run sees only the new article: the stored event keeps its id and its first source.
    const later = merge([b], [], first);
    expect(later).toHaveLength(1);
    expect(later[0]?.id).toBe(first[0]?.id);
    expect(later[0]?.reports.map((r) => r.articleId)).toEqual(["q1", "q2"]);
    expect(later[0]?.fields.fatalities.values.map((v) => v.articleId)).toEqual(["q1", "q2"]);
    // Given again with every article, nothing changes.
    expect(merge([a, b], [], later)).toEqual(later);
  });
});
