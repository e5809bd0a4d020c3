/**
 * What kind of file an input is: from its extension when it has a known one, else sniffed from
 * its first bytes or its decoded text (stdin, extension-less scrapes).
 */

export type FileKind = "html" | "raw" | "json" | "jsonl";

const KIND_OF_EXTENSION: Readonly<Record<string, FileKind>> = {
  html: "html",
  htm: "html",
  xhtml: "html",
  txt: "raw",
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl",
};

/** Leading characters sniffed for markup; a page's first tag is well within them. */
const MARKUP_SNIFF_CHARS = 2048;
const MARKUP_TAG = /<(!doctype html|html|head|body|article|main|div|p|h1|meta|title)\b[^>]*>/i;

export function kindFromLocator(locator: string): FileKind | undefined {
  // For URLs, the query and fragment are not part of the file name.
  const path = /^[a-z][\w+.-]*:\/\//i.test(locator) ? locator.replace(/[?#].*$/, "") : locator;
  const name = path.split(/[\\/]/).pop() ?? "";
  const extension = name.match(/\.([^.]+)$/)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : KIND_OF_EXTENSION[extension];
}

/** Whether the bytes begin (after whitespace) with "<": decide before decoding to look for <meta>. */
export function bytesStartWithMarkup(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c) continue;
    // A UTF-8 BOM may come first.
    if (b === 0xef || b === 0xbb || b === 0xbf) continue;
    return b === 0x3c;
  }
  return false;
}

/** The kind of decoded text: a JSON value, JSON lines, markup, else raw text. */
export function sniffKind(text: string): FileKind {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    if (parsesAsJson(trimmed)) return "json";
    const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? "";
    if (firstLine.trimEnd().endsWith("}") && parsesAsJson(firstLine)) return "jsonl";
  }
  if (trimmed.startsWith("<") || MARKUP_TAG.test(trimmed.slice(0, MARKUP_SNIFF_CHARS))) return "html";
  return "raw";
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
