/**
 * Pieces every page uses: the page context, headings, errors, scrollable tables, the map and the
 * timeline drawings. All text goes through `h` (text nodes only).
 */
import type { Topology } from "topojson-specification";
import type { Builders, Child } from "./h.js";
import { worldMap, type MapPoint } from "./geo.js";
import { dayLabel, dayRange, type TimelineRow } from "./timeline.js";
import { routeHref } from "./router.js";

export interface PageContext {
  b: Builders;
  /** The page's `<main id="page">`, emptied before the page renders. */
  main: HTMLElement;
  /** The world map's topology, loaded once. */
  world: () => Promise<Topology>;
  /** Go to a hash route (pushes history). */
  navigate: (hash: string) => void;
  /** False once the user has moved on to another route: a late response must not render. */
  current: () => boolean;
}

export function heading(ctx: PageContext, title: string, subtitle?: Child): HTMLElement {
  const { h } = ctx.b;
  return h(
    "header",
    { class: "page-header" },
    h("h1", { tabindex: -1 }, title),
    subtitle ? h("p", { class: "subtitle" }, subtitle) : null,
  );
}

export function errorBox(ctx: PageContext, message: string): HTMLElement {
  return ctx.b.h("p", { class: "error", role: "alert" }, message);
}

/** A table inside a focusable region that scrolls sideways on narrow screens. */
export function scrollTable(ctx: PageContext, label: string, table: HTMLElement): HTMLElement {
  return ctx.b.h("div", { class: "table-scroll", role: "region", "aria-label": label, tabindex: 0 }, table);
}

export function section(ctx: PageContext, id: string, title: string, ...children: Child[]): HTMLElement {
  const { h } = ctx.b;
  const headingId = `${id}-title`;
  return h("section", { id, "aria-labelledby": headingId }, h("h2", { id: headingId }, title), ...children);
}

