import type { SiteBoilerplate } from "../extract/index.js";
import type { RawInput } from "../ingest/types.js";
import type { Article, Diagnostic } from "../model/index.js";
import type { PipelineStages } from "../pipeline/run.js";

/** What one input gave: its analysed articles, and every diagnostic on the way. */
export interface AnalyzedInput {
  articles: Article[];
  diagnostics: Diagnostic[];
}

type InputStages = Pick<PipelineStages, "ingest" | "extract" | "analyze">;

/**
 * The per-input part of a run: ingest, extract, analyze. A plain function of the input and of the
 * site knowledge learned beforehand, so a worker thread gives exactly what the main thread would.
 */
export function analyzeInput(stages: InputStages, sites: SiteBoilerplate, input: RawInput): AnalyzedInput {
  const ingested = stages.ingest(input);
  const diagnostics = [...ingested.diagnostics];
  const articles = new Map<string, Article>();
  for (const document of ingested.documents) {
    const article = stages.extract(document, sites);
    diagnostics.push(...article.diagnostics);
    if (article.diagnostics.some((d) => d.severity === "error")) continue;
    const analyzed = stages.analyze(article);
    diagnostics.push(...analyzed.diagnostics.slice(article.diagnostics.length));
    articles.set(analyzed.id, analyzed); // the same article twice in one input is kept once
  }
  return { articles: [...articles.values()], diagnostics };
}
