import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { RawInput } from "../ingest/types.js";
import type { ContentFormat, Diagnostic } from "../model/index.js";
import { createDefaultStages, type Knowledge, loadKnowledge } from "../pipeline/default.js";
import { type PipelineStages, type RunOutcome, runPipeline } from "../pipeline/run.js";
import { createApp, type Importer } from "../server/index.js";
import { openSqliteStore, type Store } from "../store/index.js";

/** Where `npm run build` puts the web app: dist/web at the project's root, from src/cli or dist/cli. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web/", import.meta.url));
export const WRITE_TOKEN_ENV = "PARALLAX_WRITE_TOKEN";
export const DEFAULT_PORT = 8080;
/** Only this machine can reach the server unless --host says otherwise. */
export const DEFAULT_HOST = "127.0.0.1";

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  writeToken?: string;
  /** Folder of the built web app; absent: API only. */
  webRoot?: string;
  as?: ContentFormat;
  lexicons?: URL;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Reads the inputs with the stages and stores the outcome, as `parallax analyze` does: stored
 * articles, stories and events take part, so stories and event ids stay stable across runs.
 */
export function analyzeIntoStore(
  stages: PipelineStages,
  store: Store | undefined,
  inputs: readonly RawInput[],
  diagnostics: readonly Diagnostic[] = [],
): RunOutcome {
  const previous = store
    ? {
        articles: store.listArticles(),
        stories: store.listStories(),
        events: store.listEvents(),
        bases: store.storyBases(),
      }
    : undefined;
  const outcome = runPipeline(stages, { inputs, previous, diagnostics });
  if (store) {
    store.upsertArticles(outcome.result.articles);
    store.replaceCorpus(outcome.stories, outcome.events, outcome.bases);
  }
  return outcome;
}

/**
 * The server's importer: knowledge is loaded on the first import (seconds, and most servers only
 * read), then kept for the next ones.
 */
export function createStoreImporter(
  store: Store,
  options: { as?: ContentFormat; lexicons?: URL } = {},
): Importer {
  let stages: PipelineStages | undefined;
  const knowledge = (): Knowledge => loadKnowledge({ userLexicons: options.lexicons });
  return (inputs) => {
    stages ??= createDefaultStages(knowledge(), { as: options.as });
    const outcome = analyzeIntoStore(stages, store, inputs);
    const locators = inputs.map((i) => i.locator);
    const fresh = outcome.result.articles.filter((a) => locators.includes(a.origin.locator));
    const stories = outcome.result.stories.filter((s) =>
      s.articleIds.some((id) => fresh.some((a) => a.id === id)),
    );
    return {
      articles: fresh.length,
      stories: stories.map((s) => s.id),
      diagnostics: outcome.result.diagnostics,
    };
  };
}

/** Opens the store and serves the app until close(); resolves once listening. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = openSqliteStore(options.db);
  const app = createApp({
    store,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    ...(options.writeToken
      ? { writeToken: options.writeToken, importer: createStoreImporter(store, options) }
      : {}),
  });
  try {
    const { server, address } = await new Promise<{ server: ReturnType<typeof serve>; address: AddressInfo }>(
      (resolve, reject) => {
        const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) =>
          resolve({ server, address: info }),
        );
        server.once("error", reject);
      },
    );
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    return {
      url: `http://${host}:${address.port}`,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => {
            store.close();
            resolve();
          });
          // Keep-alive connections of a browser would hold close() open.
          if ("closeAllConnections" in server) server.closeAllConnections();
        }),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** The web root to serve: the given one, else the built app when there is one. */
export function webRootOrUndefined(path: string = DEFAULT_WEB_ROOT): string | undefined {
  return existsSync(path) ? path : undefined;
}
