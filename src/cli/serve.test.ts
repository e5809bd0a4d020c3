import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT, main } from "./index.js";

const SEEDS = new URL("../../examples/albu-kamal", import.meta.url).pathname;
const TOKEN = "serve-test-token-42";

/** Output lines as they come, and a promise of the first line that matches. */
function capture() {
  let stdout = "";
  let stderr = "";
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  return {
    io: {
      stdout: (text: string) => {
        stdout += text;
        for (const w of waiters) {
          const m = stdout.match(w.pattern);
          if (m) w.resolve(m);
        }
      },
      stderr: (text: string) => {
        stderr += text;
      },
    },
    waitFor: (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve) => {
        const m = stdout.match(pattern);
        if (m) resolve(m);
        else waiters.push({ pattern, resolve });
      }),
    get stderr() {
      return stderr;
    },
  };
}

describe("parallax serve", () => {
  it("serves the stored stories over HTTP, imports with the token, and stops on abort", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "parallax-serve-")), "parallax.db");
    const analyzed = capture();
    expect(await main(["analyze", SEEDS, "--db", db, "--json"], analyzed.io)).toBe(EXIT.ok);

    const served = capture();
    const stop = new AbortController();
    const running = main(["serve", "--db", db, "--port", "0", "--write-token", TOKEN], {
      ...served.io,
      signal: stop.signal,
    });
    const [line, url] = await served.waitFor(
      /parallax: serving (http:\/\/127\.0\.0\.1:\d+) \(database .*, imports on\)\n/,
    );
    expect(line).toContain(db);
    try {
      const res = await fetch(`${url}/api/stories`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      const page = (await res.json()) as { total: number; stories: { articleCount: number }[] };
      expect(page.total).toBe(1);
      expect(page.stories[0]?.articleCount).toBe(2);

      const refused = await fetch(`${url}/api/import`, { method: "POST", body: "{}" });
      expect(refused.status).toBe(401);
      const imported = await fetch(`${url}/api/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({
          documents: [
            {
              name: "ruling.txt",
              content:
                "Court strikes down voting law\n\nThe state supreme court struck down the voting law on " +
                "Tuesday, ruling 4-3 that it broke the constitution. The governor said he would appeal.",
            },
          ],
        }),
      });
      expect(imported.status).toBe(200);
      const summary = (await imported.json()) as { articles: number; stories: string[] };
      expect(summary.articles).toBe(1);
      expect(summary.stories).toHaveLength(1);
      const after = (await (await fetch(`${url}/api/stories?q=voting`)).json()) as { total: number };
      expect(after.total).toBe(1);
      const all = (await (await fetch(`${url}/api/stories`)).json()) as { total: number };
      expect(all.total).toBe(2);
    } finally {
      stop.abort();
    }
    expect(await running).toBe(EXIT.ok);
  }, 120_000);

  it("refuses a bad port and a path", async () => {
    const out = capture();
    expect(await main(["serve", "--port", "99999"], out.io)).toBe(EXIT.usage);
    expect(out.stderr).toContain("--port");
    expect(await main(["serve", "somewhere"], out.io)).toBe(EXIT.usage);
    expect(await main(["serve", "--no-db"], out.io)).toBe(EXIT.usage);
  });
});
