import { readFileSync } from "node:fs";
import { EXPORT_KINDS } from "../export/index.js";

/** The output schema (`--json`), whose $defs the API's components reuse. */
export const OUTPUT_SCHEMA_FILE = new URL("../../schema/parallax-output.schema.json", import.meta.url);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface OpenApiOptions {
  version: string;
  maxPageSize: number;
  pageSize: number;
  bodyBytes: number;
}

export function loadOutputSchema(file: URL = OUTPUT_SCHEMA_FILE): JsonObject {
  return JSON.parse(readFileSync(file, "utf8")) as JsonObject;
}

/**
 * The OpenAPI 3.1 document of the API. components.schemas are the output schema's $defs (their
 * `#/$defs/X` references rewritten to `#/components/schemas/X`) plus the API's own shapes.
 */
export function openApiDocument(outputSchema: JsonObject, options: OpenApiOptions): JsonObject {
  const defs = rewriteRefs(outputSchema.$defs ?? {}) as JsonObject;
  return {
    openapi: "3.1.0",
    info: {
      title: "Parallax API",
      version: options.version,
      description:
        "Stories, articles, events and outlet profiles stored by Parallax; shapes follow " +
        "schema/parallax-output.schema.json (the --json output). Errors are { error: { code, message } }.",
    },
    servers: [{ url: "/" }],
    paths: paths(options),
    components: {
      schemas: { ...defs, ...apiSchemas() },
      responses: {
        BadParameter: errorResponse("A parameter is missing, unknown or invalid; the message names it."),
        NotFound: errorResponse("No such resource."),
      },
      securitySchemes: { writeToken: { type: "http", scheme: "bearer" } },
    },
  };
}

function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value))
    out[key] =
      key === "$ref" && typeof inner === "string"
        ? inner.replace(/^#\/\$defs\//, "#/components/schemas/")
        : rewriteRefs(inner);
  return out;
}

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const arrayOf = (items: JsonObject): JsonObject => ({ type: "array", items });
const str = (description: string): JsonObject => ({ type: "string", description });

function apiSchemas(): JsonObject {
  return {
    Error: {
      type: "object",
      required: ["error"],
      properties: {
        error: {
          type: "object",
          required: ["code", "message"],
          properties: { code: { type: "string" }, message: { type: "string" } },
        },
      },
    },
    StorySummary: {
      type: "object",
      required: ["id", "title", "articleCount", "outlets", "conflicts", "omissions", "places"],
      properties: {
        id: { type: "string" },
        title: { type: "string" },
        firstPublished: { type: "string" },
        lastPublished: { type: "string" },
        articleCount: { type: "integer", minimum: 0 },
        outlets: arrayOf({ type: "string" }),
        conflicts: { type: "integer", minimum: 0, description: "Facts on which outlets conflict." },
        omissions: { type: "integer", minimum: 0, description: "Facts some outlets leave out." },
        places: { ...arrayOf({ type: "string" }), maxItems: 5 },
      },
    },
    ArticleSummary: {
      type: "object",
      required: ["id", "locator"],
      properties: {
        id: { type: "string" },
        title: { type: "string" },
        outlet: { type: "string" },
        published: { type: "string" },
        url: { type: "string" },
        locator: { type: "string" },
      },
    },
    StoryPage: {
      type: "object",
      required: ["total", "stories"],
      properties: { total: { type: "integer", minimum: 0 }, stories: arrayOf(ref("StorySummary")) },
    },
    StoryDetail: {
      type: "object",
      required: ["story", "articles", "events"],
      properties: {
        story: ref("Story"),
        articles: arrayOf(ref("ArticleSummary")),
        events: arrayOf(ref("Event")),
      },
    },
    EventPage: {
      type: "object",
      required: ["total", "events"],
      properties: { total: { type: "integer", minimum: 0 }, events: arrayOf(ref("Event")) },
    },
    ImportRequest: {
      type: "object",
      required: ["documents"],
      properties: {
        documents: {
          ...arrayOf({
            type: "object",
            required: ["name", "content"],
            properties: {
              name: str("A file name; its extension (.html, .txt, .json, .jsonl) says how to read it."),
              content: { type: "string" },
            },
          }),
          minItems: 1,
        },
      },
    },
    ImportSummary: {
      type: "object",
      required: ["articles", "stories", "diagnostics"],
      properties: {
        articles: { type: "integer", minimum: 0, description: "Articles read from the documents." },
        stories: { ...arrayOf({ type: "string" }), description: "Ids of the stories they belong to." },
        diagnostics: arrayOf(ref("Diagnostic")),
      },
    },
  };
}

function errorResponse(description: string): JsonObject {
  return { description, content: { "application/json": { schema: ref("Error") } } };
}

function ok(description: string, schema: JsonObject): JsonObject {
  return { description, content: { "application/json": { schema } } };
}

function query(name: string, description: string, schema: JsonObject = { type: "string" }): JsonObject {
  return { name, in: "query", required: false, description, schema };
}

function pathParam(name: string, description: string): JsonObject {
  return { name, in: "path", required: true, description, schema: { type: "string" } };
}

