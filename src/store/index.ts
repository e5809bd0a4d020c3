export { MIGRATIONS, type Migration } from "./migrations.js";
export { ftsQuery, STORY_SUMMARY_PLACES } from "./queries.js";
export { applyMigrations, openSqliteStore } from "./sqlite.js";
export type { ArticleSummary, EventFilters, Page, Store, StoryFilters, StorySummary } from "./store.js";
