/**
 * `#/article/{id}?s=&e=`: the clean text with its mentions highlighted (one toggle per kind), the
 * passage [s, e) singled out and scrolled into view, the metadata, and what extraction removed.
 */
import type { Article } from "../../model/index.js";
import { api } from "../api.js";
import { layout, MARK_KINDS, type MarkKind, type MarkSpan, type Run } from "../highlight.js";
import { errorBox, heading, outletLink, section, type PageContext } from "../ui.js";

const KIND_LABELS: Record<MarkKind, string> = {
  quote: "Quotes",
  entity: "Entities",
  place: "Places",
  time: "Times",
  quantity: "Quantities",
};

/** Every mention of the kinds the view highlights. */
export function markSpans(article: Article): MarkSpan[] {
  const a = article.annotations;
  const spans = (kind: MarkKind, list: readonly { start: number; end: number }[]) =>
    list.map((m) => ({ start: m.start, end: m.end, kind }));
  return [
    ...spans("quote", a.quotes ?? []),
    ...spans("entity", a.entities ?? []),
    ...spans("place", a.places ?? []),
    ...spans("time", a.times ?? []),
    ...spans("quantity", a.quantities ?? []),
  ];
}

export async function renderArticle(
  ctx: PageContext,
  id: string,
  passage: { start: number; end: number } | undefined,
): Promise<void> {
  let article: Article;
  try {
    article = await api.article(id);
  } catch (error) {
    if (ctx.current()) ctx.main.append(heading(ctx, "Article"), errorBox(ctx, (error as Error).message));
    return;
  }
  if (!ctx.current()) return;
  const text = articleText(ctx, article, passage);
  ctx.main.append(
    heading(ctx, article.title?.value ?? article.origin.locator),
    metadata(ctx, article),
    section(ctx, "text", "Text", toggles(ctx, text), text),
    removedBlocks(ctx, article),
  );
  const mark = text.querySelector("#highlight");
  if (mark) {
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    mark.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
  }
}

function runNodes(ctx: PageContext, text: string, runs: Run[]): (Node | string)[] {
  const { h } = ctx.b;
  return runs.map((run) => {
    let node: Node | string = text.slice(run.start, run.end);
    for (let i = run.kinds.length - 1; i >= 0; i--) node = h("mark", { class: `m-${run.kinds[i]!}` }, node);
    return node;
  });
}

function articleText(
  ctx: PageContext,
  article: Article,
  passage?: { start: number; end: number },
): HTMLElement {
  const { h } = ctx.b;
  const parts = layout(article.text.length, markSpans(article), passage);
  const highlighted =
    parts.passage.length > 0
      ? h(
          "mark",
          { id: "highlight", tabindex: -1, "aria-label": "Passage you followed" },
          runNodes(ctx, article.text, parts.passage),
        )
      : null;
  return h(
    "div",
    { id: "article-text", class: "article-text", lang: article.language?.value },
    runNodes(ctx, article.text, parts.before),
    highlighted,
    runNodes(ctx, article.text, parts.after),
  );
}

function toggles(ctx: PageContext, text: HTMLElement): HTMLElement {
  const { h } = ctx.b;
  return h(
    "fieldset",
    { class: "toggles" },
    h("legend", null, "Highlight"),
    MARK_KINDS.map((kind) => {
      const id = `toggle-${kind}`;
      const input = h("input", {
        id,
        type: "checkbox",
        class: "toggle",
        "data-kind": kind,
        checked: true,
      }) as HTMLInputElement;
      input.addEventListener("change", () => text.classList.toggle(`hide-${kind}`, !input.checked));
      return h(
        "span",
        { class: `toggle-item key-${kind}` },
        input,
        h("label", { for: id }, KIND_LABELS[kind]),
      );
    }),
  );
}

function metadata(ctx: PageContext, article: Article): HTMLElement {
  const { h } = ctx.b;
  const row = (label: string, value: Node | string | undefined) =>
    value === undefined || value === "" ? null : [h("dt", null, label), h("dd", null, value)];
  return h(
    "dl",
    { class: "metadata" },
    row("Outlet", article.outlet ? outletLink(ctx, article.outlet.value) : undefined),
    row(
      "Published",
      article.published ? `${article.published.value} (${article.published.source})` : undefined,
    ),
    row("Modified", article.modified?.value),
    row("Authors", article.authors.map((a) => a.value).join(", ")),
    row("Language", article.language?.value),
    row("Address", article.url ? h("a", { href: article.url, class: "external" }, article.url) : undefined),
    row("Read from", article.origin.locator),
    row("Extracted by", `${article.extractedBy.method}`),
    row(
      "Copies",
      article.copyGroup
        ? `${article.copyGroup.members.length} articles carry this text (${article.copyGroup.match})`
        : undefined,
    ),
    row("Credits", article.credits.map((c) => `${c.kind}: ${c.text}`).join(" | ")),
    row("Diagnostics", article.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`).join(" | ")),
  );
}

function removedBlocks(ctx: PageContext, article: Article): HTMLElement {
  const { h } = ctx.b;
  return h(
    "details",
    { id: "removed" },
    h(
      "summary",
      null,
      `Removed by extraction (${article.removed.length} ${article.removed.length === 1 ? "block" : "blocks"})`,
    ),
    article.removed.length === 0
      ? h("p", null, "Nothing was removed.")
      : h(
          "ol",
          { class: "removed" },
          article.removed.map((block) =>
            h(
              "li",
              null,
              h("span", { class: "kind" }, block.kind),
              ` ${block.rule}: `,
              h("span", { class: "removed-text" }, block.text),
            ),
          ),
        ),
  );
}
