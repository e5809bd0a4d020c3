// A synthetic corpus of ANALYSED articles for bench/stories/scale.mjs, made deterministically
// (seeded mulberry32) from templates of really analysed articles (_synthetic-pool.mjs), so that
// 100k articles cost seconds to make instead of the hours analysing them would take.
//
// Structure: stories of 1-12 articles (P(k) ~ k^-0.5, mean ~5.2, so ~N/5 stories), each story
// spread over days 0-6 from a start day anywhere in two years. A story takes one template and
// gives it its own actors and places: most are renamed to synthetic ones drawn from Zipfian
// populations (a few actors and places recur in many stories, most in few; countries and some
// actors keep their real ids, as the world's best-known do), and a few story words of its own.
// Each article keeps a random ~70% of the template's sentences in a lightly shuffled order,
// borrows a sentence or two from other templates, and has ~10% of its words swapped for the
// story's words or Zipfian vocabulary, so terms have realistic posting lengths: common words
// common, names and story words rare. Text, entity and place mentions are rewritten together:
// every mention's [start, end) points at its new surface text.
import { createHash } from "node:crypto";
import { distModule } from "../common.mjs";

const { emptyAnnotations } = await import(distModule("model/index.js"));

/** Day 0 of the corpus; stories start anywhere in SPAN_DAYS after it. */
const FIRST_DAY_MS = Date.UTC(2015, 0, 1);
const MS_PER_DAY = 86_400_000;
/** Two years: most stories are far apart in time, as in an archive, and clustering must cope. */
const SPAN_DAYS = 730;
const MAX_STORY_SIZE = 12;
/** P(story of k articles) ~ k^-0.5 on 1..12: mean ~5.2, many singletons, a tail of big stories. */
const STORY_SIZE_EXPONENT = 0.5;
/** Later articles of a story come on average this many days after the first ... */
const MEAN_DAYS_LATE = 1;
/** ... and never later than this, inside the clusterer's default 7-day window. */
const MAX_DAYS_LATE = 6;
/** Share of the template's sentences an article keeps: rewrites of one story overlap, not copy. */
const KEEP_SENTENCE = 0.7;
/** Article length cap in sentences (~4 KB): a long news report. */
const MAX_SENTENCES = 30;
const MIN_SENTENCES = 3;
/** Sentences borrowed from other templates per article, at most: the background noise of news. */
const MAX_FOREIGN_SENTENCES = 2;
/** Adjacent-sentence swaps per article: rewrites reorder a little. */
const SWAPS = 2;
/** Share of actors kept as the template names them (states, big organisations recur everywhere). */
const KEEP_ACTOR = 0.2;
/** Share of non-country places kept; countries are always kept (they recur across stories). */
const KEEP_PLACE = 0.2;
/** Zipf exponent of actor, place and word popularity: the usual shape of news vocabularies. */
const ZIPF_EXPONENT = 1;
/**
 * Zipf-Mandelbrot offset for actors and places: P(rank r) ~ 1/(r + 20), so the most popular
 * synthetic actor is in ~1 story in 10, not in most (as the plain law would give with ~15 draws
 * per story).
 */
const POPULARITY_OFFSET = 20;
/** Distinct synthetic places: a large gazetteer, mostly towns seen once or twice. */
const PLACE_POPULATION = 50_000;
/** Distinct synthetic words mixed into the text (the long tail of a news archive's vocabulary). */
const VOCABULARY = 500_000;
/** Words of its own each story uses (a unit's name, a ship, a law's nickname). */
const STORY_WORDS = 6;
/**
 * Share of the template's word types (of 4+ letters, outside mentions) a story rewords, the same
 * way in each of its articles: stories made from one template then differ in their words as two
 * real reports of two earthquakes do, while a story's own articles stay alike.
 */
const STORY_REWORD = 0.4;
/** Share of the words each article swaps on its own (a rewrite's choice of words). */
const WORD_SWAP = 0.1;
/** Of the swapped words, the share that are the story's own; the rest come from the vocabulary. */
const STORY_WORD_SHARE = 0.5;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

const CONSONANTS = "bcdfghjklmnprstvwxz".split("");
const VOWELS = "aeiou".split("");
/** 100 two-letter syllables: synthetic words differ in their first syllables (the clusterer stems). */
const SYLLABLES = [...CONSONANTS, "y"].flatMap((c) => VOWELS.map((v) => c + v));

const PROVENANCE = { stage: "analyze", method: "synthetic" };

/**
 * N synthetic analysed articles from the templates. Returns {articles, labels}: labels maps each
 * article id to its story's number (the gold for B-cubed).
 */
