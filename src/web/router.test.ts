import { describe, expect, it } from "vitest";
import { parseRoute, routeHref, type Route } from "./router.js";

describe("parseRoute", () => {
  it("reads every page", () => {
    expect(parseRoute("")).toEqual({ page: "stories", params: {} });
    expect(parseRoute("#/")).toEqual({ page: "stories", params: {} });
    expect(parseRoute("#/?q=earthquake&from=2023-02-01&place=")).toEqual({
      page: "stories",
      params: { q: "earthquake", from: "2023-02-01" },
    });
    expect(parseRoute("#/story/story-abc")).toEqual({ page: "story", id: "story-abc" });
    expect(parseRoute("#/article/a1?s=10&e=42")).toEqual({
      page: "article",
      id: "a1",
      passage: { start: 10, end: 42 },
    });
    expect(parseRoute("#/outlet/The%20Daily%20Planet")).toEqual({ page: "outlet", name: "The Daily Planet" });
    expect(parseRoute("#/outlet/")).toEqual({ page: "outlet" });
    expect(parseRoute("#/events?country=CL&type=battles")).toEqual({
      page: "events",
      params: { country: "CL", type: "battles" },
    });
    expect(parseRoute("#/import")).toEqual({ page: "import" });
  });

  it("ignores a passage that is not a whole-number span", () => {
    for (const query of ["s=5", "s=9&e=3", "s=-1&e=4", "s=1.5&e=4", "s=a&e=b", "s=4&e=4"]) {
      expect(parseRoute(`#/article/a1?${query}`)).toEqual({ page: "article", id: "a1" });
    }
  });

  it("sends unknown or malformed paths to not-found", () => {
    expect(parseRoute("#/nope").page).toBe("not-found");
    expect(parseRoute("#/story").page).toBe("not-found");
    expect(parseRoute("#/story/a/b").page).toBe("not-found");
    expect(parseRoute("#/story/%E0%A4%A").page).toBe("not-found");
  });

  it("routeHref is the inverse of parseRoute, also for awkward ids", () => {
    const routes: Route[] = [
      { page: "stories", params: { q: "court ruling", outlet: "A & B" } },
      { page: "story", id: "story/with?odd#chars" },
      { page: "article", id: "x y", passage: { start: 3, end: 30 } },
      { page: "outlet", name: "Le Monde/Diplo" },
      { page: "events", params: { from: "2024-01-01" } },
      { page: "import" },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