export function formatShare(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function outletLink(ctx: PageContext, outlet: string): HTMLElement {
  return ctx.b.h("a", { href: routeHref({ page: "outlet", name: outlet }) }, outlet);
}

export interface LabelledPoint extends MapPoint {
  label: string;
}

const MAP_WIDTH = 640;
const MAP_HEIGHT = 360;
/** Radius of a place's dot, in map pixels. */
const POINT_RADIUS = 5;

/** `svg#map`: country shapes and a labelled dot per place; a note when the map cannot load. */
export async function placesMap(
  ctx: PageContext,
  title: string,
  points: readonly LabelledPoint[],
): Promise<Element> {
  const { h, s } = ctx.b;
  let topology: Topology;
  try {
    topology = await ctx.world();
  } catch {
    return h("p", { class: "note" }, "The world map could not be loaded.");
  }
  const map = worldMap(topology, MAP_WIDTH, MAP_HEIGHT, points);
  const placed = placeLabels(
    points.flatMap((point) => {
      const xy = map.project(point);
      return xy ? [{ label: point.label, x: xy[0], y: xy[1] }] : [];
    }),
  );
  const dots = placed.map((p) =>
    s(
      "g",
      { class: "place" },
      s("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: POINT_RADIUS }, s("title", null, p.label)),
      s("text", { x: (p.x + POINT_RADIUS + 2).toFixed(1), y: p.labelY.toFixed(1) }, p.label),
    ),
  );
  const description =
    points.length === 0 ? "No places to show." : `Places: ${points.map((p) => p.label).join("; ")}.`;
  return s(
    "svg",
    {
      id: "map",
      viewBox: `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`,
      role: "img",
      "aria-label": `${title}. ${description}`,
    },
    s("title", null, title),
    s("rect", { class: "sea", x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT }),
    s(
      "g",
      { class: "countries" },
      map.countries.map((c) => s("path", { d: c.d }, s("title", null, c.name))),
    ),
    s("g", { class: "places" }, dots),
  );
}

/** Approximate width of a label character and height of a label line, in map pixels. */
const LABEL_CHAR_WIDTH = 7;
const LABEL_LINE_HEIGHT = 14;

interface PlacedLabel {
  label: string;
  x: number;
  y: number;
  labelY: number;
}

/** Label baselines moved down, top to bottom, until no label overlaps one placed before it. */
export function placeLabels(points: readonly { label: string; x: number; y: number }[]): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const sorted = [...points].sort((a, b) => a.y - b.y || a.x - b.x);
  for (const point of sorted) {
    const width = point.label.length * LABEL_CHAR_WIDTH;
    let labelY = point.y + 4;
    const clashes = (y: number) =>
      placed.some(
        (other) =>
          Math.abs(other.labelY - y) < LABEL_LINE_HEIGHT &&
          point.x < other.x + other.label.length * LABEL_CHAR_WIDTH &&
          other.x < point.x + width,
      );
    while (clashes(labelY)) labelY += LABEL_LINE_HEIGHT;
    placed.push({ ...point, labelY });
  }
  return placed;
}

const TIMELINE_WIDTH = 640;
const ROW_HEIGHT = 44;
const AXIS_HEIGHT = 28;
const LABEL_GAP = 16;
const SIDE = 24;

/** Height of one line of source labels under a row whose sources disagree. */
const VALUE_LINE = 14;

/**
 * `svg#timeline`: per event a row, a dot per source's date; rows whose sources disagree are
 * marked in colour, dashed, with "sources disagree" in words and each source's date written out.
 */
export function timeline(ctx: PageContext, rows: readonly TimelineRow[]): Element {
  const { s } = ctx.b;
  const range = dayRange(rows);
  const rowHeight = (row: TimelineRow) => ROW_HEIGHT + (row.disagree ? row.values.length * VALUE_LINE : 0);
  const height =
    AXIS_HEIGHT +
    Math.max(
      rows.reduce((sum, row) => sum + rowHeight(row), 0),
      ROW_HEIGHT,
    );
  const svgAttrs = {
    id: "timeline",
    viewBox: `0 0 ${TIMELINE_WIDTH} ${height}`,
    role: "img",
    "aria-label": timelineDescription(rows),
  };
  if (!range) return s("svg", svgAttrs, s("text", { x: SIDE, y: AXIS_HEIGHT }, "No source dates an event."));
  const [first, last] = range;
  const x = (day: number) => SIDE + ((day - first) / (last - first)) * (TIMELINE_WIDTH - 2 * SIDE);
  const axis = s(
    "g",
    { class: "axis" },
    s("line", { x1: SIDE, x2: TIMELINE_WIDTH - SIDE, y1: AXIS_HEIGHT - 8, y2: AXIS_HEIGHT - 8 }),
    s("text", { x: SIDE, y: 14 }, dayLabel(first)),
    s("text", { x: TIMELINE_WIDTH - SIDE, y: 14, "text-anchor": "end" }, dayLabel(last)),
  );
  let top = AXIS_HEIGHT;
  const drawn = rows.map((row) => {
    const y = top + LABEL_GAP + 10;
    top += rowHeight(row);
    const days = row.values.map((v) => v.day);
    const valueLabels = row.disagree
      ? row.values.map((v, i) => {
          const vx = x(v.day);
          const anchor = vx > TIMELINE_WIDTH / 2 ? "end" : "start";
          return s(
            "text",
            {
              class: "value-label",
              x: vx.toFixed(1),
              y: y + 10 + (i + 1) * VALUE_LINE,
              "text-anchor": anchor,
            },
            `${v.outlet}: ${v.value}`,
          );
        })
      : [];
    return s(
      "g",
      { class: row.disagree ? "row disagree" : "row", "data-event": row.eventId },
      s(
        "text",
        { class: "row-label", x: SIDE, y: y - LABEL_GAP + 2 },
        row.disagree ? `${row.label} — sources disagree` : row.label,
      ),
      s("line", { class: "span", x1: x(Math.min(...days)), x2: x(Math.max(...days)), y1: y, y2: y }),
      row.values.map((v) =>
        s("circle", { cx: x(v.day).toFixed(1), cy: y, r: 5 }, s("title", null, `${v.outlet}: ${v.value}`)),
      ),
      valueLabels,
    );
  });
  return s("svg", svgAttrs, axis, drawn);
}

function timelineDescription(rows: readonly TimelineRow[]): string {
  if (rows.length === 0) return "Timeline: no source dates an event.";
  const parts = rows.map(
    (row) =>
      `${row.label}: ${row.values.map((v) => `${v.outlet} ${v.value}`).join(", ")}${row.disagree ? " (sources disagree)" : ""}`,
  );
  return `Timeline of event dates per source. ${parts.join(". ")}.`;
}
