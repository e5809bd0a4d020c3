import { readFile, stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";

/** Content types of what the web app's build holds; anything else is served as bytes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

const INDEX = "index.html";

export type StaticAnswer =
  { kind: "file"; body: Uint8Array; contentType: string; index: boolean } | { kind: "not-found" };

/**
 * What a path of the web app answers: the file under `root` it names, or index.html for a path
 * without an extension (a client route). A path that climbs out of root, names a hidden file or
 * cannot be decoded is not found, whatever is on disk.
 */
export async function staticFile(root: string, rawPath: string): Promise<StaticAnswer> {
  const segments = safeSegments(rawPath);
  if (!segments) return { kind: "not-found" };
  const base = resolve(root);
  const wanted = segments.length === 0 ? INDEX : segments.join(sep);
  const file = resolve(base, wanted);
  if (!file.startsWith(base + sep)) return { kind: "not-found" };
  if (await isFile(file)) return answer(file, file === resolve(base, INDEX));
  if (extname(wanted) !== "") return { kind: "not-found" };
  const index = resolve(base, INDEX);
  return (await isFile(index)) ? answer(index, true) : { kind: "not-found" };
}

/** The decoded segments of a URL path, or undefined when one is unsafe to join to a folder. */
function safeSegments(rawPath: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of rawPath.split("/")) {
    if (raw === "") continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    // ".." climbs, a leading "." hides (.env, .git), separators and NUL smuggle a path in.
    if (segment.startsWith(".") || /[\\/\0:]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function answer(file: string, index: boolean): Promise<StaticAnswer> {
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  return { kind: "file", body: new Uint8Array(await readFile(file)), contentType, index };
}
