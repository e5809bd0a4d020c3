import { describe, expect, it } from "vitest";
import type { EventMerger } from "../src/events/index.js";
import { buildEvent } from "../src/export/test-support.js";
import { type Article, articleFromText, type Event, type Story } from "../src/model/index.js";
import { type PipelineStages, runPipeline } from "../src/pipeline/run.js";

/**
 * The events stage as runPipeline wires it, with stand-in stages: each input is one article whose
 * id's first letter names its story ("q1", "q2" -> story q), and the merger makes one event per
 * story, keeping the id of an event it is given back.
 */
function stages(seen: (readonly Event[])[]): PipelineStages {
  const merger: EventMerger = (articles, stories, existing = []) => {
    seen.push(existing);
    return stories.map((story) => {
      const ids = story.articleIds.filter((id) => articles.some((a) => a.id === id));
      const kept = existing.find((e) => e.storyIds.includes(story.id));
      return buildEvent(
        kept?.id ?? `${ids[0]}#e1`,
        "disasters",
        "natural-disaster",
        ids,
        {},
        { storyIds: [story.id] },
      );
    });
  };
  return {
    ingest: (input) => ({
      documents: [
        { origin: { locator: input.locator }, format: "text", content: "x", given: { id: input.locator } },
      ],
      diagnostics: [],
    }),
    learnSites: () => ({}) as ReturnType<PipelineStages["learnSites"]>,
    extract: (document) => articleFromText(document.content, { id: document.given.id as string }),
    analyze: (article) => article,
    dedupe: (articles) => [...articles],
    cluster: (articles, existing = []) => {
      const groups = new Map<string, string[]>();
      for (const a of articles) groups.set(a.id.slice(0, 1), [...(groups.get(a.id.slice(0, 1)) ?? []), a.id]);
      return [...groups].map(([key, articleIds]) => ({
        id: existing.find((s) => s.id === `story-${key}`)?.id ?? `story-${key}`,
        title: key,
        articleIds,
      }));
    },
    events: merger,
    compare: () => ({ outlets: [], facts: [] }),
    profile: () => [],
  };
}

const input = (id: string) => ({ locator: id, bytes: new TextEncoder().encode("x") });

describe("runPipeline and events", () => {
  it("gives each story the ids of its events and the result the events of its articles", () => {
    const { result, stories, events } = runPipeline(stages([]), { inputs: [input("q1"), input("q2")] });
    expect(events.map((e) => e.id)).toEqual(["q1#e1"]);
    expect(result.events.map((e) => e.id)).toEqual(["q1#e1"]);
    expect(result.stories[0]?.eventIds).toEqual(["q1#e1"]);
    expect(stories[0]?.eventIds).toEqual(["q1#e1"]);
  });

  it("passes stored events back to the merger; a run on a late article updates, never duplicates", () => {
    const seen: (readonly Event[])[] = [];
    const built = stages(seen);
    const first = runPipeline(built, { inputs: [input("q1"), input("v1")] });
    const previous = {
      articles: first.result.articles as Article[],
      stories: first.stories as Story[],
      events: first.events,
    };
    const second = runPipeline(built, { inputs: [input("q2")], previous });
    expect(seen[1]).toEqual(first.events);
    // Every event goes to the store, but the result shows only those of the stories it shows.
    expect(second.events.map((e) => e.id).sort()).toEqual(["q1#e1", "v1#e1"]);
    expect(second.result.events.map((e) => e.id)).toEqual(["q1#e1"]);
    expect(second.result.events[0]?.reports.map((r) => r.articleId)).toEqual(["q1", "q2"]);
    expect(second.stories.find((s) => s.id === "story-v")?.eventIds).toEqual(["v1#e1"]);
  });

  it("gives a story without events an empty list", () => {
    const built = { ...stages([]), events: () => [] };
    const { result } = runPipeline(built, { inputs: [input("e1")] });
    expect(result.events).toEqual([]);
    expect(result.stories[0]?.eventIds).toEqual([]);
  });
});
