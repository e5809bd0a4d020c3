import type { Credit, DateValue, RemovedBlock, Sourced } from "../model/index.js";
import { isAuthorName, splitAuthors } from "./authors.js";
import { rawBlocks, sameLine } from "./blocks.js";
import { type BlockMatch, dateOnlyBlock, isLabelLike, looksLikeHeadline } from "./classify.js";
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
}

/** What reading one matched block gave, when the reading succeeded. */
interface Reading {
  credits?: Credit[];
  published?: DateValue;
  updated?: DateValue;
  authors?: string[];
}

/**
 * Reads already-flattened scraped text: splits it into blocks, finds the headline, and sorts
 * every other block into body or boilerplate (by pattern, then by structure). Once an end
 * marker (donation appeal, comment policy, copyright) follows some body, the rest is not body.
 */
export function extractRaw(content: string, context: RawContext): Extraction {
  const { options, classify } = context;
  const blocks = rawBlocks(content);
  const matches = blocks.map(classify);
  const title = findTitle(blocks, matches, context);

  const paragraphs: string[] = [];
  const removed: RemovedBlock[] = [];
  const credits: Credit[] = [];
  const authors: Sourced<string>[] = [];
  let published: DateValue | undefined;
  let updated: DateValue | undefined;
  let ended = false;

  blocks.forEach((block, i) => {
    if (title && (i === title.index || sameLine(block, title.value.value))) {
      removed.push({ kind: "title", text: block, rule: title.rule });
      return;
    }
    const accepted = firstReadable(block, matches[i] ?? [], options);
    if (accepted) {
      const { match, reading } = accepted;
      removed.push({ kind: match.rule.kind, text: block, rule: match.rule.id });
      credits.push(...(reading.credits ?? []));
      published ??= reading.published;
      updated ??= reading.updated;
      for (const name of reading.authors ?? []) authors.push({ value: name, source: "byline" });
      if (match.rule.endsArticle && paragraphs.length >= options.minBodyBlocksBeforeEnd) ended = true;
      return;
    }
    if (ended) {
      removed.push({ kind: "other", text: block, rule: "structure/after-end" });
      return;
    }
    const dateOnly = dateOnlyBlock(block, options);
    if (dateOnly) {
      removed.push({ kind: "metadata", text: block, rule: "structure/date-only" });
      published ??= dateOnly;
      return;
    }
    if (isLabelLike(block, options.shortBlockMaxWords)) {
      removed.push({ kind: "other", text: block, rule: "structure/short-unpunctuated" });
      return;
    }
    paragraphs.push(block);
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

/** The first match whose reading succeeds: a byline must yield names, a dateline a date. */
function firstReadable(
  block: string,
  matches: readonly BlockMatch[],
  options: ResolvedExtractOptions,
): { match: BlockMatch; reading: Reading } | undefined {
  for (const match of matches) {
    const reading = readBlock(block, match, options);
    if (reading) return { match, reading };
  }
  return undefined;
}

function readBlock(block: string, match: BlockMatch, options: ResolvedExtractOptions): Reading | undefined {
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
      const date = dateFromText(match.groups.date ?? block, "dateline")?.date;
      if (!date) return undefined;
      return match.rule.role === "dateline-published" ? { published: date } : { updated: date };
    }
    case "byline":
      return readByline(match.groups.authors ?? "", options);
  }
}

/** "By Jane Doe and John Roe | Published 10 Nov 2017": names, and the date when there is one. */
function readByline(value: string, options: ResolvedExtractOptions): Reading | undefined {
  // "By Tuesday evening, 14 people had been injured." is a sentence, not a byline.
  if (/[.!?]$/.test(value) && !/\b\p{Lu}\.$/u.test(value)) return undefined;
  const check = { lexicon: options.data.metadata, maxWords: options.authorMaxWords };
  const people = splitAuthors(value).filter((name) => isAuthorName(name, check));
  if (people.length === 0) return undefined;
  const published = dateFromText(value, "dateline")?.date;
  return { authors: people, ...(published ? { published } : {}) };
}

interface FoundTitle {
  index: number;
  value: Sourced<string>;
  rule: string;
}

/**
 * The headline: the line the source record names as title, else the line that an image
 * placeholder repeats ("<title> Promo Image"), else the first headline-like line near the top
 * that no pattern claims.
 */
function findTitle(
  blocks: readonly string[],
  matches: readonly BlockMatch[][],
  context: RawContext,
): FoundTitle | undefined {
  const { options, givenTitle } = context;
  const top = blocks.slice(0, options.titleSearchBlocks);
  if (givenTitle !== undefined) {
    const index = top.findIndex((block) => sameLine(block, givenTitle));
    if (index >= 0) return { index, value: { value: givenTitle, source: "record" }, rule: "record/title" };
  }
  for (const blockMatches of matches) {
    const echoed = blockMatches.find((m) => m.rule.role === "title-echo")?.groups.title;
    const index = echoed === undefined ? -1 : blocks.findIndex((block) => sameLine(block, echoed));
    const block = blocks[index];
    if (block !== undefined)
      return { index, value: { value: block, source: "title-echo" }, rule: "structure/title-echo" };
  }
  const index = top.findIndex(
    (block, i) =>
      (matches[i] ?? []).length === 0 && looksLikeHeadline(block, options) && !dateOnlyBlock(block, options),
  );
  const block = blocks[index];
  return block === undefined
    ? undefined
    : { index, value: { value: block, source: "headline" }, rule: "structure/headline" };
}
