import { closeSync, existsSync, openSync, writeSync } from "node:fs";
import { loadEventTaxonomy } from "../analyze/event-types/data.js";
import {
  createStreamingExporter,
  EXPORT_KINDS,
  type ExportFormat,
  type ExportKind,
  loadAcledCodes,
} from "../export/index.js";
import { createFetcher } from "../fetch/index.js";
import { readInputs } from "../io/read-inputs.js";
import type { ContentFormat, Diagnostic, ParallaxResult } from "../model/index.js";
import { SCHEMA_VERSION } from "../model/index.js";
import { createDefaultStages, loadKnowledge } from "../pipeline/default.js";
import { GENERATED_BY } from "../pipeline/run.js";
import { renderMarkdown, renderOutletProfilesMarkdown } from "../report/markdown.js";
import { renderOutletProfiles, renderTerminal } from "../report/terminal.js";
import { openSqliteStore } from "../store/index.js";
import type { CliIO } from "./index.js";
import { defaultJobs, ingestCommand, watchCommand } from "./ingest.js";
import {
  analyzeIntoStore,
  DEFAULT_HOST,
  DEFAULT_PORT,
  startServer,
  WRITE_TOKEN_ENV,
  webRootOrUndefined,
} from "./serve.js";

export interface CommandContext {
  paths: string[];
  json: boolean;
  md: boolean;
  /** Database path; undefined with --no-db. */
  db?: string;
  as?: ContentFormat;
  width?: number;
  /** `export`: the format to write. */
  format?: string;
  /** `export`: the file to write; stdout when absent. */
  out?: string;
  /** `analyze`, `stories`: report only the story with this id. */
  story?: string;
  /** The user's framing.json / labels.json folder, merged over the project's lexicons. */
  lexicons?: URL;
  /** `serve`: where to listen, and the token imports need (imports are off without one). */
  port?: number;
  host?: string;
  writeToken?: string;
  /** `ingest`, `watch`: threads, log format, private addresses, and the time between rounds. */
  jobs?: number;
  log?: "plain" | "json";
  allowPrivate?: boolean;
  everyMs?: number;
  io: CliIO;
}

export interface Command {
  summary: string;
  /** A problem with the command line itself, as one line; checked before the command runs. */
  usageProblem?(context: Omit<CommandContext, "io">): string | undefined;
  run(context: CommandContext): Promise<Diagnostic[]>;
  /** The command prints its own failures and summary; the CLI only turns them into the exit code. */
  reportsItself?: boolean;
}

export const commands: Record<string, Command> = {
  analyze: {
    summary: "analyze PATH...   read pages, find stories, print the cross-check (table, --md or --json)",
    run: analyzeCommand,
  },
  extract: {
    summary: "extract PATH...   print one JSON line per article: metadata and clean text",
    usageProblem: (ctx) => storyProblem("extract", ctx),
    run: extractCommand,
  },
  ingest: {
    summary:
      "ingest SOURCE...  read files, folders, WARC, JSONL, feeds, sitemaps, URL lists or URLs into the\n" +
      "                    database on every core (--jobs N), with progress; then update the stories",
    usageProblem: (ctx) => sourcesProblem("ingest", ctx),
    run: (ctx) => ingestCommand(ctx, ingestSettings(ctx)),
    reportsItself: true,
  },
  watch: {
    summary:
      "watch FEED...     follow feeds or sitemaps: every --every (default 15m) read what is new, until Ctrl-C",
    usageProblem: (ctx) => sourcesProblem("watch", ctx),
    run: (ctx) => watchCommand(ctx, { ...ingestSettings(ctx), everyMs: ctx.everyMs ?? DEFAULT_WATCH_MS }),
    reportsItself: true,
  },
  stories: {
    summary: "stories           print the stories stored in the database (table, --md or --json)",
    run: storiesCommand,
  },
  outlets: {
    summary:
      "outlets           print each outlet across the stored stories: whom it quotes, its labels,\n" +
      "                    how often it alone tells, contradicts or leaves out a fact (table, --md or --json)",
    usageProblem: (ctx) => storyProblem("outlets", ctx),
    run: outletsCommand,
  },
  export: {
    summary:
      "export events|stories --format csv|json|geojson [--out FILE]\n" +
      "                    write the stored events (ACLED's columns, then Parallax's) or stories",
    usageProblem: exportUsageProblem,
    run: exportCommand,
  },
  serve: {
    summary:
      "serve             serve the web app and the JSON API (/api, described at /api/openapi.json)\n" +
      "                    over the database, until Ctrl-C",
    usageProblem: serveUsageProblem,
    run: serveCommand,
  },
};

