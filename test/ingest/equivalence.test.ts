import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeIntoStore } from "../../src/cli/serve.js";
import { readInputs } from "../../src/io/read-inputs.js";
import { createDefaultStages, loadKnowledge } from "../../src/pipeline/default.js";
import { ingestSources } from "../../src/run/ingest.js";
import { openSources } from "../../src/sources/index.js";
import { openSqliteStore } from "../../src/store/index.js";
import { dumpDatabase } from "./support.js";

/**
 * The run at scale reads stored articles back slim (corpusView) for dedupe, clustering and events,
 * and whole ones story by story for the comparison. It must store what the in-memory run stores.
 */
const EXAMPLES = fileURLToPath(new URL("../../examples", import.meta.url));

describe("ingest and analyze give one database", () => {
  it("stores the same articles, stories, comparisons and events for the examples", async () => {
    const stages = createDefaultStages(loadKnowledge());
    const dir = mkdtempSync(join(tmpdir(), "parallax-equal-"));

    const inMemory = openSqliteStore(join(dir, "analyze.db"));
    const { inputs, diagnostics } = await readInputs([EXAMPLES]);
    analyzeIntoStore(stages, inMemory, inputs, diagnostics);
    inMemory.close();

    const atScale = openSqliteStore(join(dir, "ingest.db"));
    await ingestSources({
      open: () => openSources([EXAMPLES]),
      openForSites: () => openSources([EXAMPLES]),
      store: atScale,
      jobs: 1,
      stages,
    });
    atScale.close();

    const analyzed = dumpDatabase(join(dir, "analyze.db"));
    const ingested = dumpDatabase(join(dir, "ingest.db"));
    expect(analyzed.stories.length).toBeGreaterThan(1);
    for (const table of ["articles", "stories", "storyArticles", "events", "eventArticles", "search"]) {
      expect({ table, rows: ingested[table] }).toEqual({ table, rows: analyzed[table] });
    }
  }, 120_000);
});
