/**
 * Guessing the single-byte charset of text that declares none and is not valid UTF-8.
 *
 * A byte-frequency heuristic over the letter bytes of the text (markup left out):
 * 1. Latin or not: in Latin-script text (windows-1252 / ISO-8859-1) accented letters, the only
 *    letters above 0x7F, are a small minority of all letters. In Cyrillic (windows-1251) or Arabic
 *    (windows-1256) text nearly every letter is a byte of 0xC0-0xFF.
 * 2. Cyrillic or Arabic: windows-1251 puts the lowercase Cyrillic letters, which make up most of
 *    running text, in 0xE0-0xFF, and the capitals in 0xC0-0xDF. windows-1256 puts most Arabic
 *    letters (alef, beh, teh, reh, ain, ...) in 0xC1-0xDF; only lam, meem, noon, heh, waw and yeh
 *    sit in 0xE1-0xED. So the share of the high letter bytes that fall in 0xC0-0xDF tells them apart.
 * The thresholds sit far from what either kind of text produces; see the boundary tests.
 */

/** Below this share of letter bytes above 0xBF, the text is Latin script (accents are a minority). */
export const NON_LATIN_MIN_SHARE = 0.3;
/** From this share of high letter bytes in 0xC0-0xDF, it is Arabic (Russian capitals are ~5%, Arabic ~60%). */
export const ARABIC_MIN_UPPER_SHARE = 0.35;
/** Fewer letter bytes than this and the sniff cannot tell; the caller's fallback is used. */
export const MIN_LETTER_BYTES = 8;

export type SniffedCharset = "windows-1252" | "windows-1251" | "windows-1256";

export interface LetterByteCounts {
  /** ASCII letters A-Z, a-z. */
  ascii: number;
  /** Bytes 0xC0-0xDF. */
  upper: number;
  /** Bytes 0xE0-0xFF. */
  lower: number;
}

/** Counts letter bytes; with `markup`, the bytes inside tags, scripts and styles are left out. */
export function countLetterBytes(bytes: Uint8Array, markup: boolean): LetterByteCounts {
  // latin1 maps each byte to the code point of the same value, so char codes are the bytes.
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  if (markup) text = stripMarkup(text);
  const counts = { ascii: 0, upper: 0, lower: 0 };
  for (let i = 0; i < text.length; i++) {
    const b = text.charCodeAt(i);
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) counts.ascii++;
    else if (b >= 0xc0 && b <= 0xdf) counts.upper++;
    else if (b >= 0xe0) counts.lower++;
  }
  return counts;
}

function stripMarkup(text: string): string {
  return text.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ").replace(/<[^>]*>/g, " ");
}

/** The charset the letter-byte counts point to, or undefined when there are too few letters. */
export function charsetFromCounts(counts: LetterByteCounts): SniffedCharset | undefined {
  const high = counts.upper + counts.lower;
  if (high + counts.ascii < MIN_LETTER_BYTES) return undefined;
  if (high / (high + counts.ascii) < NON_LATIN_MIN_SHARE) return "windows-1252";
  return counts.upper / high >= ARABIC_MIN_UPPER_SHARE ? "windows-1256" : "windows-1251";
}

export function sniffSingleByteCharset(bytes: Uint8Array, markup: boolean): SniffedCharset | undefined {
  return charsetFromCounts(countLetterBytes(bytes, markup));
}
