/** `#/outlet/{name}`: one outlet's profile across stories; `#/outlet/` lists every outlet. */
import type { OutletProfile } from "../../model/index.js";
import { api } from "../api.js";
import { errorBox, formatShare, heading, outletLink, scrollTable, section, type PageContext } from "../ui.js";

export async function renderOutlet(ctx: PageContext, name: string | undefined): Promise<void> {
  try {
    if (name === undefined) {
      const outlets = await api.outlets();
      if (ctx.current()) ctx.main.append(heading(ctx, "Outlets"), outletTable(ctx, outlets));
      return;
    }
    const profile = await api.outlet(name);
    if (ctx.current())
      ctx.main.append(
        heading(ctx, profile.outlet, "Outlet profile across stories"),
        profileView(ctx, profile),
      );
  } catch (error) {
    if (ctx.current())
      ctx.main.append(heading(ctx, name ?? "Outlets"), errorBox(ctx, (error as Error).message));
  }
}

function outletTable(ctx: PageContext, outlets: OutletProfile[]): HTMLElement {
  const { h } = ctx.b;
  const table = h(
    "table",
    { id: "profile", class: "data" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        ["Outlet", "Articles", "Stories", "Told alone", "In conflict", "Left out"].map((t) =>
          h("th", { scope: "col" }, t),
        ),
      ),
    ),
    h(
      "tbody",
      null,
      outlets.map((o) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, outletLink(ctx, o.outlet)),
          h("td", { class: "num" }, o.articles),
          h("td", { class: "num" }, o.stories),
          h("td", { class: "num" }, formatShare(o.onlyRate)),
          h("td", { class: "num" }, formatShare(o.conflictRate)),
          h("td", { class: "num" }, formatShare(o.omissionRate)),
        ),
      ),
    ),
  );
  return scrollTable(ctx, "Outlets", table);
}

function profileView(ctx: PageContext, p: OutletProfile): HTMLElement {
  const { h } = ctx.b;
  const stat = (label: string, value: string | number) => [
    h("dt", null, label),
    h("dd", null, String(value)),
  ];
  const list = (items: HTMLElement[], empty: string) =>
    items.length === 0 ? h("p", null, empty) : h("ul", null, items);
  return h(
    "div",
    { id: "profile" },
    h(
      "dl",
      { class: "stats" },
      stat("Articles", p.articles),
      stat("Stories", p.stories),
      stat("Stories shared with other outlets", p.comparedStories),
      stat("Facts told in shared stories", p.factsTold),
      stat("Told alone", `${p.onlyFacts} (${formatShare(p.onlyRate)})`),
      stat("In conflict with others", `${p.conflictFacts} (${formatShare(p.conflictRate)})`),
      stat("Left out", `${p.omittedFacts} (${formatShare(p.omissionRate)})`),
      stat("Mean load per sentence", p.meanLoad.toFixed(2)),
    ),
    section(
      ctx,
      "quotes",
      "Whom it quotes",
      h(
        "p",
        null,
        Object.entries(p.quoteShare)
          .map(([kind, share]) => `${kind} ${formatShare(share ?? 0)}`)
          .join(" · ") || "No quotes.",
      ),
      list(
        p.topSpeakers.map((s) =>
          h(
            "li",
            null,
            h("strong", null, s.name),
            ` (${s.kind}) — ${s.quotes} quotes in ${s.stories} stories`,
          ),
        ),
        "No speakers.",
      ),
    ),
    section(
      ctx,
      "citations",
      "Whom it cites",
      list(
        p.topCitations.map((c) =>
          h("li", null, h("strong", null, c.name), ` (${c.kind}) — ${c.articles} articles`),
        ),
        "No cited sources.",
      ),
    ),
    section(
      ctx,
      "labels",
      "How it labels actors",
      list(
        p.labels.map((l) =>
          h(
            "li",
            null,
            h("strong", null, l.actor),
            " called ",
            h("q", null, l.label),
            ` (${l.category}) ×${l.count}`,
          ),
        ),
        "No labels.",
      ),
      h(
        "p",
        null,
        "Loaded words by category: ",
        Object.entries(p.loadedCategories)
          .map(([category, count]) => `${category} ${count ?? 0}`)
          .join(" · ") || "none",
      ),
    ),
  );
}
