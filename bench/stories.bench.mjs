#!/usr/bin/env node
// `npm run bench:stories`: stories and events (issue 5), one part per script in bench/stories/:
// clustering on ECB+ and BASIL, clustering at scale (10k/30k/100k articles), the event-type
// classifier on the held-out fifth of data/events and on the seeds' sentences, and the seeds' events.
// Usage: npm run bench:stories -- [--part clustering|scale|event-types|events] [--limit N]
import { runParts } from "./parts.mjs";

runParts("stories", ["clustering", "scale", "event-types", "events"]);
