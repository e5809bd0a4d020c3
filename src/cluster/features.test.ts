import { describe, expect, it } from "vitest";
import { articleFromText } from "../model/index.js";
import { articleFeatures } from "./features.js";

const words = (text: string, stopwords: string[] = []) =>
  Object.fromEntries(articleFeatures(articleFromText(text, { id: "a" }), new Set(stopwords)).terms);

describe("articleFeatures words", () => {
  it("lower-cases, drops a final 's, keeps hyphens and apostrophes inside words, and stems", () => {
    expect(words("The COURT’S ruling; the court's co-op ruling. O'Neill ruled", ["the"])).toEqual({
      "w:court": 2,
      "w:ruling": 2,
      "w:co-op": 1,
      "w:o'neill": 1,
      "w:ruled": 1,
    });
  });

  it("reads letters beyond ASCII, and skips stopwords, digits and short words", () => {
    expect(words("Zürich’s naïve 2019 quake at 𝐀𝐁𝐂 magnitude", ["quake"])).toEqual({
      "w:zürich": 1,
      "w:naïve": 1,
      "w:𝐀𝐁𝐂": 1,
      "w:magnitu": 1,
    });
  });
});
