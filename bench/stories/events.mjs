#!/usr/bin/env node
// Events (issue 5): runs the whole pipeline on examples/ (every folder), then prints each merged event:
// type, place, each source's dates with their words, the resolved date and its reason, fatalities and
// sources. The seeds (examples/albu-kamal/) must give ONE event of sub-type government-regains-territory
// at Albu Kamal (near 34.45 N, 40.92 E) with both sources' reports and dates.
// With BASIL (../shared/dev/bias/basil/articles: 50 triplets, three outlets each telling one event;
// on by default when the set is there, --no-basil skips it) it also runs the pipeline over those
// articles and prints reports per article, events, how many triplets have an event that two or
// three of their outlets report (merged), and the event types. BASIL has no gold event types: the
// figures show that merging works on real multi-outlet news, not that the types are right. The share of
// events typed battles or explosions is a sanity figure: BASIL is mostly US politics, so it should be small.
// Usage: node bench/stories/events.mjs [--limit N articles] [--no-basil]   PARALLAX_DIST=dir benches another build.
import { devSet, distModule, flagValue, peakMemoryMb, printTable } from "../common.mjs";
import { basilArticles, firstEvents } from "./_corpora.mjs";

const EXAMPLES = new URL("../../examples/", import.meta.url).pathname;
/** The seeds' town, as the issue gives it; a resolved place this close counts as found. */
const SEED_PLACE = { lat: 34.45, lon: 40.92 };
const SEED_TOLERANCE_DEG = 0.05;
const SEED_SUBTYPE = "government-regains-territory";
/** Armed-conflict types: on BASIL (US politics) few events should have them; a sanity figure, not a score. */
const CONFLICT_TYPES = new Set(["battles", "explosions-remote-violence"]);

const limit = Number(flagValue("--limit", "0")) || Infinity;
/** BASIL tells each event in three outlets: --limit N keeps the first N/3 triplets. */
const OUTLETS_PER_TRIPLET = 3;
const parallax = await import(distModule("index.js"));
const started = performance.now();
const knowledge = parallax.loadKnowledge();
const stages = parallax.createDefaultStages(knowledge);
const { inputs } = await parallax.readInputs([EXAMPLES]);
const { result } = parallax.runPipeline(stages, { inputs: inputs.slice(0, limit) });
// The run may not merge events yet (its wiring is another task): merge here when it did not.
const events = result.events.length > 0 ? result.events : stages.events(result.articles, result.stories, []);
const seconds = (performance.now() - started) / 1000;

const label = new Map(
  result.articles.map((a) => [a.id, `${a.outlet?.value ?? a.id} (${a.origin.locator.split("/").pop()})`]),
);
for (const e of events) {
  const f = e.fields;
  const place = f.place.resolved;
  console.log(`\n${e.id}  ${e.type} / ${e.subType}  confidence ${e.confidence}`);
  console.log(
    `  place: ${place ? `${place.name}, ${place.country ?? place.countryCode ?? "?"} (${place.lat}, ${place.lon}) ${place.precision}` : "-"}`,
  );
  console.log(
    `  actor1: ${f.actor1.resolved?.name ?? "-"}   actor2: ${f.actor2.resolved?.name ?? "-"}   with: ${(f.associated.resolved ?? []).map((a) => a.name).join(", ") || "-"}`,
  );
  for (const v of f.date.values)
    console.log(
      `  date per ${label.get(v.articleId) ?? v.articleId}: ${v.value.value} (${v.value.precision}, ${v.value.basis}) ${v.evidence.map((x) => `"${x.text}"`).join(" ")}`,
    );
  console.log(`  date: ${f.date.resolved?.value ?? "-"}  because ${f.date.reason}`);
  console.log(`  fatalities: ${f.fatalities.resolved?.count ?? "-"}  (${f.fatalities.reason})`);
  console.log(
    `  sources: ${[...new Set(e.reports.map((r) => label.get(r.articleId) ?? r.articleId))].join("; ")}`,
  );
}

const seedIds = new Set(
  result.articles.filter((a) => a.origin.locator.includes("albu-kamal")).map((a) => a.id),
);
const seedEvents = events.filter((e) => {
  const p = e.fields.place.resolved;
  return (
    e.subType === SEED_SUBTYPE &&
    p !== undefined &&
    Math.abs(p.lat - SEED_PLACE.lat) < SEED_TOLERANCE_DEG &&
    Math.abs(p.lon - SEED_PLACE.lon) < SEED_TOLERANCE_DEG
  );
});
const seed = seedEvents[0];
const seedSources = seed
  ? new Set(seed.reports.map((r) => r.articleId).filter((id) => seedIds.has(id)))
  : new Set();
const seedDateSources = seed
  ? new Set(seed.fields.date.values.map((v) => v.articleId).filter((id) => seedIds.has(id)))
  : new Set();
