import { execFileSync } from "node:child_process";
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Article, type Entity, type EntityType, emptyAnnotations } from "../../model/index.js";
import { DEFAULT_GAZETTEER_PATH, type Gazetteer, GAZETTEER_VERSION, loadGazetteer } from "./gazetteer.js";

const ROOT = new URL("../../../", import.meta.url);
const BUILD_SCRIPT = fileURLToPath(new URL("scripts/build-gazetteer.mjs", ROOT));
/** The build's inputs: a built file older than any of them is stale. */
const BUILD_INPUTS = [
  BUILD_SCRIPT,
  ...["supplement.json", "countries-supplement.json", "designators.json"].map((f) =>
    fileURLToPath(new URL(`data/gazetteer/${f}`, ROOT)),
  ),
];
/** Where tests build their own copy when the shared build is stale (not to swap it under others). */
const TEST_GAZETTEER_PATH = fileURLToPath(new URL("data/gazetteer/build/gazetteer-test.json", ROOT));

/**
 * The real built gazetteer, current with the data files: the shared build when it is, else a
 * copy built for the tests (tests only: the product never builds it).
 */
export function builtGazetteer(): Gazetteer {
  if (isCurrent(DEFAULT_GAZETTEER_PATH)) return loadGazetteer();
  if (!isCurrent(TEST_GAZETTEER_PATH)) {
    execFileSync(process.execPath, [BUILD_SCRIPT, "--out", TEST_GAZETTEER_PATH], { stdio: "inherit" });
  }
  return loadGazetteer(TEST_GAZETTEER_PATH);
}

function isCurrent(path: string): boolean {
  if (!existsSync(path) || headerVersion(path) !== GAZETTEER_VERSION) return false;
  const built = statSync(path).mtimeMs;
  return BUILD_INPUTS.every((input) => statSync(input).mtimeMs <= built);
}

function headerVersion(path: string): number | undefined {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(4096);
    const head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString("utf8");
    const match = /"version":(\d+)/.exec(head);
    return match ? Number(match[1]) : undefined;
  } finally {
    closeSync(fd);
  }
}
/** An entity to place in a test text: its surface, the type, and which occurrence (0-based). */
export type EntitySpec = [surface: string, type: EntityType, occurrence?: number];

/** An extracted article with hand-made entities at the offsets where their surfaces occur. */
export function articleWithEntities(text: string, specs: EntitySpec[]): Article {
  const entities = specs.map(([surface, type, occurrence = 0]) => entityAt(text, surface, type, occurrence));
  return {
    id: "test",
    origin: { locator: "test" },
    authors: [],
    text,
    contentHash: "0",
    removed: [],
    credits: [],
    extractedBy: { stage: "extract", method: "test" },
    diagnostics: [],
    annotations: { ...emptyAnnotations(), entities: entities.sort((a, b) => a.start - b.start) },
  };
}

function entityAt(text: string, surface: string, type: EntityType, occurrence: number): Entity {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(surface, start + 1);
    if (start < 0) throw new Error(`test text lacks occurrence ${occurrence} of "${surface}"`);
  }
  return {
    start,
    end: start + surface.length,
    text: surface,
    type,
    canonical: surface,
    actorId: `${type.toLowerCase()}:${surface.toLowerCase()}`,
    provenance: { stage: "analyze", method: "test" },
  };
}
