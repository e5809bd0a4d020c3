export { MIGRATIONS, type Migration } from "./migrations.js";
export { applyMigrations, openSqliteStore } from "./sqlite.js";
export type { Store } from "./store.js";
