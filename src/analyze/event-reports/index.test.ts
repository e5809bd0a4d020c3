import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnalyzer, type Analyzer } from "../analyzer.js";
import { articleFromText, type Article, type EventReport } from "../../model/index.js";
import { analysisComponents, type Knowledge, loadKnowledge } from "../../pipeline/default.js";
import { createExtractor } from "../../extract/index.js";
import { createIngester } from "../../ingest/index.js";
import { loadEventTaxonomy } from "../event-types/index.js";
import {
  type ActorWordSets,
  checkActionsAgainst,
  loadEventActions,
  plainActorKind,
  reportDates,
} from "./index.js";

const SEEDS = new URL("../../../examples/albu-kamal/", import.meta.url);

let knowledge: Knowledge;
let analyze: Analyzer;

beforeAll(() => {
  knowledge = loadKnowledge();
  analyze = createAnalyzer(analysisComponents(knowledge));
}, 60_000);

function seed(file: string): Article {
  const path = new URL(file, SEEDS).pathname;
  const ingest = createIngester();
  const { documents } = ingest({ locator: path, bytes: readFileSync(path) });
  return analyze(createExtractor()(documents[0] as NonNullable<(typeof documents)[0]>));
}

function analyzed(text: string, published = "2024-03-08"): Article {
  return analyze(
    articleFromText(text, { id: "t", published: { value: published, precision: "day", source: "test" } }),
  );
}

function reportAt(article: Article, place: RegExp): EventReport {
  const report = article.annotations.eventReports.find((r) => place.test(r.place?.value.name ?? ""));
  if (!report)
    throw new Error(
      `no report at ${place}: ${article.annotations.eventReports.map((r) => r.place?.value.name).join(", ")}`,
    );
  return report;
}

describe("data/events/actions.json", () => {
  it("names only sub-types of the taxonomy", () => {
    const ids = new Set(loadEventTaxonomy().types.flatMap((t) => t.subTypes.map((s) => s.id)));
    expect(checkActionsAgainst(loadEventActions(), ids)).toEqual([]);
  });
});

describe("plainActorKind", () => {
  let sets: ActorWordSets;
  beforeAll(() => {
    const words = loadEventActions().actorWords;
    sets = {
      notActors: new Set(words.notActors),
      eventNouns: new Set(words.eventNouns),
      peopleNouns: new Set(words.peopleNouns),
      civilians: words.civilians,
    };
  });

  it("finds nobody in numbers, quantifiers, pronouns and the happening itself", () => {
    for (const text of [
      "5-4",
      "everyone",
      "more",
      "two of them",
      "A magnitude 6.8 earthquake",
      "two earthquakes",
      "the blast",
    ])
      expect(plainActorKind(text, sets), text).toBe("nobody");
  });

  it("finds people in general, and lets other words stand for an actor", () => {
    expect(plainActorKind("41 people", sets)).toBe("people");
    expect(plainActorKind("Hundreds of thousands of people", sets)).toBe("people");
    for (const text of ["police", "gunmen", "the protesters", "Militants"])
      expect(plainActorKind(text, sets), text).toBe("words");
  });
});

describe("createEventReporter on the seeds", () => {
  let s000: Article;
  let s001: Article;
  beforeAll(() => {
    s000 = seed("000_94ae060d2235aff0.txt");
    s001 = seed("001_00835ee31e389aee.txt");
  }, 60_000);

  it("gathers 'entered', 'declared it clear' and 'the liberation of' the town into one report", () => {
    const report = reportAt(s001, /Kam/);
    expect(report.subType).toBe("government-regains-territory");
    expect(report.type).toBe("battles");
    expect(report.id).toBe(`${s001.id}#e1`);
    const actions = report.mentions.map((i) => s001.annotations.events[i]?.action);
    expect(actions).toEqual(expect.arrayContaining(["capture", "enter", "declare-clear"]));
    expect(report.actor1?.value).toMatchObject({ category: "armed-forces" });
    expect(report.place?.value).toMatchObject({ precision: "exact", countryCode: "SY", country: "Syria" });
    expect(report.place?.value.lat).toBeCloseTo(34.45, 1);
    expect(report.place?.value.lon).toBeCloseTo(40.92, 1);
    expect(report.date?.value).toMatchObject({ value: "XXXX-11-08", precision: "day", basis: "explicit" });
    expect(report.date?.evidence[0]?.text).toBe("Nov. 8");
    // Both days the article gives stay available, each with its words.
    const dates = reportDates(s001, report).map((d) => [d.value.value, d.evidence[0]?.text]);
    expect(dates).toEqual([
      ["XXXX-11-08", "Nov. 8"],
      ["XXXX-11-09", "Nov. 9"],
    ]);
    expect(s001.text.slice(report.start, report.end)).toBe(report.text);
  });

  it("keeps a town taken elsewhere and a city cleared a month earlier as reports of their own", () => {
    const kamal = reportAt(s001, /Kam/);
    const qaim = reportAt(s001, /Q/);
    const raqqa = reportAt(s001, /Raqq/);
    expect(new Set([kamal.id, qaim.id, raqqa.id]).size).toBe(3);
    expect(raqqa.date?.value.value).toBe("XXXX-10");
  });

  it("reads seed 000's capture with its ally, and keeps 'the same day the assault began' as date evidence", () => {
    const report = reportAt(s000, /Kam/);
    expect(report.subType).toBe("government-regains-territory");
    expect(report.actor1?.value.actorId).toBe("syrian-arab-army");
    expect(report.associated.map((a) => a.value.name)).toContain("Shia");
    const words = reportDates(s000, report).flatMap((d) => d.evidence.map((e) => e.text));
    expect(words).toContain("the same day the assault began");
    expect(report.date?.value.basis).not.toBe("published");
  });
});

