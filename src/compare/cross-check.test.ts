import { beforeAll, describe, expect, it } from "vitest";
import type { Article, Fact, FactCell, ParallaxResult } from "../model/index.js";
import { createDefaultStages, type Knowledge, loadKnowledge } from "../pipeline/default.js";
import { type PipelineStages, runPipeline } from "../pipeline/run.js";

/**
 * The cross-check end to end: small story sets written by hand (an earthquake, an air strike, a
 * protest, a raid, a court case) run through the real stages, ingest to compare.
 */

let stages: PipelineStages;
beforeAll(() => {
  const knowledge: Knowledge = loadKnowledge();
  stages = createDefaultStages(knowledge);
});

interface Doc {
  id: string;
  outlet: string;
  text: string;
  published: string;
}

function run(docs: readonly Doc[]): {
  result: ParallaxResult;
  facts: Fact[];
  article: (id: string) => Article;
} {
  const encode = (d: Doc) => new TextEncoder().encode(JSON.stringify(d));
  const { result } = runPipeline(stages, {
    inputs: docs.map((d) => ({ locator: `${d.id}.jsonl`, bytes: encode(d) })),
  });
  expect(result.stories).toHaveLength(1);
  const facts = result.stories[0]?.comparison?.facts ?? [];
  const article = (id: string) => result.articles.find((a) => a.id === id) as Article;
  return { result, facts, article };
}

function fact(facts: readonly Fact[], kind: Fact["kind"], label: RegExp): Fact {
  const found = facts.find((f) => f.kind === kind && label.test(f.label));
  if (!found)
    throw new Error(`no ${kind} fact ${label}: ${facts.map((f) => `${f.kind} ${f.label}`).join("; ")}`);
  return found;
}

const statuses = (f: Fact) => f.cells.map((c) => c.status);
const cell = (f: Fact, outlet: string) => f.cells.find((c) => c.outlet === outlet) as FactCell;
/** The words a cell points at, read back from its article's text. */
const worded = (article: Article, c: FactCell) => c.wording.map((w) => article.text.slice(w.start, w.end));

