import { createHash } from "node:crypto";
import { learnSiteBoilerplate, NO_SITE_BOILERPLATE, type SiteBoilerplate } from "../extract/index.js";
import { inputName, type RawInput } from "../ingest/types.js";
import type { AnalysisComponent } from "../analyze/component.js";
import { createTokenizer } from "../analyze/tokens.js";
import type { Article, ContentFormat, Diagnostic, SourceDocument } from "../model/index.js";
import { corpusView, planCorpus } from "../pipeline/corpus.js";
import type { PipelineStages } from "../pipeline/run.js";
import type { SourceItem } from "../sources/index.js";
import type { Store } from "../store/index.js";
import type { AnalyzedInput } from "./analyze-input.js";
import { type AnalysisPool, createAnalysisPool } from "./pool.js";

/** One input finished: stored, skipped (unchanged since it was stored) or failed. */
export interface RunEvent {
  kind: "done" | "skipped" | "failed";
  input: string;
  articles?: number;
  message?: string;
}

/** What a run tells as it goes (a progress bar, log lines); the run never depends on it. */
export interface RunObserver {
  phase(name: string, total?: number): void;
  record(event: RunEvent): void;
  note(message: string): void;
}

export interface IngestRequest {
  /** Opens the sources. */
  open: () => AsyncIterable<SourceItem>;
  /**
   * Opens the sources site boilerplate is learned from before any page is extracted (see
   * learnSites): the local ones, without fetching (a second fetch would find every page unchanged).
   * Absent, no boilerplate is learned.
   */
  openForSites?: () => AsyncIterable<SourceItem>;
  /**
   * Whether `openForSites` yields every unit `open` will (no URLs, no stdin): its count is then
   * the run's total, and progress can tell the time left.
   */
  sitesSeeEverything?: boolean;
  store: Store;
  /** Threads analysing inputs; 1 analyses in this thread. */
  jobs: number;
  /** Builds the stages of this thread: only the corpus stages and ingest (for learning sites) run here. */
  stages: Pick<PipelineStages, "ingest" | "dedupe" | "cluster" | "events" | "compare">;
  as?: ContentFormat;
  lexicons?: URL;
  observer?: RunObserver;
}

export interface IngestOutcome {
  inputs: number;
  done: number;
  skipped: number;
  failed: number;
  /** Articles stored (inserted or updated) by this run. */
  articles: number;
  stories: number;
  events: number;
  /** Seconds each phase took: "sites" (the first pass), "analyze" (the pool), "stories" (the corpus stages). */
  phaseSeconds: Record<string, number>;
  /** Every error and warning, in input order. */
  diagnostics: Diagnostic[];
}

const SILENT: RunObserver = { phase: () => undefined, record: () => undefined, note: () => undefined };

/**
 * A run at scale. Inputs stream from the sources through a pool of threads (ingest, extract,
 * analyze) and are stored one by one, each with its checkpoint in one transaction, in the order
 * the sources give them: the database is the same whatever the number of threads, and a run
 * killed midway and started again skips what it stored and ends where an unbroken run ends.
 * Then the corpus stages run over every stored article and the stories and events are replaced
 * in one transaction; only stories whose articles or events changed are compared again.
 */
export async function ingestSources(request: IngestRequest): Promise<IngestOutcome> {
  const observer = request.observer ?? SILENT;
  const outcome: IngestOutcome = {
    inputs: 0,
    done: 0,
    skipped: 0,
    failed: 0,
    articles: 0,
    stories: 0,
    events: 0,
    phaseSeconds: {},
    diagnostics: [],
  };
  const timed = phaseTimer(outcome.phaseSeconds);

  observer.phase("sites");
  const { sites, units } = await timed("sites", () => learnSites(request));
  const pool = createAnalysisPool(request.jobs, {
    sites,
    ...(request.as ? { as: request.as } : {}),
    ...(request.lexicons ? { lexicons: request.lexicons.href } : {}),
  });
  try {
    observer.phase("analyze", request.sitesSeeEverything ? units : undefined);
    await timed("analyze", () => analyzeAndStore(request, pool, outcome, observer));
  } finally {
    await pool.close();
  }

  observer.phase("stories");
  const counts = await timed("stories", async () => updateCorpus(request));
  outcome.stories = counts.stories;
  outcome.events = counts.events;
  return outcome;
}

/** Runs a phase and adds its wall-clock seconds to `seconds` (the run's edge keeps time, stages do not). */
function phaseTimer(seconds: Record<string, number>) {
  return async <T>(phase: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      seconds[phase] = Math.round((performance.now() - started) / 100) / 10;
    }
  };
}

interface Pending {
  input: RawInput;
  inputHash: string;
  result: Promise<AnalyzedInput>;
}

async function analyzeAndStore(
  request: IngestRequest,
  pool: AnalysisPool,
  outcome: IngestOutcome,
  observer: RunObserver,
): Promise<void> {
  const pending: Pending[] = [];
  const commitOldest = async () => {
    const oldest = pending.shift();
    if (oldest) commit(request.store, oldest, await settle(oldest), outcome, observer);
  };
  for await (const item of request.open()) {
    outcome.inputs++;
    if ("diagnostic" in item) {
      fail(item.diagnostic.input ?? "(source)", item.diagnostic, outcome, observer);
      continue;
    }
    const { input } = item;
    const inputHash = hashOf(input);
    if (request.store.ingestedInput(input.locator, input.record)?.inputHash === inputHash) {
      outcome.skipped++;
      observer.record({ kind: "skipped", input: inputName(input) });
      continue;
    }
    pending.push({ input, inputHash, result: pool.run(input) });
    // Results are stored in input order: the oldest is awaited while the pool works on the rest.
    while (pending.length > pool.window) await commitOldest();
  }
  while (pending.length > 0) await commitOldest();
}

