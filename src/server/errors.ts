/** Stable codes of the API's errors, one per HTTP status it answers with. */
export const ERROR_CODES = {
  400: "bad-parameter",
  401: "unauthorized",
  403: "imports-off",
  404: "not-found",
  413: "body-too-large",
  415: "unsupported-media-type",
  500: "internal",
} as const;

export type ErrorStatus = keyof typeof ERROR_CODES;

/** A request the API refuses: thrown by a handler, answered by the app as JSON with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    message: string,
    readonly code: string = ERROR_CODES[status],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Characters of a user's value a message quotes: enough to recognise it, never a whole body. */
const QUOTED_VALUE_CHARS = 40;

/** A user's value as a message shows it: JSON-quoted (control characters escaped) and cut short. */
export function quoted(value: string): string {
  const cut = value.length > QUOTED_VALUE_CHARS ? `${value.slice(0, QUOTED_VALUE_CHARS)}…` : value;
  return JSON.stringify(cut);
}
