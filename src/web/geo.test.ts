import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Topology } from "topojson-specification";
import { beforeAll, describe, expect, it } from "vitest";
import { countryFeatures, worldMap } from "./geo.js";

describe("world map", () => {
  let topology: Topology;
  beforeAll(() => {
    const file = createRequire(import.meta.url).resolve("world-atlas/countries-110m.json");
    topology = JSON.parse(readFileSync(file, "utf8")) as Topology;
  });

  it("reads the countries of the topology", () => {
    const names = countryFeatures(topology).map((f) => f.properties.name);
    expect(names).toContain("Chile");
    expect(names.length).toBeGreaterThan(150);
  });

  it("draws a path for a known country and places a point inside the frame", () => {
    // Santiago de Chile.
    const map = worldMap(topology, 640, 360, [{ lon: -70.65, lat: -33.45 }]);
    const chile = map.countries.find((c) => c.name === "Chile");
    expect(chile?.d).toMatch(/^M[-\d.]+,[-\d.]+/);
    const xy = map.project({ lon: -70.65, lat: -33.45 });
    expect(xy).toBeDefined();
    const [x, y] = xy!;
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(640);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(360);
  });

  it("frames the whole world when there are no points, east to the right and north up", () => {
    const map = worldMap(topology, 640, 360, []);
    const tokyo = map.project({ lon: 139.7, lat: 35.7 })!;
    const lima = map.project({ lon: -77.0, lat: -12.0 })!;
    expect(tokyo[0]).toBeGreaterThan(lima[0]);
    expect(tokyo[1]).toBeLessThan(lima[1]);
    expect(map.countries.length).toBeGreaterThan(150);
  });
});
