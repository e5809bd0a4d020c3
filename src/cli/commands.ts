import { readInputs } from "../io/read-inputs.js";
import type { ContentFormat, Diagnostic, ParallaxResult } from "../model/index.js";
import { SCHEMA_VERSION } from "../model/index.js";
import { createDefaultStages, loadKnowledge } from "../pipeline/default.js";
import { GENERATED_BY, runPipeline } from "../pipeline/run.js";
import { renderMarkdown } from "../report/markdown.js";
import { renderTerminal } from "../report/terminal.js";
import { openSqliteStore } from "../store/index.js";
import type { CliIO } from "./index.js";

export interface CommandContext {
  paths: string[];
  json: boolean;
  md: boolean;
  /** Database path; undefined with --no-db. */
  db?: string;
  as?: ContentFormat;
  width?: number;
  io: CliIO;
}

export interface Command {
  summary: string;
  run(context: CommandContext): Promise<Diagnostic[]>;
}

export const commands: Record<string, Command> = {
  analyze: {
    summary: "analyze PATH...   read pages, find stories, print the cross-check (table, --md or --json)",
    run: analyzeCommand,
  },
  extract: {
    summary: "extract PATH...   print one JSON line per article: metadata and clean text",
    run: extractCommand,
  },
  stories: {
    summary: "stories           print the stories stored in the database (table, --md or --json)",
    run: storiesCommand,
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
`;

async function analyzeCommand(ctx: CommandContext): Promise<Diagnostic[]> {
  if (ctx.paths.length === 0) return [usageError("analyze needs at least one PATH (or - for stdin)")];
  const { inputs, diagnostics } = await readInputs(ctx.paths, { stdin: ctx.io.stdin });
  const stages = createDefaultStages(loadKnowledge(), { as: ctx.as });
  const store = ctx.db ? openSqliteStore(ctx.db) : undefined;
  try {
    const previous = store ? { articles: store.listArticles(), stories: store.listStories() } : undefined;
    const outcome = runPipeline(stages, { inputs, previous, diagnostics });
    if (store) {
      store.upsertArticles(outcome.result.articles);
      store.replaceStories(outcome.stories);
    }
    printResult(outcome.result, ctx);
    return outcome.result.diagnostics;
  } finally {
    store?.close();
  }
}

async function extractCommand(ctx: CommandContext): Promise<Diagnostic[]> {
  if (ctx.paths.length === 0) return [usageError("extract needs at least one PATH (or - for stdin)")];
  const { inputs, diagnostics } = await readInputs(ctx.paths, { stdin: ctx.io.stdin });
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
    printResult(
      { schemaVersion: SCHEMA_VERSION, generatedBy: GENERATED_BY, articles, stories, events: [], diagnostics: [] },
      ctx,
    );
    return [];
  } finally {
    store.close();
  }
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
