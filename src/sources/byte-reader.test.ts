import { describe, expect, it } from "vitest";
import { createByteReader } from "./byte-reader.js";

async function* chunksOf(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part, "latin1");
}

describe("createByteReader", () => {
  it("reads lines across chunk boundaries, without their CRLF, with positions", async () => {
    const reader = createByteReader(chunksOf("first li", "ne\r", "\nsecond\nlast"));
    expect((await reader.readLine(100))?.line.toString()).toBe("first line");
    expect(reader.offset()).toBe(12);
    expect((await reader.readLine(100))?.line.toString()).toBe("second");
    expect((await reader.readLine(100))?.line.toString()).toBe("last");
    expect(await reader.readLine(100)).toBeUndefined();
  });

  it("keeps only the head of a line over the cap and says it cut it", async () => {
    const reader = createByteReader(chunksOf("abcdef", "ghij\nnext\n"));
    expect(await reader.readLine(4)).toEqual({ line: Buffer.from("abcd"), cut: true });
    expect((await reader.readLine(4))?.line.toString()).toBe("next");
  });

  it("reads and skips exact lengths, short at the end, and takes bytes back", async () => {
    const reader = createByteReader(chunksOf("0123", "4567", "89"));
    expect((await reader.read(6)).toString()).toBe("012345");
    reader.unread(Buffer.from("45"));
    expect(reader.offset()).toBe(4);
    expect(await reader.skip(3)).toBe(3);
    expect((await reader.read(10)).toString()).toBe("789");
    expect(await reader.skip(5)).toBe(0);
  });

  it("passes a stream error on to the read", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("line\n");
      throw Object.assign(new Error("unexpected end of file"), { code: "Z_BUF_ERROR" });
    }
    const reader = createByteReader(failing());
    expect((await reader.readLine(10))?.line.toString()).toBe("line");
    await expect(reader.readLine(10)).rejects.toThrow("unexpected end of file");
  });
});
