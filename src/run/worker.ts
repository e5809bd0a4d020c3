import type { SiteBoilerplate } from "../extract/index.js";
import type { RawInput } from "../ingest/types.js";
import type { ContentFormat } from "../model/index.js";
import { createDefaultStages, loadKnowledge } from "../pipeline/default.js";
import type { PipelineStages } from "../pipeline/run.js";
import { type AnalyzedInput, analyzeInput } from "./analyze-input.js";

/** What every worker of a run is started with (piscina's workerData). */
export interface WorkerSetup {
  as?: ContentFormat;
  /** href of the user's lexicon folder (a URL does not cross to a worker as itself). */
  lexicons?: string;
  sites: SiteBoilerplate;
}

/**
 * The worker thread of a run's pool: the stages are built once per worker (loading knowledge takes
 * seconds), then each task is one input.
 */
export function createWorkerTask(setup: WorkerSetup): (input: RawInput) => AnalyzedInput {
  let stages: PipelineStages | undefined;
  return (input) => {
    stages ??= createDefaultStages(
      loadKnowledge(setup.lexicons ? { userLexicons: new URL(setup.lexicons) } : {}),
      setup.as ? { as: setup.as } : {},
    );
    return analyzeInput(stages, setup.sites, input);
  };
}
