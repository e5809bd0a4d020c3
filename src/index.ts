/**
 * Parallax's public API. Every stage is a plain function built once from its options; the
 * default pipeline wires them to the knowledge in data/.
 */

export { type Analyzer, createAnalyzer } from "./analyze/analyzer.js";
export type { AnalysisComponent } from "./analyze/component.js";
export { createTokenizer } from "./analyze/tokens.js";
export {
  type Clusterer,
  type ClusterOptions,
  createClusterer,
  DEFAULT_CLUSTER_OPTIONS,
} from "./cluster/index.js";
export { type CompareOptions, type Comparer, createComparer, outletLabels } from "./compare/index.js";
export {
  type CopyDetector,
  type CopyDetectorOptions,
  createCopyDetector,
  createCopyIndex,
  DEFAULT_COPY_DETECTOR_OPTIONS,
} from "./dedupe/index.js";
export {
  createExtractor,
  DEFAULT_SITE_LEARNING_OPTIONS,
  learnSiteBoilerplate,
  type SiteBoilerplate,
  type SiteLearningOptions,
  siteOf,
} from "./extract/index.js";
export {
  createEventReporter,
  DEFAULT_EVENT_REPORTER_OPTIONS,
  type EventReporterOptions,
} from "./analyze/event-reports/index.js";
export {
  type EventTypeClassification,
  type EventTypeClassifier,
  loadEventDescriptions,
  loadEventTaxonomy,
  trainEventTypeClassifier,
} from "./analyze/event-types/index.js";
export { createEventMerger, DEFAULT_EVENT_MERGER_OPTIONS, type EventMerger } from "./events/index.js";
export {
  ACLED_COLUMNS,
  createExporter,
  EVENT_COLUMNS,
  EXPORT_FORMATS,
  type ExportData,
  type ExportFormat,
  loadAcledCodes,
  STORY_COLUMNS,
  toCsv,
} from "./export/index.js";
export { createIngester } from "./ingest/index.js";
export type { RawInput } from "./ingest/types.js";
export { readInputs } from "./io/read-inputs.js";
export * from "./model/index.js";
export {
  analysisComponents,
  createDefaultStages,
  type DefaultStageOptions,
  type Knowledge,
  loadKnowledge,
} from "./pipeline/default.js";
export {
  GENERATED_BY,
  type PipelineStages,
  type RunOutcome,
  type RunRequest,
  runPipeline,
} from "./pipeline/run.js";
export { renderMarkdown } from "./report/markdown.js";
export { renderTerminal } from "./report/terminal.js";
export { openSqliteStore, type Store } from "./store/index.js";

import { createAnalyzer } from "./analyze/analyzer.js";
import type { Article } from "./model/index.js";
import { analysisComponents, type Knowledge } from "./pipeline/default.js";

/**
 * Analyses one extracted article with the default components. Building the analyzer loads
 * models, so for many articles build it once with `createAnalyzer(analysisComponents(k))`.
 */
export function analyze(article: Article, knowledge: Knowledge): Article {
  return createAnalyzer(analysisComponents(knowledge))(article);
}