export function synthesizeCorpus(templates, size, seed, random, spanDays = SPAN_DAYS) {
  if (templates.length === 0) throw new Error("synthetic corpus: no template to build from");
  const next = random(seed);
  const rng = () => next() / 2 ** 32;
  const samplers = {
    storySize: powerSampler(MAX_STORY_SIZE, STORY_SIZE_EXPONENT),
    actor: powerSampler(Math.max(1_000, size), ZIPF_EXPONENT, POPULARITY_OFFSET),
    place: powerSampler(PLACE_POPULATION, ZIPF_EXPONENT, POPULARITY_OFFSET),
    word: powerSampler(VOCABULARY, ZIPF_EXPONENT),
  };
  const articles = [];
  const labels = new Map();
  for (let story = 0; articles.length < size; story++) {
    const count = Math.min(samplers.storySize(rng), size - articles.length);
    for (const article of makeStory(story, count, templates, { samplers, rng, spanDays })) {
      articles.push(article);
      labels.set(article.id, story);
    }
  }
  return { articles, labels };
}

function makeStory(story, count, templates, { samplers, rng, spanDays }) {
  const context = {
    story,
    template: templates[Math.floor(rng() * templates.length)],
    startDay: Math.floor(rng() * spanDays),
    actors: new Map(),
    places: new Map(),
    rewords: new Map(),
    words: Array.from({ length: STORY_WORDS }, () => vocabularyWord(samplers.word(rng))),
    samplers,
    rng,
  };
  return Array.from({ length: count }, (_, k) => makeArticle(context, k, templates));
}

function makeArticle(context, k, templates) {
  const { rng } = context;
  const sentences = pickSentences(context.template.sentences, rng);
  for (let i = 0; i < MAX_FOREIGN_SENTENCES; i++) {
    if (rng() < 0.5) continue;
    const other = templates[Math.floor(rng() * templates.length)].sentences;
    sentences.splice(Math.floor(rng() * (sentences.length + 1)), 0, other[Math.floor(rng() * other.length)]);
  }
  const rendered = sentences.map((s) => renderSentence(s, context));
  const { text, entities, places, spans } = assemble(rendered, rng);
  const daysLate = k === 0 ? 0 : Math.min(MAX_DAYS_LATE, Math.floor(-Math.log(1 - rng()) * MEAN_DAYS_LATE));
  const minute = Math.floor(rng() * 24 * 60);
  const published = new Date(FIRST_DAY_MS + (context.startDay + daysLate) * MS_PER_DAY + minute * 60_000);
  return {
    id: `syn-${context.story}-${k}`,
    origin: { locator: "synthetic" },
    title: { value: rendered[0].text.slice(0, 80), source: "synthetic" },
    authors: [],
    published: { value: published.toISOString().slice(0, 16), precision: "minute", source: "synthetic" },
    language: { value: "en", source: "synthetic" },
    text,
    contentHash: createHash("sha256").update(text).digest("hex"),
    removed: [],
    credits: [],
    extractedBy: PROVENANCE,
    diagnostics: [],
    annotations: { ...emptyAnnotations(), sentences: spans, entities, places },
  };
}

/** A random ~70% of the sentences, in order but for a couple of adjacent swaps. */
function pickSentences(all, rng) {
  const kept = all.filter(() => rng() < KEEP_SENTENCE).slice(0, MAX_SENTENCES);
  const sentences = kept.length >= MIN_SENTENCES ? kept : all.slice(0, MIN_SENTENCES);
  for (let i = 0; i < SWAPS && sentences.length > 1; i++) {
    const at = Math.floor(rng() * (sentences.length - 1));
    [sentences[at], sentences[at + 1]] = [sentences[at + 1], sentences[at]];
  }
  return sentences;
}

/** Sentences joined into paragraphs of 1-3 sentences; mention offsets moved to the article. */
function assemble(rendered, rng) {
  let text = "";
  const entities = [];
  const places = [];
  const spans = [];
  let inParagraph = 0;
  let paragraphSize = 1 + Math.floor(rng() * 3);
  for (const sentence of rendered) {
    if (text.length > 0) text += inParagraph === 0 ? "\n\n" : " ";
    const offset = text.length;
    text += sentence.text;
    spans.push({ start: offset, end: text.length });
    for (const e of sentence.entities) entities.push({ ...e, start: e.start + offset, end: e.end + offset });
    for (const p of sentence.places) places.push({ ...p, start: p.start + offset, end: p.end + offset });
    inParagraph++;
    if (inParagraph >= paragraphSize) {
      inParagraph = 0;
      paragraphSize = 1 + Math.floor(rng() * 3);
    }
  }
  return { text, entities, places, spans };
}

/**
 * One template sentence with the story's names in place of the template's and some words swapped;
 * an entity and a place on the same span share the place's new name. Overlapping mentions after
 * the first are dropped.
 */
