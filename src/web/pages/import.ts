/** `#/import`: paste text or HTML, or upload files, to analyze them (needs the write token). */
import { api, type ImportDocument, type ImportSummary } from "../api.js";
import { routeHref } from "../router.js";
import { heading, type PageContext } from "../ui.js";

/** A pasted document is read as HTML when it starts with a tag, else as raw text. */
export function pastedName(content: string): string {
  return /^\s*</.test(content) ? "pasted.html" : "pasted.txt";
}

export async function renderImport(ctx: PageContext): Promise<void> {
  const { h } = ctx.b;
  const result = h("div", { id: "import-result", role: "status", "aria-live": "polite" });
  const paste = h("textarea", {
    id: "paste",
    name: "paste",
    rows: 10,
    spellcheck: false,
  }) as HTMLTextAreaElement;
  const files = h("input", {
    id: "files",
    name: "files",
    type: "file",
    multiple: true,
    accept: ".html,.htm,.txt,.json,.jsonl",
  }) as HTMLInputElement;
  const token = h("input", {
    id: "token",
    name: "token",
    type: "password",
    autocomplete: "off",
    required: true,
  }) as HTMLInputElement;
  const submit = h("button", { type: "submit" }, "Analyze") as HTMLButtonElement;
  const form = h(
    "form",
    { id: "import", class: "import-form" },
    h("div", { class: "field wide" }, h("label", { for: "paste" }, "Paste text or HTML"), paste),
    h(
      "div",
      { class: "field wide" },
      h("label", { for: "files" }, "Or upload files (.html, .txt, .json, .jsonl)"),
      files,
    ),
    h("div", { class: "field" }, h("label", { for: "token" }, "Write token"), token),
    h("div", { class: "actions" }, submit),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send();
  });

  async function send(): Promise<void> {
    const documents: ImportDocument[] = [];
    if (paste.value.trim() !== "") documents.push({ name: pastedName(paste.value), content: paste.value });
    for (const file of Array.from(files.files ?? []))
      documents.push({ name: file.name, content: await file.text() });
    result.replaceChildren();
    if (documents.length === 0) {
      result.append(h("p", { class: "error", role: "alert" }, "Paste some text or choose a file first."));
      return;
    }
    submit.disabled = true;
    result.append(h("p", null, "Analyzing…"));
    try {
      const summary = await api.import(documents, token.value);
      result.replaceChildren(summaryView(summary));
    } catch (error) {
      result.replaceChildren(
        h("p", { class: "error", role: "alert" }, `Import failed: ${(error as Error).message}`),
      );
    } finally {
      submit.disabled = false;
    }
  }

  function summaryView(summary: ImportSummary): HTMLElement {
    return h(
      "div",
      null,
      h("p", null, `${summary.articles} ${summary.articles === 1 ? "article" : "articles"} analyzed.`),
      summary.stories.length > 0
        ? h(
            "ul",
            null,
            summary.stories.map((id) =>
              h("li", null, h("a", { href: routeHref({ page: "story", id }) }, `Story ${id}`)),
            ),
          )
        : null,
      summary.diagnostics.length > 0
        ? h(
            "ul",
            { class: "diagnostics" },
            summary.diagnostics.map((d) =>
              h("li", null, `${d.severity} ${d.code}: ${d.message}${d.input ? ` (${d.input})` : ""}`),
            ),
          )
        : null,
    );
  }

  ctx.main.append(
    heading(
      ctx,
      "Import",
      "Analyze new pages. Imports work only when the server was started with a write token.",
    ),
    form,
    result,
  );
}