export const USAGE = `parallax: cross-check how news outlets report the same story

Usage: parallax <command> [options]

Commands:
${Object.values(commands)
  .map((c) => `  ${c.summary}`)
  .join("\n")}

PATH is a file, a folder (read recursively), a glob ("pages/**/*.html") or - for stdin.
.html/.htm are pages, .txt raw scraped text, .json/.jsonl records {id?, url?, outlet?, title?,
published?, text? | html? | raw?}.

Options:
  --json          print the whole result as JSON (schema: schema/parallax-output.schema.json)
  --md            print a Markdown report
  --db PATH       SQLite database to update (default ./parallax.db)
  --no-db         do not read or write a database
  --as FORMAT     read every input as html, raw or text, whatever its extension
  --width N       width of the terminal table (default: the terminal's, else 120)
  --format F      export: csv, json or geojson (geojson for events only)
  --out FILE      export: write to FILE instead of stdout
  --lexicons DIR  a folder with your own framing.json and/or labels.json, merged over Parallax's
                  (entries with the same term replace ours; default: $PARALLAX_LEXICONS)
  --story ID      analyze, stories: report only the story with this id
  --port N        serve: port to listen on (default 8080; 0 picks a free one)
  --host H        serve: address to bind (default 127.0.0.1, this machine only)
  --jobs N        ingest, watch: threads analysing pages (default: every core, here ${defaultJobs()})
  --log F         ingest, watch: plain (a progress bar on a terminal) or json (one object per line)
  --allow-private ingest, watch: also fetch loopback, private and link-local addresses
  --every D       watch: time between rounds, e.g. 90s, 15m, 1h (default 15m)
  --write-token T serve: allow POST /api/import with "Authorization: Bearer T"
                  (default: $${WRITE_TOKEN_ENV}; imports are off without a token)
`;

/** Every unit of the sources, with URLs, feeds and sitemaps fetched politely (see src/fetch/). */
async function collectSources(ctx: CommandContext): ReturnType<typeof readInputs> {
  const fetcher = createFetcher({ allowPrivate: ctx.allowPrivate === true });
  try {
    return await readInputs(ctx.paths, { fetcher, ...(ctx.io.stdin ? { stdin: ctx.io.stdin } : {}) });
  } finally {
    fetcher.close();
  }
}

async function analyzeCommand(ctx: CommandContext): Promise<Diagnostic[]> {
  if (ctx.paths.length === 0) return [usageError("analyze needs at least one PATH (or - for stdin)")];
  const { inputs, diagnostics } = await collectSources(ctx);
  const stages = createDefaultStages(loadKnowledge({ userLexicons: ctx.lexicons }), { as: ctx.as });
  const store = ctx.db ? openSqliteStore(ctx.db) : undefined;
  try {
    const outcome = analyzeIntoStore(stages, store, inputs, diagnostics);
    const shown = storyFilter(outcome.result, ctx.story);
    if ("problem" in shown) return [...outcome.result.diagnostics, shown.problem];
    printResult(shown.result, ctx);
    return outcome.result.diagnostics;
  } finally {
    store?.close();
  }
}

async function extractCommand(ctx: CommandContext): Promise<Diagnostic[]> {
  if (ctx.paths.length === 0) return [usageError("extract needs at least one PATH (or - for stdin)")];
  const { inputs, diagnostics } = await collectSources(ctx);
  const stages = createDefaultStages(undefined, { as: ctx.as });
  const all = [...diagnostics];
  const documents = inputs.flatMap((input) => {
    const ingested = stages.ingest(input);
    all.push(...ingested.diagnostics);
    return ingested.documents;
  });
  const sites = stages.learnSites(documents);
  for (const document of documents) {
    const { annotations: _annotations, ...article } = stages.extract(document, sites);
    all.push(...article.diagnostics);
    if (article.diagnostics.some((d) => d.severity === "error")) continue;
    ctx.io.stdout(
      ctx.json
        ? `${JSON.stringify(article)}\n`
        : `${article.title?.value ?? article.id}\n\n${article.text}\n\n`,
    );
  }
  return all;
}

