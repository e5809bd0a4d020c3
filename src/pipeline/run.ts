import type { Analyzer } from "../analyze/analyzer.js";
import type { Clusterer } from "../cluster/index.js";
import type { Comparer } from "../compare/index.js";
import type { CopyDetector } from "../dedupe/index.js";
import type { EventMerger } from "../events/index.js";
import { type OutletProfiler, profiledArticle } from "../profile/index.js";
import type { SiteBoilerplate } from "../extract/index.js";
import type { RawInput } from "../ingest/types.js";
import { comparedStories, planCorpus } from "./corpus.js";
import {
  type Article,
  type Diagnostic,
  type Event,
  type ParallaxResult,
  SCHEMA_VERSION,
  type SourceDocument,
  type Story,
} from "../model/index.js";

/**
 * The stages of a run, each already built from its options:
 * ingest -> (learn sites) -> extract -> analyze -> dedupe -> cluster -> events -> compare -> profile.
 */
export interface PipelineStages {
  ingest: (input: RawInput) => { documents: SourceDocument[]; diagnostics: Diagnostic[] };
  /** Lines each site repeats on many pages, learned from the run's documents; extract removes them. */
  learnSites: (documents: readonly SourceDocument[]) => SiteBoilerplate;
  extract: (document: SourceDocument, sites?: SiteBoilerplate) => Article;
  analyze: Analyzer;
  /** Marks articles that carry one text (wire copies) with their copy group. */
  dedupe: CopyDetector;
  cluster: Clusterer;
  /** Merges the event reports of the articles into events, per happening, across articles. */
  events: EventMerger;
  compare: Comparer;
  /** Sums each outlet up across the compared stories: whom it quotes, how it labels, how it stands apart. */
  profile: OutletProfiler;
}

/** What a run starts from: new inputs, and what earlier runs stored (so stories and events stay stable). */
export interface RunRequest {
  inputs: readonly RawInput[];
  previous?: {
    articles: readonly Article[];
    stories: readonly Story[];
    events?: readonly Event[];
    /** The bases of the stored stories' comparisons (see storyBasis). */
    bases?: ReadonlyMap<string, string>;
  };
  /** Problems found before ingest (a missing file); they are carried into the result. */
  diagnostics?: readonly Diagnostic[];
}

export const GENERATED_BY = "parallax";

export interface RunOutcome {
  /** What this run reports: its articles and the stories they belong to. */
  result: ParallaxResult;
  /** Every story after the run, touched or not, for the store. */
  stories: Story[];
  /** Every event after the run, touched or not, for the store. */
  events: Event[];
  /** Each story's basis (see storyBasis), for the store. */
  bases: Map<string, string>;
}

/**
 * One run of the whole pipeline. The result holds the new articles and every story they belong
 * to, with the stored articles of those stories, so a report always shows complete stories.
 */
export function runPipeline(stages: PipelineStages, request: RunRequest): RunOutcome {
  const diagnostics: Diagnostic[] = [...(request.diagnostics ?? [])];
  const documents: SourceDocument[] = [];
  for (const input of request.inputs) {
    const ingested = stages.ingest(input);
    diagnostics.push(...ingested.diagnostics);
    documents.push(...ingested.documents);
  }
  // Site knowledge comes from the whole batch: a line is boilerplate when a site repeats it.
  const sites = stages.learnSites(documents);
  const fresh = new Map<string, Article>();
  for (const document of documents) {
    const article = stages.extract(document, sites);
    diagnostics.push(...article.diagnostics);
    if (article.diagnostics.some((d) => d.severity === "error")) continue;
    const analyzed = stages.analyze(article);
    diagnostics.push(...analyzed.diagnostics.slice(article.diagnostics.length));
    fresh.set(analyzed.id, analyzed); // the same article given twice is kept once
  }

  const stored = (request.previous?.articles ?? []).filter((a) => !fresh.has(a.id));
  // Stored articles take part, so a reprint arriving today joins the wire story stored last week.
  // Only stories with a new article are compared and reported; the others keep their comparison.
  const plan = planCorpus(stages, {
    articles: [...stored, ...fresh.values()],
    previous: request.previous ?? {},
    ...(request.previous?.bases ? { previousBases: request.previous.bases } : {}),
    compareIf: (story) => story.articleIds.some((id) => fresh.has(id)),
  });
  const stories = comparedStories(plan);
  const compared = stories.filter((s) => plan.toCompare.has(s.id));
  const events = plan.events;
  const shown = new Set(compared.flatMap((s) => s.articleIds));
  const articles = plan.articles.filter((a) => shown.has(a.id));

  const result: ParallaxResult = {
    schemaVersion: SCHEMA_VERSION,
    generatedBy: GENERATED_BY,
    articles,
    stories: compared,
    events: events.filter((e) => e.reports.some((r) => shown.has(r.articleId))),
    outlets: stages.profile(compared, articles.map(profiledArticle)),
    diagnostics,
  };
  return { result, stories, events, bases: plan.bases };
}
