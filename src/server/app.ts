import { createHash, timingSafeEqual } from "node:crypto";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { loadEventTaxonomy } from "../analyze/event-types/data.js";
import {
  createStreamingExporter,
  EXPORT_KINDS,
  type ExportFormat,
  type ExportKind,
  loadAcledCodes,
  type StreamingExporter,
} from "../export/index.js";
import type { RawInput } from "../ingest/types.js";
import { type Diagnostic, type OutletProfile, SCHEMA_VERSION } from "../model/index.js";
import type { Store } from "../store/index.js";
import { ApiError, errorBody, ERROR_CODES, quoted } from "./errors.js";
import { EXPORT_MEDIA_TYPES, loadOutputSchema, openApiDocument } from "./openapi.js";
import {
  choiceParam,
  CONTROL_CHAR,
  dayRange,
  MAX_SEARCH_CHARS,
  pageParams,
  patternParam,
  queryParams,
  textParam,
} from "./params.js";
import { staticFile } from "./static.js";

/** What an import read and stored. */
export interface ImportSummary {
  /** Articles read from the documents given. */
  articles: number;
  /** Ids of the stories those articles belong to. */
  stories: string[];
  diagnostics: Diagnostic[];
}

/** Runs the pipeline over the documents and stores the result (given by the CLI). */
export type Importer = (inputs: RawInput[]) => ImportSummary | Promise<ImportSummary>;

export interface AppLimits {
  /** Largest request body accepted (POST /api/import), in bytes. */
  bodyBytes: number;
  /** Rows of a list page when the request does not say. */
  pageSize: number;
}

export interface AppOptions {
  store: Store;
  /** Folder of the built web app (dist/web); without it only /api answers. */
  webRoot?: string;
  /** Imports are on only when set (and an importer is given). */
  writeToken?: string;
  limits?: Partial<AppLimits>;
  importer?: Importer;
  /** Exports as `parallax export` writes them, streamed; built from the project's data when absent. */
  exporter?: StreamingExporter;
}

/** An upload of a few pages is well under this; a bigger body is a dump, not pages to read. */
export const DEFAULT_LIMITS: AppLimits = { bodyBytes: 5 * 1024 * 1024, pageSize: 50 };
/** Rows a page may ask for: a client wanting everything uses the exports. */
export const MAX_PAGE_SIZE = 200;

/** The same on every response, errors and static files included: no inline script or style. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

const STORY_PARAMS = ["q", "from", "to", "place", "outlet", "actor", "limit", "offset"] as const;
const EVENT_PARAMS = ["from", "to", "country", "type", "outlet", "limit", "offset"] as const;
const COUNTRY = /^[A-Za-z]{2}$/;
const TAXONOMY_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** A document name kept: a file name, not a path. */
const MAX_NAME_CHARS = 255;

/**
 * The HTTP API and the web app, as a Hono app: callable with `app.request()` in tests, served by
 * @hono/node-server from the CLI. Built once from its options; holds no global state.
 */
export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const maxPageSize = Math.max(MAX_PAGE_SIZE, limits.pageSize);
  const exporter =
    options.exporter ?? createStreamingExporter({ taxonomy: loadEventTaxonomy(), codes: loadAcledCodes() });
  const openapi = openApiDocument(loadOutputSchema(), {
    version: SCHEMA_VERSION,
    pageSize: limits.pageSize,
    maxPageSize,
    bodyBytes: limits.bodyBytes,
  });
  const profiles = profileCache(store);
  const app = new Hono();

  app.use("*", async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message), error.status);
    // Never echo an unexpected error: it may carry scraped text or a path.
    return c.json(errorBody(ERROR_CODES[500], "internal error"), 500);
  });
  app.notFound((c) => c.json(errorBody(ERROR_CODES[404], "no such route"), 404));

  app.get("/api/openapi.json", (c) => c.json(openapi));

  app.get("/api/stories", (c) => {
    const params = queryParams(c.req.url, STORY_PARAMS);
    const q = textParam("q", params.get("q"), MAX_SEARCH_CHARS);
    const place = textParam("place", params.get("place"));
    const outlet = textParam("outlet", params.get("outlet"));
    const actor = textParam("actor", params.get("actor"));
    return c.json(
      store.queryStories({
        ...(q ? { q } : {}),
        ...dayRange(params),
        ...(place ? { place } : {}),
        ...(outlet ? { outlet } : {}),
        ...(actor ? { actor } : {}),
        ...pageParams(params, limits.pageSize, maxPageSize),
      }),
    );
  });

  app.get("/api/stories/:id", (c) => {
    queryParams(c.req.url, []);
    const id = c.req.param("id");
    const story = store.getStory(id);
    if (!story) throw new ApiError(404, `no story ${quoted(id)}`);
    return c.json({
      story,
      articles: store.articleSummaries(story.articleIds),
      events: store.getEvents(story.eventIds ?? []),
    });
  });

  app.get("/api/articles/:id", (c) => {
    queryParams(c.req.url, []);
    const id = c.req.param("id");
    const article = store.getArticle(id);
    if (!article) throw new ApiError(404, `no article ${quoted(id)}`);
    return c.json(article);
  });

  app.get("/api/outlets", (c) => {
    queryParams(c.req.url, []);
    return c.json(profiles());
  });

  app.get("/api/outlets/:name", (c) => {
    queryParams(c.req.url, []);
    const name = c.req.param("name");
    const all = profiles();
    const profile =
      all.find((p) => p.outlet === name) ?? all.find((p) => p.outlet.toLowerCase() === name.toLowerCase());
    if (!profile) throw new ApiError(404, `no outlet ${quoted(name)}`);
    return c.json(profile);
  });

  app.get("/api/events", (c) => {
    const params = queryParams(c.req.url, EVENT_PARAMS);
    const country = patternParam("country", params.get("country"), COUNTRY, "a two-letter country code");
    const type = patternParam("type", params.get("type"), TAXONOMY_ID, "a type or sub-type id");
    const outlet = textParam("outlet", params.get("outlet"));
    return c.json(
      store.queryEvents({
        ...dayRange(params),
        ...(country ? { country } : {}),
        ...(type ? { type } : {}),
        ...(outlet ? { outlet } : {}),
        ...pageParams(params, limits.pageSize, maxPageSize),
      }),
    );
  });

  app.get("/api/export/:kind", (c) => {
    const kind = c.req.param("kind");
    if (!(kind in EXPORT_KINDS)) throw new ApiError(404, `no export ${quoted(kind)}`);
    const params = queryParams(c.req.url, ["format"]);
    const format = choiceParam("format", params.get("format"), EXPORT_KINDS[kind as ExportKind]);
    return download(c, exporter, store, kind as ExportKind, format);
  });

  app.post(
    "/api/import",
    async (c, next) => {
      if (!options.writeToken || !options.importer)
        throw new ApiError(403, "imports are off: start the server with --write-token");
      if (!hasToken(c.req.header("authorization"), options.writeToken))
        throw new ApiError(401, "a write token is needed: Authorization: Bearer <token>");
      await next();
    },
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: () => {
        throw new ApiError(413, `the body is larger than ${limits.bodyBytes} bytes`);
      },
    }),
    async (c) => {
      const inputs = await importInputs(c);
      const importer = options.importer as Importer;
      return c.json(await importer(inputs));
    },
  );

  app.all("/api/*", (c) => c.json(errorBody(ERROR_CODES[404], "no such API route"), 404));

  app.get("*", async (c) => {
    if (!options.webRoot) throw new ApiError(404, "the web app is not served here");
    const found = await staticFile(options.webRoot, new URL(c.req.url).pathname);
    if (found.kind === "not-found") throw new ApiError(404, "no such file");
    return c.body(found.body as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": found.contentType,
      // The page names its assets without a hash: always revalidate.
      "Cache-Control": "no-cache",
    });
  });

  return app;
}

