import { readFile, stat } from "node:fs/promises";
import { join, normalize, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { error, warning } from "../ingest/diagnostics.js";
import type { RawInput } from "../ingest/types.js";
import type { Diagnostic } from "../model/index.js";

/** A scraped page is well under 5 MB; a JSONL dump of many pages may be tens of MB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** The argument that means standard input, as in most Unix tools. */
export const STDIN_ARG = "-";
export const STDIN_LOCATOR = "stdin";

/** Hidden files and folders are left out by the glob (dot: false); dependencies are never news. */
const IGNORED_FOLDERS = ["**/node_modules/**"];

export interface ReadInputsOptions {
  /** Read for "-"; process.stdin when absent. */
  stdin?: NodeJS.ReadableStream | AsyncIterable<Uint8Array>;
  /** Files (and stdin) larger than this are refused with "ingest/too-large". */
  maxBytes?: number;
}

export interface ReadInputsResult {
  inputs: RawInput[];
  diagnostics: Diagnostic[];
}

/**
 * The input edge: command-line arguments to bytes. Arguments are files, folders (read
 * recursively, without hidden files and node_modules), glob patterns, or "-" for stdin. Files
 * come out sorted and once each, stdin last; what cannot be read becomes an error diagnostic.
 */
export async function readInputs(args: string[], opts: ReadInputsOptions = {}): Promise<ReadInputsResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const diagnostics: Diagnostic[] = [];
  const paths = new Map<string, string>(); // absolute path -> locator as shown to the user

  for (const arg of args) {
    if (arg === STDIN_ARG) continue;
    const found = await expandArg(arg);
    if ("diagnostic" in found) diagnostics.push(found.diagnostic);
    else for (const path of found.paths) if (!paths.has(resolve(path))) paths.set(resolve(path), path);
  }

  const inputs: RawInput[] = [];
  const locators = [...paths.values()].sort(compareCodeUnits);
  for (const locator of locators) {
    const read = await readOneFile(locator, maxBytes);
    if ("diagnostic" in read) diagnostics.push(read.diagnostic);
    else inputs.push(read.input);
  }
  if (args.includes(STDIN_ARG)) {
    const read = await readStdin(opts.stdin ?? process.stdin, maxBytes);
    if ("diagnostic" in read) diagnostics.push(read.diagnostic);
    else inputs.push(read.input);
  }
  return { inputs, diagnostics };
}

/** The files an argument names: itself, the files under a folder, or the matches of a glob. */
async function expandArg(arg: string): Promise<{ paths: string[] } | { diagnostic: Diagnostic }> {
  const info = await stat(arg).catch(() => undefined);
  if (info?.isDirectory()) {
    const files = await glob("**/*", { cwd: arg, dot: false, ignore: IGNORED_FOLDERS, onlyFiles: true });
    if (files.length === 0)
      return { diagnostic: warning("ingest/empty", "folder has no readable files", arg) };
    return { paths: files.map((file) => join(arg, file)) };
  }
  if (info) return { paths: [normalize(arg)] };
  if (!isDynamicPattern(arg)) return { diagnostic: notFound(arg) };
  const { base, rest } = splitPattern(arg);
  const files = await glob(rest, {
    cwd: base,
    dot: false,
    ignore: IGNORED_FOLDERS,
    onlyFiles: true,
    expandDirectories: false,
  });
  return files.length > 0 ? { paths: files.map((file) => join(base, file)) } : { diagnostic: notFound(arg) };
}

// "/data/news/**/*.html" is globbed as "**/*.html" from its static base "/data/news": the paths
// come out as the user wrote them, and the ignore list applies below the base only.
function splitPattern(pattern: string): { base: string; rest: string } {
  const parts = pattern.split("/");
  const firstDynamic = parts.findIndex((part) => isDynamicPattern(part));
  const base = parts.slice(0, firstDynamic).join("/");
  return {
    base: base === "" && pattern.startsWith("/") ? "/" : base || ".",
    rest: parts.slice(firstDynamic).join("/"),
  };
}

type ReadOne = { input: RawInput } | { diagnostic: Diagnostic };

async function readOneFile(locator: string, maxBytes: number): Promise<ReadOne> {
  try {
    const info = await stat(locator);
    if (info.size > maxBytes) return { diagnostic: tooLarge(locator, info.size, maxBytes) };
    const bytes = await readFile(locator);
    return { input: { locator, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { diagnostic: notFound(locator) };
    return { diagnostic: error("ingest/unreadable", `cannot read: ${code ?? String(e)}`, locator) };
  }
}

/** Reads stdin up to the size cap; past it, stops reading and refuses the input. */
async function readStdin(
  stream: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<ReadOne> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > maxBytes) return { diagnostic: tooLarge(STDIN_LOCATOR, size, maxBytes, "more than ") };
    chunks.push(bytes);
  }
  return { input: { locator: STDIN_LOCATOR, bytes: concat(chunks, size) } };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function notFound(arg: string): Diagnostic {
  return error("ingest/not-found", `no such file, folder or matching files: ${arg}`, arg);
}

function tooLarge(locator: string, size: number, maxBytes: number, qualifier = ""): Diagnostic {
  return error("ingest/too-large", `${qualifier}${size} bytes, over the limit of ${maxBytes}`, locator);
}

/** Sorting by code units, not locale, so the order is the same on every machine. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
