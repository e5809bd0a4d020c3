/** `#/events`: the merged events as a filterable table and a map, with the exports. */
import type { Event, EventActor } from "../../model/index.js";
import { api, apiUrl } from "../api.js";
import { routeHref, type Params } from "../router.js";
import {
  errorBox,
  heading,
  placesMap,
  scrollTable,
  section,
  type LabelledPoint,
  type PageContext,
} from "../ui.js";

/** Events per page; the server caps it too. */
export const EVENTS_PAGE_SIZE = 100;

const FILTERS: { id: string; label: string; type: string; placeholder?: string }[] = [
  { id: "from", label: "From date", type: "date" },
  { id: "to", label: "To date", type: "date" },
  { id: "country", label: "Country code", type: "text", placeholder: "e.g. SY" },
  { id: "type", label: "Event type", type: "text", placeholder: "e.g. battles" },
  { id: "outlet", label: "Outlet", type: "text" },
];

const DOWNLOADS: { path: string; format: string; file: string; label: string }[] = [
  { path: "export/events", format: "csv", file: "parallax-events.csv", label: "Events (CSV)" },
  { path: "export/events", format: "json", file: "parallax-events.json", label: "Events (JSON)" },
  { path: "export/events", format: "geojson", file: "parallax-events.geojson", label: "Events (GeoJSON)" },
  { path: "export/stories", format: "csv", file: "parallax-stories.csv", label: "Stories (CSV)" },
  { path: "export/stories", format: "json", file: "parallax-stories.json", label: "Stories (JSON)" },
];

export async function renderEvents(ctx: PageContext, params: Params): Promise<void> {
  const { h } = ctx.b;
  const offset = Math.max(0, Number.parseInt(params.offset ?? "0", 10) || 0);
  ctx.main.append(
    heading(ctx, "Events", "What happened, merged across every source that tells it."),
    filterForm(ctx, params),
    h(
      "nav",
      { class: "downloads", "aria-label": "Downloads" },
      h("h2", null, "Download"),
      h(
        "ul",
        { class: "inline-list" },
        DOWNLOADS.map((d) =>
          h(
            "li",
            null,
            h(
              "a",
              { class: "download", href: apiUrl(d.path, { format: d.format }), download: d.file },
              d.label,
            ),
          ),
        ),
      ),
    ),
  );
  let list;
  try {
    list = await api.events({ ...params, limit: EVENTS_PAGE_SIZE, offset });
  } catch (error) {
    if (ctx.current()) ctx.main.append(errorBox(ctx, (error as Error).message));
    return;
  }
  if (!ctx.current()) return;
  const mapSection = section(ctx, "places", "Map");
  ctx.main.append(
    h(
      "p",
      { class: "count", role: "status" },
      list.total === 0
        ? "No event matches."
        : `${list.total} events; showing ${offset + 1}–${offset + list.events.length}.`,
    ),
    scrollTable(ctx, "Events", eventTable(ctx, list.events)),
    pager(ctx, params, offset, list.total),
    mapSection,
  );
  const map = await placesMap(ctx, "Places of the events", eventPoints(list.events));
  if (ctx.current()) mapSection.append(map);
}

function filterForm(ctx: PageContext, params: Params): HTMLElement {
  const { h } = ctx.b;
  const form = h(
    "form",
    { id: "event-filters", class: "filters", method: "get" },
    FILTERS.map((f) =>
      h(
        "div",
        { class: "field" },
        h("label", { for: f.id }, f.label),
        h("input", {
          id: f.id,
          name: f.id,
          type: f.type,
          value: params[f.id] ?? "",
          placeholder: f.placeholder,
          autocomplete: "off",
        }),
      ),
    ),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit" }, "Filter"),
      h("a", { href: "#/events", class: "button secondary" }, "Clear"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next: Params = {};
    for (const [key, value] of new FormData(form as HTMLFormElement)) {
      if (typeof value === "string" && value.trim() !== "") next[key] = value.trim();
    }
    ctx.navigate(routeHref({ page: "events", params: next }));
  });
  return form;
}

function actorName(actor: EventActor | undefined): string {
  return actor?.name ?? "";
}

function sourcesOf(event: Event): string {
  const outlets = new Set(event.fields.subType.values.map((v) => v.outlet ?? v.articleId));
  return [...outlets].join(", ");
}

function eventTable(ctx: PageContext, events: Event[]): HTMLElement {
  const { h } = ctx.b;
  const columns = [
    "Date",
    "Type",
    "Actor 1",
    "Actor 2",
    "Place",
    "Fatalities",
    "Sources",
    "Confidence",
    "Story",
  ];
  return h(
    "table",
    { id: "events", class: "data" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        columns.map((c) => h("th", { scope: "col" }, c)),
      ),
    ),
    h(
      "tbody",
      null,
      events.map((event) => {
        const f = event.fields;
        const dates = new Set(f.date.values.map((v) => v.value.value));
        const tolls = new Set(f.fatalities.values.map((v) => v.value.count));
        return h(
          "tr",
          null,
          h(
            "td",
            { class: dates.size > 1 ? "nowrap status-conflict" : "nowrap" },
            f.date.resolved?.value ?? "—",
            dates.size > 1 ? " (sources disagree)" : "",
          ),
          h("td", null, `${event.type} / ${event.subType}`),
          h("td", null, actorName(f.actor1.resolved)),
          h("td", null, actorName(f.actor2.resolved)),
          h(
            "td",
            null,
            f.place.resolved
              ? `${f.place.resolved.name}${f.place.resolved.countryCode ? ` (${f.place.resolved.countryCode})` : ""}`
              : "",
          ),
          h(
            "td",
            { class: tolls.size > 1 ? "num status-conflict" : "num" },
            f.fatalities.resolved ? String(f.fatalities.resolved.count) : "",
          ),
          h("td", null, sourcesOf(event)),
          h("td", { class: "num" }, event.confidence.toFixed(2)),
          h(
            "td",
            null,
            event.storyIds.map((id, i) => [
              i > 0 ? ", " : "",
              h("a", { href: routeHref({ page: "story", id }) }, "story"),
            ]),
          ),
        );
      }),
    ),
  );
}

function eventPoints(events: Event[]): LabelledPoint[] {
  const points = new Map<string, LabelledPoint>();
  for (const event of events) {
    const place = event.fields.place.resolved;
    const key = place ? `${place.name}|${place.lat}|${place.lon}` : "";
    if (place && !points.has(key)) points.set(key, { lon: place.lon, lat: place.lat, label: place.name });
  }
  return [...points.values()];
}

function pager(ctx: PageContext, params: Params, offset: number, total: number): HTMLElement {
  const { h } = ctx.b;
  const link = (label: string, to: number) =>
    h(
      "a",
      {
        class: "button secondary",
        href: routeHref({ page: "events", params: { ...params, offset: String(to) } }),
      },
      label,
    );
  return h(
    "nav",
    { class: "pager", "aria-label": "Pages of events" },
    offset > 0 ? link("Previous page", Math.max(0, offset - EVENTS_PAGE_SIZE)) : null,
    offset + EVENTS_PAGE_SIZE < total ? link("Next page", offset + EVENTS_PAGE_SIZE) : null,
  );
}
