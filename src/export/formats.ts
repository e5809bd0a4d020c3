import { type Event, SCHEMA_VERSION, type Story } from "../model/index.js";
import type { Cell } from "./events.js";

/**
 * Writers of export rows: CSV (RFC 4180), JSON and GeoJSON. Rows are plain records whose key
 * order is the column order; each writer takes the rows and, for JSON, the model objects.
 */

export const EXPORT_FORMATS = ["csv", "json", "geojson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** RFC 4180 ends every record with CRLF. */
const CSV_LINE_END = "\r\n";
/**
 * A spreadsheet reads a cell that starts with one of these as a formula (or, for tab and CR, may
 * shift it to one): scraped text is hostile, so such text gets a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV with a header row; text cells are quoted when needed and formula-neutralised. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const lines = [
    columns.map((c) => csvCell(c)),
    ...rows.map((row) => columns.map((c) => csvCell(row[c] ?? null))),
  ];
  return lines.map((cells) => cells.join(",") + CSV_LINE_END).join("");
}

/**
 * One CSV cell. Numbers are ours and written as they are (a longitude of -73.5 stays a number);
 * text is neutralised if it could start a formula, then quoted if it holds a comma, a quotation
 * mark or a line break, with quotation marks doubled.
 */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface EventsJson {
  schemaVersion: string;
  /** Rows in the CSV's column order, with the whole event under `parallax`. */
  events: { [column: string]: Cell | Event; parallax: Event }[];
}

export function eventsToJson(rows: readonly Record<string, Cell>[], events: readonly Event[]): string {
  const document: EventsJson = {
    schemaVersion: SCHEMA_VERSION,
    events: rows.map((row, i) => ({ ...row, parallax: events[i] as Event })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export interface StoriesJson {
  schemaVersion: string;
  stories: { [column: string]: Cell | Story; parallax: Story }[];
}

export function storiesToJson(rows: readonly Record<string, Cell>[], stories: readonly Story[]): string {
  const document: StoriesJson = {
    schemaVersion: SCHEMA_VERSION,
    stories: rows.map((row, i) => ({ ...row, parallax: stories[i] as Story })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export interface GeoJsonExport {
  /** The FeatureCollection, as text. */
  text: string;
  /** Rows left out because they have no coordinates. */
  withoutCoordinates: number;
}

/**
 * A GeoJSON FeatureCollection (RFC 7946) of Points, [longitude, latitude] as GeoJSON orders them,
 * with the row as properties. Rows without both coordinates cannot be drawn: they are left out and
 * counted.
 */
export function rowsToGeoJson(
  rows: readonly Record<string, Cell>[],
  coordinates: { lat: string; lon: string; id?: string },
): GeoJsonExport {
  const features = [];
  let withoutCoordinates = 0;
  for (const row of rows) {
    const lat = row[coordinates.lat];
    const lon = row[coordinates.lon];
    if (typeof lat !== "number" || typeof lon !== "number") {
      withoutCoordinates++;
      continue;
    }
    const id = coordinates.id ? row[coordinates.id] : undefined;
    features.push({
      type: "Feature" as const,
      ...(id !== undefined && id !== null ? { id } : {}),
      geometry: { type: "Point" as const, coordinates: [lon, lat] },
      properties: row,
    });
  }
  const text = `${JSON.stringify({ type: "FeatureCollection", features }, null, 2)}\n`;
  return { text, withoutCoordinates };
}
