import type { RawInput } from "../ingest/types.js";
import type { Diagnostic } from "../model/index.js";
import {
  DEFAULT_SOURCE_OPTIONS,
  type Fetcher,
  openSources,
  STDIN_ARG,
  STDIN_LOCATOR,
} from "../sources/index.js";

/** A scraped page is well under 5 MB; a JSONL dump of many pages may be tens of MB. */
export const DEFAULT_MAX_BYTES = DEFAULT_SOURCE_OPTIONS.maxBytes;
export { STDIN_ARG, STDIN_LOCATOR };

export interface ReadInputsOptions {
  /** Read for "-"; process.stdin when absent. */
  stdin?: NodeJS.ReadableStream | AsyncIterable<Uint8Array>;
  /** Files (and stdin) larger than this are refused with "ingest/too-large". */
  maxBytes?: number;
  /** Fetches URLs, feeds, sitemaps and URL lists; without one they fail with a diagnostic. */
  fetcher?: Fetcher;
}

export interface ReadInputsResult {
  inputs: RawInput[];
  diagnostics: Diagnostic[];
}

/**
 * Every unit of the sources, held in memory for a run of the in-memory pipeline (`analyze`,
 * `extract`, the server's import): what `openSources` streams, collected. Files come out sorted
 * and once each, stdin last; what cannot be read becomes an error diagnostic.
 */
export async function readInputs(args: string[], opts: ReadInputsOptions = {}): Promise<ReadInputsResult> {
  const inputs: RawInput[] = [];
  const diagnostics: Diagnostic[] = [];
  const options = {
    ...(opts.stdin ? { stdin: opts.stdin } : {}),
    ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
    ...(opts.fetcher ? { fetcher: opts.fetcher } : {}),
  };
  for await (const item of openSources(args, options)) {
    if ("input" in item) inputs.push(item.input);
    else diagnostics.push(item.diagnostic);
  }
  return { inputs, diagnostics };
}