const seedFound =
  seedEvents.length === 1 &&
  seedIds.size >= 2 &&
  seedSources.size === seedIds.size &&
  seedDateSources.size === seedIds.size;

console.log("");
const reports = result.articles.reduce((n, a) => n + a.annotations.eventReports.length, 0);
printTable([
  ["articles", "stories", "reports", "events", "multi-source events", "seconds", "peak MB"],
  [
    result.articles.length,
    result.stories.length,
    reports,
    events.length,
    events.filter((e) => new Set(e.reports.map((r) => r.articleId)).size > 1).length,
    seconds.toFixed(1),
    peakMemoryMb(),
  ],
]);
console.log(
  `seeds: ${seedFound ? "ONE event" : "NOT as required"} (${seedEvents.length} candidate events, ${seedSources.size}/${seedIds.size} sources, resolved date ${seed?.fields.date.resolved?.value ?? "-"})`,
);
const basil = process.argv.includes("--no-basil") ? undefined : basilFigures();

console.log(
  `RESULT ${JSON.stringify({
    articles: result.articles.length,
    reports,
    events: events.length,
    multiSourceEvents: events.filter((e) => new Set(e.reports.map((r) => r.articleId)).size > 1).length,
    seedEventFound: seedFound,
    seedDate: seed?.fields.date.resolved?.value ?? null,
    seconds: Math.round(seconds * 10) / 10,
    ...(basil ?? {}),
    peakMb: peakMemoryMb(),
  })}`,
);

/** The pipeline over BASIL's triplets: how many reports, events, and triplets merged across outlets. */
function basilFigures() {
  const dir = devSet("bias/basil/articles/");
  if (!dir) return undefined;
  const records = firstEvents(basilArticles(dir.pathname), Math.ceil(limit / OUTLETS_PER_TRIPLET)).map(
    (a) => ({ line: a.line, triplet: a.event }),
  );
  const startedAt = performance.now();
  const inputs = records.map((r) => ({
    locator: `${r.line.id}.jsonl`,
    bytes: new TextEncoder().encode(JSON.stringify(r.line)),
  }));
  const run = parallax.runPipeline(stages, { inputs }).result;
  const merged = run.events.length > 0 ? run.events : stages.events(run.articles, run.stories, []);
  const basilSeconds = (performance.now() - startedAt) / 1000;
  const tripletOf = new Map(records.map((r) => [r.line.id, r.triplet]));
  const articleTriplet = new Map(run.articles.map((a) => [a.id, tripletOf.get(a.id)]));
  // The most outlets of its own triplet any one event gathers, per triplet.
  const bestShare = new Map();
  for (const e of merged) {
    const byTriplet = new Map();
    for (const r of e.reports) {
      const t = articleTriplet.get(r.articleId);
      if (t) byTriplet.set(t, new Set([...(byTriplet.get(t) ?? []), r.articleId]));
    }
    for (const [t, ids] of byTriplet) bestShare.set(t, Math.max(bestShare.get(t) ?? 0, ids.size));
  }
  const triplets = new Set(records.map((r) => r.triplet)).size;
  const withTwo = [...bestShare.values()].filter((n) => n >= 2).length;
  const withThree = [...bestShare.values()].filter((n) => n >= 3).length;
  const reports = run.articles.reduce((n, a) => n + a.annotations.eventReports.length, 0);
  const types = new Map();
  for (const e of merged) types.set(e.type, (types.get(e.type) ?? 0) + 1);
  const typeShares = Object.fromEntries(
    [...types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t, n]) => [t, n]),
  );
  console.log("\nBASIL (no gold event types: merging across outlets on real news)");
  printTable([
    [
      "articles",
      "triplets",
      "reports/article",
      "events",
      "multi-outlet events",
      "triplets >=2 outlets",
      "triplets 3 outlets",
      "seconds",
    ],
    [
      run.articles.length,
      triplets,
      (reports / Math.max(1, run.articles.length)).toFixed(2),
      merged.length,
      merged.filter((e) => new Set(e.reports.map((r) => r.articleId)).size > 1).length,
      withTwo,
      withThree,
      basilSeconds.toFixed(1),
    ],
  ]);
  printTable([["event type", "events"], ...Object.entries(typeShares)]);
  const conflictEvents = merged.filter((e) => CONFLICT_TYPES.has(e.type)).length;
  const conflictShare = Math.round((conflictEvents / Math.max(1, merged.length)) * 1000) / 1000;
  console.log(
    `battles or explosions: ${conflictEvents} of ${merged.length} events (${(conflictShare * 100).toFixed(1)}%)`,
  );
  return {
    basilArticles: run.articles.length,
    basilTriplets: triplets,
    basilReportsPerArticle: Math.round((reports / Math.max(1, run.articles.length)) * 100) / 100,
    basilEvents: merged.length,
    basilTripletsTwoOutlets: withTwo,
    basilTripletsThreeOutlets: withThree,
    basilTypes: typeShares,
    basilConflictShare: conflictShare,
  };
}
