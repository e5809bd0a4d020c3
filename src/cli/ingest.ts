import { availableParallelism } from "node:os";
import { createFetcher } from "../fetch/index.js";
import type { Diagnostic } from "../model/index.js";
import { createDefaultStages, loadKnowledge } from "../pipeline/default.js";
import { type IngestOutcome, ingestSources } from "../run/ingest.js";
import { openSources } from "../sources/index.js";
import { openSqliteStore, type Store } from "../store/index.js";
import type { CommandContext } from "./commands.js";
import { createProgressReporter, type ProgressReporter, type RunSummary } from "./progress.js";

/** What `ingest` and `watch` read from the command line beyond the common options. */
export interface IngestSettings {
  /** Threads analysing inputs (default: every core). */
  jobs: number;
  log: "plain" | "json";
  /** Fetch loopback, private and link-local addresses too (a crawl of one's own intranet). */
  allowPrivate: boolean;
}

export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Reads the sources into the database with every core (`parallax ingest`): progress as it goes,
 * then a summary. Returns the errors, whose count makes the exit code.
 */
export async function ingestCommand(ctx: CommandContext, settings: IngestSettings): Promise<Diagnostic[]> {
  const store = openSqliteStore(ctx.db as string);
  const reporter = reporterFor(ctx, settings);
  try {
    const started = performance.now();
    const outcome = await ingestOnce(ctx, settings, store, reporter);
    reporter.finish(summaryOf(outcome, started));
    return outcome.diagnostics.filter((d) => d.severity === "error");
  } finally {
    store.close();
  }
}

/** One pass over the sources into the store (the body of `ingest`, and of each round of `watch`). */
export async function ingestOnce(
  ctx: CommandContext,
  settings: IngestSettings,
  store: Store,
  reporter: ProgressReporter,
): Promise<IngestOutcome> {
  const knowledge = loadKnowledge(ctx.lexicons ? { userLexicons: ctx.lexicons } : {});
  const stages = createDefaultStages(knowledge, ctx.as ? { as: ctx.as } : {});
  const fetcher = createFetcher({ allowPrivate: settings.allowPrivate, validators: store.validators });
  const local = ctx.paths.filter((path) => !/^https?:\/\//i.test(path));
  try {
    return await ingestSources({
      open: () => openSources(ctx.paths, { fetcher, ...(ctx.io.stdin ? { stdin: ctx.io.stdin } : {}) }),
      openForSites: () => openSources(local.filter((path) => path !== "-")),
      sitesSeeEverything: local.length === ctx.paths.length && !ctx.paths.includes("-"),
      store,
      jobs: settings.jobs,
      stages,
      ...(ctx.as ? { as: ctx.as } : {}),
      ...(ctx.lexicons ? { lexicons: ctx.lexicons } : {}),
      observer: reporter,
    });
  } finally {
    fetcher.close();
  }
}

export function reporterFor(ctx: CommandContext, settings: IngestSettings): ProgressReporter {
  // Machine-readable lines go to stdout, where a pipe reads them; a bar and human lines to stderr.
  const json = settings.log === "json";
  return createProgressReporter({
    stream: {
      write: (text: string) => (json ? ctx.io.stdout(text) : ctx.io.stderr(text)),
      isTTY: !json && ctx.io.stderrIsTTY === true,
    },
    format: settings.log,
  });
}

export function summaryOf(outcome: IngestOutcome, started: number): RunSummary {
  const seconds = (performance.now() - started) / 1000;
  return {
    inputs: outcome.inputs,
    done: outcome.done,
    skipped: outcome.skipped,
    failed: outcome.failed,
    articles: outcome.articles,
    stories: outcome.stories,
    events: outcome.events,
    phaseSeconds: outcome.phaseSeconds,
    seconds: Math.round(seconds * 10) / 10,
    articlesPerSecond: seconds > 0 ? Math.round((outcome.articles / seconds) * 10) / 10 : 0,
    // maxRSS covers the whole process, worker threads included (they share it).
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    failures: outcome.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => ({ input: d.input ?? "(run)", message: d.message })),
  };
}

/**
 * Follows feeds (`parallax watch FEED... --every 15m`): a round reads them with conditional
 * requests, analyses what is new or changed and updates the stories; then it waits for the next
 * round until SIGINT, SIGTERM or the io's signal. Each round prints its summary.
 */
export async function watchCommand(
  ctx: CommandContext,
  settings: IngestSettings & { everyMs: number },
): Promise<Diagnostic[]> {
  const store = openSqliteStore(ctx.db as string);
  const reporter = reporterFor(ctx, settings);
  const stop = stopSignal(ctx.io.signal);
  let errors: Diagnostic[] = [];
  try {
    while (!stop.signal.aborted) {
      const started = performance.now();
      const outcome = await ingestOnce(ctx, settings, store, reporter);
      reporter.finish(summaryOf(outcome, started));
      errors = outcome.diagnostics.filter((d) => d.severity === "error");
      await sleep(settings.everyMs, stop.signal);
    }
    return errors;
  } finally {
    stop.dispose();
    store.close();
  }
}

/** Aborted by SIGINT, SIGTERM or the given signal; dispose() removes the process listeners. */
function stopSignal(outer: AbortSignal | undefined): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once("SIGINT", abort);
  process.once("SIGTERM", abort);
  outer?.addEventListener("abort", abort, { once: true });
  if (outer?.aborted) abort();
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", abort);
      process.off("SIGTERM", abort);
      outer?.removeEventListener("abort", abort);
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
