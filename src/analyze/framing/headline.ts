import { articleFromText, type LoadDriver } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import type { FramingLexicon, LabelLexicon } from "../lexicons.js";
import { createTokenizer } from "../tokens.js";
import { createFramingTagger } from "./tagger.js";
import { createPhraseMatcher } from "./phrase-matcher.js";
import { mergeDrivers, saturate, type WeightedWord } from "./load.js";

/** A headline's loaded score, with its driving words; offsets point into the headline. */
export interface HeadlineScore {
  text: string;
  score: number;
  drivers: LoadDriver[];
}

/** Scores a plain string such as a title (which is not part of `article.text`). */
export type HeadlineScorer = (title: string) => HeadlineScore;

export interface HeadlineScorerOptions {
  framing: FramingLexicon;
  labels: LabelLexicon;
  /** A tokenizer to share; one is created when none is given. */
  tokenizer?: AnalysisComponent;
}

/**
 * Built once from the lexicons. A headline is one short text with no actors resolved, so every
 * label whose category weighs anything counts, whoever it names; the whole headline is one
 * sentence for the score, even when the tokenizer splits it ("Town falls: army claims victory").
 */
export function createHeadlineScorer(opts: HeadlineScorerOptions): HeadlineScorer {
  const tokenizer = opts.tokenizer ?? createTokenizer();
  const tagger = createFramingTagger({ lexicon: opts.framing });
  const labels = createPhraseMatcher(
    opts.labels.labels.map((entry) => ({ phrase: entry.term, value: entry })),
  );

  return (title) => {
    const base = articleFromText(title, { id: "headline", origin: { locator: "headline" } });
    const tokens = tokenizer.run(base).tokens ?? [];
    const framing = tagger.run({ ...base, annotations: { ...base.annotations, tokens } }).framing ?? [];
    const words: WeightedWord[] = framing.map((term) => ({
      start: term.start,
      end: term.end,
      text: term.text,
      category: term.category,
      weight: opts.framing.weights[term.category] ?? 0,
    }));
    for (const match of labels.findAll(tokens)) {
      const start = tokens[match.first]?.start ?? 0;
      const end = tokens[match.end - 1]?.end ?? start;
      const category = match.value.category;
      words.push({
        start,
        end,
        text: title.slice(start, end),
        category,
        weight: opts.labels.weights[category] ?? 0,
      });
    }
    const drivers = mergeDrivers(words);
    return { text: title, score: saturate(drivers.map((d) => d.weight)), drivers };
  };
}
