// What the browser tests stand on: Debian's Chromium driven by playwright-core, the web app built
// fresh from src/web, and the real server (startServer, as `parallax serve` runs it) over a
// database of the seeds. Every request the browser makes is checked: only the server may answer.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { main } from "../../src/cli/index.js";
import { type RunningServer, startServer } from "../../src/cli/serve.js";

/** Debian's package; PARALLAX_CHROMIUM points elsewhere (another distribution's path). */
export const CHROMIUM = process.env.PARALLAX_CHROMIUM ?? "/usr/bin/chromium";
/** The flags the issue asks for; the user data dir is a fresh temporary folder per run. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const EXAMPLES = join(ROOT, "examples");
export const SCREENSHOTS = join(ROOT, "test-artifacts", "screenshots");
/** A page waits at most this long to be ready: the seeds' pages load in under a second, unloaded. */
export const READY_MS = 30_000;

export interface Session {
  server: RunningServer;
  base: string;
  context: BrowserContext;
  /** Requests to anywhere but the server (each was refused). */
  outside: string[];
  /** Uncaught errors in a page, console errors and dialogs (a payload's alert). */
  problems: string[];
  dir: string;
  close(): Promise<void>;
}

/** Fails with the package to install when the browser is missing: CI installs it (.ci/run). */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `browser tests need Chromium at ${CHROMIUM}: install Debian's package with ` +
        "`apt-get install chromium` (.ci/run does), or set PARALLAX_CHROMIUM to its path",
    );
}

/** The web app, the seeds' database, the server on a free port, and Chromium pointed at it. */
export async function openSession(token: string): Promise<Session> {
  requireChromium();
  const dir = mkdtempSync(join(tmpdir(), "parallax-browser-"));
  const webRoot = join(dir, "web");
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-web.mjs"), "--out", webRoot], {
    stdio: "pipe",
  });
  const db = join(dir, "parallax.db");
  const quiet = { stdout: () => undefined, stderr: () => undefined };
  const code = await main(["analyze", EXAMPLES, "--db", db, "--json"], quiet);
  if (code !== 0) throw new Error(`analyzing the seeds into ${db} failed (exit ${code})`);
  const server = await startServer({ db, port: 0, host: "127.0.0.1", writeToken: token, webRoot });
  const base = server.url;
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const outside: string[] = [];
  const problems: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin === base) return route.continue();
    outside.push(url);
    return route.abort("blockedbyclient");
  });
  // Runs before the app in every page (through the DevTools protocol, not the page's CSP): any
  // blocked inline script or handler is a sign that scraped text became markup somewhere.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { __violations?: string[] };
      (w.__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on("page", (page) => watch(page, problems));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    base,
    context,
    outside,
    problems,
    dir,
    async close() {
      await context.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function watch(page: Page, problems: string[]): void {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // A dialog means a payload ran (alert, confirm): recorded and dismissed so the page goes on.
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
}

/** Opens a route of the app (`/story/ID`...) in a new page and waits until the page says it is ready. */
export async function openRoute(session: Session, route: string, page?: Page): Promise<Page> {
  const target = page ?? (await session.context.newPage());
  await target.goto(`${session.base}/#${route}`);
  return target;
}

/** Waits for `main#page` of this kind to be loaded. */
export async function ready(page: Page, kind: string): Promise<void> {
  await page.waitForSelector(`main#page[data-page="${kind}"][data-ready="true"]`, { timeout: READY_MS });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** JSON from the server, as the tests' own check on what the page shows. */
export async function apiJson<T>(session: Session, path: string): Promise<T> {
  const response = await fetch(`${session.base}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** CSP violations the init script saw in this page. */
export async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
}
