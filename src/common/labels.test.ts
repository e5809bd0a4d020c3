import { describe, expect, it } from "vitest";
import { type Article, articleFromText } from "../model/index.js";
import { articleLabel, outletLabels } from "./labels.js";

function article(id: string, extra: Partial<Article>): Article {
  return { ...articleFromText("Text.", { id }), ...extra };
}

describe("articleLabel", () => {
  it("names an article by its outlet, else its site, else its file, never its id", () => {
    const origin = { locator: "/news/2024/quake-wire.html" };
    expect(articleLabel(article("a1", { outlet: { value: "Daily Meridian", source: "meta" }, origin }))).toBe(
      "Daily Meridian",
    );
    expect(articleLabel(article("a2", { url: "https://www.example.org/x", origin }))).toBe("example.org");
    expect(articleLabel(article("a3", { origin }))).toBe("quake-wire");
  });
});

describe("outletLabels", () => {
  it("makes labels unique in the order given", () => {
    const outlet = { value: "Wire", source: "meta" };
    const labels = outletLabels([article("a", { outlet }), article("b", { outlet })]);
    expect([...labels.values()]).toEqual(["Wire", "Wire (2)"]);
  });
});