function renderSentence(sentence, context) {
  const mentions = [
    ...sentence.places.map((m) => ({ kind: "place", m })),
    ...sentence.entities.map((m) => ({ kind: "entity", m })),
  ].sort((a, b) => a.m.start - b.m.start || (a.kind === "place" ? -1 : 1));
  let text = "";
  let cursor = 0;
  let last;
  const entities = [];
  const places = [];
  for (const { kind, m } of mentions) {
    const sameSpan = last && last.start === m.start && last.end === m.end;
    if (!sameSpan && m.start < cursor) continue;
    if (!sameSpan) {
      text += swapWords(sentence.text.slice(cursor, m.start), context);
      const surface = sentence.text.slice(m.start, m.end);
      const name = kind === "place" ? placeFor(m, surface, context).name : actorFor(m, surface, context).name;
      last = { start: m.start, end: m.end, newStart: text.length, name };
      text += name;
      cursor = m.end;
    }
    const span = { start: last.newStart, end: last.newStart + last.name.length, text: last.name };
    if (kind === "place") places.push(placeMention(m, span, placeFor(m, last.name, context)));
    else entities.push(entityMention(m, span, actorFor(m, last.name, context)));
  }
  text += swapWords(sentence.text.slice(cursor), context);
  return { text, entities, places };
}

function entityMention(m, span, actor) {
  return {
    ...span,
    provenance: PROVENANCE,
    type: m.type,
    canonical: actor.canonical,
    actorId: actor.actorId,
    category: m.category,
  };
}

function placeMention(m, span, place) {
  return {
    ...span,
    provenance: PROVENANCE,
    name: place.name,
    geonameId: place.geonameId,
    lat: place.lat,
    lon: place.lon,
    countryCode: m.countryCode,
    feature: m.feature,
    confidence: 1,
  };
}

/** The story's actor for a template actor: the same one every time within the story. */
function actorFor(m, surface, context) {
  const known = context.actors.get(m.actorId);
  if (known) return known;
  const { rng, samplers } = context;
  const keep = m.type === "GPE" || m.type === "LOC" || rng() < KEEP_ACTOR;
  const rank = samplers.actor(rng);
  const name = keep ? surface : properName(rank, 1, m.type === "PERSON" ? 2 : 1);
  const actor = keep
    ? { actorId: m.actorId, name, canonical: surface }
    : { actorId: `syn-actor-${rank}`, name, canonical: name };
  context.actors.set(m.actorId, actor);
  return actor;
}

/** The story's place for a template place (countries kept, most others renamed). */
function placeFor(m, surface, context) {
  const key = m.geonameId ?? surface.toLowerCase();
  const known = context.places.get(key);
  if (known) return known;
  const { rng, samplers } = context;
  const keep = m.feature === "country" || rng() < KEEP_PLACE;
  const rank = samplers.place(rng);
  const place = keep
    ? { name: surface, geonameId: m.geonameId, lat: m.lat, lon: m.lon }
    : {
        name: properName(rank, 2, 1),
        geonameId: 90_000_000 + rank,
        lat: ((rank * 7919) % 18_000) / 100 - 90,
        lon: ((rank * 104_729) % 36_000) / 100 - 180,
      };
  context.places.set(key, place);
  return place;
}

function swapWords(text, context) {
  const { rng, words, samplers } = context;
  return text.replace(WORD, (word) => {
    if (word.length < 4) return word;
    const reworded = storyReword(word.toLowerCase(), context);
    if (rng() >= WORD_SWAP) return reworded ?? word;
    return rng() < STORY_WORD_SHARE
      ? words[Math.floor(rng() * words.length)]
      : vocabularyWord(samplers.word(rng));
  });
}

/** The story's own word for a template word, decided once per story (undefined: kept). */
function storyReword(lower, context) {
  const { rewords, rng, samplers } = context;
  if (!rewords.has(lower))
    rewords.set(lower, rng() < STORY_REWORD ? vocabularyWord(samplers.word(rng)) : undefined);
  return rewords.get(lower);
}

/**
 * A pronounceable word for a number: its base-100 digits, least significant first, as syllables,
 * so words of different numbers differ in their first letters (the clusterer keeps 7-letter stems).
 */
function syllableWord(n, minSyllables) {
  let word = "";
  let rest = n;
  for (let i = 0; i < minSyllables || rest > 0; i++) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
}

/** Vocabulary words: 3+ syllables, ending in a consonant so they never equal a name. */
function vocabularyWord(rank) {
  return `${syllableWord(rank, 3)}n`;
}

/** Names of 1-2 capitalised words; `kind` keeps actor names and place names apart. */
function properName(rank, kind, words) {
  const word = (n) => {
    const w = syllableWord(n, 3) + SYLLABLES[kind * 10];
    return w[0].toUpperCase() + w.slice(1);
  };
  return words === 1 ? word(rank) : `${word(rank)} ${word(rank * 31 + 7)}`;
}

/** A sampler of 1..n with P(k) ~ (k + offset)^-exponent (inverse CDF over a precomputed table). */
export function powerSampler(n, exponent, offset = 0) {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 1; k <= n; k++) {
    total += (k + offset) ** -exponent;
    cdf[k - 1] = total;
  }
  return (rng) => {
    const u = rng() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}
