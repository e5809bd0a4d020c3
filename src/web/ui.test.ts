import { describe, expect, it } from "vitest";
import { placeLabels } from "./ui.js";

describe("placeLabels", () => {
  it("moves a label down when it would cover one placed above it, and leaves apart ones alone", () => {
    const placed = placeLabels([
      { label: "Kahramanmaras", x: 100, y: 52 },
      { label: "Malatya", x: 104, y: 50 },
      { label: "Santiago", x: 400, y: 50 },
    ]);
    const at = (label: string) => placed.find((p) => p.label === label)!.labelY;
    expect(at("Malatya")).toBe(54);
    expect(at("Kahramanmaras")).toBe(56 + 14);
    expect(at("Santiago")).toBe(54);
  });
});
