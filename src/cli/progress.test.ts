import { describe, expect, it } from "vitest";
import {
  createProgressReporter,
  formatSeconds,
  type LogFormat,
  MAX_LISTED_FAILURES,
  parseDuration,
  printable,
  type RunSummary,
  TTY_REDRAW_MS,
} from "./progress.js";

const ESC = String.fromCharCode(0x1b);
const CLEAR_LINE = `\r${ESC}[2K`;

/** A stream that keeps what is written, and a clock the test moves by hand. */
function harness(format: LogFormat, isTTY: boolean, columns?: number) {
  const chunks: string[] = [];
  let time = 1_000_000;
  const stream = { isTTY, write: (s: string) => chunks.push(s), ...(columns ? { columns } : {}) };
  const reporter = createProgressReporter({ stream, format, now: () => time });
  return {
    reporter,
    chunks,
    output: () => chunks.join(""),
    advance: (ms: number) => {
      time += ms;
    },
  };
}

function summary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    inputs: 12_000,
    done: 11_990,
    skipped: 3,
    failed: 7,
    articles: 11_990,
    stories: 321,
    events: 456,
    phaseSeconds: { sites: 1, analyze: 90, stories: 9 },
    seconds: 100,
    articlesPerSecond: 119.9,
    peakRssMb: 812.4,
    failures: [{ input: "dump.jsonl#line 7", message: "invalid JSON" }],
    ...overrides,
  };
}

/** A message a hostile page could carry: it would clear the screen and retitle the terminal. */
const HOSTILE = `bad ${ESC}[2J${ESC}[1;1Hpage\u009b31m${ESC}]0;owned\u0007 title\nsecond line`;

/** Text that starts and ends as the hostile one, with no control character left in it. */
function oneSafeLine(text: unknown): boolean {
  return (
    typeof text === "string" &&
    text.startsWith("bad ") &&
    text.endsWith("title second line") &&
    !hasControl(text)
  );
}

/** C0 and C1 control characters, newline included. */
function hasControl(text: string): boolean {
  return [...text].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });
}

describe("progress on a terminal", () => {
  it("draws a bar with count, rate and time left, redrawn in place", () => {
    const h = harness("plain", true);
    h.reporter.phase("analyze", 10_000);
    for (let i = 0; i < 1_000; i++) {
      h.advance(10);
      h.reporter.record({ kind: "done", input: `page-${i}.html` });
    }
    const last = h.chunks.at(-1) ?? "";
    expect(last.startsWith(CLEAR_LINE)).toBe(true);
    // 1,000 in 10 s: 100/s, 9,000 left: 1m30s.
    expect(last.slice(CLEAR_LINE.length)).toBe(
      "analyze [##------------------] 1,000/10,000  100.0/s  1m30s left",
    );
    expect(h.output()).not.toContain("\n");
  });

  it("redraws at most every 100 ms", () => {
    const h = harness("plain", true);
    h.reporter.phase("analyze", 100_000);
    for (let i = 0; i < 1_000; i++) {
      h.advance(1);
      h.reporter.record({ kind: "done", input: "x" });
    }
    // 1 s of records one per ms: the first draw and then one per 100 ms.
    expect(h.chunks.length).toBeLessThanOrEqual(1 + 1_000 / TTY_REDRAW_MS + 1);
    expect(h.chunks.length).toBeGreaterThanOrEqual(1_000 / TTY_REDRAW_MS);
  });

  it("shows count and rate only when the total is unknown", () => {
    const h = harness("plain", true);
    h.reporter.phase("read");
    h.advance(2_000);
    for (let i = 0; i < 1_234; i++) h.reporter.record({ kind: "done", input: "x" });
    h.advance(TTY_REDRAW_MS);
    h.reporter.record({ kind: "skipped", input: "y" });
    expect(h.chunks.at(-1)).toBe(`${CLEAR_LINE}read 1,235  588.1/s`);
  });

  it("prints a failure on its own line above the bar, then redraws the bar", () => {
    const h = harness("plain", true);
    h.reporter.phase("analyze", 10);
    h.advance(1_000);
    h.reporter.record({ kind: "failed", input: "crawl.warc.gz#offset 1234", message: "truncated gzip" });
    expect(h.output()).toContain(
      `${CLEAR_LINE}FAILED crawl.warc.gz#offset 1234: truncated gzip\n${CLEAR_LINE}analyze [`,
    );
  });

  it("strips escape sequences and line breaks from what pages and inputs say", () => {
    const h = harness("plain", true);
    h.reporter.phase("analyze", 10);
    h.reporter.record({ kind: "failed", input: HOSTILE, message: HOSTILE });
    h.reporter.note(HOSTILE);
    const printed = h.output().split(CLEAR_LINE).join("");
    expect(hasControl(printed.replaceAll("\n", ""))).toBe(false);
    expect(printed).toContain("FAILED bad page");
    // The failure and the note stay one line each: the break inside them is gone.
    expect(printed.split("\n").filter((l) => l.includes("title second line"))).toHaveLength(2);
  });

  it("keeps the bar inside a narrow terminal", () => {
    const h = harness("plain", true, 30);
    h.reporter.phase("analyze", 10_000);
    expect(h.chunks.at(-1)?.slice(CLEAR_LINE.length).length).toBe(29);
  });

  it("ends the bar's line before the summary", () => {
    const h = harness("plain", true);
    h.reporter.phase("analyze", 1);
    h.reporter.record({ kind: "done", input: "x" });
    h.reporter.finish(summary());
    expect(h.output()).toMatch(/1\/1 {2}0\.0\/s\n12,000 inputs: 11,990 done, 3 skipped, 7 failed\n/);
  });
});

