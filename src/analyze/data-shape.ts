/**
 * Checks on the shape of the JSON data files that lexicons are loaded from: each returns the value
 * with its type, or throws naming the entry (`where`) so a bad edit fails with its place in the file.
 */

export function objectAt(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${where}: expected an object`);
  }
  return value as Record<string, unknown>;
}

export function numberRecord(value: unknown, where: string): Record<string, number> {
  const record = objectAt(value, where);
  for (const [key, v] of Object.entries(record)) {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`${where}.${key}: expected a number`);
  }
  return record as Record<string, number>;
}

export function stringRecord(value: unknown, where: string): Record<string, string> {
  const record = objectAt(value, where);
  for (const [key, v] of Object.entries(record)) {
    if (typeof v !== "string" || v === "") throw new Error(`${where}.${key}: expected a non-empty string`);
  }
  return record as Record<string, string>;
}

export function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v === "")) {
    throw new Error(`${where}: expected a list of non-empty strings`);
  }
  return value as string[];
}
