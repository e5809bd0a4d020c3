import type { Article, LoadedTerm, Provenance, Token } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import type { FramingEntry, FramingLexicon } from "../lexicons.js";
import { createPhraseMatcher } from "./phrase-matcher.js";

const PROVENANCE: Provenance = { stage: "analyze", method: "lexicon:framing" };

/**
 * Tags loaded, emotive or partisan wording from the framing lexicon. Matching runs sentence by
 * sentence so that a phrase never spans two sentences; the longest entry wins where entries
 * overlap ("US-sponsored terror" over "terror").
 */
export function createFramingTagger(opts: { lexicon: FramingLexicon }): AnalysisComponent {
  const matcher = createPhraseMatcher(
    opts.lexicon.entries.map((entry) => ({ phrase: entry.term, value: entry })),
  );

  function run(article: Article): { framing: LoadedTerm[] } {
    const framing: LoadedTerm[] = [];
    for (const sentence of groupBySentence(article.annotations.tokens)) {
      for (const match of matcher.findAll(sentence)) {
        framing.push(loadedTerm(article.text, sentence, match.first, match.end, match.value));
      }
    }
    return { framing };
  }

  return { name: "framing", requires: ["tokens"], provides: ["framing"], run };
}

function loadedTerm(
  text: string,
  tokens: readonly Token[],
  first: number,
  end: number,
  entry: FramingEntry,
): LoadedTerm {
  const start = (tokens[first] as Token).start;
  const stop = (tokens[end - 1] as Token).end;
  return {
    start,
    end: stop,
    text: text.slice(start, stop),
    provenance: PROVENANCE,
    category: entry.category,
    entry: entry.term,
  };
}

/** Tokens grouped by their sentence index, in order. */
export function groupBySentence(tokens: readonly Token[]): Token[][] {
  const groups: Token[][] = [];
  for (const token of tokens) {
    const group = groups[token.sentence] ?? [];
    group.push(token);
    groups[token.sentence] = group;
  }
  return groups.filter((group) => group !== undefined);
}
