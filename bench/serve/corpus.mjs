// A large, realistic database for bench/serve.bench.mjs: the seeds (examples/) are analysed once by
// the real pipeline, then each synthetic story is a copy of one seed story with its articles and
// events, varied so that 100k articles look like an archive rather than one story 50k times:
// - new ids for the story, its articles, their event reports and its events (every reference follows);
// - each article a different outlet, drawn from a Zipfian population (a few outlets everywhere);
// - the story moved in time (every ISO date inside it shifted by the same number of days);
// - most actors and non-country places renamed to synthetic ones from Zipfian populations;
// - words swapped for synthetic words OF THE SAME LENGTH (per story and per article), outside the
//   short mentions (names, places, times, figures, loaded words), so every [start, end) still
//   points at its text (the `text` of longer spans, quotes and evidence, is cut again from the new
//   text) and the full-text index sees a realistic vocabulary: common words common, story words rare.
// Everything is seeded (mulberry32): the same size and seed give the same database.
import { createHash } from "node:crypto";
import { powerSampler } from "../stories/_synthetic.mjs";

const MS_PER_DAY = 86_400_000;
/** Stories spread over five years back from the seeds' own dates: an archive, not one week. */
const SPAN_DAYS = 1_825;
/** Outlets of a large archive: a few big ones in most stories, a long tail of small ones. */
const OUTLET_POPULATION = 600;
const ACTOR_POPULATION = 20_000;
const PLACE_POPULATION = 50_000;
const VOCABULARY = 300_000;
/** Zipf-Mandelbrot offset: the most popular outlet, actor or place is in ~1 story in 10, not most. */
const POPULARITY_OFFSET = 20;
/** Share of actors and non-country places kept as the seed names them (the world's best-known recur). */
const KEEP_NAME = 0.2;
/** Share of a story's word types (4+ letters) it words its own way, the same in all its articles. */
const STORY_REWORD = 0.35;
/** Share of words each article swaps on its own (a rewrite's choice of words). */
const WORD_SWAP = 0.1;
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
/** Annotation kinds whose words stay as analysed: names, places, times, figures, loaded words. */
const PROTECTED_KINDS = ["entities", "places", "times", "quantities", "framing", "actorLabels"];

const SYLLABLES = "bcdfghjklmnprstvwxyz".split("").flatMap((c) => [..."aeiou"].map((v) => c + v));

/**
 * The seed stories: each with its analysed articles and its events, from one run of the pipeline
 * over `paths`. `parallax` is the build's index module, `readInputs` its io/read-inputs module.
 */
export async function seedTemplates(parallax, readInputs, paths) {
  const { inputs, diagnostics } = await readInputs(paths);
  const stages = parallax.createDefaultStages(parallax.loadKnowledge());
  const outcome = parallax.runPipeline(stages, { inputs, diagnostics });
  const articles = new Map(outcome.result.articles.map((a) => [a.id, a]));
  const events = new Map(outcome.events.map((e) => [e.id, e]));
  return outcome.stories.map((story) => ({
    story,
    articles: story.articleIds.map((id) => articles.get(id)).filter(Boolean),
    events: (story.eventIds ?? []).map((id) => events.get(id)).filter(Boolean),
  }));
}

/**
 * Synthetic stories until `size` articles: calls `emit({ story, articles, events })` for each
 * (plain objects, ready for the store). Returns how many stories were made.
 */
export function synthesize(templates, size, random, emit) {
  const rng = uniform(random);
  const samplers = {
    outlet: powerSampler(OUTLET_POPULATION, 1, POPULARITY_OFFSET),
    actor: powerSampler(ACTOR_POPULATION, 1, POPULARITY_OFFSET),
    place: powerSampler(PLACE_POPULATION, 1, POPULARITY_OFFSET),
    word: powerSampler(VOCABULARY, 1, 0),
  };
  if (!templates.some((t) => t.articles.length === 1))
    throw new Error("synthetic corpus: the seeds need a story of one article to fill up to the size");
  let made = 0;
  let story = 0;
  while (made < size) {
    // Near the end only a story that fits: the database holds exactly `size` articles.
    const fitting = templates.filter((t) => t.articles.length <= size - made);
    const copy = varyStory(fitting[Math.floor(rng() * fitting.length)], story, { rng, samplers });
    emit(copy);
    made += copy.articles.length;
    story++;
  }
  return story;
}

