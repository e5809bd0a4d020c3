import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createHeadlineScorer, type HeadlineScorer } from "../analyze/framing/index.js";
import type { ActorLabel, Article, LoadedTerm, OutletFraming, SentenceLoad } from "../model/index.js";
import { articleFromText } from "../model/index.js";
import { createDefaultStages, type Knowledge, loadKnowledge } from "../pipeline/default.js";
import type { PipelineStages } from "../pipeline/run.js";
import { labelUses, loadedWordUses, MOST_LOADED_COUNT, outletFraming } from "./framing.js";

let knowledge: Knowledge;
let stages: PipelineStages;
let headline: HeadlineScorer;

beforeAll(() => {
  knowledge = loadKnowledge();
  stages = createDefaultStages(knowledge);
  headline = createHeadlineScorer({ framing: knowledge.framing, labels: knowledge.labels });
});

const provenance = { stage: "analyze", method: "test" } as const;

function label(start: number, text: string, actor: string, category: string, actorId?: string): ActorLabel {
  return {
    start,
    end: start + text.length,
    text,
    provenance,
    actor,
    label: text.toLowerCase(),
    category,
    ...(actorId ? { actorId } : {}),
  };
}

function term(start: number, text: string, entry: string, category: string): LoadedTerm {
  return { start, end: start + text.length, text, provenance, entry, category };
}

function load(sentence: number, score: number): SentenceLoad {
  return { start: sentence * 10, end: sentence * 10 + 9, sentence, score, drivers: [] };
}

describe("labelUses and loadedWordUses", () => {
  it("group labels by actor, label and category, most used first, with each wording", () => {
    const uses = labelUses([
      label(0, "regime", "Syrian government", "pejorative", "syrian-government"),
      label(20, "rebels", "armed opposition", "neutral"),
      label(40, "Regime", "Syrian government", "pejorative", "syrian-government"),
    ]);
    expect(uses).toEqual([
      {
        actor: "Syrian government",
        actorId: "syrian-government",
        label: "regime",
        category: "pejorative",
        count: 2,
        wording: [
          { start: 0, end: 6, text: "regime", field: "text" },
          { start: 40, end: 46, text: "Regime", field: "text" },
        ],
      },
      {
        actor: "armed opposition",
        label: "rebels",
        category: "neutral",
        count: 1,
        wording: [{ start: 20, end: 26, text: "rebels", field: "text" }],
      },
    ]);
  });

  it("group loaded words by entry and category", () => {
    const uses = loadedWordUses([
      term(5, "slammed", "slam", "loaded-verb"),
      term(30, "outrageous", "outrageous", "evaluative"),
      term(50, "slams", "slam", "loaded-verb"),
    ]);
    expect(uses.map((u) => [u.entry, u.category, u.count, u.wording.map((w) => w.text)])).toEqual([
      ["slam", "loaded-verb", 2, ["slammed", "slams"]],
      ["outrageous", "evaluative", 1, ["outrageous"]],
    ]);
  });
});

describe("outletFraming", () => {
  it("averages the load over ALL body sentences, shares the loaded ones and keeps the top three", () => {
    const base = articleFromText("x".repeat(50), {
      id: "a1",
      title: { value: "Senator slams bill", source: "test" },
    });
    const article: Article = {
      ...base,
      annotations: {
        ...base.annotations,
        sentences: [0, 1, 2, 3, 4].map((i) => ({ start: i * 10, end: i * 10 + 9 })),
        loadedSentences: [load(0, 0.5), load(2, 0.9), load(3, 0.5), load(4, 0.6)],
      },
    };
    const framing = outletFraming(article, "Outlet A", headline);
    expect(framing.articleId).toBe("a1");
    expect(framing.outlet).toBe("Outlet A");
    expect(framing.bodyScore).toBe(0.5); // (0.5 + 0.9 + 0.5 + 0.6) / 5
    expect(framing.loadedShare).toBe(0.8);
    expect(framing.mostLoaded.map((s) => s.sentence)).toEqual([2, 4, 0]);
    expect(framing.mostLoaded).toHaveLength(MOST_LOADED_COUNT);
    expect(framing.headline?.text).toBe("Senator slams bill");
    expect(framing.headline?.drivers.map((d) => d.text)).toEqual(["slams"]);
  });

  it("leaves the headline out when the article has no title, and scores an empty body 0", () => {
    const framing = outletFraming(articleFromText("", { id: "a2" }), "B", headline);
    expect(framing).toEqual({
      articleId: "a2",
      outlet: "B",
      labels: [],
      loadedWords: [],
      bodyScore: 0,
      loadedShare: 0,
      mostLoaded: [],
    });
  });
});

describe("the seeds, through the real analysis", () => {
  function analysedSeed(file: string): Article {
    const raw = readFileSync(new URL(`../../examples/albu-kamal/${file}`, import.meta.url), "utf8");
    const text = raw
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== "")
      .join("\n\n");
    const line = JSON.stringify({ id: file.slice(0, 3), outlet: file.slice(0, 3), text });
    const docs = stages.ingest({ locator: `${file}.jsonl`, bytes: new TextEncoder().encode(line) }).documents;
    return stages.analyze(stages.extract(docs[0] as (typeof docs)[number], stages.learnSites(docs)));
  }

  const uses = (f: OutletFraming) => f.labels.map((l) => `${l.label}>${l.actor}:${l.category}`);

  it("000 calls the Islamic State 'jihadists' and its loaded sentences carry 'US-sponsored terror'", () => {
    const framing = outletFraming(analysedSeed("000_94ae060d2235aff0.txt"), "000", headline);
    expect(uses(framing)).toContain("jihadists>Islamic State:pejorative");
    expect(uses(framing)).toContain("captured>Syrian Arab Army:neutral");
    expect(framing.loadedWords.map((w) => w.entry)).toEqual(
      expect.arrayContaining(["US-sponsored terror", "cowardice"]),
    );
    expect(framing.bodyScore).toBeGreaterThan(0);
    expect(framing.mostLoaded[0]?.score).toBeGreaterThan(0.7);
  });

  it("001 calls the capture a 'liberation' by the Syrian army, the Islamic State 'militants', and Assad's government a 'regime'", () => {
    const framing = outletFraming(analysedSeed("001_00835ee31e389aee.txt"), "001", headline);
    expect(uses(framing)).toEqual(
      expect.arrayContaining([
        "liberation>Syrian Arab Army:legitimising",
        "militants>Islamic State:neutral",
        "regime>Syrian government:pejorative",
        "government>Syrian government:neutral",
      ]),
    );
    expect(uses(framing)).not.toContain("jihadists>Islamic State:pejorative");
  });
});
