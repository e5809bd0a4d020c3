/**
 * The web app's entry point (bundled by scripts/build-web.mjs into dist/web/app.js): the shell
 * (navigation, `main#page`) and the hash router that renders one page at a time.
 */
import type { Topology } from "topojson-specification";
import { WORLD_MAP_URL } from "./api.js";
import { createBuilders } from "./h.js";
import { parseRoute, type Route } from "./router.js";
import { renderArticle } from "./pages/article.js";
import { renderEvents } from "./pages/events.js";
import { renderImport } from "./pages/import.js";
import { renderOutlet } from "./pages/outlet.js";
import { renderStories } from "./pages/stories.js";
import { renderStory } from "./pages/story.js";
import { errorBox, heading, type PageContext } from "./ui.js";

const NAV: { href: string; label: string; page: Route["page"] }[] = [
  { href: "#/", label: "Stories", page: "stories" },
  { href: "#/events", label: "Events", page: "events" },
  { href: "#/outlet/", label: "Outlets", page: "outlet" },
  { href: "#/import", label: "Import", page: "import" },
];

function renderRoute(ctx: PageContext, route: Route): Promise<void> {
  switch (route.page) {
    case "stories":
      return renderStories(ctx, route.params);
    case "story":
      return renderStory(ctx, route.id);
    case "article":
      return renderArticle(ctx, route.id, route.passage);
    case "outlet":
      return renderOutlet(ctx, route.name);
    case "events":
      return renderEvents(ctx, route.params);
    case "import":
      return renderImport(ctx);
    case "not-found":
      ctx.main.append(heading(ctx, "Not found"), errorBox(ctx, `There is no page at ${route.path}.`));
      return Promise.resolve();
  }
}

/** Builds the shell into `body` and renders the route in the location hash, then on every change. */
export function startApp(doc: Document, win: Window): void {
  const b = createBuilders(doc);
  const { h } = b;
  const main = h("main", { id: "page", tabindex: -1 });
  const links = NAV.map((item) => h("a", { href: item.href, "data-nav": item.page }, item.label));
  const skip = h("button", { type: "button", class: "skip-link" }, "Skip to content");
  skip.addEventListener("click", () => main.focus());
  doc.body.replaceChildren(
    skip,
    h(
      "header",
      { class: "site" },
      h("a", { class: "brand", href: "#/" }, "Parallax"),
      h(
        "nav",
        { "aria-label": "Main" },
        h(
          "ul",
          null,
          links.map((a) => h("li", null, a)),
        ),
      ),
    ),
    main,
    h(
      "footer",
      { class: "site" },
      "Parallax cross-checks how outlets tell the same story. Maps: Natural Earth via world-atlas.",
    ),
  );

  const state = { generation: 0, world: undefined as Promise<Topology> | undefined, firstRender: true };
  const world = (): Promise<Topology> => {
    state.world ??= fetch(WORLD_MAP_URL).then((r) => {
      if (!r.ok) throw new Error(`map ${r.status}`);
      return r.json() as Promise<Topology>;
    });
    return state.world;
  };

  async function show(): Promise<void> {
    const hash = win.location.hash;
    // Fragments that are not routes ("#page") are plain in-page jumps.
    if (hash !== "" && hash !== "#" && !hash.startsWith("#/")) return;
    const generation = ++state.generation;
    const route = parseRoute(hash);
    main.removeAttribute("data-ready");
    main.setAttribute("data-page", route.page);
    main.replaceChildren();
    for (const link of links) {
      if (link.getAttribute("data-nav") === route.page) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    const ctx: PageContext = {
      b,
      main,
      world,
      navigate: (next) => {
        win.location.hash = next;
      },
      current: () => generation === state.generation,
    };
    try {
      await renderRoute(ctx, route);
    } catch (error) {
      if (ctx.current()) main.append(errorBox(ctx, `Something went wrong: ${(error as Error).message}`));
    }
    if (!ctx.current()) return;
    const title = main.querySelector("h1")?.textContent ?? "";
    doc.title = title ? `${title} · Parallax` : "Parallax";
    // Move focus to the new page's heading after a navigation, so keyboard and screen-reader
    // users start there; not on first load and not when the article scrolled to a passage.
    if (!state.firstRender && !(route.page === "article" && route.passage)) {
      (main.querySelector("h1") as HTMLElement | null)?.focus({ preventScroll: false });
    }
    state.firstRender = false;
    main.setAttribute("data-ready", "true");
  }

  win.addEventListener("hashchange", () => void show());
  void show();
}

if (typeof document !== "undefined" && typeof window !== "undefined") startApp(document, window);
