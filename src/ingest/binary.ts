import { detectBom, sniffUtf16 } from "./decode.js";

/** Git looks at the first 8000 bytes to tell binary files from text; so do we. */
export const BINARY_SCAN_BYTES = 8000;
/** Text has next to no control bytes; random binary data has about 11% (28 of 256 values). */
export const MAX_CONTROL_BYTE_SHARE = 0.05;

/** True for bytes that are not text: a NUL, or many control characters, in the first bytes. */
export function looksBinary(bytes: Uint8Array): boolean {
  // UTF-16 text is full of NULs; it is recognised by its BOM or its regular NUL pattern.
  if (detectBom(bytes)?.charset.startsWith("utf-16") || sniffUtf16(bytes)) return false;
  const end = Math.min(bytes.length, BINARY_SCAN_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (isControlByte(b)) control++;
  }
  return end > 0 && control / end > MAX_CONTROL_BYTE_SHARE;
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return. */
function isControlByte(b: number): boolean {
  return b < 0x20 && (b < 0x09 || b > 0x0d);
}
