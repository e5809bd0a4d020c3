export {
  type AppLimits,
  type AppOptions,
  createApp,
  DEFAULT_LIMITS,
  type Importer,
  type ImportSummary,
  MAX_PAGE_SIZE,
  SECURITY_HEADERS,
} from "./app.js";
export { ApiError, ERROR_CODES, type ErrorBody } from "./errors.js";
export { EXPORT_MEDIA_TYPES, loadOutputSchema, openApiDocument, OUTPUT_SCHEMA_FILE } from "./openapi.js";
export type { ArticleSummary, StorySummary } from "../store/index.js";
