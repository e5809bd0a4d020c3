import robotsParserModule from "robots-parser";
import { FetchFailure } from "./types.js";

/**
 * robots-parser is CommonJS (`module.exports = fn`) with a typing that declares a default export:
 * under NodeNext the default import is module.exports itself, the function.
 */
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** The product token robots.txt groups are matched against ("User-agent: Parallax"). */
export const ROBOTS_TOKEN = "Parallax";
/** RFC 9309 §2.5: crawlers must parse at least 500 KiB; what follows is ignored. */
export const ROBOTS_MAX_BYTES = 512 * 1024;
/**
 * A Crawl-delay above this is taken as this: some sites write hours, which would stall a run
 * forever; one request a minute is still far politer than the default interval.
 */
export const MAX_CRAWL_DELAY_MS = 60_000;

/** What an origin's robots.txt says, once read. */
export type RobotsVerdict =
  | { kind: "rules"; isAllowed: (url: string) => boolean; crawlDelayMs?: number }
  | { kind: "allow-all" }
  /** 5xx, timeout, network error: RFC 9309 §2.3.1.4 says assume complete disallow. */
  | { kind: "unreachable"; reason: string; network?: boolean }
  /** The origin's address is refused: every page there is too, for this reason. */
  | { kind: "blocked"; reason: string };

/** The robots.txt URL of an origin (scheme, host and port). */
export function robotsUrl(origin: string): string {
  return `${origin}/robots.txt`;
}

/** Parses a robots.txt body for our token; Crawl-delay (seconds) comes back in ms, capped. */
export function parseRobots(origin: string, text: string): RobotsVerdict {
  const robot = robotsParser(robotsUrl(origin), text);
  const delaySeconds = robot.getCrawlDelay(ROBOTS_TOKEN);
  const crawlDelayMs =
    typeof delaySeconds === "number" && delaySeconds > 0
      ? Math.min(delaySeconds * 1000, MAX_CRAWL_DELAY_MS)
      : undefined;
  // undefined means "not this origin": the caller only asks for URLs of this origin.
  return { kind: "rules", isAllowed: (url) => robot.isAllowed(url, ROBOTS_TOKEN) !== false, crawlDelayMs };
}

/** The verdict for a robots.txt answer that is not 2xx (RFC 9309 §2.3.1.3-4). */
export function verdictForStatus(status: number, statusText: string): RobotsVerdict {
  if (status >= 400 && status < 500) return { kind: "allow-all" };
  return { kind: "unreachable", reason: `HTTP ${status} ${statusText}`.trim() };
}

/** The verdict when fetching robots.txt failed before an answer. */
export function verdictForFailure(failure: FetchFailure): RobotsVerdict {
  // The message names robots.txt's URL ("refused URL: why"); keep the why for the page's message.
  if (failure.code === "fetch/blocked-address")
    return { kind: "blocked", reason: failure.message.replace(/^refused \S+: /, "") };
  // Too many redirects or a redirect to a non-HTTP URL: RFC 9309 §2.3.1.2 treats it as unavailable (4xx).
  if (failure.code === "fetch/redirects" || failure.code === "fetch/bad-url") return { kind: "allow-all" };
  return { kind: "unreachable", reason: failure.message, network: failure.code === "fetch/network" };
}

/** Throws the failure that refuses `url` under a verdict, or returns when the URL may be fetched. */
export function enforceRobots(verdict: RobotsVerdict, url: URL): void {
  if (verdict.kind === "blocked")
    throw new FetchFailure("fetch/blocked-address", `refused ${url.href}: ${verdict.reason}`);
  // A host that does not resolve or refuses connections: say so, not "robots.txt unreadable".
  if (verdict.kind === "unreachable" && verdict.network)
    throw new FetchFailure("fetch/network", `${verdict.reason} (while reading robots.txt)`);
  if (verdict.kind === "unreachable")
    throw new FetchFailure(
      "fetch/robots",
      `robots.txt of ${url.origin} could not be read (${verdict.reason}); the site is treated as disallowed`,
    );
  if (verdict.kind === "rules" && !verdict.isAllowed(url.href))
    throw new FetchFailure(
      "fetch/robots",
      `robots.txt of ${url.origin} disallows ${url.pathname}${url.search} for ${ROBOTS_TOKEN}`,
    );
}
