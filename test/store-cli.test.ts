import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../src/store/index.js";
import { EXAMPLES, runCli, tempDir } from "./helpers.js";

describe("analyze with a database", () => {
  it("re-running the same input updates; it never adds", async () => {
    const db = join(tempDir("db"), "parallax.db");
    const first = await runCli(["analyze", `${EXAMPLES}albu-kamal`, "--db", db]);
    expect(first.code).toBe(0);
    const store = openSqliteStore(db);
    const before = store.counts();
    const storiesBefore = store.listStories().map((s) => s.id);
    store.close();
    expect(before).toMatchObject({ articles: 2, stories: 1 });

    const second = await runCli(["analyze", `${EXAMPLES}albu-kamal`, "--db", db]);
    expect(second.code).toBe(0);
    const again = openSqliteStore(db);
    expect(again.counts()).toEqual(before);
    expect(again.listStories().map((s) => s.id)).toEqual(storiesBefore);
    again.close();
  });

  it("keeps story ids stable when a new article joins later", async () => {
    const db = join(tempDir("db"), "parallax.db");
    await runCli(["analyze", `${EXAMPLES}albu-kamal/000_94ae060d2235aff0.txt`, "--db", db]);
    const store = openSqliteStore(db);
    const [first] = store.listStories();
    store.close();
    await runCli(["analyze", `${EXAMPLES}albu-kamal/001_00835ee31e389aee.txt`, "--db", db]);
    const after = openSqliteStore(db);
    const stories = after.listStories();
    after.close();
    expect(stories).toHaveLength(1);
    expect(stories[0]?.id).toBe(first?.id);
    expect(stories[0]?.articleIds).toHaveLength(2);
  });
});