function varyStory(template, number, { rng, samplers }) {
  const { articles } = template;
  const context = {
    ids: new Map(),
    labels: new Map(),
    actors: new Map(),
    places: new Map(),
    rewords: new Map(),
    texts: new Map(),
    shiftDays: -Math.floor(rng() * SPAN_DAYS),
    rng,
    samplers,
  };
  context.ids.set(template.story.id, `story-syn${number}`);
  articles.forEach((a, k) => context.ids.set(a.id, `syn${number}-${k}`));
  template.events.forEach((e, k) => context.ids.set(e.id, `event-syn${number}-${k}`));
  const outlets = distinctOutlets(articles.length, context);
  articles.forEach((a, k) => context.labels.set(labelOf(a), outlets[k]));
  const varied = articles.map((a, k) => varyArticle(a, outlets[k], number, k, context));
  const story = vary(template.story, context);
  return {
    story: { ...story, title: swapText(story.title, undefined, context, false) },
    articles: varied,
    events: template.events.map((e) => vary(e, context)),
  };
}

/** What the seed's comparison calls an article: outlet, else host, else file name (as articleLabel does). */
function labelOf(article) {
  if (article.outlet?.value) return article.outlet.value;
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, "");
    } catch {
      // fall through to the locator
    }
  }
  return (
    article.origin.locator
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.[a-z0-9]+$/i, "") ?? article.origin.locator
  );
}

function distinctOutlets(count, { rng, samplers }) {
  const chosen = new Set();
  while (chosen.size < count) chosen.add(properName(samplers.outlet(rng), 3, 2));
  return [...chosen];
}

function varyArticle(article, outlet, story, k, context) {
  const id = context.ids.get(article.id);
  const text = swapText(article.text, protectedSpans(article), context, true);
  context.texts.set(id, text);
  const { text: _text, annotations, ...rest } = article;
  const varied = vary({ ...rest, annotations: { ...annotations, tokens: [] } }, context, id);
  const slug = outlet.toLowerCase().replace(/\W+/g, "-");
  return {
    ...varied,
    origin: { ...varied.origin, locator: `synthetic/${story}-${k}` },
    url: `https://${slug}.example/${story}/${k}`,
    outlet: { value: outlet, source: "synthetic" },
    ...(varied.title
      ? { title: { ...varied.title, value: swapText(varied.title.value, undefined, context, true) } }
      : {}),
    text,
    contentHash: createHash("sha256").update(text).digest("hex"),
  };
}

/**
 * A copy of a value with the story's ids, outlet labels, dates, actors and places in place of the
 * seed's. `articleId` is the (new) article the spans below refer to: the nearest `articleId` above.
 */
function vary(value, context, articleId) {
  if (typeof value === "string") return varyString(value, context);
  if (Array.isArray(value)) return value.map((v) => vary(v, context, articleId));
  if (value === null || typeof value !== "object") return value;
  const out = {};
  const own = typeof value.articleId === "string" ? varyString(value.articleId, context) : articleId;
  for (const [key, v] of Object.entries(value)) out[varyString(key, context)] = vary(v, context, own);
  if (typeof out.actorId === "string") renameActor(out, context);
  if (isPlace(out)) renamePlace(out, context);
  recut(out, context.texts.get(own));
  return out;
}

function isPlace(o) {
  return (
    typeof o.name === "string" &&
    typeof o.lat === "number" &&
    typeof o.lon === "number" &&
    o.feature !== "country" &&
    o.precision !== "country"
  );
}

/** A span's `text` cut again from its article's new text (same length: the swaps keep lengths). */
function recut(span, text) {
  if (text === undefined || typeof span.text !== "string") return;
  if (typeof span.start !== "number" || typeof span.end !== "number") return;
  if (span.end - span.start === span.text.length && span.end <= text.length)
    span.text = text.slice(span.start, span.end);
}

