/**
 * Reading schema.org JSON-LD: the scripts' objects flattened (arrays, `@graph`, `mainEntity`),
 * `{"@id"}` references resolved against the other objects of the page, and the object that
 * describes the article picked out.
 */

export type JsonObject = Record<string, unknown>;

export interface JsonLd {
  /** Every object of every script, in document order. */
  objects: readonly JsonObject[];
  /** Objects by their `@id`, to resolve references such as `"author": {"@id": "#/person/1"}`. */
  byId: ReadonlyMap<string, JsonObject>;
  /** The object that describes the article (NewsArticle and kin), if any. */
  article?: JsonObject;
}

/**
 * Parses the scripts' texts; `onBadScript` is called for each script that is not JSON even
 * after the usual repairs (comment wrappers, raw line breaks inside strings).
 */
export function readJsonLd(
  scripts: readonly string[],
  articleTypes: ReadonlySet<string>,
  onBadScript: () => void,
): JsonLd {
  const objects: JsonObject[] = [];
  for (const script of scripts) {
    const value = parseLenient(script);
    if (value === undefined) onBadScript();
    else objects.push(...flatten(value));
  }
  const byId = new Map<string, JsonObject>();
  for (const object of objects) {
    const id = object["@id"];
    // The first full object wins: a later bare reference carries nothing more.
    if (typeof id === "string" && !byId.has(id) && Object.keys(object).length > 1) byId.set(id, object);
  }
  const article = pickArticle(objects, articleTypes);
  return { objects, byId, ...(article ? { article } : {}) };
}

function parseLenient(script: string): unknown {
  const trimmed = script
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/g, "")
    .replace(/^<!--|-->$/g, "")
    .trim();
  if (trimmed === "") return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    // JSON forbids raw control characters inside strings; CMSs often leave line breaks there.
    try {
      // eslint-disable-next-line no-control-regex
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, " "));
    } catch {
      return undefined;
    }
  }
}

/** Keys whose object values are further top-level descriptions, not parts of the one they sit in. */
const NESTED_DESCRIPTIONS = ["@graph", "mainEntity"];

function flatten(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value === null || typeof value !== "object") return [];
  const object = value as JsonObject;
  return [object, ...NESTED_DESCRIPTIONS.flatMap((key) => flatten(object[key]))];
}

export function typesOf(object: JsonObject): string[] {
  const type = object["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

/** A generic WebPage describes the page; prefer an object that describes the article itself. */
function pickArticle(objects: readonly JsonObject[], articleTypes: ReadonlySet<string>) {
  const typed = objects.filter((o) => typesOf(o).some((t) => articleTypes.has(t)));
  return typed.find((o) => !typesOf(o).includes("WebPage")) ?? typed[0];
}

/** Follows a bare `{"@id": ...}` reference to the full object, when the page has it. */
export function resolve(ld: JsonLd, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const id = (value as JsonObject)["@id"];
  return typeof id === "string" && !("name" in value) ? (ld.byId.get(id) ?? value) : value;
}

/** A JSON-LD person or organisation as a name: a string or `{name}` (or a reference to one). */
export function nameOf(ld: JsonLd, value: unknown): string | undefined {
  const resolved = resolve(ld, value);
  if (typeof resolved === "string") return resolved;
  if (Array.isArray(resolved)) return nameOf(ld, resolved[0]);
  if (resolved && typeof resolved === "object") {
    const name = (resolved as JsonObject).name;
    if (typeof name === "string") return name;
    if (Array.isArray(name) && typeof name[0] === "string") return name[0];
    // schema.org Person without `name`: givenName + familyName.
    const given = (resolved as JsonObject).givenName;
    const family = (resolved as JsonObject).familyName;
    if (typeof given === "string" && typeof family === "string") return `${given} ${family}`;
  }
  return undefined;
}

/** Every name of a list of persons (or one person). */
export function namesOf(ld: JsonLd, value: unknown): string[] {
  const resolved = resolve(ld, value);
  if (Array.isArray(resolved)) return resolved.flatMap((item) => namesOf(ld, item));
  const name = nameOf(ld, resolved);
  return name === undefined ? [] : [name];
}

/** A string property, or the first string of a list. */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(stringOf).find((v) => v !== undefined);
  return undefined;
}
