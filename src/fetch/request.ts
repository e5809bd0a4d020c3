import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import type { GuardedLookup } from "./address.js";
import { FetchFailure } from "./types.js";

/** What to do when a body passes its cap: fail the fetch, or keep the first bytes (robots.txt). */
export type Overflow = "fail" | "truncate";

export interface ExchangeOptions {
  url: URL;
  headers: Readonly<Record<string, string>>;
  timeoutMs: number;
  maxBodyBytes: number;
  overflow: Overflow;
  lookup: GuardedLookup;
  agents: { http: http.Agent; https: https.Agent };
  /** Called with this exchange's abort function; returns an unregister function (for close()). */
  track: (abort: (reason: Error) => void) => () => void;
}

export interface ExchangeResult {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** Decoded body of a 2xx answer; empty for every other status (those bodies are not read). */
  bytes: Uint8Array;
}

const EMPTY = new Uint8Array(0);

/**
 * One GET, without following redirects. The deadline covers everything from the DNS lookup to
 * the last body byte, so a server that accepts and never answers, or sends headers and then
 * hangs, fails with "fetch/timeout" on time.
 */
export function exchange(options: ExchangeOptions): Promise<ExchangeResult> {
  const { url, timeoutMs } = options;
  return new Promise<ExchangeResult>((resolve, reject) => {
    let response: IncomingMessage | undefined;
    let settled = false;
    const settle = (outcome: { ok: ExchangeResult } | { failure: unknown }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      untrack();
      if ("ok" in outcome) return resolve(outcome.ok);
      request.destroy();
      response?.destroy();
      reject(asFailure(outcome.failure, url));
    };
    const abort = (reason: Error): void => settle({ failure: reason });
    const timer = setTimeout(
      () =>
        abort(
          new FetchFailure("fetch/timeout", `no complete answer from ${url.host} within ${timeoutMs} ms`),
        ),
      timeoutMs,
    );
    const untrack = options.track(abort);

    const client = url.protocol === "https:" ? https : http;
    const agent = url.protocol === "https:" ? options.agents.https : options.agents.http;
    const request = client.request(url, {
      method: "GET",
      headers: options.headers,
      agent,
      lookup: options.lookup,
    });
    request.on("error", (err) => settle({ failure: err }));
    request.on("response", (res) => {
      response = res;
      const status = res.statusCode ?? 0;
      const head = {
        status,
        statusText: res.statusMessage || http.STATUS_CODES[status] || "",
        headers: res.headers,
      };
      if (status < 200 || status >= 300) {
        // Redirects, 304 and errors: the body is not needed, and reading it could hang.
        res.destroy();
        return settle({ ok: { ...head, bytes: EMPTY } });
      }
      readBody(res, options.maxBodyBytes, options.overflow).then(
        (bytes) => settle({ ok: { ...head, bytes } }),
        (failure: unknown) => settle({ failure }),
      );
    });
    request.end();
  });
}

/** The decoder for a Content-Encoding we asked for, nothing for identity, a failure for others. */
function decoderFor(
  encoding: string | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  const name = (encoding ?? "").trim().toLowerCase();
  if (name === "" || name === "identity") return undefined;
  if (name === "gzip" || name === "x-gzip") return zlib.createGunzip();
  if (name === "deflate") return zlib.createInflate();
  if (name === "br") return zlib.createBrotliDecompress();
  throw new FetchFailure("fetch/network", `unsupported Content-Encoding "${name}"`);
}

/**
 * Reads and decodes a body, counting both the bytes on the wire and the decoded bytes against
 * the cap, so a gzip bomb stops as soon as its output passes the cap.
 */
async function readBody(res: IncomingMessage, maxBytes: number, overflow: Overflow): Promise<Uint8Array> {
  const declared = Number(res.headers["content-length"]);
  if (overflow === "fail" && Number.isFinite(declared) && declared > maxBytes)
    throw tooLarge(`the server announces ${declared} bytes`, maxBytes);

  const decoder = decoderFor(res.headers["content-encoding"]);
  let wireBytes = 0;
  res.on("data", (chunk: Buffer) => {
    wireBytes += chunk.length;
    if (wireBytes > maxBytes && overflow === "fail") res.destroy(tooLarge("the body", maxBytes));
  });
  const body: Readable = decoder ? pipeline(res, decoder, () => {}) : res;

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (size + chunk.length > maxBytes) {
      if (overflow === "fail") throw tooLarge(decoder ? "the decoded body" : "the body", maxBytes);
      chunks.push(chunk.subarray(0, maxBytes - size));
      size = maxBytes;
      res.destroy();
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

function tooLarge(what: string, maxBytes: number): FetchFailure {
  return new FetchFailure("fetch/too-large", `${what} passes the cap of ${maxBytes} bytes`);
}

/** Any error of an exchange as a FetchFailure with a one-line message. */
function asFailure(err: unknown, url: URL): FetchFailure {
  if (err instanceof FetchFailure) {
    if (err.code === "fetch/blocked-address" && !err.message.startsWith("refused"))
      return new FetchFailure(err.code, `refused ${url.href}: ${err.message}`);
    return err;
  }
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? "";
  if (isDecoderError(code))
    return new FetchFailure("fetch/network", `could not decode the body of ${url.href}: ${e.message}`);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return new FetchFailure("fetch/network", `could not resolve ${url.hostname}`);
  if (code === "ECONNREFUSED") return new FetchFailure("fetch/network", `connection refused by ${url.host}`);
  const detail = code && !e.message.includes(code) ? `${code} ${e.message}` : e.message;
  return new FetchFailure("fetch/network", `${url.href}: ${detail.replace(/\s+/g, " ").trim()}`);
}

/** zlib's codes start with Z_ (gzip, deflate); brotli's with ERR__ERROR_ or ERR_BROTLI. */
function isDecoderError(code: string): boolean {
  return code.startsWith("Z_") || code.startsWith("ERR__ERROR_") || code.startsWith("ERR_BROTLI");
}
