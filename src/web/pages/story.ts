/**
 * `#/story/{id}`: the fact matrix (outlets side by side, each cell linking to its words in the
 * article), sourcing and framing per outlet, a map of the events' places and a timeline of the
 * dates each source gives.
 */
import type { Event, Fact, FactCell, OutletFraming, OutletSourcing, Wording } from "../../model/index.js";
import { api, type ArticleSummary } from "../api.js";
import type { Child } from "../h.js";
import { routeHref } from "../router.js";
import { timelineRows, type TimelineRow } from "../timeline.js";
import {
  errorBox,
  formatShare,
  heading,
  outletLink,
  placesMap,
  scrollTable,
  section,
  timeline,
  type LabelledPoint,
  type PageContext,
} from "../ui.js";

/** Characters of an outlet's wording shown in a matrix cell before it is cut. */
const CELL_WORDING_CHARS = 160;

const STATUS_TEXT: Record<FactCell["status"], string> = {
  agree: "agrees",
  conflict: "conflicts",
  only: "only this outlet",
  absent: "not mentioned",
};

export async function renderStory(ctx: PageContext, id: string): Promise<void> {
  const { h } = ctx.b;
  let detail;
  try {
    detail = await api.story(id);
  } catch (error) {
    if (ctx.current()) ctx.main.append(heading(ctx, "Story"), errorBox(ctx, (error as Error).message));
    return;
  }
  if (!ctx.current()) return;
  const { story, articles, events } = detail;
  const comparison = story.comparison;
  const conflicts = comparison?.facts.filter((f) => f.cells.some((c) => c.status === "conflict")).length ?? 0;
  const omissions = comparison?.facts.filter((f) => (f.omittedBy?.length ?? 0) > 0).length ?? 0;
  ctx.main.append(
    heading(
      ctx,
      story.title || story.id,
      `${articles.length} ${articles.length === 1 ? "article" : "articles"} · ${comparison?.facts.length ?? 0} facts · ${conflicts} in conflict · ${omissions} left out by some outlet`,
    ),
    section(ctx, "articles", "Articles", articleList(ctx, articles)),
    section(
      ctx,
      "matrix",
      "Facts, outlet by outlet",
      h(
        "p",
        { class: "note" },
        "Each cell shows how the outlet tells the fact; follow its words to read them in the article. Conflicts and facts an outlet leaves out are marked.",
      ),
      comparison && comparison.facts.length > 0
        ? scrollTable(ctx, "Fact matrix", factMatrix(ctx, comparison.outlets, comparison.facts))
        : h("p", null, "No facts to compare."),
    ),
  );
  const mapSection = section(ctx, "places", "Places");
  const rows = timelineRows(events);
  ctx.main.append(
    mapSection,
    section(ctx, "dates", "When, according to each source", timeline(ctx, rows), timelineTable(ctx, rows)),
    section(ctx, "sourcing", "Quotes and cited sources", sourcingView(ctx, comparison?.sourcing ?? [])),
    section(ctx, "framing", "Labels and loaded words", framingView(ctx, comparison?.framing ?? [])),
  );
  const map = await placesMap(ctx, "Places of the story's events", eventPlaces(events));
  if (ctx.current()) mapSection.append(map);
}

function articleList(ctx: PageContext, articles: ArticleSummary[]): HTMLElement {
  const { h } = ctx.b;
  return h(
    "ul",
    { class: "articles" },
    articles.map((a) =>
      h(
        "li",
        null,
        h("a", { href: routeHref({ page: "article", id: a.id }) }, a.title || a.locator),
        a.outlet ? [" — ", outletLink(ctx, a.outlet)] : null,
        a.published ? ` · ${a.published.slice(0, 10)}` : null,
        a.url ? [" · ", h("a", { href: a.url, class: "external" }, "original page")] : null,
      ),
    ),
  );
}

