import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/index.js";
import type { Fact, ParallaxResult, Story } from "../src/model/index.js";

export const EXAMPLES = new URL("../examples/", import.meta.url).pathname;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], stdin?: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const input =
    stdin === undefined
      ? undefined
      : (async function* () {
          yield new TextEncoder().encode(stdin);
        })();
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stdin: input,
    columns: 140,
  });
  return { code, stdout, stderr };
}

export async function analyzeJson(
  paths: string[],
  extra: string[] = ["--no-db"],
): Promise<{ run: CliRun; result: ParallaxResult }> {
  const run = await runCli(["analyze", ...paths, "--json", ...extra]);
  return { run, result: JSON.parse(run.stdout) as ParallaxResult };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `parallax-${prefix}-`));
}

export function storyWith(result: ParallaxResult, locatorPart: string): Story {
  const article = result.articles.find((a) => a.origin.locator.includes(locatorPart));
  const story = result.stories.find((s) => article && s.articleIds.includes(article.id));
  if (!story) throw new Error(`no story holds ${locatorPart}`);
  return story;
}

/** The first fact whose label matches, so tests read like the report does. */
export function factMatching(story: Story, kind: Fact["kind"], label: RegExp): Fact | undefined {
  return story.comparison?.facts.find((f) => f.kind === kind && label.test(f.label));
}
