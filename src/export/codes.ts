import { readFileSync } from "node:fs";
import { numberRecord, objectAt, stringRecord } from "../analyze/data-shape.js";
import { GEO_PRECISIONS, type GeoPrecision, TIME_PRECISIONS, type TimePrecision } from "../model/index.js";

/**
 * Typed loader for `data/export/acled.json`: the ACLED codebook conventions the events export
 * follows (inter codes per actor category, time and geo precision codes). A malformed file
 * throws naming its place: that is a packaging bug.
 */

/** The folder of the shipped export data; `../../data` holds from both `src/` and `dist/`. */
export const DEFAULT_EXPORT_DATA_DIR = new URL("../../data/export/", import.meta.url);

export interface AcledCodes {
  /** Inter code -> ACLED's name of the actor type. */
  interCodes: Record<string, string>;
  /** Actor category (data/actors) -> inter code. */
  categoryInter: Record<string, number>;
  /** Inter code of state forces acting outside their own country. */
  foreignStateForces: number;
  timePrecision: Record<TimePrecision, number>;
  geoPrecision: Record<GeoPrecision, number>;
  /** Inter code written when there is no second actor. */
  noActorInter: number;
  /** `event_id_cnty` prefix when the country is not known. */
  unknownCountryAlpha3: string;
}

export function loadAcledCodes(dir: URL = DEFAULT_EXPORT_DATA_DIR): AcledCodes {
  const text = readFileSync(new URL("acled.json", dir), "utf8");
  return parseAcledCodes(JSON.parse(text) as unknown);
}

export function parseAcledCodes(value: unknown, where = "acled.json"): AcledCodes {
  const root = objectAt(value, where);
  const interCodes = stringRecord(root.interCodes, `${where}.interCodes`);
  const categories = objectAt(root.categoryInter, `${where}.categoryInter`);
  const categoryInter: Record<string, number> = {};
  for (const [category, entry] of Object.entries(categories)) {
    const at = `${where}.categoryInter.${category}`;
    const node = objectAt(entry, at);
    if (typeof node.inter !== "number" || !(String(node.inter) in interCodes))
      throw new Error(`${at}.inter: expected one of the inter codes ${Object.keys(interCodes).join(", ")}`);
    if (typeof node.reason !== "string" || node.reason === "")
      throw new Error(`${at}.reason: expected a reason`);
    categoryInter[category] = node.inter;
  }
  const foreign = objectAt(root.foreignStateForces, `${where}.foreignStateForces`);
  if (typeof foreign.inter !== "number" || !(String(foreign.inter) in interCodes))
    throw new Error(`${where}.foreignStateForces.inter: expected one of the inter codes`);
  const noActorInter = root.noActorInter;
  if (typeof noActorInter !== "number") throw new Error(`${where}.noActorInter: expected a number`);
  const unknown = root.unknownCountryAlpha3;
  if (typeof unknown !== "string" || !/^[A-Z]{3}$/.test(unknown))
    throw new Error(`${where}.unknownCountryAlpha3: expected three capital letters`);
  return {
    interCodes,
    categoryInter,
    foreignStateForces: foreign.inter,
    timePrecision: completeRecord(root.timePrecision, TIME_PRECISIONS, `${where}.timePrecision`),
    geoPrecision: completeRecord(root.geoPrecision, GEO_PRECISIONS, `${where}.geoPrecision`),
    noActorInter,
    unknownCountryAlpha3: unknown,
  };
}

/** A number for every key the model knows: a precision the file forgets would export as nothing. */
function completeRecord<K extends string>(
  value: unknown,
  keys: readonly K[],
  where: string,
): Record<K, number> {
  const record = numberRecord(value, where);
  const missing = keys.filter((k) => !(k in record));
  if (missing.length > 0) throw new Error(`${where}: missing ${missing.join(", ")}`);
  return record as Record<K, number>;
}