function factMatrix(ctx: PageContext, outlets: string[], facts: Fact[]): HTMLElement {
  const { h } = ctx.b;
  const head = h(
    "thead",
    null,
    h(
      "tr",
      null,
      h("th", { scope: "col" }, "Fact"),
      outlets.map((o) => h("th", { scope: "col" }, outletLink(ctx, o))),
    ),
  );
  const body = h(
    "tbody",
    null,
    facts.map((fact) => {
      const hasConflict = fact.cells.some((c) => c.status === "conflict");
      const omitted = fact.omittedBy ?? [];
      return h(
        "tr",
        {
          class: hasConflict ? "fact conflict" : omitted.length > 0 ? "fact omission" : "fact",
          "data-fact": fact.id,
        },
        factHeader(ctx, fact),
        outlets.map((outlet) =>
          factCells(
            ctx,
            fact.cells.filter((c) => c.outlet === outlet),
            omitted.includes(outlet),
          ),
        ),
      );
    }),
  );
  return h("table", { id: "facts", class: "data matrix" }, head, body);
}

function factHeader(ctx: PageContext, fact: Fact): HTMLElement {
  const { h } = ctx.b;
  return h(
    "th",
    { scope: "row" },
    h("span", { class: "kind" }, fact.kind),
    " ",
    fact.label,
    h(
      "span",
      { class: "sources" },
      ` · ${fact.independentSources} independent ${fact.independentSources === 1 ? "source" : "sources"}`,
    ),
    fact.note
      ? h(
          "span",
          { class: "conflict-note" },
          `Conflict${fact.conflict ? ` (${fact.conflict})` : ""}: ${fact.note}`,
        )
      : null,
    fact.omittedBy && fact.omittedBy.length > 0
      ? h("span", { class: "omission-note" }, `Left out by ${fact.omittedBy.join(", ")}`)
      : null,
  );
}

function factCells(ctx: PageContext, cells: FactCell[], omitted: boolean): HTMLElement {
  const { h } = ctx.b;
  if (cells.length === 0) {
    return h(
      "td",
      { class: omitted ? "cell status-absent omitted" : "cell status-none" },
      omitted ? "left out" : "—",
    );
  }
  const status = cells.find((c) => c.status === "conflict")?.status ?? cells[0]!.status;
  return h(
    "td",
    { class: `cell status-${status}${omitted ? " omitted" : ""}` },
    cells.map((cell) =>
      h(
        "div",
        { class: "cell-entry" },
        h(
          "span",
          { class: "status" },
          omitted && cell.status === "absent" ? "left out" : STATUS_TEXT[cell.status],
        ),
        cell.denied ? h("span", { class: "denied" }, " · denied") : null,
        cell.value ? h("span", { class: "value" }, ` · ${cell.value}`) : null,
        cell.wording.map((w) => wordingLink(ctx, cell.articleId, w)),
      ),
    ),
  );
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `a.fact-cell` to the words in the article; credit-line words have no place in the text. */
function wordingLink(
  ctx: PageContext,
  articleId: string,
  wording: Wording,
  className = "fact-cell",
): HTMLElement {
  const { h } = ctx.b;
  const text = cut(wording.text, CELL_WORDING_CHARS);
  if (wording.field !== "text") return h("q", { class: "credit-wording" }, `credit line: ${text}`);
  const href = routeHref({
    page: "article",
    id: articleId,
    passage: { start: wording.start, end: wording.end },
  });
  return h("a", { class: className, href }, h("q", null, text));
}

function eventPlaces(events: Event[]): LabelledPoint[] {
  const seen = new Map<string, LabelledPoint>();
  for (const event of events) {
    const places = event.fields.place.values.map((v) => v.value);
    if (event.fields.place.resolved) places.push(event.fields.place.resolved);
    for (const place of places) {
      const key = `${place.name}|${place.lat.toFixed(2)}|${place.lon.toFixed(2)}`;
      if (!seen.has(key)) seen.set(key, { lon: place.lon, lat: place.lat, label: place.name });
    }
  }
  return [...seen.values()];
}

function timelineTable(ctx: PageContext, rows: TimelineRow[]): Child {
  const { h } = ctx.b;
  if (rows.length === 0) return null;
  const table = h(
    "table",
    { class: "data" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        ["Event", "Source", "Date given", "Agreement"].map((t) => h("th", { scope: "col" }, t)),
      ),
    ),
    h(
      "tbody",
      null,
      rows.flatMap((row) =>
        row.values.map((v, index) =>
          h(
            "tr",
            { class: row.disagree ? "disagree" : undefined },
            index === 0 ? h("th", { scope: "row", rowspan: row.values.length }, row.label) : null,
            h("td", null, v.outlet),
            h(
              "td",
              null,
              v.evidence
                ? h(
                    "a",
                    {
                      class: "date-link",
                      href: routeHref({ page: "article", id: v.articleId, passage: v.evidence }),
                    },
                    v.value,
                  )
                : v.value,
            ),
            index === 0
              ? h(
                  "td",
                  { rowspan: row.values.length, class: row.disagree ? "status-conflict" : "status-agree" },
                  row.disagree ? "sources disagree" : "sources agree",
                )
              : null,
          ),
        ),
      ),
    ),
  );
  return scrollTable(ctx, "Dates per source", table);
}

