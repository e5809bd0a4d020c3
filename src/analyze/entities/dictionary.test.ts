import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActorDictionary, aliasText, DEFAULT_ACTORS_DIR, loadActorDictionary } from "./dictionary.js";

const CHECK_SCRIPT = fileURLToPath(new URL("../../../scripts/check-actors.mjs", import.meta.url));

describe("actor dictionary", () => {
  let dictionary: ActorDictionary;
  beforeAll(() => {
    dictionary = loadActorDictionary();
  });

  it("covers the seed actors and at least 150 more", () => {
    const ids = new Set(dictionary.actors.map((a) => a.id));
    for (const id of [
      "isis",
      "syrian-arab-army",
      "sdf",
      "hezbollah",
      "ap",
      "time",
      "sohr",
      "person:bashar-al-assad",
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(dictionary.actors.length).toBeGreaterThanOrEqual(170);
  });

  it("marks short ambiguous names as case-sensitive or context-bound", () => {
    const time = dictionary.actors.find((a) => a.id === "time");
    const bare = time?.aliases.find((a) => aliasText(a) === "Time");
    expect(bare).toMatchObject({ caseSensitive: true, requiresContext: ["source"] });
  });

  it("has a demonym table with countries", () => {
    const lebanese = dictionary.demonyms.find((d) => d.demonym === "Lebanese");
    expect(lebanese?.country).toBe("LB");
    expect(dictionary.demonyms.find((d) => d.demonym === "Syrian")?.plural).toBe("Syrians");
  });
});

describe("scripts/check-actors.mjs", () => {
  let broken: string;
  beforeAll(() => {
    broken = mkdtempSync(join(tmpdir(), "actors-"));
    cpSync(DEFAULT_ACTORS_DIR, broken, { recursive: true });
    const file = join(broken, "actors.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.actors.push({
      id: "isis",
      canonical: "Duplicate",
      type: "ORG",
      category: "armed-group",
      aliases: ["Hezbollah"],
    });
    data.actors.push({ id: "no-type", canonical: "X", category: "media", aliases: ["X Daily"] });
    writeFileSync(file, JSON.stringify(data));
  });
  afterAll(() => rmSync(broken, { recursive: true, force: true }));

  it("accepts the committed files", () => {
    expect(() => execFileSync(process.execPath, [CHECK_SCRIPT], { stdio: "pipe" })).not.toThrow();
  });

  it("rejects duplicate ids, shared aliases and missing fields", () => {
    const result = spawnSync(process.execPath, [CHECK_SCRIPT, broken], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("duplicate id");
    expect(result.stderr).toContain('"Hezbollah" names both hezbollah and isis');
    expect(result.stderr).toContain("(no-type): type must be one of");
  });
});
