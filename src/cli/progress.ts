import { stripControls } from "../report/text.js";

/**
 * Progress and logs of a long run (`parallax ingest`, `watch`): a bar redrawn in place on a
 * terminal, plain lines in a log file or pipe, or one JSON object per line with `--log json`.
 * Everything scraped (input names, error messages) is stripped of control characters first:
 * a page must not be able to move the cursor or retitle the user's terminal.
 */

export type LogFormat = "plain" | "json";

import type { IngestOutcome, RunEvent } from "../run/ingest.js";

export type { RunEvent } from "../run/ingest.js";

/** What a run did (its outcome's counts), how fast, and what failed. */
export interface RunSummary extends Omit<IngestOutcome, "diagnostics"> {
  seconds: number;
  articlesPerSecond: number;
  peakRssMb: number;
  failures: { input: string; message: string }[];
}

export interface ProgressReporter {
  /** A new phase ("read", "analyze", "stories"); `total` when the number of units is known. */
  phase(name: string, total?: number): void;
  /** One unit finished. */
  record(event: RunEvent): void;
  /** A one-line message. */
  note(message: string): void;
  /** The summary (in JSON: one line `{"summary": {...}}`). */
  finish(summary: RunSummary): void;
}

export interface ProgressOptions {
  stream: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean; columns?: number };
  format: LogFormat;
  /** Milliseconds since some origin; `Date.now` unless a test gives a fake clock. */
  now?: () => number;
}

/** A terminal bar is redrawn at most this often: 100 ms, ten times a second, smooth to the eye. */
export const TTY_REDRAW_MS = 100;
/** Plain and JSON logs get a progress line at most this often: 5 s, a line a log can afford. */
export const LOG_PROGRESS_MS = 5_000;
/** Failures listed in the closing summary: 50; the JSON summary and the store keep them all. */
export const MAX_LISTED_FAILURES = 50;
/** Cells of the bar: 20, so count, rate and time left fit an 80-column terminal beside it. */
const BAR_CELLS = 20;

const ESCAPE = String.fromCharCode(0x1b);
/** Carriage return, then "erase the whole line" (CSI 2K): the bar is redrawn over itself. */
const CLEAR_LINE = `\r${ESCAPE}[2K`;

/** Where the reporter stands in the current phase. */
interface PhaseState {
  name: string;
  total?: number;
  count: number;
  startedAt: number;
}

export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  const now = options.now ?? Date.now;
  const write = (text: string): void => {
    options.stream.write(text);
  };
  if (options.format === "json") return jsonReporter(write, now);
  if (options.stream.isTTY === true) return terminalReporter(write, now, () => columnsOf(options.stream));
  return plainReporter(write, now);
}

/** One line of scraped text made safe to print: no control characters, no line breaks. */
export function printable(text: string): string {
  return stripControls(text)
    .replace(/[\t\n]+/g, " ")
    .trim();
}

function columnsOf(stream: ProgressOptions["stream"]): number | undefined {
  const columns = (stream as { columns?: unknown }).columns;
  return typeof columns === "number" && columns > 0 ? columns : undefined;
}

function startPhase(name: string, total: number | undefined, at: number): PhaseState {
  return { name, ...(total === undefined ? {} : { total }), count: 0, startedAt: at };
}

/** Units per second since the phase started; 0 until some time has passed. */
function rateOf(phase: PhaseState, at: number): number {
  const seconds = (at - phase.startedAt) / 1000;
  return seconds > 0 ? phase.count / seconds : 0;
}

function terminalReporter(
  write: (text: string) => void,
  now: () => number,
  columns: () => number | undefined,
): ProgressReporter {
  let phase: PhaseState | undefined;
  let drawnAt = Number.NEGATIVE_INFINITY;
  let barShown = false;

  const draw = (force: boolean): void => {
    const at = now();
    if (!phase || (!force && at - drawnAt < TTY_REDRAW_MS)) return;
    const line = barLine(phase, at);
    const width = columns();
    // A line wider than the terminal wraps, and "\r" would then redraw only its last part.
    write(`${CLEAR_LINE}${width === undefined ? line : line.slice(0, width - 1)}`);
    drawnAt = at;
    barShown = true;
  };
  /** Prints whole lines above the bar: the bar is cleared first and redrawn below them. */
  const above = (lines: string): void => {
    write(`${barShown ? CLEAR_LINE : ""}${lines}\n`);
    barShown = false;
    draw(true);
  };

  return {
    phase(name, total) {
      // The last bar of a phase stays on screen, with its final count.
      if (barShown) {
        draw(true);
        write("\n");
      }
      barShown = false;
      phase = startPhase(name, total, now());
      draw(true);
    },
    record(event) {
      if (phase) phase.count++;
      if (event.kind === "failed") above(failureLine(event));
      else draw(phase !== undefined && phase.count === phase.total);
    },
    note(message) {
      above(printable(message));
    },
    finish(summary) {
      if (barShown) draw(true);
      write(`${barShown ? "\n" : ""}${summaryText(summary)}`);
      barShown = false;
      phase = undefined;
    },
  };
}

