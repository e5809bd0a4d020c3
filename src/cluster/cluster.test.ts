import { describe, expect, it } from "vitest";
import { type Article, articleFromText } from "../model/index.js";
import { articleFeatures } from "./features.js";
import { createClusterer, DEFAULT_CLUSTER_OPTIONS, similarity } from "./index.js";

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

/** An article whose text dates events in the given year (as the analyzer's time mentions would). */
function datedIn(a: Article, year: string): Article {
  const time = {
    start: 0,
    end: 4,
    text: year,
    provenance: { stage: "analyze" as const, method: "test" },
    timexType: "DATE" as const,
    value: `${year}-03`,
    precision: "month" as const,
  };
  return { ...a, annotations: { ...a.annotations, times: [time, time] } };
}

describe("year conflict", () => {
  const idf = () => 1;
  const features = (a: Article) => articleFeatures(a, new Set());

  it("lowers the similarity of reports dating their events in different years", () => {
    const same = similarity(features(datedIn(quakeA, "2011")), features(datedIn(quakeB, "2011")), idf);
    const apart = similarity(features(datedIn(quakeA, "2011")), features(datedIn(quakeB, "2023")), idf);
    expect(apart).toBeCloseTo(same * DEFAULT_CLUSTER_OPTIONS.yearConflict, 6);
  });

  it("keeps two like earthquakes of different years apart", () => {
    // Similar enough to be one story (about 0.27), unless their years disagree.
    const older = article(
      "o",
      "An earthquake struck Malatya province before dawn, collapsing buildings and a mosque.",
    );
    const newer = article(
      "n",
      "Rescuers searched collapsed buildings in Malatya after the earthquake left families homeless.",
    );
    const cluster = createClusterer();
    expect(cluster([datedIn(older, "2011"), datedIn(newer, "2011"), court])).toHaveLength(2);
    expect(cluster([datedIn(older, "2011"), datedIn(newer, "2023"), court])).toHaveLength(3);
  });
});

describe("late and short reports", () => {
  // Three full reports of a flood, and a short one sharing a little with each: its mean similarity
  // to the story is below the threshold, its cosine with the story's profile above it.
  const flood = [
    article(
      "fa",
      "The river burst its levee at Marlowe overnight and flooded the lower town; firemen evacuated families by boat while volunteers filled sandbags.",
    ),
    article(
      "fb",
      "The river burst the levee at Marlowe and flooded the lower town; the mayor opened the school gym as a shelter and farmers counted drowned cattle.",
    ),
    article(
      "fc",
      "The river burst the Marlowe levee and flooded the lower town; engineers blamed rotten timber and the governor promised emergency funds for repairs.",
    ),
  ];
  const short = article("fd", "Insurers sent assessors to Marlowe to price the damage from the river.");
  const election = article(
    "el",
    "Voters in the northern district elected a new mayor after a campaign dominated by housing costs.",
  );

  it("join the story whose profile they fit", () => {
    const stories = createClusterer()([...flood, short, court, election]);
    expect(stories.find((s) => s.articleIds.includes("fd"))?.articleIds.sort()).toEqual([
      "fa",
      "fb",
      "fc",
      "fd",
    ]);
    expect(stories).toHaveLength(3);
  });
});
