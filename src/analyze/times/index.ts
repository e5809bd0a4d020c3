export { type Direction, resolveAgainst } from "./calendar.js";
export { createTimeNormalizer, type TimeOptions } from "./normalizer.js";
