import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputs } from "./read-inputs.js";

let root = "";
const at = (...parts: string[]) => join(root, ...parts);
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "parallax-inputs-"));
  const files: Record<string, string> = {
    "b.txt": "The court ruled on Tuesday.",
    "a.html": "<p>Polls closed.</p>",
    "big.txt": "x".repeat(200),
    "news/quake.txt": "An earthquake struck at dawn.",
    "news/deep/vote.jsonl": '{"text":"Turnout was 61%."}',
    "news/.hidden.txt": "hidden",
    "news/.cache/x.txt": "hidden folder",
    "news/node_modules/pkg/readme.txt": "dependency",
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  mkdirSync(at("void"));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("readInputs", () => {
  it("reads files, sorted and once each", async () => {
    const { inputs, diagnostics } = await readInputs([
      at("b.txt"),
      at("a.html"),
      at("b.txt"),
      `${root}/./a.html`,
    ]);
    expect(diagnostics).toEqual([]);
    expect(inputs.map((i) => i.locator)).toEqual([at("a.html"), at("b.txt")]);
    expect(text(inputs[1]?.bytes)).toBe("The court ruled on Tuesday.");
  });

  it("walks folders recursively, skipping hidden files and node_modules", async () => {
    const { inputs } = await readInputs([at("news")]);
    expect(inputs.map((i) => i.locator)).toEqual([at("news/deep/vote.jsonl"), at("news/quake.txt")]);
  });

  it("expands glob patterns", async () => {
    const { inputs, diagnostics } = await readInputs([`${root}/**/*.txt`], { maxBytes: 100 });
    expect(inputs.map((i) => i.locator)).toEqual([at("b.txt"), at("news/quake.txt")]);
    expect(diagnostics).toMatchObject([{ code: "ingest/too-large", input: at("big.txt") }]);
  });

  it("names a missing path or an unmatched pattern in an error, and reads the rest", async () => {
    const { inputs, diagnostics } = await readInputs([at("missing.html"), at("*.pdf"), at("b.txt")]);
    expect(inputs).toHaveLength(1);
    expect(diagnostics).toMatchObject([
      { severity: "error", stage: "ingest", code: "ingest/not-found", input: at("missing.html") },
      { severity: "error", code: "ingest/not-found", input: at("*.pdf") },
    ]);
    expect(diagnostics[0]?.message).toContain(at("missing.html"));
  });

  it("refuses a file over the size cap", async () => {
    const { inputs, diagnostics } = await readInputs([at("big.txt")], { maxBytes: 199 });
    expect(inputs).toEqual([]);
    expect(diagnostics).toMatchObject([
      { severity: "error", code: "ingest/too-large", input: at("big.txt") },
    ]);
    expect((await readInputs([at("big.txt")], { maxBytes: 200 })).inputs).toHaveLength(1);
  });

  it("warns about an empty folder", async () => {
    const { diagnostics } = await readInputs([at("void")]);
    expect(diagnostics).toMatchObject([{ severity: "warning", code: "ingest/empty", input: at("void") }]);
  });

  it('reads "-" from stdin, after the files, with the same size cap', async () => {
    const stdin = Readable.from([Buffer.from("Election "), Buffer.from("results")]);
    const { inputs } = await readInputs(["-", at("b.txt")], { stdin });
    expect(inputs.map((i) => i.locator)).toEqual([at("b.txt"), "stdin"]);
    expect(text(inputs[1]?.bytes)).toBe("Election results");

    async function* chunks() {
      yield new Uint8Array(60);
      yield new Uint8Array(60);
    }
    const capped = await readInputs(["-"], { stdin: chunks(), maxBytes: 100 });
    expect(capped.inputs).toEqual([]);
    expect(capped.diagnostics).toMatchObject([{ code: "ingest/too-large", input: "stdin" }]);
  });
});
