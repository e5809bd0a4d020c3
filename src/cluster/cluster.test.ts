import { describe, expect, it } from "vitest";
import { type Article, articleFromText } from "../model/index.js";
import { createClusterer } from "./index.js";

function article(id: string, text: string, published?: string): Article {
  const date = published
    ? { published: { value: published, precision: "day" as const, source: "record" } }
    : {};
  return articleFromText(text, { id, origin: { locator: id }, ...date });
}

const quakeA = article(
  "qa",
  "A powerful earthquake struck Malatya province, collapsing buildings and killing dozens of residents.",
  "2024-03-12",
);
const quakeB = article(
  "qb",
  "Rescuers searched collapsed buildings in Malatya after the earthquake killed dozens of residents.",
  "2024-03-12",
);
const court = article(
  "c",
  "The Supreme Court ruled that the water treaty did not oblige the federal government to act.",
  "2024-06-27",
);

describe("createClusterer", () => {
  const cluster = createClusterer();

  it("groups reports of the same happening and keeps others apart", () => {
    const stories = cluster([quakeA, quakeB, court]);
    expect(stories).toHaveLength(2);
    expect(stories.find((s) => s.articleIds.includes("qa"))?.articleIds.sort()).toEqual(["qa", "qb"]);
  });

  it("keeps story ids stable when articles arrive later", () => {
    const [first] = cluster([quakeA]);
    const later = cluster([quakeA, quakeB, court], first ? [first] : []);
    expect(later.find((s) => s.articleIds.includes("qb"))?.id).toBe(first?.id);
  });

  it("does not join articles published far apart", () => {
    const yearLater = {
      ...quakeB,
      id: "qc",
      published: { value: "2025-03-12", precision: "day" as const, source: "record" },
    };
    expect(cluster([quakeA, yearLater])).toHaveLength(2);
  });
});