/** Outlet profiles read every story: computed again only when the store has changed. */
function profileCache(store: Store): () => OutletProfile[] {
  let cached: { version: number; profiles: OutletProfile[] } | undefined;
  return () => {
    const version = store.version();
    if (cached?.version !== version) cached = { version, profiles: store.outletProfiles() };
    return cached.profiles;
  };
}

/** A download written as the store is read, page by page: a large database is never held whole. */
function download(
  c: Context,
  exporter: StreamingExporter,
  store: Store,
  kind: ExportKind,
  format: ExportFormat,
) {
  const chunks = exporter(kind, format, store.exportSource()).chunks[Symbol.iterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return c.body(body, 200, {
    "Content-Type": EXPORT_MEDIA_TYPES[format] ?? "application/octet-stream",
    "Content-Disposition": `attachment; filename=parallax-${kind}.${format}`,
  });
}

/** Compares digests, so neither the time taken nor a length check tells how much of a guess was right. */
function hasToken(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
  if (given === undefined) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** The documents of an import: JSON `{ documents: [{ name, content }] }` or multipart files. */
async function importInputs(c: Context): Promise<RawInput[]> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/json")) return jsonInputs(await jsonBody(c));
  if (type.startsWith("multipart/form-data")) return multipartInputs(c);
  throw new ApiError(415, "send application/json { documents: [{ name, content }] } or multipart/form-data");
}

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch (error) {
    if (error instanceof ApiError) throw error; // the body limit
    throw new ApiError(400, "the body is not valid JSON");
  }
}

function jsonInputs(body: unknown): RawInput[] {
  const documents = (body as { documents?: unknown } | null)?.documents;
  if (!Array.isArray(documents) || documents.length === 0)
    throw new ApiError(400, 'parameter "documents" must be a non-empty array of { name, content }');
  const encoder = new TextEncoder();
  return documents.map((doc: unknown, i) => {
    const { name, content } = (doc ?? {}) as { name?: unknown; content?: unknown };
    if (typeof name !== "string" || typeof content !== "string")
      throw new ApiError(400, `parameter "documents[${i}]" must have a string name and a string content`);
    return { locator: safeName(name, i), bytes: encoder.encode(content) };
  });
}

async function multipartInputs(c: Context): Promise<RawInput[]> {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(400, "the body is not valid multipart/form-data");
  }
  const inputs: RawInput[] = [];
  for (const [field, value] of Object.entries(form)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item instanceof File) {
        inputs.push({
          locator: safeName(item.name, inputs.length),
          bytes: new Uint8Array(await item.arrayBuffer()),
        });
      } else if (field === "paste" && typeof item === "string" && item.trim() !== "") {
        // Pasted text has no name: a page starts with markup, anything else is scraped text.
        const name = /^\s*</.test(item) ? "pasted.html" : "pasted.txt";
        inputs.push({ locator: name, bytes: new TextEncoder().encode(item) });
      }
    }
  }
  if (inputs.length === 0)
    throw new ApiError(400, 'parameter "files" (or "paste") must hold at least one document');
  return inputs;
}

/** A document's name as a file name: its last path segment, printable, never empty. */
function safeName(name: string, index: number): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(new RegExp(CONTROL_CHAR.source, "g"), "")
    .trim()
    .slice(0, MAX_NAME_CHARS);
  return base === "" || base.startsWith(".") ? `document-${index + 1}.txt` : base;
}