function varyString(s, { ids, labels, shiftDays }) {
  const id = ids.get(s) ?? labels.get(s);
  if (id !== undefined) return id;
  const hash = s.indexOf("#");
  if (hash > 0 && ids.has(s.slice(0, hash))) return ids.get(s.slice(0, hash)) + s.slice(hash);
  const date = ISO_DATE.exec(s);
  if (!date) return s;
  const day = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) + shiftDays * MS_PER_DAY;
  return new Date(day).toISOString().slice(0, 10) + s.slice(10);
}

function renameActor(actor, { actors, rng, samplers }) {
  if (!actors.has(actor.actorId)) {
    const rank = samplers.actor(rng);
    // States and geographic names keep theirs: they recur across stories, as the world's do.
    const keep = actor.type === "GPE" || actor.type === "LOC" || rng() < KEEP_NAME;
    actors.set(actor.actorId, keep ? undefined : { id: `syn-actor-${rank}`, name: properName(rank, 1, 2) });
  }
  const renamed = actors.get(actor.actorId);
  if (!renamed) return;
  actor.actorId = renamed.id;
  if ("name" in actor) actor.name = renamed.name;
  if ("canonical" in actor) actor.canonical = renamed.name;
}

function renamePlace(place, { places, rng, samplers }) {
  const key = place.geonameId ?? `name:${place.name}`;
  if (!places.has(key)) {
    const rank = samplers.place(rng);
    places.set(
      key,
      rng() < KEEP_NAME
        ? undefined
        : {
            geonameId: 90_000_000 + rank,
            name: properName(rank, 2, 1),
            lat: ((rank * 7919) % 17_000) / 100 - 85,
            lon: ((rank * 104_729) % 36_000) / 100 - 180,
          },
    );
  }
  const renamed = places.get(key);
  if (!renamed) return;
  if ("geonameId" in place) place.geonameId = renamed.geonameId;
  if ("name" in place) place.name = renamed.name;
  if ("lat" in place) place.lat = renamed.lat;
  if ("lon" in place) place.lon = renamed.lon;
}

/** Characters inside an annotated mention (entity, place, time, quote...): their words stay. */
function protectedSpans(article) {
  const mask = new Uint8Array(article.text.length);
  for (const kind of PROTECTED_KINDS) {
    for (const item of article.annotations[kind] ?? []) {
      if (typeof item?.start === "number" && typeof item?.end === "number")
        mask.fill(1, item.start, item.end);
    }
  }
  return mask;
}

/** Words swapped as the story words them and, with `ownWords`, as this article does too. */
function swapText(text, mask, context, ownWords) {
  const { rng, samplers, rewords } = context;
  return text.replace(WORD, (word, offset) => {
    if (word.length < 4 || (mask && (mask[offset] || mask[offset + word.length - 1]))) return word;
    const lower = word.toLowerCase();
    if (!rewords.has(lower)) rewords.set(lower, rng() < STORY_REWORD ? samplers.word(rng) : 0);
    const swap = ownWords && rng() < WORD_SWAP ? samplers.word(rng) : rewords.get(lower);
    return swap === 0 ? word : sameLengthWord(swap, word);
  });
}

/** A synthetic word for a rank, as long as the word it replaces and with its capital. */
function sameLengthWord(rank, like) {
  let word = syllableWord(rank, 2);
  while (word.length < like.length) word += word;
  word = word.slice(0, like.length);
  return like[0] === like[0].toUpperCase() ? word[0].toUpperCase() + word.slice(1) : word;
}

function syllableWord(n, minSyllables) {
  let word = "";
  let rest = n;
  for (let i = 0; i < minSyllables || rest > 0; i++) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
}

/** Names of 1-2 capitalised words; `kind` keeps outlets, actors and places apart. */
function properName(rank, kind, words) {
  const word = (n) => {
    const w = syllableWord(n, 2) + SYLLABLES[kind * 7];
    return w[0].toUpperCase() + w.slice(1);
  };
  return words === 1 ? word(rank) : `${word(rank)} ${word(rank * 31 + 7)}`;
}

function uniform(random) {
  return () => random() / 2 ** 32;
}
