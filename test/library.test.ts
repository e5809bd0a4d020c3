import { beforeAll, describe, expect, it } from "vitest";
import {
  analyze,
  articleFromText,
  createDefaultStages,
  type Knowledge,
  loadKnowledge,
  runPipeline,
  SCHEMA_VERSION,
} from "../src/index.js";

// The package's public API, used as a library: the same stages the CLI runs.
let knowledge: Knowledge;

beforeAll(() => {
  knowledge = loadKnowledge();
});

describe("library API", () => {
  it("analyze() annotates a clean-text article", () => {
    const article = articleFromText(
      "Voters in Kenya elected William Ruto president on Tuesday, the electoral commission said in Nairobi.",
      { published: { value: "2022-08-15", precision: "day", source: "test" } },
    );
    const analyzed = analyze(article, knowledge);
    expect(analyzed.annotations.entities.find((e) => e.text === "William Ruto")?.type).toBe("PERSON");
    expect(analyzed.annotations.places.map((p) => p.name)).toEqual(expect.arrayContaining(["Nairobi"]));
    expect(analyzed.annotations.times[0]?.value).toBe("2022-08-09");
    expect(article.annotations.entities).toEqual([]); // the input is left as it was
  });

  it("runPipeline() goes from bytes to compared stories", () => {
    const stages = createDefaultStages(knowledge);
    const encode = (text: string) => new TextEncoder().encode(text);
    const { result } = runPipeline(stages, {
      inputs: [
        {
          locator: "a.jsonl",
          bytes: encode(
            JSON.stringify({
              id: "a",
              outlet: "A",
              text: "A storm flooded Lagos on Monday, killing 12 people, officials said.",
            }),
          ),
        },
        {
          locator: "b.jsonl",
          bytes: encode(
            JSON.stringify({
              id: "b",
              outlet: "B",
              text: "Floods in Lagos killed at least 30 people on Monday, officials said, after a storm.",
            }),
          ),
        },
      ],
    });
    expect(result.schemaVersion).toBe(SCHEMA_VERSION);
    expect(result.stories).toHaveLength(1);
    const people = result.stories[0]?.comparison?.facts.find(
      // The toll of the storm both tell, read from the merged event: 12 against "at least 30".
      (f) => f.kind === "number" && /^killed: /.test(f.label),
    );
    expect(people?.cells.map((c) => c.status)).toEqual(["conflict", "conflict"]);
    expect(people?.conflict).toBe("number");
  });
});