async function storiesCommand(ctx: CommandContext): Promise<Diagnostic[]> {
  if (!ctx.db) return [usageError("stories reads the database: --no-db makes no sense here")];
  const store = openSqliteStore(ctx.db);
  try {
    const stories = store.listStories();
    const ids = new Set(stories.flatMap((s) => s.articleIds));
    const articles = store.listArticles().filter((a) => ids.has(a.id));
    const eventIds = new Set(stories.flatMap((s) => s.eventIds ?? []));
    const events = store.listEvents().filter((e) => eventIds.has(e.id));
    const shown = storyFilter(
      {
        schemaVersion: SCHEMA_VERSION,
        generatedBy: GENERATED_BY,
        articles,
        stories,
        events,
        diagnostics: [],
      },
      ctx.story,
    );
    if ("problem" in shown) return [shown.problem];
    printResult(shown.result, ctx);
    return [];
  } finally {
    store.close();
  }
}

/** Stories listed in a "no such story" message before "…": `parallax stories` lists them all. */
const MAX_LISTED_STORIES = 5;

/**
 * The result narrowed to one story (with its articles and events), or a problem naming the
 * stories there are; the whole result without --story.
 */
function storyFilter(
  result: ParallaxResult,
  id: string | undefined,
): { result: ParallaxResult } | { problem: Diagnostic } {
  if (id === undefined) return { result };
  const story = result.stories.find((s) => s.id === id);
  if (!story) {
    const ids = result.stories.map((s) => s.id);
    const listed =
      ids.slice(0, MAX_LISTED_STORIES).join(", ") + (ids.length > MAX_LISTED_STORIES ? ", …" : "");
    const known = ids.length > 0 ? ` (stories: ${listed})` : " (there are no stories)";
    return { problem: { ...usageError(`no story "${id}"${known}`), code: "cli/no-story" } };
  }
  const articleIds = new Set(story.articleIds);
  const eventIds = new Set(story.eventIds ?? []);
  return {
    result: {
      ...result,
      articles: result.articles.filter((a) => articleIds.has(a.id)),
      stories: [story],
      events: result.events.filter((e) => eventIds.has(e.id)),
    },
  };
}

function storyProblem(command: string, ctx: Omit<CommandContext, "io">): string | undefined {
  return ctx.story === undefined ? undefined : `--story works with analyze and stories, not ${command}`;
}

async function outletsCommand(ctx: CommandContext): Promise<Diagnostic[]> {
  if (!ctx.db) return [usageError("outlets reads the database: --no-db makes no sense here")];
  if (ctx.paths.length > 0) return [usageError(`outlets takes no PATH, not "${ctx.paths.join(" ")}"`)];
  if (!existsSync(ctx.db)) return [noDatabase(ctx.db)];
  const store = openSqliteStore(ctx.db);
  try {
    const profiles = store.outletProfiles();
    if (ctx.json) ctx.io.stdout(`${JSON.stringify(profiles, null, 2)}\n`);
    else if (ctx.md) ctx.io.stdout(`# Parallax outlet profiles\n\n${renderOutletProfilesMarkdown(profiles)}`);
    else ctx.io.stdout(`${renderOutletProfiles(profiles, { width: ctx.width ?? ctx.io.columns ?? 120 })}\n`);
    return [];
  } finally {
    store.close();
  }
}

/** Opening a missing database would create an empty one and report nothing, silently. */
function noDatabase(db: string): Diagnostic {
  return {
    ...usageError(`no database at ${db}: run parallax analyze first`),
    code: "cli/no-database",
    input: db,
  };
}

function exportUsageProblem(ctx: Omit<CommandContext, "io">): string | undefined {
  const storyUse = storyProblem("export", ctx);
  if (storyUse) return storyUse;
  const [kind, ...extra] = ctx.paths;
  const kinds = Object.keys(EXPORT_KINDS);
  if (!kind || !(kind in EXPORT_KINDS)) return `export needs what to export: ${kinds.join(" or ")}`;
  if (extra.length > 0) return `export takes one of ${kinds.join(", ")}, not also "${extra.join(" ")}"`;
  const formats = EXPORT_KINDS[kind as ExportKind];
  if (!ctx.format || !formats.includes(ctx.format as ExportFormat))
    return `--format for ${kind} must be one of ${formats.join(", ")}${ctx.format ? `, not "${ctx.format}"` : ""}`;
  if (!ctx.db) return "export reads the database: --no-db makes no sense here";
  return undefined;
}

