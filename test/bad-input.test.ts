import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ParallaxResult } from "../src/model/index.js";
import { type CliRun, EXAMPLES, runCli, tempDir } from "./helpers.js";

// Bad input gets one line naming it; the rest goes through; a summary follows; the exit code is 1.
const RUSSIAN =
  "Землетрясение магнитудой 6,1 произошло в Дагестане, сообщили в МЧС России. Пострадавших нет.";
const ARABIC = "أعلن الجيش السوري السيطرة على مدينة البوكمال بعد معارك عنيفة مع مقاتلي التنظيم.";

/** windows-1251 bytes of Cyrillic text, from the code page's layout (А..я are 0xC0..0xFF). */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (ch === "ё") return 0xb8;
    if (ch === "Ё") return 0xa8;
    throw new Error(`no cp1251 byte for ${ch}`);
  });
}

/** windows-1256 bytes of Arabic text, for the letters this test uses. */
function cp1256(text: string): Uint8Array {
  const table: Record<string, number> = {
    ء: 0xc1,
    آ: 0xc2,
    أ: 0xc3,
    ؤ: 0xc4,
    إ: 0xc5,
    ئ: 0xc6,
    ا: 0xc7,
    ب: 0xc8,
    ة: 0xc9,
    ت: 0xca,
    ث: 0xcb,
    ج: 0xcc,
    ح: 0xcd,
    خ: 0xce,
    د: 0xcf,
    ذ: 0xd0,
    ر: 0xd1,
    ز: 0xd2,
    س: 0xd3,
    ش: 0xd4,
    ص: 0xd5,
    ض: 0xd6,
    ط: 0xd8,
    ظ: 0xd9,
    ع: 0xda,
    غ: 0xdb,
    ف: 0xdd,
    ق: 0xde,
    ك: 0xdf,
    ل: 0xe1,
    م: 0xe3,
    ن: 0xe4,
    ه: 0xe5,
    و: 0xe6,
    ى: 0xec,
    ي: 0xed,
  };
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) return code;
    const byte = table[ch];
    if (byte === undefined) throw new Error(`no cp1256 byte for ${ch}`);
    return byte;
  });
}

const page = (body: string) =>
  `<html><head><title>T</title></head><body><article>${`<p>${body}</p>`.repeat(6)}</article></body></html>`;
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

let dir: string;
let run: CliRun;

beforeAll(async () => {
  dir = tempDir("bad");
  copyFileSync(join(EXAMPLES, "albu-kamal", "001_00835ee31e389aee.txt"), join(dir, "good.txt"));
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(
    join(dir, "binary.html"),
    Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
  );
  writeFileSync(
    join(dir, "records.jsonl"),
    [
      JSON.stringify({
        id: "r1",
        outlet: "Test Wire",
        text: "The city council approved the budget on Monday after a long debate.",
      }),
      "{ this is not json",
      JSON.stringify({
        id: "r3",
        outlet: "Test Wire",
        text: "Voters in the district elected a new mayor on Sunday, officials said.",
      }),
    ].join("\n"),
  );
  const enc = new TextEncoder();
  const encodePage = (body: string, encodeBody: (t: string) => Uint8Array) =>
    concat(
      ...page("\u0000")
        .split("\u0000")
        .flatMap((part, i) => (i === 0 ? [enc.encode(part)] : [encodeBody(body), enc.encode(part)])),
    );
  writeFileSync(join(dir, "russian.html"), encodePage(RUSSIAN, cp1251));
  writeFileSync(join(dir, "arabic.html"), encodePage(ARABIC, cp1256));
  run = await runCli(["extract", "--json", dir, join(dir, "missing.html")]);
});

describe("bad input", () => {
  it("exits non-zero and prints a summary", () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/parallax: 4 error\(s\)/);
  });

  it("names each bad input on one line", () => {
    const lines = run.stderr.trim().split("\n");
    expect(lines.find((l) => l.includes("missing.html"))).toMatch(
      /^error: .*missing\.html: .*\[ingest\/not-found\]$/,
    );
    expect(lines.find((l) => l.includes("empty.txt"))).toMatch(/\[ingest\/empty\]$/);
    expect(lines.find((l) => l.includes("binary.html"))).toMatch(/\[ingest\/binary\]$/);
    expect(lines.find((l) => l.includes("records.jsonl"))).toMatch(
      /records\.jsonl#line 2|records\.jsonl:2|line 2/,
    );
  });

  it("processes the rest, and decodes legacy encodings right", () => {
    const articles = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ParallaxResult["articles"][number]);
    const texts = articles.map((a) => a.text);
    expect(articles).toHaveLength(5); // good.txt, two records, russian, arabic
    expect(texts.some((t) => t.includes(RUSSIAN))).toBe(true);
    expect(texts.some((t) => t.includes(ARABIC))).toBe(true);
    expect(texts.some((t) => t.includes("Voters in the district"))).toBe(true);
  });
});
