import type { Credit, DateValue, RemovedBlock, Sourced } from "../model/index.js";
import { isAuthorName, splitAuthors } from "./authors.js";
import { comparableLine, rawBlocks, sameLine, wordCount } from "./blocks.js";
import {
  type BlockMatch,
  DEFAULT_TEXT_CLASS_LIMITS,
  dateOnlyBlock,
  isLabelLike,
  listSeparators,
  looksLikeHeadline,
  pageLanguage,
  reviseByContext,
  stopwordDensity,
  type TextClass,
  textClass,
} from "./classify.js";
import { creditOfCaption, parseCreditLine } from "./credits.js";
import { dateFromText } from "./dates.js";
import type { Extraction } from "./extraction.js";
import type { ResolvedExtractOptions } from "./options.js";
import { outletFromBoilerplate } from "./outlet.js";

export interface RawContext {
  options: ResolvedExtractOptions;
  classify: (block: string) => BlockMatch[];
  /** Title given by the source record: the line that repeats it is the headline. */
  givenTitle?: string;
  /** Comparable forms of the lines this document's site repeats on many pages. */
  siteLines?: ReadonlySet<string>;
}

/** What reading one matched block gave, when the reading succeeded. */
interface Reading {
  credits?: Credit[];
  published?: DateValue;
  updated?: DateValue;
  authors?: string[];
}

/** Where the main run of body text may lie, and how blocks around it weigh. */
export const MAIN_RUN = Object.freeze({
  /**
   * A junk block weighs at least this many characters against the run, so that a long row of
   * short menu entries outweighs a stray paragraph of footer text: 40, about one menu line.
   */
  badMinWeight: 40,
  /** ...and at most this many, so that one long junk block inside the article does not cut it: 400. */
  badMaxWeight: 400,
  /**
   * A short line that is not a sentence (menu entry, label) weighs this much against: 80, two
   * menu lines. A label seldom comes alone: it stands for the row of links or the widget around
   * it, and a stray subheading inside a story is outweighed by the paragraphs on either side.
   */
  labelWeight: 80,
  /** Thin or shortish prose counts with this share of its length: 0.7, it is body more often than not. */
  nearGoodShare: 0.7,
  /** A short line that is no label counts with half its length: body, but also "Thanks for reading!". */
  shortSentenceShare: 0.5,
  /**
   * Text after the first end marker that outweighs the run before it this many times shows
   * the marker closed a box above the story: 10. Reader comments after a short post weigh a
   * few times the post; a page's whole story against a newsletter box, tens of times its box.
   */
  prematureEndRatio: 10,
  /**
   * ...provided the run before the marker is light: under 1000 characters, a box or a few
   * lines. A longer run before a comment heading is a story, however long its comments.
   */
  prematureEndMaxWeight: 1000,
  /**
   * A run above the main one is body from this weight: 100, a sentence and a half net of the
   * labels around it. Menus above a story weigh against themselves and form no such run.
   */
  aboveMinWeight: 100,
});

/** What was decided about one block before the main run is chosen. */
type Verdict =
  | { removed: RemovedBlock; reading?: Reading; ends?: boolean }
  | { removed?: undefined; textClass: TextClass; ends?: undefined };

/**
 * Reads already-flattened scraped text: splits it into blocks, finds the headline, and sorts
 * every other block into body or boilerplate. First by pattern (datelines, appeals, captions)
 * and by what the site repeats on its other pages; then by how each block reads as text and
 * what its neighbours are (jusText's classes); then the body is the densest run of text, and
 * an end marker (donation appeal, comment policy, copyright) after some body ends it.
 */