function plainReporter(write: (text: string) => void, now: () => number): ProgressReporter {
  let phase: PhaseState | undefined;
  let loggedAt = 0;
  return {
    phase(name, total) {
      phase = startPhase(name, total, now());
      loggedAt = phase.startedAt;
      write(`${printable(name)}: started${total === undefined ? "" : ` (${total} inputs)`}\n`);
    },
    record(event) {
      if (phase) phase.count++;
      if (event.kind === "failed") write(`${failureLine(event)}\n`);
      const at = now();
      if (!phase || at - loggedAt < LOG_PROGRESS_MS) return;
      loggedAt = at;
      const total = phase.total === undefined ? "" : `/${phase.total}`;
      write(`${printable(phase.name)}: ${phase.count}${total} (${rateOf(phase, at).toFixed(1)}/s)\n`);
    },
    note(message) {
      write(`${printable(message)}\n`);
    },
    finish(summary) {
      write(summaryText(summary));
    },
  };
}

function jsonReporter(write: (text: string) => void, now: () => number): ProgressReporter {
  let phase: PhaseState | undefined;
  let loggedAt = 0;
  const line = (value: unknown): void => write(`${JSON.stringify(value)}\n`);
  return {
    phase(name, total) {
      phase = startPhase(name, total, now());
      loggedAt = phase.startedAt;
      line({ event: "phase", phase: printable(name), ...(total === undefined ? {} : { total }) });
    },
    record(event) {
      if (phase) phase.count++;
      if (event.kind === "failed") {
        line({ event: "failed", input: printable(event.input), message: printable(event.message ?? "") });
      }
      const at = now();
      if (!phase || at - loggedAt < LOG_PROGRESS_MS) return;
      loggedAt = at;
      const { name, total, count } = phase;
      const rate = Math.round(rateOf(phase, at) * 10) / 10;
      line({ event: "progress", phase: name, done: count, ...(total === undefined ? {} : { total }), rate });
    },
    note(message) {
      line({ event: "note", message: printable(message) });
    },
    finish(summary) {
      const failures = summary.failures.map((f) => ({
        input: printable(f.input),
        message: printable(f.message),
      }));
      line({ summary: { ...summary, failures } });
    },
  };
}

function failureLine(event: RunEvent): string {
  return `FAILED ${printable(event.input)}: ${printable(event.message ?? "failed")}`;
}

/** `analyze [#####---------------] 1,234/10,000  87.5/s  1m40s left`; without a total, count and rate. */
function barLine(phase: PhaseState, at: number): string {
  const rate = rateOf(phase, at);
  const rateText = `${rate.toFixed(1)}/s`;
  const name = printable(phase.name);
  if (phase.total === undefined) return `${name} ${thousands(phase.count)}  ${rateText}`;
  const share = phase.total > 0 ? Math.min(1, phase.count / phase.total) : 1;
  const filled = Math.round(share * BAR_CELLS);
  const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_CELLS - filled)}]`;
  const left = phase.total - phase.count;
  const eta = left <= 0 ? "" : rate > 0 ? `  ${formatSeconds(left / rate)} left` : "";
  return `${name} ${bar} ${thousands(phase.count)}/${thousands(phase.total)}  ${rateText}${eta}`;
}

/** The closing summary for people: counts, rates, memory, then the failures. */
export function summaryText(summary: RunSummary): string {
  const lines = [
    `${thousands(summary.inputs)} inputs: ${thousands(summary.done)} done, ${thousands(summary.skipped)} skipped, ${thousands(summary.failed)} failed`,
    `${thousands(summary.articles)} articles, ${thousands(summary.stories)} stories, ${thousands(summary.events)} events`,
    `${formatSeconds(summary.seconds)}, ${summary.articlesPerSecond.toFixed(1)} articles/s, peak memory ${Math.round(summary.peakRssMb)} MB`,
  ];
  const phases = Object.entries(summary.phaseSeconds);
  if (phases.length > 0)
    lines.push(
      `time per phase: ${phases.map(([name, s]) => `${printable(name)} ${formatSeconds(s)}`).join(", ")}`,
    );
  const failures = summary.failures;
  if (failures.length > 0) {
    lines.push(`Failures (${thousands(failures.length)}):`);
    for (const f of failures.slice(0, MAX_LISTED_FAILURES)) {
      lines.push(`  ${printable(f.input)}: ${printable(f.message)}`);
    }
    if (failures.length > MAX_LISTED_FAILURES) {
      lines.push(`  ... and ${thousands(failures.length - MAX_LISTED_FAILURES)} more`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function thousands(n: number): string {
  return n.toLocaleString("en-US");
}

/** 42s, 1m40s, 2h05m: how long, as a person reads it. */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/**
 * A duration as people write it on a command line ("15m", "90s", "1h", "2h30m", "500ms") in
 * milliseconds; undefined when the text is not one, has no unit, or comes to nothing
 * (a "--every 0s" would poll without pause).
 */
export function parseDuration(text: string): number | undefined {
  const compact = text.trim();
  if (!DURATION.test(compact)) return undefined;
  let total = 0;
  for (const [, amount, unit] of compact.matchAll(DURATION_PART)) {
    total += Number(amount) * (DURATION_UNITS[unit ?? ""] ?? Number.NaN);
  }
  return Number.isFinite(total) && total > 0 ? Math.round(total) : undefined;
}
