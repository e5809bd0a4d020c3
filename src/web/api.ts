/**
 * The JSON API as the web app sees it (scratch/api7.md). Only same-origin `/api/…` paths are
 * fetched; errors come back as `{ error: { code, message } }` and surface as `ApiError`.
 */
import type {
  Article,
  ArticleSummary,
  Diagnostic,
  Event,
  OutletProfile,
  Story,
  StorySummary,
} from "../model/index.js";

export type { ArticleSummary, StorySummary };

export interface StoryList {
  total: number;
  stories: StorySummary[];
}

export interface StoryDetail {
  story: Story;
  articles: ArticleSummary[];
  events: Event[];
}

export interface EventList {
  total: number;
  events: Event[];
}

export interface ImportDocument {
  name: string;
  content: string;
}

export interface ImportSummary {
  articles: number;
  stories: string[];
  diagnostics: Diagnostic[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** `/api/{path}?{params}`, with empty parameters left out. */
export function apiUrl(path: string, params: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return `/api/${path}${text === "" ? "" : `?${text}`}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ApiError(
      response.status,
      body.error?.code ?? "error",
      body.error?.message ?? response.statusText,
    );
  } catch {
    return new ApiError(response.status, "error", `${response.status} ${response.statusText}`);
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

const segment = encodeURIComponent;

export const api = {
  stories: (params: Record<string, string | number | undefined>) =>
    getJson<StoryList>(apiUrl("stories", params)),
  story: (id: string) => getJson<StoryDetail>(apiUrl(`stories/${segment(id)}`)),
  article: (id: string) => getJson<Article>(apiUrl(`articles/${segment(id)}`)),
  outlets: () => getJson<OutletProfile[]>(apiUrl("outlets")),
  outlet: (name: string) => getJson<OutletProfile>(apiUrl(`outlets/${segment(name)}`)),
  events: (params: Record<string, string | number | undefined>) =>
    getJson<EventList>(apiUrl("events", params)),
  async import(documents: ImportDocument[], token: string): Promise<ImportSummary> {
    const response = await fetch(apiUrl("import"), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        accept: "application/json",
      },
      body: JSON.stringify({ documents }),
    });
    if (!response.ok) throw await errorOf(response);
    return (await response.json()) as ImportSummary;
  },
};

/** The world map's TopoJSON, copied next to app.js by scripts/build-web.mjs. */
export const WORLD_MAP_URL = "/countries-110m.json";