export function extractRaw(content: string, context: RawContext): Extraction {
  const { options } = context;
  const blocks = rawBlocks(content);
  const matches = blocks.map(context.classify);
  const siteLines = context.siteLines ?? new Set<string>();
  const language = pageLanguage(blocks, options.data.stopwords);
  const stopwords = language === undefined ? [] : [...options.data.stopwords.values()];
  const judged = blocks.map(
    (block, i): Verdict =>
      judgeBlock(block, matches[i] ?? [], siteLines, options, language) ?? {
        textClass: textClass(block, stopwords),
      },
  );
  // The title the record names or a placeholder echoes is known before the body; otherwise the
  // body is found first and the headline is looked for just above it.
  const known = knownTitle(blocks, matches, context);
  let layout = arrange(blocks, judged, known, stopwords, options);
  let title = known;
  if (!title && options.titleSearchBlocks > 0) {
    // A page that opens with its story (no menu above it) opens with its headline; on a page
    // whose story starts further down, the headline stands just above the story.
    const near = layout.run.start < options.titleSearchBlocks;
    const top = near ? topHeadline(blocks, matches, siteLines, options) : undefined;
    title = top ?? titleAboveBody(blocks, judged, layout.run, options, language);
    if (title) layout = arrange(blocks, judged, title, stopwords, options);
  }
  const { verdicts, end, body } = layout;

  const paragraphs: string[] = [];
  const removed: RemovedBlock[] = [];
  const credits: Credit[] = [];
  const authors: Sourced<string>[] = [];
  let published: DateValue | undefined;
  let updated: DateValue | undefined;
  const repeated = repeatedLines(blocks);
  verdicts.forEach((verdict, i) => {
    const block = blocks[i] ?? "";
    if (verdict.removed) {
      removed.push(verdict.removed);
      const reading = verdict.reading ?? {};
      credits.push(...(reading.credits ?? []));
      published ??= reading.published;
      updated ??= reading.updated;
      for (const name of reading.authors ?? []) authors.push({ value: name, source: "byline" });
      return;
    }
    if (i >= end) removed.push({ kind: "other", text: block, rule: "structure/after-end" });
    else if (body[i] === undefined) removed.push(outsideMain(block, options));
    else if (body[i] === "bad") removed.push(lowDensity(block, options));
    else if (repeated.has(i)) removed.push({ kind: "other", text: block, rule: "structure/repeated-line" });
    else paragraphs.push(block);
  });

  const outlet = outletFromBoilerplate(
    removed.map((r) => r.text),
    options.data.outlets,
  );
  const date = published ?? (updated ? { ...updated, source: "dateline:updated" } : undefined);
  return {
    paragraphs,
    removed,
    credits,
    authors,
    method: "raw-blocks",
    diagnostics: [],
    ...(title ? { title: title.value } : {}),
    ...(date ? { published: date } : {}),
    ...(outlet ? { outlet } : {}),
  };
}

/** The verdicts once the headline is known, where the article ends, and its main run. */
interface Layout {
  verdicts: Verdict[];
  end: number;
  run: { start: number; end: number };
  /** Per block: its class after the context step inside the run that holds it, if one does. */
  body: ("good" | "bad" | undefined)[];
}

function arrange(
  blocks: readonly string[],
  judged: readonly Verdict[],
  title: FoundTitle | undefined,
  stopwords: readonly ReadonlySet<string>[],
  options: ResolvedExtractOptions,
): Layout {
  const verdicts = judged.map((verdict, i): Verdict => {
    const block = blocks[i] ?? "";
    return title && (i === title.index || sameLine(block, title.value.value))
      ? { removed: { kind: "title", text: block, rule: title.rule } }
      : verdict;
  });
  const initial = verdicts.map((v): TextClass => (v.removed ? "bad" : v.textClass));
  const classes = reviseByContext(initial);
  let end = endOfArticle(verdicts, classes, options, 0);
  let run = mainRun(blocks, initial, 0, end, options);
  // An end marker of a box above the story (a newsletter form, a "most read" list, a login
  // panel) may follow a stray paragraph: when the text beyond it far outweighs what stood
  // before it, the marker ended that box, not the story, and the story's own end is looked for.
  const whole = mainRun(blocks, initial, end, blocks.length, options);
  if (run.score < MAIN_RUN.prematureEndMaxWeight && whole.score > MAIN_RUN.prematureEndRatio * run.score) {
    end = endOfArticle(verdicts, classes, options, whole.start);
    run = mainRun(blocks, initial, whole.start, end, options);
  }
  const body: ("good" | "bad" | undefined)[] = blocks.map(() => undefined);
  for (const part of [run, ...runAbove(blocks, initial, verdicts, run, options)]) {
    // Inside a run, jusText's context step again, with the run's ends counting as body, and a
    // full sentence dense in stopwords counting as body whatever its length (news paragraphs are
    // often one sentence, between an advertisement label and a share button).
    const revised = reviseByContext(
      initial
        .slice(part.start, part.end)
        .map((c, i) =>
          c === "near-good" && denseSentence(blocks[part.start + i] ?? "", stopwords) ? "good" : c,
        ),
      "good",
    );
    revised.forEach((c, i) => (body[part.start + i] = c));
  }
  return { verdicts, end, run, body };
}

/**
 * The run of text above the main one, when it weighs anything (MAIN_RUN.aboveMinWeight): a
 * standfirst split from the story by a photo and its credits, a recipe's ingredients above its
 * method, a list of dates above an event's description. It is looked for below any end marker
 * (a newsletter box, a comment heading), which closes what stands above it; not below the
 * headline, which is often found inside a story that opens with a short line. Text below the
 * main run is not taken so: there stand comments, teasers and author boxes, which read as
 * prose as much as the story.
 */