/** A worker that throws (a bug, or out of memory) fails its input, not the run. */
async function settle(pending: Pending): Promise<AnalyzedInput> {
  try {
    return await pending.result;
  } catch (e) {
    const message = `analysis failed: ${e instanceof Error ? e.message : String(e)}`.replace(/\s+/g, " ");
    const diagnostic: Diagnostic = {
      severity: "error",
      stage: "analyze",
      code: "run/worker-failed",
      message,
      input: inputName(pending.input),
    };
    return { articles: [], diagnostics: [diagnostic] };
  }
}

/**
 * Stores one input's articles with its checkpoint. An input that gave no article because of an
 * error is not checkpointed: the next run tries it again and reports it again.
 */
function commit(
  store: Store,
  pending: Pending,
  analyzed: AnalyzedInput,
  outcome: IngestOutcome,
  observer: RunObserver,
): void {
  const name = inputName(pending.input);
  outcome.diagnostics.push(...analyzed.diagnostics);
  const firstError = analyzed.diagnostics.find((d) => d.severity === "error");
  if (analyzed.articles.length === 0 && firstError) {
    outcome.failed++;
    observer.record({ kind: "failed", input: name, message: firstError.message });
    return;
  }
  const { locator, record } = pending.input;
  const articleIds = analyzed.articles.map((a) => a.id);
  store.commitInput(
    { locator, ...(record === undefined ? {} : { record }), inputHash: pending.inputHash, articleIds },
    analyzed.articles,
  );
  outcome.done++;
  outcome.articles += analyzed.articles.length;
  observer.record({ kind: "done", input: name, articles: analyzed.articles.length });
}

function fail(input: string, diagnostic: Diagnostic, outcome: IngestOutcome, observer: RunObserver): void {
  outcome.diagnostics.push(diagnostic);
  if (diagnostic.severity !== "error") return;
  outcome.failed++;
  observer.record({ kind: "failed", input, message: diagnostic.message });
}

/**
 * The bytes and how they are to be read: the same bytes under another type are another input. The
 * fetch time is left out: a page fetched again unchanged is the same input.
 */
function hashOf(input: RawInput): string {
  const { fetchedAt: _time, ...hints } = input.hints ?? {};
  const hash = createHash("sha256");
  hash.update(JSON.stringify([input.contentType ?? "", input.kind ?? "", hints]));
  hash.update(input.bytes);
  return hash.digest("hex");
}

/**
 * Site boilerplate is learned from raw (flattened) pages only, over the whole run before any is
 * extracted, as the in-memory pipeline does: a first pass over the sources keeps just the raw
 * documents' lines, and counts the units. Pages from containers and the web (WARC records, fetched
 * pages: they carry a fetch time) are HTML, cleaned by their markup, so they are only counted.
 */
async function learnSites(request: IngestRequest): Promise<{ sites: SiteBoilerplate; units: number }> {
  if (!request.openForSites) return { sites: NO_SITE_BOILERPLATE, units: 0 };
  const raw: SourceDocument[] = [];
  let units = 0;
  for await (const item of request.openForSites()) {
    units++;
    if (!("input" in item) || item.input.hints?.fetchedAt !== undefined || !mayBeRaw(item.input)) continue;
    for (const document of request.stages.ingest(item.input).documents)
      if (document.format === "raw") raw.push(document);
  }
  return { sites: raw.length === 0 ? NO_SITE_BOILERPLATE : learnSiteBoilerplate(raw), units };
}

/** HTML files cannot give raw documents: skipping them keeps the first pass to a directory listing. */
function mayBeRaw(input: RawInput): boolean {
  return input.kind !== "html" && !/\.(x?html?)$/i.test(input.locator);
}

/**
 * A whole article read back from the store, with its tokens again: the store does not keep them
 * (they are the bulk of an article and come back from the text), and the comparison reads them.
 */
function tokensRestorer(): (article: Article) => Article {
  let tokenizer: AnalysisComponent | undefined;
  return (article) => {
    tokenizer ??= createTokenizer();
    return { ...article, annotations: { ...article.annotations, ...tokenizer.run(article) } };
  };
}

/** The corpus stages over every stored article; stories and events replaced in one transaction. */
function updateCorpus(request: IngestRequest): { stories: number; events: number } {
  const { store } = request;
  const previousBases = store.storyBases();
  const withTokens = tokensRestorer();
  const articles = store.corpusArticles(corpusView);
  const storedGroups = new Map(articles.map((a) => [a.id, JSON.stringify(a.copyGroup ?? null)]));
  const plan = planCorpus(request.stages, {
    articles,
    previous: { stories: store.storyOutlines(), events: store.listEvents() },
    previousBases,
    wholeArticles: (ids) => store.getArticles(ids).map(withTokens),
    compareIf: (story, basis) => previousBases.get(story.id) !== basis,
  });
  const stories = function* () {
    for (const story of plan.stories) yield plan.toCompare.has(story.id) ? plan.compare(story) : story;
  };
  const changedGroups = new Map(
    plan.articles
      .filter((a) => JSON.stringify(a.copyGroup ?? null) !== storedGroups.get(a.id))
      .map((a) => [a.id, a.copyGroup ?? null]),
  );
  store.replaceCorpus(stories(), plan.events, plan.bases, changedGroups);
  return { stories: plan.stories.length, events: plan.events.length };
}
