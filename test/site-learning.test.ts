import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Article } from "../src/model/index.js";
import { runCli, tempDir } from "./helpers.js";

// Flattened pages saved from one site sit in one folder; a line that the site repeats on every
// page is its furniture, even when no pattern knows it.
const FURNITURE = "Harbourside Weekly, your voice on the waterfront since 1987";

const pages = [
  [
    "Council approves new ferry timetable",
    "The council voted on Tuesday to add two evening crossings to the island ferry from June.",
    "Commuters had asked for later boats for years, and several of them spoke at the session.",
  ],
  [
    "Storm closes the coastal road for two days",
    "High winds and flooding forced the county to shut the coastal road on Sunday night.",
    "Engineers said the sea wall near the lighthouse had lost a section about ten metres long.",
  ],
  [
    "Court rejects appeal over marina expansion",
    "A regional court dismissed the fishermen's appeal against the marina expansion on Friday.",
    "The judges found that the environmental review had followed the law in every respect.",
  ],
].map(([headline, ...body]) => [headline, FURNITURE, ...body].join("\n"));

describe("site learning in a run", () => {
  it("removes a line repeated on every page of one folder, and keeps it when the page is alone", async () => {
    const dir = tempDir("site");
    pages.forEach((text, i) => writeFileSync(join(dir, `page-${i}.txt`), text));
    const together = await runCli(["extract", "--json", dir]);
    expect(together.code).toBe(0);
    const articles = together.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Article);
    expect(articles).toHaveLength(3);
    for (const article of articles) {
      expect(article.text).not.toContain(FURNITURE);
      expect(article.removed).toContainEqual(
        expect.objectContaining({ text: FURNITURE, rule: "site/repeated-line" }),
      );
      expect(article.text.split("\n\n")).toHaveLength(2);
    }
    const alone = await runCli(["extract", "--json", join(dir, "page-0.txt")]);
    expect((JSON.parse(alone.stdout.trim()) as Article).text).toContain(FURNITURE);
  });
});