function runAbove(
  blocks: readonly string[],
  classes: readonly TextClass[],
  verdicts: readonly Verdict[],
  run: { start: number; end: number },
  options: ResolvedExtractOptions,
): { start: number; end: number }[] {
  let from = 0;
  for (let i = 0; i < run.start; i++) {
    const verdict = verdicts[i];
    if (verdict?.ends) from = i + 1;
  }
  const above = mainRun(blocks, classes, from, run.start, options);
  return above.score >= MAIN_RUN.aboveMinWeight ? [above] : [];
}

/** A block's fate decided without context: a pattern, a repeated line of its site, a lone date. */
function judgeBlock(
  block: string,
  matches: readonly BlockMatch[],
  siteLines: ReadonlySet<string>,
  options: ResolvedExtractOptions,
  language: string | undefined,
): Verdict | undefined {
  const accepted = firstReadable(block, matches, options, language);
  if (accepted) {
    const { match, reading } = accepted;
    return {
      removed: { kind: match.rule.kind, text: block, rule: match.rule.id },
      reading,
      ends: match.rule.endsArticle,
    };
  }
  if (siteLines.has(comparableLine(block))) {
    const kind = isLabelLike(block, options.shortBlockMaxWords) ? "navigation" : "other";
    return { removed: { kind, text: block, rule: "site/repeated-line" } };
  }
  const dateOnly = dateOnlyBlock(block, options, language);
  if (dateOnly) {
    return {
      removed: { kind: "metadata", text: block, rule: "structure/date-only" },
      reading: { published: dateOnly },
    };
  }
  return undefined;
}

/**
 * The index of the first end marker that follows enough body (an appeal above the story must
 * not swallow it), or the number of blocks when there is none.
 */
function endOfArticle(
  verdicts: readonly Verdict[],
  classes: readonly ("good" | "bad")[],
  options: ResolvedExtractOptions,
  from: number,
): number {
  let body = 0;
  for (const [i, verdict] of verdicts.entries()) {
    if (i < from) continue;
    if (verdict.removed?.kind === "title") body = 0; // what stood above the headline was not the story
    if (verdict.ends && body >= options.minBodyBlocksBeforeEnd) return i;
    if (!verdict.removed && classes[i] === "good") body++;
  }
  return verdicts.length;
}

/**
 * The main run of body text: the stretch of blocks, before the end, that weighs the most (a
 * maximum-sum subarray). Prose weighs its length, thin prose a share of it, a short sentence
 * half its length; a label or a junk block weighs against the run. Boilerplate sits in runs
 * above and below, so the run starts and ends on text.
 */
function mainRun(
  blocks: readonly string[],
  classes: readonly TextClass[],
  from: number,
  end: number,
  options: ResolvedExtractOptions,
): { start: number; end: number; score: number } {
  let best = { start: from, end: from, score: 0 };
  let start = from;
  let score = 0;
  for (let i = from; i < end; i++) {
    if (score <= 0) {
      start = i;
      score = 0;
    }
    score += blockWeight(blocks[i] ?? "", classes[i] ?? "bad", options);
    if (score > best.score) best = { start, end: i + 1, score };
  }
  return best;
}

function blockWeight(block: string, textClass: TextClass, options: ResolvedExtractOptions): number {
  const length = block.length;
  switch (textClass) {
    case "good":
      return length;
    case "near-good":
      return length * MAIN_RUN.nearGoodShare;
    case "short":
      return isLabelLike(block, options.shortBlockMaxWords) && !endsLikeProse(block)
        ? -MAIN_RUN.labelWeight
        : length * MAIN_RUN.shortSentenceShare;
    case "bad":
      return -Math.min(MAIN_RUN.badMaxWeight, Math.max(MAIN_RUN.badMinWeight, length));
  }
}

/**
 * Lines shorter than a paragraph and without a full stop that the page shows more than once:
 * a label, a caption or a teaser headline that a sidebar or footer repeats. A story does not
 * repeat its own subheadings; a quoted sentence it repeats ends like one and stays.
 */
function repeatedLines(blocks: readonly string[]): Set<number> {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    const line = comparableLine(block);
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const found = new Set<number>();
  blocks.forEach((block, i) => {
    const short = block.length < DEFAULT_TEXT_CLASS_LIMITS.longMinChars && !endsLikeProse(block);
    if (short && (counts.get(comparableLine(block)) ?? 0) > 1) found.add(i);
  });
  return found;
}

