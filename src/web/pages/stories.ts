/** `#/`: stories with full-text search, filters and paging. */
import { api, type StorySummary } from "../api.js";
import { routeHref, type Params } from "../router.js";
import { errorBox, heading, scrollTable, type PageContext } from "../ui.js";

/** Stories per page; the server caps it too. */
export const STORIES_PAGE_SIZE = 50;

const FILTERS: { id: string; label: string; type: string; placeholder?: string }[] = [
  { id: "from", label: "From date", type: "date" },
  { id: "to", label: "To date", type: "date" },
  { id: "place", label: "Place", type: "text", placeholder: "name or GeoNames id" },
  { id: "outlet", label: "Outlet", type: "text" },
  { id: "actor", label: "Actor", type: "text", placeholder: "name or id" },
];

export async function renderStories(ctx: PageContext, params: Params): Promise<void> {
  const { h } = ctx.b;
  const offset = Math.max(0, Number.parseInt(params.offset ?? "0", 10) || 0);
  ctx.main.append(
    heading(ctx, "Stories", "Every story Parallax has cross-checked, newest first."),
    searchForm(ctx, params),
  );
  try {
    const list = await api.stories({ ...params, limit: STORIES_PAGE_SIZE, offset });
    if (!ctx.current()) return;
    const summary = h(
      "p",
      { class: "count", role: "status" },
      countText(list.total, offset, list.stories.length),
    );
    ctx.main.append(summary);
    if (list.stories.length > 0) ctx.main.append(scrollTable(ctx, "Stories", storyTable(ctx, list.stories)));
    ctx.main.append(pager(ctx, params, offset, list.total));
  } catch (error) {
    if (ctx.current()) ctx.main.append(errorBox(ctx, (error as Error).message));
  }
}

function countText(total: number, offset: number, shown: number): string {
  if (total === 0) return "No story matches.";
  return `${total} ${total === 1 ? "story" : "stories"}; showing ${offset + 1}–${offset + shown}.`;
}

function searchForm(ctx: PageContext, params: Params): HTMLElement {
  const { h } = ctx.b;
  const field = (id: string, label: string, type: string, placeholder?: string) =>
    h(
      "div",
      { class: "field" },
      h("label", { for: id }, label),
      h("input", { id, name: id, type, value: params[id] ?? "", placeholder, autocomplete: "off" }),
    );
  const form = h(
    "form",
    { id: "story-search", class: "filters", role: "search", method: "get" },
    h(
      "div",
      { class: "field wide" },
      h("label", { for: "search" }, "Search stories"),
      h("input", {
        id: "search",
        name: "q",
        type: "search",
        value: params.q ?? "",
        placeholder: "words in titles and texts",
      }),
    ),
    FILTERS.map((f) => field(f.id, f.label, f.type, f.placeholder)),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit" }, "Search"),
      h("a", { href: "#/", class: "button secondary" }, "Clear"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next: Params = {};
    for (const [key, value] of new FormData(form as HTMLFormElement)) {
      if (typeof value === "string" && value.trim() !== "") next[key] = value.trim();
    }
    ctx.navigate(routeHref({ page: "stories", params: next }));
  });
  return form;
}

function storyTable(ctx: PageContext, stories: StorySummary[]): HTMLElement {
  const { h } = ctx.b;
  const head = h(
    "thead",
    null,
    h(
      "tr",
      null,
      ["Story", "Dates", "Outlets", "Articles", "Conflicts", "Left out", "Places"].map((t) =>
        h("th", { scope: "col" }, t),
      ),
    ),
  );
  const rows = stories.map((story) =>
    h(
      "tr",
      null,
      h(
        "th",
        { scope: "row" },
        h(
          "a",
          { class: "story-link", href: routeHref({ page: "story", id: story.id }) },
          story.title || story.id,
        ),
      ),
      h("td", { class: "nowrap" }, dateRange(story.firstPublished, story.lastPublished)),
      h("td", null, story.outlets.join(", ")),
      h("td", { class: "num" }, story.articleCount),
      h("td", { class: story.conflicts > 0 ? "num has-conflicts" : "num" }, story.conflicts),
      h("td", { class: story.omissions > 0 ? "num has-omissions" : "num" }, story.omissions),
      h("td", null, story.places.join(", ")),
    ),
  );
  return h("table", { id: "stories", class: "data" }, head, h("tbody", null, rows));
}

function dateRange(first?: string, last?: string): string {
  const a = first?.slice(0, 10);
  const b = last?.slice(0, 10);
  if (!a && !b) return "—";
  if (!a || !b || a === b) return (a ?? b)!;
  return `${a} – ${b}`;
}

function pager(ctx: PageContext, params: Params, offset: number, total: number): HTMLElement {
  const { h } = ctx.b;
  const link = (label: string, to: number) =>
    h(
      "a",
      {
        class: "button secondary",
        href: routeHref({ page: "stories", params: { ...params, offset: String(to) } }),
      },
      label,
    );
  return h(
    "nav",
    { class: "pager", "aria-label": "Pages of stories" },
    offset > 0 ? link("Previous page", Math.max(0, offset - STORIES_PAGE_SIZE)) : null,
    offset + STORIES_PAGE_SIZE < total ? link("Next page", offset + STORIES_PAGE_SIZE) : null,
  );
}