/** Writes what the database holds; the command line was checked by exportUsageProblem. */
async function exportCommand(ctx: CommandContext): Promise<Diagnostic[]> {
  const kind = ctx.paths[0] as ExportKind;
  const db = ctx.db as string;
  if (!existsSync(db)) return [noDatabase(db)];
  const exporter = createStreamingExporter({ taxonomy: loadEventTaxonomy(), codes: loadAcledCodes() });
  const store = openSqliteStore(db);
  let warnings: string[];
  try {
    // Written as the store is read, page by page: a large database is never held whole.
    const output = exporter(kind, ctx.format as ExportFormat, store.exportSource());
    if (ctx.out) {
      const file = openSync(ctx.out, "w");
      try {
        for (const chunk of output.chunks) writeSync(file, chunk);
      } finally {
        closeSync(file);
      }
    } else for (const chunk of output.chunks) ctx.io.stdout(chunk);
    warnings = output.warnings();
  } finally {
    store.close();
  }
  for (const warning of warnings) ctx.io.stderr(`parallax export: warning: ${warning}\n`);
  return warnings.map((message) => ({
    severity: "warning",
    stage: "report",
    code: "export/left-out",
    message,
  }));
}

/** Fifteen minutes: news feeds change every few minutes, and polite crawlers do not poll faster. */
export const DEFAULT_WATCH_MS = 15 * 60_000;

function sourcesProblem(command: string, ctx: Omit<CommandContext, "io">): string | undefined {
  if (ctx.paths.length === 0) return `${command} needs at least one SOURCE`;
  if (!ctx.db) return `${command} stores what it reads: --no-db makes no sense here`;
  if (ctx.json || ctx.md) return `${command} prints a summary, not a report: use --log json for JSON lines`;
  return storyProblem(command, ctx);
}

function ingestSettings(ctx: CommandContext) {
  return {
    jobs: ctx.jobs ?? defaultJobs(),
    log: ctx.log ?? "plain",
    allowPrivate: ctx.allowPrivate === true,
  };
}

function serveUsageProblem(ctx: Omit<CommandContext, "io">): string | undefined {
  if (ctx.paths.length > 0) return `serve takes no PATH, not "${ctx.paths.join(" ")}"`;
  if (!ctx.db) return "serve reads the database: --no-db makes no sense here";
  return storyProblem("serve", ctx);
}

/** Serves until SIGINT/SIGTERM (or the io's signal), then closes the server and the store. */
async function serveCommand(ctx: CommandContext): Promise<Diagnostic[]> {
  const db = ctx.db as string;
  const webRoot = webRootOrUndefined();
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      db,
      port: ctx.port ?? DEFAULT_PORT,
      host: ctx.host ?? DEFAULT_HOST,
      ...(ctx.writeToken ? { writeToken: ctx.writeToken } : {}),
      ...(webRoot ? { webRoot } : {}),
      ...(ctx.as ? { as: ctx.as } : {}),
      ...(ctx.lexicons ? { lexicons: ctx.lexicons } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ ...usageError(`cannot serve: ${message}`), code: "cli/serve" }];
  }
  if (!webRoot) ctx.io.stderr("parallax serve: no built web app (npm run build): serving the API only\n");
  ctx.io.stdout(
    `parallax: serving ${server.url} (database ${db}, imports ${ctx.writeToken ? "on" : "off"})\n`,
  );
  await untilStopped(ctx.io.signal);
  await server.close();
  return [];
}

function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      signal?.removeEventListener("abort", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener("abort", stop, { once: true });
  });
}

function printResult(result: ParallaxResult, ctx: CommandContext): void {
  if (ctx.json) ctx.io.stdout(`${JSON.stringify(withoutTokens(result), null, 2)}\n`);
  else if (ctx.md) ctx.io.stdout(renderMarkdown(result));
  else ctx.io.stdout(`${renderTerminal(result, { width: ctx.width ?? ctx.io.columns ?? 120 })}\n`);
}

/** Tokens are an internal layer: large, and derivable again from the text. */
function withoutTokens(result: ParallaxResult): ParallaxResult {
  return {
    ...result,
    articles: result.articles.map((a) => ({ ...a, annotations: { ...a.annotations, tokens: [] } })),
  };
}

function usageError(message: string): Diagnostic {
  return { severity: "error", stage: "ingest", code: "cli/usage", message };
}
