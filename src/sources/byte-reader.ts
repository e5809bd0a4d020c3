/**
 * Pull-style reading over a stream of byte chunks: lines, exact lengths and skips, with the
 * absolute position of the next byte. WARC and JSONL readers sit on it so a file is never held
 * whole; a stream error (a truncated gzip) surfaces as a rejected read.
 */
export interface ByteReader {
  /** Position in the stream of the next unread byte. */
  offset(): number;
  /**
   * The next line without its "\n" or "\r\n", keeping at most `maxBytes` of it (the rest is
   * read and dropped, `cut` says so); undefined at the end of the stream.
   */
  readLine(maxBytes: number): Promise<{ line: Buffer; cut: boolean } | undefined>;
  /** The next `length` bytes, fewer at the end of the stream. */
  read(length: number): Promise<Buffer>;
  /** Drops the next `length` bytes without holding them; returns how many there were. */
  skip(length: number): Promise<number>;
  /** Puts bytes back in front of the stream (a reader that read too far). */
  unread(bytes: Buffer): void;
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export function createByteReader(source: AsyncIterable<Uint8Array | string>): ByteReader {
  const chunks = source[Symbol.asyncIterator]();
  const state: { buffer: Buffer; position: number; base: number; ended: boolean } = {
    buffer: Buffer.alloc(0),
    position: 0,
    base: 0,
    ended: false,
  };

  /** Moves to the next chunk; false at the end of the stream. */
  async function pull(): Promise<boolean> {
    if (state.ended) return false;
    const next = await chunks.next();
    if (next.done) {
      state.ended = true;
      return false;
    }
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : toBuffer(next.value);
    state.base += state.buffer.length;
    state.buffer = chunk;
    state.position = 0;
    return true;
  }

  async function readLine(maxBytes: number): Promise<{ line: Buffer; cut: boolean } | undefined> {
    const parts: Buffer[] = [];
    let kept = 0;
    let cut = false;
    let sawAny = false;
    for (;;) {
      if (state.position >= state.buffer.length && !(await pull())) break;
      sawAny = true;
      const end = state.buffer.indexOf(LINE_FEED, state.position);
      const stop = end === -1 ? state.buffer.length : end;
      const piece = state.buffer.subarray(state.position, stop);
      const room = maxBytes - kept;
      if (piece.length > room) cut = true;
      if (room > 0) {
        const head = piece.subarray(0, room);
        parts.push(head);
        kept += head.length;
      }
      state.position = end === -1 ? stop : end + 1;
      if (end !== -1) break;
    }
    if (!sawAny) return undefined;
    const line = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    const last = line.length - 1;
    return { line: !cut && line[last] === CARRIAGE_RETURN ? line.subarray(0, last) : line, cut };
  }

  async function read(length: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < length) {
      if (state.position >= state.buffer.length && !(await pull())) break;
      const take = Math.min(length - got, state.buffer.length - state.position);
      parts.push(state.buffer.subarray(state.position, state.position + take));
      state.position += take;
      got += take;
    }
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }

  async function skip(length: number): Promise<number> {
    let skipped = 0;
    while (skipped < length) {
      if (state.position >= state.buffer.length && !(await pull())) break;
      const take = Math.min(length - skipped, state.buffer.length - state.position);
      state.position += take;
      skipped += take;
    }
    return skipped;
  }

  function unread(bytes: Buffer): void {
    const offset = state.base + state.position;
    state.buffer = Buffer.concat([bytes, state.buffer.subarray(state.position)]);
    state.base = offset - bytes.length;
    state.position = 0;
  }

  return { offset: () => state.base + state.position, readLine, read, skip, unread };
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