describe("progress in a log (not a terminal)", () => {
  it("writes one line per failure and a progress line at most every 5 s, never a bar", () => {
    const h = harness("plain", false);
    h.reporter.phase("analyze", 10_000);
    for (let i = 0; i < 1_234; i++) {
      h.advance(10);
      h.reporter.record({ kind: i === 3 ? "failed" : "done", input: `page-${i}.html`, message: "no body" });
    }
    const lines = h.output().trimEnd().split("\n");
    expect(lines[0]).toBe("analyze: started (10000 inputs)");
    expect(lines[1]).toBe("FAILED page-3.html: no body");
    // 12.34 s of work: progress at 5 s and 10 s.
    expect(lines.slice(2)).toEqual(["analyze: 500/10000 (100.0/s)", "analyze: 1000/10000 (100.0/s)"]);
    expect(h.output()).not.toContain("\r");
    expect(h.output()).not.toContain(ESC);
  });

  it("prints the phase, notes, and a summary that lists at most 50 failures", () => {
    const h = harness("plain", false);
    h.reporter.phase("stories");
    h.reporter.note("clustering 11,990 articles");
    const failures = Array.from({ length: MAX_LISTED_FAILURES + 7 }, (_, i) => ({
      input: `dump.jsonl#line ${i + 1}`,
      message: "invalid JSON",
    }));
    h.reporter.finish(summary({ failed: failures.length, failures }));
    const text = h.output();
    expect(text).toContain("stories: started\nclustering 11,990 articles\n");
    expect(text).toContain("11,990 articles, 321 stories, 456 events\n");
    expect(text).toContain("1m40s, 119.9 articles/s, peak memory 812 MB\n");
    expect(text).toContain("time per phase: sites 1s, analyze 1m30s, stories 9s\n");
    expect(text).toContain("Failures (57):\n  dump.jsonl#line 1: invalid JSON\n");
    expect(text).toContain("  dump.jsonl#line 50: invalid JSON\n  ... and 7 more\n");
    expect(text).not.toContain("line 51:");
  });
});

describe("progress as JSON lines", () => {
  it("writes one object per line: phase, failed, progress every 5 s, and the summary", () => {
    const h = harness("json", true); // even on a terminal: JSON never draws a bar
    h.reporter.phase("analyze", 600);
    for (let i = 0; i < 600; i++) {
      h.advance(10);
      h.reporter.record({ kind: i === 0 ? "failed" : "done", input: HOSTILE, message: "bad\u0000 record" });
    }
    h.reporter.note("done");
    h.reporter.finish(summary({ failures: [{ input: HOSTILE, message: "x" }] }));
    const objects = h
      .output()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects[0]).toEqual({ event: "phase", phase: "analyze", total: 600 });
    expect(objects[1]).toMatchObject({ event: "failed", message: "bad record" });
    expect(oneSafeLine(objects[1]?.input)).toBe(true);
    expect(objects[2]).toEqual({ event: "progress", phase: "analyze", done: 500, total: 600, rate: 100 });
    expect(objects[3]).toEqual({ event: "note", message: "done" });
    const last = objects[4] as { summary: RunSummary };
    expect(last.summary.inputs).toBe(12_000);
    expect(last.summary.failures).toHaveLength(1);
    expect(oneSafeLine(last.summary.failures[0]?.input)).toBe(true);
    expect(objects).toHaveLength(5);
  });
});

describe("printable", () => {
  it("keeps ordinary text, accents and scripts, and makes one line", () => {
    expect(printable("Café in Zürich: ثلاثة\tقتلى\n")).toBe("Café in Zürich: ثلاثة قتلى");
  });
});

describe("formatSeconds", () => {
  it("reads like a person would say it", () => {
    expect([0, 42.4, 100, 3_600, 7_530].map(formatSeconds)).toEqual(["0s", "42s", "1m40s", "1h00m", "2h05m"]);
  });
});

describe("parseDuration", () => {
  it("reads 15m, 90s, 1h, 2h30m, 500ms, 1.5h", () => {
    expect(parseDuration("15m")).toBe(900_000);
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("1h")).toBe(3_600_000);
    expect(parseDuration("2h30m")).toBe(9_000_000);
    expect(parseDuration(" 500ms ")).toBe(500);
    expect(parseDuration("1.5h")).toBe(5_400_000);
    expect(parseDuration("1d")).toBe(86_400_000);
  });

  it("refuses what is not a duration: no unit, unknown unit, nothing, zero", () => {
    for (const text of ["", "15", "m", "15 m", "15min", "1w", "-5m", "abc", "0s", "1h 30m"]) {
      expect(parseDuration(text), text).toBeUndefined();
    }
  });
});
