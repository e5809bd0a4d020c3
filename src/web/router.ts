/**
 * Hash routes of the web app: `#/` stories, `#/story/{id}`, `#/article/{id}?s=&e=`,
 * `#/outlet/{name}`, `#/events`, `#/import`. Filters travel in the hash's query so the back
 * button and shared links keep them.
 */

export type PageName = "stories" | "story" | "article" | "outlet" | "events" | "import" | "not-found";

/** Query parameters of a page, as given (empty values dropped). */
export type Params = Record<string, string>;

export type Route =
  | { page: "stories"; params: Params }
  | { page: "story"; id: string }
  | { page: "article"; id: string; passage?: { start: number; end: number } }
  | { page: "outlet"; name?: string }
  | { page: "events"; params: Params }
  | { page: "import" }
  | { page: "not-found"; path: string };

function queryParams(query: string): Params {
  const params: Params = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (value.trim() !== "") params[key] = value.trim();
  }
  return params;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** A passage [s, e) from an article route's query, when both are whole numbers with s < e. */
function passageOf(params: Params): { start: number; end: number } | undefined {
  const whole = /^\d+$/;
  const s = params.s;
  const e = params.e;
  if (s === undefined || e === undefined || !whole.test(s) || !whole.test(e)) return undefined;
  const start = Number(s);
  const end = Number(e);
  return start < end ? { start, end } : undefined;
}

/** The route a location hash ("#/story/abc", "", "#/article/x?s=1&e=9") names. */
export function parseRoute(hash: string): Route {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  const queryAt = raw.indexOf("?");
  const path = queryAt < 0 ? raw : raw.slice(0, queryAt);
  const params = queryParams(queryAt < 0 ? "" : raw.slice(queryAt + 1));
  const segments = path.split("/").filter((segment) => segment !== "");
  const [head, rest, ...extra] = segments;
  const notFound: Route = { page: "not-found", path };
  if (head === undefined) return { page: "stories", params };
  if (extra.length > 0) return notFound;
  const value = rest === undefined ? undefined : decodeSegment(rest);
  if (rest !== undefined && value === undefined) return notFound;
  switch (head) {
    case "stories":
      return value === undefined ? { page: "stories", params } : notFound;
    case "story":
      return value === undefined ? notFound : { page: "story", id: value };
    case "article": {
      if (value === undefined) return notFound;
      const passage = passageOf(params);
      return passage ? { page: "article", id: value, passage } : { page: "article", id: value };
    }
    case "outlet":
    case "outlets":
      return value === undefined ? { page: "outlet" } : { page: "outlet", name: value };
    case "events":
      return value === undefined ? { page: "events", params } : notFound;
    case "import":
      return value === undefined ? { page: "import" } : notFound;
    default:
      return notFound;
  }
}

function withQuery(path: string, params: Params): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== "") query.set(key, value);
  }
  const text = query.toString();
  return text === "" ? path : `${path}?${text}`;
}

/** The hash that opens a route: the inverse of `parseRoute`. */
export function routeHref(route: Route): string {
  switch (route.page) {
    case "stories":
      return withQuery("#/", route.params);
    case "story":
      return `#/story/${encodeURIComponent(route.id)}`;
    case "article": {
      const path = `#/article/${encodeURIComponent(route.id)}`;
      return route.passage
        ? withQuery(path, { s: String(route.passage.start), e: String(route.passage.end) })
        : path;
    }
    case "outlet":
      return route.name === undefined ? "#/outlet/" : `#/outlet/${encodeURIComponent(route.name)}`;
    case "events":
      return withQuery("#/events", route.params);
    case "import":
      return "#/import";
    case "not-found":
      return `#${route.path}`;
  }
}
