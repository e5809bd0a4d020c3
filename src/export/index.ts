import type { EventTaxonomy } from "../analyze/event-types/data.js";
import { articleLabel } from "../common/labels.js";
import type { Event, Story } from "../model/index.js";
import type { AcledCodes } from "./codes.js";
import { type ArticleInfo, createEventRowMapper, EVENT_COLUMNS } from "./events.js";
import { type ExportFormat, eventsToJson, rowsToGeoJson, storiesToJson, toCsv } from "./formats.js";
import { createStoryRowMapper, type ExportArticle, STORY_COLUMNS, type StoryRowOptions } from "./stories.js";
import { type ExportSource, type ExportStream, streamEvents, streamStories } from "./stream.js";

export { type AcledCodes, loadAcledCodes, parseAcledCodes } from "./codes.js";
export {
  ACLED_COLUMNS,
  acledDate,
  type ArticleInfo,
  type Cell,
  createEventRowMapper,
  EVENT_COLUMNS,
  type EventRow,
  type EventRowMapper,
  eventIdCnty,
  interactionCode,
  interCode,
  PARALLAX_EVENT_COLUMNS,
  timePrecisionCode,
} from "./events.js";
export { csvCell, EXPORT_FORMATS, type ExportFormat, toCsv } from "./formats.js";
export { type ExportSource, type ExportStream } from "./stream.js";
export { createStoryRowMapper, type ExportArticle, STORY_COLUMNS, type StoryRow } from "./stories.js";

/** What an export is made from: what the store holds. */
export interface ExportData {
  events: readonly Event[];
  stories: readonly Story[];
  articles: readonly ExportArticle[];
}

export interface ExportOutput {
  text: string;
  /** Things the reader should know, one line each (rows left out, for example). */
  warnings: string[];
}

export type ExportKind = "events" | "stories";

/** Which formats each kind of export can be written in: a story has no single point to map. */
export const EXPORT_KINDS: Record<ExportKind, readonly ExportFormat[]> = {
  events: ["csv", "json", "geojson"],
  stories: ["csv", "json"],
};

export interface ExporterOptions {
  taxonomy: EventTaxonomy;
  codes: AcledCodes;
  stories?: Partial<StoryRowOptions>;
}

export type Exporter = (kind: ExportKind, format: ExportFormat, data: ExportData) => ExportOutput;

/**
 * Builds the exporter once from the taxonomy and ACLED's codes. Throws for a format the kind
 * cannot be written in: the caller checks against EXPORT_KINDS first.
 */
export function createExporter(options: ExporterOptions): Exporter {
  const eventRow = createEventRowMapper(options);
  const storyRow = createStoryRowMapper(options.stories);
  return (kind, format, data) => {
    if (!EXPORT_KINDS[kind].includes(format))
      throw new Error(`export: ${kind} cannot be written as ${format}`);
    return kind === "events" ? exportEvents(format, data) : exportStories(format, data);
  };

  function exportEvents(format: ExportFormat, data: ExportData): ExportOutput {
    const articles = new Map<string, ArticleInfo>(
      data.articles.map((a) => [a.id, { outlet: articleLabel(a) }]),
    );
    const rows = data.events.map((e) => eventRow(e, articles));
    if (format === "csv") return { text: toCsv(EVENT_COLUMNS, rows), warnings: [] };
    if (format === "json") return { text: eventsToJson(rows, data.events), warnings: [] };
    const geo = rowsToGeoJson(rows, { lat: "latitude", lon: "longitude", id: "parallax_event_id" });
    const warnings =
      geo.withoutCoordinates > 0
        ? [
            `${geo.withoutCoordinates} of ${rows.length} event(s) have no coordinates and were left out of the GeoJSON`,
          ]
        : [];
    return { text: geo.text, warnings };
  }

  function exportStories(format: ExportFormat, data: ExportData): ExportOutput {
    const articles = new Map(data.articles.map((a) => [a.id, a]));
    const events = new Map(data.events.map((e) => [e.id, e]));
    const rows = data.stories.map((s) => storyRow(s, articles, events));
    const text = format === "csv" ? toCsv(STORY_COLUMNS, rows) : storiesToJson(rows, data.stories);
    return { text, warnings: [] };
  }
}

export type StreamingExporter = (
  kind: ExportKind,
  format: ExportFormat,
  source: ExportSource,
) => ExportStream;

/**
 * The same exports written as they are read, page by page from a store: what the HTTP downloads
 * and `parallax export` use, so that a large database is never held in memory.
 */
export function createStreamingExporter(options: ExporterOptions): StreamingExporter {
  const eventRow = createEventRowMapper(options);
  const storyRow = createStoryRowMapper(options.stories);
  return (kind, format, source) => {
    if (!EXPORT_KINDS[kind].includes(format))
      throw new Error(`export: ${kind} cannot be written as ${format}`);
    return kind === "events"
      ? streamEvents(format, source, eventRow)
      : streamStories(format, source, storyRow);
  };
}
