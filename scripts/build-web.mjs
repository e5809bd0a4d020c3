#!/usr/bin/env node
// Builds the web app into dist/web/: app.js (esbuild bundle of src/web/main.ts with d3-geo and
// topojson-client), app.css, index.html, and the world map (world-atlas countries-110m TopoJSON,
// Natural Earth data, public domain; world-atlas is ISC) fetched by the app from the same server.
// Usage: node scripts/build-web.mjs [--out DIR] [--dev]   (--dev: no minification)
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const outDir = path.resolve(root, outAt >= 0 && args[outAt + 1] ? args[outAt + 1] : "dist/web");
const dev = args.includes("--dev");
const require = createRequire(import.meta.url);

await mkdir(outDir, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: [path.join(root, "src/web/main.ts")],
  outfile: path.join(outDir, "app.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2020"],
  minify: !dev,
  sourcemap: true,
  legalComments: "eof",
  tsconfig: path.join(root, "tsconfig.web.json"),
  logLevel: "warning",
});
await copyFile(path.join(root, "src/web/app.css"), path.join(outDir, "app.css"));
await copyFile(path.join(root, "src/web/index.html"), path.join(outDir, "index.html"));
await copyFile(require.resolve("world-atlas/countries-110m.json"), path.join(outDir, "countries-110m.json"));
console.log(`parallax: web app built into ${path.relative(root, outDir) || "."}`);
