import type { Article, Event, OutletProfile, ParallaxResult, Story } from "../model/index.js";
import { PROFILE_COLUMNS, profileRows, type Section, storySections } from "./sections.js";
import { cellLines, eventLineText, factTitle, storyEventLines, stripControls } from "./text.js";

/**
 * Scraped text is hostile: in Markdown it could open links, images or raw HTML. Brackets (links,
 * images), emphasis and code marks, table pipes and HTML are escaped, and line breaks inside a cell
 * become <br>. Marks that only act at the start of a line (#, -, >) cannot, inside a table cell.
 */
export function escapeMarkdown(text: string): string {
  // A Markdown report is often read in a terminal: no escape sequence may pass through it either.
  return stripControls(text)
    .replace(/[\\`*_{}[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, "<br>");
}

/** Events listed per story before "(+N more)": `parallax export events` has them all. */
const MAX_EVENTS = 8;

/**
 * Outside a table cell, marks at the start of a line act: in a list item, "# x" is a heading and
 * "1. x" a nested list. Such a start is escaped.
 */
export function escapeLineStart(text: string): string {
  return text.replace(/^(\d{1,9})([.)])/, "$1\\$2").replace(/^([#>+=-])/, "\\$1");
}

export function renderMarkdown(result: ParallaxResult, maxWordings = 3): string {
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const events = new Map((result.events ?? []).map((e) => [e.id, e]));
  const sections = result.stories.map((story) => renderStory(story, articles, events, maxWordings));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  // Profiles set outlets against each other across stories: with one story, its table says it all.
  const profiles =
    result.outlets && result.outlets.length > 0 && result.stories.length > 1
      ? ["## Outlet profiles", "", renderOutletProfilesMarkdown(result.outlets)]
      : [];
  return [
    "# Parallax report",
    "",
    `${result.articles.length} article(s), ${result.stories.length} story(ies), ${errors.length} error(s).`,
    "",
    ...sections,
    ...profiles,
  ].join("\n");
}

function renderStory(
  story: Story,
  articles: Map<string, Article>,
  events: Map<string, Event>,
  maxWordings: number,
): string {
  const members = story.articleIds.map((id) => articles.get(id)).filter((a): a is Article => a !== undefined);
  const outlets = story.comparison?.outlets ?? members.map((a) => a.id);
  const lines = [`## ${escapeMarkdown(story.title)}`, "", `Story \`${story.id}\``, ""];
  members.forEach((a, i) => {
    lines.push(
      `- **${escapeMarkdown(outlets[i] ?? a.id)}**: ${escapeMarkdown(a.title?.value ?? "(untitled)")} (${escapeMarkdown(a.origin.locator)})`,
    );
  });
  lines.push(...renderEvents(story, new Map(members.map((a, i) => [a.id, outlets[i] ?? a.id])), events));
  const sections = storySections(story, articles).flatMap(renderSection);
  const facts = story.comparison?.facts ?? [];
  if (facts.length === 0 || members.length < 2)
    return [...lines, "", "_A single article: nothing to compare._", ...sections, ""].join("\n");
  lines.push(
    "",
    `| Fact | ${outlets.map(escapeMarkdown).join(" | ")} |`,
    `|---|${outlets.map(() => "---").join("|")}|`,
  );
  for (const fact of facts) {
    const cells = fact.cells.map((c) => cellLines(c, maxWordings, fact).map(escapeMarkdown).join("<br>"));
    lines.push(`| ${escapeMarkdown(factTitle(fact))} | ${cells.join(" | ")} |`);
  }
  lines.push(...sections, "");
  return lines.join("\n");
}

/** A bold title, then a bullet per block with its lines nested; all of it is escaped. */
function renderSection(section: Section): string[] {
  return [
    "",
    `**${section.title}**`,
    "",
    ...section.blocks.flatMap((block) => [
      `- **${escapeMarkdown(block.head)}**`,
      ...block.lines.map((line) => `  - ${escapeLineStart(escapeMarkdown(line))}`),
    ]),
  ];
}

/** Outlet profiles as a Markdown table, every cell escaped. */
export function renderOutletProfilesMarkdown(profiles: readonly OutletProfile[]): string {
  if (profiles.length === 0) return "_No outlets: run parallax analyze first._\n";
  return [
    `| ${PROFILE_COLUMNS.join(" | ")} |`,
    `|${PROFILE_COLUMNS.map(() => "---").join("|")}|`,
    ...profileRows(profiles).map((row) => `| ${row.map(escapeMarkdown).join(" | ")} |`),
    "",
  ].join("\n");
}

/** A bullet list; every piece of it is scraped or derived text, so all of it is escaped. */
function renderEvents(story: Story, labels: Map<string, string>, events: Map<string, Event>): string[] {
  const lines = storyEventLines(story, events, (id) => labels.get(id) ?? id);
  if (lines.length === 0) return [];
  const more = lines.length > MAX_EVENTS ? [`- _(+${lines.length - MAX_EVENTS} more)_`] : [];
  return [
    "",
    "**Events**",
    "",
    ...lines.slice(0, MAX_EVENTS).map((l) => `- ${escapeLineStart(escapeMarkdown(eventLineText(l)))}`),
    ...more,
  ];
}
