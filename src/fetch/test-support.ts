import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A route handler of the test server; `server` gives access to the counters. */
export type Route = (req: IncomingMessage, res: ServerResponse, server: TestServer) => void;

/** A real node:http server on 127.0.0.1 for the fetcher's tests, with what it saw. */
export interface TestServer {
  origin: string;
  port: number;
  /** TCP connections accepted so far. */
  connections: () => number;
  /** Paths requested so far, in order. */
  hits: string[];
  /** Headers of each request, by path (the last request to that path). */
  headers: Map<string, http.IncomingHttpHeaders>;
  /** Most requests in flight at once (robots.txt excluded). */
  maxInFlight: () => number;
  /** Starts counting the maximum again from now. */
  resetMaxInFlight: () => void;
  /** performance.now() at each request start (robots.txt excluded). */
  starts: number[];
  close: () => Promise<void>;
}

/** Starts a server on 127.0.0.1:0 answering by exact path; unknown paths get 404. */
export async function startTestServer(routes: Readonly<Record<string, Route>>): Promise<TestServer> {
  let connections = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const hits: string[] = [];
  const starts: number[] = [];
  const headers = new Map<string, http.IncomingHttpHeaders>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.push(path);
    headers.set(path, req.headers);
    if (path !== "/robots.txt") {
      starts.push(performance.now());
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on("close", () => (inFlight -= 1));
    }
    const route = routes[path];
    if (route) return route(req, res, api);
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  server.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const api: TestServer = {
    origin: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    hits,
    headers,
    maxInFlight: () => maxInFlight,
    resetMaxInFlight: () => (maxInFlight = inFlight),
    starts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}

export function html(body: string, extra: http.OutgoingHttpHeaders = {}): Route {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...extra }).end(body);
  };
}

export function text(status: number, body: string): Route {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "text/plain" }).end(body);
  };
}

export function redirect(location: string, status = 302): Route {
  return (_req, res) => {
    res.writeHead(status, { location }).end();
  };
}

/** Answers after `ms`, counting requests in flight meanwhile. */
export function delayed(ms: number, body: string): Route {
  return (_req, res) => {
    setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end(body), ms);
  };
}

/** Accepts the request and never answers. */
export const hangBeforeHeaders: Route = () => {};

/** Sends headers and a first chunk, then nothing more. */
export const hangAfterHeaders: Route = (_req, res) => {
  res.writeHead(200, { "content-type": "text/html" });
  res.write("<html><body>");
};

/** Streams 16 KiB chunks for as long as the client reads. */
export const endless: Route = (_req, res) => {
  const chunk = Buffer.alloc(16 * 1024, "a");
  res.writeHead(200, { "content-type": "text/html" });
  let open = true;
  res.on("close", () => (open = false));
  const pump = (): void => {
    while (open && res.write(chunk));
    if (open) res.once("drain", pump);
  };
  pump();
};
