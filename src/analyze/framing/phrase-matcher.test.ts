import { beforeAll, describe, expect, it } from "vitest";
import type { Token } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { articleOf } from "../events/test-support.js";
import { createTokenizer } from "../tokens.js";
import { createPhraseMatcher, DEFAULT_MAX_GAP, phraseWords } from "./phrase-matcher.js";

let tokenizer: AnalysisComponent;
beforeAll(() => {
  tokenizer = createTokenizer();
});
const tokensOf = (text: string): Token[] => articleOf(tokenizer, text).annotations.tokens;

describe("createPhraseMatcher", () => {
  it("splits hyphens so that split and whole compounds both match", () => {
    expect(phraseWords("US-sponsored terror")).toEqual(["us", "-", "sponsored", "terror"]);
    const matcher = createPhraseMatcher([
      { phrase: "pro-democracy", value: 1 },
      { phrase: "so-called", value: 2 },
    ]);
    const found = matcher.findAll(tokensOf("The so-called pro-democracy camp."));
    expect(found.map((m) => m.value)).toEqual([2, 1]);
  });

  it("fills a gap up to the maximum and never across a comma", () => {
    const matcher = createPhraseMatcher([{ phrase: "declare * clear of", value: "x" }]);
    expect(matcher.findAll(tokensOf("They declared it to be clear of mines."))[0]?.gap).toBeDefined();
    const tooLong = `They declared ${"very ".repeat(DEFAULT_MAX_GAP)}it clear of mines.`;
    expect(matcher.findAll(tokensOf(tooLong))).toEqual([]);
    expect(matcher.findAll(tokensOf("They declared it, finally, clear of mines."))).toEqual([]);
  });

  it("does not match inside a word", () => {
    const matcher = createPhraseMatcher([{ phrase: "elect", value: 1 }]);
    expect(matcher.findAll(tokensOf("They re-elect her."))).toEqual([]);
  });
});
