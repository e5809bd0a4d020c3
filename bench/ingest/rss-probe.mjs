// Preloaded into the ingest child (`node --import`): when the process exits, writes its peak
// resident memory in KiB to PARALLAX_RSS_FILE. maxRSS is the whole process, so it covers the main
// thread and every worker thread of the pool; only the main thread writes it.
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const file = process.env.PARALLAX_RSS_FILE;
if (file && isMainThread)
  process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
