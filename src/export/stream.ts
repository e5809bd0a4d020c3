import { articleLabel } from "../common/labels.js";
import { type Event, SCHEMA_VERSION, type Story } from "../model/index.js";
import { type ArticleInfo, type Cell, EVENT_COLUMNS, type EventRowMapper } from "./events.js";
import { csvCell, type ExportFormat } from "./formats.js";
import { type ExportArticle, STORY_COLUMNS, type StoryRowMapper } from "./stories.js";

/**
 * Exports written as they are read: a store of 100k articles is never held whole. The bytes are
 * those of the in-memory writers (`toCsv`, `eventsToJson`, `storiesToJson`, `rowsToGeoJson`), so a
 * download and `parallax export` agree; the tests hold the two to that.
 */

/** What a streaming export reads: pages of events and stories in store order, and lookups by id. */
export interface ExportSource {
  eventPages(): Iterable<readonly Event[]>;
  storyPages(): Iterable<readonly Story[]>;
  articles(ids: readonly string[]): ExportArticle[];
  events(ids: readonly string[]): Event[];
}

export interface ExportStream {
  chunks: Iterable<string>;
  /** Read after the chunks: what the reader should know (rows left out, for example). */
  warnings(): string[];
}

const CSV_LINE_END = "\r\n";
/** The in-memory writers indent JSON by two spaces; elements of the top-level array sit at four. */
const ELEMENT_INDENT = "    ";

export function streamEvents(
  format: ExportFormat,
  source: ExportSource,
  eventRow: EventRowMapper,
): ExportStream {
  let rows = 0;
  let withoutCoordinates = 0;
  function* rowsWithEvents(): Generator<[Record<string, Cell>, Event]> {
    for (const page of source.eventPages()) {
      const ids = [...new Set(page.flatMap((e) => e.reports.map((r) => r.articleId)))];
      const labels = new Map<string, ArticleInfo>(
        source.articles(ids).map((a) => [a.id, { outlet: articleLabel(a) }]),
      );
      for (const event of page) {
        rows++;
        yield [eventRow(event, labels), event];
      }
    }
  }
  function* geoFeatures(): Generator<unknown> {
    for (const [row] of rowsWithEvents()) {
      const lat = row.latitude;
      const lon = row.longitude;
      if (typeof lat !== "number" || typeof lon !== "number") {
        withoutCoordinates++;
        continue;
      }
      const id = row.parallax_event_id;
      yield {
        type: "Feature",
        ...(id !== undefined && id !== null ? { id } : {}),
        geometry: { type: "Point", coordinates: [lon, lat] },
        properties: row,
      };
    }
  }
  const chunks =
    format === "csv"
      ? csv(
          EVENT_COLUMNS,
          mapRows(rowsWithEvents(), ([row]) => row),
        )
      : format === "json"
        ? jsonDocument(
            `  "schemaVersion": ${JSON.stringify(SCHEMA_VERSION)},\n  "events": `,
            mapRows(rowsWithEvents(), ([row, event]) => ({ ...row, parallax: event })),
          )
        : jsonDocument(`  "type": "FeatureCollection",\n  "features": `, geoFeatures());
  return {
    chunks,
    warnings: () =>
      withoutCoordinates > 0
        ? [`${withoutCoordinates} of ${rows} event(s) have no coordinates and were left out of the GeoJSON`]
        : [],
  };
}

export function streamStories(
  format: ExportFormat,
  source: ExportSource,
  storyRow: StoryRowMapper,
): ExportStream {
  function* rowsWithStories(): Generator<[Record<string, Cell>, Story]> {
    for (const page of source.storyPages()) {
      const articles = new Map(source.articles(page.flatMap((s) => s.articleIds)).map((a) => [a.id, a]));
      const events = new Map(source.events(page.flatMap((s) => s.eventIds ?? [])).map((e) => [e.id, e]));
      for (const story of page) yield [storyRow(story, articles, events), story];
    }
  }
  const chunks =
    format === "csv"
      ? csv(
          STORY_COLUMNS,
          mapRows(rowsWithStories(), ([row]) => row),
        )
      : jsonDocument(
          `  "schemaVersion": ${JSON.stringify(SCHEMA_VERSION)},\n  "stories": `,
          mapRows(rowsWithStories(), ([row, story]) => ({ ...row, parallax: story })),
        );
  return { chunks, warnings: () => [] };
}

function* mapRows<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

function* csv(columns: readonly string[], rows: Iterable<Record<string, Cell>>): Generator<string> {
  yield columns.map((c) => csvCell(c)).join(",") + CSV_LINE_END;
  for (const row of rows) yield columns.map((c) => csvCell(row[c] ?? null)).join(",") + CSV_LINE_END;
}

/**
 * `{` + the fields before the array + the array, one element at a time, as JSON.stringify(…, null, 2)
 * lays it out: "[]" when empty, else each element on its own lines at four spaces.
 */
function* jsonDocument(head: string, elements: Iterable<unknown>): Generator<string> {
  yield `{\n${head}[`;
  let first = true;
  for (const element of elements) {
    const text = JSON.stringify(element, null, 2).replace(/\n/g, `\n${ELEMENT_INDENT}`);
    yield `${first ? "" : ","}\n${ELEMENT_INDENT}${text}`;
    first = false;
  }
  yield `${first ? "" : "\n  "}]\n}\n`;
}
