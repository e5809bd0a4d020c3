import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Article, type Entity, type EntityType, emptyAnnotations } from "../../model/index.js";
import { DEFAULT_GAZETTEER_PATH, type Gazetteer, loadGazetteer } from "./gazetteer.js";

const BUILD_SCRIPT = fileURLToPath(new URL("../../../scripts/build-gazetteer.mjs", import.meta.url));

/** The real built gazetteer, built first when missing (tests only: the product never builds it). */
export function builtGazetteer(): Gazetteer {
  if (!existsSync(DEFAULT_GAZETTEER_PATH)) {
    execFileSync(process.execPath, [BUILD_SCRIPT], { stdio: "inherit" });
  }
  return loadGazetteer();
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
