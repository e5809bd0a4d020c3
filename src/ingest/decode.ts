import type { Sourced } from "../model/index.js";
import { sniffSingleByteCharset } from "./sniff-charset.js";

/**
 * Bytes to text, choosing the charset in the order browsers do (WHATWG "encoding sniffing"):
 * byte order mark, charset of the transport's content type, <meta> in the first bytes of HTML,
 * then what the bytes themselves say (valid UTF-8, UTF-16 without BOM, single-byte frequency).
 */

/** WHATWG scans this many leading bytes of an HTML page for a <meta> charset. */
export const META_PRESCAN_BYTES = 1024;
/** UTF-16 without BOM is recognised on this many leading bytes: ASCII text has a NUL in every pair. */
const UTF16_SNIFF_BYTES = 512;
/** Share of byte pairs with a NUL on one side (and none on the other) to call the text UTF-16. */
const UTF16_MIN_NUL_PAIR_SHARE = 0.4;
/**
 * A page declared UTF-8 stays UTF-8 while at most this share of its non-ASCII characters are
 * broken sequences: one stray Latin-1 byte in a UTF-8 page is a typo, not a mislabel (0.05).
 */
export const UTF8_MAX_BROKEN_SHARE = 0.05;

export type CharsetSource =
  | "bom"
  | "content-type"
  | "meta"
  | "valid-utf-8"
  | "valid-utf-8:overrules-declared"
  | "sniff:utf-16-nul-pattern"
  | "sniff:byte-frequency"
  | "fallback";

export interface DecodeOptions {
  /** e.g. "text/html; charset=windows-1256". */
  contentType?: string;
  /** Look for a <meta> charset and ignore markup when counting letters. */
  markup: boolean;
  /** Charset when nothing else tells. */
  fallbackCharset: string;
}

export interface Decoded {
  text: string;
  encoding: Sourced<string> & { source: CharsetSource };
  /** Declared charset labels that no decoder knows; the caller reports them. */
  unknownLabels: string[];
  /** A declared charset the bytes contradict, and why it was not used; the caller reports it. */
  overruled?: { label: string; source: "content-type" | "meta"; reason: string };
}

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): Decoded {
  const unknownLabels: string[] = [];
  const bom = detectBom(bytes);
  if (bom) return decoded(bytes.subarray(bom.length), bom.charset, "bom", unknownLabels);

  const declared: [string | undefined, "content-type" | "meta"][] = [
    [charsetFromContentType(options.contentType), "content-type"],
    [options.markup ? charsetFromMeta(bytes) : undefined, "meta"],
  ];
  let overruled: Decoded["overruled"];
  for (const [label, source] of declared) {
    if (label === undefined) continue;
    const charset = canonicalCharset(label);
    if (charset === undefined) {
      unknownLabels.push(label);
      continue;
    }
    // A page that could declare its charset in ASCII is not UTF-16 (WHATWG: read it as UTF-8).
    const usable = source === "meta" && charset.startsWith("utf-16") ? "utf-8" : charset;
    const contradiction = contradicts(bytes, usable);
    if (contradiction === undefined) return decoded(bytes, usable, source, unknownLabels);
    overruled = { label, source, reason: contradiction };
    if (usable !== "utf-8") {
      // Multi-byte UTF-8 sequences do not happen by chance in single-byte text.
      return { ...decoded(bytes, "utf-8", "valid-utf-8:overrules-declared", unknownLabels), overruled };
    }
    break; // declared UTF-8 but the bytes are not: what they are is sniffed below
  }
  return { ...sniffed(bytes, options, unknownLabels), ...(overruled ? { overruled } : {}) };
}

/**
 * Why the bytes cannot be in the declared charset, or undefined when they can: "UTF-8" pages
 * that are not valid UTF-8, and single-byte pages whose bytes are valid multi-byte UTF-8.
 */
function contradicts(bytes: Uint8Array, charset: string): string | undefined {
  if (charset === "utf-8") {
    return brokenUtf8Share(bytes) <= UTF8_MAX_BROKEN_SHARE ? undefined : "the bytes are not valid UTF-8";
  }
  if (charset.startsWith("utf-16")) return undefined;
  return hasHighBytes(bytes) && isValidUtf8(bytes) ? "the bytes are valid multi-byte UTF-8" : undefined;
}

/** Share of the non-ASCII characters of a UTF-8 decoding that are broken sequences (U+FFFD). */
export function brokenUtf8Share(bytes: Uint8Array): number {
  if (isValidUtf8(bytes)) return 0;
  const text = new TextDecoder("utf-8").decode(bytes);
  let nonAscii = 0;
  let broken = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (char === "\uFFFD") broken++;
  }
  return nonAscii === 0 ? 0 : broken / nonAscii;
}

function hasHighBytes(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

/** What the bytes themselves say, when no declaration holds. */
function sniffed(bytes: Uint8Array, options: DecodeOptions, unknownLabels: string[]): Decoded {
  // Before the UTF-8 check: NULs are valid UTF-8, but text in UTF-8 has none.
  const utf16 = sniffUtf16(bytes);
  if (utf16) return decoded(bytes, utf16, "sniff:utf-16-nul-pattern", unknownLabels);
  if (isValidUtf8(bytes)) return decoded(bytes, "utf-8", "valid-utf-8", unknownLabels);
  const single = sniffSingleByteCharset(bytes, options.markup);
  if (single) return decoded(bytes, single, "sniff:byte-frequency", unknownLabels);
  const fallback = canonicalCharset(options.fallbackCharset) ?? "windows-1252";
  return decoded(bytes, fallback, "fallback", unknownLabels);
}

function decoded(
  bytes: Uint8Array,
  charset: string,
  source: CharsetSource,
  unknownLabels: string[],
): Decoded {
  // Not fatal: a declared charset with a few bad bytes still gives readable text (U+FFFD for them).
  const text = new TextDecoder(charset, { ignoreBOM: true }).decode(bytes);
  return { text, encoding: { value: charset, source }, unknownLabels };
}

export function detectBom(bytes: Uint8Array): { charset: string; length: number } | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: "utf-8", length: 3 };
  if (a === 0xff && b === 0xfe) return { charset: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { charset: "utf-16be", length: 2 };
  return undefined;
}

/** The WHATWG name of a charset label ("latin1" -> "windows-1252"), or undefined if unknown. */
export function canonicalCharset(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType?.match(/;\s*charset\s*=\s*["']?([^"';\s]+)/i)?.[1];
}

/** Covers both <meta charset="x"> and <meta http-equiv="Content-Type" content="...; charset=x">. */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_PRESCAN_BYTES));
  const text = head.toString("latin1");
  for (const tag of text.match(/<meta\b[^>]*>/gi) ?? []) {
    const label = tag.match(/charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
    if (label) return label;
  }
  return undefined;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without BOM, recognised by ASCII characters: a NUL on the same side of most byte pairs. */
export function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const end = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1;
  if (end < 2) return undefined;
  let nulFirst = 0;
  let nulSecond = 0;
  for (let i = 0; i < end; i += 2) {
    const first = bytes[i] === 0;
    const second = bytes[i + 1] === 0;
    if (first && !second) nulFirst++;
    if (second && !first) nulSecond++;
  }
  const pairs = end / 2;
  if (nulSecond / pairs >= UTF16_MIN_NUL_PAIR_SHARE && nulFirst === 0) return "utf-16le";
  if (nulFirst / pairs >= UTF16_MIN_NUL_PAIR_SHARE && nulSecond === 0) return "utf-16be";
  return undefined;
}