function sourcingView(ctx: PageContext, sourcing: OutletSourcing[]): Child {
  const { h } = ctx.b;
  if (sourcing.length === 0) return h("p", null, "No quotes or cited sources.");
  return h(
    "div",
    { class: "per-outlet" },
    sourcing.map((s) =>
      h(
        "article",
        { class: "outlet-card" },
        h("h3", null, outletLink(ctx, s.outlet)),
        h(
          "p",
          { class: "note" },
          Object.entries(s.quoteShare)
            .map(([kind, share]) => `${kind} ${formatShare(share ?? 0)}`)
            .join(" · ") || "No quotes.",
        ),
        s.speakers.length > 0
          ? [
              h("h4", null, "Quoted"),
              h(
                "ul",
                null,
                s.speakers.map((sp) =>
                  h(
                    "li",
                    null,
                    h("strong", null, sp.name),
                    ` (${sp.kind}) — ${sp.quotes} ${sp.quotes === 1 ? "quote" : "quotes"}, ${sp.direct} direct `,
                    sp.wording[0] ? wordingLink(ctx, s.articleId, sp.wording[0], "quote-link") : null,
                  ),
                ),
              ),
            ]
          : null,
        s.citations.length > 0
          ? [
              h("h4", null, "Cites"),
              h(
                "ul",
                null,
                s.citations.map((c) =>
                  h(
                    "li",
                    null,
                    h("strong", null, c.name),
                    ` (${c.kind}; ${c.cues.join(", ")})`,
                    c.citing && c.citing.length > 0 ? `, citing ${c.citing.join(", ")}` : null,
                    " ",
                    c.wording[0] ? wordingLink(ctx, s.articleId, c.wording[0], "quote-link") : null,
                  ),
                ),
              ),
            ]
          : null,
      ),
    ),
  );
}

function framingView(ctx: PageContext, framing: OutletFraming[]): Child {
  const { h } = ctx.b;
  if (framing.length === 0) return h("p", null, "No framing data.");
  return h(
    "div",
    { class: "per-outlet" },
    framing.map((f) =>
      h(
        "article",
        { class: "outlet-card" },
        h("h3", null, outletLink(ctx, f.outlet)),
        h(
          "p",
          { class: "note" },
          `Loaded sentences: ${formatShare(f.loadedShare)} · mean load ${f.bodyScore.toFixed(2)}`,
          f.headline ? ` · headline load ${f.headline.score.toFixed(2)}` : "",
        ),
        f.labels.length > 0
          ? [
              h("h4", null, "Labels for actors"),
              h(
                "ul",
                null,
                f.labels.map((l) =>
                  h(
                    "li",
                    null,
                    h("strong", null, l.actor),
                    " called ",
                    h("q", null, l.label),
                    ` (${l.category}) ×${l.count} `,
                    l.wording[0] ? wordingLink(ctx, f.articleId, l.wording[0], "quote-link") : null,
                  ),
                ),
              ),
            ]
          : null,
        f.loadedWords.length > 0
          ? [
              h("h4", null, "Loaded words"),
              h(
                "ul",
                { class: "inline-list" },
                f.loadedWords.map((w) =>
                  h(
                    "li",
                    null,
                    w.wording[0] && w.wording[0].field === "text"
                      ? h(
                          "a",
                          {
                            href: routeHref({
                              page: "article",
                              id: f.articleId,
                              passage: { start: w.wording[0].start, end: w.wording[0].end },
                            }),
                          },
                          w.entry,
                        )
                      : w.entry,
                    ` (${w.category}) ×${w.count}`,
                  ),
                ),
              ),
            ]
          : null,
      ),
    ),
  );
}