describe("createEventReporter on other subjects", () => {
  it("types an earthquake as a natural disaster with its toll", () => {
    const article = analyzed(
      "A strong earthquake struck the city of Izmir on Friday, killing 12 people and injuring dozens.",
    );
    const [report] = article.annotations.eventReports;
    expect(report?.subType).toBe("natural-disaster");
    expect(report?.place?.value).toMatchObject({ precision: "exact", countryCode: "TR" });
    expect(report?.fatalities?.value.count).toBe(12);
    expect(report?.date?.value).toMatchObject({ value: "2024-03-08", basis: "relative" });
  });

  it("gives an earthquake no actor and names its dead 'Civilians (country)'", () => {
    const article = analyzed(
      "A magnitude 6.8 earthquake struck eastern Turkey on Tuesday, killing at least 41 people, the agency said.",
    );
    const [report] = article.annotations.eventReports;
    expect(report?.subType).toBe("natural-disaster");
    expect(report?.actor1).toBeUndefined();
    expect(report?.actor2?.value).toMatchObject({ category: "civilians", countryCode: "TR" });
    expect(report?.actor2?.value.name).toMatch(/^Civilians \(.+\)$/u);
  });

  it("tells today's earthquake from one years before, keeping an undated sentence with today's", () => {
    const article = analyzed(
      "A magnitude 6.2 earthquake struck western Greece on Monday, killing at least 9 people. " +
        "The quake was centred near the port city of Patras. " +
        "The region was last hit in June 2008, when an earthquake killed two people and injured 200.",
      "2024-03-05",
    );
    const reports = article.annotations.eventReports.filter((r) => r.subType === "natural-disaster");
    const today = reports.filter((r) => r.date?.value.value.startsWith("2024"));
    const before = reports.filter((r) => r.date?.value.value.startsWith("2008"));
    expect(today).toHaveLength(1);
    expect(before).toHaveLength(1);
    expect(today[0]?.fatalities?.value.count).toBe(9);
    expect(before[0]?.fatalities?.value.count).toBe(2);
    expect(today[0]?.sentences).toEqual([0, 1]);
  });

  it("reads no actor from a vote count or a pronoun", () => {
    const ruling = analyzed("The Supreme Court ruled 5-4 on Thursday that the state may keep its water.");
    const rescue = analyzed("Rescuers in Ankara said they were working to reach everyone under the rubble.");
    const actors = [...ruling.annotations.eventReports, ...rescue.annotations.eventReports].flatMap((r) => [
      r.actor1?.value.name,
      r.actor2?.value.name,
    ]);
    expect(actors).not.toContain("5-4");
    expect(actors).not.toContain("everyone");
  });

  it("types an election win as an election", () => {
    const article = analyzed(
      "The opposition party won the parliamentary election in Poland on Sunday, official results showed.",
    );
    expect(article.annotations.eventReports[0]?.subType).toBe("election");
  });

  it("types a street protest as a protest", () => {
    const article = analyzed(
      "Thousands of people protested in the streets of Santiago on Tuesday against the new pension law.",
    );
    expect(article.annotations.eventReports[0]?.type).toBe("protests");
  });

  it("marks a place named after 'near' as approximate and falls back to the article's week without a date", () => {
    const article = analyzed("Rebels attacked an army checkpoint near Aleppo, a military source said.");
    const [report] = article.annotations.eventReports;
    expect(report?.place?.value.precision).toBe("near");
    expect(report?.date?.value).toEqual({ value: "2024-W10", precision: "week", basis: "published" });
  });
});
