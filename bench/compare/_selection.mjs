// Helpers of bench/compare.bench.mjs: run one BASIL triplet through the build as a story and
// place its predictions on BASIL's text; choose selection weights on a part of the set.
import { offsetMapper } from "./_basil.mjs";

/**
 * The small grid the held-out fit searches: weights of the four cues and the score threshold.
 * Kept coarse on purpose (3 x 3 x 2 x 2 weights, 5 thresholds): a few numbers, not a model.
 */
const GRID = {
  exclusive: [0, 0.3, 0.6],
  oneSided: [0, 0.3, 0.6],
  speculation: [0, 0.2],
  background: [0, 0.2],
  threshold: [0.1, 0.2, 0.3, 0.4, 0.5],
};
export const FIT_GRID = { size: Object.values(GRID).reduce((n, list) => n * list.length, 1) };

/**
 * Per BASIL article of the triplet: `{ gold, mapped, onlyFacts, framingSpans,
 * loadedSpans, passages: [{ span, features, selected }] }`, every span in BASIL text offsets.
 */
export function analyseTriplet({ stages, selector, outletLabels }, event, articles) {
  const documents = articles.flatMap((a) => {
    const line = { id: a.id, outlet: a.outlet, title: a.title, published: a.published, text: a.text };
    return stages.ingest({ locator: `${a.id}.jsonl`, bytes: new TextEncoder().encode(JSON.stringify(line)) })
      .documents;
  });
  const sites = stages.learnSites(documents);
  const analysed = stages.dedupe(documents.map((d) => stages.analyze(stages.extract(d, sites))));
  const triplet = {
    id: event,
    title: articles[0].title,
    articleIds: analysed.map((a) => a.id),
    firstPublished: articles.map((a) => a.published).sort()[0],
  };
  // The triplet's events are the story's: every event here comes from its three articles.
  const events = stages.events(analysed, [triplet]);
  const story = { ...triplet, eventIds: events.map((e) => e.id) };
  const comparison = stages.compare(story, analysed, events);
  const outlets = outletLabels(analysed);
  const features = selector.features(analysed, outlets);
  const selected = new Set(selector.select(analysed, outlets).map((p) => `${p.articleId}#${p.sentence}`));
  return articles.map((gold) => {
    const article = analysed.find((a) => a.id === gold.id);
    const toSource = article && offsetMapper(article.text, gold.text);
    if (!toSource) return emptyRecord(gold);
    const place = (spans) => spans.map((s) => toSource(s.start, s.end)).filter((s) => s !== undefined);
    const onlyWordings = (keep) =>
      place(
        comparison.facts
          .filter(keep)
          .flatMap((f) => f.cells.filter((c) => c.articleId === article.id && c.status === "only"))
          .flatMap((c) => c.wording.filter((w) => w.field === "text")),
      );
    const passages = features
      .filter((f) => f.articleId === article.id)
      .map((f) => ({
        span: toSource(f.start, f.end),
        features: f,
        selected: selected.has(`${f.articleId}#${f.sentence}`),
      }))
      .filter((p) => p.span !== undefined);
    return {
      gold,
      mapped: true,
      onlyFacts: onlyWordings(() => true),
      framingSpans: place(article.annotations.framing),
      loadedSpans: place((article.annotations.loadedSentences ?? []).flatMap((s) => s.drivers)),
      passages,
    };
  });
}

function emptyRecord(gold) {
  return {
    gold,
    mapped: false,
    onlyFacts: [],
    framingSpans: [],
    loadedSpans: [],
    passages: [],
  };
}

/**
 * The grid setting with the best sentence-level inf F1 on `records`:
 * `{ selects(features) => boolean, describe }`. `withWeights(weights)` makes a selector.
 */
export function fitSelection(records, withWeights) {
  let best = { f1: -1 };
  for (const exclusive of GRID.exclusive)
    for (const oneSided of GRID.oneSided)
      for (const speculation of GRID.speculation)
        for (const background of GRID.background) {
          const weights = { exclusive, oneSided, speculation, background };
          const selector = withWeights(weights);
          const scored = records.map((r) =>
            r.passages.map((p) => ({ span: p.span, score: selector.score(p.features).score })),
          );
          for (const threshold of GRID.threshold) {
            const f1 = sentenceF1(records, scored, threshold);
            if (f1 > best.f1) best = { f1, weights, threshold, selector };
          }
        }
  const { weights, threshold, selector, f1 } = best;
  return {
    selects: (features) => selector.score(features).score >= threshold,
    describe: { weights, threshold, trainF1: Math.round(f1 * 1000) / 1000 },
  };
}

function sentenceF1(records, scored, threshold) {
  let correct = 0;
  let predicted = 0;
  let gold = 0;
  records.forEach((r, i) => {
    const spans = scored[i].filter((p) => p.score >= threshold).map((p) => p.span);
    for (const sentence of r.gold.sentences) {
      const yes = spans.some((s) => s.start < sentence.end && sentence.start < s.end);
      if (yes) predicted++;
      if (sentence.inf) gold++;
      if (yes && sentence.inf) correct++;
    }
  });
  return predicted && gold && correct ? (2 * correct) / (predicted + gold) : 0;
}
