/**
 * Offline maps: Natural Earth country shapes (world-atlas TopoJSON) projected with d3-geo's
 * Natural Earth projection into SVG path strings, framed around the points to show.
 */
import { geoNaturalEarth1, geoPath, type GeoProjection } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry } from "geojson";

export interface MapPoint {
  lon: number;
  lat: number;
}

export interface CountryShape {
  id: string;
  name: string;
  /** SVG path data in the map's pixel space. */
  d: string;
}

export interface WorldMap {
  width: number;
  height: number;
  countries: CountryShape[];
  /** Pixel position of a coordinate, or undefined when it falls off the projection. */
  project: (point: MapPoint) => [number, number] | undefined;
}

/** Degrees of longitude and latitude kept around the points, so a lone town shows its region. */
const FRAME_MARGIN_LON = 12;
const FRAME_MARGIN_LAT = 8;
/** Pixels left empty at the map's edges. */
const FRAME_PADDING = 8;

type CountryProperties = { name?: string };

/** The countries of a world-atlas topology as GeoJSON features. */
export function countryFeatures(topology: Topology): Feature<Geometry, CountryProperties>[] {
  const object = topology.objects.countries as GeometryCollection<CountryProperties> | undefined;
  if (!object) return [];
  const collection = feature(topology, object) as FeatureCollection<Geometry, CountryProperties>;
  return collection.features;
}

function clampLat(lat: number): number {
  return Math.max(-89, Math.min(89, lat));
}

/** The projection framing the points with a margin, or the whole world when there are none. */
export function frameProjection(width: number, height: number, points: readonly MapPoint[]): GeoProjection {
  const projection = geoNaturalEarth1();
  const extent: [[number, number], [number, number]] = [
    [FRAME_PADDING, FRAME_PADDING],
    [width - FRAME_PADDING, height - FRAME_PADDING],
  ];
  const valid = points.filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat));
  if (valid.length === 0) return projection.fitExtent(extent, { type: "Sphere" });
  const lons = valid.map((p) => p.lon);
  const lats = valid.map((p) => p.lat);
  const west = Math.max(-180, Math.min(...lons) - FRAME_MARGIN_LON);
  const east = Math.min(180, Math.max(...lons) + FRAME_MARGIN_LON);
  const south = clampLat(Math.min(...lats) - FRAME_MARGIN_LAT);
  const north = clampLat(Math.max(...lats) + FRAME_MARGIN_LAT);
  const corners = {
    type: "MultiPoint" as const,
    coordinates: [
      [west, south],
      [west, north],
      [east, south],
      [east, north],
    ],
  };
  return projection.fitExtent(extent, corners);
}

/** A map of the world in `width` × `height` pixels, framed around `points`. */
export function worldMap(
  topology: Topology,
  width: number,
  height: number,
  points: readonly MapPoint[],
): WorldMap {
  const projection = frameProjection(width, height, points);
  const path = geoPath(projection);
  const countries: CountryShape[] = [];
  for (const country of countryFeatures(topology)) {
    const d = path(country);
    if (d) countries.push({ id: String(country.id ?? ""), name: country.properties?.name ?? "", d });
  }
  return {
    width,
    height,
    countries,
    project(point) {
      const xy = projection([point.lon, point.lat]);
      return xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1]) ? [xy[0], xy[1]] : undefined;
    },
  };
}