describe("cross-check on hand-written stories", () => {
  it("agrees on a shared toll and names the outlet that leaves it out", () => {
    const { facts, article } = run([
      {
        id: "q1",
        outlet: "Wire",
        published: "2023-03-08",
        text: "A strong earthquake struck the city of Kermanshah in western Iran on Tuesday, killing 12 people, officials said.",
      },
      {
        id: "q2",
        outlet: "Daily",
        published: "2023-03-08",
        text: "An earthquake hit Kermanshah in Iran on Tuesday and killed 12 people, rescuers said.",
      },
      {
        id: "q3",
        outlet: "Times",
        published: "2023-03-08",
        text: "An earthquake struck Kermanshah on Tuesday. Rescue teams searched the rubble through the night.",
      },
    ]);
    const event = fact(facts, "event", /^natural disaster at Kermanshah$/);
    expect(statuses(event)).toEqual(["agree", "agree", "agree"]);
    expect(event.eventId).toMatch(/^event-/);
    expect(event.omittedBy).toBeUndefined();
    const toll = fact(facts, "number", /^killed: natural disaster at Kermanshah$/);
    expect(statuses(toll)).toEqual(["agree", "agree", "absent"]);
    expect(toll.cells.map((c) => c.value)).toEqual(["12-12", "12-12", undefined]);
    expect(toll.conflict).toBeUndefined();
    expect(toll.omittedBy).toEqual(["Times"]);
    expect(toll.independentSources).toBe(2);
    expect(worded(article("q1"), cell(toll, "Wire"))).toEqual(["12 people"]);
    // A country named in passing by two of three outlets is no blind spot of the third.
    const iran = fact(facts, "place", /^names Iran/);
    expect(statuses(iran)).toEqual(["agree", "agree", "absent"]);
    expect(iran.omittedBy).toBeUndefined();
    // Event facts come first, grouped by their happening: what, then when, where, how many.
    expect(facts[0]).toBe(event);
    const date = fact(facts, "date", /^when: natural disaster/);
    expect(statuses(date)).toEqual(["agree", "agree", "agree"]);
    expect(worded(article("q3"), cell(date, "Times"))).toEqual(["Tuesday"]);
  });

  it("sets 'dozens' against 12, and ranges that do not overlap, as number conflicts", () => {
    const { facts, article } = run([
      {
        id: "n1",
        outlet: "Fox",
        published: "2023-03-08",
        text: "A powerful earthquake struck the city of Kermanshah on Tuesday, killing 12 people and injuring between 20 and 30 others, officials said.",
      },
      {
        id: "n2",
        outlet: "NYT",
        published: "2023-03-08",
        text: "A powerful earthquake hit Kermanshah on Tuesday, killing dozens of people and injuring between 50 and 60 others, rescuers said.",
      },
    ]);
    const toll = fact(facts, "number", /^killed: natural disaster at Kermanshah$/);
    expect(statuses(toll)).toEqual(["conflict", "conflict"]);
    expect(toll.conflict).toBe("number");
    expect(toll.cells.map((c) => c.value)).toEqual(["12-12", "24-"]);
    expect(toll.note).toBe('Fox: "12 people" (12-12); NYT: "dozens of people" (24-)');
    expect(worded(article("n2"), cell(toll, "NYT"))).toEqual(["dozens of people"]);
    const wounded = fact(facts, "outcome", /^wounded: natural disaster at Kermanshah$/);
    expect(statuses(wounded)).toEqual(["conflict", "conflict"]);
    expect(wounded.conflict).toBe("number");
    expect(wounded.cells.map((c) => c.value)).toEqual(["20-30", "50-60"]);
  });

  it("finds a date conflict: different days for the same protest", () => {
    const { facts, article } = run([
      {
        id: "p1",
        outlet: "Wire",
        published: "2023-07-12",
        text: "Thousands of protesters rallied in Nairobi on Monday against new taxes, police said.",
      },
      {
        id: "p2",
        outlet: "Daily",
        published: "2023-07-12",
        text: "Thousands of protesters rallied in Nairobi on Tuesday against new taxes, police said.",
      },
    ]);
    const date = fact(facts, "date", /^when: peaceful protest at Nairobi$/);
    expect(statuses(date)).toEqual(["conflict", "conflict"]);
    expect(date.conflict).toBe("date");
    expect(date.cells.map((c) => c.value)).toEqual(["2023-07-10", "2023-07-11"]);
    expect(date.note).toBe("Wire: 2023-07-10; Daily: 2023-07-11");
    expect(worded(article("p2"), cell(date, "Daily"))).toEqual(["Tuesday"]);
    // The rest of the happening agrees.
    expect(statuses(fact(facts, "place", /^where: peaceful protest/))).toEqual(["agree", "agree"]);
  });

  it("finds an actor conflict: two outlets name different attackers", () => {
    const { facts, article } = run([
      {
        id: "a1",
        outlet: "Wire",
        published: "2023-05-09",
        text: "The Russian military struck a hospital in Idlib on Monday, killing eight civilians, activists said.",
      },
      {
        id: "a2",
        outlet: "Daily",
        published: "2023-05-09",
        text: "The US-led coalition struck a hospital in Idlib on Monday, killing eight civilians, activists said.",
      },
    ]);
    const who = fact(facts, "actor", /^who: /);
    expect(statuses(who)).toEqual(["conflict", "conflict"]);
    expect(who.conflict).toBe("actor");
    expect(worded(article("a2"), cell(who, "Daily")).join(" ")).toMatch(/US-led coalition/);
    expect(statuses(fact(facts, "number", /^killed: /))).toEqual(["agree", "agree"]);
  });

  it("finds a place conflict: one raid told in two towns", () => {
    const { facts, article } = run([
      {
        id: "g1",
        outlet: "Wire",
        published: "2023-09-04",
        text: "Gunmen attacked a police station in Kano on Sunday, killing five officers, police said.",
      },
      {
        id: "g2",
        outlet: "Daily",
        published: "2023-09-04",
        text: "Gunmen attacked a police station in Kaduna on Sunday, killing five officers, police said.",
      },
    ]);
    const where = fact(facts, "place", /^where: .* at Kano or Kaduna$/);
    expect(statuses(where)).toEqual(["conflict", "conflict"]);
    expect(where.conflict).toBe("place");
    expect(where.note).toBe("Wire: Kano; Daily: Kaduna");
    expect(worded(article("g1"), cell(where, "Wire"))).toEqual(["Kano"]);
    // One happening: the raid itself and its toll are one fact each, agreed on.
    expect(facts.filter((f) => f.kind === "event" && !f.label.startsWith("denied"))).toHaveLength(1);
    expect(statuses(fact(facts, "number", /^killed: /))).toEqual(["agree", "agree"]);
  });

  it("sets a denial against the outlets that affirm the deed", () => {
    const { facts, article } = run([
      {
        id: "s1",
        outlet: "Wire",
        published: "2023-05-09",
        text: "A coalition air strike hit a market in Raqqa on Monday, killing 20 civilians, local activists said.",
      },
      {
        id: "s2",
        outlet: "Daily",
        published: "2023-05-09",
        text: "Jets carried out an air strike on a market in Raqqa on Monday, killing 20 civilians, activists said.",
      },
      {
        id: "s3",
        outlet: "Times",
        published: "2023-05-09",
        text: "The coalition said on Tuesday that there was no evidence that civilians were killed in Raqqa on Monday.",
      },
    ]);
    const toll = fact(facts, "number", /^killed: air drone strike/);
    expect(statuses(toll)).toEqual(["conflict", "conflict", "conflict"]);
    expect(toll.conflict).toBe("denial");
    expect(toll.cells.map((c) => c.denied)).toEqual([undefined, undefined, true]);
    expect(toll.independentSources).toBe(2);
    expect(worded(article("s3"), cell(toll, "Times"))).toEqual([article("s3").text]);
    expect(toll.note).toMatch(/Times: denies any killed$/);
  });

  it("keeps a denial no other outlet answers as a fact of its own", () => {
    const { facts, article } = run([
      {
        id: "d1",
        outlet: "Wire",
        published: "2023-05-09",
        text: "Protesters rallied in Nairobi on Monday. The army did not shell the village of Kibera, a spokesman said.",
      },
      {
        id: "d2",
        outlet: "Daily",
        published: "2023-05-09",
        text: "Protesters rallied in Nairobi on Monday against new taxes, witnesses said.",
      },
    ]);
    const denial = fact(facts, "event", /^denied: shell Kibera$/);
    expect(statuses(denial)).toEqual(["only", "absent"]);
    expect(cell(denial, "Wire").denied).toBe(true);
    expect(denial.conflict).toBeUndefined();
    expect(worded(article("d1"), cell(denial, "Wire"))).toEqual([
      "The army did not shell the village of Kibera, a spokesman said.",
    ]);
    // The denied shelling is no happening: only the protest is.
    expect(facts.filter((f) => f.kind === "event").map((f) => f.label)).toEqual([
      "peaceful protest at Nairobi",
      "denied: shell Kibera",
    ]);
  });

  it("counts a wire text and its reprint as one source, never as confirmation", () => {
    const wire =
      "A court in Nairobi sentenced a former finance minister to 12 years in prison on Friday for corruption, prosecutors said. " +
      "The minister had denied taking bribes from a road builder during his four years in office, and his lawyers said he would appeal.";
    const { facts, article } = run([
      { id: "w1", outlet: "AP", published: "2023-10-06", text: wire },
      { id: "w2", outlet: "Herald", published: "2023-10-06", text: wire },
      {
        id: "w3",
        outlet: "Daily",
        published: "2023-10-06",
        text: "Kenya's former finance minister was jailed on Friday in Nairobi after a long trial, his lawyers said.",
      },
    ]);
    expect(article("w2").copyGroup?.id).toBe("w1");
    const ruling = fact(facts, "event", / at Nairobi$/);
    expect(statuses(ruling)).toEqual(["only", "only", "absent"]);
    expect(ruling.independentSources).toBe(1);
    expect(ruling.cells.map((c) => c.copyGroup)).toEqual(["w1", "w1", undefined]);
    // One text against one silent text is no majority: the Daily omits nothing.
    expect(ruling.omittedBy).toBeUndefined();
    const place = fact(facts, "place", /^names Nairobi/);
    expect(statuses(place)).toEqual(["agree", "agree", "agree"]);
    expect(place.independentSources).toBe(2);
  });
});
