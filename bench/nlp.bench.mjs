#!/usr/bin/env node
// `npm run bench:nlp`: the analysis stage measured on public data in ../shared/dev/, one part per
// script in bench/nlp/ (named entities, places, times, analysis speed).
// Usage: npm run bench:nlp -- [--part ner|geo|time|speed] [--limit N]
import { runParts } from "./parts.mjs";

runParts("nlp", ["ner", "geo", "time", "speed"]);
