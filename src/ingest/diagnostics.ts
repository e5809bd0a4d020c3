import type { Diagnostic, Severity } from "../model/index.js";

/** An ingest diagnostic; `input` names the file, "stdin", or "file#line N" for a JSONL record. */
export function ingestDiagnostic(
  severity: Severity,
  code: string,
  message: string,
  input: string,
): Diagnostic {
  return { severity, stage: "ingest", code, message, input };
}

export function warning(code: string, message: string, input: string): Diagnostic {
  return ingestDiagnostic("warning", code, message, input);
}

export function error(code: string, message: string, input: string): Diagnostic {
  return ingestDiagnostic("error", code, message, input);
}
