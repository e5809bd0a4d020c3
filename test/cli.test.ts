import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { openSqliteStore } from "../src/store/index.js";
import { EXAMPLES, runCli, tempDir } from "./helpers.js";

describe("parallax command line", () => {
  it("reads a page from stdin", async () => {
    const page = `<html><head><title>Dam breaks</title></head><body><article>${"<p>A dam broke in the valley on Friday, flooding three villages, officials said.</p>".repeat(5)}</article></body></html>`;
    const run = await runCli(["extract", "--json", "-"], page);
    expect(run.code).toBe(0);
    const article = JSON.parse(run.stdout.trim()) as {
      origin: { locator: string };
      title: { value: string };
    };
    expect(article.origin.locator).toBe("stdin");
    expect(article.title.value).toBe("Dam breaks");
  });

  it("prints a Markdown report", async () => {
    const run = await runCli(["analyze", `${EXAMPLES}albu-kamal`, "--md", "--no-db"]);
    expect(run.stdout).toMatch(/^# Parallax report/);
    expect(run.stdout).toMatch(/\| Fact \| FreeWestMedia \|/);
  });

  it("says what is wrong with the command line, with exit code 2", async () => {
    expect((await runCli(["frobnicate"])).code).toBe(2);
    const badFormat = await runCli(["analyze", "x.txt", "--as", "pdf"]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/--as must be one of html, raw, text/);
    expect((await runCli(["analyze", "x", "--json", "--md"])).code).toBe(2);
  });

  it("stores articles without their tokens", async () => {
    const db = join(tempDir("tokens"), "parallax.db");
    await runCli(["analyze", `${EXAMPLES}albu-kamal/000_94ae060d2235aff0.txt`, "--db", db]);
    const store = openSqliteStore(db);
    const [article] = store.listArticles();
    store.close();
    expect(article?.annotations.tokens).toEqual([]);
    expect(article?.annotations.entities.length).toBeGreaterThan(10);
  });
});
