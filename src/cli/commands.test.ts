import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { OutletProfile, ParallaxResult } from "../model/index.js";
import { EXIT, main } from "./index.js";

const SEEDS = new URL("../../examples/albu-kamal", import.meta.url).pathname;

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    columns: 140,
  });
  return { code, stdout, stderr };
}

describe("--story and the outlets command, over a database of the seeds", () => {
  let db: string;
  let storyId: string;

  beforeAll(async () => {
    db = join(mkdtempSync(join(tmpdir(), "parallax-cli-")), "parallax.db");
    const analyzed = await run(["analyze", SEEDS, "--db", db, "--json"]);
    expect(analyzed.code).toBe(EXIT.ok);
    storyId = (JSON.parse(analyzed.stdout) as ParallaxResult).stories[0]?.id ?? "";
  }, 120_000);

  it("stories --story prints that story only, with its articles", async () => {
    const shown = await run(["stories", "--db", db, "--story", storyId, "--json"]);
    expect(shown.code).toBe(EXIT.ok);
    const result = JSON.parse(shown.stdout) as ParallaxResult;
    expect(result.stories.map((s) => s.id)).toEqual([storyId]);
    expect(result.articles).toHaveLength(2);
    const table = await run(["stories", "--db", db, "--story", storyId]);
    expect(table.stdout).toContain(`STORY ${storyId}`);
  });

  it("an unknown story is an error naming the stories there are", async () => {
    const missing = await run(["stories", "--db", db, "--story", "nope"]);
    expect(missing.code).toBe(EXIT.inputFailed);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain(`no story "nope" (stories: ${storyId})`);
    expect(missing.stderr).toContain("[cli/no-story]");
  });

  it("outlets prints a profile per outlet as a table, Markdown or JSON", async () => {
    const table = await run(["outlets", "--db", db]);
    expect(table.code).toBe(EXIT.ok);
    expect(table.stdout).toContain("Quotes by kind");
    expect(table.stdout).toContain("FreeWestMedia");
    const md = await run(["outlets", "--db", db, "--md"]);
    expect(md.stdout).toContain("# Parallax outlet profiles");
    expect(md.stdout).toContain("| Outlet |");
    const json = JSON.parse((await run(["outlets", "--db", db, "--json"])).stdout) as OutletProfile[];
    expect(json).toHaveLength(2);
    expect(json.every((p) => p.articles === 1 && p.stories === 1 && p.comparedStories === 1)).toBe(true);
  });

  it("outlets needs a database, and takes no PATH or --story", async () => {
    const none = await run(["outlets", "--db", join(tmpdir(), "parallax-no-such-dir", "x.db")]);
    expect(none.code).toBe(EXIT.inputFailed);
    expect(none.stderr).toContain("no database at");
    expect((await run(["outlets", "--no-db"])).stderr).toContain("--no-db makes no sense here");
    expect((await run(["outlets", "--db", db, "some/path"])).stderr).toContain("outlets takes no PATH");
    const story = await run(["outlets", "--db", db, "--story", storyId]);
    expect(story.code).toBe(EXIT.usage);
    expect(story.stderr).toContain("--story works with analyze and stories, not outlets");
  });

  it("analyze --story reports that story only", async () => {
    const shown = await run(["analyze", SEEDS, "--db", db, "--story", storyId, "--md"]);
    expect(shown.code).toBe(EXIT.ok);
    expect(shown.stdout).toContain(`Story \`${storyId}\``);
    expect(shown.stdout.match(/^## /gm)).toHaveLength(1);
  }, 120_000);

  it("the usage text lists the outlets command and --story", async () => {
    const help = await run(["help"]);
    expect(help.stdout).toContain("  outlets ");
    expect(help.stdout).toContain("--story ID");
  });
});

describe("analyze --story", () => {
  it("an unknown story fails without printing a report", async () => {
    const missing = await run(["analyze", SEEDS, "--no-db", "--story", "nope"]);
    expect(missing.code).toBe(EXIT.inputFailed);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/no story "nope" \(stories: story-/);
  }, 120_000);
});

describe("--lexicons: a user's own framing words", () => {
  const story = [
    "The city council approved the new budget on Tuesday after a long debate.",
    "Critics called the plan a boondoggle that would waste public money for years.",
  ].join(" ");

  it("merges the folder's framing.json over ours, so its words are loaded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parallax-lexicons-"));
    const input = join(dir, "budget.txt");
    writeFileSync(input, story);
    const plain = await run(["analyze", input, "--no-db", "--as", "text", "--json"]);
    const words = (out: string) =>
      (JSON.parse(out) as ParallaxResult).articles[0]?.annotations.framing.map((t) => t.entry) ?? [];
    expect(words(plain.stdout)).not.toContain("waste public money");
    const lexicons = join(dir, "lexicons");
    mkdirSync(lexicons);
    writeFileSync(
      join(lexicons, "framing.json"),
      JSON.stringify({
        entries: [{ term: "waste public money", category: "evaluative", note: "a user's own entry" }],
      }),
    );
    const extended = await run([
      "analyze",
      input,
      "--no-db",
      "--as",
      "text",
      "--json",
      "--lexicons",
      lexicons,
    ]);
    expect(extended.code).toBe(EXIT.ok);
    expect(words(extended.stdout)).toContain("waste public money");
  }, 60_000);

  it("refuses a folder that does not exist, naming it", async () => {
    const missing = join(tmpdir(), "parallax-no-such-lexicons");
    const out = await run(["analyze", SEEDS, "--no-db", "--lexicons", missing]);
    expect(out.code).not.toBe(EXIT.ok);
    expect(out.stderr).toContain(missing);
  });
});
