import type { Article, Event, OutletProfile, ParallaxResult, Story } from "../model/index.js";
import { PROFILE_COLUMNS, profileRows, type Section, storySections } from "./sections.js";
import { cellLines, eventLineText, factTitle, storyEventLines, stripControls } from "./text.js";

export interface TerminalReportOptions {
  /** Terminal width in columns; the table wraps its cells to fit. */
  width: number;
  /** Wordings shown per cell before "(+N more)": the JSON output has them all. */
  maxWordings: number;
  /** Events listed per story before "(+N more)": `parallax export events` has them all. */
  maxEvents: number;
}

export const DEFAULT_TERMINAL_OPTIONS: TerminalReportOptions = { width: 120, maxWordings: 2, maxEvents: 5 };

/** The fact column gets this share of the width; outlets share the rest. */
const FACT_COLUMN_SHARE = 0.28;
const MIN_COLUMN_WIDTH = 14;

export function renderTerminal(result: ParallaxResult, options: Partial<TerminalReportOptions> = {}): string {
  const opts = { ...DEFAULT_TERMINAL_OPTIONS, ...options };
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const events = new Map((result.events ?? []).map((e) => [e.id, e]));
  const parts = result.stories.map((story) => renderStory(story, articles, events, opts));
  // Profiles set outlets against each other across stories: with one story, its table says it all.
  if (result.outlets && result.outlets.length > 0 && result.stories.length > 1)
    parts.push(`OUTLET PROFILES\n${renderOutletProfiles(result.outlets, opts)}`);
  parts.push(renderSummary(result));
  return parts.join("\n\n");
}

function renderStory(
  story: Story,
  articles: Map<string, Article>,
  events: Map<string, Event>,
  opts: TerminalReportOptions,
): string {
  const members = story.articleIds.map((id) => articles.get(id)).filter((a): a is Article => a !== undefined);
  const outlets = story.comparison?.outlets ?? members.map((a) => a.outlet?.value ?? a.id);
  const header = [
    `STORY ${story.id}: ${stripControls(story.title)}`,
    `${members.length} article(s) from ${outlets.length} outlet(s)${story.firstPublished ? `, published ${story.firstPublished}` : ""}`,
    ...members.map(
      (a, i) =>
        `  [${stripControls(outlets[i] ?? a.id)}] ${stripControls(a.title?.value ?? "(untitled)")} — ${stripControls(a.origin.locator)}`,
    ),
    ...renderEvents(
      story,
      new Map(members.map((a, i) => [a.id, outlets[i] ?? a.id])),
      events,
      opts.maxEvents,
    ),
  ];
  const sections = storySections(story, articles).map(renderSection);
  const facts = story.comparison?.facts ?? [];
  if (facts.length === 0 || members.length < 2)
    return [...header, "  (a single article: nothing to compare)", ...sections].join("\n");
  const factWidth = Math.max(MIN_COLUMN_WIDTH, Math.floor(opts.width * FACT_COLUMN_SHARE));
  const cellWidth = Math.max(
    MIN_COLUMN_WIDTH,
    Math.floor((opts.width - factWidth - 3 * (outlets.length + 1)) / outlets.length),
  );
  const widths = [factWidth, ...outlets.map(() => cellWidth)];
  const rows = [
    ["Fact", ...outlets.map(stripControls)],
    ...facts.map((fact) => [
      factTitle(fact),
      ...fact.cells.map((c) => cellLines(c, opts.maxWordings, fact).join("\n")),
    ]),
  ];
  return [...header, renderTable(rows, widths), ...sections].join("\n");
}

/** A section under the table: its title, each outlet's block, each line indented under it. */
function renderSection(section: Section): string {
  return [
    `  ${section.title}:`,
    ...section.blocks.flatMap((block) => [
      `    [${stripControls(block.head)}]`,
      ...block.lines.map((line) => `      ${stripControls(line)}`),
    ]),
  ].join("\n");
}

/** Outlet profiles as a table: whom each quotes, how it labels, how it stands apart. */
export function renderOutletProfiles(
  profiles: readonly OutletProfile[],
  options: Partial<Pick<TerminalReportOptions, "width">> = {},
): string {
  if (profiles.length === 0) return "(no outlets: run parallax analyze first)";
  const width = options.width ?? DEFAULT_TERMINAL_OPTIONS.width;
  const widths = profileWidths(width);
  const rows = [[...PROFILE_COLUMNS], ...profileRows(profiles).map((row) => row.map(stripControls))];
  return renderTable(rows, widths);
}

/** Narrow columns for counts and rates; the rest share what is left. */
const PROFILE_NARROW = { Articles: 8, "Stories (compared)": 10, Load: 5 } as Record<string, number>;

function profileWidths(width: number): number[] {
  const fixed = PROFILE_COLUMNS.reduce((sum, c) => sum + (PROFILE_NARROW[c] ?? 0), 0);
  const wide = PROFILE_COLUMNS.filter((c) => PROFILE_NARROW[c] === undefined).length;
  const border = 3 * PROFILE_COLUMNS.length + 1;
  const each = Math.max(MIN_COLUMN_WIDTH, Math.floor((width - fixed - border) / wide));
  return PROFILE_COLUMNS.map((c) => PROFILE_NARROW[c] ?? each);
}

/** `labels`: the story's column name of each article, so the events name sources as the table does. */
function renderEvents(
  story: Story,
  labels: Map<string, string>,
  events: Map<string, Event>,
  maxEvents: number,
): string[] {
  const lines = storyEventLines(story, events, (id) => labels.get(id) ?? id);
  if (lines.length === 0) return [];
  const more = lines.length > maxEvents ? [`    (+${lines.length - maxEvents} more)`] : [];
  return [
    "  Events:",
    ...lines.slice(0, maxEvents).map((l) => `    - ${stripControls(eventLineText(l))}`),
    ...more,
  ];
}

function renderSummary(result: ParallaxResult): string {
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const lines = [
    `Summary: ${result.articles.length} article(s), ${result.stories.length} story(ies), ${errors.length} error(s).`,
  ];
  return lines.join("\n");
}

/** A box table whose cells wrap at word boundaries; newlines inside a cell start new lines. */
export function renderTable(rows: string[][], widths: number[]): string {
  const line = (l: string, m: string, r: string) => l + widths.map((w) => "─".repeat(w + 2)).join(m) + r;
  const out = [line("┌", "┬", "┐")];
  rows.forEach((row, r) => {
    const wrapped = row.map((cell, c) => wrap(cell, widths[c] ?? MIN_COLUMN_WIDTH));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let i = 0; i < height; i++) {
      out.push(`│ ${wrapped.map((w, c) => (w[i] ?? "").padEnd(widths[c] ?? 0)).join(" │ ")} │`);
    }
    out.push(r === rows.length - 1 ? line("└", "┴", "┘") : line("├", "┼", "┤"));
  });
  return out.join("\n");
}

export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let current = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      for (const piece of chop(word, width)) {
        if (current && current.length + 1 + piece.length > width) {
          lines.push(current);
          current = piece;
        } else current = current ? `${current} ${piece}` : piece;
      }
    }
    lines.push(current);
  }
  return lines;
}

function chop(word: string, width: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < word.length; i += width) pieces.push(word.slice(i, i + width));
  return pieces;
}
