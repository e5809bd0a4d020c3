import { stat } from "node:fs/promises";
import { join, normalize, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { error, warning } from "../ingest/diagnostics.js";
import type { Diagnostic } from "../model/index.js";

/**
 * Path arguments to files, as src/io/read-inputs.ts expands them: a file, the files under a
 * folder (recursive, no hidden files, no node_modules), or a glob's matches. Only names are
 * listed here; nothing is read.
 */

/** Hidden files and folders are left out by the glob (dot: false); dependencies are never news. */
const IGNORED_FOLDERS = ["**/node_modules/**"];

export interface PathListing {
  /** Files once each, sorted by code units, as the user wrote them. */
  paths: string[];
  diagnostics: Diagnostic[];
}

export async function listPaths(args: readonly string[]): Promise<PathListing> {
  const diagnostics: Diagnostic[] = [];
  const paths = new Map<string, string>(); // absolute path -> locator as shown to the user
  for (const arg of args) {
    const found = await expandArg(arg);
    if ("diagnostic" in found) diagnostics.push(found.diagnostic);
    else for (const path of found.paths) if (!paths.has(resolve(path))) paths.set(resolve(path), path);
  }
  return { paths: [...paths.values()].sort(compareCodeUnits), diagnostics };
}

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

// "/data/news/**/*.html" is globbed as "**/*.html" from its static base "/data/news".
function splitPattern(pattern: string): { base: string; rest: string } {
  const parts = pattern.split("/");
  const firstDynamic = parts.findIndex((part) => isDynamicPattern(part));
  const base = parts.slice(0, firstDynamic).join("/");
  return {
    base: base === "" && pattern.startsWith("/") ? "/" : base || ".",
    rest: parts.slice(firstDynamic).join("/"),
  };
}

export function notFound(arg: string): Diagnostic {
  return error("ingest/not-found", `no such file, folder or matching files: ${arg}`, arg);
}

/** Sorting by code units, not locale, so the order is the same on every machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
