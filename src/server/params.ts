import { ApiError, quoted } from "./errors.js";

/** Characters a text filter may have: a place, outlet or actor name is never longer. */
export const MAX_FILTER_CHARS = 200;
/** Characters of a search: a few hundred is a long query already; more is not a search. */
export const MAX_SEARCH_CHARS = 500;
/** C0 control characters and DEL: never part of a name, and a way to forge log lines. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHAR = /[\u0000-\u001f\u007f]/;

/** Largest offset a list accepts: deeper pages are a crawl, and OFFSET costs grow with it. */
export const MAX_OFFSET = 1_000_000;

/**
 * The query parameters of a request as one value each, refusing any the route does not know
 * (a typo such as `form=` would otherwise silently filter nothing). An empty value counts as
 * absent, so a form can send every field.
 */
export function queryParams(url: string, allowed: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of new URL(url).searchParams) {
    if (!allowed.includes(name))
      throw new ApiError(
        400,
        `unknown parameter ${quoted(name)}: this route takes ${allowed.join(", ") || "none"}`,
      );
    if (params.has(name)) throw new ApiError(400, `parameter "${name}" is given more than once`);
    if (value !== "") params.set(name, value);
  }
  return params;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day YYYY-MM-DD that exists (2023-02-30 does not). */
export function dayParam(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = ISO_DAY.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new ApiError(400, `parameter "${name}" must be a date YYYY-MM-DD, not ${quoted(value)}`);
  return value;
}

/** `from` no later than `to`, when both are given. */
export function dayRange(params: Map<string, string>): { from?: string; to?: string } {
  const from = dayParam("from", params.get("from"));
  const to = dayParam("to", params.get("to"));
  if (from !== undefined && to !== undefined && from > to)
    throw new ApiError(400, `parameter "from" (${from}) is after "to" (${to})`);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export function intParam(
  name: string,
  value: string | undefined,
  range: { min: number; max: number; fallback: number },
): number {
  if (value === undefined) return range.fallback;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= range.min && n <= range.max))
    throw new ApiError(
      400,
      `parameter "${name}" must be a whole number from ${range.min} to ${range.max}, not ${quoted(value)}`,
    );
  return n;
}

export function textParam(
  name: string,
  value: string | undefined,
  maxChars = MAX_FILTER_CHARS,
): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.length > maxChars)
    throw new ApiError(400, `parameter "${name}" must be at most ${maxChars} characters`);
  // Control characters are never part of a name: refuse them rather than match nothing.
  if (CONTROL_CHAR.test(trimmed))
    throw new ApiError(400, `parameter "${name}" must not contain control characters`);
  return trimmed === "" ? undefined : trimmed;
}

export function patternParam(
  name: string,
  value: string | undefined,
  pattern: RegExp,
  expected: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (!pattern.test(value))
    throw new ApiError(400, `parameter "${name}" must be ${expected}, not ${quoted(value)}`);
  return value;
}

export function choiceParam<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
): T {
  if (value === undefined)
    throw new ApiError(400, `parameter "${name}" is required: one of ${choices.join(", ")}`);
  if (!choices.includes(value as T))
    throw new ApiError(400, `parameter "${name}" must be one of ${choices.join(", ")}, not ${quoted(value)}`);
  return value as T;
}

/** limit and offset of a list; `pageSize` is the default limit. */
export function pageParams(
  params: Map<string, string>,
  pageSize: number,
  maxPageSize: number,
): { limit: number; offset: number } {
  return {
    limit: intParam("limit", params.get("limit"), { min: 1, max: maxPageSize, fallback: pageSize }),
    offset: intParam("offset", params.get("offset"), { min: 0, max: MAX_OFFSET, fallback: 0 }),
  };
}