/** A full sentence whose stopword share is that of good prose. */
function denseSentence(block: string, stopwords: readonly ReadonlySet<string>[]): boolean {
  if (!endsLikeProse(block) || stopwords.length === 0) return false;
  const density = Math.max(...stopwords.map((list) => stopwordDensity(block, list)));
  return density >= DEFAULT_TEXT_CLASS_LIMITS.stopwordsHigh;
}

/** Ends with a full stop, a question or an exclamation, maybe inside a quote or bracket. */
function endsLikeProse(block: string): boolean {
  return /[.!?…。！？]["'”’»)\]」』]*$/.test(block);
}

function outsideMain(block: string, options: ResolvedExtractOptions): RemovedBlock {
  const label = isLabelLike(block, options.shortBlockMaxWords);
  return { kind: label ? "navigation" : "other", text: block, rule: "structure/outside-main" };
}

function lowDensity(block: string, options: ResolvedExtractOptions): RemovedBlock {
  return isLabelLike(block, options.shortBlockMaxWords)
    ? { kind: "other", text: block, rule: "structure/short-unpunctuated" }
    : { kind: "other", text: block, rule: "structure/low-density" };
}

/** The first match whose reading succeeds: a byline must yield names, a dateline a date. */
function firstReadable(
  block: string,
  matches: readonly BlockMatch[],
  options: ResolvedExtractOptions,
  language: string | undefined,
): { match: BlockMatch; reading: Reading } | undefined {
  for (const match of matches) {
    const reading = readBlock(block, match, options, language);
    if (reading) return { match, reading };
  }
  return undefined;
}

function readBlock(
  block: string,
  match: BlockMatch,
  options: ResolvedExtractOptions,
  language: string | undefined,
): Reading | undefined {
  const labels = options.data.metadata.creditLabels;
  switch (match.rule.role) {
    case undefined:
    case "title-echo":
      return {};
    case "credit": {
      const credits = parseCreditLine(block, labels, options.data.metadata.sourceCreditLabels);
      return credits.length > 0 ? { credits } : undefined;
    }
    case "caption-credit": {
      const credit = creditOfCaption(block, labels);
      return credit ? { credits: [credit] } : {};
    }
    case "dateline-published":
    case "dateline-updated": {
      const date = dateFromText(match.groups.date ?? block, "dateline", language)?.date;
      if (!date) return undefined;
      return match.rule.role === "dateline-published" ? { published: date } : { updated: date };
    }
    case "byline":
      return readByline(match.groups.authors ?? "", options, language);
  }
}

/** "By Jane Doe and John Roe | Published 10 Nov 2017": names, and the date when there is one. */
function readByline(
  value: string,
  options: ResolvedExtractOptions,
  language: string | undefined,
): Reading | undefined {
  // "By Tuesday evening, 14 people had been injured." is a sentence, not a byline.
  if (/[.!?]$/.test(value) && !/\b\p{Lu}\.$/u.test(value)) return undefined;
  const check = { lexicon: options.data.metadata, maxWords: options.authorMaxWords };
  const people = splitAuthors(value).filter((name) => isAuthorName(name, check));
  if (people.length === 0) return undefined;
  const published = dateFromText(value, "dateline", language)?.date;
  return { authors: people, ...(published ? { published } : {}) };
}

interface FoundTitle {
  index: number;
  value: Sourced<string>;
  rule: string;
}

/** How far above the body the headline is looked for. */
export const TITLE_ABOVE_BODY = Object.freeze({
  /**
   * Blocks above the first body block that may hold the headline: 8, room for a kicker, a
   * byline, a date, a reading time, share buttons and a caption between headline and text.
   */
  window: 8,
  /**
   * A headline ending in a full stop has at most this many words: 12. Some blogs end their
   * titles so; a longer line ending so is a sentence (a standfirst, a teaser).
   */
  maxWordsWithStop: 12,
  /** A line counts as repeated on the page only from this many characters: 8, a short phrase. */
  minEchoChars: 8,
});

/**
 * The headline the record names, else the line that an image placeholder repeats
 * ("<title> Promo Image"): both are known before the body is.
 */
function knownTitle(
  blocks: readonly string[],
  matches: readonly BlockMatch[][],
  context: RawContext,
): FoundTitle | undefined {
  const { options, givenTitle } = context;
  if (givenTitle !== undefined) {
    const index = blocks
      .slice(0, options.titleSearchBlocks)
      .findIndex((block) => sameLine(block, givenTitle));
    if (index >= 0) return { index, value: { value: givenTitle, source: "record" }, rule: "record/title" };
  }
  for (const blockMatches of matches) {
    const echoed = blockMatches.find((m) => m.rule.role === "title-echo")?.groups.title;
    const index = echoed === undefined ? -1 : blocks.findIndex((block) => sameLine(block, echoed));
    const block = blocks[index];
    if (block !== undefined)
      return { index, value: { value: block, source: "title-echo" }, rule: "structure/title-echo" };
  }
  return undefined;
}

/**
 * The headline just above the body: between it and the first paragraph stand only a kicker,
 * bylines, dates, captions and buttons, which patterns and the site's repeated lines claim.
 * The nearest free line shaped like a headline wins, one of a few words before a lone word (a
 * menu entry is one word, a headline rarely). The run's first block is a candidate too when it
 * is no sentence and more body follows: the headline was then taken for a subheading.
 */
function titleAboveBody(
  blocks: readonly string[],
  judged: readonly Verdict[],
  run: { start: number; end: number },
  options: ResolvedExtractOptions,
  language: string | undefined,
): FoundTitle | undefined {
  if (run.end <= run.start) return undefined;
  const candidates: number[] = [];
  const first = Math.max(0, run.start - TITLE_ABOVE_BODY.window);
  for (let i = run.start; i >= first; i--) {
    const block = blocks[i] ?? "";
    if (judged[i]?.removed) continue;
    if (i === run.start && (run.end - run.start < 2 || endsLikeProse(block))) continue;
    // A line with a date in it is a byline or a dateline ("Posted on 5 May 2019 by Jane").
    if (headlineShaped(block, options) && !dateFromText(block, "dateline", language)) candidates.push(i);
  }
  const echoed = (i: number): boolean => echoedElsewhere(blocks, i);
  const fewWords = (i: number): boolean => wordCount(blocks[i] ?? "") >= options.titleMinWords;
  const index =
    candidates.find((i) => fewWords(i) && echoed(i)) ??
    candidates.find(fewWords) ??
    candidates.find(echoed) ??
    candidates[0];
  const block = index === undefined ? undefined : blocks[index];
  return index === undefined || block === undefined
    ? undefined
    : { index, value: { value: block, source: "headline" }, rule: "structure/headline-above-body" };
}

/**
 * Whether the page says the line again elsewhere: as a line of its own (a breadcrumb, a share
 * box, the next story's "previous post" link) or opening or quoted in a longer one ("1 comment
 * on <title>", "<title>, 4.5 out of 5"). Headlines are repeated so; a paragraph's first words
 * rarely are. Only lines of some length count, since short words recur by chance.
 */
function echoedElsewhere(blocks: readonly string[], index: number): boolean {
  const line = comparableLine(blocks[index] ?? "");
  if (line.length < TITLE_ABOVE_BODY.minEchoChars) return false;
  return blocks.some((other, j) => {
    if (j === index) return false;
    const form = comparableLine(other);
    const at = form.indexOf(line);
    if (at < 0) return false;
    const before = form[at - 1];
    const after = form[at + line.length];
    return (
      (before === undefined || !/[\p{L}\p{N}]/u.test(before)) &&
      (after === undefined || !/[\p{L}\p{N}]/u.test(after))
    );
  });
}

/** A line a headline could be: not too long, capitalised, no list, no clause left open. */
function headlineShaped(block: string, options: ResolvedExtractOptions): boolean {
  const words = wordCount(block);
  if (words > options.titleMaxWords) return false;
  if (listSeparators(block) >= DEFAULT_TEXT_CLASS_LIMITS.separatorsForList) return false;
  if (/[,;:]$/.test(block) || /^[←«‹<]|[→»›>]$/.test(block)) return false; // open clause, pager link
  if (/\.$/.test(block) && !/\.\.$|…$/.test(block) && words > TITLE_ABOVE_BODY.maxWordsWithStop) return false;
  return /^["'“‘„«]?[\p{Lu}\p{N}]/u.test(block);
}

/** The first headline-like line near the top that no pattern claims: when no body was found. */
function topHeadline(
  blocks: readonly string[],
  matches: readonly BlockMatch[][],
  siteLines: ReadonlySet<string>,
  options: ResolvedExtractOptions,
): FoundTitle | undefined {
  const index = blocks
    .slice(0, options.titleSearchBlocks)
    .findIndex(
      (block, i) =>
        (matches[i] ?? []).length === 0 &&
        !siteLines.has(comparableLine(block)) &&
        looksLikeHeadline(block, options) &&
        !dateOnlyBlock(block, options),
    );
  const block = blocks[index];
  return block === undefined
    ? undefined
    : { index, value: { value: block, source: "headline" }, rule: "structure/headline" };
}
