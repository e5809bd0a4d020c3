import { beforeAll, describe, expect, it } from "vitest";
import type { Token } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { createTokenizer } from "../tokens.js";
import { loadTimeLexicon } from "./lexicon.js";
import { createTenseReader, type TenseReader } from "./tense.js";

let tokenizer: AnalysisComponent;
let tense: TenseReader;

beforeAll(() => {
  tokenizer = createTokenizer();
  tense = createTenseReader(loadTimeLexicon());
});

/** The direction of `expression` in the one-sentence `text`. */
function directionOf(text: string, expression: string, markers = true) {
  const tokens = (tokenizer.run({ text } as never).tokens ?? []) as Token[];
  const start = text.indexOf(expression);
  return tense.directionAt(tokens, { start, end: start + expression.length }, markers);
}

describe("the tense reader", () => {
  it("reads past, future and present verb groups", () => {
    expect(directionOf("The mayor resigned on Friday.", "Friday")).toBe("past");
    expect(directionOf("The mayor will resign on Friday.", "Friday")).toBe("future");
    expect(directionOf("The mayor won't resign on Friday.", "Friday")).toBe("future");
    expect(directionOf("The vote is set to take place on Friday.", "Friday")).toBe("future");
    expect(directionOf("The mayor resigns on Friday.", "Friday")).toBe("nearest");
    expect(directionOf("On Friday, the mayor resigned.", "Friday")).toBe("past");
  });

  it("reads markers only when asked", () => {
    expect(directionOf("The offer was extended until Friday.", "Friday")).toBe("future");
    expect(directionOf("The offer was extended until Friday.", "Friday", false)).toBe("past");
  });
});
