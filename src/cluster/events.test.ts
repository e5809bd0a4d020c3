import { beforeAll, describe, expect, it } from "vitest";
import { type Analyzer, createAnalyzer } from "../analyze/analyzer.js";
import { type Article, articleFromText } from "../model/index.js";
import { analysisComponents, loadKnowledge } from "../pipeline/default.js";
import { type Clusterer, createClusterer } from "./index.js";

// Hand-made reports run through the real analyzer, so the clusterer sees the entities, places and
// dates it sees in production.
let analyze: Analyzer;
let cluster: Clusterer;

beforeAll(() => {
  const knowledge = loadKnowledge();
  analyze = createAnalyzer(analysisComponents(knowledge));
  cluster = createClusterer({ stopwords: knowledge.stopwords });
}, 60_000);

function article(id: string, text: string, published: string): Article {
  return analyze(
    articleFromText(text, { id, published: { value: published, precision: "day", source: "test" } }),
  );
}

const storyOf = (stories: { id: string; articleIds: string[] }[], articleId: string) =>
  stories.find((s) => s.articleIds.includes(articleId));

describe("clustering analysed reports", () => {
  it("keeps a story (same id) when a late report of the same happening arrives in a later run", () => {
    const first = [
      article(
        "flood-1",
        "Floods in Porto Alegre forced 80,000 people from their homes on Monday, Governor Eduardo Leite said. " +
          "The Guaiba river rose above its record level and flooded the centre of Porto Alegre.",
        "2024-05-06",
      ),
      article(
        "flood-2",
        "Governor Eduardo Leite said 80,000 people had left their homes in Porto Alegre as the Guaiba river " +
          "flooded the city centre. Rescuers used boats to reach families on rooftops in Porto Alegre.",
        "2024-05-06",
      ),
    ];
    const firstRun = cluster(first);
    expect(firstRun).toHaveLength(1);
    const late = article(
      "flood-3",
      "Three days after the Guaiba river flooded Porto Alegre, Governor Eduardo Leite said the water was " +
        "slowly falling and that most of the 80,000 people who fled their homes could not yet return.",
      "2024-05-09",
    );
    const secondRun = cluster([...first, late], firstRun);
    expect(secondRun).toHaveLength(1);
    expect(storyOf(secondRun, "flood-3")?.id).toBe(firstRun[0]?.id);
    expect(storyOf(secondRun, "flood-3")?.articleIds.sort()).toEqual(["flood-1", "flood-2", "flood-3"]);
  });

  it("keeps two earthquakes of the same week in two countries apart", () => {
    const stories = cluster([
      article(
        "chile-1",
        "A magnitude 6.8 earthquake struck near Valparaiso, Chile, on Tuesday, killing four people and " +
          "damaging hundreds of homes, President Gabriel Boric said.",
        "2024-09-10",
      ),
      article(
        "chile-2",
        "President Gabriel Boric visited Valparaiso after Tuesday's earthquake killed four people in Chile " +
          "and left hundreds of homes damaged.",
        "2024-09-11",
      ),
      article(
        "japan-1",
        "A magnitude 6.5 earthquake struck near Sendai, Japan, on Thursday, killing two people and " +
          "damaging dozens of homes, Prime Minister Fumio Kishida said.",
        "2024-09-12",
      ),
      article(
        "japan-2",
        "Prime Minister Fumio Kishida said two people were killed when Thursday's earthquake hit Sendai " +
          "in Japan and dozens of homes were damaged.",
        "2024-09-12",
      ),
    ]);
    expect(stories).toHaveLength(2);
    expect(storyOf(stories, "chile-1")?.articleIds.sort()).toEqual(["chile-1", "chile-2"]);
    expect(storyOf(stories, "japan-1")?.articleIds.sort()).toEqual(["japan-1", "japan-2"]);
  });

  it("keeps two court rulings on different people apart", () => {
    const stories = cluster([
      article(
        "ruling-a1",
        "A federal judge in Chicago sentenced former alderman Edward Burke to two years in prison for " +
          "racketeering on Monday.",
        "2024-06-24",
      ),
      article(
        "ruling-a2",
        "Edward Burke, the former Chicago alderman, was sentenced to two years in prison by a federal judge " +
          "after his racketeering conviction.",
        "2024-06-24",
      ),
      article(
        "ruling-b1",
        "A federal judge in Boston sentenced former state senator Dianne Wilkerson to two years in prison " +
          "for bribery on Wednesday.",
        "2024-06-26",
      ),
      article(
        "ruling-b2",
        "Dianne Wilkerson, the former Boston state senator, was sentenced to two years in prison by a " +
          "federal judge after her bribery conviction.",
        "2024-06-26",
      ),
    ]);
    expect(storyOf(stories, "ruling-a1")?.articleIds.sort()).toEqual(["ruling-a1", "ruling-a2"]);
    expect(storyOf(stories, "ruling-b1")?.articleIds.sort()).toEqual(["ruling-b1", "ruling-b2"]);
  });
});
