import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { createBuilders, EXTERNAL_REL, safeHref, type Builders } from "./h.js";

const HOSTILE = `<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>`;

describe("h", () => {
  let b: Builders;
  let doc: Document;
  beforeAll(() => {
    doc = parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
    b = createBuilders(doc);
  });

  it("keeps hostile text as text: no element, no attribute is made from it", () => {
    const el = b.h("p", { title: HOSTILE, "data-x": HOSTILE }, HOSTILE, ["nested ", HOSTILE]);
    expect(el.children.length).toBe(0);
    expect(el.querySelector("script, img, a")).toBeNull();
    expect(el.textContent).toBe(`${HOSTILE}nested ${HOSTILE}`);
    expect(el.getAttribute("title")).toBe(HOSTILE);
    expect(el.hasAttribute("onerror")).toBe(false);
    // Serialised, the text's markup is escaped.
    const plain = b.h("p", null, HOSTILE);
    expect(plain.outerHTML).not.toContain("<script>");
    expect(plain.outerHTML).toContain("&lt;script&gt;");
  });

  it("refuses attributes off the allow-list, event handlers above all", () => {
    expect(() => b.h("img", { onerror: "alert(1)" })).toThrow(/onerror/);
    expect(() => b.h("div", { style: "color:red" })).toThrow(/style/);
    expect(() => b.h("div", { srcdoc: "x" })).toThrow();
    expect(b.h("div", { "aria-label": "ok", "data-kind": "place" }).getAttribute("data-kind")).toBe("place");
  });

  it("drops javascript:, data: and protocol-relative links; keeps routes, same-origin paths and http(s)", () => {
    for (const bad of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "data:text/html,<script>",
      "//evil.example/x",
      "vbscript:x",
      "x",
    ]) {
      expect(b.h("a", { href: bad }, "x").hasAttribute("href"), bad).toBe(false);
    }
    expect(b.h("a", { href: "#/story/s1" }).getAttribute("href")).toBe("#/story/s1");
    expect(b.h("a", { href: "/api/export/events?format=csv" }).getAttribute("target")).toBeNull();
    const external = b.h("a", { href: "https://news.example/a?b=1" });
    expect(external.getAttribute("href")).toBe("https://news.example/a?b=1");
    expect(external.getAttribute("rel")).toBe(EXTERNAL_REL);
    expect(external.getAttribute("target")).toBe("_blank");
  });

  it("safeHref tells internal from external", () => {
    expect(safeHref("http://a.example/")).toEqual({ href: "http://a.example/", external: true });
    expect(safeHref("#/events")).toEqual({ href: "#/events", external: false });
    expect(safeHref("javascript:void(0)")).toBeUndefined();
  });

  it("builds SVG in the SVG namespace, skips empty children, sets boolean attributes", () => {
    const svg = b.s(
      "svg",
      { viewBox: "0 0 10 10" },
      b.s("circle", { cx: 1, cy: 2, r: 3 }),
      null,
      false,
      undefined,
    );
    expect(svg.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(svg.children.length).toBe(1);
    expect(svg.firstElementChild?.getAttribute("r")).toBe("3");
    const input = b.h("input", { type: "checkbox", checked: true, disabled: false });
    expect(input.hasAttribute("checked")).toBe(true);
    expect(input.hasAttribute("disabled")).toBe(false);
  });

  it("attaches behaviour only through `on`", () => {
    let clicks = 0;
    const button = b.h("button", { on: { click: () => clicks++ } }, "go");
    button.dispatchEvent(new doc.defaultView!.Event("click"));
    expect(clicks).toBe(1);
  });
});
