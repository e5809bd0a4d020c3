import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { dumpDatabase, finishedInputs, writePages } from "./support.js";

/**
 * The CLI as users run it (the built one: worker threads load compiled modules), on a folder of
 * pages written here: several threads give the database one thread gives, and a run killed with
 * SIGKILL midway, run again, gives the database an unbroken run gives.
 */
const BIN = fileURLToPath(new URL("../../bin/parallax.js", import.meta.url));
const BUILT = fileURLToPath(new URL("../../dist/cli/index.js", import.meta.url));
const PAGES = 120;

function ingest(corpus: string, db: string, jobs: number): ChildProcess {
  return spawn(
    process.execPath,
    [BIN, "ingest", corpus, "--db", db, "--jobs", String(jobs), "--log", "json"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
}

function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string }> {
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout })));
}

function summaryOf(stdout: string): Record<string, unknown> {
  const last = stdout.trim().split("\n").pop() ?? "{}";
  return (JSON.parse(last) as { summary: Record<string, unknown> }).summary;
}

describe("parallax ingest (built CLI)", () => {
  let work: string;
  let corpus: string;
  let reference: ReturnType<typeof dumpDatabase>;
  let referenceLog: string;

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error("dist/ is missing: run `npm run build` before the tests");
    work = mkdtempSync(join(tmpdir(), "parallax-ingest-"));
    corpus = join(work, "pages");
    writePages(corpus, PAGES);
    const db = join(work, "one-thread.db");
    const run = await finished(ingest(corpus, db, 1));
    expect(run.code).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({ inputs: PAGES, done: PAGES, failed: 0 });
    reference = dumpDatabase(db);
    referenceLog = run.stdout;
  }, 180_000);

  it("stores every page once, with stories and events", () => {
    expect(reference.articles).toHaveLength(PAGES);
    expect(reference.inputs).toHaveLength(PAGES);
    expect(reference.stories.length).toBeGreaterThan(1);
    expect(reference.stories.length).toBeLessThan(PAGES);
    expect(reference.events.length).toBeGreaterThan(0);
  });

  it("logs one JSON object per line, with the number of inputs to analyze known before it starts", () => {
    const events = referenceLog
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toContainEqual(
      expect.objectContaining({ event: "phase", phase: "analyze", total: PAGES }),
    );
    expect(events.at(-1)).toHaveProperty("summary.articles", PAGES);
  });

  it("gives the same database with two threads as with one", async () => {
    const db = join(work, "two-threads.db");
    const run = await finished(ingest(corpus, db, 2));
    expect(run.code).toBe(0);
    expect(dumpDatabase(db)).toEqual(reference);
  }, 180_000);

  it("run again over the same pages, skips them all and changes nothing", async () => {
    const db = join(work, "twice.db");
    expect((await finished(ingest(corpus, db, 2))).code).toBe(0);
    const again = await finished(ingest(corpus, db, 2));
    expect(summaryOf(again.stdout)).toMatchObject({ skipped: PAGES, done: 0, articles: 0 });
    expect(dumpDatabase(db)).toEqual(reference);
  }, 180_000);

  it("killed with SIGKILL midway and started again, ends with the database of an unbroken run", async () => {
    const db = join(work, "killed.db");
    const child = ingest(corpus, db, 2);
    const exited = finished(child);
    let atKill = 0;
    while (atKill < 10) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      atKill = finishedInputs(db);
      if (child.exitCode !== null) break;
    }
    child.kill("SIGKILL");
    const killed = await exited;
    expect(killed.code).toBeNull(); // it died, it did not finish
    expect(atKill).toBeGreaterThanOrEqual(10);
    expect(finishedInputs(db)).toBeLessThan(PAGES);

    const rerun = await finished(ingest(corpus, db, 2));
    expect(rerun.code).toBe(0);
    const summary = summaryOf(rerun.stdout);
    expect(summary.skipped as number).toBeGreaterThanOrEqual(atKill);
    expect((summary.skipped as number) + (summary.done as number)).toBe(PAGES);
    expect(dumpDatabase(db)).toEqual(reference);
  }, 180_000);
});