function paths(options: OpenApiOptions): JsonObject {
  const day = { type: "string", format: "date" };
  const page = [
    query("limit", `Rows per page (default ${options.pageSize}).`, {
      type: "integer",
      minimum: 1,
      maximum: options.maxPageSize,
    }),
    query("offset", "Rows to skip.", { type: "integer", minimum: 0 }),
  ];
  const bad = { "400": { $ref: "#/components/responses/BadParameter" } };
  const missing = { "404": { $ref: "#/components/responses/NotFound" } };
  const download = (kind: keyof typeof EXPORT_KINDS): JsonObject => ({
    get: {
      summary: `Download the stored ${kind}, as \`parallax export ${kind}\` writes them`,
      operationId: `export${kind[0]?.toUpperCase()}${kind.slice(1)}`,
      parameters: [
        {
          ...query("format", "File format.", { type: "string", enum: [...EXPORT_KINDS[kind]] }),
          required: true,
        },
      ],
      responses: {
        "200": {
          description: `The file, with Content-Disposition: attachment; filename=parallax-${kind}.FORMAT`,
          content: Object.fromEntries(
            EXPORT_KINDS[kind].map((f) => [EXPORT_MEDIA_TYPES[f], { schema: { type: "string" } }]),
          ),
        },
        ...bad,
      },
    },
  });
  return {
    "/api/openapi.json": {
      get: {
        summary: "This document",
        operationId: "openapi",
        responses: { "200": ok("OpenAPI 3.1 document", { type: "object" }) },
      },
    },
    "/api/stories": {
      get: {
        summary: "Stories, most recent first, with full-text search and filters",
        operationId: "listStories",
        parameters: [
          query(
            "q",
            'Words to find in article titles and texts ("a phrase", prefix*; other syntax ignored).',
          ),
          query("from", "Stories published on or after this day.", day),
          query("to", "Stories published on or before this day.", day),
          query("place", "A place of the story's events: name (any case) or GeoNames id."),
          query("outlet", "An outlet covering the story (any case)."),
          query("actor", "An actor of the story's events: actor id or name (any case)."),
          ...page,
        ],
        responses: { "200": ok("One page of stories and how many match", ref("StoryPage")), ...bad },
      },
    },
    "/api/stories/{id}": {
      get: {
        summary: "One story with its comparison, its articles and its events",
        operationId: "getStory",
        parameters: [pathParam("id", "Story id.")],
        responses: { "200": ok("The story", ref("StoryDetail")), ...missing },
      },
    },
    "/api/articles/{id}": {
      get: {
        summary: "One article: text, annotations, removed boilerplate, credits",
        operationId: "getArticle",
        parameters: [pathParam("id", "Article id.")],
        responses: { "200": ok("The article", ref("Article")), ...missing },
      },
    },
    "/api/outlets": {
      get: {
        summary: "Every outlet's profile across the stored stories",
        operationId: "listOutlets",
        responses: { "200": ok("Outlet profiles, most articles first", arrayOf(ref("OutletProfile"))) },
      },
    },
    "/api/outlets/{name}": {
      get: {
        summary: "One outlet's profile",
        operationId: "getOutlet",
        parameters: [pathParam("name", "Outlet label (any case).")],
        responses: { "200": ok("The profile", ref("OutletProfile")), ...missing },
      },
    },
    "/api/events": {
      get: {
        summary: "Events merged across articles, in stored order, with filters",
        operationId: "listEvents",
        parameters: [
          query("from", "Events on or after this day.", day),
          query("to", "Events on or before this day.", day),
          query("country", "ISO 3166-1 alpha-2 code of the event's place.", {
            type: "string",
            pattern: "^[A-Za-z]{2}$",
          }),
          query("type", "Event type or sub-type id (data/events/taxonomy.json)."),
          query("outlet", "An outlet among the reporting articles (any case)."),
          ...page,
        ],
        responses: { "200": ok("One page of events and how many match", ref("EventPage")), ...bad },
      },
    },
    "/api/export/events": download("events"),
    "/api/export/stories": download("stories"),
    "/api/import": {
      post: {
        summary: "Analyze documents and store them (only when the server has a write token)",
        operationId: "importDocuments",
        security: [{ writeToken: [] }],
        requestBody: {
          required: true,
          description: `At most ${options.bodyBytes} bytes.`,
          content: {
            "application/json": { schema: ref("ImportRequest") },
            "multipart/form-data": {
              schema: {
                type: "object",
                description: "Files (any field name); a text field `paste` is read as one document.",
                additionalProperties: true,
              },
            },
          },
        },
        responses: {
          "200": ok("What was read and stored", ref("ImportSummary")),
          ...bad,
          "401": errorResponse("Missing or wrong token."),
          "403": errorResponse("Imports are off: the server was started without a write token."),
          "413": errorResponse("The body is larger than the limit."),
          "415": errorResponse("The body is neither JSON nor multipart/form-data."),
        },
      },
    },
  };
}

/** Media type of each export format. */
export const EXPORT_MEDIA_TYPES: Readonly<Record<string, string>> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  geojson: "application/geo+json; charset=utf-8",
};
