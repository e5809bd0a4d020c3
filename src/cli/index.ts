import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { USER_LEXICONS_ENV, userLexiconDir } from "../analyze/lexicons.js";
import type { ContentFormat, Diagnostic } from "../model/index.js";
import { type CommandContext, commands, USAGE } from "./commands.js";
import { parseDuration } from "./progress.js";
import { DEFAULT_HOST, DEFAULT_PORT, WRITE_TOKEN_ENV } from "./serve.js";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin?: AsyncIterable<Uint8Array>;
  /** Terminal width, when stdout is a terminal. */
  columns?: number;
  /** Whether stderr is a terminal (a progress bar is drawn there). */
  stderrIsTTY?: boolean;
  /** Stops a long-running command (`serve`) as SIGINT would: for tests and embedding. */
  signal?: AbortSignal;
}

const FORMATS: readonly ContentFormat[] = ["html", "raw", "text"];

/** Exit codes: 0 all went well, 1 some input failed, 2 the command line itself was wrong. */
export const EXIT = { ok: 0, inputFailed: 1, usage: 2 } as const;

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`parallax: unknown command "${name}" (commands: ${Object.keys(commands).join(", ")})\n`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(rest);
  } catch (error) {
    io.stderr(`parallax ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
  const problem = command.usageProblem?.(parsed);
  if (problem) {
    io.stderr(`parallax ${name}: ${problem}\n`);
    return EXIT.usage;
  }
  const context: CommandContext = { ...parsed, io };
  const diagnostics = await command.run(context);
  if (command.reportsItself)
    return diagnostics.some((d) => d.severity === "error") ? EXIT.inputFailed : EXIT.ok;
  return reportDiagnostics(diagnostics, io);
}

function parseOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      md: { type: "boolean", default: false },
      db: { type: "string", default: "parallax.db" },
      "no-db": { type: "boolean", default: false },
      as: { type: "string" },
      width: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      story: { type: "string" },
      lexicons: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      "write-token": { type: "string" },
      jobs: { type: "string" },
      log: { type: "string" },
      "allow-private": { type: "boolean", default: false },
      every: { type: "string" },
    },
  });
  if (values.as !== undefined && !FORMATS.includes(values.as as ContentFormat)) {
    throw new Error(`--as must be one of ${FORMATS.join(", ")}, not "${values.as}"`);
  }
  if (values.json && values.md) throw new Error("choose one of --json and --md");
  const width = values.width === undefined ? undefined : Number(values.width);
  if (width !== undefined && !(width >= 40)) throw new Error(`--width must be a number of columns >= 40`);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? "0") || !(port >= 0 && port <= MAX_PORT))
    throw new Error(`--port must be a number from 0 to ${MAX_PORT}, not "${values.port}"`);
  if (values.host !== undefined && !/^[\w.:-]+$/.test(values.host))
    throw new Error(`--host must be a host name or address, not "${values.host}"`);
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= MAX_JOBS))
    throw new Error(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${values.jobs}"`);
  if (values.log !== undefined && values.log !== "plain" && values.log !== "json")
    throw new Error(`--log must be plain or json, not "${values.log}"`);
  const everyMs = values.every === undefined ? undefined : parseDuration(values.every);
  if (values.every !== undefined && !(everyMs !== undefined && everyMs >= MIN_WATCH_MS))
    throw new Error(
      `--every must be a duration of at least 1s such as 90s, 15m or 1h, not "${values.every}"`,
    );
  return {
    paths: positionals,
    ...(jobs === undefined ? {} : { jobs }),
    ...(values.log === undefined ? {} : { log: values.log as "plain" | "json" }),
    allowPrivate: values["allow-private"] === true,
    ...(everyMs === undefined ? {} : { everyMs }),
    json: values.json === true,
    md: values.md === true,
    db: values["no-db"] ? undefined : values.db,
    as: values.as as ContentFormat | undefined,
    width,
    format: values.format,
    out: values.out,
    story: values.story,
    lexicons: lexiconFolder(values.lexicons ?? process.env[USER_LEXICONS_ENV]),
    port,
    host: values.host ?? DEFAULT_HOST,
    writeToken: nonEmpty(values["write-token"] ?? process.env[WRITE_TOKEN_ENV]),
  };
}

const MAX_PORT = 65_535;
/** More threads than this is a typo: each holds the knowledge (a few hundred MB). */
const MAX_JOBS = 64;
/** A round a second is already more than any feed changes. */
const MIN_WATCH_MS = 1000;

function nonEmpty(text: string | undefined): string | undefined {
  return text?.trim() ? text.trim() : undefined;
}

/** The user's lexicon folder (`--lexicons`, else $PARALLAX_LEXICONS), checked before any work. */
function lexiconFolder(path: string | undefined): URL | undefined {
  if (!path?.trim()) return undefined;
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new Error(`--lexicons (or $${USER_LEXICONS_ENV}) must be a folder, not "${path}"`);
  return userLexiconDir(path);
}

/** One line per failed input on stderr, then a summary; the exit code says whether any failed. */
function reportDiagnostics(diagnostics: readonly Diagnostic[], io: CliIO): number {
  const errors = diagnostics.filter((d) => d.severity === "error");
  for (const d of errors) io.stderr(`error: ${d.input ?? "(run)"}: ${oneLine(d.message)} [${d.code}]\n`);
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  io.stderr(`parallax: ${errors.length} error(s), ${warnings} warning(s)\n`);
  return errors.length > 0 ? EXIT.inputFailed : EXIT.ok;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
